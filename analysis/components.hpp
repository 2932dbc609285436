// Whether the coalition hangs together: connected components, articulation
// points (organizations whose departure splits their component) and bridges
// (ties whose loss splits it), with what each articulation point cuts off.
//
// All on the undirected network (a directed tie still connects its two ends).
// connected_components() is union-find that never reads most ties of a
// large component (Afforest, see components.cpp); cut_points() is one
// iterative depth-first search (Hopcroft-Tarjan), O(n + m), safe for any depth.
#pragma once

#include <cstdint>
#include <vector>

#include "core/network.hpp"

namespace tablemap {

inline constexpr uint32_t kNoComponent = UINT32_MAX;

struct ComponentReport {
  std::vector<uint32_t> component;  // per organization; 0 is the largest (kNoComponent if removed)
  std::vector<uint32_t> sizes;      // organizations per component, largest first
  uint32_t isolates = 0;            // organizations without any tie (components of size 1)
};

// `removed` (optional, indexed by organization) leaves organizations out, as
// if they had left the coalition with all their ties.
ComponentReport connected_components(const Network& net, const std::vector<bool>* removed = nullptr);

struct CutPoints {
  std::vector<bool> articulation;       // per organization
  std::vector<uint32_t> bridges_held;   // per organization: bridges it is an end of
  std::vector<uint32_t> cut_off;        // per organization: how many would lose contact with the
                                        // largest remaining part of its component if it left
  std::vector<uint32_t> bridges;        // relationship indices of the bridges
  // The depth-first forest, kept to list the pieces on demand.
  std::vector<uint32_t> preorder;       // organizations in visiting order
  std::vector<uint32_t> visit;          // position of each organization in preorder
  std::vector<uint32_t> low;            // lowest visit reachable through one back tie
  std::vector<uint32_t> parent;         // UINT32_MAX for roots
  std::vector<uint32_t> subtree;        // organizations in its subtree, itself included
  std::vector<uint32_t> root;           // root of its tree (= its component)
};

CutPoints cut_points(const Network& net);

// The parts `organization`'s component falls into when it leaves, largest
// first (one part when it is not an articulation point). O(size of component).
std::vector<std::vector<uint32_t>> pieces_after_removal(const Network& net, const CutPoints& cuts,
                                                        uint32_t organization);

}  // namespace tablemap
