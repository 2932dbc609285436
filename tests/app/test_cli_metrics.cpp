// `tablemap metrics` from the outside, on tests/data/viz/bridge: two
// triangles (a1 a2 a3: health, education, health; b1 b2 b3: business,
// safety, business) joined only through hub (government): a1 - hub, and a
// one-way resources tie hub -> b1; St. Anne's Parish (lone) has no tie.
//
// Worked by hand (and checked with NetworkX 3.6, see each comment):
// - 8 organizations, 8 ties, 2 separate parts (7 and 1), 1 without any tie.
// - betweenness (each pair once): hub 9 (the 3 x 3 pairs across), a1 and b1 8
//   ({a2, a3} or {b2, b3} x the 4 others).
// - average distance over the 21 pairs of the 7 in contact: 46 / 21 = 2.19.
// - hub's departure: its 9 crossing pairs lose contact; the 6 pairs left in
//   contact are 1 apart (before 2.40 over the same 15 pairs): paths get
//   shorter, not longer, so only the lost pairs are named.
// - single points of failure: hub, a1 and b1.
// - brokerage follows the one-way tie even without --directed: hub brokers
//   a1 -> hub -> b1 (liaison: three sectors) but not b1 -> hub -> a1, so 1.
// - constraint of hub: two unrelated contacts with p = 1/2 each: 0.5; with
//   --directed the one-way tie weighs half: p = 2/3 and 1/3, 4/9 + 1/9 = 0.556
//   (nx.constraint on the DiGraph gives 0.5556).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "support/bundle_fixture.hpp"
#include "support/cli_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

const std::string kBridge = std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/viz/bridge";

const nlohmann::json& org(const nlohmann::json& j, const std::string& id) {
  for (const auto& o : j["organizations"])
    if (o["id"] == id) return o;
  FAIL("no organization " << id);
  return j;
}

}  // namespace

TEST_CASE("metrics opens with what a lead should know, by name", "[cli]") {
  // stdout opens with the headline; the load warnings went to stderr.
  CliRun r = run_cli("metrics " + kBridge, false);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Bridgeton") == 0);
  CliRun both = run_cli("metrics " + kBridge, true);
  CHECK(both.out.find("people.csv:2: warning: person 'p1' is at the table but their organization 'hub' is not") !=
        std::string::npos);
  CHECK(r.out.find("The 8 organizations fall into 2 parts with no tie between them (the largest has 7; "
                   "1 organization has no tie at all).") != std::string::npos);
  CHECK(r.out.find("Without Bridgeton Town Hall, ") != std::string::npos);
  CHECK(r.out.find("Average distance: 2.19 steps") != std::string::npos);
}

TEST_CASE("metrics lists a broker with what its departure changes, against one baseline") {
  CliRun r = run_cli("metrics " + kBridge, true);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("against the average distance of 2.19 steps") != std::string::npos);
  CHECK(r.out.find("  Bridgeton Town Hall (hub): without it, 9 pairs of other organizations would lose contact\n") !=
        std::string::npos);
  CHECK(r.out.find("% of pairs") == std::string::npos);
  // Every column of the table is explained under it.
  for (const char* column : {"degree:", "betweenness:", "closeness:", "eigenvector:", "pagerank:", "core:",
                             "constraint:", "brokerage:"})
    CHECK(r.out.find(std::string("  ") + column) != std::string::npos);
}

TEST_CASE("metrics --json gives names beside ids and the hand-computed values") {
  CliRun r = run_cli("metrics " + kBridge + " --json", false);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  const auto& net = j["network"];
  CHECK(net["organizations"] == 8);
  CHECK(net["ties"] == 8);
  CHECK(net["components"]["sizes"] == nlohmann::json::array({7, 1}));
  CHECK(net["isolates"] == 1);
  CHECK(net["articulation_points"] == 3);
  CHECK(net["average_distance"]["value"].get<double>() == Approx(46.0 / 21));
  const auto& hub = org(j, "hub");
  CHECK(hub["name"] == "Bridgeton Town Hall");
  CHECK(hub["betweenness"].get<double>() == Approx(9));
  CHECK(org(j, "a1")["betweenness"].get<double>() == Approx(8));
  CHECK(hub["brokerage"]["liaison"] == 1);
  CHECK(hub["brokerage"]["total"] == 1);
  CHECK(hub["constraint"].get<double>() == Approx(0.5));
  bool hub_listed = false;
  for (const auto& b : net["brokers"])
    if (b["id"] == "hub") {
      hub_listed = true;
      CHECK(b["name"] == "Bridgeton Town Hall");
      CHECK(b["pairs_lost"].get<double>() == Approx(9));
      CHECK(b["average_distance_before"].get<double>() == Approx(2.4));
      CHECK(b["average_distance_after"].get<double>() == Approx(1.0));
    }
  CHECK(hub_listed);
  for (const auto& f : net["single_points_of_failure"]) CHECK(f["name"].is_string());
}

