// A synthetic community for demos, tests and benchmarks: realistic sector
// shares, organization types that fit their sector, ties that mostly stay
// within a sector with a heavy-tailed number of ties per organization, people
// of every adult generation, and a few backbone, convener and anchor roles,
// some agreed and some contested.
//
// generate_community() takes O((n + m) log m) time for n organizations and m
// tie rows (the log is one sort that merges repeated pairs); 1,000,000
// organizations with 4,000,000 tie rows take about a second.
//
// Deterministic: the same options (and seed) give the same community, row for
// row, on every run. Only std::mt19937_64, whose output the C++ standard
// fixes, is used; the distributions on top of it are written here because
// the standard library's are allowed to differ between implementations.
#pragma once

#include <cstdint>
#include <string>

#include "core/community.hpp"

namespace tablemap {

struct GenerateOptions {
  uint32_t organizations = 1000;    // number of organizations (>= 1)
  uint64_t seed = 1;                // same seed, same community
  double ties_per_organization = 4; // tie rows per organization, on average
  // Share of relationships between two organizations of the same sector.
  double within_sector_share = 0.7;
  // Exponent of the power law of ties per organization (2 < x <= 4; lower =
  // bigger hubs). Each organization gets a Pareto weight and ties pick their
  // ends in proportion to it (a Chung-Lu graph).
  double degree_exponent = 2.5;
  // Residents of the community; 0 = 120 per organization (at least 5,000).
  int64_t population = 0;
  std::string name;                 // empty = "Synthetic County (seed S)"
  int year = 2026;                  // the snapshot year of the profile
};

// Throws std::invalid_argument when an option is out of range.
Community generate_community(const GenerateOptions& options);

// The share of each sector among generated organizations, in the order of
// Profile::default_required_sectors() then default_optional_sectors().
const std::vector<double>& synthetic_sector_shares();

}  // namespace tablemap
