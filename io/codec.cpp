// Rows of text -> Community, with every rule of the bundle format checked and
// every problem reported; and Community -> rows of text.
#include "io/codec.hpp"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <type_traits>
#include <unordered_map>

#include "core/id_table.hpp"
#include "core/parallel.hpp"
#include "core/rules.hpp"
#include "core/suggest.hpp"
#include "io/csv.hpp"

namespace tablemap {

std::string_view file_name_of(TableName t) {
  switch (t) {
    case TableName::organizations: return "organizations.csv";
    case TableName::people: return "people.csv";
    case TableName::ties: return "ties.csv";
    case TableName::roles: return "roles.csv";
  }
  return "";
}

std::string_view to_string(TableName t) {
  switch (t) {
    case TableName::organizations: return "organizations";
    case TableName::people: return "people";
    case TableName::ties: return "ties";
    case TableName::roles: return "roles";
  }
  return "";
}

namespace {

// Known columns of each table, in the order writers use.
const std::vector<std::string> kOrganizationColumns = {
    "id", "name", "sector", "secondary_sectors", "type", "at_table", "issue_areas", "generations_served"};
const std::vector<std::string> kPeopleColumns = {
    "id", "name", "organization", "birth_year", "generation", "sector", "at_table", "resident", "formal_leader"};
const std::vector<std::string> kTieColumns = {"source", "target", "kind", "strength", "directed", "confirmed"};
const std::vector<std::string> kRoleColumns = {"organization", "role", "issue_area", "function", "outcome", "status"};

// The separator inside list cells: `;`, or `|` in a `;`-separated file.
char list_separator(char cell_separator) { return cell_separator == ';' ? '|' : ';'; }

// Organization id -> row; and, built the first time an id is not found,
// exact name -> row for names no other organization has.
struct OrgIds {
  IdTable table;
  const std::vector<Organization>* rows = nullptr;
  std::optional<uint32_t> find(std::string_view id) const {
    return table.find(id, [this](uint32_t r) { return std::string_view((*rows)[r].id); });
  }
  bool empty() const { return table.size() == 0; }
  // Cache hints for a lookup rows ahead (IdTable::prefetch_slot, then prefetch_row).
  void prefetch_slot(std::string_view id) const { table.prefetch_slot(id); }
  void prefetch_row(std::string_view id) const {
    table.prefetch_row(id, [this](uint32_t r) { return &(*rows)[r]; });
  }

  // By id, else by exact name; `holders` counts the organizations of that name.
  std::optional<uint32_t> resolve(std::string_view text, size_t& holders) const {
    holders = 0;
    if (auto r = find(text)) return r;
    std::call_once(names_built_, [this] {
      auto name_of = [this](uint32_t r) { return std::string_view((*rows)[r].name); };
      for (uint32_t r = 0; r < rows->size(); ++r) {
        if ((*rows)[r].name.empty()) continue;
        if (auto first = names_.insert((*rows)[r].name, r, name_of)) ++name_count_[*first];
        else name_count_[r] = 1;
      }
    });
    auto r = names_.find(text, [this](uint32_t row) { return std::string_view((*rows)[row].name); });
    if (!r) return std::nullopt;
    holders = name_count_.at(*r);
    if (holders > 1) return std::nullopt;
    return r;
  }

 private:
  mutable std::once_flag names_built_;
  mutable IdTable names_;
  mutable std::unordered_map<uint32_t, size_t> name_count_;
};

}  // namespace

// Header names match as words (same_word): `At Table` is at_table. Linear in
// the number of columns (a 100,000-column header is read in one pass).
ColumnMap map_columns(const RowTable& t, const std::vector<std::string>& known,
                      const std::vector<std::string>& required, Problems& problems) {
  ColumnMap m;
  m.position.assign(known.size(), -1);
  std::unordered_map<std::string, size_t> seen;
  std::vector<std::string> names;  // for messages: the first columns as typed
  for (size_t c = 0; c < t.header.size(); ++c) {
    const std::string_view typed = trim(t.header[c]);
    if (names.size() < 20) names.emplace_back(typed);
    const std::string key = word_key(typed);
    const auto [first, added] = key.empty() ? std::pair{seen.end(), true} : seen.emplace(key, c);
    if (!added) {
      // A header of 20,000 copies of one name is one group (problem_lines lists the first few).
      const std::string first_typed(trim(t.header[first->second]));
      const std::string first_column = "column " + thousands(int64_t(first->second + 1));
      problems.push_back({t.file, t.header_line,
                          "column " + thousands(int64_t(c + 1)) + " repeats " + first_column + ", '" + first_typed +
                              "'" + (typed == first_typed ? "" : " (as '" + std::string(typed) + "')") +
                              "; rename or delete one of them",
                          false, "columns that repeat " + first_column + ", '" + first_typed + "'"});
      m.layout.push_back(-1 - int32_t(m.extra.size()));
      m.extra.push_back(c);
      m.extra_names.emplace_back(typed);
      continue;
    }
    int matched = -1;
    for (size_t k = 0; k < known.size() && matched < 0; ++k)
      if (word_key(known[k]) == key) matched = int(k);
    if (matched >= 0) {
      m.position[size_t(matched)] = int(c);
      m.layout.push_back(matched);
    } else {
      m.layout.push_back(-1 - int32_t(m.extra.size()));
      m.extra.push_back(c);
      m.extra_names.push_back(typed.empty() ? "column_" + std::to_string(c + 1) : std::string(typed));
    }
  }
  if (t.header.size() > names.size()) names.push_back("... (" + std::to_string(t.header.size()) + " columns)");
  for (const auto& r : required) {
    bool present = false;
    for (size_t k = 0; k < known.size(); ++k) present = present || (known[k] == r && m.position[k] >= 0);
    if (!present)
      problems.push_back({t.file, t.header_line,
                          "the header has no '" + r + "' column" + did_you_mean(r, names) +
                              "; the columns are: " + join_names(names)});
  }
  return m;
}

namespace {

ExtraCells extra_cells(const RowTable& t, size_t row, const ColumnMap& m) {
  ExtraCells cells;
  if (m.extra.empty()) return cells;
  cells.reserve(m.extra.size());
  for (size_t c : m.extra) cells.emplace_back(t.cell(row, c));
  return cells;
}

// Splits "a; b;c" (or "a|b") into trimmed non-empty parts.
template <class F>
void for_each_item(std::string_view cell, F&& f) {
  while (!cell.empty()) {
    size_t at = cell.find_first_of(";|");
    std::string_view item = trim(cell.substr(0, at));
    if (!item.empty()) f(item);
    if (at == std::string_view::npos) break;
    cell.remove_prefix(at + 1);
  }
}

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

// ---------------------------------------------------------------------------
// Model rows -> text cells, in the order of the table's known columns: what
// the writer writes for a row, and what the reader compares a row's cells
// with to know whether its text must be kept.

class RowEncoder {
 public:
  RowEncoder(const Profile& p, const std::vector<Organization>& orgs, char separator)
      : p_(p), orgs_(orgs), list_(list_separator(separator)) {}

