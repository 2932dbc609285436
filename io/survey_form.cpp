#include "io/survey_form.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <xlsxwriter.h>

#include "core/survey.hpp"
#include "io/codec.hpp"
#include "io/load.hpp"
#include "io/suggest.hpp"
#include "io/workbook_write.hpp"

namespace tablemap {

namespace {

// The partner table's columns: the spec's answers.csv columns, the partner
// named twice (name to read, id to match), and the question each asks.
struct FormColumn {
  const char* header;
  const char* question;  // in plain words, above the header
  double width;
};
const FormColumn kColumns[] = {
    {"partner", "The other organizations of the coalition: one row each", 42},
    {"partner_id", "(tablemap's id: leave as it is)", 16},
    {"intensity", "How closely do you work with them? Blank: not at all", 16},
    {"frequency", "How often are you in touch?", 13},
    {"kind", "What passes between you? (one, or several with ;)", 20},
    {"reliability", "Do they follow through on commitments? 1-4", 12},
    {"mission", "Do they share the coalition's mission? 1-4", 12},
    {"openness", "Are they open to discussion? 1-4", 12},
    {"power", "Do they have power and influence in the community? 1-4", 12},
    {"resources", "Do they bring resources (money, staff, data, space)? 1-4", 12},
    {"involvement", "How involved are they in the coalition? 1-4", 12},
};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);
constexpr size_t kFirstQuestion = 2;  // intensity
constexpr size_t kFirstItem = 5;      // reliability

const char* kRatingInput =
    "1 not at all, 2 a little, 3 a fair amount, 4 a great deal. Leave it blank when you cannot say: a blank is "
    "'not answered', never 0.";

std::string key_of(std::string_view s) { return sheet_name_key(trim(s)); }
bool label_is(std::string_view cell, const char* label) {
  const std::string k = key_of(cell), want = key_of(label);
  return !want.empty() && k.rfind(want, 0) == 0;
}

// Excel's rules for a sheet name: at most 31 characters, none of []:*?/\,
// not starting or ending with ', unique ignoring case.
std::string sheet_name_for(std::string_view name, std::unordered_set<std::string>& used) {
  std::string base;
  for (char c : name) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
  auto cut = [](std::string s, size_t n) {
    if (s.size() > n) {
      s.resize(n);
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // a split UTF-8 letter
      if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\'')) s.erase(0, 1);
    return s;
  };
  base = cut(base, 31);
  if (base.empty()) base = "Organization";
  std::string candidate = base;
  for (int n = 2;; ++n) {
    std::string lower;
    for (char c : candidate) lower += char(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "instructions" && lower != "history" && used.insert(lower).second) return candidate;
    const std::string suffix = " " + std::to_string(n);
    candidate = cut(base, 31 - suffix.size()) + suffix;
  }
}

std::vector<std::string> instructions(const Community& c) {
  const std::string community = c.profile.name.empty() ? "the coalition" : c.profile.name;
  return {
      "Partner survey of " + community,
      "This workbook asks each partner organization of " + community +
          " how it works with the others. Each organization has its own sheet, named after it (the tabs at the bottom).",
      "",
      "1. Open your organization's sheet and fill in only that one. Leave the ids and the column headers as they are.",
      "2. At the top, choose yes under each thing your organization brings to the coalition, and pick the one that "
      "matters most.",
      "3. The table lists every other organization, one row each. For each one you work with, choose in the "
      "intensity column how closely:",
      "    awareness: you know what they do;",
      "    cooperation: you exchange information and attend meetings together;",
      "    coordination: you plan and time activities together, or share data;",
      "    integration: you have contracts, pooled funding or joint work.",
      "   Leave the whole row blank for an organization you do not work with.",
      "4. frequency: how often you are in touch (yearly, quarterly, monthly, weekly, daily). kind: what passes "
      "between you (information, resources, joint_programming, data_sharing, referral, formal_agreement); several "
      "can be written with ; between them.",
      "5. Rate each organization you work with from 1 (not at all) to 4 (a great deal):",
      "    reliability: it follows through on its commitments;",
      "    mission: it shares the coalition's mission;",
      "    openness: it is open to discussion;",
      "    power: it has power and influence in the community;",
      "    resources: it brings resources (money, staff, data, space);",
      "    involvement: it is involved in the coalition.",
      "   Leave a rating blank when you cannot say: a blank counts as not answered, never as 0.",
      "6. When you are done, choose yes at Answered, also when you work with none of the organizations listed.",
      "7. Save the workbook as it is (.xlsx) and send it back to whoever sent it to you.",
      "",
      "For the coordinator: put the workbooks that come back in one folder and run",
      "    tablemap survey report FOLDER BUNDLE     (who answered, trust and value)",
      "    tablemap survey import FOLDER BUNDLE OUT (the community with the survey's ties)",
      "A single workbook that everyone filled in works as well. An organization whose sheet nobody filled in counts "
      "as not answered.",
  };
}

