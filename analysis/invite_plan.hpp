// The invite plan as a covering problem: each gap needs a number of distinct
// "sources" (a seat for a sector is an organization or an unaffiliated
// person; a generation needs people), each candidate offers some of them, and
// we want the fewest candidates that give every gap what the candidates can give.
//
// greedy_cover is the classic greedy for (submodular) set cover: it takes, at
// each step, the candidate that closes the most of what is still needed, ties
// going to the better-ranked candidate. It is not always the smallest plan (the
// guarantee is within a factor ln(total demand) + 1 of it) but it is fast:
// lazy evaluation keeps it at about O(offers + plan size * log candidates).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace tablemap {

struct CoverOffer {
  uint32_t gap = 0;
  uint64_t source = 0;  // distinct sources count once per gap, whoever brings them (< 2^48)
};

class CoverProblem {
 public:
  // Adds a gap needing `demand` distinct sources; returns its index.
  uint32_t add_gap(int64_t demand);
  // Adds a candidate with what it offers; returns its index.
  uint32_t add_candidate(const std::vector<CoverOffer>& offers);

  size_t gap_count() const { return demand_.size(); }
  size_t candidate_count() const { return start_.size() - 1; }
  int64_t demand(uint32_t gap) const { return demand_[gap]; }
  const CoverOffer* offers_begin(uint32_t candidate) const { return offers_.data() + start_[candidate]; }
  const CoverOffer* offers_end(uint32_t candidate) const { return offers_.data() + start_[candidate + 1]; }

  // Per gap: how much of its demand `chosen` meets (distinct sources, capped at the demand).
  std::vector<int64_t> coverage(const std::vector<uint32_t>& chosen) const;
  // The sum of coverage(chosen).
  int64_t covered(const std::vector<uint32_t>& chosen) const;
  // Per chosen candidate, in order: the gaps it counted toward when taken.
  std::vector<std::vector<uint32_t>> contributions(const std::vector<uint32_t>& chosen) const;

 private:
  std::vector<int64_t> demand_;
  std::vector<uint32_t> start_{0};
  std::vector<CoverOffer> offers_;
};

// True when candidate a should be preferred to b at equal gain. Default: lower index first.
using CandidateOrder = std::function<bool(uint32_t a, uint32_t b)>;

// The greedy plan: candidate indices in the order they were picked. Covers as
// much as all candidates together can (every picked candidate adds something).
std::vector<uint32_t> greedy_cover(const CoverProblem& problem, const CandidateOrder& better = {});

}  // namespace tablemap