  const std::vector<std::string_view>& operator()(const Organization& o) {
    a_.clear(), b_.clear(), g_.clear();
    for (SectorId s : o.secondary_sectors) append(a_, p_.sectors[s]);
    for (IssueAreaId i : o.issue_areas) append(b_, p_.issue_areas[size_t(i)].id);
    for (Generation gen : kAllGenerations)
      if (contains(o.generations_served, gen)) append(g_, to_string(gen));
    const bool blank_type = (o.blank & Organization::kBlankType) && o.type == OrgType::other;
    const bool blank_at = (o.blank & Organization::kBlankAtTable) && !o.at_table;
    cells_ = {o.id, o.name, p_.sectors[o.sector], a_, blank_type ? "" : to_string(o.type),
              blank_at ? "" : yes_no(o.at_table), b_, g_};
    return cells_;
  }

  const std::vector<std::string_view>& operator()(const Person& person) {
    // What was typed; a derived value is written only when the typed cells
    // would not give it back (people built by code rather than read).
    const PersonDerived derived = derive_person(person, orgs_);
    a_ = person.birth_year > 0 ? std::to_string(person.birth_year)
         : person.birth_year == kBirthYearUnknown ? std::string(kUnknownWord)
                                                  : std::string();
    std::string_view gen = person.generation_cell == GenerationCell::unknown ? kUnknownWord
                           : names_generation(person.generation_cell)
                               ? to_string(Generation(uint8_t(person.generation_cell)))
                               : std::string_view();
    if (person.generation_known && (!derived.generation_known || derived.generation != person.generation))
      gen = to_string(person.generation);
    std::string_view sector = person.sector_cell ? std::string_view(p_.sectors[*person.sector_cell]) : "";
    if (!person.sector_cell && (derived.sector != person.sector || person.organization == kNoOrganization))
      sector = p_.sectors[person.sector];
    std::string_view at_table = person.at_table_cell ? yes_no(*person.at_table_cell) : "";
    if (!person.at_table_cell && derived.at_table != person.at_table) at_table = yes_no(person.at_table);
    std::string_view org =
        person.organization == kNoOrganization ? "" : std::string_view(orgs_[size_t(person.organization)].id);
    cells_ = {person.id,
              person.name,
              org,
              a_,
              gen,
              sector,
              at_table,
              (person.blank & Person::kBlankResident) && person.resident ? "" : yes_no(person.resident),
              (person.blank & Person::kBlankFormalLeader) && person.formal_leader ? "" : yes_no(person.formal_leader)};
    return cells_;
  }

  const std::vector<std::string_view>& operator()(const Tie& t) {
    static const std::string_view kStrength[] = {"0", "1", "2", "3"};
    cells_ = {orgs_[t.source].id,
              orgs_[t.target].id,
              (t.blank & Tie::kBlankKind) && t.kind == TieKind::information ? "" : to_string(t.kind),
              (t.blank & Tie::kBlankStrength) && t.strength == 1 ? "" : kStrength[t.strength & 3],
              (t.blank & Tie::kBlankDirected) && !t.directed ? "" : yes_no(t.directed),
              (t.blank & Tie::kBlankConfirmed) && t.confirmed ? "" : yes_no(t.confirmed)};
    return cells_;
  }

  const std::vector<std::string_view>& operator()(const Role& r) {
    std::string_view area = r.issue_area == kNone ? "" : std::string_view(p_.issue_areas[size_t(r.issue_area)].id);
    std::string_view function;
    if (r.kind == RoleKind::backbone && r.function != kWholeBackbone)
      function = p_.backbone_functions[size_t(r.function)];
    else if (r.kind == RoleKind::backbone && !(r.blank & Role::kBlankFunction))
      function = "all";
    std::string_view outcome =
        r.outcome == kNone || r.issue_area == kNone
            ? ""
            : std::string_view(p_.issue_areas[size_t(r.issue_area)].outcomes[size_t(r.outcome)]);
    cells_ = {orgs_[r.organization].id,
              to_string(r.kind),
              area,
              function,
              outcome,
              (r.blank & Role::kBlankStatus) && r.status == RoleStatus::claimed ? "" : to_string(r.status)};
    return cells_;
  }

