#include "analysis/measures.hpp"

#include <array>

#include "core/vocabulary.hpp"

namespace tablemap {
namespace {

constexpr std::array<std::string_view, kMeasureCount> kNames = {
    "degree",       "betweenness", "closeness",  "harmonic",  "eigenvector", "pagerank",
    "core",         "articulation", "communities", "constraint", "brokerage", "brokers"};

}  // namespace

std::string_view to_string(Measure m) { return kNames[size_t(m)]; }

std::vector<std::string> measure_names() { return {kNames.begin(), kNames.end()}; }

MeasureSet parse_measures(std::string_view list, std::vector<std::string>& unknown) {
  MeasureSet set = MeasureSet::none();
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find_first_of(",;", start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view word = list.substr(start, end - start);
    const std::string key = word_key(word);
    start = end + 1;
    if (key.empty()) continue;
    if (key == "all") return MeasureSet::all();
    bool found = false;
    for (int i = 0; i < kMeasureCount; ++i)
      if (key == word_key(kNames[size_t(i)])) {
        set.add(Measure(i));
        found = true;
      }
    if (!found) unknown.emplace_back(word);
  }
  return set;
}

MeasureSet with_prerequisites(MeasureSet asked) {
  if (asked.has(Measure::brokers)) asked.add(Measure::betweenness).add(Measure::articulation);
  return asked.add(Measure::degree);  // every report lists it; O(m)
}

}  // namespace tablemap
