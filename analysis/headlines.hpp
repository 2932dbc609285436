// What a coalition lead should know first, in a few plain sentences, for each
// report. The CLI reports open with these; the map and the board report can
// show the same sentences. Each builder reads only its analysis' result struct.
#pragma once

#include <string>

#include "analysis/gaps.hpp"
#include "analysis/roles.hpp"
#include "analysis/summary.hpp"
#include "analysis/whatif.hpp"

namespace tablemap {

struct NetworkMetrics;

// "Business and safety have no seat; the closest candidates are ... ."
std::string gaps_headline(const GapReport& report);
// Whether the backbone is settled (the readiness verdict), per issue area, and the anchor.
std::string roles_headline(const RoleReport& report, const Community& community);
// What would change if the organizations left, against the network as it is.
std::string what_if_headline(const WhatIfReport& report, const Community& community);
// How big the community and its table are.
std::string summary_headline(const CommunitySummary& summary);
// Silos, brokers and single points of failure in a few sentences.
std::string metrics_headline(const NetworkMetrics& metrics, const Community& community);

// One line per measure or column a report shows (the `--explain` legend and docs/).
std::string what_if_legend();

// "Business" from "business"; the rest unchanged.
std::string capitalized(std::string text);

}  // namespace tablemap