 private:
  void append(std::string& out, std::string_view item) {
    if (!out.empty()) out += list_;
    out += item;
  }
  const Profile& p_;
  const std::vector<Organization>& orgs_;
  char list_;
  std::string a_, b_, g_;
  std::vector<std::string_view> cells_;
};

// The text of row `r` as its file had it: kept verbatim when the CSV parser
// saw it differ from what the writer writes, else rebuilt from its cells
// (which give it back exactly).
RowText row_text(const RowTable& t, size_t r, const RowTable::RawRow* raw) {
  RowText text;
  if (raw) {
    text.text = std::string(std::string_view(t.text).substr(raw->begin, raw->end - raw->begin));
    text.row_begin = raw->row_begin - raw->begin;
    return text;
  }
  std::vector<std::string_view> cells(t.columns());
  for (size_t c = 0; c < t.columns(); ++c) cells[c] = t.cell(r, c);
  append_csv_row(text.text, cells, t.separator, t.line_end);
  return text;
}

// Keeps a decoded row's text when the writer would not give it back: the CSV
// parser said so, or its cells differ from what the encoder makes of the row.
class TextKeeper {
 public:
  TextKeeper(const RowTable& t, const ColumnMap& m) : t_(t), m_(m) {}

  template <class Row>
  void keep(RowEncoder& encode, size_t r, Row& row) {
    const RowTable::RawRow* raw = find_raw(r);
    const auto& cells = encode(row);
    bool same = raw == nullptr;
    for (size_t k = 0; k < cells.size() && same; ++k) same = m_.get(t_, r, k) == cells[k];
    if (same) return;
    RowText text = row_text(t_, r, raw);
    text.encoded.assign(cells.begin(), cells.end());
    row.typed_text = RowSource(std::move(text));
  }

 private:
  const RowTable::RawRow* find_raw(size_t r) const {
    const auto& raw = t_.raw_rows;
    auto it = std::lower_bound(raw.begin(), raw.end(), r, [](const RowTable::RawRow& x, size_t row) { return x.row < row; });
    return it != raw.end() && it->row == r ? &*it : nullptr;
  }
  const RowTable& t_;
  const ColumnMap& m_;
};

TableLayout layout_of(const RowTable& t, const ColumnMap& m) {
  TableLayout l;
  l.separator = t.separator;
  l.bom = t.bom;
  l.line_end = t.line_end;
  l.header_text = t.header_text;
  l.header_begin = t.header_begin;
  if (l.header_text.empty()) {
    // Not read from CSV text (a .json file): the header as its keys spell it.
    std::vector<std::string_view> names(t.header.begin(), t.header.end());
    append_csv_row(l.header_text, names, l.separator, l.line_end);
  }
  l.columns = m.layout;
  l.trailer = t.trailer;
  return l;
}

// Context shared by the table decoders.
struct Decoder {
  const Profile& profile;
  bool profile_known;  // false when community.json had problems: checks that need it are skipped
  int last_birth_year;

  void problem(Problems& out, const RowTable& t, size_t row, std::string message) const {
    out.push_back({t.file, t.lines[row], std::move(message)});
  }
  void warning(Problems& out, const RowTable& t, size_t row, std::string message) const {
    out.push_back({t.file, t.lines[row], std::move(message), true});
  }

  std::optional<SectorId> sector(Problems& out, const RowTable& t, size_t row, std::string_view name,
                                 std::string_view what) const {
    if (!profile_known) return SectorId(0);
    if (auto s = profile.find_sector(name)) return s;
    problem(out, t, row, rules::undeclared_sector(what, name, profile));
    return std::nullopt;
  }

  std::optional<IssueAreaId> issue_area(Problems& out, const RowTable& t, size_t row, std::string_view id) const {
    if (!profile_known) return std::nullopt;
    if (auto a = profile.find_issue_area(id)) return a;
    problem(out, t, row, rules::unknown_issue_area(id, profile));
    return std::nullopt;
  }

  std::optional<bool> yes_no_cell(Problems& out, const RowTable& t, size_t row, std::string_view cell,
                                  std::string_view column, bool fallback) const {
    if (cell.empty()) return fallback;
    if (auto b = parse_yes_no(cell)) return b;
    problem(out, t, row, rules::not_yes_no(column, cell));
    return std::nullopt;
  }