// A drop-down on a range; `list` ends with nullptr. Messages are limited by Excel to 255 characters.
void drop_down(lxw_worksheet* ws, lxw_row_t first, lxw_col_t col, lxw_row_t last, const char** list,
               const char* title, const char* message, bool strict, const std::string& where,
               lxw_col_t last_col = 0) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(list);
  v.input_title = const_cast<char*>(title);
  v.input_message = const_cast<char*>(message);
  v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
  v.error_title = const_cast<char*>("Not one of the answers");
  v.error_message = const_cast<char*>(strict ? "Choose one of the answers of the list, or leave the cell blank."
                                             : "Choose from the list; several kinds are written with ; between them.");
  const lxw_error e = worksheet_data_validation_range(ws, first, col, last, std::max(col, last_col), &v);
  if (e != LXW_NO_ERROR) throw SaveError("cannot write " + where + ": " + lxw_strerror(e));
}

// Null-terminated lists of words for the drop-downs (kept alive while writing).
struct WordList {
  std::vector<std::string> words;
  std::vector<const char*> pointers;
  template <class Enum, class F>
  static WordList of(int count, F&& word) {
    WordList l;
    for (int i = 0; i < count; ++i) l.words.emplace_back(word(Enum(i)));
    for (const auto& w : l.words) l.pointers.push_back(w.c_str());
    l.pointers.push_back(nullptr);
    return l;
  }
  const char** list() { return pointers.data(); }
};

}  // namespace

SurveyFormLayout survey_form_layout(const Community& community, std::vector<uint32_t> asked) {
  SurveyFormLayout layout;
  const size_t n = community.organizations.size();
  if (asked.empty())
    for (uint32_t i = 0; i < n; ++i) asked.push_back(i);
  std::sort(asked.begin(), asked.end());
  asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
  std::unordered_set<std::string> used;
  for (uint32_t row : asked) layout.sheet.push_back(sheet_name_for(community.organizations[row].name, used));
  layout.asked = std::move(asked);
  layout.partner_rows = layout.asked.size() * (n ? n - 1 : 0);
  return layout;
}

