// The overview `tablemap summary` prints: who and what a community file holds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

struct SectorCount {
  std::string sector;
  bool required = false;
  size_t organizations = 0;           // primary sector
  size_t organizations_at_table = 0;  // at the table by flag or by a person
  size_t people_at_table = 0;
};

struct CommunitySummary {
  std::string name;
  std::string geography;
  int64_t population = 0;
  int year = 0;
  size_t organizations = 0, people = 0, tie_rows = 0, relationships = 0, roles = 0;
  size_t organizations_at_table = 0, people_at_table = 0;
  size_t isolated_organizations = 0;  // no tie at all
  std::vector<SectorCount> sectors;   // profile order: required first
  std::vector<std::pair<std::string, size_t>> roles_by_kind;  // "backbone" -> rows
  std::vector<std::string> issue_areas;
};

// O(organizations + people + ties + roles).
CommunitySummary summarize(const Community& community, const Network& network);
nlohmann::json to_json(const CommunitySummary& s);
std::string format_summary(const CommunitySummary& s);

}  // namespace tablemap