  // An organization by id, or by its exact name when no other has it.
  std::optional<uint32_t> organization(Problems& out, const RowTable& t, size_t row, const OrgIds& orgs,
                                       std::string_view text, std::string_view what) const {
    size_t holders = 0;
    if (auto found = orgs.resolve(text, holders)) return found;
    problem(out, t, row,
            holders > 1 ? rules::shared_name(what, text, holders) : rules::unknown_organization(what, text, *orgs.rows));
    return std::nullopt;
  }
};

// Runs decode(begin, end, problems) over rows, split across two threads for
// large tables; problems come back in row order.
template <class F>
void for_row_ranges(size_t rows, Problems& problems, F&& decode) {
  if (rows < 200000) {
    decode(size_t(0), rows, problems);
    return;
  }
  const size_t half = rows / 2;
  Problems second;
  run_both([&] { decode(size_t(0), half, problems); }, [&] { decode(half, rows, second); });
  problems.insert(problems.end(), second.begin(), second.end());
}

std::vector<Organization> decode_organizations(const Decoder& d, const RowTable& t, IdTable& ids,
                                               ColumnMap& m, Problems& problems) {
  enum { ID, NAME, SECTOR, SECONDARY, TYPE, AT_TABLE, ISSUE_AREAS, GENERATIONS };
  m = map_columns(t, kOrganizationColumns, {"id", "name", "sector"}, problems);
  // Without ids nothing else can refer to an organization; without a name or
  // sector column the ids are still good for checking the other files.
  if (!m.has(ID)) return {};
  std::vector<Organization> orgs(t.rows());
  ids.reserve(t.rows());
  // Ids first, on one thread: duplicates are found in file order.
  for (size_t r = 0; r < t.rows(); ++r) {
    std::string_view id = m.get(t, r, ID);
    if (id.empty()) {
      d.problem(problems, t, r, "this organization has no id");
      continue;
    }
    if (!rules::valid_id(id)) d.problem(problems, t, r, rules::bad_id("organization", id));
    auto first = ids.insert(id, uint32_t(r), [&](uint32_t row) { return t.cell(row, size_t(m.position[ID])); });
    if (first)
      d.problem(problems, t, r,
                "duplicate organization id '" + std::string(id) + "' (already used on line " +
                    std::to_string(t.lines[*first]) + ")");
  }
  for_row_ranges(t.rows(), problems, [&](size_t begin, size_t end, Problems& out) {
    for (size_t r = begin; r < end; ++r) {
      Organization& o = orgs[r];
      o.id = m.get(t, r, ID);
      o.name = m.get(t, r, NAME);
      if (o.name.empty() && m.has(NAME)) d.problem(out, t, r, "organization '" + o.id + "' has no name");
      std::string_view sector = m.get(t, r, SECTOR);
      if (!m.has(SECTOR)) {
        // Reported once, at the header.
      } else if (sector.empty())
        d.problem(out, t, r, "organization '" + o.id + "' has no sector");
      else if (auto s = d.sector(out, t, r, sector, "sector"))
        o.sector = *s;
      for_each_item(m.get(t, r, SECONDARY), [&](std::string_view name) {
        if (auto s = d.sector(out, t, r, name, "secondary sector")) o.secondary_sectors.push_back(*s);
      });
      if (std::string_view type = m.get(t, r, TYPE); type.empty()) {
        o.blank |= Organization::kBlankType;
      } else if (auto ty = parse_org_type(type)) {
        o.type = *ty;
      } else {
        d.problem(out, t, r, rules::not_a_type(type));
      }
      if (std::string_view at = m.get(t, r, AT_TABLE); at.empty())
        o.blank |= Organization::kBlankAtTable;
      else if (auto b = d.yes_no_cell(out, t, r, at, "at_table", false))
        o.at_table = *b;
      for_each_item(m.get(t, r, ISSUE_AREAS), [&](std::string_view id) {
        if (auto a = d.issue_area(out, t, r, id)) o.issue_areas.push_back(*a);
      });
      for_each_item(m.get(t, r, GENERATIONS), [&](std::string_view g) {
        if (auto gen = parse_generation(g))
          o.generations_served = with(o.generations_served, *gen);
        else
          d.problem(out, t, r, "'" + std::string(g) + "' is not a generation; use " + word_list(kAllGenerations));
      });
      o.extra = extra_cells(t, r, m);
    }
  });
  return orgs;
}

std::vector<Person> decode_people(const Decoder& d, const RowTable& t, const OrgIds& orgs,
                                  const std::vector<Organization>& organizations, ColumnMap& m, Problems& problems,
                                  Problems& warnings) {
  enum { ID, NAME, ORGANIZATION, BIRTH_YEAR, GENERATION, SECTOR, AT_TABLE, RESIDENT, FORMAL };
  m = map_columns(t, kPeopleColumns, {"id", "name"}, problems);
  if (!m.has(ID) || !m.has(NAME)) return {};
  if (!m.has(BIRTH_YEAR) && !m.has(GENERATION))
    problems.push_back({t.file, t.header_line, "people.csv needs a 'birth_year' or a 'generation' column"});
  std::vector<Person> people(t.rows());
  IdTable ids;
  auto id_of = [&](uint32_t row) { return std::string_view(people[row].id); };
  for (size_t r = 0; r < t.rows(); ++r) {
    Person& p = people[r];
    p.id = m.get(t, r, ID);
    if (p.id.empty()) {
      d.problem(problems, t, r, "this person has no id");
    } else if (auto first = ids.insert(p.id, uint32_t(r), id_of)) {
      d.problem(problems, t, r,
                "duplicate person id '" + p.id + "' (already used on line " + std::to_string(t.lines[*first]) + ")");
    }
    p.name = m.get(t, r, NAME);
    if (p.name.empty()) d.problem(problems, t, r, "person '" + p.id + "' has no name");
    std::string_view org = m.get(t, r, ORGANIZATION);
    if (!org.empty()) {
      if (auto o = d.organization(problems, t, r, orgs, org, "organization")) p.organization = int32_t(*o);
    }
    std::optional<Generation> from_year, named;
    std::string_view year = m.get(t, r, BIRTH_YEAR), gen = m.get(t, r, GENERATION);
    if (!year.empty()) {
      auto y = parse_int(year);
      if (is_unknown_word(year)) {
        p.birth_year = kBirthYearUnknown;
      } else if (!y || !rules::birth_year_possible(*y, d.last_birth_year)) {
        d.problem(problems, t, r, rules::impossible_birth_year(year, d.last_birth_year));
      } else {
        p.birth_year = *y;
        from_year = generation_of_birth_year(*y).value_or(Generation::silent);
      }
    }
    if (!gen.empty()) {
      named = parse_generation(gen);
      if (named) p.generation_cell = cell_of(*named);
      else if (is_unknown_word(gen)) p.generation_cell = GenerationCell::unknown;
      else d.problem(problems, t, r, rules::not_a_generation(gen));
    }
    if (from_year && named && *from_year != *named)
      d.problem(problems, t, r, rules::birth_year_against_generation(p.birth_year, *from_year, *named));
    if (year.empty() && gen.empty()) d.problem(problems, t, r, rules::needs_generation(p.id));
    std::string_view sector = m.get(t, r, SECTOR);
    if (!sector.empty()) {
      if (auto s = d.sector(problems, t, r, sector, "sector")) p.sector_cell = *s;
    } else if (org.empty()) {
      d.problem(problems, t, r, rules::needs_sector(p.id));
    }
    if (std::string_view cell = m.get(t, r, AT_TABLE); !cell.empty())
      if (auto b = d.yes_no_cell(problems, t, r, cell, "at_table", false)) p.at_table_cell = *b;
    if (std::string_view cell = m.get(t, r, RESIDENT); cell.empty())
      p.blank |= Person::kBlankResident;
    else if (auto b = d.yes_no_cell(problems, t, r, cell, "resident", true))
      p.resident = *b;
    if (std::string_view cell = m.get(t, r, FORMAL); cell.empty())
      p.blank |= Person::kBlankFormalLeader;
    else if (auto b = d.yes_no_cell(problems, t, r, cell, "formal_leader", true))
      p.formal_leader = *b;
    const PersonDerived derived = derive_person(p, organizations);
    p.generation = derived.generation;
    p.generation_known = derived.generation_known;
    p.sector = derived.sector;
    p.at_table = derived.at_table;
    if (p.at_table_cell == true && p.organization != kNoOrganization &&
        !organizations[size_t(p.organization)].at_table)
      d.warning(warnings, t, r, rules::seated_without_organization(p.id, organizations[size_t(p.organization)].id));
    p.extra = extra_cells(t, r, m);
  }
  return people;
}

std::vector<Tie> decode_ties(const Decoder& d, const RowTable& t, const OrgIds& orgs, ColumnMap& m,
                             Problems& problems) {
  enum { SOURCE, TARGET, KIND, STRENGTH, DIRECTED, CONFIRMED };
  m = map_columns(t, kTieColumns, {"source", "target"}, problems);
  if (!m.has(SOURCE) || !m.has(TARGET)) return {};
  std::vector<Tie> ties(t.rows());
  for_row_ranges(t.rows(), problems, [&](size_t begin, size_t end, Problems& out) {
    // Ends are looked up in no order: each lookup's slot is asked for 16
    // rows ahead and its organization 8 rows ahead, so that both are in the
    // cache when the row comes (validate of 1,000,000 organizations: 4.1 -> 3.1 CPU s).
    auto prefetch = [&](size_t r, bool row) {
      if (r >= end) return;
      for (int end_column : {int(SOURCE), int(TARGET)}) {
        const std::string_view id = m.get(t, r, end_column);
        row ? orgs.prefetch_row(id) : orgs.prefetch_slot(id);
      }
    };
    for (size_t r = begin; r < end; ++r) {
      prefetch(r + 16, false);
      prefetch(r + 8, true);
      Tie& tie = ties[r];
      std::string_view source = m.get(t, r, SOURCE), target = m.get(t, r, TARGET);
      bool both_known = true;
      if (source.empty()) {
        d.problem(out, t, r, "this tie has no source");
        both_known = false;
      } else if (auto s = d.organization(out, t, r, orgs, source, "tie source")) {
        tie.source = *s;
      } else {
        both_known = false;
      }
      if (target.empty()) {
        d.problem(out, t, r, "this tie has no target");
        both_known = false;
      } else if (auto g = d.organization(out, t, r, orgs, target, "tie target")) {
        tie.target = *g;
      } else {
        both_known = false;
      }
      if (both_known && tie.source == tie.target) d.problem(out, t, r, rules::tie_to_itself(source));
      if (std::string_view kind = m.get(t, r, KIND); kind.empty()) {
        tie.blank |= Tie::kBlankKind;
      } else if (auto k = parse_tie_kind(kind)) {
        tie.kind = *k;
      } else {
        d.problem(out, t, r, rules::not_a_tie_kind(kind));
      }
      if (std::string_view strength = m.get(t, r, STRENGTH); strength.empty()) {
        tie.blank |= Tie::kBlankStrength;
      } else {
        auto v = parse_int(strength);
        if (!v || *v < 1 || *v > 3) d.problem(out, t, r, rules::bad_strength(strength));
        else tie.strength = uint8_t(*v);
      }
      if (std::string_view cell = m.get(t, r, DIRECTED); cell.empty())
        tie.blank |= Tie::kBlankDirected;
      else if (auto b = d.yes_no_cell(out, t, r, cell, "directed", false))
        tie.directed = *b;
      if (std::string_view cell = m.get(t, r, CONFIRMED); cell.empty())
        tie.blank |= Tie::kBlankConfirmed;
      else if (auto b = d.yes_no_cell(out, t, r, cell, "confirmed", true))
        tie.confirmed = *b;
      tie.extra = extra_cells(t, r, m);
    }
  });
  return ties;
}

std::vector<Role> decode_roles(const Decoder& d, const RowTable& t, const OrgIds& orgs, ColumnMap& m,
                               Problems& problems) {
  enum { ORGANIZATION, ROLE, ISSUE_AREA, FUNCTION, OUTCOME, STATUS };
  m = map_columns(t, kRoleColumns, {"organization", "role"}, problems);
  if (!m.has(ORGANIZATION) || !m.has(ROLE)) return {};
  std::vector<Role> roles(t.rows());
  for (size_t r = 0; r < t.rows(); ++r) {
    Role& role = roles[r];
    std::string_view org = m.get(t, r, ORGANIZATION);
    if (org.empty())
      d.problem(problems, t, r, "this role names no organization");
    else if (auto o = d.organization(problems, t, r, orgs, org, "organization"))
      role.organization = *o;
    std::string_view kind_text = m.get(t, r, ROLE);
    auto kind = parse_role_kind(kind_text);
    if (!kind) d.problem(problems, t, r, rules::not_a_role(kind_text));
    else role.kind = *kind;
    std::string_view area = m.get(t, r, ISSUE_AREA);
    if (!area.empty()) {
      if (auto a = d.issue_area(problems, t, r, area)) role.issue_area = *a;
    } else if (kind == RoleKind::backbone || kind == RoleKind::convener) {
      d.problem(problems, t, r, rules::role_needs_issue_area(*kind, org));
    }
    std::string_view function = m.get(t, r, FUNCTION);
    if (function.empty() && kind == RoleKind::backbone) role.blank |= Role::kBlankFunction;
    if (!function.empty() && !same_word(function, "all")) {
      if (kind && kind != RoleKind::backbone) {
        d.problem(problems, t, r, rules::function_only_for_backbone(*kind));
      } else if (!d.profile_known) {
      } else if (auto f = d.profile.find_function(function)) {
        role.function = *f;
      } else {
        d.problem(problems, t, r, rules::unknown_function(function, d.profile));
      }
    }
    std::string_view outcome = m.get(t, r, OUTCOME);
    if (!outcome.empty()) {
      if (kind && kind != RoleKind::convener) {
        d.problem(problems, t, r, rules::outcome_only_for_convener(*kind));
      } else if (role.issue_area != kNone) {
        const IssueArea& ia = d.profile.issue_areas[size_t(role.issue_area)];
        bool found = false;
        for (size_t i = 0; i < ia.outcomes.size() && !found; ++i)
          if (same_word(ia.outcomes[i], outcome)) {
            role.outcome = int16_t(i);
            found = true;
          }
        if (!found) d.problem(problems, t, r, rules::unknown_outcome(outcome, ia));
      }
    }
    if (std::string_view status = m.get(t, r, STATUS); status.empty()) {
      role.blank |= Role::kBlankStatus;
    } else if (auto s = parse_role_status(status)) {
      role.status = *s;
    } else {
      d.problem(problems, t, r, rules::not_a_status(status));
    }
    role.extra = extra_cells(t, r, m);
  }
  return roles;
}

// Keeps each row's text where the writer would not give it back; in row
// ranges on two threads for large tables, as the decoding.
template <class Row>
void keep_texts(const RowTable& t, const ColumnMap& m, const Profile& profile, const std::vector<Organization>& orgs,
                std::vector<Row>& rows) {
  Problems unused;
  for_row_ranges(rows.size(), unused, [&](size_t begin, size_t end, Problems&) {
    RowEncoder encode(profile, orgs, t.separator);
    TextKeeper keeper(t, m);
    for (size_t r = begin; r < end; ++r) {
      // A tie's ends are written by their organizations' ids: in no order, so asked for 8 rows ahead.
      if constexpr (std::is_same_v<Row, Tie>)
        if (r + 8 < end && rows[r + 8].source < orgs.size() && rows[r + 8].target < orgs.size()) {
          for (uint32_t end_row : {rows[r + 8].source, rows[r + 8].target}) prefetch_id_of_row(&orgs[end_row]);
        }
      keeper.keep(encode, r, rows[r]);
    }
  });
}

// Warnings for rows that repeat an earlier row exactly (same cells).
void warn_repeated_rows(const Decoder& d, const RowTable& t, Problems& warnings) {
  if (t.rows() < 2) return;
  const size_t w = t.columns();
  auto hash_row = [&](size_t r) {
    uint64_t h = 1469598103934665603ull;
    for (size_t c = 0; c < w; ++c) {
      for (char ch : t.cell(r, c)) h = (h ^ uint8_t(ch)) * 1099511628211ull;
      h = (h ^ 0x1f) * 1099511628211ull;
    }
    return h;
  };
  std::unordered_map<uint64_t, uint32_t> first;
  first.reserve(t.rows());
  for (size_t r = 0; r < t.rows(); ++r) {
    auto [it, inserted] = first.emplace(hash_row(r), uint32_t(r));
    if (inserted) continue;
    bool same = true;
    for (size_t c = 0; c < w && same; ++c) same = t.cell(r, c) == t.cell(it->second, c);
    if (same) d.warning(warnings, t, r, rules::repeats_line(t.lines[it->second]));
  }
}

}  // namespace

void sort_problems_by_line(Problems& problems) {
  // Files keep the order in which they were first reported; lines ascend within a file.
  std::vector<std::string> files;
  auto rank = [&](const std::string& f) {
    for (size_t i = 0; i < files.size(); ++i)
      if (files[i] == f) return i;
    files.push_back(f);
    return files.size() - 1;
  };
  for (const Problem& p : problems) rank(p.file);
  std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) {
    const size_t fa = rank(a.file), fb = rank(b.file);
    return fa != fb ? fa < fb : a.line < b.line;
  });
}