void write_survey_form(const Community& community, const SurveyFormLayout& layout, const std::string& path) {
  XlsxBook book(path, {"Partner survey of " + community.profile.name, community.profile.year});
  SheetContent readme{"Instructions", {}, {}, true};
  for (const std::string& line : instructions(community)) readme.rows.push_back({line});
  book.add_sheet(readme);

  lxw_format* bold = workbook_add_format(book.book());
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(book.book());
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* grey = workbook_add_format(book.book());
  format_set_font_color(grey, 0x707070);
  lxw_format* question = workbook_add_format(book.book());
  format_set_text_wrap(question);
  format_set_italic(question);
  format_set_align(question, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* answer = workbook_add_format(book.book());
  format_set_bg_color(answer, 0xFFF2CC);
  format_set_border(answer, LXW_BORDER_THIN);
  lxw_format* header_wrap = workbook_add_format(book.book());
  format_set_bold(header_wrap);
  format_set_text_wrap(header_wrap);
  format_set_bg_color(header_wrap, 0xDDEBF7);

  WordList yes_no;
  yes_no.words = {"yes", "no"};
  for (const auto& w : yes_no.words) yes_no.pointers.push_back(w.c_str());
  yes_no.pointers.push_back(nullptr);
  auto contributions = WordList::of<Contribution>(kContributionCount, [](Contribution c) { return to_string(c); });
  auto steps = WordList::of<int>(kIntensityCount, [](int i) { return to_string(Intensity(i + 1)); });
  auto frequencies = WordList::of<Frequency>(kFrequencyCount, [](Frequency f) { return to_string(f); });
  auto kinds = WordList::of<TieKind>(kTieKindCount, [](TieKind k) { return to_string(k); });
  auto ratings = WordList::of<int>(4, [](int i) { return std::to_string(i + 1); });

  const auto& orgs = community.organizations;
  for (size_t s = 0; s < layout.asked.size(); ++s) {
    const Organization& self = orgs[layout.asked[s]];
    const std::string where = path + " (sheet " + layout.sheet[s] + ")";
    lxw_worksheet* ws = workbook_add_worksheet(book.book(), layout.sheet[s].c_str());
    if (!ws) throw SaveError("cannot write " + where + ": the sheet name is not allowed");
    auto text = [&](int row, size_t col, const std::string& value, lxw_format* f = nullptr) {
      const lxw_error e = worksheet_write_string(ws, lxw_row_t(row - 1), lxw_col_t(col), value.c_str(), f);
      if (e != LXW_NO_ERROR) throw SaveError("cannot write " + where + ": " + lxw_strerror(e));
    };
    for (size_t c = 0; c < kColumnCount; ++c)
      worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c == 0 ? 34 : kColumns[c].width, nullptr);
    worksheet_set_column(ws, lxw_col_t(kColumnCount), lxw_col_t(kContributionCount), 12, nullptr);

    text(1, 0, kFormAnswersOf, bold);
    text(1, 1, self.name, title);
    text(2, 0, kFormOrganizationId, bold);
    text(2, 1, self.id, grey);
    text(2, 2, "tablemap finds your organization by this id: leave it as it is", grey);
    text(3, 0, kFormAnswered, bold);
    text(3, 1, "", answer);
    text(3, 2, "choose yes when your answers are complete, also when you work with none of those below", grey);
    drop_down(ws, 2, 1, 2, yes_no.list(), "Answered",
              "yes when your answers are complete (also when you work with none of the organizations listed).", true,
              where);
    text(4, 0, kFormContributes, bold);
    text(5, 0, "(choose yes under each)", grey);
    worksheet_set_row(ws, 3, 30, nullptr);
    for (int c = 0; c < kContributionCount; ++c) {
      text(4, size_t(c + 1), contributions.words[size_t(c)], header_wrap);
      text(5, size_t(c + 1), "", answer);
    }
    drop_down(ws, 4, 1, 4, yes_no.list(), "What you contribute",
              "yes when your organization brings this to the coalition.", true, where, kContributionCount);
    text(6, 0, kFormMostImportant, bold);
    text(6, 1, "", answer);
    drop_down(ws, 5, 1, 5, contributions.list(), "Most important",
              "The one thing your organization brings that matters most.", true, where);

    // The partner table: questions in plain words, then the spec's column names.
    worksheet_set_row(ws, kFormHeaderRow - 2, 48, question);
    for (size_t c = 0; c < kColumnCount; ++c) {
      text(kFormHeaderRow - 1, c, kColumns[c].question, question);
      text(kFormHeaderRow, c, kColumns[c].header, book.header_format());
    }
    int row = kFormHeaderRow;
    for (size_t o = 0; o < orgs.size(); ++o) {
      if (o == layout.asked[s]) continue;
      ++row;
      text(row, 0, orgs[o].name);
      text(row, 1, orgs[o].id, grey);
    }
    if (row > kFormHeaderRow) {
      const lxw_row_t first = kFormHeaderRow, last = lxw_row_t(row - 1);  // 0-based rows of the partners
      drop_down(ws, first, 2, last, steps.list(), "How closely you work",
                "awareness: you know what they do; cooperation: you share information, meet; coordination: you plan "
                "activities together, share data; integration: contracts, pooled funding, joint work. Blank: you do "
                "not work with them.",
                true, where);
      drop_down(ws, first, 3, last, frequencies.list(), "How often", "How often you are in touch with them.", true,
                where);
      drop_down(ws, first, 4, last, kinds.list(), "What passes between you",
                "One kind from the list, or several written with ; between them.", false, where);
      static const char* kTitles[] = {"Reliability", "Mission", "Openness", "Power and influence", "Resources",
                                      "Involvement"};
      for (size_t i = 0; i < size_t(kItemCount); ++i)
        drop_down(ws, first, lxw_col_t(kFirstItem + i), last, ratings.list(), kTitles[i], kRatingInput, true, where);
    }
    worksheet_freeze_panes(ws, kFormHeaderRow, 1);
  }
  book.commit();
}

