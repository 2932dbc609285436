#include "io/workbook_profile.hpp"

#include <charconv>
#include <optional>

#include <nlohmann/json.hpp>

#include "io/codec.hpp"
#include "io/suggest.hpp"

namespace tablemap {

namespace {

using json = nlohmann::json;

enum class FieldKind { text, number, list };

// One row of the Community sheet and the community.json key it stands for.
struct ProfileField {
  std::string_view label;  // as the sheet shows it
  std::string_view group;  // the object holding the key ("" for the top level)
  std::string_view key;
  FieldKind kind;
};

constexpr ProfileField kFields[] = {
    {"Name", "", "name", FieldKind::text},
    {"Geography", "", "geography", FieldKind::text},
    {"Population", "", "population", FieldKind::number},
    {"Year", "", "year", FieldKind::number},
    {"Required sectors", "sectors", "required", FieldKind::list},
    {"Optional sectors", "sectors", "optional", FieldKind::list},
    {"Backbone functions", "", "backbone_functions", FieldKind::list},
    {"Seated generations", "", "seated_generations", FieldKind::list},
    {"Min per required sector", "thresholds", "min_per_required_sector", FieldKind::number},
    {"Generation ratio floor", "thresholds", "generation_ratio_floor", FieldKind::number},
};
constexpr std::string_view kResidentsPrefix = "Residents ";

std::vector<std::string> field_labels() {
  std::vector<std::string> labels;
  for (const auto& f : kFields) labels.emplace_back(f.label);
  for (Generation g : kAllGenerations) labels.push_back(std::string(kResidentsPrefix) + std::string(to_string(g)));
  return labels;
}

// A cell as a JSON value of the field's kind; text that is not of that kind
// stays text, so that parse_profile says what is wrong with it.
json value_of(std::string_view cell, FieldKind kind) {
  if (kind == FieldKind::list) {
    json items = json::array();
    while (!cell.empty()) {
      size_t semi = cell.find(';');
      std::string_view item = trim(cell.substr(0, semi));
      if (!item.empty()) items.push_back(std::string(item));
      if (semi == std::string_view::npos) break;
      cell.remove_prefix(semi + 1);
    }
    return items;
  }
  if (kind == FieldKind::number) {
    int64_t whole = 0;
    if (auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), whole);
        ec == std::errc() && p == cell.data() + cell.size())
      return whole;
    double real = 0;
    if (auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), real);
        ec == std::errc() && p == cell.data() + cell.size())
      return real;
  }
  return std::string(cell);
}

// An unknown field keeps its value as JSON when it reads as JSON (a number, a
// list written back from community.json), else as text.
json extra_value_of(std::string_view cell) {
  json parsed = json::parse(cell.begin(), cell.end(), nullptr, false);
  if (parsed.is_discarded() || parsed.is_string()) return std::string(cell);
  return parsed;
}

// The column of a header row whose name matches `name`, or -1.
int column_named(const std::vector<std::string>& header, std::string_view name) {
  for (size_t c = 0; c < header.size(); ++c)
    if (sheet_name_key(header[c]) == sheet_name_key(name)) return int(c);
  return -1;
}

std::string_view cell_at(const std::vector<std::string>& row, int column) {
  return column < 0 || size_t(column) >= row.size() ? std::string_view() : trim(row[size_t(column)]);
}

bool row_is_empty(const std::vector<std::string>& row) {
  for (const auto& c : row)
    if (!trim(c).empty()) return false;
  return true;
}

// Lines of community.json text, each remembering the sheet row it came from;
// commas go between the entries of each object or list.
class JsonLines {
 public:
  explicit JsonLines(ProfileFromSheets& out, std::pair<std::string, size_t> whole) : out_(out) {
    open("{", whole);
  }
  void open(std::string text, std::pair<std::string, size_t> origin) {
    entry(std::move(text), std::move(origin));
    first_.push_back(true);
  }
  void close(std::string_view text) {
    first_.pop_back();
    add(std::string(text), out_.origin.empty() ? std::pair<std::string, size_t>() : out_.origin.front());
  }
  void entry(std::string text, std::pair<std::string, size_t> origin) {
    if (!first_.empty()) {
      if (!first_.back()) lines_.back() += ",";
      first_.back() = false;
    }
    add(std::move(text), std::move(origin));
  }
  void finish() {
    close("}");
    for (const auto& line : lines_) out_.text += line + "\n";
  }

