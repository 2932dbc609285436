#include "core/survey.hpp"

namespace tablemap {

namespace {

constexpr std::array<std::string_view, kIntensityCount> kIntensityNames = {
    "awareness", "cooperation", "coordination", "integration"};
constexpr std::array<std::string_view, kFrequencyCount> kFrequencyNames = {
    "yearly", "quarterly", "monthly", "weekly", "daily"};
constexpr std::array<std::string_view, kContributionCount> kContributionNames = {
    "funding",   "in_kind",   "paid_staff",        "volunteers",   "data",     "info_feedback",
    "expertise", "community_connections", "fiscal_management", "facilitation", "advocacy", "it_web"};
constexpr std::array<std::string_view, kItemCount> kItemNames = {
    "reliability", "mission", "openness", "power", "resources", "involvement"};

template <size_t N>
std::optional<size_t> index_of(const std::array<std::string_view, N>& names, std::string_view s) {
  s = trim(s);
  for (size_t i = 0; i < N; ++i)
    if (equals_ignore_case(names[i], s)) return i;  // the fixed-word rule of core/vocabulary
  return std::nullopt;
}

template <size_t N>
std::string words(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

std::string_view to_string(Intensity i) { return kIntensityNames[size_t(i) - 1]; }
std::optional<Intensity> parse_intensity(std::string_view s) {
  s = trim(s);
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '4') return Intensity(s[0] - '0');
  if (auto i = index_of(kIntensityNames, s)) return Intensity(*i + 1);
  return std::nullopt;
}
uint8_t strength_of(Intensity i) { return i <= Intensity::cooperation ? 1 : i == Intensity::coordination ? 2 : 3; }

std::string_view to_string(Frequency f) { return kFrequencyNames[size_t(f)]; }
std::optional<Frequency> parse_frequency(std::string_view s) {
  if (auto i = index_of(kFrequencyNames, s)) return Frequency(*i);
  return std::nullopt;
}

std::string_view to_string(Contribution c) { return kContributionNames[size_t(c)]; }
std::optional<Contribution> parse_contribution(std::string_view s) {
  if (auto i = index_of(kContributionNames, s)) return Contribution(*i);
  return std::nullopt;
}

std::string contribution_words() { return words(kContributionNames); }
std::string intensity_words() { return "1 awareness, 2 cooperation, 3 coordination, 4 integration"; }
std::string frequency_words() { return words(kFrequencyNames); }

std::string_view to_string(Item i) { return kItemNames[size_t(i)]; }

}  // namespace tablemap
