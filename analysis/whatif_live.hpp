// What-if at the map's speed. what_if_removed searches the whole network
// twice per question (before and after); the map asks one question per
// click, always about the same community. LiveWhatIf keeps the "before"
// (separate parts, reach of the table, cross-sector ties per sector) and,
// for each set of removed organizations, searches again only the separate
// parts they belonged to. The report is the same as what_if_removed's (the
// tests compare them on generated communities).
//
// Construction O(n + m). apply() O(ties of the removed organizations + size
// of the parts they belonged to + sectors + parts): on a generated community
// of 100,000 organizations bench/bench_whatif prints it beside
// what_if_removed and a full recomputation.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/components.hpp"
#include "analysis/whatif.hpp"
#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap {

class LiveWhatIf {
 public:
  // Both must outlive this object and stay unchanged (the map rebuilds it after an edit).
  LiveWhatIf(const Community& community, const Network& net);

  // The what-if report for these organization rows (repeats ignored).
  WhatIfReport apply(const std::vector<uint32_t>& removed);

  const WhatIfSide& before() const { return before_; }

 private:
  const Community& community_;
  const Network& net_;
  size_t sectors_ = 0;
  std::vector<bool> at_table_;
  ComponentReport parts_;                    // the separate parts before
  std::vector<bool> part_reached_;           // per part: holds an organization at the table
  std::vector<uint64_t> cross_by_sector_;    // cross-sector ties touching each sector, before
  std::vector<uint32_t> orgs_by_sector_;
  WhatIfSide before_;
  // Scratch for apply(): a mark per organization, valid when equal to stamp_.
  std::vector<uint32_t> gone_mark_, seen_mark_;
  uint32_t stamp_ = 0;
  std::vector<uint32_t> queue_;
};

}  // namespace tablemap