namespace {

// A table built from cells, for the survey decoder.
struct TableBuilder {
  RowTable t;
  TableBuilder(std::string file, std::vector<std::string> header, uint32_t header_line) {
    t.file = std::move(file);
    t.header = std::move(header);
    t.header_line = header_line;
  }
  void row(uint32_t line, const std::vector<std::string>& cells) {
    std::vector<RowTable::Span> spans;
    for (size_t c = 0; c < t.header.size() && c < cells.size(); ++c) spans.push_back(t.copy(cells[c]));
    t.add_row(spans.data(), spans.size(), line);
  }
};

const std::string& cell(const std::vector<std::string>& row, size_t c) {
  static const std::string kEmpty;
  return c < row.size() ? row[c] : kEmpty;
}

// One organization's sheet of one workbook, read.
struct FormSheet {
  std::string label;  // BOOK.xlsx:SHEET
  std::optional<uint32_t> organization;
  uint32_t id_row = 0, answered_row = 0;
  bool filled = false;  // the organization answered in this sheet
  std::unique_ptr<TableBuilder> respondent, answers;
};

class FormReader {
 public:
  FormReader(const Community& c, Problems& problems) : community_(c), problems_(problems) {
    for (uint32_t i = 0; i < c.organizations.size(); ++i) ++name_count_[c.organizations[i].name];
  }

  // How messages name an organization: its name when no other has it (the decoder reads names too), else its id.
  const std::string& word_for(uint32_t row) const {
    const Organization& o = community_.organizations[row];
    auto it = name_count_.find(o.name);
    return !o.name.empty() && it != name_count_.end() && it->second == 1 ? o.name : o.id;
  }