 private:
  void add(std::string text, std::pair<std::string, size_t> origin) {
    lines_.push_back(std::move(text));
    out_.origin.push_back(std::move(origin));
  }
  ProfileFromSheets& out_;
  std::vector<std::string> lines_;
  std::vector<bool> first_;
};

struct Entry {
  std::string key;
  json value;
  size_t row;
};

// The Community sheet's rows as top-level entries and grouped entries.
struct CommunityEntries {
  std::vector<Entry> top;
  std::vector<std::pair<std::string, std::vector<Entry>>> groups;
  void add(std::string_view group, Entry e) {
    if (group.empty()) {
      top.push_back(std::move(e));
      return;
    }
    for (auto& [name, entries] : groups)
      if (name == group) {
        entries.push_back(std::move(e));
        return;
      }
    groups.push_back({std::string(group), {std::move(e)}});
  }
};

void read_community_sheet(const Workbook& book, const WorkbookSheet& sheet, CommunityEntries& entries,
                          Problems& problems) {
  const std::string label = book.label_of(sheet);
  if (sheet.rows.empty()) return;
  const auto& header = sheet.rows.front();
  const int field_col = column_named(header, "Field"), value_col = column_named(header, "Value");
  if (field_col < 0 || value_col < 0) {
    problems.push_back({label, sheet.row_numbers.front(),
                        "the Community sheet needs the headers Field and Value in its first row, then one row per "
                        "profile field (Name, Population, ...)"});
    return;
  }
  const std::vector<std::string> labels = field_labels();
  std::vector<std::pair<std::string, size_t>> seen;  // field key -> row
  for (size_t r = 1; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    const size_t line = sheet.row_numbers[r];
    std::string_view field = cell_at(row, field_col), value = cell_at(row, value_col);
    if (field.empty()) {
      if (!value.empty())
        problems.push_back({label, line, "this row has a value but no field name; write the field in the Field column"});
      continue;
    }
    const std::string key = sheet_name_key(field);
    bool twice = false;
    for (const auto& [k, first_row] : seen)
      if (k == key) {
        problems.push_back({label, line,
                            "the field '" + std::string(field) + "' is given twice (also on row " +
                                std::to_string(first_row) + "); keep one"});
        twice = true;
      }
    if (twice) continue;
    seen.push_back({key, line});
    if (value.empty()) continue;  // left blank: the default

    const ProfileField* known = nullptr;
    for (const auto& f : kFields)
      if (sheet_name_key(f.label) == key) known = &f;
    if (known) {
      entries.add(known->group, {std::string(known->key), value_of(value, known->kind), line});
      continue;
    }
    if (key.rfind(sheet_name_key(kResidentsPrefix), 0) == 0) {
      std::string_view which = trim(field.substr(std::min(field.size(), kResidentsPrefix.size() - 1)));
      std::string generation(which);
      for (Generation g : kAllGenerations)
        if (sheet_name_key(to_string(g)) == sheet_name_key(which)) generation = to_string(g);
      entries.add("generations", {generation, value_of(value, FieldKind::number), line});
      continue;
    }
    if (std::string hint = did_you_mean(field, labels); !hint.empty()) {
      problems.push_back({label, line, "'" + std::string(field) + "' is not a field of the Community sheet" + hint});
      continue;
    }
    entries.add("", {std::string(field), extra_value_of(value), line});  // kept, as community.json keeps unknown keys
  }
}

