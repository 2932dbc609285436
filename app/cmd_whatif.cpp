// tablemap whatif PATH --remove ID...: what changes if these organizations leave.
#include <cstdio>

#include <fmt/format.h>

#include "analysis/whatif.hpp"
#include "app/command.hpp"
#include "app/common.hpp"
#include "io/suggest.hpp"

namespace tablemap::app {
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

std::vector<std::string> names_of(const Community& c, const std::vector<SectorId>& sectors) {
  std::vector<std::string> out;
  for (SectorId s : sectors) out.push_back(s < c.profile.sectors.size() ? c.sector_name(s) : std::to_string(s));
  return out;
}

std::vector<std::string> ids_of(const Community& c, const std::vector<uint32_t>& rows) {
  std::vector<std::string> out;
  for (uint32_t v : rows) out.push_back(c.org_id(v));
  return out;
}

void print_text(const Community& c, const WhatIfReport& r) {
  std::string out = fmt::format("If {} left:\n", join_names(ids_of(c, r.removed)));
  for (const WhatIfRow& row : what_if_rows(r))
    out += fmt::format("  {:<34} {:>9} -> {:<9}{}\n", row.label, row.before, row.after,
                       row.changed() ? " (changed)" : "");
  if (!r.lost_from_table.empty()) {
    std::vector<std::string> ids = ids_of(c, r.lost_from_table);
    if (ids.size() > 20) {
      const size_t more = ids.size() - 20;
      ids.resize(20);
      ids.push_back(fmt::format("... {} more", more));
    }
    out += fmt::format("The table could no longer reach {} organizations: {}\n", r.lost_from_table.size(),
                       join_names(ids));
  }
  if (!r.sectors_out_of_reach.empty())
    out += fmt::format("Sectors the table would no longer reach at all: {}\n",
                       join_names(names_of(c, r.sectors_out_of_reach)));
  if (!r.sectors_cut_off.empty())
    out += fmt::format("Sectors left without any tie to another sector: {}\n",
                       join_names(names_of(c, r.sectors_cut_off)));
  if (r.lost_from_table.empty() && r.sectors_cut_off.empty() && r.after.components == r.before.components)
    out += "The network would stay connected as it is.\n";
  std::fputs(out.c_str(), stdout);
}

CommandRegistration registration{55, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("whatif",
                                 "Show what changes if organizations leave: separate parts, how far the\n"
                                 "table still reaches, cross-sector ties, sectors cut off.\n"
                                 "Example: tablemap whatif datasets/riverbend --remove org-12 org-40");
  auto path = std::make_shared<std::string>();
  auto ids = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("PATH", *path, "bundle folder, .json or .tablemap file")->required();
  cmd->add_option("--remove", *ids, "ids of the organizations that leave")->required();
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return [path, ids, json] {
    auto community = load_or_report(*path);
    if (!community) return kBadData;
    std::vector<uint32_t> rows;
    for (const std::string& id : *ids) {
      auto row = community->find_organization(id);
      if (!row) {
        std::vector<std::string> all;
        for (const Organization& o : community->organizations) all.push_back(o.id);
        std::fprintf(stderr, "tablemap whatif: no organization with id '%s' in %s%s\n", id.c_str(), path->c_str(),
                     did_you_mean(id, all).c_str());
        return kBadUsage;
      }
      rows.push_back(*row);
    }
    Network network(*community);
    WhatIfReport r = what_if_removed(*community, network, rows);
    if (*json)
      print_json({{"removed", ids_of(*community, r.removed)},
                  {"before", side_json(*community, r.before)},
                  {"after", side_json(*community, r.after)},
                  {"lost_from_table", ids_of(*community, r.lost_from_table)},
                  {"sectors_out_of_reach", names_of(*community, r.sectors_out_of_reach)},
                  {"sectors_cut_off", names_of(*community, r.sectors_cut_off)}});
    else
      print_text(*community, r);
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
