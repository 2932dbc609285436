// The fixed words of the bundle format: generations, organization types, tie
// kinds, role kinds and statuses, with their spellings in the files.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tablemap {

// Generations, oldest first. Birth-year ranges are inclusive.
enum class Generation : uint8_t { silent, boomers, gen_x, millennials, gen_z, gen_alpha };
inline constexpr int kGenerationCount = 6;
inline constexpr std::array<Generation, kGenerationCount> kAllGenerations = {
    Generation::silent, Generation::boomers,    Generation::gen_x,
    Generation::millennials, Generation::gen_z, Generation::gen_alpha};

std::string_view to_string(Generation g);
std::optional<Generation> parse_generation(std::string_view s);
// The generation of a birth year; nullopt before 1928 (no generation is defined there).
std::optional<Generation> generation_of_birth_year(int year);
// First and last birth year of a generation (gen_alpha ends at 9999).
std::pair<int, int> birth_years_of(Generation g);

// A set of generations as a bit mask (bit i = Generation i).
using GenerationSet = uint8_t;
inline GenerationSet with(GenerationSet s, Generation g) { return GenerationSet(s | (1u << int(g))); }
inline bool contains(GenerationSet s, Generation g) { return (s >> int(g)) & 1u; }

enum class OrgType : uint8_t {
  nonprofit, public_agency, business, school, faith, foundation, informal, resident_group, other
};
std::string_view to_string(OrgType t);
std::optional<OrgType> parse_org_type(std::string_view s);
inline constexpr std::array<OrgType, 9> kAllOrgTypes = {
    OrgType::nonprofit, OrgType::public_agency, OrgType::business,       OrgType::school, OrgType::faith,
    OrgType::foundation, OrgType::informal,     OrgType::resident_group, OrgType::other};

enum class TieKind : uint8_t {
  information, resources, joint_programming, data_sharing, referral, formal_agreement
};
inline constexpr int kTieKindCount = 6;
std::string_view to_string(TieKind k);
std::optional<TieKind> parse_tie_kind(std::string_view s);
inline constexpr std::array<TieKind, kTieKindCount> kAllTieKinds = {
    TieKind::information, TieKind::resources, TieKind::joint_programming,
    TieKind::data_sharing, TieKind::referral, TieKind::formal_agreement};
// A set of tie kinds as a bit mask (bit i = TieKind i).
using TieKindSet = uint8_t;

enum class RoleKind : uint8_t { backbone, convener, anchor, investor, practitioner, data_partner };
inline constexpr int kRoleKindCount = 6;
std::string_view to_string(RoleKind k);
std::optional<RoleKind> parse_role_kind(std::string_view s);
inline constexpr std::array<RoleKind, kRoleKindCount> kAllRoleKinds = {
    RoleKind::backbone, RoleKind::convener, RoleKind::anchor, RoleKind::investor, RoleKind::practitioner,
    RoleKind::data_partner};

enum class RoleStatus : uint8_t { claimed, agreed };
std::string_view to_string(RoleStatus s);
std::optional<RoleStatus> parse_role_status(std::string_view s);
inline constexpr std::array<RoleStatus, 2> kAllRoleStatuses = {RoleStatus::claimed, RoleStatus::agreed};

// "a, b, c": the words of a fixed list, for messages ("use one of ...").
template <class Enum, size_t N>
std::string word_list(const std::array<Enum, N>& all) {
  std::string out;
  for (Enum e : all) {
    if (!out.empty()) out += ", ";
    out += to_string(e);
  }
  return out;
}

enum class Geography : uint8_t {
  small_rural, large_rural, small_urban, large_urban, suburban, regional, unspecified
};
std::string_view to_string(Geography g);  // "small rural", ...; "" for unspecified
std::optional<Geography> parse_geography(std::string_view s);

// "yes"/"no" (also true/false, y/n, 1/0, and x or a check mark for yes), case-insensitive.
std::optional<bool> parse_yes_no(std::string_view s);
inline std::string_view yes_no(bool b) { return b ? "yes" : "no"; }

// `unknown`, typed for a birth year or a generation the lead does not know.
inline constexpr std::string_view kUnknownWord = "unknown";
bool is_unknown_word(std::string_view s);

// How headers and the words of fixed lists are matched: ignoring case,
// spaces, `_` and `-` ("At Table", "at-table" and "AT_TABLE" are one word).
// Every reader and the edit checks compare words through this one function.
bool same_word(std::string_view a, std::string_view b);
// The key same_word compares: lower case, without spaces, `_` and `-`.
std::string word_key(std::string_view s);

// ASCII helpers shared by the readers.
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
bool equals_ignore_case(std::string_view a, std::string_view b);
// 19994 -> "19,994", as a count reads in English.
std::string thousands(int64_t n);

}  // namespace tablemap
