// Markdown captions: md4c's callbacks build the blocks, ImGui draws them
// word by word (viz/markdown.hpp).
#include "viz/markdown.hpp"

#include <md4c.h>

#include <imgui.h>

#include "viz/fit_text.hpp"

namespace tablemap::viz {
namespace {

struct Builder {
  std::vector<MarkdownBlock> blocks;
  int bold = 0, emphasis = 0, code = 0, html = 0;
  std::vector<int> list_counter;  // per open list: next number, or -1 for bullets
  bool in_block = false;

  MarkdownBlock& open(MarkdownBlock::Kind kind) {
    blocks.push_back({});
    blocks.back().kind = kind;
    in_block = true;
    return blocks.back();
  }
  void add(const std::string& text) {
    if (!in_block) open(MarkdownBlock::Kind::paragraph);
    MarkdownBlock& b = blocks.back();
    const bool is_bold = bold > 0 || b.kind == MarkdownBlock::Kind::heading;
    if (!b.runs.empty() && b.runs.back().bold == is_bold && b.runs.back().emphasis == (emphasis > 0) &&
        b.runs.back().code == (code > 0)) {
      b.runs.back().text += text;
      return;
    }
    b.runs.push_back({text, is_bold, emphasis > 0, code > 0});
  }
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL: b.list_counter.push_back(-1); break;
    case MD_BLOCK_OL: b.list_counter.push_back(int(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)); break;
    case MD_BLOCK_LI: {
      MarkdownBlock& li = b.open(MarkdownBlock::Kind::list_item);
      li.depth = int(b.list_counter.size());
      int& n = b.list_counter.back();
      li.marker = n < 0 ? "\xe2\x80\xa2" : std::to_string(n++) + ".";
      break;
    }
    case MD_BLOCK_P:
      // A paragraph inside a list item continues the item.
      if (!(b.in_block && b.blocks.back().kind == MarkdownBlock::Kind::list_item && b.blocks.back().runs.empty()))
        b.open(MarkdownBlock::Kind::paragraph);
      break;
    case MD_BLOCK_H: b.open(MarkdownBlock::Kind::heading); break;
    case MD_BLOCK_CODE: b.open(MarkdownBlock::Kind::code); break;
    case MD_BLOCK_HTML: ++b.html; break;
    default: break;
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: b.list_counter.pop_back(); break;
    case MD_BLOCK_LI:
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_CODE: b.in_block = false; break;
    case MD_BLOCK_HTML: --b.html; break;
    default: break;
  }
  return 0;
}

int enter_span(MD_SPANTYPE type, void*, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  if (type == MD_SPAN_STRONG) ++b.bold;
  if (type == MD_SPAN_EM) ++b.emphasis;
  if (type == MD_SPAN_CODE) ++b.code;
  return 0;
}

int leave_span(MD_SPANTYPE type, void*, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  if (type == MD_SPAN_STRONG) --b.bold;
  if (type == MD_SPAN_EM) --b.emphasis;
  if (type == MD_SPAN_CODE) --b.code;
  return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
  Builder& b = *static_cast<Builder*>(user);
  if (b.html > 0 || type == MD_TEXT_HTML) return 0;
  switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR: b.add(" "); break;
    case MD_TEXT_ENTITY: {
      const std::string e(data, size);
      b.add(e == "&amp;" ? "&" : e == "&lt;" ? "<" : e == "&gt;" ? ">" : e == "&nbsp;" ? " " : e);
      break;
    }
    case MD_TEXT_NULLCHAR: break;
    default: b.add(std::string(data, size)); break;
  }
  return 0;
}

}  // namespace

std::vector<MarkdownBlock> parse_markdown(const std::string& source) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_NOINDENTEDCODEBLOCKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  Builder b;
  md_parse(source.data(), MD_SIZE(source.size()), &parser, &b);
  std::vector<MarkdownBlock> out;
  for (MarkdownBlock& block : b.blocks)
    if (!block.runs.empty()) out.push_back(std::move(block));
  return out;
}

std::string markdown_plain(const std::vector<MarkdownBlock>& blocks) {
  std::string out;
  for (const MarkdownBlock& b : blocks) {
    if (!out.empty()) out += "\n";
    if (b.kind == MarkdownBlock::Kind::list_item) out += b.marker + " ";
    for (const MarkdownRun& r : b.runs) out += r.text;
  }
  return out;
}

void draw_markdown(const std::vector<MarkdownBlock>& blocks) {
  const ImVec4 code_color{0.55f, 0.15f, 0.45f, 1}, emphasis_color{0.15f, 0.3f, 0.6f, 1};
  for (size_t k = 0; k < blocks.size(); ++k) {
    const MarkdownBlock& b = blocks[k];
    if (k > 0 && b.kind != MarkdownBlock::Kind::list_item) ImGui::Spacing();
    const float indent = b.kind == MarkdownBlock::Kind::list_item ? ImGui::GetFontSize() * 1.3f * float(b.depth) : 0;
    if (indent > 0) ImGui::Indent(indent);
    if (b.kind == MarkdownBlock::Kind::list_item) {
      // The marker hangs left of the item's text.
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float mw = ImGui::CalcTextSize(b.marker.c_str()).x;
      ImGui::GetWindowDrawList()->AddText({p.x - mw - 5, p.y}, ImGui::GetColorU32(ImGuiCol_Text), b.marker.c_str());
    }
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    const float space = ImGui::CalcTextSize(" ").x;
    const float line_start = ImGui::GetCursorPosX();
    bool line_empty = true, pending_space = false;
    ImGui::BeginGroup();
    for (const MarkdownRun& r : b.runs) {
      ImFont* font = r.bold ? bold_font() : ImGui::GetFont();
      ImGui::PushFont(font);
      if (r.code) ImGui::PushStyleColor(ImGuiCol_Text, code_color);
      else if (r.emphasis) ImGui::PushStyleColor(ImGuiCol_Text, emphasis_color);
      // Word by word: a word goes to the next line when it does not fit (never broken).
      size_t i = 0;
      const std::string& t = r.text;
      while (i < t.size()) {
        if (t[i] == ' ') pending_space = true;
        while (i < t.size() && t[i] == ' ') ++i;
        size_t j = i;
        while (j < t.size() && t[j] != ' ') ++j;
        if (j == i) break;
        const bool lead_space = pending_space;
        pending_space = false;
        const std::string word = t.substr(i, j - i);
        const float w = ImGui::CalcTextSize(word.c_str()).x;
        if (!line_empty) {
          ImGui::SameLine(0, 0);
          const float gap = lead_space ? space : 0;
          if (ImGui::GetCursorPosX() + gap + w > right) {
            ImGui::NewLine();
            ImGui::SetCursorPosX(line_start);
          } else if (gap > 0) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + gap);
          }
        }
        ImGui::TextUnformatted(word.c_str());
        line_empty = false;
        i = j;
      }
      if (r.code || r.emphasis) ImGui::PopStyleColor();
      ImGui::PopFont();
    }
    ImGui::EndGroup();
    if (indent > 0) ImGui::Unindent(indent);
  }
}

}  // namespace tablemap::viz
