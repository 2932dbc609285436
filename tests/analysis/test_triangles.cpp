// The forward triangle enumeration: each triangle once, counts against
// NetworkX (nx.triangles summed / 3) on the classic networks, and against a
// search of every triple on a small network with a hub.
#include <random>
#include <set>
#include <tuple>

#include "analysis/triangles.hpp"
#include "classic_networks.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
// Each visited triangle as a sorted triple; fails on a repeat or a wrong tie.
std::set<std::tuple<uint32_t, uint32_t, uint32_t>> triangles_of(const Network& net) {
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> seen;
  auto joins = [&](uint32_t tie, uint32_t x, uint32_t y) {
    const Relationship& r = net.relationships()[tie];
    return (r.a == x && r.b == y) || (r.a == y && r.b == x);
  };
  for_each_triangle(net, [&](uint32_t u, uint32_t v, uint32_t w, uint32_t uv, uint32_t uw, uint32_t vw) {
    CHECK(joins(uv, u, v));
    CHECK(joins(uw, u, w));
    CHECK(joins(vw, v, w));
    uint32_t t[3] = {u, v, w};
    std::sort(t, t + 3);
    CHECK(seen.insert({t[0], t[1], t[2]}).second);
  });
  return seen;
}
}  // namespace

TEST_CASE("Triangles of the classic networks, as NetworkX counts them") {
  for (auto [file, expected] : {std::pair{"krackhardt_kite.txt", size_t(11)},
                                std::pair{"florentine_families.txt", size_t(3)},
                                std::pair{"zachary_karate.txt", size_t(45)}}) {
    INFO(file);
    const Community c = read_classic(file);
    CHECK(triangles_of(Network(c)).size() == expected);
  }
}

TEST_CASE("Every triangle is found once, hub or not, against a search of every triple") {
  // 120 organizations: ties between near rows, and o0 a hub tied to every third one.
  const uint32_t n = 120;
  Community c = make_community(n);
  std::mt19937 rng(7);
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = i + 1; j < n && j < i + 6; ++j)
      if (rng() % 2) add_tie(c, i, j, rng() % 3 == 0);
  for (uint32_t j = 6; j < n; j += 3) add_tie(c, 0, j);
  const Network net(c);
  std::vector<std::vector<bool>> tied(n, std::vector<bool>(n, false));
  for (const Relationship& r : net.relationships()) tied[r.a][r.b] = tied[r.b][r.a] = true;
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> expected;
  for (uint32_t a = 0; a < n; ++a)
    for (uint32_t b = a + 1; b < n; ++b)
      for (uint32_t d = b + 1; d < n; ++d)
        if (tied[a][b] && tied[a][d] && tied[b][d]) expected.insert({a, b, d});
  REQUIRE(expected.size() > 40);
  CHECK(triangles_of(net) == expected);
}
