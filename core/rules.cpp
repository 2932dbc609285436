#include "core/rules.hpp"

#include "core/suggest.hpp"

namespace tablemap::rules {
namespace {

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

// The nearest id or name within two edits, for organizations (a million of
// them: only the length filter keeps this cheap, and very large communities get no hint).
std::string nearest_organization(std::string_view typed, const std::vector<Organization>& orgs) {
  if (orgs.size() > 200000) return "";
  const std::string key = word_key(typed);
  const Organization* best = nullptr;
  bool by_name = false;
  size_t best_distance = 3;
  for (const Organization& o : orgs) {
    for (std::string_view candidate : {std::string_view(o.id), std::string_view(o.name)}) {
      const size_t a = candidate.size(), b = typed.size();
      if ((a > b ? a - b : b - a) >= best_distance) continue;
      size_t d = word_key(candidate) == key ? 0 : edit_distance(typed, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = &o;
        by_name = candidate.data() == o.name.data();
      }
    }
  }
  if (!best) return "";
  return " (did you mean " + q(best->id) + (by_name ? ", the id of " + best->name : std::string()) + "?)";
}

std::vector<std::string> issue_area_ids(const Profile& p) {
  std::vector<std::string> ids;
  for (const auto& a : p.issue_areas) ids.push_back(a.id);
  return ids;
}

}  // namespace

bool valid_id(std::string_view id) {
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return !id.empty();
}

std::string bad_id(std::string_view what, std::string_view id) {
  return std::string(what) + " id " + q(id) + " may use only letters, digits, _ - .";
}

std::string undeclared_sector(std::string_view what, std::string_view name, const Profile& profile) {
  return std::string(what) + " " + q(name) + " is not declared in community.json" +
         did_you_mean(name, profile.sectors) + "; declare it under sectors, or use one of: " +
         join_names(profile.sectors);
}

std::string unknown_issue_area(std::string_view id, const Profile& profile) {
  const auto ids = issue_area_ids(profile);
  return "issue area " + q(id) + " is not in community.json" + did_you_mean(id, ids) +
         (ids.empty() ? "; the profile lists no issue areas" : "; its issue areas are: " + join_names(ids));
}

std::string unknown_function(std::string_view id, const Profile& profile) {
  return "backbone function " + q(id) + " is not in community.json" + did_you_mean(id, profile.backbone_functions) +
         "; use one of: " + join_names(profile.backbone_functions) + ", or all";
}

std::string unknown_outcome(std::string_view outcome, const IssueArea& area) {
  return "outcome " + q(outcome) + " is not an outcome of issue area " + q(area.id) +
         did_you_mean(outcome, area.outcomes) +
         (area.outcomes.empty() ? "; that issue area lists no outcomes"
                                : "; its outcomes are: " + join_names(area.outcomes));
}

bool birth_year_possible(int year, int last_year) { return year >= 1900 && year <= last_year; }

std::string impossible_birth_year(std::string_view typed, int last_year) {
  return "birth year " + q(typed) + " is impossible; use a year from 1900 to " + std::to_string(last_year) +
         ", or unknown";
}

std::string birth_year_against_generation(int year, Generation from_year, Generation typed) {
  return "birth year " + std::to_string(year) + " belongs to " + std::string(to_string(from_year)) +
         " but the generation column says " + std::string(to_string(typed));
}

std::string not_a_generation(std::string_view typed) {
  return q(typed) + " is not a generation; use silent, boomers, gen_x, millennials, gen_z, gen_alpha, or unknown";
}

std::string needs_generation(std::string_view person) {
  return "person " + q(person) + " needs a birth_year or a generation (or unknown)";
}

std::string needs_sector(std::string_view person) {
  return "person " + q(person) + " has no organization, so needs a sector (use 'residents' for a resident)";
}

std::string unknown_organization(std::string_view what, std::string_view typed,
                                 const std::vector<Organization>& organizations) {
  return std::string(what) + " " + q(typed) + " is not an organization in organizations.csv" +
         nearest_organization(typed, organizations);
}

std::string shared_name(std::string_view what, std::string_view typed, size_t holders) {
  return std::string(what) + " " + q(typed) + " is the name of " + std::to_string(holders) +
         " organizations; use the id of the one you mean";
}

std::optional<uint32_t> find_organization(const std::vector<Organization>& organizations, std::string_view typed,
                                          std::string_view what, std::string& message) {
  typed = trim(typed);
  std::optional<uint32_t> by_name;
  size_t holders = 0;
  for (uint32_t i = 0; i < organizations.size(); ++i) {
    if (organizations[i].id == typed) return i;
    if (organizations[i].name == typed && !typed.empty()) {
      if (!by_name) by_name = i;
      ++holders;
    }
  }
  if (holders == 1) return by_name;
  message = holders > 1 ? shared_name(what, typed, holders) : unknown_organization(what, typed, organizations);
  return std::nullopt;
}

std::string tie_to_itself(std::string_view organization) {
  return "a tie from " + q(organization) + " to itself; a tie links two organizations";
}

std::string not_yes_no(std::string_view column, std::string_view typed) {
  return std::string(column) + " must be yes or no, not " + q(typed);
}

std::string not_a_type(std::string_view typed) {
  return "type " + q(typed) + " is not one of " + word_list(kAllOrgTypes);
}

std::string not_a_tie_kind(std::string_view typed) {
  return "tie kind " + q(typed) + " is not one of " + word_list(kAllTieKinds);
}

std::string bad_strength(std::string_view typed) {
  return "strength " + q(typed) + " must be 1 (occasional), 2 or 3 (daily/strong)";
}

std::string not_a_role(std::string_view typed) {
  return typed.empty() ? std::string("this role row has no role")
                       : "role " + q(typed) + " is not one of " + word_list(kAllRoleKinds);
}

std::string not_a_status(std::string_view typed) {
  return "status " + q(typed) + " must be " + word_list(kAllRoleStatuses);
}

std::string role_needs_issue_area(RoleKind kind, std::string_view organization) {
  const std::string k(to_string(kind));
  return "a " + k + " role needs an issue_area (which issue area is " + q(organization) + " " + k + " of?)";
}

std::string function_only_for_backbone(RoleKind kind) {
  return "a function is only for backbone roles; this role is " + std::string(to_string(kind));
}

std::string outcome_only_for_convener(RoleKind kind) {
  return "an outcome is only for convener roles; this role is " + std::string(to_string(kind));
}

std::string seated_without_organization(std::string_view person, std::string_view organization) {
  return "person " + q(person) + " is at the table but their organization " + q(organization) +
         " is not; mark the organization at_table yes, or leave the person's at_table blank";
}

std::string repeats_line(size_t line) {
  return "this row repeats line " + std::to_string(line) + " exactly; delete one of them";
}

std::string no_ties(std::string_view organization) {
  return "organization " + q(organization) + " has no ties to any other organization";
}

}  // namespace tablemap::rules
