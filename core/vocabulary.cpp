#include "core/vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace tablemap {

namespace {

template <class Enum, size_t N>
std::optional<Enum> parse_from(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (same_word(names[i], s)) return Enum(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 6> kGenerationNames = {
    "silent", "boomers", "gen_x", "millennials", "gen_z", "gen_alpha"};
constexpr std::array<std::string_view, 9> kOrgTypeNames = {
    "nonprofit", "public_agency", "business", "school", "faith",
    "foundation", "informal", "resident_group", "other"};
constexpr std::array<std::string_view, 6> kTieKindNames = {
    "information", "resources", "joint_programming", "data_sharing", "referral", "formal_agreement"};
constexpr std::array<std::string_view, 6> kRoleKindNames = {
    "backbone", "convener", "anchor", "investor", "practitioner", "data_partner"};
constexpr std::array<std::string_view, 2> kRoleStatusNames = {"claimed", "agreed"};
constexpr std::array<std::string_view, 6> kGeographyNames = {
    "small rural", "large rural", "small urban", "large urban", "suburban", "regional"};

}  // namespace

std::string_view to_string(Generation g) { return kGenerationNames[size_t(g)]; }
std::optional<Generation> parse_generation(std::string_view s) {
  return parse_from<Generation>(kGenerationNames, trim(s));
}

std::optional<Generation> generation_of_birth_year(int year) {
  if (year < 1928) return std::nullopt;
  if (year <= 1945) return Generation::silent;
  if (year <= 1964) return Generation::boomers;
  if (year <= 1980) return Generation::gen_x;
  if (year <= 1996) return Generation::millennials;
  if (year <= 2012) return Generation::gen_z;
  return Generation::gen_alpha;
}

std::pair<int, int> birth_years_of(Generation g) {
  switch (g) {
    case Generation::silent: return {1928, 1945};
    case Generation::boomers: return {1946, 1964};
    case Generation::gen_x: return {1965, 1980};
    case Generation::millennials: return {1981, 1996};
    case Generation::gen_z: return {1997, 2012};
    case Generation::gen_alpha: return {2013, 9999};
  }
  return {0, 0};
}

std::string_view to_string(OrgType t) { return kOrgTypeNames[size_t(t)]; }
std::optional<OrgType> parse_org_type(std::string_view s) {
  return parse_from<OrgType>(kOrgTypeNames, trim(s));
}
std::string_view to_string(TieKind k) { return kTieKindNames[size_t(k)]; }
std::optional<TieKind> parse_tie_kind(std::string_view s) {
  return parse_from<TieKind>(kTieKindNames, trim(s));
}
std::string_view to_string(RoleKind k) { return kRoleKindNames[size_t(k)]; }
std::optional<RoleKind> parse_role_kind(std::string_view s) {
  return parse_from<RoleKind>(kRoleKindNames, trim(s));
}
std::string_view to_string(RoleStatus s) { return kRoleStatusNames[size_t(s)]; }
std::optional<RoleStatus> parse_role_status(std::string_view s) {
  return parse_from<RoleStatus>(kRoleStatusNames, trim(s));
}
std::string_view to_string(Geography g) {
  return g == Geography::unspecified ? std::string_view() : kGeographyNames[size_t(g)];
}
std::optional<Geography> parse_geography(std::string_view s) {
  // Accept "small_rural" as well as "small rural".
  std::string spaced(trim(s));
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  return parse_from<Geography>(kGeographyNames, spaced);
}

std::optional<bool> parse_yes_no(std::string_view s) {
  s = trim(s);
  // `x` and check marks: what a lead types in a column of ticks.
  for (std::string_view y : {"yes", "y", "true", "1", "x", "\u2713", "\u2714"})
    if (equals_ignore_case(s, y)) return true;
  for (std::string_view n : {"no", "n", "false", "0"})
    if (equals_ignore_case(s, n)) return false;
  return std::nullopt;
}

bool is_unknown_word(std::string_view s) { return same_word(s, kUnknownWord); }

namespace {
bool ignored_in_words(char c) { return c == ' ' || c == '_' || c == '-' || c == '\t'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
}  // namespace

bool same_word(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && ignored_in_words(a[i])) ++i;
    while (j < b.size() && ignored_in_words(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (lower(a[i]) != lower(b[j])) return false;
    ++i, ++j;
  }
}

std::string word_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!ignored_in_words(c)) out.push_back(lower(c));
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace tablemap
