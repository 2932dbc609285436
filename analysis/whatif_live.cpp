// What-if recomputing only the separate parts the removed organizations
// belonged to (analysis/whatif_live.hpp).
#include "analysis/whatif_live.hpp"

#include <algorithm>

namespace tablemap {

LiveWhatIf::LiveWhatIf(const Community& community, const Network& net)
    : community_(community), net_(net), at_table_(community.organizations_at_table()) {
  const uint32_t n = net.organization_count();
  sectors_ = community.profile.sectors.size();
  for (const Organization& o : community.organizations) sectors_ = std::max(sectors_, size_t(o.sector) + 1);
  before_ = what_if_removed(community, net, {}).before;  // the one home of the figures' rules
  parts_ = connected_components(net);
  part_reached_.assign(parts_.sizes.size(), false);
  orgs_by_sector_.assign(sectors_, 0);
  for (uint32_t v = 0; v < n; ++v) {
    if (at_table_[v]) part_reached_[parts_.component[v]] = true;
    ++orgs_by_sector_[community.organizations[v].sector];
  }
  cross_by_sector_.assign(sectors_, 0);
  for (const Relationship& r : net.relationships()) {
    const SectorId sa = community.organizations[r.a].sector, sb = community.organizations[r.b].sector;
    if (sa != sb) ++cross_by_sector_[sa], ++cross_by_sector_[sb];
  }
  gone_mark_.assign(n, 0);
  seen_mark_.assign(n, 0);
}

WhatIfReport LiveWhatIf::apply(const std::vector<uint32_t>& removed) {
  const uint32_t* off = net_.offsets();
  const uint32_t* to = net_.targets();
  const auto& orgs = community_.organizations;
  WhatIfReport out;
  out.removed = removed;
  std::sort(out.removed.begin(), out.removed.end());
  out.removed.erase(std::unique(out.removed.begin(), out.removed.end()), out.removed.end());
  out.before = before_;
  WhatIfSide& after = out.after;
  after = before_;
  if (++stamp_ == 0) {  // marks wrapped around: start afresh
    std::fill(gone_mark_.begin(), gone_mark_.end(), 0);
    std::fill(seen_mark_.begin(), seen_mark_.end(), 0);
    stamp_ = 1;
  }
  auto gone = [&](uint32_t v) { return gone_mark_[v] == stamp_; };
  for (uint32_t v : out.removed) gone_mark_[v] = stamp_;

  // The removed organizations and their ties (a tie between two of them once).
  std::vector<uint64_t> cross_after = cross_by_sector_;
  std::vector<uint32_t> remaining = orgs_by_sector_;
  std::vector<bool> part_touched(parts_.sizes.size(), false);
  for (uint32_t v : out.removed) {
    const SectorId sv = orgs[v].sector;
    --after.organizations;
    --remaining[sv];
    if (at_table_[v]) --after.table_organizations;
    if (part_reached_[parts_.component[v]]) {
      --after.table_reach;
      --after.table_reach_by_sector[sv];
    }
    part_touched[parts_.component[v]] = true;
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
      const uint32_t w = to[arc];
      if (gone(w) && w < v) continue;  // counted from w
      --after.ties;
      const SectorId sw = orgs[w].sector;
      if (sv != sw) {
        --after.cross_sector_ties;
        --cross_after[sv];
        --cross_after[sw];
      }
    }
  }

  // Each touched part falls into pieces; every piece holds a tied neighbour
  // of a removed organization, so searching from those finds them all.
  uint32_t touched_parts = 0, pieces = 0, largest_piece = 0, isolated_pieces = 0;
  uint32_t isolates_touched = 0;  // parts of one organization, that organization removed
  for (uint32_t p = 0; p < part_touched.size(); ++p)
    if (part_touched[p]) {
      ++touched_parts;
      if (parts_.sizes[p] == 1) ++isolates_touched;
    }
  for (uint32_t v : out.removed)
    for (uint32_t arc = off[v]; arc < off[v + 1]; ++arc) {
      const uint32_t root = to[arc];
      if (gone(root) || seen_mark_[root] == stamp_) continue;
      seen_mark_[root] = stamp_;
      queue_.assign(1, root);
      bool holds_table = false;
      for (size_t head = 0; head < queue_.size(); ++head) {
        const uint32_t u = queue_[head];
        holds_table = holds_table || at_table_[u];
        for (uint32_t a = off[u]; a < off[u + 1]; ++a) {
          const uint32_t x = to[a];
          if (!gone(x) && seen_mark_[x] != stamp_) {
            seen_mark_[x] = stamp_;
            queue_.push_back(x);
          }
        }
      }
      const uint32_t size = uint32_t(queue_.size());
      ++pieces;
      largest_piece = std::max(largest_piece, size);
      if (size == 1) ++isolated_pieces;
      if (part_reached_[parts_.component[root]] && !holds_table)
        for (uint32_t u : queue_) {
          out.lost_from_table.push_back(u);
          --after.table_reach;
          --after.table_reach_by_sector[orgs[u].sector];
        }
    }
  after.isolates = before_.isolates - isolates_touched + isolated_pieces;
  after.components = before_.components - touched_parts + pieces;
  // Parts are numbered largest first: the largest untouched one is the first untouched.
  uint32_t largest_untouched = 0;
  for (uint32_t p = 0; p < part_touched.size(); ++p)
    if (!part_touched[p]) {
      largest_untouched = parts_.sizes[p];
      break;
    }
  after.largest_component = std::max(largest_untouched, largest_piece);
  std::sort(out.lost_from_table.begin(), out.lost_from_table.end());

  add_sector_losses(out, remaining, cross_by_sector_, cross_after);
  return out;
}

}  // namespace tablemap
