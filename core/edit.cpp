#include "core/edit.hpp"

#include <chrono>
#include <ctime>

#include "core/rules.hpp"

namespace tablemap {
namespace {

const char* table_file(const Edit& e) {
  switch (e.value.index()) {
    case 0: return "organizations.csv";
    case 1: return "people.csv";
    case 2: return "ties.csv";
    default: return "roles.csv";
  }
}

size_t table_size(const Community& c, const Edit& e) {
  switch (e.value.index()) {
    case 0: return c.organizations.size();
    case 1: return c.people.size();
    case 2: return c.ties.size();
    default: return c.roles.size();
  }
}

int this_year() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Another row than `self` with this id (self = SIZE_MAX when adding).
template <class Row>
bool id_taken(const Table<Row>& table, const std::string& id, size_t self) {
  for (size_t i = 0; i < table.size(); ++i)
    if (i != self && table[i].id == id) return true;
  return false;
}

struct Checker {
  const Community& c;
  Problems& out;
  std::string file;
  void fail(std::string message) { out.push_back({file, 0, std::move(message)}); }

  bool org_ok(int64_t org) const { return org >= 0 && size_t(org) < c.organizations.size(); }
  bool sector_ok(SectorId s) const { return s < c.profile.sectors.size(); }
  bool issue_ok(IssueAreaId a) const { return a >= 0 && size_t(a) < c.profile.issue_areas.size(); }

  void check(const Organization& o, size_t self) {
    if (o.id.empty()) fail("this organization has no id");
    else if (!rules::valid_id(o.id))
      fail(rules::bad_id("organization", o.id));
    else if (id_taken(c.organizations, o.id, self))
      fail("duplicate organization id " + quoted(o.id) + " (already used by another organization)");
    if (trim(o.name).empty()) fail("organization " + quoted(o.id) + " has no name");
    if (!sector_ok(o.sector)) fail("organization " + quoted(o.id) + " has a sector the profile does not declare");
    for (SectorId s : o.secondary_sectors)
      if (!sector_ok(s)) fail("organization " + quoted(o.id) + " names a secondary sector the profile does not declare");
    for (IssueAreaId a : o.issue_areas)
      if (!issue_ok(a)) fail("organization " + quoted(o.id) + " names an issue area the profile does not declare");
  }

  void check(const Person& p, size_t self, int year) {
    if (p.id.empty()) fail("this person has no id");
    else if (id_taken(c.people, p.id, self)) fail("duplicate person id " + quoted(p.id) + " (already used by another person)");
    if (trim(p.name).empty()) fail("person " + quoted(p.id) + " has no name (a pseudonym is fine)");
    if (p.organization != kNoOrganization && !org_ok(p.organization))
      fail("person " + quoted(p.id) + " belongs to an organization that does not exist");
    if (p.sector_cell && !sector_ok(*p.sector_cell))
      fail("person " + quoted(p.id) + " has a sector the profile does not declare");
    else if (!p.sector_cell && p.organization == kNoOrganization)
      fail(rules::needs_sector(p.id));
    if (p.birth_year > 0 && rules::birth_year_possible(p.birth_year, year)) {
      const Generation g = generation_of_birth_year(p.birth_year).value_or(Generation::silent);
      if (names_generation(p.generation_cell) && cell_of(g) != p.generation_cell)
        fail(rules::birth_year_against_generation(p.birth_year, g, Generation(uint8_t(p.generation_cell))));
    } else if (p.birth_year != 0 && p.birth_year != kBirthYearUnknown) {
      fail(rules::impossible_birth_year(std::to_string(p.birth_year), year));
    }
    if (p.birth_year == 0 && p.generation_cell == GenerationCell::blank) fail(rules::needs_generation(p.id));
  }

  void check(const Tie& t) {
    if (!org_ok(t.source) || !org_ok(t.target)) fail("a tie needs two organizations that exist");
    else if (t.source == t.target)
      fail(rules::tie_to_itself(c.org_id(t.source)));
    if (t.strength < 1 || t.strength > 3) fail(rules::bad_strength(std::to_string(t.strength)));
  }

