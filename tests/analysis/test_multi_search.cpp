// The multi-source search (analysis/multi_search.hpp) on small networks
// worked out by hand, and against one plain breadth-first search per source
// on a generated one.
#include <map>
#include <tuple>

#include "analysis/multi_search.hpp"
#include "classic_networks.hpp"
#include "core/synthetic.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

// Every call of reached(w, d, bits), as (organization, distance) -> bits.
using Calls = std::map<std::pair<uint32_t, uint32_t>, uint64_t>;

Calls search(const Network& net, std::vector<uint32_t> sources, std::vector<SourceBarrier> barriers = {}) {
  MultiSourceSearch s(net.organization_count(), net.offsets(), net.targets());
  Calls calls;
  s.run(sources.data(), sources.size(), barriers, [&](uint32_t w, uint32_t d, uint64_t bits) {
    CHECK(calls.count({w, d}) == 0);  // once per organization and distance
    calls[{w, d}] = bits;
  });
  return calls;
}

}  // namespace

TEST_CASE("Two searches from one organization, one kept out of a removed organization") {
  // o0 - o1 - o2 - o3 and o0 - o4 - o3. Bit 0 searches from o0 freely;
  // bit 1 from o0 with o1 removed: it reaches o2 only the long way, o0-o4-o3-o2.
  Community c = make_community(5);
  add_tie(c, 0, 1);
  add_tie(c, 1, 2);
  add_tie(c, 2, 3);
  add_tie(c, 0, 4);
  add_tie(c, 4, 3);
  Network net(c);
  const Calls calls = search(net, {0, 0}, {{1, 0b10}});
  const Calls expected = {{{1, 1}, 0b01}, {{4, 1}, 0b11}, {{2, 2}, 0b01}, {{3, 2}, 0b11}, {{2, 3}, 0b10}};
  CHECK(calls == expected);
}

TEST_CASE("A source behind its own barrier searches nothing, and other components are never reached") {
  // o0 - o1, o2 - o3. Bit 0 from o0 is barred from o0; bit 1 from o2.
  Community c = make_community(4);
  add_tie(c, 0, 1);
  add_tie(c, 2, 3);
  Network net(c);
  const Calls calls = search(net, {0, 2}, {{0, 0b01}});
  CHECK(calls == Calls{{{3, 1}, 0b10}});
}

TEST_CASE("64 sources at once find the distances of 64 plain searches") {
  // A generated network large enough for the levels that pull (a frontier
  // with over 1/14 of the ties), searched from 64 sources, and from 10.
  GenerateOptions gen;
  gen.organizations = 2000;
  gen.seed = 4;
  Network net(generate_community(gen));
  const uint32_t n = net.organization_count();
  for (uint32_t count : {64u, 10u}) {
    std::vector<uint32_t> sources;
    for (uint32_t i = 0; i < count; ++i) sources.push_back(i * 31 % n);
    // distance[i][w] from one plain search per source.
    std::vector<std::vector<uint32_t>> distance(count, std::vector<uint32_t>(n, UINT32_MAX));
    size_t pairs = 0;
    for (uint32_t i = 0; i < count; ++i) {
      std::vector<uint32_t> queue{sources[i]};
      distance[i][sources[i]] = 0;
      for (size_t head = 0; head < queue.size(); ++head)
        for (uint32_t arc = net.offsets()[queue[head]]; arc < net.offsets()[queue[head] + 1]; ++arc)
          if (distance[i][net.targets()[arc]] == UINT32_MAX) {
            distance[i][net.targets()[arc]] = distance[i][queue[head]] + 1;
            queue.push_back(net.targets()[arc]);
          }
      pairs += queue.size() - 1;
    }
    size_t found = 0;
    for (const auto& [at, bits] : search(net, sources)) {
      for (uint32_t i = 0; i < count; ++i)
        if ((bits >> i) & 1) {
          INFO("source " << sources[i] << " organization " << at.first);
          REQUIRE(distance[i][at.first] == at.second);
          ++found;
        }
    }
    CHECK(found == pairs);  // and nothing missed
    CHECK(pairs > size_t(count) * (n - 100));
  }
}
