// Forms to add, edit and delete organizations, people, ties and roles. Every
// change goes through core/edit (checked as the bundle reader checks rows,
// undoable); the form shows the problems in the reader's words.
#include <cstring>

#include <imgui.h>

#include "core/rules.hpp"
#include "viz/map_view.hpp"

namespace tablemap::viz {
namespace {

using Forms = EditForms;

// A tie's and a role's key: the ids and words that tell it from the others.
std::string tie_key(const Community& c, const Tie& t) {
  return c.org_id(t.source) + " " + c.org_id(t.target) + " " + std::string(to_string(t.kind));
}
std::string role_key(const Community& c, const Role& r) {
  return c.org_id(r.organization) + " " + std::string(to_string(r.kind)) + " " + std::to_string(r.issue_area) + " " +
         std::to_string(r.function) + " " + std::to_string(r.outcome);
}

// Finds, in this revision, the rows the forms were editing (by id), or -1.
void resolve_rows(AppState& s, Forms& f) {
  const Community& c = s.community();
  if (f.opened != s.opened) {
    f = Forms{};
    f.opened = s.opened;
  }
  if (f.revision == s.history.revision()) return;
  f.revision = s.history.revision();
  auto org = f.org_key.empty() ? std::nullopt : c.find_organization(f.org_key);
  f.org_row = org ? int(*org) : -1;
  auto person = f.person_key.empty() ? std::nullopt : c.find_person(f.person_key);
  f.person_row = person ? int(*person) : -1;
  f.tie_row = -1;
  for (size_t t = 0; t < c.ties.size() && !f.tie_key.empty(); ++t)
    if (tie_key(c, c.ties[t]) == f.tie_key) f.tie_row = int(t);
  f.role_row = -1;
  for (size_t r = 0; r < c.roles.size() && !f.role_key.empty(); ++r)
    if (role_key(c, c.roles[r]) == f.role_key) f.role_row = int(r);
}

bool input_string(const char* label, std::string& value) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  if (!ImGui::InputText(label, buf, sizeof buf)) return false;
  value = buf;
  return true;
}

void sector_combo(const char* label, const Community& c, SectorId& sector) {
  const char* current = sector < c.profile.sectors.size() ? c.profile.sectors[sector].c_str() : "(choose)";
  if (ImGui::BeginCombo(label, current)) {
    for (SectorId i = 0; i < c.profile.sectors.size(); ++i)
      if (ImGui::Selectable(c.profile.sectors[i].c_str(), i == sector)) sector = i;
    ImGui::EndCombo();
  }
}

template <class Enum, size_t N>
void enum_combo(const char* label, Enum& value, const std::array<Enum, N>& all) {
  if (ImGui::BeginCombo(label, std::string(to_string(value)).c_str())) {
    for (Enum e : all)
      if (ImGui::Selectable(std::string(to_string(e)).c_str(), e == value)) value = e;
    ImGui::EndCombo();
  }
}

// The organization a form's text names (id, or exact name), as the reader
// resolves it; an unknown one gets the reader's message in the form.
int32_t org_by_id(Forms& f, const Community& c, const char* id, const char* what = "organization") {
  if (!*id) return kNoOrganization;
  std::string message;
  if (auto found = rules::find_organization(c.organizations.rows(), id, what, message)) return int32_t(*found);
  f.typed_problems.push_back({"", 0, message});
  return int32_t(c.organizations.size() + 1000000);  // unknown: the edit is refused
}

void run(AppState& s, const Edit& e) {
  Forms& f = s.forms;
  if (e.action != EditAction::remove && !f.typed_problems.empty()) {
    f.problems = f.typed_problems;
    return;
  }
  f.problems = apply_checked(s, e);
  if (f.problems.empty()) {
    // The form now edits what it saved or added (a delete leaves nothing to find).
    const Community& c = s.community();
    if (f.what == 0) f.org_key = f.org.id;
    if (f.what == 1) f.person_key = f.person.id;
    if (f.what == 2 && f.tie.source < c.organizations.size() && f.tie.target < c.organizations.size())
      f.tie_key = tie_key(c, f.tie);
    if (f.what == 3 && f.role.organization < c.organizations.size()) f.role_key = role_key(c, f.role);
    f.revision = UINT64_MAX;  // find the rows again
  }
}

void buttons(AppState& s, int row, const std::variant<Organization, Person, Tie, Role>& value,
             const Edit& remove_edit) {
  if (ImGui::Button("Add as new")) run(s, Edit::add(value));
  if (row >= 0) {
    ImGui::SameLine();
    if (ImGui::Button("Save changes")) run(s, Edit::change(size_t(row), value));
    ImGui::SameLine();
    if (ImGui::Button("Delete")) run(s, remove_edit);
  }
}

void organization_form(AppState& s) {
  Forms& f = s.forms;
  const Community& c = s.community();
  if (f.org_row >= 0) ImGui::TextDisabled("editing row %d (%s)", f.org_row + 1, c.org_id(uint32_t(f.org_row)).c_str());
  input_string("id", f.org.id);
  input_string("name", f.org.name);
  sector_combo("sector", c, f.org.sector);
  enum_combo("type", f.org.type, kAllOrgTypes);
  ImGui::Checkbox("at the table", &f.org.at_table);
  for (size_t a = 0; a < c.profile.issue_areas.size(); ++a) {
    auto it = std::find(f.org.issue_areas.begin(), f.org.issue_areas.end(), IssueAreaId(a));
    bool on = it != f.org.issue_areas.end();
    if (ImGui::Checkbox(c.profile.issue_areas[a].name.c_str(), &on)) {
      if (on) f.org.issue_areas.push_back(IssueAreaId(a));
      else f.org.issue_areas.erase(it);
    }
  }
  buttons(s, f.org_row, f.org, Edit::remove<Organization>(size_t(std::max(f.org_row, 0))));
  if (f.org_row >= 0) ImGui::TextDisabled("Deleting also deletes its ties and roles.");
}

void person_form(AppState& s) {
  Forms& f = s.forms;
  const Community& c = s.community();
  if (s.selected >= 0) {
    ImGui::TextDisabled("People of the selected organization (click to edit):");
    for (size_t p = 0; p < c.people.size(); ++p)
      if (c.people[p].organization == s.selected) {
        ImGui::PushID(int(p));
        if (ImGui::Selectable(c.people[p].name.c_str(), f.person_row == int(p))) {
          f.person = c.people[p];
          f.person_row = int(p);
          f.person_key = f.person.id;
          std::snprintf(f.person_org, sizeof f.person_org, "%s", c.org_id(uint32_t(s.selected)).c_str());
        }
        ImGui::PopID();
      }
    ImGui::Separator();
  }
  input_string("id", f.person.id);
  input_string("name", f.person.name);
  ImGui::InputText("organization id", f.person_org, sizeof f.person_org);
  ImGui::InputInt("birth year (0 = blank, -1 = unknown)", &f.person.birth_year);
  {
    // What is typed: blank takes the birth year's generation.
    const char* names[] = {"silent", "boomers", "gen_x", "millennials", "gen_z", "gen_alpha", "(blank)", "unknown"};
    int cell = int(f.person.generation_cell);
    if (ImGui::Combo("generation", &cell, names, 8)) f.person.generation_cell = GenerationCell(cell);
  }
  if (auto g = generation_of_birth_year(f.person.birth_year); g && f.person.birth_year >= 1900)
    ImGui::TextDisabled("born %d: %s", f.person.birth_year, std::string(to_string(*g)).c_str());
  {
    bool own_sector = f.person.sector_cell.has_value();
    if (ImGui::Checkbox("own sector (else the organization's)", &own_sector))
      f.person.sector_cell = own_sector ? std::optional<SectorId>(f.person.sector) : std::nullopt;
    if (f.person.sector_cell) sector_combo("sector", c, *f.person.sector_cell);
    const char* seat[] = {"as the organization", "yes", "no"};
    int at = !f.person.at_table_cell ? 0 : *f.person.at_table_cell ? 1 : 2;
    if (ImGui::Combo("at the table", &at, seat, 3))
      f.person.at_table_cell = at == 0 ? std::nullopt : std::optional<bool>(at == 1);
  }
  ImGui::Checkbox("resident", &f.person.resident);
  ImGui::SameLine();
  ImGui::Checkbox("formal leader", &f.person.formal_leader);
  f.person.organization = org_by_id(f, c, f.person_org);
  buttons(s, f.person_row, f.person, Edit::remove<Person>(size_t(std::max(f.person_row, 0))));
}

void tie_form(AppState& s) {
  Forms& f = s.forms;
  const Community& c = s.community();
  if (s.selected >= 0) {
    ImGui::TextDisabled("Ties of the selected organization (click to edit):");
    for (size_t t = 0; t < c.ties.size(); ++t) {
      const Tie& tie = c.ties[t];
      if (int32_t(tie.source) != s.selected && int32_t(tie.target) != s.selected) continue;
      ImGui::PushID(int(t));
      std::string label = c.org_id(tie.source) + (tie.directed ? " -> " : " - ") + c.org_id(tie.target) + " (" +
                          std::string(to_string(tie.kind)) + ", " + std::to_string(tie.strength) + ")";
      if (ImGui::Selectable(label.c_str(), f.tie_row == int(t))) {
        f.tie = tie;
        f.tie_row = int(t);
        f.tie_key = tie_key(c, tie);
        std::snprintf(f.tie_source, sizeof f.tie_source, "%s", c.org_id(tie.source).c_str());
        std::snprintf(f.tie_target, sizeof f.tie_target, "%s", c.org_id(tie.target).c_str());
      }
      ImGui::PopID();
    }
    ImGui::Separator();
  }
  ImGui::InputText("source id", f.tie_source, sizeof f.tie_source);
  ImGui::InputText("target id", f.tie_target, sizeof f.tie_target);
  enum_combo("kind", f.tie.kind, kAllTieKinds);
  int strength = f.tie.strength;
  if (ImGui::SliderInt("strength", &strength, 1, 3)) f.tie.strength = uint8_t(strength);
  ImGui::Checkbox("one way (directed)", &f.tie.directed);
  ImGui::SameLine();
  ImGui::Checkbox("confirmed by both", &f.tie.confirmed);
  const int32_t a = org_by_id(f, c, f.tie_source, "tie source"), b = org_by_id(f, c, f.tie_target, "tie target");
  f.tie.source = uint32_t(a < 0 ? int32_t(c.organizations.size() + 1000000) : a);
  f.tie.target = uint32_t(b < 0 ? int32_t(c.organizations.size() + 1000000) : b);
  buttons(s, f.tie_row, f.tie, Edit::remove<Tie>(size_t(std::max(f.tie_row, 0))));
}

void role_form(AppState& s) {
  Forms& f = s.forms;
  const Community& c = s.community();
  if (s.selected >= 0) {
    ImGui::TextDisabled("Roles of the selected organization (click to edit):");
    for (size_t r = 0; r < c.roles.size(); ++r) {
      if (int32_t(c.roles[r].organization) != s.selected) continue;
      ImGui::PushID(int(r));
      std::string label = std::string(to_string(c.roles[r].kind)) +
                          (c.roles[r].issue_area >= 0 ? " in " + c.profile.issue_areas[size_t(c.roles[r].issue_area)].id : "");
      if (ImGui::Selectable(label.c_str(), f.role_row == int(r))) {
        f.role = c.roles[r];
        f.role_row = int(r);
        f.role_key = role_key(c, c.roles[r]);
        std::snprintf(f.role_org, sizeof f.role_org, "%s", c.org_id(c.roles[r].organization).c_str());
      }
      ImGui::PopID();
    }
    ImGui::Separator();
  }
  ImGui::InputText("organization id", f.role_org, sizeof f.role_org);
  enum_combo("role", f.role.kind, kAllRoleKinds);
  const char* area = f.role.issue_area >= 0 && size_t(f.role.issue_area) < c.profile.issue_areas.size()
                         ? c.profile.issue_areas[size_t(f.role.issue_area)].name.c_str()
                         : "(none)";
  if (ImGui::BeginCombo("issue area", area)) {
    if (ImGui::Selectable("(none)", f.role.issue_area < 0)) f.role.issue_area = kNone, f.role.outcome = kNone;
    for (size_t a = 0; a < c.profile.issue_areas.size(); ++a)
      if (ImGui::Selectable(c.profile.issue_areas[a].name.c_str(), f.role.issue_area == IssueAreaId(a)))
        f.role.issue_area = IssueAreaId(a), f.role.outcome = kNone;
    ImGui::EndCombo();
  }
  if (f.role.kind == RoleKind::backbone) {
    const char* fn = f.role.function == kWholeBackbone ? "all (whole backbone)"
                                                       : c.profile.backbone_functions[size_t(f.role.function)].c_str();
    if (ImGui::BeginCombo("function", fn)) {
      if (ImGui::Selectable("all (whole backbone)", f.role.function == kWholeBackbone)) f.role.function = kWholeBackbone;
      for (size_t k = 0; k < c.profile.backbone_functions.size(); ++k)
        if (ImGui::Selectable(c.profile.backbone_functions[k].c_str(), f.role.function == FunctionId(k)))
          f.role.function = FunctionId(k);
      ImGui::EndCombo();
    }
  } else {
    f.role.function = kWholeBackbone;
  }
  if (f.role.kind == RoleKind::convener && f.role.issue_area >= 0) {
    const auto& outcomes = c.profile.issue_areas[size_t(f.role.issue_area)].outcomes;
    const char* oc = f.role.outcome >= 0 && size_t(f.role.outcome) < outcomes.size() ? outcomes[size_t(f.role.outcome)].c_str()
                                                                                     : "(none)";
    if (ImGui::BeginCombo("outcome", oc)) {
      if (ImGui::Selectable("(none)", f.role.outcome < 0)) f.role.outcome = kNone;
      for (size_t k = 0; k < outcomes.size(); ++k)
        if (ImGui::Selectable(outcomes[k].c_str(), f.role.outcome == int16_t(k))) f.role.outcome = int16_t(k);
      ImGui::EndCombo();
    }
  } else {
    f.role.outcome = kNone;
  }
  enum_combo("status", f.role.status, kAllRoleStatuses);
  const int32_t o = org_by_id(f, c, f.role_org);
  f.role.organization = uint32_t(o < 0 ? int32_t(c.organizations.size() + 1000000) : o);
  buttons(s, f.role_row, f.role, Edit::remove<Role>(size_t(std::max(f.role_row, 0))));
}

}  // namespace

