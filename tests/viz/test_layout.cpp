// spread_components (viz/layout): each component scaled to a common tie
// length, then the components packed in rows. Hand-computed on small inputs.
#include <catch2/catch.hpp>

#include "viz/layout.hpp"

using namespace tablemap;
using namespace tablemap::viz;

TEST_CASE("a shrunk component is scaled to the tie length, an isolate packed below it") {
  // Organizations 0-1-2 on a line, ties 1, 2 and 3 points long (median 2);
  // 3 has no tie. With tie_length 40 the component is scaled by 20: 0..60
  // wide, 0 tall. Boxes with the 30-point gap: 90 x 30 and 30 x 30, total
  // area 3600, so rows are max(90, 1.3 * 60) = 90 wide; the isolate does not
  // fit beside the line and starts a row 30 points lower.
  std::vector<Point> p{{0, 0}, {1, 0}, {3, 0}, {100, 100}};
  const std::vector<std::pair<uint32_t, uint32_t>> links{{0, 1}, {1, 2}, {0, 2}};
  spread_components(p, links, 40.f, 30.f);
  CHECK(p[0].x == Approx(0));
  CHECK(p[0].y == Approx(0));
  CHECK(p[1].x == Approx(20));
  CHECK(p[2].x == Approx(60));
  CHECK(p[2].y == Approx(0));
  CHECK(p[3].x == Approx(0));
  CHECK(p[3].y == Approx(-30));
}

TEST_CASE("components side by side keep their shape and never overlap") {
  // Two squares of side 1 and 4 (ties along the sides), both scaled so a side is 10.
  std::vector<Point> p{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {50, 50}, {54, 50}, {54, 54}, {50, 54}};
  const std::vector<std::pair<uint32_t, uint32_t>> links{{0, 1}, {1, 2}, {2, 3}, {3, 0},
                                                         {4, 5}, {5, 6}, {6, 7}, {7, 4}};
  spread_components(p, links, 10.f, 5.f);
  for (uint32_t base : {0u, 4u}) {
    CHECK(p[base + 1].x - p[base].x == Approx(10));
    CHECK(p[base + 2].y - p[base + 1].y == Approx(10));
  }
  // Boxes 15 x 15 each (with the gap), total 450: rows max(15, 1.3 * 21.2) = 27.6 wide, one per row.
  const float gap_y = std::min(p[0].y, p[3].y) - std::max(p[4].y, p[7].y);
  const float gap_y_other = std::min(p[4].y, p[7].y) - std::max(p[0].y, p[3].y);
  CHECK(std::max(gap_y, gap_y_other) == Approx(5));
}

TEST_CASE("no organization, or no tie at all, is not a problem") {
  std::vector<Point> none;
  spread_components(none, {}, 40.f, 30.f);
  CHECK(none.empty());
  std::vector<Point> lonely{{7, 7}, {9, 9}};
  spread_components(lonely, {}, 40.f, 30.f);
  // Two isolates, 30 x 30 boxes, rows max(30, 1.3 * 42.4) = 55.2 wide: one per row.
  CHECK(lonely[0].x == Approx(0));
  CHECK(lonely[0].y == Approx(0));
  CHECK(lonely[1].x == Approx(0));
  CHECK(lonely[1].y == Approx(-30));
}

namespace {
float distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("two ghosts wanted on one taken spot sit clear of it and of each other") {
  // One organization at the origin, clearance 10. Rings step by 5: ring 1 (5
  // away) is too close, so the first ghost takes ring 2's first point (10, 0).
  // The second cannot: (10, 0) is the first ghost, and the next point of ring
  // 2, 30 degrees on, is 5.2 from it; it goes further round ring 2.
  const std::vector<Point> taken{{0, 0}};
  const std::vector<Point> spots = free_spots_near(taken, {{0, 0}, {0, 0}}, 10.f);
  REQUIRE(spots.size() == 2);
  CHECK(spots[0].x == Approx(10));
  CHECK(spots[0].y == Approx(0).margin(1e-4));
  CHECK(distance(spots[1], {0, 0}) == Approx(10));
  CHECK(distance(spots[1], spots[0]) >= 10 - 1e-3);
  CHECK(spots[1].y > 0);  // 60 degrees round: the first point of ring 2 clear of both
}

TEST_CASE("a ghost wanted on a free spot stays there, and one with no free spot nearby stays where wanted") {
  CHECK(free_spots_near({{0, 0}}, {{30, 0}}, 10.f)[0].x == Approx(30));
  // A dense grid 1 apart over 300 x 300 leaves no spot 10 clear within 24 rings of 5 (120) around its middle.
  std::vector<Point> grid;
  for (int x = -150; x <= 150; ++x)
    for (int y = -150; y <= 150; ++y) grid.push_back({float(x), float(y)});
  const Point middle = free_spots_near(grid, {{0.5f, 0.5f}}, 10.f)[0];
  CHECK(middle.x == Approx(0.5));
  CHECK(middle.y == Approx(0.5));
}

TEST_CASE("20 ghosts amid 40,000 organizations each keep the clearance from all of them and from one another") {
  // Organizations on a grid 30 apart; 20 ghosts all wanted on the one in the middle.
  std::vector<Point> taken;
  for (int x = 0; x < 200; ++x)
    for (int y = 0; y < 200; ++y) taken.push_back({30.f * float(x), 30.f * float(y)});
  const std::vector<Point> wanted(20, Point{3000, 3000});
  const std::vector<Point> spots = free_spots_near(taken, wanted, 10.f);
  size_t too_close = 0;
  for (size_t i = 0; i < spots.size(); ++i) {
    for (const Point& o : taken) too_close += distance(spots[i], o) < 10 - 1e-3;
    for (size_t j = 0; j < i; ++j) too_close += distance(spots[i], spots[j]) < 10 - 1e-3;
  }
  CHECK(too_close == 0);
  // Every ghost found a spot within the rings (none left on the organization at the middle).
  CHECK(std::none_of(spots.begin(), spots.end(), [](Point p) { return p.x == 3000 && p.y == 3000; }));
}
