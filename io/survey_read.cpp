#include "io/survey_read.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "io/codec.hpp"
#include "io/csv.hpp"
#include "io/suggest.hpp"
#include "io/survey_form.hpp"
#include "io/workbook_read.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kRespondentColumns = {"organization", "responded", "contributes", "most_important"};
const std::vector<std::string> kAnswerColumns = {"respondent", "partner",  "intensity", "frequency",
                                                 "kind",       "reliability", "mission", "openness",
                                                 "power",      "resources", "involvement"};
enum { ORGANIZATION, RESPONDED, CONTRIBUTES, MOST_IMPORTANT };
enum { RESPONDENT, PARTNER, INTENSITY, FREQUENCY, KIND, FIRST_ITEM };

// An organization named by id, or by its exact name when no other
// organization has that name. Suggestions are worked out once per unknown word.
class OrganizationNames {
 public:
  explicit OrganizationNames(const Community& c) : community_(c) {
    for (uint32_t i = 0; i < c.organizations.size(); ++i) {
      auto [it, fresh] = by_name_.emplace(c.organizations[i].name, int64_t(i));
      if (!fresh) it->second = -1;  // two organizations share the name
    }
  }
  std::optional<uint32_t> find(std::string_view word) const {
    if (auto row = community_.find_organization(word)) return row;
    auto it = by_name_.find(std::string(word));
    if (it != by_name_.end() && it->second >= 0) return uint32_t(it->second);
    return std::nullopt;
  }
  // "'Clinc' is not an organization of the community (did you mean 'clinic'?)"
  std::string unknown(std::string_view word) {
    auto it = suggestions_.find(std::string(word));
    if (it == suggestions_.end()) {
      std::string hint;
      auto shared = by_name_.find(std::string(word));
      if (shared != by_name_.end())
        hint = "; several organizations have this name, use the id";
      else if (suggestions_.size() < 200)  // past that, the file is likely for another community
        hint = did_you_mean(word, candidates());
      it = suggestions_.emplace(std::string(word), hint).first;
    }
    return "'" + std::string(word) + "' is not one of the community's organizations" + it->second;
  }

 private:
  const std::vector<std::string>& candidates() {
    if (candidates_.empty())
      for (const Organization& o : community_.organizations) {
        candidates_.push_back(o.id);
        candidates_.push_back(o.name);
      }
    return candidates_;
  }
  const Community& community_;
  std::unordered_map<std::string, int64_t> by_name_;
  std::unordered_map<std::string, std::string> suggestions_;
  std::vector<std::string> candidates_;
};

// Splits "a; b;c" into trimmed non-empty items.
template <class F>
void for_each_item(std::string_view cell, F&& f) {
  while (!cell.empty()) {
    size_t semi = cell.find(';');
    std::string_view item = trim(cell.substr(0, semi));
    if (!item.empty()) f(item);
    if (semi == std::string_view::npos) break;
    cell.remove_prefix(semi + 1);
  }
}

// A rating 1..4; a workbook may store the number as "3.0".
std::optional<uint8_t> parse_rating(std::string_view s) {
  s = trim(s);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.remove_suffix(2);
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '4') return uint8_t(s[0] - '0');
  return std::nullopt;
}

std::string tie_kind_words() {
  std::string out;
  for (int k = 0; k < kTieKindCount; ++k) out += (k ? ", " : "") + std::string(to_string(TieKind(k)));
  return out;
}

struct Reader {
  const Community& community;
  OrganizationNames names;
  Problems& problems;
  Survey survey;
  // Organization row -> index into survey.respondents, or -1.
  std::vector<int64_t> respondent_of;

  void problem(const RowTable& t, size_t row, std::string message) {
    problems.push_back({t.file, t.lines[row], std::move(message)});
  }

  void read_respondents(const RowTable& t) {
    ColumnMap m = map_columns(t, kRespondentColumns, {"organization", "responded"}, problems);
    if (!m.has(ORGANIZATION)) return;
    if (respondent_of.empty()) respondent_of.assign(community.organizations.size(), -1);
    for (size_t r = 0; r < t.rows(); ++r) {
      SurveyRespondent who;
      who.line = t.lines[r];
      std::string_view org = m.get(t, r, ORGANIZATION);
      std::optional<uint32_t> row;
      if (org.empty())
        problem(t, r, "this row names no organization");
      else if (!(row = names.find(org)))
        problem(t, r, names.unknown(org));
      else if (respondent_of[*row] >= 0)
        problem(t, r, "'" + std::string(org) + "' is already listed on line " +
                          std::to_string(survey.respondents[size_t(respondent_of[*row])].line) +
                          "; list each organization asked once");
      bool ok = row && respondent_of[*row] < 0;
      if (m.has(RESPONDED)) {
        std::string_view cell = m.get(t, r, RESPONDED);
        if (auto b = parse_yes_no(cell))
          who.responded = *b;
        else {
          problem(t, r, cell.empty() ? "responded is blank: write yes when it answered, no when it did not"
                                     : "responded must be yes or no, not '" + std::string(cell) + "'");
          ok = false;
        }
      }
      for_each_item(m.get(t, r, CONTRIBUTES), [&](std::string_view item) {
        if (auto c = parse_contribution(item))
          who.contributes = uint16_t(who.contributes | (1u << int(*c)));
        else
          problem(t, r, "contributes: '" + std::string(item) + "' is not one of " + contribution_words());
      });
      if (std::string_view most = trim(m.get(t, r, MOST_IMPORTANT)); !most.empty()) {
        if (auto c = parse_contribution(most))
          who.most_important = *c;
        else
          problem(t, r, "most_important: '" + std::string(most) + "' is not one of " + contribution_words());
      }
      if (ok) {
        who.organization = *row;
        respondent_of[*row] = int64_t(survey.respondents.size());
        survey.respondents.push_back(who);
      }
    }
  }

