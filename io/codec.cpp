// Rows of text -> Community, with every rule of the bundle format checked and
// every problem reported; and Community -> rows of text.
#include "io/codec.hpp"

#include <algorithm>
#include <charconv>
#include <thread>

#include "core/id_table.hpp"
#include "io/suggest.hpp"

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

// Organization id -> row. While organizations.csv is decoded the ids are read
// from its cells; afterwards from the decoded rows, so the CSV text can go.
struct OrgIds {
  IdTable table;
  const std::vector<Organization>* rows = nullptr;
  std::optional<uint32_t> find(std::string_view id) const {
    return table.find(id, [this](uint32_t r) { return std::string_view((*rows)[r].id); });
  }
  bool empty() const { return table.size() == 0; }
};

}  // namespace

ColumnMap map_columns(const RowTable& t, const std::vector<std::string>& known,
                      const std::vector<std::string>& required, Problems& problems) {
  ColumnMap m;
  m.position.assign(known.size(), -1);
  std::vector<std::string> seen;
  for (size_t c = 0; c < t.header.size(); ++c) {
    const std::string name = to_lower(trim(t.header[c]));
    bool duplicate = false;
    for (const auto& s : seen) duplicate = duplicate || s == name;
    seen.push_back(name);
    if (duplicate) {
      problems.push_back({t.file, t.header_line, "column '" + name + "' appears twice in the header"});
      continue;
    }
    bool matched = false;
    for (size_t k = 0; k < known.size(); ++k)
      if (known[k] == name) {
        m.position[k] = int(c);
        matched = true;
      }
    if (!matched) {
      m.extra.push_back(c);
      m.extra_names.push_back(trim(t.header[c]).empty() ? "column_" + std::to_string(c + 1)
                                                         : std::string(trim(t.header[c])));
    }
  }
  for (const auto& r : required) {
    bool present = false;
    for (size_t k = 0; k < known.size(); ++k) present = present || (known[k] == r && m.position[k] >= 0);
    if (!present)
      problems.push_back({t.file, t.header_line,
                          "the header has no '" + r + "' column" + did_you_mean(r, seen) +
                              "; the columns are: " + join_names(seen)});
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

bool valid_id(std::string_view id) {
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
  return !id.empty();
}

// Splits "a; b;c" into trimmed non-empty parts.
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

// Context shared by the table decoders.
struct Decoder {
  const Profile& profile;
  int last_birth_year;

  void problem(Problems& out, const RowTable& t, size_t row, std::string message) const {
    out.push_back({t.file, t.lines[row], std::move(message)});
  }

  std::optional<SectorId> sector(Problems& out, const RowTable& t, size_t row, std::string_view name,
                                 std::string_view what) const {
    if (auto s = profile.find_sector(name)) return s;
    problem(out, t, row,
            std::string(what) + " '" + std::string(name) + "' is not declared in community.json" +
                did_you_mean(name, profile.sectors) + "; declare it under sectors, or use one of: " +
                join_names(profile.sectors));
    return std::nullopt;
  }

  std::optional<IssueAreaId> issue_area(Problems& out, const RowTable& t, size_t row, std::string_view id) const {
    if (auto a = profile.find_issue_area(id)) return a;
    std::vector<std::string> ids;
    for (const auto& area : profile.issue_areas) ids.push_back(area.id);
    problem(out, t, row,
            "issue area '" + std::string(id) + "' is not in community.json" + did_you_mean(id, ids) +
                (ids.empty() ? "; the profile lists no issue areas" : "; its issue areas are: " + join_names(ids)));
    return std::nullopt;
  }

  std::optional<bool> yes_no_cell(Problems& out, const RowTable& t, size_t row, std::string_view cell,
                                  std::string_view column, bool fallback) const {
    if (cell.empty()) return fallback;
    if (auto b = parse_yes_no(cell)) return b;
    problem(out, t, row, std::string(column) + " must be yes or no, not '" + std::string(cell) + "'");
    return std::nullopt;
  }

  std::optional<uint32_t> organization(Problems& out, const RowTable& t, size_t row, const OrgIds& orgs,
                                       std::string_view id, std::string_view what) const {
    if (auto found = orgs.find(id)) return found;
    problem(out, t, row,
            std::string(what) + " '" + std::string(id) + "' is not an organization in organizations.csv");
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
  std::thread helper([&] { decode(half, rows, second); });
  decode(size_t(0), half, problems);
  helper.join();
  problems.insert(problems.end(), second.begin(), second.end());
}

std::vector<Organization> decode_organizations(const Decoder& d, const RowTable& t, IdTable& ids,
                                               std::vector<std::string>& extra_names, Problems& problems) {
  enum { ID, NAME, SECTOR, SECONDARY, TYPE, AT_TABLE, ISSUE_AREAS, GENERATIONS };
  ColumnMap m = map_columns(t, kOrganizationColumns, {"id", "name", "sector"}, problems);
  extra_names = m.extra_names;
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
    if (!valid_id(id))
      d.problem(problems, t, r, "organization id '" + std::string(id) + "' may use only letters, digits, _ - .");
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
      if (std::string_view type = m.get(t, r, TYPE); !type.empty()) {
        if (auto ty = parse_org_type(type))
          o.type = *ty;
        else
          d.problem(out, t, r,
                    "type '" + std::string(type) +
                        "' is not one of nonprofit, public_agency, business, school, faith, foundation, "
                        "informal, resident_group, other");
      }
      if (auto b = d.yes_no_cell(out, t, r, m.get(t, r, AT_TABLE), "at_table", false)) o.at_table = *b;
      for_each_item(m.get(t, r, ISSUE_AREAS), [&](std::string_view id) {
        if (auto a = d.issue_area(out, t, r, id)) o.issue_areas.push_back(*a);
      });
      for_each_item(m.get(t, r, GENERATIONS), [&](std::string_view g) {
        if (auto gen = parse_generation(g))
          o.generations_served = with(o.generations_served, *gen);
        else
          d.problem(out, t, r,
                    "'" + std::string(g) +
                        "' is not a generation; use silent, boomers, gen_x, millennials, gen_z, gen_alpha");
      });
      o.extra = extra_cells(t, r, m);
    }
  });
  return orgs;
}

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::vector<Person> decode_people(const Decoder& d, const RowTable& t, const OrgIds& orgs,
                                  const std::vector<Organization>& organizations,
                                  std::vector<std::string>& extra_names, Problems& problems) {
  enum { ID, NAME, ORGANIZATION, BIRTH_YEAR, GENERATION, SECTOR, AT_TABLE, RESIDENT, FORMAL };
  ColumnMap m = map_columns(t, kPeopleColumns, {"id", "name"}, problems);
  extra_names = m.extra_names;
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
    if (std::string_view year = m.get(t, r, BIRTH_YEAR); !year.empty()) {
      auto y = parse_int(year);
      if (!y || *y < 1900 || *y > d.last_birth_year) {
        d.problem(problems, t, r,
                  "birth year '" + std::string(year) + "' is impossible; use a year from 1900 to " +
                      std::to_string(d.last_birth_year));
      } else {
        p.birth_year = *y;
        // Born before 1928 (the first year of the silent generation): the oldest generation we name.
        from_year = generation_of_birth_year(*y).value_or(Generation::silent);
      }
    }
    if (std::string_view gen = m.get(t, r, GENERATION); !gen.empty()) {
      named = parse_generation(gen);
      if (!named)
        d.problem(problems, t, r,
                  "'" + std::string(gen) +
                      "' is not a generation; use silent, boomers, gen_x, millennials, gen_z, gen_alpha");
    }
    if (from_year && named && *from_year != *named)
      d.problem(problems, t, r,
                "birth year " + std::to_string(p.birth_year) + " belongs to " + std::string(to_string(*from_year)) +
                    " but the generation column says " + std::string(to_string(*named)));
    if (from_year || named) {
      p.generation = from_year ? *from_year : *named;
    } else if (m.get(t, r, BIRTH_YEAR).empty() && m.get(t, r, GENERATION).empty()) {
      d.problem(problems, t, r, "person '" + p.id + "' needs a birth_year or a generation");
    }
    std::string_view sector = m.get(t, r, SECTOR);
    if (!sector.empty()) {
      if (auto s = d.sector(problems, t, r, sector, "sector")) p.sector = *s;
    } else if (p.organization != kNoOrganization) {
      p.sector = organizations[size_t(p.organization)].sector;
    } else if (org.empty()) {
      d.problem(problems, t, r,
                "person '" + p.id + "' has no organization, so needs a sector (use 'residents' for a resident)");
    }
    if (auto b = d.yes_no_cell(problems, t, r, m.get(t, r, AT_TABLE), "at_table", true)) p.at_table = *b;
    if (auto b = d.yes_no_cell(problems, t, r, m.get(t, r, RESIDENT), "resident", true)) p.resident = *b;
    if (auto b = d.yes_no_cell(problems, t, r, m.get(t, r, FORMAL), "formal_leader", true)) p.formal_leader = *b;
    p.extra = extra_cells(t, r, m);
  }
  return people;
}

