// Trainer captions written in Markdown, parsed by md4c (Debian's libmd4c)
// into blocks of styled words and drawn by ImGui with word wrapping: bold
// (and headings) in the bold face, `code` and emphasis in color, bullet and
// numbered lists indented. A line breaks only between words.
#pragma once

#include <string>
#include <vector>

namespace tablemap::viz {

struct MarkdownRun {
  std::string text;
  bool bold = false, emphasis = false, code = false;
};

struct MarkdownBlock {
  enum class Kind { paragraph, heading, list_item, code } kind = Kind::paragraph;
  int depth = 0;            // list nesting (list items)
  std::string marker;       // "•" or "3." (list items)
  std::vector<MarkdownRun> runs;
};

// The blocks of a Markdown text (HTML comments and raw HTML are left out).
std::vector<MarkdownBlock> parse_markdown(const std::string& text);
// The plain text of the blocks, one line each (for tests and tooltips).
std::string markdown_plain(const std::vector<MarkdownBlock>& blocks);
// Draws the blocks in the current window, wrapped at its width.
void draw_markdown(const std::vector<MarkdownBlock>& blocks);

}  // namespace tablemap::viz
