// The two written forms of a WhatIfReport: the text report and --json.
#include <fmt/format.h>

#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"
#include "analysis/whatif.hpp"

namespace tablemap {

namespace {

nlohmann::json side_json(const Community& c, const WhatIfSide& s) {
  nlohmann::json reach = nlohmann::json::object();
  for (size_t i = 0; i < s.table_reach_by_sector.size() && i < c.profile.sectors.size(); ++i)
    reach[c.profile.sectors[i]] = s.table_reach_by_sector[i];
  return {{"organizations", s.organizations},
          {"ties", s.ties},
          {"cross_sector_ties", s.cross_sector_ties},
          {"components", s.components},
          {"largest_component", s.largest_component},
          {"isolates", s.isolates},
          {"table_organizations", s.table_organizations},
          {"table_reach", s.table_reach},
          {"table_reach_by_sector", reach}};
}

}  // namespace

nlohmann::json to_json(const WhatIfReport& r, const Community& c) {
  return {{"headline", what_if_headline(r, c)},
          {"removed", org_ids(c, r.removed)},
          {"removed_named", named_organizations(c, r.removed)},
          {"before", side_json(c, r.before)},
          {"after", side_json(c, r.after)},
          {"lost_from_table", org_ids(c, r.lost_from_table)},
          {"lost_from_table_named", named_organizations(c, r.lost_from_table)},
          {"sectors_out_of_reach", sector_names(c, r.sectors_out_of_reach)},
          {"sectors_cut_off", sector_names(c, r.sectors_cut_off)}};
}

std::string format_what_if_report(const WhatIfReport& r, const Community& c) {
  std::string out = what_if_headline(r, c) + "\n\n";
  out += fmt::format("If {} left:\n", join_and(org_labels(c, r.removed)));
  for (const WhatIfRow& row : what_if_rows(r))
    out += fmt::format("  {:<34} {:>9} -> {:<9}{}\n", row.label, row.before, row.after,
                       row.changed() ? " (changed)" : "");
  if (!r.lost_from_table.empty())
    out += fmt::format("The table could no longer reach {}: {}\n",
                       count_of(int64_t(r.lost_from_table.size()), "organization"),
                       join_limited(org_labels(c, r.lost_from_table), 20));
  if (!r.sectors_out_of_reach.empty())
    out += fmt::format("Sectors the table would no longer reach at all: {}\n", join(sector_names(c, r.sectors_out_of_reach)));
  if (!r.sectors_cut_off.empty())
    out += fmt::format("Sectors left without any tie to another sector: {}\n", join(sector_names(c, r.sectors_cut_off)));
  if (r.lost_from_table.empty() && r.sectors_cut_off.empty() && r.after.components == r.before.components)
    out += "The network would stay connected as it is.\n";
  out += "\n" + what_if_legend();
  return out;
}

}  // namespace tablemap
