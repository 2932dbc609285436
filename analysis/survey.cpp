#include "analysis/survey.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include <fmt/format.h>

namespace tablemap {

std::optional<TieRule> parse_tie_rule(std::string_view s) {
  if (equals_ignore_case(trim(s), "union")) return TieRule::union_reports;
  if (equals_ignore_case(trim(s), "mutual")) return TieRule::mutual_reports;
  return std::nullopt;
}

std::optional<RatingRule> parse_rating_rule(std::string_view s) {
  if (equals_ignore_case(trim(s), "mean")) return RatingRule::mean;
  if (equals_ignore_case(trim(s), "min")) return RatingRule::min;
  if (equals_ignore_case(trim(s), "max")) return RatingRule::max;
  return std::nullopt;
}

std::vector<bool> responded_organizations(const Survey& survey, size_t organization_count) {
  std::vector<bool> responded(organization_count, false);
  for (const SurveyRespondent& r : survey.respondents)
    if (r.responded) responded[r.organization] = true;
  return responded;
}

namespace {

double combine(double x, double y, RatingRule rule) {
  switch (rule) {
    case RatingRule::mean: return (x + y) / 2;
    case RatingRule::min: return std::min(x, y);
    case RatingRule::max: return std::max(x, y);
  }
  return x;
}

double item_rating(uint8_t r) { return r == kNotAnswered ? kNoRating : double(r); }

// Mean of the rated items among `items`, or kNoRating.
template <class Items>
double mean_of(const std::array<double, kItemCount>& ratings, const Items& items) {
  double sum = 0;
  int n = 0;
  for (int i : items)
    if (has_rating(ratings[size_t(i)])) {
      sum += ratings[size_t(i)];
      ++n;
    }
  return n ? sum / n : kNoRating;
}

// Fills a tie's combined values from one or two answers.
void combine_answers(SurveyTie& tie, const SurveyAnswer* x, const SurveyAnswer* y, RatingRule rule) {
  if (!y) std::swap(x, y);  // one answer: y
  tie.kinds = TieKindSet(y->kinds | (x ? x->kinds : 0));
  tie.intensity = x ? combine(double(x->intensity), double(y->intensity), rule) : double(y->intensity);
  // A mean between two steps counts at the lower one (the step both sides have reached).
  tie.step = Intensity(int(std::floor(tie.intensity)));
  tie.strength = strength_of(tie.step);
  if (x && x->frequency && y->frequency)
    tie.frequency = Frequency(int(std::floor(combine(double(*x->frequency), double(*y->frequency), rule))));
  else
    tie.frequency = y->frequency ? y->frequency : x ? x->frequency : std::nullopt;
  for (size_t i = 0; i < kItemCount; ++i) {
    const double a = x ? item_rating(x->items[i]) : kNoRating, b = item_rating(y->items[i]);
    tie.items[i] = has_rating(a) && has_rating(b) ? combine(a, b, rule) : has_rating(a) ? a : b;
  }
  tie.trust = mean_of(tie.items, kTrustItems);
  tie.value = mean_of(tie.items, kValueItems);
}

uint64_t pair_key(uint32_t a, uint32_t b) { return (uint64_t(std::min(a, b)) << 32) | std::max(a, b); }

}  // namespace

SurveyTies survey_ties(const Survey& survey, size_t organization_count, const SurveyOptions& options) {
  const std::vector<bool> responded = responded_organizations(survey, organization_count);
  SurveyTies out;
  std::unordered_map<uint64_t, size_t> pair_index;
  pair_index.reserve(survey.answers.size());
  for (size_t i = 0; i < survey.answers.size(); ++i) {
    const SurveyAnswer& ans = survey.answers[i];
    auto [it, fresh] = pair_index.emplace(pair_key(ans.respondent, ans.partner), out.ties.size());
    if (fresh) {
      SurveyTie t;
      t.a = std::min(ans.respondent, ans.partner);
      t.b = std::max(ans.respondent, ans.partner);
      out.ties.push_back(t);
    }
    SurveyTie& t = out.ties[it->second];
    (ans.respondent == t.a ? t.answer_of_a : t.answer_of_b) = int64_t(i);
  }
  std::vector<SurveyTie> kept;
  kept.reserve(out.ties.size());
  for (SurveyTie& t : out.ties) {
    const SurveyAnswer* x = t.answer_of_a >= 0 ? &survey.answers[size_t(t.answer_of_a)] : nullptr;
    const SurveyAnswer* y = t.answer_of_b >= 0 ? &survey.answers[size_t(t.answer_of_b)] : nullptr;
    t.confirmed = x && y;
    // One-sided: is the silent side someone who answered the survey?
    const bool silent_answered = !t.confirmed && responded[x ? t.b : t.a];
    if (silent_answered && options.ties == TieRule::mutual_reports) {
      ++out.one_sided_dropped;
      continue;
    }
    combine_answers(t, x, y, options.ratings);
    kept.push_back(t);
  }
  std::sort(kept.begin(), kept.end(), [](const SurveyTie& p, const SurveyTie& q) {
    return std::pair(p.a, p.b) < std::pair(q.a, q.b);
  });
  out.ties = std::move(kept);
  return out;
}

const std::vector<std::string>& survey_tie_columns() {
  static const std::vector<std::string> columns = {
      "intensity",       "frequency",        "trust",           "value",           "intensity_by_source",
      "intensity_by_target", "trust_by_source", "trust_by_target", "value_by_source", "value_by_target"};
  return columns;
}

namespace {

// 2.5, 3.33, 4: at most two decimals, no trailing zeros.
std::string number_cell(double v) {
  if (!has_rating(v)) return "";
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// One side's trust or value of the other, from its answer.
double side_mean(const Survey& survey, int64_t answer, const int (&items)[3]) {
  if (answer < 0) return kNoRating;
  std::array<double, kItemCount> r;
  for (size_t i = 0; i < kItemCount; ++i) r[i] = item_rating(survey.answers[size_t(answer)].items[i]);
  return mean_of(r, items);
}

std::string side_intensity(const Survey& survey, int64_t answer) {
  return answer < 0 ? "" : std::to_string(int(survey.answers[size_t(answer)].intensity));
}

}  // namespace

Community apply_survey(const Community& community, const Survey& survey, const SurveyTies& ties, bool replace_ties) {
  Community out = community;
  const size_t n = community.organizations.size();
  const std::vector<bool> responded = responded_organizations(survey, n);

  // The survey's columns go after the community's own; a column already
  // there (a second import) is reused.
  std::vector<std::string> columns = community.ties.extra_columns();
  std::vector<size_t> slot;
  for (const std::string& name : survey_tie_columns()) {
    auto it = std::find_if(columns.begin(), columns.end(), [&](const std::string& c) { return equals_ignore_case(c, name); });
    slot.push_back(size_t(it - columns.begin()));
    if (it == columns.end()) columns.push_back(name);
  }

  // What the rows the survey replaces held: their kinds, and the cells of
  // the coalition's own columns (notes...), which the survey's rows carry on
  // (distinct values of several rows joined by "; ") so nothing typed is lost.
  std::unordered_map<uint64_t, TieKindSet> kinds_before;
  std::unordered_map<uint64_t, std::vector<std::string>> cells_before;
  std::vector<bool> is_slot(columns.size());
  for (size_t s : slot) is_slot[s] = true;
  std::vector<Tie> rows;
  for (const Tie& t : community.ties) {
    const bool covered = responded[t.source] || responded[t.target];
    if (covered) {
      TieKindSet& k = kinds_before[pair_key(t.source, t.target)];
      k = TieKindSet(k | (1u << int(t.kind)));
      std::vector<std::string>& cells = cells_before[pair_key(t.source, t.target)];
      cells.resize(columns.size());
      for (size_t c = 0; c < t.extra.size() && c < columns.size(); ++c) {
        const std::string& v = t.extra[c];
        if (is_slot[c] || v.empty()) continue;
        if (cells[c].empty()) cells[c] = v;
        else if (("; " + cells[c] + "; ").find("; " + v + "; ") == std::string::npos) cells[c] += "; " + v;
      }
    }
    if (covered || replace_ties) continue;
    Tie kept = t;
    kept.extra.resize(columns.size());  // new columns: empty cells, which the writer pads a typed row with
    bool cleared = false;
    for (size_t s : slot) {
      cleared = cleared || !kept.extra[s].empty();
      kept.extra[s].clear();  // quality the survey did not measure
    }
    // A row that lost a quality of an earlier import is written from its
    // values; an unchanged one keeps the text as typed.
    if (cleared) kept.typed_text.forget_row();
    rows.push_back(std::move(kept));
  }
  for (const SurveyTie& t : ties.ties) {
    Tie row;
    row.source = t.a;
    row.target = t.b;
    row.strength = t.strength;
    row.directed = false;
    row.confirmed = t.confirmed;
    auto kept_cells = cells_before.find(pair_key(t.a, t.b));
    if (kept_cells != cells_before.end()) row.extra = kept_cells->second;
    row.extra.resize(columns.size());
    const std::string cells[] = {number_cell(t.intensity),
                                 t.frequency ? std::string(to_string(*t.frequency)) : "",
                                 number_cell(t.trust),
                                 number_cell(t.value),
                                 side_intensity(survey, t.answer_of_a),
                                 side_intensity(survey, t.answer_of_b),
                                 number_cell(side_mean(survey, t.answer_of_a, kTrustItems)),
                                 number_cell(side_mean(survey, t.answer_of_b, kTrustItems)),
                                 number_cell(side_mean(survey, t.answer_of_a, kValueItems)),
                                 number_cell(side_mean(survey, t.answer_of_b, kValueItems))};
    for (size_t c = 0; c < slot.size(); ++c) row.extra[slot[c]] = cells[c];
    TieKindSet kinds = t.kinds;
    if (!kinds) {
      auto before = kinds_before.find(pair_key(t.a, t.b));
      kinds = before != kinds_before.end() ? before->second : TieKindSet(1u << int(TieKind::information));
    }
    for (int k = 0; k < kTieKindCount; ++k)
      if ((kinds >> k) & 1u) {
        row.kind = TieKind(k);
        rows.push_back(row);
      }
  }
  out.ties.edit() = std::move(rows);
  out.ties.edit_extra_columns() = std::move(columns);
  return out;
}

SurveyScores score_survey(const Community& community, const Survey& survey, const SurveyTies& ties,
                          const SurveyOptions& options) {
  SurveyScores s;
  s.options = options;
  const size_t n = community.organizations.size();
  std::vector<bool> asked(n, false);
  std::vector<SectorResponse> per_sector(community.profile.sectors.size());
  for (const SurveyRespondent& r : survey.respondents) {
    asked[r.organization] = true;
    SectorResponse& sector = per_sector[community.organizations[r.organization].sector];
    ++sector.asked;
    ++s.asked;
    if (r.responded) {
      ++sector.responded;
      ++s.responded;
      s.respondents.push_back(r.organization);
      for (int c = 0; c < kContributionCount; ++c) s.contributes[size_t(c)] += r.contributes_to(Contribution(c));
      if (r.most_important) ++s.most_important[size_t(*r.most_important)];
    } else {
      s.non_respondents.push_back(r.organization);
    }
  }
  s.response_rate = s.asked ? double(s.responded) / double(s.asked) : 0;
  for (size_t i = 0; i < per_sector.size(); ++i)
    if (per_sector[i].asked) {
      per_sector[i].sector = SectorId(i);
      s.sectors.push_back(per_sector[i]);
    }

  // Sums of item ratings received, per organization: trust and value.
  struct Sums { double trust = 0, value = 0; size_t trust_n = 0, value_n = 0, rated = 0, named = 0; };
  std::vector<Sums> received(n);
  double trust_sum = 0, value_sum = 0;
  for (const SurveyAnswer& a : survey.answers) {
    Sums& to = received[a.partner];
    ++to.named;
    bool rated = false;
    for (int i : kTrustItems)
      if (a.items[size_t(i)] != kNotAnswered) {
        to.trust += a.items[size_t(i)];
        ++to.trust_n;
        rated = true;
      }
    for (int i : kValueItems)
      if (a.items[size_t(i)] != kNotAnswered) {
        to.value += a.items[size_t(i)];
        ++to.value_n;
        rated = true;
      }
    to.rated += rated;
  }
  for (uint32_t o = 0; o < n; ++o) {
    const Sums& r = received[o];
    if (!asked[o] && !r.named) continue;
    OrganizationScore score;
    score.organization = o;
    score.asked = asked[o];
    score.trust = r.trust_n ? r.trust / double(r.trust_n) : kNoRating;
    score.value = r.value_n ? r.value / double(r.value_n) : kNoRating;
    score.ratings_received = r.rated;
    score.named_by = r.named;
    trust_sum += r.trust;
    value_sum += r.value;
    s.trust_ratings += r.trust_n;
    s.value_ratings += r.value_n;
    s.organizations.push_back(score);
  }
  const std::vector<bool> responded = responded_organizations(survey, n);
  for (OrganizationScore& score : s.organizations) score.responded = responded[score.organization];
  s.trust = s.trust_ratings ? trust_sum / double(s.trust_ratings) : kNoRating;
  s.value = s.value_ratings ? value_sum / double(s.value_ratings) : kNoRating;

  for (const SurveyTie& t : ties.ties) {
    ++s.ties;
    (t.confirmed ? s.mutual_ties : s.one_sided_ties) += 1;
    ++s.ladder[size_t(t.step) - 1];
    s.ties_among_asked += asked[t.a] && asked[t.b];
  }
  const double pairs = double(s.asked) * double(s.asked - (s.asked > 0)) / 2;
  s.density = pairs > 0 ? double(s.ties_among_asked) / pairs : 0;
  return s;
}

namespace {

// A survey number cell ("2.5", "3"), or kNoRating.
double number_of(const std::string& cell) {
  const std::string_view t = trim(cell);
  if (t.empty()) return kNoRating;
  char* end = nullptr;
  const std::string text(t);
  const double v = std::strtod(text.c_str(), &end);
  return end && *end == '\0' && v >= 1 && v <= 4 ? v : kNoRating;
}

// Index of a survey column among the ties' extra columns, or -1.
int survey_column(const Community& community, std::string_view name) {
  const auto& columns = community.ties.extra_columns();
  for (size_t c = 0; c < columns.size(); ++c)
    if (word_key(columns[c]) == word_key(name)) return int(c);
  return -1;
}

}  // namespace

bool has_survey_columns(const Community& community) {
  return survey_column(community, "intensity") >= 0 || survey_column(community, "trust") >= 0 ||
         survey_column(community, "value") >= 0;
}

std::vector<TieQuality> tie_qualities(const Community& community) {
  std::vector<TieQuality> out;
  if (!has_survey_columns(community)) return out;
  static const char* kNames[] = {"intensity", "trust", "value", "trust_by_source", "trust_by_target",
                                 "value_by_source", "value_by_target"};
  int columns[7];
  for (int f = 0; f < 7; ++f) columns[f] = survey_column(community, kNames[f]);
  out.resize(community.ties.size());
  for (size_t i = 0; i < community.ties.size(); ++i) {
    const auto& extra = community.ties[i].extra;
    TieQuality& q = out[i];
    double* fields[7] = {&q.intensity, &q.trust, &q.value, &q.trust_by_source, &q.trust_by_target,
                         &q.value_by_source, &q.value_by_target};
    for (int f = 0; f < 7; ++f)
      if (columns[f] >= 0 && size_t(columns[f]) < extra.size()) *fields[f] = number_of(extra[size_t(columns[f])]);
  }
  return out;
}

IntensityWeights weigh_by_intensity(Network& network, const Community& community) {
  const auto& rels = network.relationships();
  std::unordered_map<uint64_t, uint32_t> index;
  index.reserve(rels.size());
  for (uint32_t r = 0; r < rels.size(); ++r) index.emplace((uint64_t(rels[r].a) << 32) | rels[r].b, r);
  std::vector<uint8_t> twice(rels.size(), 0);
  const std::vector<TieQuality> quality = tie_qualities(community);
  for (size_t i = 0; i < quality.size(); ++i) {
    if (!has_rating(quality[i].intensity)) continue;
    const Tie& t = community.ties[i];
    auto it = index.find((uint64_t(std::min(t.source, t.target)) << 32) | std::max(t.source, t.target));
    if (it == index.end()) continue;
    const auto halves = uint8_t(std::clamp(std::lround(quality[i].intensity * 2), 2L, 8L));
    twice[it->second] = std::max(twice[it->second], halves);
  }
  IntensityWeights out;
  for (uint32_t r = 0; r < rels.size(); ++r) {
    if (twice[r]) {
      ++out.with_intensity;
      network.set_weight2(r, twice[r]);
    } else {
      ++out.by_strength;
      network.set_weight2(r, uint8_t(2 * (std::clamp<int>(rels[r].strength, 1, 3) + 1)));
    }
  }
  return out;
}

SurveyTieSummary summarize_survey_ties(const Community& community) {
  SurveyTieSummary out;
  const std::vector<TieQuality> quality = tie_qualities(community);
  struct Pair {
    double intensity = kNoRating, trust = kNoRating, value = kNoRating;
    bool confirmed = false;
  };
  std::unordered_map<uint64_t, Pair> pairs;
  for (size_t i = 0; i < quality.size(); ++i) {
    if (!has_rating(quality[i].intensity)) continue;
    const Tie& t = community.ties[i];
    Pair& p = pairs[(uint64_t(std::min(t.source, t.target)) << 32) | std::max(t.source, t.target)];
    // A pair's rows (one per kind) carry the same quality; the first one with a value gives it.
    if (!has_rating(p.intensity) || quality[i].intensity > p.intensity) p.intensity = quality[i].intensity;
    if (!has_rating(p.trust)) p.trust = quality[i].trust;
    if (!has_rating(p.value)) p.value = quality[i].value;
    p.confirmed = p.confirmed || t.confirmed;
  }
  double trust = 0, value = 0;
  for (const auto& [key, p] : pairs) {
    ++out.ties;
    out.confirmed += p.confirmed;
    ++out.ladder[size_t(std::clamp(int(std::floor(p.intensity)), 1, kIntensityCount) - 1)];
    if (has_rating(p.trust)) trust += p.trust, ++out.trust_ties;
    if (has_rating(p.value)) value += p.value, ++out.value_ties;
  }
  if (out.trust_ties) out.trust = trust / double(out.trust_ties);
  if (out.value_ties) out.value = value / double(out.value_ties);
  return out;
}

NetworkSurveyQuality network_survey_quality(const Community& community, const Network& network) {
  NetworkSurveyQuality out;
  const std::vector<TieQuality> quality = tie_qualities(community);
  if (quality.empty()) return out;
  const auto& rels = network.relationships();
  std::unordered_map<uint64_t, uint32_t> index;
  index.reserve(rels.size());
  for (uint32_t r = 0; r < rels.size(); ++r) index.emplace((uint64_t(rels[r].a) << 32) | rels[r].b, r);
  const float none = std::numeric_limits<float>::quiet_NaN();
  out.intensity.assign(rels.size(), none);
  out.trust.assign(rels.size(), none);
  const size_t n = community.organizations.size();
  std::vector<double> trust_sum(n, 0), value_sum(n, 0);
  std::vector<uint32_t> trust_count(n, 0), value_count(n, 0);
  std::vector<uint8_t> rated(rels.size(), 0);  // a pair's rows (one per kind) repeat its ratings: count them once
  for (size_t i = 0; i < quality.size(); ++i) {
    const Tie& t = community.ties[i];
    auto it = index.find((uint64_t(std::min(t.source, t.target)) << 32) | std::max(t.source, t.target));
    if (it == index.end()) continue;
    const uint32_t r = it->second;
    const TieQuality& q = quality[i];
    if (has_rating(q.intensity) && !(q.intensity <= out.intensity[r])) out.intensity[r] = float(q.intensity);
    if (has_rating(q.trust) && std::isnan(out.trust[r])) out.trust[r] = float(q.trust);
    if (rated[r]) continue;
    const bool any = has_rating(q.trust_by_source) || has_rating(q.trust_by_target) ||
                     has_rating(q.value_by_source) || has_rating(q.value_by_target);
    if (!any) continue;
    rated[r] = 1;
    // The source received what the target said of it (*_by_target), and the other way round.
    auto add = [](std::vector<double>& sum, std::vector<uint32_t>& count, uint32_t org, double v) {
      if (has_rating(v)) sum[org] += v, ++count[org];
    };
    add(trust_sum, trust_count, t.source, q.trust_by_target);
    add(trust_sum, trust_count, t.target, q.trust_by_source);
    add(value_sum, value_count, t.source, q.value_by_target);
    add(value_sum, value_count, t.target, q.value_by_source);
  }
  out.trust_received.assign(n, none);
  out.value_received.assign(n, none);
  for (size_t v = 0; v < n; ++v) {
    if (trust_count[v]) out.trust_received[v] = float(trust_sum[v] / trust_count[v]);
    if (value_count[v]) out.value_received[v] = float(value_sum[v] / value_count[v]);
  }
  return out;
}

}  // namespace tablemap