// Issue areas as community.json's "issue_areas" objects, with their rows.
std::vector<Entry> read_issue_area_sheet(const Workbook& book, const WorkbookSheet& sheet, Problems& problems) {
  std::vector<Entry> areas;
  if (sheet.rows.empty()) return areas;
  const auto& header = sheet.rows.front();
  const int id_col = column_named(header, "ID");
  if (id_col < 0) {
    problems.push_back({book.label_of(sheet), sheet.row_numbers.front(),
                        "the Issue areas sheet needs the headers ID, Name and Outcomes in its first row"});
    return areas;
  }
  const int name_col = column_named(header, "Name"), outcomes_col = column_named(header, "Outcomes");
  for (size_t r = 1; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    if (row_is_empty(row)) continue;
    json area = json::object();
    if (std::string_view id = cell_at(row, id_col); !id.empty()) area["id"] = std::string(id);
    if (std::string_view name = cell_at(row, name_col); !name.empty()) area["name"] = std::string(name);
    if (std::string_view outcomes = cell_at(row, outcomes_col); !outcomes.empty())
      area["outcomes"] = value_of(outcomes, FieldKind::list);
    // Other columns become keys that parse_profile names as unknown.
    for (size_t c = 0; c < header.size(); ++c)
      if (int(c) != id_col && int(c) != name_col && int(c) != outcomes_col && !cell_at(row, int(c)).empty())
        area[std::string(trim(header[c]))] = std::string(cell_at(row, int(c)));
    areas.push_back({"", area, sheet.row_numbers[r]});
  }
  return areas;
}

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += "; ";
      out += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return out;
  }
  if (v.is_null()) return "";
  return v.dump();
}

}  // namespace

ProfileFromSheets profile_json_from_sheets(const Workbook& book, Problems& problems) {
  ProfileFromSheets out;
  const WorkbookSheet* community = book.find("Community");
  const WorkbookSheet* issue_areas = book.find("Issue areas");
  const std::string community_label = community ? book.label_of(*community) : book.label + ":Community";
  CommunityEntries entries;
  if (community) read_community_sheet(book, *community, entries, problems);
  std::vector<Entry> areas;
  if (issue_areas) areas = read_issue_area_sheet(book, *issue_areas, problems);

  auto at = [&](size_t row) { return std::pair<std::string, size_t>(community_label, row); };
  JsonLines lines(out, at(0));
  for (const Entry& e : entries.top) lines.entry(json(e.key).dump() + ": " + e.value.dump(), at(e.row));
  for (const auto& [group, members] : entries.groups) {
    lines.open(json(group).dump() + ": {", at(members.front().row));
    for (const Entry& e : members) lines.entry(json(e.key).dump() + ": " + e.value.dump(), at(e.row));
    lines.close("}");
  }
  if (issue_areas) {
    const std::string areas_label = book.label_of(*issue_areas);
    lines.open("\"issue_areas\": [", {areas_label, 0});
    for (const Entry& a : areas) lines.entry(a.value.dump(), {areas_label, a.row});
    lines.close("]");
  }
  lines.finish();
  return out;
}

void locate_profile_problems(Problems& problems, const std::string& profile_file, const ProfileFromSheets& from) {
  for (Problem& p : problems) {
    if (p.file != profile_file || from.origin.empty()) continue;
    const auto& origin = p.line >= 1 && p.line <= from.origin.size() ? from.origin[p.line - 1] : from.origin.front();
    p.file = origin.first;
    p.line = origin.second;
  }
}

std::vector<std::pair<std::string, std::string>> community_sheet_rows(const Profile& profile) {
  const json j = profile_to_json(profile);
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& f : kFields) {
    const json* holder = f.group.empty() ? &j : (j.contains(f.group) ? &j[std::string(f.group)] : nullptr);
    const bool present = holder && holder->is_object() && holder->contains(f.key);
    rows.emplace_back(std::string(f.label), present ? text_of((*holder)[std::string(f.key)]) : "");
  }
  for (Generation g : kAllGenerations) {
    const std::string name(to_string(g));
    const bool present = j.contains("generations") && j["generations"].contains(name);
    rows.emplace_back(std::string(kResidentsPrefix) + name, present ? text_of(j["generations"][name]) : "");
  }
  // Keys tablemap does not know, as community.json keeps them.
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = it.key() == "generations" || it.key() == "issue_areas";
    for (const auto& f : kFields) known = known || it.key() == (f.group.empty() ? f.key : f.group);
    if (!known) rows.emplace_back(it.key(), it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
  }
  return rows;
}

}  // namespace tablemap