  std::optional<FormSheet> read(const Workbook& book, const WorkbookSheet& sheet) {
    FormSheet f;
    f.label = book.label_of(sheet);
    size_t header = sheet.rows.size();
    std::string answered, most_important;
    uint32_t most_important_row = 0;
    std::vector<std::string> contributes;
    bool any = false;  // anything of the answers filled in
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto& cells = sheet.rows[r];
      const std::string& a = cell(cells, 0);
      const uint32_t line = sheet.row_numbers[r];
      if (label_is(a, kFormOrganizationId) && !f.id_row) {
        f.id_row = line;
        const std::string id(trim(cell(cells, 1)));
        if (id.empty())
          problem(f.label, line, "the organization id is blank: write back the id the form had, so that tablemap knows whose answers these are");
        else if (auto row = community_.find_organization(id))
          f.organization = *row;
        else
          problem(f.label, line, "organization id '" + id + "' is not one of the community's organizations" + suggest(id) +
                                     "; write back the id the form had");
      } else if (label_is(a, kFormAnswered) && !f.answered_row) {
        f.answered_row = line;
        answered = trim(cell(cells, 1));
      } else if (label_is(a, kFormContributes)) {
        // The words in this row, the answers in the row below.
        const std::vector<std::string>* below = r + 1 < sheet.rows.size() && sheet.row_numbers[r + 1] == line + 1
                                                    ? &sheet.rows[r + 1] : nullptr;
        for (size_t c = 1; c < cells.size(); ++c) {
          const std::string_view yes = below ? trim(cell(*below, c)) : std::string_view();
          if (yes.empty()) continue;
          auto b = parse_yes_no(yes);
          auto what = parse_contribution(cells[c]);
          if (!b)
            problem(f.label, line + 1, "under '" + cells[c] + "': '" + std::string(yes) + "' must be yes or no (or blank)");
          else if (*b && what)
            contributes.emplace_back(to_string(*what)), any = true;
          else if (*b)
            problem(f.label, line, "'" + cells[c] + "' is not one of " + contribution_words() +
                                       "; write back the word the form had");
        }
      } else if (label_is(a, kFormMostImportant)) {
        most_important_row = line;
        most_important = trim(cell(cells, 1));
        if (!most_important.empty()) any = true;
      } else if (key_of(a) == "partner") {
        header = r;
        break;
      }
    }
    if (!f.id_row) return std::nullopt;  // not a form sheet
    if (!most_important.empty() && !parse_contribution(most_important)) {
      problem(f.label, most_important_row, "most important contribution '" + most_important + "' is not one of " +
                                               contribution_words());
      most_important.clear();
    }
    if (!f.organization) return f;
    const std::string& who = word_for(*f.organization);

    // The partner table, as answers.csv: the partner by its id (or the name where the id was cleared).
    static const std::vector<std::string> kAnswerHeader = {"respondent", "partner", "intensity", "frequency", "kind",
                                                           "reliability", "mission", "openness", "power", "resources",
                                                           "involvement"};
    if (header < sheet.rows.size()) {
      const auto& names = sheet.rows[header];
      std::vector<int> column(kColumnCount, -1);  // per form column: its index in the sheet
      for (size_t c = 0; c < names.size(); ++c)
        for (size_t k = 0; k < kColumnCount; ++k)
          if (key_of(names[c]) == key_of(kColumns[k].header) && column[k] < 0) column[k] = int(c);
      std::vector<std::string> table_header = {"respondent", "partner"};
      std::vector<int> source = {-1, -1};
      for (size_t k = kFirstQuestion; k < kColumnCount; ++k)
        if (column[k] >= 0) table_header.push_back(kAnswerHeader[k - kFirstQuestion + 2]), source.push_back(column[k]);
      f.answers = std::make_unique<TableBuilder>(f.label, table_header, sheet.row_numbers[header]);
      for (size_t r = header + 1; r < sheet.rows.size(); ++r) {
        const auto& cells = sheet.rows[r];
        std::vector<std::string> out(table_header.size());
        bool asked_anything = false;
        for (size_t c = 2; c < out.size(); ++c) {
          out[c] = trim(cell(cells, size_t(source[c])));
          asked_anything |= !out[c].empty();
        }
        if (!asked_anything) continue;  // an organization it does not work with
        any = true;
        out[0] = who;
        const std::string id(column[1] >= 0 ? trim(cell(cells, size_t(column[1]))) : std::string_view());
        const std::string name(column[0] >= 0 ? trim(cell(cells, size_t(column[0]))) : std::string_view());
        auto by_id = id.empty() ? std::nullopt : community_.find_organization(id);
        out[1] = by_id ? word_for(*by_id) : !id.empty() ? id : name;
        f.answers->row(sheet.row_numbers[r], out);
      }
    }
    // Answered: yes; no (and nothing filled in); blank: whether anything is filled in.
    bool responded = any;
    if (!answered.empty()) {
      auto b = parse_yes_no(answered);
      if (!b)
        problem(f.label, f.answered_row, "Answered must be yes or no (or blank), not '" + answered + "'");
      else if (!*b && any)
        problem(f.label, f.answered_row,
                "Answered says no, but the sheet holds answers: choose yes if they are " + community_.organizations[*f.organization].name +
                    "'s answers, or clear them");
      else
        responded = *b;
    }
    f.filled = responded;
    f.respondent = std::make_unique<TableBuilder>(f.label, std::vector<std::string>{"organization", "responded", "contributes", "most_important"},
                                                  f.id_row);
    std::string list;
    for (const auto& c : contributes) list += (list.empty() ? "" : ";") + c;
    f.respondent->row(f.answered_row ? f.answered_row : f.id_row,
                      {who, responded ? "yes" : "no", list, most_important});
    if (!responded) f.answers.reset();
    return f;
  }

