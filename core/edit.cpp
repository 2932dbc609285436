#include "core/edit.hpp"

#include <chrono>
#include <ctime>

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

bool valid_id_chars(const std::string& id) {
  for (char ch : id) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                    ch == '-' || ch == '.';
    if (!ok) return false;
  }
  return true;
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
    else if (!valid_id_chars(o.id))
      fail("organization id " + quoted(o.id) + " may use only letters, digits, _ - .");
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
    if (!sector_ok(p.sector)) fail("person " + quoted(p.id) + " has a sector the profile does not declare");
    if (p.birth_year != 0) {
      if (p.birth_year < 1900 || p.birth_year > year) {
        fail("birth year '" + std::to_string(p.birth_year) + "' is impossible; use a year from 1900 to " +
             std::to_string(year));
      } else if (auto g = generation_of_birth_year(p.birth_year); g && *g != p.generation) {
        fail("birth year " + std::to_string(p.birth_year) + " belongs to " + std::string(to_string(*g)) +
             " but the generation says " + std::string(to_string(p.generation)));
      }
    }
  }

  void check(const Tie& t) {
    if (!org_ok(t.source) || !org_ok(t.target)) fail("a tie needs two organizations that exist");
    else if (t.source == t.target)
      fail("a tie from " + quoted(c.org_id(t.source)) + " to itself; a tie links two organizations");
    if (t.strength < 1 || t.strength > 3) fail("strength '" + std::to_string(t.strength) + "' must be 1 (occasional), 2 or 3 (daily/strong)");
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
    if (needs_area && r.issue_area == kNone)
      fail("a " + std::string(to_string(r.kind)) + " role needs an issue_area (which issue area is " + who + " " +
           std::string(to_string(r.kind)) + " of?)");
    if (r.kind != RoleKind::backbone && r.function != kWholeBackbone)
      fail("a function is only for backbone roles; this role is " + std::string(to_string(r.kind)));
    if (r.kind == RoleKind::backbone && r.function != kWholeBackbone &&
        (r.function < 0 || size_t(r.function) >= c.profile.backbone_functions.size()))
      fail("backbone role of " + who + " names a function the profile does not declare");
    if (r.outcome != kNone) {
      if (r.kind != RoleKind::convener)
        fail("an outcome is only for convener roles; this role is " + std::string(to_string(r.kind)));
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
      if (p.organization == int32_t(org)) p.organization = kNoOrganization;
      else if (p.organization > int32_t(org)) --p.organization;
    }
  }
  auto& orgs = c.organizations.edit();
  orgs.erase(orgs.begin() + org);
}

template <class Row>
void apply_row(Table<Row>& table, const Edit& e) {
  auto& rows = table.edit();
  const Row& value = std::get<Row>(e.value);
  if (e.action == EditAction::add) rows.push_back(value);
  else if (e.action == EditAction::change) rows[e.row] = value;
  else rows.erase(rows.begin() + ptrdiff_t(e.row));
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
      if (e.action == EditAction::remove) remove_organization(c, uint32_t(e.row));
      else apply_row(c.organizations, e);
      break;
    case 1: apply_row(c.people, e); break;
    case 2: apply_row(c.ties, e); break;
    default: apply_row(c.roles, e); break;
  }
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
