#include "analysis/headlines.hpp"

#include <fmt/format.h>

#include "analysis/metrics_report.hpp"
#include "analysis/report_text.hpp"
#include "analysis/structure.hpp"

namespace tablemap {

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

namespace {

std::string sentence(std::string text) { return capitalized(std::move(text)) + "."; }

std::string generation_word(Generation g) {
  switch (g) {
    case Generation::silent: return "the silent generation";
    case Generation::boomers: return "boomers";
    case Generation::gen_x: return "gen X";
    case Generation::millennials: return "millennials";
    case Generation::gen_z: return "gen Z";
    case Generation::gen_alpha: return "gen alpha";
  }
  return std::string(to_string(g));
}

}  // namespace

std::string gaps_headline(const GapReport& r) {
  std::vector<std::string> sentences;
  std::vector<std::string> missing, closest, under;
  for (const SectorRow& s : r.sectors) {
    if (!s.required || s.status == GapStatus::ok) continue;
    if (s.status == GapStatus::missing) {
      missing.push_back(s.name);
      if (!s.candidates.empty()) closest.push_back(fmt::format("{} for {}", s.candidates.front().name, s.name));
    } else {
      under.push_back(fmt::format("{} has {} of the {} seats it needs", s.name, s.seats, s.min_seats));
    }
  }
  if (!missing.empty()) {
    std::string s = join_and(missing) + (missing.size() == 1 ? " has" : " have") + " no seat";
    if (!closest.empty()) s += "; the closest " + noun(int64_t(closest.size()), "candidate") + ": " + join_and(closest);
    sentences.push_back(sentence(s));
  }
  for (const std::string& u : under) sentences.push_back(sentence(u));
  std::vector<std::string> gens_missing, gens_under;
  for (const GenerationRow& g : r.generations) {
    if (!g.seated) continue;
    if (g.status == GapStatus::missing) gens_missing.push_back(generation_word(g.generation));
    if (g.status == GapStatus::under) gens_under.push_back(generation_word(g.generation));
  }
  if (!gens_missing.empty())
    sentences.push_back(sentence(join_and(gens_missing) + (gens_missing.size() == 1 ? " has" : " have") +
                                 " nobody at the table"));
  if (!gens_under.empty())
    sentences.push_back(sentence(join_and(gens_under) + (gens_under.size() == 1 ? " is" : " are") +
                                 " under-represented against the residents"));
  if (missing.empty() && under.empty() && gens_missing.empty())
    sentences.push_back("Every key sector and every seated generation has someone at the table.");
  auto gap_words = [&](const GapRef& g) {
    return g.kind == GapRef::Kind::sector ? r.sectors[g.index].name : generation_word(Generation(g.index));
  };
  if (!r.invite_plan.invitees.empty()) {
    std::vector<std::string> names, closed;
    for (const PlanInvitee& inv : r.invite_plan.invitees) names.push_back(inv.candidate.name);
    for (const GapRef& g : r.invite_plan.closed) closed.push_back(gap_words(g));
    sentences.push_back(fmt::format("Inviting {} ({}) would close the gap{} for {}.",
                                    count_of(int64_t(names.size()), "candidate"), join_limited(names, 4),
                                    closed.size() == 1 ? "" : "s", join_and(closed)));
  }
  std::vector<std::string> open;
  for (const UnclosableGap& g : r.invite_plan.cannot_close)
    if (g.gap.kind == GapRef::Kind::generation || r.sectors[g.gap.index].required) open.push_back(gap_words(g.gap));
  if (!open.empty())
    sentences.push_back(sentence(fmt::format("nobody in the data can fully close the gap{} for {}: look beyond the "
                                             "current network",
                                             open.size() == 1 ? "" : "s", join_and(open))));
  std::vector<std::string> failing;
  for (const ReadinessCheck& c : r.readiness)
    if (!c.pass) failing.push_back("\"" + c.criterion + "\"");
  sentences.push_back(failing.empty() ? "Ready: every entry criterion passes."
                                      : fmt::format("Not ready yet: {} {}.", join_and(failing),
                                                    failing.size() == 1 ? "fails" : "fail"));
  return join(sentences, " ");
}

std::string roles_headline(const RoleReport& r, const Community& c) {
  std::vector<std::string> sentences;
  const BackboneVerdict v = identified_backbone(r, c);
  sentences.push_back(v.pass ? sentence("the backbone is identified: " + v.evidence)
                             : sentence("the backbone is not settled: " + v.evidence));
  for (const BackboneLoad& l : r.load_concentration)
    sentences.push_back(fmt::format("{} claims the whole backbone of {}: check it has the capacity.",
                                    org_name(c, l.organization), count_of(int64_t(l.issue_areas.size()), "issue area")));
  if (r.anchor_status == HowMany::one)
    sentences.push_back(fmt::format("The anchor is {}.", org_name(c, r.anchors.front())));
  else if (r.anchor_status == HowMany::none)
    sentences.push_back("No anchor is named (the entity that hosts backbone staff and acts as fiscal agent).");
  else
    sentences.push_back(fmt::format("{} hold the anchor role ({}); a partnership should agree on one.",
                                    count_of(int64_t(r.anchors.size()), "organization"),
                                    join_and(org_names(c, r.anchors))));
  return join(sentences, " ");
}

std::string what_if_headline(const WhatIfReport& r, const Community& c) {
  std::string who = join_and(org_names(c, r.removed));
  std::vector<std::string> changes;
  if (!r.lost_from_table.empty())
    changes.push_back(fmt::format("the table could no longer reach {} ({})",
                                  count_of(int64_t(r.lost_from_table.size()), "organization"),
                                  r.lost_from_table.size() <= 3 ? join_and(org_names(c, r.lost_from_table))
                                                                : join_limited(org_names(c, r.lost_from_table), 3)));
  if (!r.sectors_out_of_reach.empty())
    changes.push_back(join_and(sector_names(c, r.sectors_out_of_reach)) + " would be out of its reach");
  if (!r.sectors_cut_off.empty())
    changes.push_back(join_and(sector_names(c, r.sectors_cut_off)) + " would keep no tie to another sector");
  if (r.after.components > r.before.components)
    changes.push_back(fmt::format("the network would fall from {} into {}", count_of(r.before.components, "separate part"),
                                  r.after.components));
  if (r.after.cross_sector_ties < r.before.cross_sector_ties)
    changes.push_back(fmt::format("cross-sector ties would drop from {} to {}", r.before.cross_sector_ties,
                                  r.after.cross_sector_ties));
  if (changes.empty())
    return fmt::format("If {} left, the network would stay as connected as it is: the table would still reach "
                       "everyone it reaches now.",
                       who);
  return fmt::format("If {} left: {}.", who, join(changes, "; "));
}

std::string what_if_legend() {
  return "What the lines mean:\n"
         "  separate parts: groups of organizations with no tie between the groups\n"
         "  largest part: organizations in the biggest of them\n"
         "  reached from the table: organizations linked to the table by some chain of ties, the table included\n"
         "  cross-sector ties: ties between organizations of different primary sectors\n";
}

std::string summary_headline(const CommunitySummary& s) {
  std::string out = fmt::format("{} holds {} and {}; {} and {} sit at the table.",
                                s.name.empty() ? std::string("This community") : s.name,
                                count_of(int64_t(s.organizations), "organization"),
                                count_of(int64_t(s.people), "person", "people"),
                                count_of(int64_t(s.organizations_at_table), "organization"),
                                count_of(int64_t(s.people_at_table), "person", "people"));
  std::vector<std::string> empty_sectors;
  for (const SectorCount& sc : s.sectors)
    if (sc.required && sc.organizations_at_table == 0) empty_sectors.push_back(sc.sector);
  if (!empty_sectors.empty())
    out += " " + sentence(join_and(empty_sectors) + (empty_sectors.size() == 1 ? " has" : " have") +
                          " no organization at the table (tablemap gaps says whom to invite)");
  if (s.isolated_organizations)
    out += fmt::format(" {} no tie to anyone.", s.isolated_organizations == 1
                                                      ? std::string("1 organization has")
                                                      : fmt::format("{} organizations have", s.isolated_organizations));
  return out;
}

std::string metrics_headline(const NetworkMetrics& m, const Community& c) {
  const NetworkSummary& s = m.summary;
  std::vector<std::string> sentences;
  if (s.component_sizes.size() <= 1)
    sentences.push_back(fmt::format("The {} form one connected network.", count_of(s.organizations, "organization")));
  else
    sentences.push_back(fmt::format("The {} fall into {} with no tie between them (the largest has {}{}).",
                                    count_of(s.organizations, "organization"),
                                    count_of(int64_t(s.component_sizes.size()), "part"), s.component_sizes[0],
                                    s.isolates ? fmt::format("; {} no tie at all", s.isolates == 1
                                                                                        ? std::string("1 organization has")
                                                                                        : fmt::format("{} organizations have", s.isolates))
                                               : std::string()));
  // Only what was computed (--measures) is said: no "no silo" without communities.
  const MeasureSet& has = m.measured;
  const bool silos_sought = has.has(Measure::communities);
  if (silos_sought && m.silos.empty()) {
    sentences.push_back("No silo: no group of organizations keeps its ties within one or two sectors.");
  } else if (silos_sought) {
    std::vector<std::string> silos;
    for (const Silo& silo : m.silos)
      silos.push_back(fmt::format("{} ({})", join_and(sector_names(c, silo.sectors)),
                                  join_limited(org_names(c, silo_members(m, silo)), 3)));
    sentences.push_back(fmt::format("{} {} within {}{}: {}.", count_of(int64_t(m.silos.size()), "silo"),
                                    m.silos.size() == 1 ? "keeps its ties" : "keep their ties",
                                    "one or two sectors", "", join(silos, "; ")));
  }
  for (size_t i = 0; i < m.single_points.size() && i < 2; ++i) {
    const SinglePointOfFailure& f = m.single_points[i];
    sentences.push_back(fmt::format("Without {}, {} would lose contact with the rest.", org_name(c, f.organization),
                                    count_of(f.cut_off, "organization")));
  }
  size_t cutting = 0;
  for (const Broker& b : m.brokers) {
    if (b.sectors_cut_off.empty()) continue;
    if (++cutting > 3) continue;
    sentences.push_back(fmt::format("Without {}, {} would keep no tie to any other sector.", org_name(c, b.organization),
                                    join_and(sector_names(c, b.sectors_cut_off))));
  }
  if (cutting > 3)
    sentences.push_back(fmt::format("{} more would cut a sector off (see Brokers).",
                                    count_of(int64_t(cutting - 3), "organization")));
  if (has.has(Measure::articulation) && has.has(Measure::brokers) && m.single_points.empty() && m.brokers.empty())
    sentences.push_back("No single organization's departure would cut anyone off or lengthen paths.");
  return join(sentences, " ");
}

}  // namespace tablemap
