// What if some organizations left the coalition? Compares the network before
// and after: components, how many organizations the table can still reach
// through ties, cross-sector ties, and which sectors lose contact. Also the
// community without them, for the other analyses (gaps, roles) to read.
//
// what_if_removed is O(n + m): two component searches and two breadth-first
// searches from the table's organizations; the network is not rebuilt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

struct WhatIfSide {
  uint32_t organizations = 0;
  uint64_t ties = 0;
  uint64_t cross_sector_ties = 0;
  uint32_t components = 0;
  uint32_t largest_component = 0;
  uint32_t isolates = 0;
  uint32_t table_organizations = 0;
  uint32_t table_reach = 0;  // organizations connected to the table by some path, the table included
  std::vector<uint32_t> table_reach_by_sector;  // the same per sector
};

struct WhatIfReport {
  std::vector<uint32_t> removed;  // organization rows
  WhatIfSide before, after;
  // Organizations (not removed) the table reached before and cannot reach after.
  std::vector<uint32_t> lost_from_table;
  // Sectors the table reached before and does not reach at all after.
  std::vector<SectorId> sectors_out_of_reach;
  // Sectors whose remaining organizations keep no tie to other sectors (they had some).
  std::vector<SectorId> sectors_cut_off;
};

WhatIfReport what_if_removed(const Community& community, const Network& net, const std::vector<uint32_t>& removed);

// The sectors a what-if takes out of the table's reach or cuts off from the
// other sectors, from the organizations left per sector and the cross-sector
// ties touching each sector before and after (what_if_removed and LiveWhatIf).
void add_sector_losses(WhatIfReport& report, const std::vector<uint32_t>& remaining,
                       const std::vector<uint64_t>& cross_before, const std::vector<uint64_t>& cross_after);

// One line of the before/after comparison, as both the CLI and the map show it.
struct WhatIfRow {
  std::string label;  // "separate parts (components)"
  std::string before, after;
  bool changed() const { return before != after; }
};
// The comparison's lines, in the order they are shown.
std::vector<WhatIfRow> what_if_rows(const WhatIfReport& report);

// The text report (what a lead should know first, then the before/after
// lines) and the --json form, with names beside ids (analysis/whatif_report.cpp).
std::string format_what_if_report(const WhatIfReport& report, const Community& community);
nlohmann::json to_json(const WhatIfReport& report, const Community& community);

// The community as it would be without these organizations: their rows, their
// ties and roles, and their people (who sit at the table for them) are left
// out; later rows move up (ids stay). O(rows of every table).
Community community_without(const Community& community, const std::vector<uint32_t>& removed);

}  // namespace tablemap