std::vector<Tie> decode_ties(const Decoder& d, const RowTable& t, const OrgIds& orgs,
                             std::vector<std::string>& extra_names, Problems& problems) {
  enum { SOURCE, TARGET, KIND, STRENGTH, DIRECTED, CONFIRMED };
  ColumnMap m = map_columns(t, kTieColumns, {"source", "target"}, problems);
  extra_names = m.extra_names;
  if (!m.has(SOURCE) || !m.has(TARGET)) return {};
  std::vector<Tie> ties(t.rows());
  for_row_ranges(t.rows(), problems, [&](size_t begin, size_t end, Problems& out) {
    for (size_t r = begin; r < end; ++r) {
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
      if (both_known && tie.source == tie.target)
        d.problem(out, t, r, "a tie from '" + std::string(source) + "' to itself; a tie links two organizations");
      if (std::string_view kind = m.get(t, r, KIND); !kind.empty()) {
        if (auto k = parse_tie_kind(kind))
          tie.kind = *k;
        else
          d.problem(out, t, r,
                    "tie kind '" + std::string(kind) +
                        "' is not one of information, resources, joint_programming, data_sharing, referral, "
                        "formal_agreement");
      }
      if (std::string_view strength = m.get(t, r, STRENGTH); !strength.empty()) {
        auto v = parse_int(strength);
        if (!v || *v < 1 || *v > 3)
          d.problem(out, t, r,
                    "strength '" + std::string(strength) + "' must be 1 (occasional), 2 or 3 (daily/strong)");
        else
          tie.strength = uint8_t(*v);
      }
      if (auto b = d.yes_no_cell(out, t, r, m.get(t, r, DIRECTED), "directed", false)) tie.directed = *b;
      if (auto b = d.yes_no_cell(out, t, r, m.get(t, r, CONFIRMED), "confirmed", true)) tie.confirmed = *b;
      tie.extra = extra_cells(t, r, m);
    }
  });
  return ties;
}

