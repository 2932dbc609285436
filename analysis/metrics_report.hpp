// The two written forms of NetworkMetrics: the text report (what a lead
// should know first, then the tables, each measure with a one-line meaning)
// and --json (every number for every organization, names beside ids).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/structure.hpp"

namespace tablemap {

nlohmann::json to_json(const NetworkMetrics& metrics, const Community& community);

struct MetricsReportOptions {
  uint32_t top = 10;     // organizations in the table and silo members listed
  bool explain = false;  // add the legend of every measure the JSON gives
};
std::string format_metrics_report(const NetworkMetrics& metrics, const Community& community,
                                  const MetricsOptions& options, const MetricsReportOptions& report = {});

// What one broker's departure changes, in words ("3 pairs of other
// organizations would lose contact; ..."), as the report and the map say it.
std::string broker_changes(const Community& community, const Broker& broker);

// How betweenness was found, in plain words: "exact, ..." or the sampled
// paths and the bound they guarantee ("with 90% probability every ...").
std::string betweenness_method(const PathMeasures& paths);
// How closeness and harmonic were found: exact, or from how many sampled organizations.
std::string closeness_method(const PathMeasures& paths);
// The measures --measures left out, by name (empty when everything was computed).
std::vector<std::string> measures_not_computed(const NetworkMetrics& metrics);

// The organizations of one silo (its community), by name.
std::vector<uint32_t> silo_members(const NetworkMetrics& metrics, const Silo& silo);

// One line per measure: name and meaning (the --explain legend; docs/metrics.md says the same).
const std::vector<std::pair<std::string, std::string>>& measure_meanings();

}  // namespace tablemap