TEST_CASE("metrics --directed changes constraint, as NetworkX on a directed graph") {
  CliRun r = run_cli("metrics " + kBridge + " --json --directed", false);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(org(j, "hub")["constraint"].get<double>() == Approx(5.0 / 9));
  CHECK(org(j, "b1")["constraint"].get<double>() == Approx(0.76));       // nx.constraint(D)["b1"]
  CHECK(org(j, "b1")["effective_size"].get<double>() == Approx(2.2));    // nx.effective_size(D)["b1"]
  // Closeness uses distances to the organization: b1 is reached from 6, hub only from a1's side.
  CHECK(org(j, "hub")["closeness"].get<double>() == Approx(0.2571).epsilon(1e-3));  // nx.closeness_centrality(D)
  CHECK(org(j, "b1")["closeness"].get<double>() == Approx(0.4675).epsilon(1e-3));
}

TEST_CASE("metrics --weighted changes effective size") {
  CliRun r = run_cli("metrics " + kBridge + " --json --weighted", false);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  // nx.effective_size(G, weight="weight"): a1 2.7292, b1 2.5 (2.3333 for both unweighted).
  CHECK(org(j, "a1")["effective_size"].get<double>() == Approx(2.7292).epsilon(1e-3));
  CHECK(org(j, "b1")["effective_size"].get<double>() == Approx(2.5));
}

TEST_CASE("metrics --explain lists the meaning of every measure, and bad usage exits 2") {
  CliRun r = run_cli("metrics " + kBridge + " --explain", true);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("  E-I index: ") != std::string::npos);
  CHECK(r.out.find("  effective_size: ") != std::string::npos);
  CHECK(run_cli("metrics " + kBridge + " --exact --sampled", true).code == 2);
  CHECK(run_cli("metrics", true).code == 2);
}

TEST_CASE("metrics --directed says so when the eigenvector does not settle, instead of printing the last round") {
  // One one-way tie clinic -> school, everybody else without ties: power
  // iteration on (A + I) lets school's value grow by one each round, so the
  // normalized vector creeps toward (0, 1, 0, 0, 0) and changes by about
  // 1/k^2 per organization in round k: about 1e-6 in all after 2,000 rounds,
  // far above tablemap's tolerance of 1e-13 (NetworkX, whose default
  // tolerance is 1e-6 per organization, stops early here and reports values).
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(),
               {{"ties.csv", "source,target,kind,strength,directed\nclinic,school,referral,2,yes\n"}});
  CliRun text = run_cli("metrics " + folder.path() + " --directed", true);
  REQUIRE(text.code == 0);
  CHECK(text.out.find("Eigenvector: did not settle after ") != std::string::npos);
  CHECK(text.out.find("unsettled") != std::string::npos);
  CliRun json = run_cli("metrics " + folder.path() + " --directed --json", false);
  REQUIRE(json.code == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["network"]["eigenvector_settled"] == false);
  for (const auto& o : j["organizations"]) CHECK(o["eigenvector"].is_null());
  // Undirected, the same network settles.
  const auto undirected = nlohmann::json::parse(run_cli("metrics " + folder.path() + " --json", false).out);
  CHECK(undirected["network"]["eigenvector_settled"] == true);
}