  void check(const Role& r) {
    if (!org_ok(r.organization)) {
      fail("a role needs an organization that exists");
      return;
    }
    const std::string who = quoted(c.org_id(r.organization));
    const bool needs_area = r.kind == RoleKind::backbone || r.kind == RoleKind::convener;
    if (r.issue_area != kNone && !issue_ok(r.issue_area)) {
      fail("role of " + who + " names an issue area the profile does not declare");
      return;
    }
    if (needs_area && r.issue_area == kNone) fail(rules::role_needs_issue_area(r.kind, c.org_id(r.organization)));
    if (r.kind != RoleKind::backbone && r.function != kWholeBackbone) fail(rules::function_only_for_backbone(r.kind));
    if (r.kind == RoleKind::backbone && r.function != kWholeBackbone &&
        (r.function < 0 || size_t(r.function) >= c.profile.backbone_functions.size()))
      fail("backbone role of " + who + " names a function the profile does not declare");
    if (r.outcome != kNone) {
      if (r.kind != RoleKind::convener)
        fail(rules::outcome_only_for_convener(r.kind));
      else if (r.issue_area != kNone &&
               (r.outcome < 0 || size_t(r.outcome) >= c.profile.issue_areas[size_t(r.issue_area)].outcomes.size()))
        fail("convener role of " + who + " names an outcome its issue area does not list");
    }
  }
};

// Row indexes after `removed` move up by one.
void shift_after(uint32_t& org, uint32_t removed) {
  if (org > removed) --org;
}

void remove_organization(Community& c, uint32_t org) {
  {
    auto& ties = c.ties.edit();
    std::erase_if(ties, [&](const Tie& t) { return t.source == org || t.target == org; });
    for (Tie& t : ties) shift_after(t.source, org), shift_after(t.target, org);
  }
  {
    auto& roles = c.roles.edit();
    std::erase_if(roles, [&](const Role& r) { return r.organization == org; });
    for (Role& r : roles) shift_after(r.organization, org);
  }
  bool people_affected = false;
  for (const Person& p : c.people)
    if (p.organization != kNoOrganization && uint32_t(p.organization) >= org) people_affected = true;
  if (people_affected) {
    for (Person& p : c.people.edit()) {
      if (p.organization == int32_t(org)) {
        // Unaffiliated now: what came from the organization becomes their own.
        p.organization = kNoOrganization;
        p.sector_cell = p.sector;
        p.at_table_cell = p.at_table;
        p.typed_text.forget_row();
      } else if (p.organization > int32_t(org)) --p.organization;
    }
  }
  auto& orgs = c.organizations.edit();
  orgs.erase(orgs.begin() + org);
}

template <class Row>
void apply_row(Table<Row>& table, const Edit& e) {
  auto& rows = table.edit();
  Row value = std::get<Row>(e.value);
  if (e.action == EditAction::add) {
    value.typed_text.clear();  // a new row has no text of its own yet
    rows.push_back(std::move(value));
  } else if (e.action == EditAction::change) {
    // An unchanged row keeps its text; in a changed one only the changed cells are rewritten.
    if (!(value == rows[e.row])) value.typed_text.mark_edited();
    rows[e.row] = std::move(value);
  } else {
    rows.erase(rows.begin() + ptrdiff_t(e.row));
  }
}

// Rows that name an organization by its id (or its name) in their text must
// be written from their values once that id or name changes.
void forget_texts_naming(Community& c, uint32_t org) {
  auto names = [org](uint32_t o) { return o == org; };
  auto forget = [&](auto& table, auto&& refers) {
    bool any = false;
    for (const auto& row : table)
      if (row.typed_text && refers(row)) any = true;
    if (!any) return;
    for (auto& row : table.edit())
      if (row.typed_text && refers(row)) row.typed_text.forget_row();
  };
  forget(c.ties, [&](const Tie& t) { return names(t.source) || names(t.target); });
  forget(c.roles, [&](const Role& r) { return names(r.organization); });
  forget(c.people, [&](const Person& p) { return p.organization == int32_t(org); });
}

}  // namespace

std::string describe(const Community& c, const Edit& e) {
  const char* verb = e.action == EditAction::add ? "add" : e.action == EditAction::change ? "edit" : "delete";
  std::string what;
  switch (e.value.index()) {
    case 0: {
      const auto& o = e.action == EditAction::remove && e.row < c.organizations.size()
                          ? c.organizations[e.row]
                          : std::get<Organization>(e.value);
      what = "organization " + quoted(o.id);
      break;
    }
    case 1: {
      const auto& p =
          e.action == EditAction::remove && e.row < c.people.size() ? c.people[e.row] : std::get<Person>(e.value);
      what = "person " + quoted(p.id);
      break;
    }
    case 2: {
      const auto& t =
          e.action == EditAction::remove && e.row < c.ties.size() ? c.ties[e.row] : std::get<Tie>(e.value);
      const size_t n = c.organizations.size();
      what = "tie " + (t.source < n ? c.org_id(t.source) : "?") + " - " + (t.target < n ? c.org_id(t.target) : "?");
      break;
    }
    default: {
      const auto& r =
          e.action == EditAction::remove && e.row < c.roles.size() ? c.roles[e.row] : std::get<Role>(e.value);
      what = std::string(to_string(r.kind)) + " role of " +
             (r.organization < c.organizations.size() ? quoted(c.org_id(r.organization)) : "?");
    }
  }
  return std::string(verb) + " " + what;
}

Problems check_edit(const Community& c, const Edit& e, int current_year) {
  Problems problems;
  Checker check{c, problems, table_file(e)};
  if (e.action != EditAction::add && e.row >= table_size(c, e)) {
    check.fail("there is no row " + std::to_string(e.row + 1) + " to " +
               (e.action == EditAction::change ? "edit" : "delete"));
    return problems;
  }
  if (e.action == EditAction::remove) return problems;
  const size_t self = e.action == EditAction::change ? e.row : SIZE_MAX;
  if (current_year == 0) current_year = c.profile.year ? c.profile.year : this_year();
  std::visit(
      [&](const auto& row) {
        using Row = std::decay_t<decltype(row)>;
        if constexpr (std::is_same_v<Row, Organization>) check.check(row, self);
        else if constexpr (std::is_same_v<Row, Person>) check.check(row, self, current_year);
        else check.check(row);
      },
      e.value);
  return problems;
}

void apply_edit(Community& c, const Edit& e) {
  switch (e.value.index()) {
    case 0:
      if (e.action == EditAction::remove) {
        remove_organization(c, uint32_t(e.row));
      } else {
        if (e.action == EditAction::change) {
          const Organization& before = c.organizations[e.row];
          const Organization& after = std::get<Organization>(e.value);
          if (before.id != after.id || before.name != after.name) forget_texts_naming(c, uint32_t(e.row));
        }
        apply_row(c.organizations, e);
      }
      break;
    case 1: apply_row(c.people, e); break;
    case 2: apply_row(c.ties, e); break;
    default: apply_row(c.roles, e); break;
  }
  c.derive_people();
}

Problems EditHistory::apply(const Edit& edit) {
  Problems problems = check_edit(current_, edit);
  if (!problems.empty()) return problems;
  std::string label = describe(current_, edit);
  Community next = current_;
  apply_edit(next, edit);
  undo_.push_back({std::move(current_), std::move(label), revision_});
  current_ = std::move(next);
  redo_.clear();
  advance();
  return problems;
}

void EditHistory::replace(Community community, std::string label) {
  undo_.push_back({std::move(current_), std::move(label), revision_});
  current_ = std::move(community);
  redo_.clear();
  advance();
}

const std::string& EditHistory::undo_label() const {
  static const std::string none;
  return undo_.empty() ? none : undo_.back().label;
}
const std::string& EditHistory::redo_label() const {
  static const std::string none;
  return redo_.empty() ? none : redo_.back().label;
}

void EditHistory::undo() {
  if (undo_.empty()) return;
  Step step = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({std::move(current_), step.label, revision_});
  current_ = std::move(step.before);
  revision_ = step.revision;
}

void EditHistory::redo() {
  if (redo_.empty()) return;
  Step step = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({std::move(current_), step.label, revision_});
  current_ = std::move(step.before);
  revision_ = step.revision;
}

void EditHistory::advance() { revision_ = next_revision_++; }

}  // namespace tablemap
