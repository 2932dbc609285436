// Before/after figures of a what-if, and the community without the removed
// organizations (analysis/whatif.hpp).
#include "analysis/whatif.hpp"

#include <algorithm>

#include "analysis/components.hpp"

namespace tablemap {
namespace {

// Everybody connected to a table organization, by multi-source breadth-first search.
std::vector<bool> reached_from_table(const Network& net, const std::vector<bool>& at_table,
                                     const std::vector<bool>& removed) {
  const uint32_t n = net.organization_count();
  std::vector<bool> seen(n, false);
  std::vector<uint32_t> queue;
  for (uint32_t v = 0; v < n; ++v)
    if (at_table[v] && !removed[v]) {
      seen[v] = true;
      queue.push_back(v);
    }
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t v = queue[head];
    for (uint32_t arc = net.offsets()[v]; arc < net.offsets()[v + 1]; ++arc) {
      const uint32_t w = net.targets()[arc];
      if (!seen[w] && !removed[w]) {
        seen[w] = true;
        queue.push_back(w);
      }
    }
  }
  return seen;
}

WhatIfSide describe(const Community& community, const Network& net, const std::vector<bool>& removed,
                    const std::vector<bool>& at_table, const std::vector<bool>& reach, size_t sectors,
                    std::vector<uint64_t>& cross_by_sector) {
  WhatIfSide side;
  const uint32_t n = net.organization_count();
  ComponentReport components = connected_components(net, &removed);
  side.components = uint32_t(components.sizes.size());
  side.largest_component = components.sizes.empty() ? 0 : components.sizes[0];
  side.isolates = components.isolates;
  side.table_reach_by_sector.assign(sectors, 0);
  cross_by_sector.assign(sectors, 0);
  for (uint32_t v = 0; v < n; ++v) {
    if (removed[v]) continue;
    ++side.organizations;
    if (at_table[v]) ++side.table_organizations;
    if (reach[v]) {
      ++side.table_reach;
      ++side.table_reach_by_sector[community.organizations[v].sector];
    }
  }
  for (const Relationship& r : net.relationships()) {
    if (removed[r.a] || removed[r.b]) continue;
    ++side.ties;
    const SectorId sa = community.organizations[r.a].sector, sb = community.organizations[r.b].sector;
    if (sa != sb) {
      ++side.cross_sector_ties;
      ++cross_by_sector[sa];
      ++cross_by_sector[sb];
    }
  }
  return side;
}

}  // namespace

WhatIfReport what_if_removed(const Community& community, const Network& net, const std::vector<uint32_t>& removed) {
  const uint32_t n = net.organization_count();
  size_t sectors = community.profile.sectors.size();
  for (const Organization& o : community.organizations) sectors = std::max(sectors, size_t(o.sector) + 1);
  WhatIfReport out;
  out.removed = removed;
  std::sort(out.removed.begin(), out.removed.end());
  out.removed.erase(std::unique(out.removed.begin(), out.removed.end()), out.removed.end());
  const std::vector<bool> nobody(n, false);
  std::vector<bool> gone(n, false);
  for (uint32_t v : out.removed) gone[v] = true;
  const std::vector<bool> at_table = community.organizations_at_table();

  const std::vector<bool> reach_before = reached_from_table(net, at_table, nobody);
  const std::vector<bool> reach_after = reached_from_table(net, at_table, gone);
  std::vector<uint64_t> cross_before, cross_after;
  out.before = describe(community, net, nobody, at_table, reach_before, sectors, cross_before);
  out.after = describe(community, net, gone, at_table, reach_after, sectors, cross_after);

  for (uint32_t v = 0; v < n; ++v)
    if (!gone[v] && reach_before[v] && !reach_after[v]) out.lost_from_table.push_back(v);
  std::vector<uint32_t> remaining(sectors, 0);
  for (uint32_t v = 0; v < n; ++v)
    if (!gone[v]) ++remaining[community.organizations[v].sector];
  add_sector_losses(out, remaining, cross_before, cross_after);
  return out;
}

void add_sector_losses(WhatIfReport& report, const std::vector<uint32_t>& remaining,
                       const std::vector<uint64_t>& cross_before, const std::vector<uint64_t>& cross_after) {
  for (size_t s = 0; s < remaining.size(); ++s) {
    if (report.before.table_reach_by_sector[s] > 0 && report.after.table_reach_by_sector[s] == 0 && remaining[s] > 0)
      report.sectors_out_of_reach.push_back(SectorId(s));
    if (cross_before[s] > 0 && cross_after[s] == 0 && remaining[s] > 0) report.sectors_cut_off.push_back(SectorId(s));
  }
}

std::vector<WhatIfRow> what_if_rows(const WhatIfReport& r) {
  auto row = [](const char* label, uint64_t before, uint64_t after) {
    return WhatIfRow{label, std::to_string(before), std::to_string(after)};
  };
  return {row("organizations", r.before.organizations, r.after.organizations),
          row("ties", r.before.ties, r.after.ties),
          row("cross-sector ties", r.before.cross_sector_ties, r.after.cross_sector_ties),
          row("separate parts (components)", r.before.components, r.after.components),
          row("largest part", r.before.largest_component, r.after.largest_component),
          row("organizations without any tie", r.before.isolates, r.after.isolates),
          row("organizations at the table", r.before.table_organizations, r.after.table_organizations),
          row("reached from the table", r.before.table_reach, r.after.table_reach)};
}

Community community_without(const Community& community, const std::vector<uint32_t>& removed) {
  const uint32_t n = uint32_t(community.organizations.size());
  const RowsAfterRemoval rows = rows_after_removal(n, removed);
  const std::vector<uint32_t>& new_row = rows.new_row;
  const uint32_t kept = rows.kept;
  auto gone = [&](size_t row) { return new_row[row] == kRemovedRow; };
  Community out = community;  // copy-on-write: each table below is replaced, never cloned
  if (kept == n) return out;
  // Each table is copied once, keeping only the rows that stay.
  std::vector<Organization> orgs;
  orgs.reserve(kept);
  for (uint32_t v = 0; v < n; ++v)
    if (!gone(v)) orgs.push_back(community.organizations[v]);
  out.organizations.replace_rows(std::move(orgs));
  std::vector<Tie> ties;
  ties.reserve(community.ties.size());
  for (const Tie& t : community.ties)
    if (!gone(t.source) && !gone(t.target)) {
      ties.push_back(t);
      ties.back().source = new_row[t.source];
      ties.back().target = new_row[t.target];
    }
  out.ties.replace_rows(std::move(ties));
  std::vector<Role> roles;
  for (const Role& r : community.roles)
    if (!gone(r.organization)) {
      roles.push_back(r);
      roles.back().organization = new_row[r.organization];
    }
  out.roles.replace_rows(std::move(roles));
  std::vector<Person> people;
  people.reserve(community.people.size());
  for (const Person& p : community.people)
    if (p.organization < 0 || !gone(size_t(p.organization))) {
      people.push_back(p);
      if (p.organization >= 0) people.back().organization = int32_t(new_row[size_t(p.organization)]);
    }
  out.people.replace_rows(std::move(people));
  return out;
}

}  // namespace tablemap
