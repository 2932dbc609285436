#include "core/community.hpp"

#include <atomic>

namespace tablemap {

uint64_t next_table_version() {
  static std::atomic<uint64_t> counter{1};
  return counter.fetch_add(1, std::memory_order_relaxed);
}

std::vector<std::string> Profile::default_required_sectors() {
  return {"health", "education", "business", "government", "social_services", "safety"};
}
std::vector<std::string> Profile::default_optional_sectors() {
  return {"philanthropy", "faith", "residents", "media", "housing", "arts_culture"};
}
std::vector<std::string> Profile::default_backbone_functions() {
  return {"leadership", "data", "facilitation", "mobilization", "investment"};
}

std::optional<SectorId> Profile::find_sector(std::string_view name) const {
  for (size_t i = 0; i < sectors.size(); ++i)
    if (sectors[i] == name) return SectorId(i);
  return std::nullopt;
}

std::optional<IssueAreaId> Profile::find_issue_area(std::string_view id) const {
  for (size_t i = 0; i < issue_areas.size(); ++i)
    if (issue_areas[i].id == id) return IssueAreaId(i);
  return std::nullopt;
}

std::optional<FunctionId> Profile::find_function(std::string_view id) const {
  for (size_t i = 0; i < backbone_functions.size(); ++i)
    if (backbone_functions[i] == id) return FunctionId(i);
  return std::nullopt;
}

int64_t Profile::total_residents() const {
  int64_t total = 0;
  for (int64_t r : residents) total += r;
  return total;
}

std::optional<uint32_t> Community::find_organization(std::string_view id) const {
  return org_index_.find(organizations, id);
}

std::optional<uint32_t> Community::find_person(std::string_view id) const {
  return person_index_.find(people, id);
}

std::vector<bool> Community::organizations_at_table() const {
  std::vector<bool> at(organizations.size());
  for (size_t i = 0; i < organizations.size(); ++i) at[i] = organizations[i].at_table;
  for (const Person& p : people)
    if (p.at_table && p.organization != kNoOrganization) at[size_t(p.organization)] = true;
  return at;
}

}  // namespace tablemap