 private:
  void problem(const std::string& file, uint32_t line, std::string message) {
    problems_.push_back({file, line, std::move(message)});
  }
  std::string suggest(const std::string& word) {
    if (ids_.empty())
      for (const Organization& o : community_.organizations) ids_.push_back(o.id);
    return did_you_mean(word, ids_);
  }
  const Community& community_;
  Problems& problems_;
  std::unordered_map<std::string, size_t> name_count_;
  std::vector<std::string> ids_;
};

}  // namespace

bool is_survey_form(const Workbook& book) {
  for (const WorkbookSheet& sheet : book.sheets)
    for (size_t r = 0; r < sheet.rows.size() && r < 8; ++r)
      if (label_is(cell(sheet.rows[r], 0), kFormOrganizationId)) return true;
  return false;
}

SurveyLoad read_survey_forms(const std::vector<Workbook>& books, const Community& community) {
  SurveyLoad result;
  FormReader reader(community, result.problems);
  std::vector<FormSheet> sheets;
  for (const Workbook& book : books)
    for (const WorkbookSheet& sheet : book.sheets)
      if (auto f = reader.read(book, sheet)) sheets.push_back(std::move(*f));
  // Per organization: the sheet that answers for it, else its first blank sheet.
  std::vector<int64_t> chosen(community.organizations.size(), -1);
  std::vector<uint32_t> order;  // organizations in the order their first sheet came
  for (size_t i = 0; i < sheets.size(); ++i) {
    const FormSheet& f = sheets[i];
    if (!f.organization) continue;
    int64_t& c = chosen[*f.organization];
    if (c < 0) {
      c = int64_t(i);
      order.push_back(*f.organization);
    } else if (f.filled && sheets[size_t(c)].filled) {
      result.problems.push_back({f.label, f.id_row,
                                 community.organizations[*f.organization].name + " is answered here and in " +
                                     sheets[size_t(c)].label + " as well; keep the answers that are right and clear the other sheet"});
    } else if (f.filled) {
      c = int64_t(i);
    }
  }
  if (order.empty() && result.problems.empty()) {
    std::string names;
    for (const Workbook& b : books) names += (names.empty() ? "" : ", ") + b.label;
    result.problems.push_back({names, 0, "no sheet of a survey form (tablemap survey form makes one) names an organization of the community"});
  }
  // The answers are checked even when a sheet has problems of its own, so that every problem shows at once.
  std::vector<const RowTable*> respondents, answers;
  for (uint32_t org : order) {
    const FormSheet& f = sheets[size_t(chosen[org])];
    respondents.push_back(&f.respondent->t);
    if (f.answers) answers.push_back(&f.answers->t);
  }
  SurveyLoad decoded = decode_survey(respondents, answers, community);
  if (result.problems.empty()) return decoded;
  result.problems.insert(result.problems.end(), decoded.problems.begin(), decoded.problems.end());
  sort_problems_by_line(result.problems);
  return result;
}

}  // namespace tablemap
