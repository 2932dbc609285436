// The rules of the data, in the words a coalition lead reads: one home for
// every check that both the reader (io/codec) and the map's edit forms
// (core/edit) make, so that the same bad row gets the same message wherever
// it was typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.hpp"

namespace tablemap::rules {

// Ids: letters, digits, _ - . (and not empty).
bool valid_id(std::string_view id);
std::string bad_id(std::string_view what, std::string_view id);  // what: "organization"

// A sector that the profile does not declare; `what` is "sector" or "secondary sector".
std::string undeclared_sector(std::string_view what, std::string_view name, const Profile& profile);
std::string unknown_issue_area(std::string_view id, const Profile& profile);
std::string unknown_function(std::string_view id, const Profile& profile);
std::string unknown_outcome(std::string_view outcome, const IssueArea& area);

// Birth years run from 1900 to `last_year` (the profile's year).
bool birth_year_possible(int year, int last_year);
std::string impossible_birth_year(std::string_view typed, int last_year);
std::string birth_year_against_generation(int year, Generation from_year, Generation typed);
std::string not_a_generation(std::string_view typed);
std::string needs_generation(std::string_view person);
std::string needs_sector(std::string_view person);

// An organization reference (`what`: "tie source", "organization", ...) that
// names no organization: with a "did you mean" among the ids and names.
std::string unknown_organization(std::string_view what, std::string_view typed,
                                 const std::vector<Organization>& organizations);
std::string shared_name(std::string_view what, std::string_view typed, size_t holders);

// How a typed organization reference is resolved: its id, else its exact
// name when no other organization has that name. The reader does the same
// through hash tables (io/codec OrgIds); this linear form is for the map's
// forms. On failure `message` says why, as the reader would.
std::optional<uint32_t> find_organization(const std::vector<Organization>& organizations, std::string_view typed,
                                          std::string_view what, std::string& message);
std::string tie_to_itself(std::string_view organization);

std::string not_yes_no(std::string_view column, std::string_view typed);
std::string not_a_type(std::string_view typed);
std::string not_a_tie_kind(std::string_view typed);
std::string bad_strength(std::string_view typed);
std::string not_a_role(std::string_view typed);
std::string not_a_status(std::string_view typed);
std::string role_needs_issue_area(RoleKind kind, std::string_view organization);
std::string function_only_for_backbone(RoleKind kind);
std::string outcome_only_for_convener(RoleKind kind);

// Warnings.
std::string seated_without_organization(std::string_view person, std::string_view organization);
std::string repeats_line(size_t line);
std::string no_ties(std::string_view organization);

}  // namespace tablemap::rules
