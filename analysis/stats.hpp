// Goodness-of-fit of a small table against known shares: does the table
// differ from the residents more than chance would explain for its size?
//
// exact_multinomial_p enumerates every way N people can fall into k groups:
// C(N+k-1, k-1) outcomes, each O(k) (about 1,000,000 outcomes for 38 people
// in 6 generations). g_test_williams is O(k) and is used beyond that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tablemap {

// Number of outcomes of N people in k groups, C(N+k-1, k-1); saturates at UINT64_MAX.
uint64_t multinomial_outcome_count(int64_t people, int groups);

// Exact multinomial test: the probability, under the shares `probs` (summing
// to 1), of an outcome no more likely than `counts`. An observed count in a
// group of share 0 is impossible under the shares: the p-value is 0.
double exact_multinomial_p(const std::vector<int64_t>& counts, const std::vector<double>& probs);

// Regularized upper incomplete gamma Q(a, x) and the chi-square survival
// function P(X >= x) for `df` degrees of freedom.
double upper_regularized_gamma(double a, double x);
double chi_square_sf(double x, double df);

struct GTestResult {
  double g = 0;          // 2 * sum O ln(O/E)
  double williams_q = 1; // Williams' correction factor 1 + (k+1)/(6N)
  double statistic = 0;  // g / williams_q
  int df = 0;
  double p_value = 1;
};
// Likelihood-ratio (G) goodness-of-fit test with Williams' small-sample
// correction over the groups of positive share (k of them, df = k - 1).
GTestResult g_test_williams(const std::vector<int64_t>& counts, const std::vector<double>& probs);

struct FitTest {
  std::string test;      // "exact multinomial", "G-test with Williams' correction" or "none"
  double p_value = 1;
  double statistic = 0;  // G / Williams' q for the G-test; 0 for the exact test
  int64_t people = 0;
  std::string note;      // why no test, or what the p-value means
};
// Chooses the test: exact when the outcomes number at most `exact_limit`, else the G-test.
FitTest goodness_of_fit(const std::vector<int64_t>& counts, const std::vector<double>& probs,
                        uint64_t exact_limit = 1'000'000);

}  // namespace tablemap
