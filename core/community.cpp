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
    if (same_word(sectors[i], name)) return SectorId(i);
  return std::nullopt;
}

std::optional<IssueAreaId> Profile::find_issue_area(std::string_view id) const {
  for (size_t i = 0; i < issue_areas.size(); ++i)
    if (same_word(issue_areas[i].id, id)) return IssueAreaId(i);
  return std::nullopt;
}

std::optional<FunctionId> Profile::find_function(std::string_view id) const {
  for (size_t i = 0; i < backbone_functions.size(); ++i)
    if (same_word(backbone_functions[i], id)) return FunctionId(i);
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

PersonDerived derive_person(const Person& p, const std::vector<Organization>& organizations) {
  PersonDerived d;
  const Organization* org = p.organization >= 0 && size_t(p.organization) < organizations.size()
                                ? &organizations[size_t(p.organization)]
                                : nullptr;
  if (p.birth_year > 0) {
    // Born before 1928 (the first silent year): the oldest generation we name.
    d.generation = generation_of_birth_year(p.birth_year).value_or(Generation::silent);
    d.generation_known = true;
  } else if (names_generation(p.generation_cell)) {
    d.generation = Generation(uint8_t(p.generation_cell));
    d.generation_known = true;
  }
  d.sector = p.sector_cell ? *p.sector_cell : org ? org->sector : p.sector;
  d.at_table = p.at_table_cell ? *p.at_table_cell : org ? org->at_table : false;
  return d;
}

void Community::derive_people() {
  const auto& orgs = organizations.rows();
  auto differs = [&](const Person& p, const PersonDerived& d) {
    return p.generation_known != d.generation_known || (d.generation_known && p.generation != d.generation) ||
           p.sector != d.sector || p.at_table != d.at_table;
  };
  bool any = false;
  for (const Person& p : people)
    if (differs(p, derive_person(p, orgs))) {
      any = true;
      break;
    }
  if (!any) return;
  for (Person& p : people.edit()) {
    const PersonDerived d = derive_person(p, orgs);
    if (d.generation_known) p.generation = d.generation;
    p.generation_known = d.generation_known;
    p.sector = d.sector;
    p.at_table = d.at_table;
  }
}

std::vector<bool> Community::organizations_at_table() const {
  std::vector<bool> at(organizations.size());
  for (size_t i = 0; i < organizations.size(); ++i) at[i] = organizations[i].at_table;
  for (const Person& p : people)
    if (p.at_table && p.organization != kNoOrganization) at[size_t(p.organization)] = true;
  return at;
}

}  // namespace tablemap