std::vector<Role> decode_roles(const Decoder& d, const RowTable& t, const OrgIds& orgs,
                               std::vector<std::string>& extra_names, Problems& problems) {
  enum { ORGANIZATION, ROLE, ISSUE_AREA, FUNCTION, OUTCOME, STATUS };
  ColumnMap m = map_columns(t, kRoleColumns, {"organization", "role"}, problems);
  extra_names = m.extra_names;
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
    if (!kind) {
      d.problem(problems, t, r,
                kind_text.empty() ? std::string("this role row has no role")
                                  : "role '" + std::string(kind_text) +
                                        "' is not one of backbone, convener, anchor, investor, practitioner, "
                                        "data_partner");
    } else {
      role.kind = *kind;
    }
    std::string_view area = m.get(t, r, ISSUE_AREA);
    if (!area.empty()) {
      if (auto a = d.issue_area(problems, t, r, area)) role.issue_area = *a;
    } else if (kind == RoleKind::backbone || kind == RoleKind::convener) {
      d.problem(problems, t, r,
                "a " + std::string(kind_text) + " role needs an issue_area (which issue area is '" +
                    std::string(org) + "' " + std::string(kind_text) + " of?)");
    }
    std::string_view function = m.get(t, r, FUNCTION);
    if (!function.empty() && !equals_ignore_case(function, "all")) {
      if (kind && kind != RoleKind::backbone) {
        d.problem(problems, t, r, "a function is only for backbone roles; this row's role is " + std::string(kind_text));
      } else if (auto f = d.profile.find_function(function)) {
        role.function = *f;
      } else {
        d.problem(problems, t, r,
                  "backbone function '" + std::string(function) + "' is not in community.json" +
                      did_you_mean(function, d.profile.backbone_functions) +
                      "; use one of: " + join_names(d.profile.backbone_functions) + ", or all");
      }
    }
    std::string_view outcome = m.get(t, r, OUTCOME);
    if (!outcome.empty()) {
      if (kind && kind != RoleKind::convener) {
        d.problem(problems, t, r, "an outcome is only for convener roles; this row's role is " + std::string(kind_text));
      } else if (role.issue_area != kNone) {
        const auto& outcomes = d.profile.issue_areas[size_t(role.issue_area)].outcomes;
        bool found = false;
        for (size_t i = 0; i < outcomes.size() && !found; ++i)
          if (outcomes[i] == outcome) {
            role.outcome = int16_t(i);
            found = true;
          }
        if (!found)
          d.problem(problems, t, r,
                    "outcome '" + std::string(outcome) + "' is not an outcome of issue area '" + std::string(area) +
                        "'" + did_you_mean(outcome, outcomes) +
                        (outcomes.empty() ? "; that issue area lists no outcomes" : "; its outcomes are: " + join_names(outcomes)));
      }
    }
    if (std::string_view status = m.get(t, r, STATUS); !status.empty()) {
      if (auto s = parse_role_status(status))
        role.status = *s;
      else
        d.problem(problems, t, r, "status '" + std::string(status) + "' must be claimed or agreed");
    }
    role.extra = extra_cells(t, r, m);
  }
  return roles;
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
  std::optional<Profile> profile = parse_profile(raw.profile_text, raw.profile_file, problems);
  if (!profile) {
    // Without the profile no sector can be checked; still report the tables' own syntax problems.
    return result;
  }
  Decoder d{*profile, profile->year};

  Community c;
  OrgIds org_ids;
  std::vector<std::string> extra;
  const size_t organization_rows = raw.organizations.rows();
  auto orgs = decode_organizations(d, raw.organizations, org_ids.table, extra, problems);
  org_ids.rows = &orgs;
  c.organizations.edit_extra_columns() = extra;
  raw.organizations = RowTable{};  // the decoded rows hold everything now; free the text
  if (org_ids.empty() && organization_rows > 0) {
    // No usable organization ids: every reference in the other files would be
    // reported as unknown, which helps nobody. Fix organizations.csv first.
    sort_problems_by_line(problems);
    return result;
  }
  if (raw.people) {
    auto people = decode_people(d, *raw.people, org_ids, orgs, extra, problems);
    c.people.edit() = std::move(people);
    c.people.edit_extra_columns() = extra;
  }
  if (raw.ties) {
    auto ties = decode_ties(d, *raw.ties, org_ids, extra, problems);
    raw.ties.reset();
    c.ties.edit() = std::move(ties);
    c.ties.edit_extra_columns() = extra;
  }
  if (raw.roles) {
    auto roles = decode_roles(d, *raw.roles, org_ids, extra, problems);
    c.roles.edit() = std::move(roles);
    c.roles.edit_extra_columns() = extra;
  }
  if (!problems.empty()) {
    sort_problems_by_line(problems);
    return result;
  }
  c.organizations.edit() = std::move(orgs);
  c.profile = std::move(*profile);
  result.community = std::move(c);
  return result;
}

