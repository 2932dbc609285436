// The two written forms of a GapReport: --json and the text report.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/gaps.hpp"
#include "analysis/headlines.hpp"
#include "analysis/report_text.hpp"

namespace tablemap {

namespace {

nlohmann::json candidate_json(const Candidate& c) {
  nlohmann::json j = {{"id", c.id},
                      {"kind", c.kind == Candidate::Kind::organization ? "organization" : "person"},
                      {"name", c.name},
                      {"ties_to_table", c.ties_to_table},
                      {"tie_strength", c.tie_strength},
                      {"unconfirmed_ties_to_table", c.unconfirmed_ties},
                      {"sector", c.sector}};
  if (c.kind == Candidate::Kind::person) {
    j["generation"] = c.generation ? nlohmann::json(to_string(*c.generation)) : nlohmann::json();
    j["organization"] = c.organization.empty() ? nlohmann::json() : nlohmann::json(c.organization);
    j["organization_name"] = c.organization.empty() ? nlohmann::json() : nlohmann::json(c.organization_name);
  } else {
    j["contacts"] = c.contacts;
    j["contact_names"] = c.contact_names;
  }
  return j;
}

constexpr const char* kOneSidedNote =
    "one-sided: a tie to the table that the partner survey heard from only one of the two partners "
    "(confirmed: no); check it with both before counting on it for an introduction.";

// "3", or "3 (1 one-sided)" when a survey heard some of those ties from one side only.
std::string ties_cell(const Candidate& c) {
  if (c.unconfirmed_ties == 0) return std::to_string(c.ties_to_table);
  return fmt::format("{} ({} one-sided)", c.ties_to_table, c.unconfirmed_ties);
}

}  // namespace

std::string ties_to_table_text(const Candidate& c) {
  if (c.ties_to_table == 0) return "no tie to the table";
  std::string out = plural(c.ties_to_table, "tie", "ties") + " to the table";
  if (c.unconfirmed_ties > 0) out += fmt::format(" ({} one-sided)", c.unconfirmed_ties);
  return out;
}

namespace {

nlohmann::json candidates_json(const std::vector<Candidate>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Candidate& c : list) out.push_back(candidate_json(c));
  return out;
}

template <class T>
nlohmann::json optional_json(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// aligned, percent and plural: analysis/report_text.hpp.

std::string candidate_kind(const Candidate& c) {
  if (c.kind == Candidate::Kind::organization) return "organization, " + c.sector;
  std::string s = "person";
  if (c.generation) s += ", " + std::string(to_string(*c.generation));
  if (!c.organization.empty()) s += ", of " + (c.organization_name.empty() ? c.organization : c.organization_name);
  return s;
}

std::string sector_gap_line(const SectorRow& s) {
  std::string head = fmt::format("{} sector \"{}\": ", s.required ? "Key" : "Optional", s.name);
  std::string what = s.status == GapStatus::missing
                         ? "no seat"
                         : fmt::format("{} of the {} seats it needs", s.seats, s.min_seats);
  std::string offer = s.candidate_count ? fmt::format(" ({} outside the table could close it)", s.candidate_count)
                                        : " (nobody in the network could close it)";
  return head + what + offer;
}

std::string served_line(const GenerationRow& g) {
  std::string head = fmt::format("{} is not expected at a leadership table (seated_generations): ", to_string(g.generation));
  if (g.served_by_count == 0) return head + "no organization lists it in generations_served";
  std::string names = join_and(g.served_by_names);
  if (g.served_by_count > g.served_by_names.size())
    names = join(g.served_by_names) + fmt::format(" and {} more", g.served_by_count - g.served_by_names.size());
  return head + fmt::format("served by {}: {}", count_of(int64_t(g.served_by_count), "organization"), names);
}

std::string generation_gap_line(const GenerationRow& g) {
  std::string head = fmt::format("Generation {}: ", to_string(g.generation));
  if (g.status == GapStatus::missing)
    head += g.resident_share ? fmt::format("nobody at the table ({} of the residents)", percent(*g.resident_share))
                             : "nobody at the table";
  else
    head += fmt::format("under-represented ({} of the table, {} of the residents; ratio {:.2f})",
                        percent(g.table_share), percent(g.resident_share.value_or(0)), g.ratio.value_or(0));
  if (g.through_organizations) return head + "; nobody of it in the network: reach it through organizations that serve it";
  if (g.needed > 1) head += fmt::format("; {} more people of it needed", g.needed);
  return head;
}

}  // namespace

std::string table_line(const TableSummary& t) {
  std::vector<std::string> parts;
  if (t.affiliated) parts.push_back(fmt::format("{} for {}", count_of(t.affiliated, "person", "people"),
                                                count_of(t.organizations_with_people, "organization")));
  if (t.unaffiliated) parts.push_back(fmt::format("{} on their own", count_of(t.unaffiliated, "person", "people")));
  if (t.organizations_without_people)
    parts.push_back(fmt::format("{} with nobody named at the table", count_of(t.organizations_without_people, "organization")));
  std::string out = fmt::format("At the table: {} and {}", count_of(t.people, "person", "people"),
                                count_of(t.organizations, "organization"));
  if (!parts.empty()) out += " (" + join(parts, ", ") + ")";
  out += fmt::format("; {} and {}; {}", count_of(t.formal_leaders, "formal leader"),
                     count_of(t.informal_leaders, "informal leader"),
                     t.non_residents == 0 ? std::string("all live in the community")
                                          : fmt::format("{} in the community, {} elsewhere",
                                                        count_of(t.residents, "lives", "live"), t.non_residents));
  if (t.unknown_generation) out += fmt::format("; {} of unknown generation", count_of(t.unknown_generation, "person", "people"));
  return out;
}

std::string unknown_generation_line(const TableSummary& t) {
  if (t.unknown_generation_people.empty()) return "";
  std::vector<std::string> names;
  for (const TableSummary::NamedPerson& p : t.unknown_generation_people)
    names.push_back(p.organization_name.empty() ? p.name : p.name + " (" + p.organization_name + ")");
  return fmt::format("Generation unknown for {}: {}. They count at the table but in no generation; give a birth "
                     "year or a generation in people.csv to count them.",
                     count_of(int64_t(names.size()), "person", "people"), join(names, ", "));
}

nlohmann::json to_json(const GapReport& r) {
  nlohmann::json j;
  j["community"] = r.community;
  j["headline"] = gaps_headline(r);
  j["ready"] = r.ready();
  j["thresholds"] = {{"min_per_required_sector", r.min_per_required_sector},
                     {"generation_ratio_floor", r.generation_ratio_floor}};
  j["table"] = {{"people", r.table.people},
                {"organizations", r.table.organizations},
                {"formal_leaders", r.table.formal_leaders},
                {"informal_leaders", r.table.informal_leaders},
                {"residents", r.table.residents},
                {"non_residents", r.table.non_residents},
                {"unaffiliated", r.table.unaffiliated},
                {"affiliated", r.table.affiliated},
                {"organizations_with_people", r.table.organizations_with_people},
                {"organizations_without_people", r.table.organizations_without_people},
                {"unknown_generation", r.table.unknown_generation}};
  j["table"]["unknown_generation_people"] = nlohmann::json::array();
  for (const TableSummary::NamedPerson& p : r.table.unknown_generation_people)
    j["table"]["unknown_generation_people"].push_back(
        {{"id", p.id}, {"name", p.name}, {"organization_name", p.organization_name}});
  j["sectors"] = nlohmann::json::array();
  for (const SectorRow& s : r.sectors)
    j["sectors"].push_back({{"sector", s.name},
                            {"required", s.required},
                            {"status", to_string(s.status)},
                            {"seats", s.seats},
                            {"min_seats", s.min_seats},
                            {"people_at_table", s.people_at_table},
                            {"organizations", s.organizations},
                            {"secondary_only", s.secondary_only},
                            {"candidate_count", s.candidate_count},
                            {"candidates", candidates_json(s.candidates)}});
  j["generations"] = nlohmann::json::array();
  for (const GenerationRow& g : r.generations)
    j["generations"].push_back({{"generation", to_string(g.generation)},
                                {"status", g.seated ? std::string(to_string(g.status)) : std::string("served")},
                                {"seated", g.seated},
                                {"served_by_count", g.served_by_count},
                                {"served_by", g.served_by_names},
                                {"at_table", g.at_table},
                                {"table_share", g.table_share},
                                {"residents", optional_json(g.residents)},
                                {"resident_share", optional_json(g.resident_share)},
                                {"ratio", optional_json(g.ratio)},
                                {"needed", g.needed},
                                {"through_organizations", g.through_organizations},
                                {"candidate_count", g.candidate_count},
                                {"candidates", candidates_json(g.candidates)}});
  const FitTest& fit = r.generation_fit;
  j["generation_fit"] = {{"test", fit.test},
                         {"p_value", fit.test == "none" ? nlohmann::json() : nlohmann::json(fit.p_value)},
                         {"statistic", fit.statistic},
                         {"people", fit.people},
                         {"verdict", to_string(r.fit_verdict)},
                         {"min_expected", r.fit_min_expected},
                         {"min_expected_rule", kFitMinExpected},
                         {"note", fit.note}};
  j["sector_generation"] = nlohmann::json::array();
  for (size_t s = 0; s < r.sector_generation.size(); ++s) {
    nlohmann::json counts = nlohmann::json::object();
    for (Generation g : kAllGenerations) counts[std::string(to_string(g))] = r.sector_generation[s][size_t(g)];
    j["sector_generation"].push_back({{"sector", r.sectors[s].name}, {"people", counts}});
  }
  j["single_generation_sectors"] = nlohmann::json::array();
  for (const SingleGenerationSector& s : r.single_generation_sectors)
    j["single_generation_sectors"].push_back(
        {{"sector", s.name}, {"generation", to_string(s.generation)}, {"people", s.people}});

  nlohmann::json plan = {{"method", r.invite_plan.method}};
  plan["invitees"] = nlohmann::json::array();
  for (const PlanInvitee& inv : r.invite_plan.invitees) {
    nlohmann::json one = candidate_json(inv.candidate);
    one["closes"] = nlohmann::json::array();
    for (const GapRef& g : inv.closes) one["closes"].push_back(gap_label(g, r));
    plan["invitees"].push_back(std::move(one));
  }
  plan["closed"] = nlohmann::json::array();
  for (const GapRef& g : r.invite_plan.closed) plan["closed"].push_back(gap_label(g, r));
  plan["cannot_close"] = nlohmann::json::array();
  for (const UnclosableGap& g : r.invite_plan.cannot_close)
    plan["cannot_close"].push_back({{"gap", gap_label(g.gap, r)}, {"needed", g.needed}, {"available", g.available}});
  j["invite_plan"] = std::move(plan);

  j["readiness"] = nlohmann::json::array();
  for (const ReadinessCheck& c : r.readiness)
    j["readiness"].push_back({{"criterion", c.criterion}, {"pass", c.pass}, {"evidence", c.evidence}});
  return j;
}

std::string format_gap_report(const GapReport& r, const Community& community) {
  std::string out;
  const TableSummary& t = r.table;
  out += fmt::format("Who is missing from the table: {}\n\n", r.community.empty() ? "(unnamed community)" : r.community);
  out += gaps_headline(r) + "\n\n";
  out += table_line(t) + "\n\n";

  // What is missing first: key sectors, generations, then optional sectors.
  std::vector<std::string> missing;
  for (const SectorRow& s : r.sectors)
    if (s.required && s.status != GapStatus::ok) missing.push_back(sector_gap_line(s));
  for (const GenerationRow& g : r.generations)
    if (g.status == GapStatus::missing || g.status == GapStatus::under) missing.push_back(generation_gap_line(g));
  out += "MISSING\n";
  if (missing.empty()) out += "  Every key sector and every seated generation has a seat at the table.\n";
  for (const std::string& line : missing) out += "  - " + line + "\n";
  std::vector<std::string> optional_missing;
  for (const SectorRow& s : r.sectors)
    if (!s.required && s.status != GapStatus::ok) optional_missing.push_back(s.name);
  if (!optional_missing.empty()) {
    out += "  Optional sectors with no seat: ";
    for (size_t i = 0; i < optional_missing.size(); ++i) out += (i ? ", " : "") + optional_missing[i];
    out += "\n";
  }
  for (const SingleGenerationSector& s : r.single_generation_sectors)
    out += fmt::format("  Note: {} people at the table for {} are {}.\n",
                       s.people == 2 ? std::string("both") : fmt::format("all {}", s.people), s.name,
                       to_string(s.generation));

  out += "\nREADINESS (entry criteria)\n";
  for (const ReadinessCheck& c : r.readiness)
    out += fmt::format("  [{}] {}: {}\n", c.pass ? "pass" : "FAIL", c.criterion, c.evidence);

  out += "\nINVITE PLAN (greedy: a short list that closes what can be closed, not guaranteed the shortest)\n";
  if (r.invite_plan.invitees.empty()) out += "  Nobody to invite.\n";
  {
    std::vector<std::vector<std::string>> rows{{"#", "invite", "id", "closes", "ties to table", "strength"}};
    for (size_t i = 0; i < r.invite_plan.invitees.size(); ++i) {
      const PlanInvitee& inv = r.invite_plan.invitees[i];
      std::string closes;
      for (size_t k = 0; k < inv.closes.size(); ++k) closes += (k ? ", " : "") + gap_label(inv.closes[k], r);
      rows.push_back({std::to_string(i + 1), inv.candidate.name + " (" + candidate_kind(inv.candidate) + ")",
                      inv.candidate.id, closes, ties_cell(inv.candidate),
                      std::to_string(inv.candidate.tie_strength)});
    }
    if (rows.size() > 1) out += aligned(rows, "  ", 4);
    if (std::any_of(r.invite_plan.invitees.begin(), r.invite_plan.invitees.end(),
                    [](const PlanInvitee& inv) { return inv.candidate.unconfirmed_ties > 0; }))
      out += std::string("  ") + kOneSidedNote + "\n";
  }
  if (!r.invite_plan.cannot_close.empty()) {
    out += "  Gaps nothing in the network can close (look beyond the current network):\n";
    for (const UnclosableGap& g : r.invite_plan.cannot_close)
      out += fmt::format("  - {}: needs {}, everyone outside the table together brings {}\n", gap_label(g.gap, r),
                         g.needed, g.available);
  }

  auto sector_table = [&](bool required) {
    std::vector<std::vector<std::string>> rows{
        {"sector", "status", "seats", "needs", "people", "organizations", "secondary only"}};
    for (const SectorRow& s : r.sectors)
      if (s.required == required)
        rows.push_back({s.name, std::string(to_string(s.status)), std::to_string(s.seats), std::to_string(s.min_seats),
                        std::to_string(s.people_at_table), std::to_string(s.organizations),
                        std::to_string(s.secondary_only)});
    return rows.size() > 1 ? aligned(rows, "  ", 2) : std::string("  (none)\n");
  };
  out += "\nKEY SECTORS (seats: organizations at the table + unaffiliated people at it)\n" + sector_table(true);
  out += "\nOPTIONAL SECTORS\n" + sector_table(false);
  out += "  (seats: organizations at the table with it as primary sector + people at the table on their own for it;\n"
         "  needs: the seats a key sector must have; people: people at the table whose sector it is;\n"
         "  organizations: organizations in the data with it as primary sector; secondary only: organizations\n"
         "  naming it only as a secondary sector, who know the field but are not a seat)\n";

  out += "\nGENERATIONS\n";
  {
    std::vector<std::vector<std::string>> rows{
        {"generation", "status", "at table", "table share", "resident share", "ratio"}};
    for (const GenerationRow& g : r.generations) {
      if (!g.seated) {
        rows.push_back({std::string(to_string(g.generation)), "served", std::to_string(g.at_table), "-", "-", "-"});
        continue;
      }
      rows.push_back({std::string(to_string(g.generation)), std::string(to_string(g.status)),
                      std::to_string(g.at_table), percent(g.table_share),
                      g.resident_share ? percent(*g.resident_share) : "-",
                      g.ratio ? fmt::format("{:.2f}", *g.ratio) : "-"});
    }
    out += aligned(rows, "  ", 2);
  }
  for (const GenerationRow& g : r.generations)
    if (!g.seated) out += "  " + served_line(g) + "\n";
  if (const std::string unknown = unknown_generation_line(t); !unknown.empty()) out += "  " + unknown + "\n";
  out += fmt::format("  Whole table against the residents ({}): {}\n",
                     r.generation_fit.test == "none" ? "no test" : r.generation_fit.test, r.generation_fit.note);
  out += fmt::format("  (table share: of the people at the table; resident share: of the residents; ratio: table share /\n"
                     "  resident share, both among the seated generations; under: ratio below {:.2f}; over: above {:.2f})\n",
                     r.generation_ratio_floor, r.generation_ratio_floor > 0 ? 1.0 / r.generation_ratio_floor : 0.0);

  out += "\nSECTOR x GENERATION (people at the table)\n";
  {
    std::vector<std::vector<std::string>> rows{{"sector"}};
    for (Generation g : kAllGenerations) rows[0].push_back(std::string(to_string(g)));
    for (size_t s = 0; s < r.sector_generation.size(); ++s) {
      const auto& counts = r.sector_generation[s];
      if (std::all_of(counts.begin(), counts.end(), [](int64_t x) { return x == 0; })) continue;
      std::vector<std::string> row{r.sectors[s].name};
      for (int64_t x : counts) row.push_back(x ? std::to_string(x) : ".");
      rows.push_back(std::move(row));
    }
    out += rows.size() > 1 ? aligned(rows) : "  (nobody at the table)\n";
  }

  out += "\nCANDIDATES (best first: most ties to organizations at the table, then tie strength, then name)\n";
  auto candidate_block = [&](const std::string& title, size_t count, const std::vector<Candidate>& list) {
    out += fmt::format("  {}: {}\n", title,
                       count == 0 ? "nobody in the network"
                                  : count > list.size() ? fmt::format("{} candidates, best {} shown", count, list.size())
                                                        : plural(int64_t(count), "candidate", "candidates"));
    if (list.empty()) return;
    std::vector<std::vector<std::string>> rows{{"name", "kind", "id", "ties to table", "strength"}};
    for (const Candidate& c : list)
      rows.push_back({c.name, candidate_kind(c), c.id, ties_cell(c), std::to_string(c.tie_strength)});
    out += aligned(rows, "    ", 3);
  };
  bool any = false, one_sided = false;
  auto note_one_sided = [&](const std::vector<Candidate>& list) {
    for (const Candidate& c : list) one_sided = one_sided || c.unconfirmed_ties > 0;
  };
  for (const SectorRow& s : r.sectors)
    if (s.status != GapStatus::ok) {
      note_one_sided(s.candidates);
      candidate_block(fmt::format("{} sector {} ({})", s.required ? "key" : "optional", s.name, to_string(s.status)),
                      s.candidate_count, s.candidates);
      any = true;
    }
  for (const GenerationRow& g : r.generations)
    if (g.status == GapStatus::missing || g.status == GapStatus::under) {
      std::string title = fmt::format("generation {} ({})", to_string(g.generation), to_string(g.status));
      if (g.through_organizations) title += ", through organizations that serve it";
      note_one_sided(g.candidates);
      candidate_block(title, g.candidate_count, g.candidates);
      any = true;
    }
  if (!any) out += "  No gaps.\n";
  if (one_sided) out += std::string("  ") + kOneSidedNote + "\n";
  (void)community;
  return out;
}

}  // namespace tablemap