LoadResult decode_community(RawCommunity& raw) {
  LoadResult result;
  Problems& problems = result.problems;
  Problems& warnings = result.warnings;
  std::optional<Profile> profile = parse_profile(raw.profile_text, raw.profile_file, problems);
  // A profile with problems does not hide the tables' problems: they are
  // checked too, but for the rules that need the profile (declared sectors,
  // issue areas, functions).
  const bool profile_known = profile.has_value();
  if (!profile) {
    profile.emplace();
    profile->year = 9999;
  }
  Decoder d{*profile, profile_known, profile->year};

  Community c;
  OrgIds org_ids;
  ColumnMap m;
  const size_t organization_rows = raw.organizations.rows();
  auto orgs = decode_organizations(d, raw.organizations, org_ids.table, m, problems);
  org_ids.rows = &orgs;
  c.organizations.edit_extra_columns() = m.extra_names;
  if (problems.empty()) {
    keep_texts(raw.organizations, m, *profile, orgs, orgs);
    c.organizations.set_layout(layout_of(raw.organizations, m));
  }
  const std::string org_file = raw.organizations.file;
  const std::vector<uint32_t> org_lines = std::move(raw.organizations.lines);
  // The decoded rows hold everything now: free the text. Moved out, not
  // assigned an empty table: a string assigned a short one keeps its buffer,
  // which held the whole file (94 MB at 1,000,000 organizations) to the end.
  { RowTable decoded = std::move(raw.organizations); }
  if (org_ids.empty() && organization_rows > 0) {
    // No usable organization ids: every reference in the other files would be
    // reported as unknown, which helps nobody. Fix organizations.csv first.
    sort_problems_by_line(problems);
    return result;
  }
  if (raw.people) {
    auto people = decode_people(d, *raw.people, org_ids, orgs, m, problems, warnings);
    if (problems.empty()) {
      keep_texts(*raw.people, m, *profile, orgs, people);
      c.people.set_layout(layout_of(*raw.people, m));
    }
    raw.people.reset();
    c.people.edit() = std::move(people);
    c.people.edit_extra_columns() = m.extra_names;
  }
  if (raw.ties) {
    auto ties = decode_ties(d, *raw.ties, org_ids, m, problems);
    if (problems.empty()) {
      keep_texts(*raw.ties, m, *profile, orgs, ties);
      c.ties.set_layout(layout_of(*raw.ties, m));
      // Exact repeats, for files of a spreadsheet's size (a repeated tie is
      // harmless: the network merges it).
      if (raw.ties->rows() <= 1000000) warn_repeated_rows(d, *raw.ties, warnings);
    }
    raw.ties.reset();
    c.ties.edit() = std::move(ties);
    c.ties.edit_extra_columns() = m.extra_names;
  }
  if (raw.roles) {
    auto roles = decode_roles(d, *raw.roles, org_ids, m, problems);
    if (problems.empty()) {
      keep_texts(*raw.roles, m, *profile, orgs, roles);
      c.roles.set_layout(layout_of(*raw.roles, m));
      warn_repeated_rows(d, *raw.roles, warnings);
    }
    raw.roles.reset();
    c.roles.edit() = std::move(roles);
    c.roles.edit_extra_columns() = m.extra_names;
  }
  if (!problems.empty()) {
    sort_problems_by_line(problems);
    return result;
  }
  // Organizations with no tie at all, when the community has ties.
  if (!c.ties.empty()) {
    std::vector<bool> tied(orgs.size());
    for (const Tie& t : c.ties) tied[t.source] = tied[t.target] = true;
    // One group: problem_lines lists the first few and counts the rest after them.
    Problems first;  // organizations.csv comes first in the list
    for (size_t i = 0; i < orgs.size(); ++i)
      if (!tied[i])
        first.push_back({org_file, org_lines[i], rules::no_ties(orgs[i].id), true, "organizations without ties"});
    warnings.insert(warnings.begin(), first.begin(), first.end());
  }
  sort_problems_by_line(warnings);
  c.organizations.edit() = std::move(orgs);
  profile->source.text = raw.profile_source ? *raw.profile_source : raw.profile_text;
  c.profile = std::move(*profile);
  c.derive_people();
  result.community = std::move(c);
  return result;
}