TEST_CASE("metrics --weight-by intensity weighs the survey's intensity, a tie without one at its strength's step") {
  // Worked by hand. A-B and B-C at cooperation (2), A-C at awareness (1):
  // all strength 1. C-D has no intensity (a tie kept from the bundle),
  // strength 2, so it counts as coordination (3). Lengths 1/intensity:
  // A-B 1/2, B-C 1/2, A-C 1, C-D 1/3.
  // - A to C: direct 1, or through B 1/2 + 1/2 = 1: two shortest paths, B
  //   gets 1/2; A to D likewise (4/3 either way): B another 1/2, C 1; B to D
  //   through C: C 1. Betweenness B 1, C 2.
  // - D's distances 1/3 (C), 5/6 (B), 4/3 (A) sum to 5/2: closeness 3 / 2.5 = 1.2.
  // By strength instead (--weighted): A-C direct (1 < 2), B 0, C 2; D's
  // distances 1/2, 3/2, 3/2 sum to 7/2: closeness 3 / 3.5 = 0.857.
  TempFolder dir;
  dir.write("community.json", R"({"name": "Intensity Test", "year": 2026})");
  dir.write("organizations.csv",
            "id,name,sector\na,Alder Clinic,health\nb,Birch School,education\nc,Cedar Bank,business\n"
            "d,Dogwood Shelter,social_services\n");
  dir.write("ties.csv",
            "source,target,kind,strength,directed,confirmed,intensity,trust\n"
            "a,b,information,1,no,yes,2,3.5\n"
            "b,c,information,1,no,no,2,\n"
            "a,c,information,1,no,yes,1,\n"
            "c,d,referral,2,no,yes,,\n");
  CliRun r = run_cli("metrics " + dir.path() + " --json --weight-by intensity", true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(org(j, "b")["betweenness"].get<double>() == Approx(1.0));
  CHECK(org(j, "c")["betweenness"].get<double>() == Approx(2.0));
  CHECK(org(j, "d")["closeness"].get<double>() == Approx(1.2));
  CHECK(j["weights"]["by"] == "intensity");
  CHECK(j["weights"]["ties_with_intensity"] == 3);
  CHECK(j["weights"]["ties_by_strength"] == 1);

  r = run_cli("metrics " + dir.path() + " --json --weighted", true);
  REQUIRE(r.code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(org(j, "b")["betweenness"].get<double>() == Approx(0.0));
  CHECK(org(j, "c")["betweenness"].get<double>() == Approx(2.0));
  CHECK(org(j, "d")["closeness"].get<double>() == Approx(3.0 / 3.5));
  CHECK_FALSE(j.contains("weights"));

  r = run_cli("metrics " + dir.path() + " --weight-by intensity", true);
  CHECK(r.out.find("Weighted by survey intensity (1 awareness to 4 integration): 3 of the 4 ties have one; the other 1 "
                   "count at their strength's step (1 cooperation, 2 coordination, 3 integration).") != std::string::npos);
  CHECK(run_cli("metrics " + dir.path() + " --weight-by trust", true).code == 2);
}

namespace {

// The JSON of a run without its timings, which differ from run to run.
nlohmann::json without_timings(const std::string& out) {
  nlohmann::json j = nlohmann::json::parse(out);
  j["network"].erase("timings");
  return j;
}

}  // namespace

TEST_CASE("metrics --measures computes only what is named and leaves the rest out instead of printing zeros") {
  CliRun r = run_cli("metrics " + kBridge + " --json --measures pagerank", false);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  const auto& hub = org(j, "hub");
  CHECK(hub["name"] == "Bridgeton Town Hall");
  CHECK(hub.contains("pagerank"));
  CHECK(hub["degree"] == 2);  // degree is always given
  for (const char* absent : {"betweenness", "betweenness_norm", "closeness", "harmonic", "eigenvector", "core",
                             "articulation", "community", "constraint", "brokerage"})
    CHECK_FALSE(hub.contains(absent));
  const auto& net = j["network"];
  for (const char* absent : {"betweenness", "closeness", "communities", "modularity", "silos", "brokers",
                             "single_points_of_failure", "articulation_points", "average_distance",
                             "eigenvector_settled"})
    CHECK_FALSE(net.contains(absent));
  CHECK(net["measures"]["computed"] == nlohmann::json::array({"degree", "pagerank"}));
  CHECK(net["measures"]["not_computed"] ==
        nlohmann::json::array({"betweenness", "closeness", "harmonic", "eigenvector", "core", "articulation",
                               "communities", "constraint", "brokerage", "brokers"}));
  // Timings: what was computed, and nothing else.
  std::vector<std::string> timed;
  for (const auto& [part, seconds] : net["timings"].items()) {
    timed.push_back(part);
    CHECK(seconds.get<double>() >= 0);
  }
  CHECK(timed == std::vector<std::string>{"components", "degree", "mixing", "pagerank"});
  // The same PageRank as when everything is computed.
  const auto all = nlohmann::json::parse(run_cli("metrics " + kBridge + " --json", false).out);
  CHECK(org(all, "hub")["pagerank"] == hub["pagerank"]);
  CHECK(all["network"]["measures"]["not_computed"].empty());
  CHECK(all["network"]["timings"].contains("betweenness+closeness+harmonic"));
  CHECK(all["network"]["timings"].contains("communities"));

  CliRun text = run_cli("metrics " + kBridge + " --measures pagerank,core", false);
  REQUIRE(text.code == 0);
  CHECK(text.out.find("Highest pagerank (8 of 8;") != std::string::npos);
  CHECK(text.out.find("Silos") == std::string::npos);
  CHECK(text.out.find("Brokers") == std::string::npos);
  CHECK(text.out.find("Single points of failure") == std::string::npos);
  CHECK(text.out.find("No single organization's departure") == std::string::npos);
  CHECK(text.out.find("betweenness ") == std::string::npos);
  CHECK(text.out.find("  core: ") != std::string::npos);
  CHECK(text.out.find("Not computed (not in --measures): betweenness, closeness, harmonic, eigenvector, articulation, "
                      "communities, constraint, brokerage, brokers.") != std::string::npos);
}

TEST_CASE("metrics --measures refuses an unknown measure with a did-you-mean, and an empty list") {
  CliRun r = run_cli("metrics " + kBridge + " --measures pagerank,betwenness", true);
  CHECK(r.code == 2);
  CHECK(r.out.find("--measures: no measure 'betwenness' (did you mean 'betweenness'?)") != std::string::npos);
  CHECK(r.out.find("the measures are degree, betweenness, closeness, harmonic, eigenvector, pagerank, core, "
                   "articulation, communities, constraint, brokerage, brokers (or all)") != std::string::npos);
  r = run_cli("metrics " + kBridge + " --measures ,", true);
  CHECK(r.code == 2);
  CHECK(r.out.find("--measures is empty") != std::string::npos);
  // Case, spaces and dashes are forgiven, as in the files.
  CHECK(run_cli("metrics " + kBridge + " --measures 'Page-Rank, CORE'", false).code == 0);
}

TEST_CASE("metrics --betweenness sampled states the sample and the bound, and repeats for a seed") {
  // 8 organizations. The best-connected, a1, reaches b2 in 3 steps (2*3+1 = 7);
  // the double sweep a1 -> b3 (farthest) -> a3 (4 steps) puts the middle 2
  // steps back from a3, at hub, whose eccentricity is 2: VD = 5, which is
  // exact (a2 - a1 - hub - b1 - b2). epsilon 0.05 on betweenness_norm is
  // 0.05 * 6/8 = 0.0375 on the ordered pairs:
  // r = ceil(0.5 / 0.0375^2 * (floor(log2 3) + 1 + ln 10)) = ceil(355.56 * 4.3026) = 1530.
  const std::string args = "metrics " + kBridge + " --json --betweenness sampled --epsilon 0.05";
  CliRun r = run_cli(args + " --seed 4", false);
  REQUIRE(r.code == 0);
  const auto j = without_timings(r.out);
  const auto& b = j["network"]["betweenness"];
  CHECK(b["exact"] == false);
  CHECK(b["samples"] == 1530);
  CHECK(b["vertex_diameter_bound"] == 5);
  CHECK(b["epsilon"].get<double>() == 0.05);
  CHECK(b["delta"].get<double>() == 0.1);
  CHECK(b["confidence"].get<double>() == Approx(0.9));
  CHECK(b["method"].get<std::string>().find("with 90% probability every organization's betweenness_norm is within "
                                            "0.05 of its exact value") != std::string::npos);
  // The hub's exact share is 9 of the 21 pairs of the others (see the top): within the bound.
  CHECK(org(j, "hub")["betweenness_norm"].get<double>() == Approx(9.0 / 21).margin(0.05));
  CHECK(org(j, "lone")["betweenness_norm"].get<double>() == 0.0);
  // 8 organizations are fewer than the 256 pivots: closeness stays exact.
  CHECK(j["network"]["closeness"]["exact"] == true);
  // The same seed, the same numbers; another seed, another sample.
  CHECK(without_timings(run_cli(args + " --seed 4", false).out) == j);
  CHECK(without_timings(run_cli(args + " --seed 5", false).out)["organizations"] != j["organizations"]);
  // --sampled is the older spelling.
  CHECK(without_timings(run_cli("metrics " + kBridge + " --json --sampled --epsilon 0.05 --seed 4", false).out) == j);
  // delta 0.2: ln 5 instead of ln 10: ceil(355.56 * 3.6094) = 1284.
  const auto d = nlohmann::json::parse(run_cli(args + " --seed 4 --delta 0.2", false).out);
  CHECK(d["network"]["betweenness"]["samples"] == 1284);

  CliRun text = run_cli("metrics " + kBridge + " --betweenness sampled --epsilon 0.05 --seed 4", false);
  REQUIRE(text.code == 0);
  CHECK(text.out.find("  Betweenness: estimated from 1530 shortest paths between random pairs of organizations "
                      "(Riondato-Kornaropoulos sample size, KADABRA's balanced bidirectional search): with 90% "
                      "probability every organization's betweenness_norm is within 0.05 of its exact value "
                      "(--betweenness exact to compute it exactly)\n") != std::string::npos);
}

TEST_CASE("metrics --betweenness exact is the default on a small network, and --exact its older spelling") {
  const auto plain = without_timings(run_cli("metrics " + kBridge + " --json", false).out);
  CHECK(plain["network"]["betweenness"]["exact"] == true);
  CHECK(plain["network"]["betweenness"]["method"] == "exact, from every pair of organizations");
  CHECK_FALSE(plain["network"]["betweenness"].contains("samples"));
  CHECK(without_timings(run_cli("metrics " + kBridge + " --json --betweenness exact", false).out) == plain);
  CHECK(without_timings(run_cli("metrics " + kBridge + " --json --exact", false).out) == plain);
  // Above --exact-limit it is sampled without being asked.
  const auto above = nlohmann::json::parse(run_cli("metrics " + kBridge + " --json --exact-limit 5", false).out);
  CHECK(above["network"]["betweenness"]["exact"] == false);
}

TEST_CASE("metrics refuses contradictory betweenness flags and a bound out of range, saying what to give") {
  for (const char* flags : {"--exact --sampled", "--exact --betweenness sampled", "--sampled --betweenness exact"}) {
    CliRun r = run_cli("metrics " + kBridge + " " + flags, true);
    INFO(flags);
    CHECK(r.code == 2);
    CHECK(r.out.find("choose exact or sampled betweenness, not both") != std::string::npos);
  }
  CHECK(run_cli("metrics " + kBridge + " --exact --betweenness exact", false).code == 0);
  CHECK(run_cli("metrics " + kBridge + " --betweenness fast", true).code == 2);
  for (const char* epsilon : {"0", "0.0001", "0.6", "-1"}) {
    CliRun r = run_cli("metrics " + kBridge + " --sampled --epsilon " + epsilon, true);
    INFO(epsilon);
    CHECK(r.code == 2);
    CHECK(r.out.find("--epsilon " + std::string(epsilon) + " is out of range: give the largest error allowed on "
                     "betweenness_norm (a share from 0 to 1), from 0.001 to 0.5, e.g. --epsilon 0.01") !=
          std::string::npos);
  }
  for (const char* delta : {"0", "0.6", "1"}) {
    CliRun r = run_cli("metrics " + kBridge + " --sampled --delta " + delta, true);
    INFO(delta);
    CHECK(r.code == 2);
    CHECK(r.out.find("--delta " + std::string(delta) + " is out of range") != std::string::npos);
  }
  CliRun r = run_cli("metrics " + kBridge + " --betweenness exact --epsilon 0.02", true);
  CHECK(r.code == 2);
  CHECK(r.out.find("--epsilon and --delta set the bound of sampled betweenness; exact betweenness has no error") !=
        std::string::npos);
}

TEST_CASE("the README's metrics examples run as written") {
  std::ifstream readme(std::string(TABLEMAP_SOURCE_DIR) + "/README.md");
  int ran = 0;
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind("tablemap metrics ", 0) != 0) continue;
    INFO(line);
    CliRun r = run_cli(line.substr(std::string("tablemap ").size()), true, TABLEMAP_SOURCE_DIR);
    CHECK(r.code == 0);
    ++ran;
  }
  CHECK(ran >= 1);
}
