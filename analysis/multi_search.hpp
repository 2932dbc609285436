// Breadth-first searches from up to 64 sources at once, one bit per source
// (the multi-source search of Then et al., "The More the Merrier", VLDB
// 2015). Closeness and harmonic (analysis/centrality.cpp) and the brokers'
// removal test (analysis/structure.cpp) each need dozens of full searches
// of a national network; searched together, the sources share every pass
// over the ties.
//
// Each organization keeps which sources have reached it (`seen`) and which
// reached it at the last level (`frontier`). A level whose frontier has few
// ties pushes from it; a large one pulls into every organization that some
// source has not reached yet (Beamer, Asanovic and Patterson's switch of
// direction, SC 2012). Either way each organization is reported once per
// distance with the sources that reach it there, so what callers add up
// does not depend on the switch.
//
// A barrier keeps some sources' searches out of one organization, as if it
// were removed for them: the brokers' test removes a different candidate
// for different sources of one batch.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

namespace tablemap {

struct SourceBarrier {
  uint32_t organization = 0;
  uint64_t sources = 0;  // bit i: the search from sources[i] may not enter it
};

class MultiSourceSearch {
 public:
  static constexpr size_t kMaxSources = 64;

  // The network as CSR arrays: the ties of v are targets[offsets[v] .. offsets[v + 1]).
  MultiSourceSearch(uint32_t n, const uint32_t* offsets, const uint32_t* targets)
      : n_(n), off_(offsets), to_(targets), seen_(n, 0), frontier_(n, 0), fresh_(n, 0) {}

  // Searches from sources[0 .. count) (count <= 64; bit i stands for
  // sources[i]) and calls reached(w, d, bits) once for every organization w
  // and distance d >= 1 at which some sources reach w first; `bits` holds
  // those sources. follows_out(v, arc): whether a search may go from v along
  // `arc`; follows_in(w, arc): whether a tie flows into w along `arc` (the
  // same test from the other end, for the levels that pull). A source behind
  // a barrier for itself searches nothing.
  template <class Reached, class Out, class In>
  void run(const uint32_t* sources, size_t count, std::span<const SourceBarrier> barriers, Reached&& reached,
           Out&& follows_out, In&& follows_in) {
    const uint64_t everyone = count >= kMaxSources ? ~uint64_t(0) : (uint64_t(1) << count) - 1;
    for (const SourceBarrier& b : barriers) seen_[b.organization] |= b.sources & everyone;
    active_.clear();
    for (size_t i = 0; i < count; ++i) {
      const uint32_t s = sources[i];
      const uint64_t bit = uint64_t(1) << i;
      if (seen_[s] & bit) continue;
      if (!frontier_[s]) active_.push_back(s);
      frontier_[s] |= bit;
      seen_[s] |= bit;
    }
    const uint64_t arcs = off_[n_];
    for (uint32_t d = 1; !active_.empty(); ++d) {
      uint64_t frontier_arcs = 0;
      for (uint32_t v : active_) frontier_arcs += off_[v + 1] - off_[v];
      reached_now_.clear();
      if (frontier_arcs * 14 < arcs) {  // push along the frontier's ties
        for (uint32_t v : active_) {
          const uint64_t bits = frontier_[v];
          for (uint32_t arc = off_[v]; arc < off_[v + 1]; ++arc) {
            if (!follows_out(v, arc)) continue;
            const uint32_t w = to_[arc];
            const uint64_t add = bits & ~seen_[w] & ~fresh_[w];
            if (!add) continue;
            if (!fresh_[w]) reached_now_.push_back(w);
            fresh_[w] |= add;
          }
        }
      } else {  // pull into everybody still missing a source
        for (uint32_t w = 0; w < n_; ++w) {
          const uint64_t missing = everyone & ~seen_[w];
          if (!missing) continue;
          uint64_t got = 0;
          for (uint32_t arc = off_[w]; arc < off_[w + 1]; ++arc) {
            if (!follows_in(w, arc)) continue;
            got |= frontier_[to_[arc]];
            if ((got & missing) == missing) break;
          }
          got &= missing;
          if (!got) continue;
          fresh_[w] = got;
          reached_now_.push_back(w);
        }
      }
      for (uint32_t v : active_) frontier_[v] = 0;
      for (uint32_t w : reached_now_) {
        const uint64_t bits = fresh_[w];
        fresh_[w] = 0;
        seen_[w] |= bits;
        frontier_[w] = bits;
        reached(w, d, bits);
      }
      active_.swap(reached_now_);
    }
    std::fill(seen_.begin(), seen_.end(), 0);
  }

  // Every tie both ways (undirected).
  template <class Reached>
  void run(const uint32_t* sources, size_t count, std::span<const SourceBarrier> barriers, Reached&& reached) {
    auto every_tie = [](uint32_t, uint32_t) { return true; };
    run(sources, count, barriers, reached, every_tie, every_tie);
  }

 private:
  uint32_t n_;
  const uint32_t* off_;
  const uint32_t* to_;
  std::vector<uint64_t> seen_, frontier_, fresh_;
  std::vector<uint32_t> active_, reached_now_;
};

}  // namespace tablemap