// ---------------------------------------------------------------------------
// Writing

namespace {

// The layout a table is written with: the one it was read with, plus at the
// end any known column it lacks that an edit has filled; or, for a table not
// read from a file, every known column and then the unknown ones.
template <class Row>
TableLayout writing_layout(const Table<Row>& table, const std::vector<std::string>& known, RowEncoder& encode) {
  TableLayout l;
  if (table.layout()) {
    l = *table.layout();
  } else {
    for (size_t k = 0; k < known.size(); ++k) l.columns.push_back(int32_t(k));
  }
  const bool read_from_file = table.layout() != nullptr;
  std::vector<bool> present(known.size());
  for (int32_t c : l.columns)
    if (c >= 0) present[size_t(c)] = true;
  bool any_missing = false;
  for (size_t k = 0; k < known.size(); ++k) any_missing = any_missing || !present[k];
  std::vector<bool> needed(known.size());
  if (any_missing)
    for (const Row& row : table) {
      if (row.typed_text && !row.typed_text.get()->row().empty()) continue;  // written as read: needs no new column
      const auto& cells = encode(row);
      for (size_t k = 0; k < known.size(); ++k)
        if (!present[k] && !cells[k].empty()) needed[k] = true;
    }
  // Added columns go at the end, in the header too: the known ones an edit
  // filled, then unknown ones the file did not have (a survey's qualities).
  std::string added;
  for (size_t k = 0; k < known.size(); ++k)
    if (needed[k]) {
      l.columns.push_back(int32_t(k));
      added += l.separator;
      added += known[k];
    }
  // Which unknown columns the layout has, marked in one pass: asking the
  // layout for each of them made a 100,000-column file take minutes to save.
  const auto& extras = table.extra_columns();
  std::vector<bool> extra_there(extras.size());
  for (int32_t c : l.columns)
    if (c < 0 && size_t(-1 - c) < extras.size()) extra_there[size_t(-1 - c)] = true;
  for (size_t i = 0; i < extras.size(); ++i) {
    if (extra_there[i]) continue;
    l.columns.push_back(-1 - int32_t(i));
    added += l.separator;
    added += extras[i];
  }
  if (read_from_file && !added.empty() && !l.header_text.empty()) {
    // The header row is the last line of header_text: the new names go before its line end.
    size_t end = l.header_text.size();
    while (end > l.header_begin && (l.header_text[end - 1] == '\n' || l.header_text[end - 1] == '\r')) --end;
    l.header_text.insert(end, added);
  }
  return l;
}

template <class Row>
void encode_rows(const Table<Row>& table, const std::vector<std::string>& known, RowEncoder& encode, RowSink& sink) {
  const TableLayout l = writing_layout(table, known, encode);
  const auto& extras = table.extra_columns();
  std::vector<std::string_view> names;
  std::vector<std::string> typed_names;
  if (!l.header_text.empty()) {
    std::string_view header_row = std::string_view(l.header_text).substr(l.header_begin);
    typed_names = split_csv_row(header_row, l.separator);
  }
  for (size_t i = 0; i < l.columns.size(); ++i) {
    const int32_t c = l.columns[i];
    if (i < typed_names.size()) names.push_back(typed_names[i]);
    else names.push_back(c >= 0 ? std::string_view(known[size_t(c)]) : std::string_view(extras[size_t(-1 - c)]));
  }
  sink.header(names, l);
  std::vector<std::string_view> cells(l.columns.size());
  std::vector<std::string> typed;
  for (const Row& row : table) {
    const RowText* text = row.typed_text.get();
    std::string_view skipped = text ? text->skipped() : std::string_view();
    const bool typed_row = text && !text->row().empty();
    if (typed_row) typed = split_csv_row(text->row(), l.separator);
    if (typed_row && !text->edited) {
      for (size_t i = 0; i < cells.size(); ++i) cells[i] = i < typed.size() ? std::string_view(typed[i]) : "";
      sink.row(cells, skipped, text->row());
      continue;
    }
    // From the values; after an edit, a cell whose value is unchanged keeps its spelling.
    const auto& encoded = encode(row);
    for (size_t i = 0; i < cells.size(); ++i) {
      const int32_t c = l.columns[i];
      const size_t e = size_t(-1 - c);
      cells[i] = c >= 0 ? encoded[size_t(c)] : e < row.extra.size() ? std::string_view(row.extra[e]) : "";
      if (typed_row && c >= 0 && i < typed.size() && size_t(c) < text->encoded.size() &&
          text->encoded[size_t(c)] == encoded[size_t(c)])
        cells[i] = typed[i];
    }
    sink.row(cells, skipped, "");
  }
  sink.end(l.trailer);
}

}  // namespace

