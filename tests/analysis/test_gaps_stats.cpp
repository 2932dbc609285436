// The goodness-of-fit tests behind the generation check. Expected values were
// computed with Python: exact multinomial p-values by enumerating every outcome
// with fractions.Fraction, chi-square tails with mpmath.gammainc.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/stats.hpp"

using namespace tablemap;

namespace {
// Riverbend residents, oldest first: silent 600, boomers 1700, gen_x 1400,
// millennials 1500, gen_z 1400, gen_alpha 900 (7,500).
std::vector<double> riverbend_shares() {
  std::vector<double> r{600, 1700, 1400, 1500, 1400, 900};
  for (double& x : r) x /= 7500;
  return r;
}
}  // namespace

TEST_CASE("outcome counts are C(N+k-1, k-1)") {
  CHECK(multinomial_outcome_count(2, 2) == 3);
  CHECK(multinomial_outcome_count(8, 5) == 495);
  CHECK(multinomial_outcome_count(45, 6) == 2118760);
  CHECK(multinomial_outcome_count(0, 6) == 1);
  CHECK(multinomial_outcome_count(1000000000, 6) == UINT64_MAX);  // saturates instead of overflowing
}

TEST_CASE("exact multinomial p-values by hand") {
  // Two people, two equal groups: P(2,0)=1/4, P(1,1)=1/2, P(0,2)=1/4; observed (2,0) -> 1/4 + 1/4.
  CHECK(exact_multinomial_p({2, 0}, {0.5, 0.5}) == Approx(0.5));
  // Observed (1,1) is the most likely outcome: every outcome counts.
  CHECK(exact_multinomial_p({1, 1}, {0.5, 0.5}) == Approx(1.0));
  // (3,0,1) under (1/2,1/4,1/4): P = 4 * 1/8 * 1/4 = 0.125; the outcomes no likelier sum to 0.8125.
  CHECK(exact_multinomial_p({3, 0, 1}, {0.5, 0.25, 0.25}) == Approx(0.8125));
  // A Riverbend table of 13: silent 1, boomers 6, gen_x 4, millennials 2. Python: 0.1125505818163041.
  CHECK(exact_multinomial_p({1, 6, 4, 2, 0, 0}, riverbend_shares()) == Approx(0.1125505818163041).epsilon(1e-9));
  // Someone from a group with no residents cannot happen under the shares.
  CHECK(exact_multinomial_p({1, 1}, {1.0, 0.0}) == 0.0);
  // A group with no residents and nobody at the table is simply left out.
  CHECK(exact_multinomial_p({2, 0, 0}, {0.5, 0.5, 0.0}) == Approx(0.5));
}

TEST_CASE("chi-square tail against mpmath") {
  CHECK(chi_square_sf(3.0, 5) == Approx(0.6999858358786275).epsilon(1e-10));
  CHECK(chi_square_sf(11.07, 5) == Approx(0.05000961862240548).epsilon(1e-10));
  CHECK(chi_square_sf(0.5, 1) == Approx(0.4795001221869535).epsilon(1e-10));
  CHECK(chi_square_sf(50, 10) == Approx(2.6690834249044957e-07).epsilon(1e-9));
  CHECK(chi_square_sf(1e-3, 2) == Approx(0.9995001249791693).epsilon(1e-10));
  CHECK(chi_square_sf(0, 4) == 1.0);
}

TEST_CASE("G-test with Williams' correction") {
  // Riverbend table of 13 (as above): G = 11.40332639141807, q = 1 + 7/78, G/q = 10.464228923889523,
  // 5 degrees of freedom: p = 0.0631006691401357.
  GTestResult g = g_test_williams({1, 6, 4, 2, 0, 0}, riverbend_shares());
  CHECK(g.g == Approx(11.40332639141807));
  CHECK(g.williams_q == Approx(1.0897435897435896));
  CHECK(g.statistic == Approx(10.464228923889523));
  CHECK(g.df == 5);
  CHECK(g.p_value == Approx(0.0631006691401357).epsilon(1e-9));
}

TEST_CASE("goodness_of_fit picks the exact test for small tables, the G-test for large ones") {
  // 45 people in 6 groups: 2,118,760 outcomes > 1,000,000 -> G-test.
  // Counts (2,20,14,8,1,0): Python gives G/q = 31.91727602032885, p = 6.169608409848728e-06.
  FitTest big = goodness_of_fit({2, 20, 14, 8, 1, 0}, riverbend_shares());
  CHECK(big.test == "G-test with Williams' correction");
  CHECK(big.statistic == Approx(31.91727602032885));
  CHECK(big.p_value == Approx(6.169608409848728e-06).epsilon(1e-9));
  CHECK(big.people == 45);

  FitTest small = goodness_of_fit({1, 6, 4, 2, 0, 0}, riverbend_shares());
  CHECK(small.test == "exact multinomial");
  CHECK(small.p_value == Approx(0.1125505818163041).epsilon(1e-9));
  // With the exact limit lowered, the same table goes to the G-test.
  CHECK(goodness_of_fit({1, 6, 4, 2, 0, 0}, riverbend_shares(), 100).test == "G-test with Williams' correction");

  CHECK(goodness_of_fit({0, 0, 0, 0, 0, 0}, riverbend_shares()).test == "none");
  CHECK(goodness_of_fit({3, 0}, {1.0, 0.0}).test == "none");  // one group: nothing to compare
}