  // The respondent of an answers.csv row, checked against respondents.csv.
  std::optional<uint32_t> respondent(const RowTable& t, size_t r, std::string_view word) {
    if (word.empty()) {
      problem(t, r, "this answer names no respondent");
      return std::nullopt;
    }
    auto row = names.find(word);
    if (!row) {
      problem(t, r, "respondent " + names.unknown(word));
      return std::nullopt;
    }
    if (respondent_of.empty()) return row;  // respondents.csv had no organization column
    const int64_t who = respondent_of[*row];
    if (who < 0) {
      problem(t, r, "'" + std::string(word) + "' answered but is not in " + survey.respondents_file +
                        "; add it there with responded yes");
      return std::nullopt;
    }
    if (!survey.respondents[size_t(who)].responded) {
      problem(t, r, "'" + std::string(word) + "' answered, but " + survey.respondents_file + ":" +
                        std::to_string(survey.respondents[size_t(who)].line) +
                        " says it did not respond; set responded to yes there");
      return std::nullopt;
    }
    return row;
  }

  void read_answers(const RowTable& t) {
    ColumnMap m = map_columns(t, kAnswerColumns, {"respondent", "partner"}, problems);
    if (!m.has(RESPONDENT) || !m.has(PARTNER)) return;
    // (respondent, partner) -> line of the first answer, for duplicates.
    std::unordered_map<uint64_t, uint32_t> seen;
    seen.reserve(t.rows());
    for (size_t r = 0; r < t.rows(); ++r) {
      SurveyAnswer a;
      a.line = t.lines[r];
      std::string_view who = m.get(t, r, RESPONDENT), partner = m.get(t, r, PARTNER);
      auto from = respondent(t, r, who);
      std::optional<uint32_t> to;
      if (partner.empty())
        problem(t, r, "this answer names no partner");
      else if (!(to = names.find(partner)))
        problem(t, r, "partner " + names.unknown(partner));
      bool ok = from && to;
      if (ok && *from == *to) {
        problem(t, r, "'" + std::string(who) + "' rates itself; an answer is about another organization");
        ok = false;
      }
      std::string_view intensity = trim(m.get(t, r, INTENSITY));
      bool rated = !trim(m.get(t, r, FREQUENCY)).empty() || !trim(m.get(t, r, KIND)).empty();
      if (std::string_view f = trim(m.get(t, r, FREQUENCY)); !f.empty()) {
        if (auto v = parse_frequency(f))
          a.frequency = *v;
        else
          problem(t, r, "frequency '" + std::string(f) + "' is not one of " + frequency_words());
      }
      for_each_item(m.get(t, r, KIND), [&](std::string_view item) {
        if (auto k = parse_tie_kind(item))
          a.kinds = TieKindSet(a.kinds | (1u << int(*k)));
        else
          problem(t, r, "kind '" + std::string(item) + "' is not one of " + tie_kind_words());
      });
      for (int i = 0; i < kItemCount; ++i) {
        std::string_view cell = trim(m.get(t, r, size_t(FIRST_ITEM + i)));
        if (cell.empty()) continue;
        rated = true;
        if (auto v = parse_rating(cell))
          a.items[size_t(i)] = *v;
        else
          problem(t, r, std::string(to_string(Item(i))) + " '" + std::string(cell) +
                            "' must be 1 (not at all) to 4 (a great deal), or blank when not answered");
      }
      if (intensity.empty()) {
        // A form lists every partner; a row without intensity names no relationship.
        if (rated)
          problem(t, r, "'" + std::string(who) + "' rates '" + std::string(partner) +
                            "' but does not say how closely they work: fill in intensity (" + intensity_words() +
                            ") or clear the row");
        continue;
      }
      if (auto v = parse_intensity(intensity))
        a.intensity = *v;
      else {
        problem(t, r, "intensity '" + std::string(intensity) + "' is not one of " + intensity_words());
        ok = false;
      }
      if (!ok) continue;
      auto [it, fresh] = seen.emplace((uint64_t(*from) << 32) | *to, a.line);
      if (!fresh) {
        problem(t, r, "'" + std::string(who) + "' already answered about '" + std::string(partner) + "' on line " +
                          std::to_string(it->second) + "; keep one row per partner");
        continue;
      }
      a.respondent = *from;
      a.partner = *to;
      survey.answers.push_back(a);
    }
  }
};