void encode_table(const Community& c, TableName table, RowSink& sink) {
  const auto& orgs = c.organizations.rows();
  auto separator_of = [](const auto& t) { return t.layout() ? t.layout()->separator : ','; };
  switch (table) {
    case TableName::organizations: {
      RowEncoder encode(c.profile, orgs, separator_of(c.organizations));
      encode_rows(c.organizations, kOrganizationColumns, encode, sink);
      break;
    }
    case TableName::people: {
      RowEncoder encode(c.profile, orgs, separator_of(c.people));
      encode_rows(c.people, kPeopleColumns, encode, sink);
      break;
    }
    case TableName::ties: {
      RowEncoder encode(c.profile, orgs, separator_of(c.ties));
      encode_rows(c.ties, kTieColumns, encode, sink);
      break;
    }
    case TableName::roles: {
      RowEncoder encode(c.profile, orgs, separator_of(c.roles));
      encode_rows(c.roles, kRoleColumns, encode, sink);
      break;
    }
  }
}

bool table_is_absent(const Community& c, TableName t) {
  switch (t) {
    case TableName::organizations: return false;
    case TableName::people: return c.people.empty() && !c.people.layout();
    case TableName::ties: return c.ties.empty() && !c.ties.layout();
    case TableName::roles: return c.roles.empty() && !c.roles.layout();
  }
  return false;
}

std::string profile_text(const Profile& profile) {
  if (!profile.source.text.empty()) {
    Problems ignored;
    auto as_read = parse_profile(profile.source.text, "", ignored);
    if (as_read && *as_read == profile) return profile.source.text;
  }
  return profile_to_json(profile).dump(2) + "\n";
}

}  // namespace tablemap
