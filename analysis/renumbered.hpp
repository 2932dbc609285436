// The network's rows renumbered in breadth-first order, for searches on
// large networks.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "core/network.hpp"

namespace tablemap {

// The network's arrays with the organizations renumbered in breadth-first
// order, so that organizations tied to each other mostly sit near each other
// in memory: on a million organizations a search then finds more of what it
// reads already in the cache. Used for undirected, unweighted searches on
// large networks (directed and weighted ones read each arc's relationship).
struct Renumbered {
  std::vector<uint32_t> offsets, targets;
  std::vector<uint32_t> new_of;  // new number of each organization

  explicit Renumbered(const Network& net) {
    constexpr uint32_t kNotYet = std::numeric_limits<uint32_t>::max();
    const uint32_t n = net.organization_count();
    const uint32_t* off = net.offsets();
    const uint32_t* to = net.targets();
    std::vector<uint32_t> old_of;
    old_of.reserve(n);
    new_of.assign(n, kNotYet);
    for (uint32_t root = 0; root < n; ++root) {
      if (new_of[root] != kNotYet) continue;
      new_of[root] = uint32_t(old_of.size());
      old_of.push_back(root);
      for (size_t head = old_of.size() - 1; head < old_of.size(); ++head)
        for (uint32_t arc = off[old_of[head]]; arc < off[old_of[head] + 1]; ++arc)
          if (new_of[to[arc]] == kNotYet) {
            new_of[to[arc]] = uint32_t(old_of.size());
            old_of.push_back(to[arc]);
          }
    }
    offsets.assign(size_t(n) + 1, 0);
    targets.resize(off[n]);
    for (uint32_t v = 0; v < n; ++v) {
      const uint32_t old = old_of[v];
      offsets[v + 1] = offsets[v] + (off[old + 1] - off[old]);
      uint32_t k = offsets[v];
      for (uint32_t arc = off[old]; arc < off[old + 1]; ++arc) targets[k++] = new_of[to[arc]];
    }
  }
};

}  // namespace tablemap
