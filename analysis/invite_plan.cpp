#include "analysis/invite_plan.hpp"

#include <algorithm>
#include <unordered_set>

namespace tablemap {

uint32_t CoverProblem::add_gap(int64_t demand) {
  demand_.push_back(std::max<int64_t>(0, demand));
  return uint32_t(demand_.size() - 1);
}

uint32_t CoverProblem::add_candidate(const std::vector<CoverOffer>& offers) {
  offers_.insert(offers_.end(), offers.begin(), offers.end());
  start_.push_back(uint32_t(offers_.size()));
  return uint32_t(start_.size() - 2);
}

namespace {

uint64_t key(const CoverOffer& o) { return (uint64_t(o.gap) << 48) | (o.source & ((uint64_t(1) << 48) - 1)); }

// What one candidate would add, given what is met already.
struct CoverState {
  const CoverProblem& problem;
  std::vector<int64_t> met;
  std::unordered_set<uint64_t> used;

  explicit CoverState(const CoverProblem& p) : problem(p), met(p.gap_count(), 0) {}

  int64_t gain(uint32_t c) const {
    // A candidate offers a handful of sources; count new ones per gap, capped by what is left.
    int64_t total = 0;
    const CoverOffer* b = problem.offers_begin(c);
    const CoverOffer* e = problem.offers_end(c);
    for (const CoverOffer* o = b; o != e; ++o) {
      bool first_of_gap = true;
      for (const CoverOffer* q = b; q != o; ++q)
        if (q->gap == o->gap) first_of_gap = false;
      if (!first_of_gap) continue;
      int64_t fresh = 0;
      for (const CoverOffer* q = o; q != e; ++q) {
        if (q->gap != o->gap || used.count(key(*q))) continue;
        bool repeat = false;
        for (const CoverOffer* r = o; r != q; ++r)
          if (r->gap == q->gap && r->source == q->source) repeat = true;
        if (!repeat) ++fresh;
      }
      total += std::min(fresh, problem.demand(o->gap) - met[o->gap]);
    }
    return total;
  }

  void take(uint32_t c, std::vector<uint32_t>* counted = nullptr) {
    for (const CoverOffer* o = problem.offers_begin(c); o != problem.offers_end(c); ++o)
      if (met[o->gap] < problem.demand(o->gap) && used.insert(key(*o)).second) {
        ++met[o->gap];
        if (counted && std::find(counted->begin(), counted->end(), o->gap) == counted->end())
          counted->push_back(o->gap);
      }
  }
};

}  // namespace

std::vector<int64_t> CoverProblem::coverage(const std::vector<uint32_t>& chosen) const {
  CoverState state(*this);
  for (uint32_t c : chosen) state.take(c);
  return state.met;
}

std::vector<std::vector<uint32_t>> CoverProblem::contributions(const std::vector<uint32_t>& chosen) const {
  CoverState state(*this);
  std::vector<std::vector<uint32_t>> out(chosen.size());
  for (size_t i = 0; i < chosen.size(); ++i) state.take(chosen[i], &out[i]);
  return out;
}

int64_t CoverProblem::covered(const std::vector<uint32_t>& chosen) const {
  int64_t total = 0;
  for (int64_t m : coverage(chosen)) total += m;
  return total;
}

std::vector<uint32_t> greedy_cover(const CoverProblem& problem, const CandidateOrder& better) {
  auto prefer = [&](uint32_t a, uint32_t b) { return better ? better(a, b) : a < b; };
  CoverState state(problem);

  // Lazy greedy: a candidate's gain can only shrink as others are taken, so a
  // stale gain is an upper bound; re-evaluate only the top of the heap.
  struct Entry {
    int64_t gain;
    uint32_t candidate;
  };
  auto below = [&](const Entry& x, const Entry& y) {
    if (x.gain != y.gain) return x.gain < y.gain;
    return prefer(y.candidate, x.candidate);
  };
  std::vector<Entry> heap;
  for (uint32_t c = 0; c < problem.candidate_count(); ++c) {
    int64_t g = state.gain(c);
    if (g > 0) heap.push_back({g, c});
  }
  std::make_heap(heap.begin(), heap.end(), below);

  std::vector<uint32_t> plan;
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), below);
    Entry top = heap.back();
    heap.pop_back();
    int64_t g = state.gain(top.candidate);
    if (g == 0) continue;
    if (g == top.gain) {
      state.take(top.candidate);
      plan.push_back(top.candidate);
    } else {
      heap.push_back({g, top.candidate});
      std::push_heap(heap.begin(), heap.end(), below);
    }
  }
  return plan;
}

}  // namespace tablemap
