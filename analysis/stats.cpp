#include "analysis/stats.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace tablemap {

uint64_t multinomial_outcome_count(int64_t people, int groups) {
  if (groups <= 1 || people <= 0) return 1;
  // C(n, r) with r = groups - 1, built up so every step is an exact integer.
  const uint64_t n = uint64_t(people) + uint64_t(groups) - 1, r = uint64_t(groups) - 1;
  unsigned __int128 c = 1;
  for (uint64_t i = 1; i <= r; ++i) {
    c = c * (n - r + i) / i;
    if (c > std::numeric_limits<uint64_t>::max()) return std::numeric_limits<uint64_t>::max();
  }
  return uint64_t(c);
}

namespace {

// Keeps the groups of positive share; false when a zero-share group has people.
bool positive_groups(const std::vector<int64_t>& counts, const std::vector<double>& probs,
                     std::vector<int64_t>& c, std::vector<double>& p) {
  for (size_t i = 0; i < counts.size(); ++i) {
    if (probs[i] > 0) {
      c.push_back(counts[i]);
      p.push_back(probs[i]);
    } else if (counts[i] > 0) {
      return false;
    }
  }
  return true;
}

struct Enumerator {
  std::vector<std::vector<double>> term;  // term[i][x] = x ln p_i - ln x!
  double threshold = 0;                   // log-probability of the observed outcome, with slack
  double log_n_factorial = 0;
  double total = 0;

  // Places `left` people into groups i.. and adds up the outcomes no more likely than the observed one.
  void walk(size_t i, int64_t left, double partial) {
    if (i + 1 == term.size()) {
      double lp = log_n_factorial + partial + term[i][size_t(left)];
      if (lp <= threshold) total += std::exp(lp);
      return;
    }
    for (int64_t x = 0; x <= left; ++x) walk(i + 1, left - x, partial + term[i][size_t(x)]);
  }
};

}  // namespace

double exact_multinomial_p(const std::vector<int64_t>& counts, const std::vector<double>& probs) {
  std::vector<int64_t> c;
  std::vector<double> p;
  if (!positive_groups(counts, probs, c, p)) return 0.0;
  int64_t n = 0;
  for (int64_t x : c) n += x;
  if (c.size() <= 1 || n == 0) return 1.0;

  Enumerator e;
  e.log_n_factorial = std::lgamma(double(n) + 1);
  double observed = e.log_n_factorial;
  for (size_t i = 0; i < c.size(); ++i) {
    std::vector<double> t(size_t(n) + 1);
    const double lp = std::log(p[i]);
    for (int64_t x = 0; x <= n; ++x) t[size_t(x)] = double(x) * lp - std::lgamma(double(x) + 1);
    observed += t[size_t(c[i])];
    e.term.push_back(std::move(t));
  }
  // Outcomes as likely as the observed one count too; the slack absorbs rounding.
  e.threshold = observed + 1e-7 * std::max(1.0, std::fabs(observed));
  e.walk(0, n, 0.0);
  return std::min(1.0, e.total);
}

double upper_regularized_gamma(double a, double x) {
  if (x <= 0) return 1.0;
  const double log_prefix = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1) {
    // Series for the lower function P(a, x); Q = 1 - P.
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < 1000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::fabs(term) < std::fabs(sum) * 1e-16) break;
    }
    return std::max(0.0, 1.0 - sum * std::exp(log_prefix));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-16) break;
  }
  return std::exp(log_prefix) * h;
}

double chi_square_sf(double x, double df) { return upper_regularized_gamma(df / 2, x / 2); }

GTestResult g_test_williams(const std::vector<int64_t>& counts, const std::vector<double>& probs) {
  GTestResult r;
  std::vector<int64_t> c;
  std::vector<double> p;
  if (!positive_groups(counts, probs, c, p)) {
    r.g = r.statistic = std::numeric_limits<double>::infinity();
    r.df = int(c.size()) - 1;
    r.p_value = 0;
    return r;
  }
  int64_t n = 0;
  for (int64_t x : c) n += x;
  const int k = int(c.size());
  r.df = k - 1;
  if (k <= 1 || n == 0) return r;
  for (int i = 0; i < k; ++i)
    if (c[size_t(i)] > 0) r.g += 2.0 * double(c[size_t(i)]) * std::log(double(c[size_t(i)]) / (double(n) * p[size_t(i)]));
  r.williams_q = 1.0 + double(k + 1) / (6.0 * double(n));
  r.statistic = std::max(0.0, r.g / r.williams_q);
  r.p_value = chi_square_sf(r.statistic, r.df);
  return r;
}

FitTest goodness_of_fit(const std::vector<int64_t>& counts, const std::vector<double>& probs, uint64_t exact_limit) {
  FitTest t;
  int groups = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    t.people += counts[i];
    if (probs[i] > 0) ++groups;
  }
  if (t.people == 0) {
    t.test = "none";
    t.note = "nobody sits at the table";
    return t;
  }
  if (groups <= 1) {
    t.test = "none";
    t.note = "the residents fall in a single generation";
    return t;
  }
  if (multinomial_outcome_count(t.people, groups) <= exact_limit) {
    t.test = "exact multinomial";
    t.p_value = exact_multinomial_p(counts, probs);
  } else {
    GTestResult g = g_test_williams(counts, probs);
    t.test = "G-test with Williams' correction";
    t.p_value = g.p_value;
    t.statistic = g.statistic;
  }
  t.note = t.p_value < 0.05
               ? fmt::format("p = {:.3g}: the table's generation mix differs from the residents' more than chance "
                             "would explain for a table of {} people",
                             t.p_value, t.people)
               : fmt::format("p = {:.3g}: for a table of {} people, the difference from the residents' mix is "
                             "within what chance would explain",
                             t.p_value, t.people);
  return t;
}

}  // namespace tablemap
