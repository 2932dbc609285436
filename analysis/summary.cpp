#include "analysis/summary.hpp"

#include <fmt/format.h>

#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"

namespace tablemap {

CommunitySummary summarize(const Community& c, const Network& net) {
  CommunitySummary s;
  s.name = c.profile.name;
  s.geography = std::string(to_string(c.profile.geography));
  s.population = c.profile.population;
  s.year = c.profile.year;
  s.organizations = c.organizations.size();
  s.people = c.people.size();
  s.tie_rows = c.ties.size();
  s.relationships = net.relationship_count();
  s.roles = c.roles.size();

  const std::vector<bool> at_table = c.organizations_at_table();
  s.sectors.resize(c.profile.sectors.size());
  for (size_t i = 0; i < s.sectors.size(); ++i) {
    s.sectors[i].sector = c.profile.sectors[i];
    s.sectors[i].required = c.profile.is_required(SectorId(i));
  }
  for (uint32_t o = 0; o < c.organizations.size(); ++o) {
    SectorCount& sc = s.sectors[c.organizations[o].sector];
    ++sc.organizations;
    if (at_table[o]) {
      ++sc.organizations_at_table;
      ++s.organizations_at_table;
    }
    if (net.degree(o) == 0) ++s.isolated_organizations;
  }
  for (const Person& p : c.people)
    if (p.at_table) {
      ++s.people_at_table;
      ++s.sectors[p.sector].people_at_table;
    }
  std::vector<size_t> by_kind(kRoleKindCount, 0);
  for (const Role& r : c.roles) ++by_kind[size_t(r.kind)];
  for (int k = 0; k < kRoleKindCount; ++k)
    if (by_kind[size_t(k)]) s.roles_by_kind.emplace_back(std::string(to_string(RoleKind(k))), by_kind[size_t(k)]);
  for (const auto& a : c.profile.issue_areas) s.issue_areas.push_back(a.id);
  return s;
}

nlohmann::json to_json(const CommunitySummary& s) {
  nlohmann::json sectors = nlohmann::json::array();
  for (const auto& sc : s.sectors)
    sectors.push_back({{"sector", sc.sector},
                       {"required", sc.required},
                       {"organizations", sc.organizations},
                       {"organizations_at_table", sc.organizations_at_table},
                       {"people_at_table", sc.people_at_table}});
  nlohmann::json roles = nlohmann::json::object();
  for (const auto& [kind, n] : s.roles_by_kind) roles[kind] = n;
  return {{"headline", summary_headline(s)},
          {"name", s.name},
          {"geography", s.geography},
          {"population", s.population},
          {"year", s.year},
          {"organizations", s.organizations},
          {"people", s.people},
          {"tie_rows", s.tie_rows},
          {"relationships", s.relationships},
          {"roles", s.roles},
          {"table", {{"organizations", s.organizations_at_table}, {"people", s.people_at_table}}},
          {"isolated_organizations", s.isolated_organizations},
          {"sectors", sectors},
          {"roles_by_kind", roles},
          {"issue_areas", s.issue_areas}};
}

std::string format_summary(const CommunitySummary& s) {
  std::string out = fmt::format("{} ({}{}{} residents, {})\n\n", s.name, s.geography, s.geography.empty() ? "" : ", ",
                                s.population, s.year);
  out += summary_headline(s) + "\n\n";
  out += fmt::format("  {}, {}, {} between {}, {}\n", count_of(int64_t(s.organizations), "organization"),
                     count_of(int64_t(s.people), "person", "people"), count_of(int64_t(s.tie_rows), "tie"),
                     count_of(int64_t(s.relationships), "pair"), count_of(int64_t(s.roles), "role"));
  out += fmt::format("  at the table: {}, {}; {} no tie\n\n",
                     count_of(int64_t(s.organizations_at_table), "organization"),
                     count_of(int64_t(s.people_at_table), "person", "people"),
                     s.isolated_organizations == 1 ? std::string("1 organization has")
                                                   : fmt::format("{} organizations have", s.isolated_organizations));
  out += "  (organizations: whose primary sector it is; orgs at table: those at the table by their own flag or a\n"
         "  person; people at table: people at the table whose sector it is)\n";
  out += fmt::format("  {:<18} {:>9} {:>14} {:>14} {:>16}\n", "sector", "", "organizations", "orgs at table",
                     "people at table");
  for (const auto& sc : s.sectors)
    out += fmt::format("  {:<18} {:>9} {:>14} {:>14} {:>16}\n", sc.sector, sc.required ? "required" : "optional",
                       sc.organizations, sc.organizations_at_table, sc.people_at_table);
  if (!s.roles_by_kind.empty()) {
    out += "\n  roles:";
    for (const auto& [kind, n] : s.roles_by_kind) out += fmt::format(" {} {},", kind, n);
    out.back() = '\n';
  }
  if (!s.issue_areas.empty()) {
    out += "  issue areas:";
    for (const auto& a : s.issue_areas) out += " " + a;
    out += "\n";
  }
  return out;
}

}  // namespace tablemap
