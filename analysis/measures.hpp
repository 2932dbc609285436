// Which network measures to compute: `tablemap metrics --measures pagerank,core`
// lets a user of a national network ask for one measure without paying for
// the others. One list of names, used by the CLI, the report and the JSON.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tablemap {

enum class Measure : uint8_t {
  degree,        // ties per organization, strength, in/out degree
  betweenness,   // on how many shortest paths between others it lies
  closeness,     // how near it is to everybody it reaches (NetworkX's closeness)
  harmonic,      // sum of 1/distance (found by the same searches as closeness)
  eigenvector,   // tied to well-tied organizations
  pagerank,      // random-walk importance
  core,          // k-core number
  articulation,  // single points of failure and bridges
  communities,   // Louvain groups, and the silos among them
  constraint,    // Burt's constraint and effective size
  brokerage,     // Gould-Fernandez brokerage roles
  brokers,       // organizations whose departure cuts sectors off or lengthens paths
};
inline constexpr int kMeasureCount = 12;

std::string_view to_string(Measure m);
// Every measure's name, in the order above ("degree", "betweenness", ...).
std::vector<std::string> measure_names();

class MeasureSet {
 public:
  static MeasureSet all() { return MeasureSet((1u << kMeasureCount) - 1); }
  static MeasureSet none() { return MeasureSet(0); }
  bool has(Measure m) const { return (bits_ >> int(m)) & 1u; }
  MeasureSet& add(Measure m) {
    bits_ |= 1u << int(m);
    return *this;
  }
  bool operator==(const MeasureSet&) const = default;

 private:
  explicit MeasureSet(uint32_t bits) : bits_(bits) {}
  uint32_t bits_;
};

// "pagerank,core" or "all" (spaces, case, `_` and `-` ignored). Unknown words
// go to `unknown`, in the order given.
MeasureSet parse_measures(std::string_view list, std::vector<std::string>& unknown);

// The measures the asked ones are computed from: brokers rank candidates by
// betweenness and need the single points of failure.
MeasureSet with_prerequisites(MeasureSet asked);

// Seconds spent on one measure, for `--json`'s `timings`.
// `measure` names a measure, or the measures found by one pass joined by
// "+" ("betweenness+closeness+harmonic": exact Brandes searches give all three).
struct MeasureTiming {
  std::string measure;
  double seconds = 0;
};

// Runs `work` and appends how long it took under `name`.
template <class Work>
void timed(std::vector<MeasureTiming>& timings, std::string name, Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  timings.push_back({std::move(name), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()});
}

}  // namespace tablemap