// ---------------------------------------------------------------------------
// Writing

namespace {

void append_list(std::string& out, const std::vector<std::string>& names, auto&& indexes) {
  bool first = true;
  for (auto i : indexes) {
    if (!first) out += ';';
    out += names[size_t(i)];
    first = false;
  }
}

template <class Row>
void emit_header(RowSink& sink, const std::vector<std::string>& known, const Table<Row>& table) {
  std::vector<std::string_view> names(known.begin(), known.end());
  for (const auto& e : table.extra_columns()) names.push_back(e);
  sink.header(names);
}

void emit_extra(std::vector<std::string_view>& cells, const ExtraCells& extra, size_t count) {
  for (size_t i = 0; i < count; ++i) cells.push_back(i < extra.size() ? std::string_view(extra[i]) : "");
}

}  // namespace

void encode_table(const Community& c, TableName table, RowSink& sink) {
  const Profile& p = c.profile;
  std::vector<std::string_view> cells;
  std::string a, b, g, num;
  switch (table) {
    case TableName::organizations: {
      emit_header(sink, kOrganizationColumns, c.organizations);
      const size_t extras = c.organizations.extra_columns().size();
      for (const Organization& o : c.organizations) {
        a.clear();
        b.clear();
        g.clear();
        append_list(a, p.sectors, o.secondary_sectors);
        std::vector<std::string> area_ids;
        for (IssueAreaId i : o.issue_areas) {
          if (!b.empty()) b += ';';
          b += p.issue_areas[size_t(i)].id;
        }
        for (Generation gen : kAllGenerations)
          if (contains(o.generations_served, gen)) {
            if (!g.empty()) g += ';';
            g += to_string(gen);
          }
        cells = {o.id, o.name, p.sectors[o.sector], a, to_string(o.type), yes_no(o.at_table), b, g};
        emit_extra(cells, o.extra, extras);
        sink.row(cells);
      }
      break;
    }
    case TableName::people: {
      emit_header(sink, kPeopleColumns, c.people);
      const size_t extras = c.people.extra_columns().size();
      for (const Person& person : c.people) {
        num = person.birth_year ? std::to_string(person.birth_year) : "";
        std::string_view org =
            person.organization == kNoOrganization ? "" : std::string_view(c.organizations[size_t(person.organization)].id);
        cells = {person.id,           person.name,           org,
                 num,                 to_string(person.generation), p.sectors[person.sector],
                 yes_no(person.at_table), yes_no(person.resident), yes_no(person.formal_leader)};
        emit_extra(cells, person.extra, extras);
        sink.row(cells);
      }
      break;
    }
    case TableName::ties: {
      emit_header(sink, kTieColumns, c.ties);
      const size_t extras = c.ties.extra_columns().size();
      static const std::string_view kStrength[] = {"0", "1", "2", "3"};
      for (const Tie& t : c.ties) {
        cells = {c.organizations[t.source].id, c.organizations[t.target].id, to_string(t.kind),
                 kStrength[t.strength & 3],    yes_no(t.directed),           yes_no(t.confirmed)};
        emit_extra(cells, t.extra, extras);
        sink.row(cells);
      }
      break;
    }
    case TableName::roles: {
      emit_header(sink, kRoleColumns, c.roles);
      const size_t extras = c.roles.extra_columns().size();
      for (const Role& r : c.roles) {
        std::string_view area = r.issue_area == kNone ? "" : std::string_view(p.issue_areas[size_t(r.issue_area)].id);
        std::string_view function;
        if (r.kind == RoleKind::backbone)
          function = r.function == kWholeBackbone ? "all" : std::string_view(p.backbone_functions[size_t(r.function)]);
        std::string_view outcome =
            r.outcome == kNone || r.issue_area == kNone
                ? ""
                : std::string_view(p.issue_areas[size_t(r.issue_area)].outcomes[size_t(r.outcome)]);
        cells = {c.organizations[r.organization].id, to_string(r.kind), area, function, outcome, to_string(r.status)};
        emit_extra(cells, r.extra, extras);
        sink.row(cells);
      }
      break;
    }
  }
}

}  // namespace tablemap