std::string label(const std::string& folder, std::string_view file) {
  std::string f = folder;
  while (f.size() > 1 && f.back() == '/') f.pop_back();
  return f + "/" + std::string(file);
}

}  // namespace

SurveyLoad decode_survey(const std::vector<const RowTable*>& respondents,
                         const std::vector<const RowTable*>& answers, const Community& community) {
  SurveyLoad result;
  Reader reader{community, OrganizationNames(community), result.problems, {}, {}};
  if (!respondents.empty()) reader.survey.respondents_file = respondents.front()->file;
  if (!answers.empty()) reader.survey.answers_file = answers.front()->file;
  for (const RowTable* t : respondents) reader.read_respondents(*t);
  for (const RowTable* t : answers) reader.read_answers(*t);
  sort_problems_by_line(result.problems);
  if (result.problems.empty()) result.survey = std::move(reader.survey);
  return result;
}

SurveyLoad decode_survey(const RowTable& respondents, const RowTable& answers, const Community& community) {
  return decode_survey(std::vector<const RowTable*>{&respondents}, std::vector<const RowTable*>{&answers}, community);
}

namespace {

bool is_workbook(const std::string& path) {
  return path.size() > 5 && equals_ignore_case(std::string_view(path).substr(path.size() - 5), ".xlsx");
}

// A survey workbook: sheets Respondents and Answers, as the two CSV files.
SurveyLoad load_survey_workbook(const std::string& path, const Community& community) {
  SurveyLoad result;
  auto book = read_workbook(path, result.problems);
  if (!book) return result;
  const WorkbookSheet* respondents = book->find("respondents");
  const WorkbookSheet* answers = book->find("answers");
  if (!respondents && !answers && is_survey_form(*book)) {
    std::vector<Workbook> books;
    books.push_back(std::move(*book));
    return read_survey_forms(books, community);
  }
  if (!respondents || !answers) {
    result.problems.push_back({path, 0,
                               std::string("a survey workbook needs a sheet named ") +
                                   (respondents ? "Answers" : "Respondents") +
                                   " (or is a form of `tablemap survey form`); its sheets are: " +
                                   join_names(book->sheet_names())});
    return result;
  }
  return decode_survey(sheet_table(*book, *respondents), sheet_table(*book, *answers), community);
}

// The workbooks of a folder of filled forms, by name (Excel's ~$ lock files and hidden files left out).
std::vector<std::string> forms_in(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && is_workbook(name) && name[0] != '.' && name.rfind("~$", 0) != 0)
      out.push_back(label(folder, name));
  }
  std::sort(out.begin(), out.end());
  return out;
}

SurveyLoad load_survey_forms(const std::vector<std::string>& paths, const Community& community) {
  SurveyLoad result;
  std::vector<Workbook> books;
  for (const std::string& path : paths) {
    auto book = read_workbook(path, result.problems);
    if (!book) continue;
    if (!is_survey_form(*book))
      result.problems.push_back({path, 0, "not a survey form (tablemap survey form makes them): no sheet has an "
                                          "Organization id at its top; move it out of the folder"});
    else
      books.push_back(std::move(*book));
  }
  if (!result.problems.empty()) return result;
  return read_survey_forms(books, community);
}

}  // namespace

SurveyLoad load_survey(const std::string& folder, const Community& community) {
  if (is_workbook(folder)) return load_survey_workbook(folder, community);
  SurveyLoad result;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    result.problems.push_back({folder, 0,
                               fs::exists(folder, ec) ? "not a survey folder (respondents.csv and answers.csv, or filled forms)"
                                                      : "no such folder"});
    return result;
  }
  if (!fs::exists(label(folder, "respondents.csv"), ec) && !fs::exists(label(folder, "answers.csv"), ec))
    if (auto forms = forms_in(folder); !forms.empty()) return load_survey_forms(forms, community);
  RowTable tables[2];
  const char* files[2] = {"respondents.csv", "answers.csv"};
  const char* why[2] = {"one row per organization asked", "one row per respondent and partner it names"};
  for (int i = 0; i < 2; ++i) {
    const std::string path = label(folder, files[i]);
    if (!fs::exists(path, ec)) {
      result.problems.push_back({path, 0, std::string("missing: a survey needs ") + files[i] + " (" + why[i] + ")"});
      continue;
    }
    std::string text;
    if (read_file(path, text, result.problems)) parse_csv(std::move(text), path, tables[i], result.problems);
  }
  if (!result.problems.empty()) return result;
  return decode_survey(tables[0], tables[1], community);
}

}  // namespace tablemap