void draw_edit(AppState& s) {
  Forms& f = s.forms;
  const Community& c = s.community();
  if (s.path.empty() && c.organizations.empty()) {
    ImGui::TextWrapped("Open a community first (File > Open).");
    return;
  }
  if (ImGui::Button("Undo") && s.history.can_undo()) undo(s);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", s.history.undo_label().c_str());
  if (ImGui::Button("Redo") && s.history.can_redo()) redo(s);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", s.history.redo_label().c_str());

  // Fill the forms from a new selection (by id: a renumbering is not a new selection).
  resolve_rows(s, f);
  const std::string selected_id = s.selected >= 0 ? c.org_id(uint32_t(s.selected)) : std::string();
  if (!selected_id.empty() && selected_id != f.loaded_for) {
    f.loaded_for = selected_id;
    f.org = c.organizations[uint32_t(s.selected)];
    f.org_key = selected_id;
    f.org_row = s.selected;
    f.person = Person{};
    f.person_row = -1;
    f.person_key.clear();
    f.person.sector = f.org.sector;
    std::snprintf(f.person_org, sizeof f.person_org, "%s", f.org.id.c_str());
    f.tie = Tie{};
    f.tie_row = -1;
    f.tie_key.clear();
    std::snprintf(f.tie_source, sizeof f.tie_source, "%s", f.org.id.c_str());
    f.tie_target[0] = 0;
    f.role = Role{};
    f.role_row = -1;
    f.role_key.clear();
    std::snprintf(f.role_org, sizeof f.role_org, "%s", f.org.id.c_str());
    f.problems.clear();
  } else if (selected_id.empty() && !f.loaded_for.empty()) {
    f.loaded_for.clear();
    f.org_key.clear();
    f.org_row = -1;
  }

  ImGui::Separator();
  ImGui::RadioButton("Organization", &f.what, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Person", &f.what, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Tie", &f.what, 2);
  ImGui::SameLine();
  ImGui::RadioButton("Role", &f.what, 3);
  ImGui::PushItemWidth(200);
  f.typed_problems.clear();
  switch (f.what) {
    case 0: organization_form(s); break;
    case 1: person_form(s); break;
    case 2: tie_form(s); break;
    default: role_form(s); break;
  }
  ImGui::PopItemWidth();
  if (!f.problems.empty()) {
    ImGui::Separator();
    ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "Not changed; fix this first:");
    for (const Problem& p : f.problems) ImGui::BulletText("%s", p.message.c_str());
  }
}

}  // namespace tablemap::viz
