// The synthetic community generator: deterministic, realistic in shape, and
// always a community the readers accept.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "io/load.hpp"

using namespace tablemap;
namespace fs = std::filesystem;

namespace {

Community generate(uint32_t orgs, uint64_t seed) {
  GenerateOptions o;
  o.organizations = orgs;
  o.seed = seed;
  return generate_community(o);
}

// A fresh folder under the system's temp folder, removed at the end of the test.
struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& tag)
      : path(fs::temp_directory_path() / ("tablemap-synthetic-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double within_sector_share(const Community& c) {
  Network net(c);
  size_t within = 0;
  for (const Relationship& r : net.relationships())
    within += c.organizations[r.a].sector == c.organizations[r.b].sector;
  return double(within) / double(net.relationship_count());
}

}  // namespace

TEST_CASE("the same seed gives the same community, byte for byte") {
  const Community a = generate(3000, 42), b = generate(3000, 42);
  CHECK(a == b);
  TempFolder folder("same");
  save_community(a, (folder.path / "a").string());
  save_community(b, (folder.path / "b").string());
  for (const char* file : {"community.json", "organizations.csv", "people.csv", "ties.csv", "roles.csv"}) {
    INFO(file);
    const std::string left = slurp(folder.path / "a" / file);
    CHECK(!left.empty());
    CHECK(left == slurp(folder.path / "b" / file));
  }
}

TEST_CASE("different seeds give different communities") {
  const Community a = generate(3000, 1), b = generate(3000, 2);
  CHECK(a.organizations.size() == b.organizations.size());
  CHECK_FALSE(a.organizations == b.organizations);
  CHECK_FALSE(a.ties == b.ties);
  CHECK_FALSE(a.people == b.people);
}

TEST_CASE("sector shares are the catalog's shares, to the organization") {
  const uint32_t n = 20000;
  const Community c = generate(n, 7);
  std::vector<size_t> count(c.profile.sectors.size(), 0);
  for (const Organization& o : c.organizations) ++count[o.sector];
  const auto& shares = synthetic_sector_shares();
  REQUIRE(shares.size() == c.profile.sectors.size());
  for (size_t s = 0; s < shares.size(); ++s) {
    INFO(c.profile.sectors[s]);
    CHECK(std::abs(double(count[s]) - shares[s] * n) <= 1.0);  // exact counts, then shuffled
  }
  // Education 18% and social services 16% are large; media 2% and safety 3% small.
  CHECK(count[*c.profile.find_sector("education")] == 3600);
  CHECK(count[*c.profile.find_sector("media")] == 400);
  CHECK(count[*c.profile.find_sector("safety")] == 600);
}

TEST_CASE("organization types fit their sector") {
  const Community c = generate(5000, 3);
  const SectorId government = *c.profile.find_sector("government");
  const SectorId faith = *c.profile.find_sector("faith");
  const SectorId education = *c.profile.find_sector("education");
  size_t schools = 0;
  for (const Organization& o : c.organizations) {
    if (o.sector == government) CHECK(o.type == OrgType::public_agency);
    if (o.sector == faith) CHECK(o.type == OrgType::faith);
    if (o.type == OrgType::school) {
      CHECK(o.sector == education);
      ++schools;
    }
    if (o.type == OrgType::foundation) CHECK(c.profile.sectors[o.sector] == "philanthropy");
  }
  // 60% of 900 education organizations are schools: 540 expected, binomial sd ~15.
  CHECK(schools > 470);
  CHECK(schools < 610);
}

TEST_CASE("ties mostly stay within a sector, as asked") {
  const double share = within_sector_share(generate(20000, 11));
  CHECK(share > 0.64);  // asked for 0.7; merging repeated pairs costs a little
  CHECK(share < 0.76);
  GenerateOptions o;
  o.organizations = 20000;
  o.within_sector_share = 0.95;
  CHECK(within_sector_share(generate_community(o)) > 0.9);
  o.within_sector_share = 0.0;
  CHECK(within_sector_share(generate_community(o)) < 0.02);
}

TEST_CASE("about four tie rows per organization, with heavy-tailed degrees") {
  const uint32_t n = 20000;
  const Community c = generate(n, 5);
  const double rows_per_org = double(c.ties.size()) / n;
  CHECK(rows_per_org > 3.8);
  CHECK(rows_per_org < 4.2);
  Network net(c);
  std::vector<uint32_t> degree(n);
  for (uint32_t v = 0; v < n; ++v) degree[v] = net.degree(v);
  const double mean = 2.0 * double(net.relationship_count()) / n;
  const uint32_t max = *std::max_element(degree.begin(), degree.end());
  // A Poisson graph with mean ~7 would top out near 20; a power law reaches hundreds.
  CHECK(max > 20 * mean);
  // The best-connected 1% hold well over 1% of all tie ends.
  std::sort(degree.begin(), degree.end(), std::greater<>());
  double top = 0;
  for (uint32_t k = 0; k < n / 100; ++k) top += degree[k];
  CHECK(top / (2.0 * double(net.relationship_count())) > 0.10);
  // And most organizations have only a few ties.
  CHECK(degree[n / 2] < mean);
}

TEST_CASE("tie rows are varied and a few are one-way funding") {
  const Community c = generate(5000, 9);
  std::array<size_t, kTieKindCount> kinds{};
  std::array<size_t, 4> strengths{};
  size_t directed = 0, unconfirmed = 0;
  for (const Tie& t : c.ties) {
    ++kinds[size_t(t.kind)];
    ++strengths[t.strength];
    CHECK(t.source != t.target);
    if (t.directed) {
      ++directed;
      CHECK(t.kind == TieKind::resources);
      CHECK(c.organizations[t.source].type == OrgType::foundation);
    }
    unconfirmed += !t.confirmed;
  }
  for (size_t k : kinds) CHECK(k > 0);
  CHECK(strengths[0] == 0);
  CHECK(strengths[1] > strengths[3]);
  CHECK(directed > 0);
  CHECK(directed < c.ties.size() / 10);
  CHECK(unconfirmed > 0);
}

TEST_CASE("people have names, adult birth years and a generation that matches") {
  const Community c = generate(4000, 13);
  REQUIRE(!c.people.empty());
  std::array<size_t, kGenerationCount> at_table{};
  size_t unaffiliated = 0;
  for (const Person& p : c.people) {
    CHECK(p.name.find(' ') != std::string::npos);
    CHECK(p.birth_year >= c.profile.year - 90);
    CHECK(p.birth_year <= c.profile.year - 18);
    CHECK(generation_of_birth_year(p.birth_year) == p.generation);
    if (p.at_table) ++at_table[size_t(p.generation)];
    if (p.organization == kNoOrganization) {
      ++unaffiliated;
      CHECK(c.profile.sectors[p.sector] == "residents");
    }
  }
  CHECK(unaffiliated > 0);
  // Boomers, gen X and millennials all sit at the table; gen X the most.
  CHECK(at_table[size_t(Generation::boomers)] > 0);
  CHECK(at_table[size_t(Generation::millennials)] > 0);
  CHECK(at_table[size_t(Generation::gen_x)] > at_table[size_t(Generation::gen_z)]);
  CHECK(at_table[size_t(Generation::gen_alpha)] == 0);
}

TEST_CASE("the profile counts residents per generation for the population") {
  GenerateOptions o;
  o.organizations = 300;
  o.population = 123457;
  const Community c = generate_community(o);
  CHECK(c.profile.population == 123457);
  CHECK(c.profile.has_residents);
  CHECK(c.profile.total_residents() == 123457);
  // Millennials are 22% of residents: 27160.54 -> 27160 or 27161.
  CHECK(std::abs(c.profile.residents[size_t(Generation::millennials)] - 27160) <= 1);
  CHECK(c.profile.sectors.size() == 12);
  CHECK(c.profile.required_sector_count == 6);
  CHECK(generate(1000, 1).profile.population == 120000);  // default: 120 residents per organization
}

TEST_CASE("roles: one agreed anchor, a contested education backbone, conveners per outcome") {
  const Community c = generate(5000, 21);
  size_t anchors = 0, whole_education = 0, agreed = 0, claimed = 0, conveners = 0, functions = 0;
  const IssueAreaId education = *c.profile.find_issue_area("education");
  for (const Role& r : c.roles) {
    if (r.kind == RoleKind::anchor) {
      ++anchors;
      CHECK(r.status == RoleStatus::agreed);
    }
    if (r.kind == RoleKind::backbone && r.issue_area == education && r.function == kWholeBackbone) {
      ++whole_education;
      (r.status == RoleStatus::agreed ? agreed : claimed) += 1;
    }
    if (r.kind == RoleKind::backbone && r.function != kWholeBackbone) ++functions;
    if (r.kind == RoleKind::convener) {
      CHECK(r.issue_area == education);
      CHECK(r.outcome >= 0);
      CHECK(size_t(r.outcome) < c.profile.issue_areas[size_t(education)].outcomes.size());
      ++conveners;
    }
    CHECK(c.organizations[r.organization].id.size() > 0);
  }
  CHECK(anchors == 1);
  CHECK(agreed == 1);
  CHECK(claimed == 3);  // 1 + min(2, 5000 / 2000) rivals
  CHECK(whole_education == 4);
  CHECK(functions == 5);  // one holder per backbone function of health
  CHECK(conveners >= 5);  // five education outcomes
}

TEST_CASE("every generated community loads back without a problem, unchanged") {
  for (uint32_t n : {1u, 2u, 5u, 40u, 2500u}) {
    INFO("organizations: " << n);
    const Community c = generate(n, n);
    TempFolder folder("load-" + std::to_string(n));
    const std::string path = (folder.path / "bundle").string();
    save_community(c, path);
    LoadResult r = load_community(path);
    for (const Problem& p : r.problems) UNSCOPED_INFO(p.to_string());
    REQUIRE(r.ok());
    CHECK(r.problems.empty());
    CHECK(r.community->organizations == c.organizations);
    CHECK(r.community->ties == c.ties);
    CHECK(r.community->people == c.people);
    CHECK(r.community->roles == c.roles);
    CHECK(r.community->profile.residents == c.profile.residents);
  }
}

TEST_CASE("options out of range are refused") {
  GenerateOptions o;
  o.organizations = 0;
  CHECK_THROWS_AS(generate_community(o), std::invalid_argument);
  o.organizations = 10;
  o.within_sector_share = 1.5;
  CHECK_THROWS_AS(generate_community(o), std::invalid_argument);
  o.within_sector_share = 0.7;
  o.degree_exponent = 1.5;
  CHECK_THROWS_AS(generate_community(o), std::invalid_argument);
}

TEST_CASE("tablemap generate writes a bundle, explains itself, and refuses bad usage") {
  TempFolder folder("cli");
  const std::string out = (folder.path / "county").string();
  const std::string cli = TABLEMAP_BINARY;
  CHECK(std::system((cli + " generate --orgs 300 --seed 4 " + out + " >/dev/null").c_str()) == 0);
  LoadResult r = load_community(out);
  REQUIRE(r.ok());
  CHECK(r.community->organizations == generate(300, 4).organizations);
  const std::string help = (folder.path / "help.txt").string();
  CHECK(std::system((cli + " generate --help >" + help).c_str()) == 0);
  CHECK(slurp(help).find("Example: tablemap generate") != std::string::npos);
  auto status = [&](const std::string& args) {
    const int raw = std::system((cli + " generate " + args + " >/dev/null 2>&1").c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  };
  CHECK(status("--orgs 0 " + out + "-zero") == 2);
  CHECK(status("--orgs many " + out + "-many") == 2);
  CHECK(status("--orgs 10") == 2);  // no OUT
}

TEST_CASE("a network's rows list each neighbour once, in order, also after removing organizations") {
  // The brokerage and constraint searches binary-search the rows as they are.
  GenerateOptions options;
  options.organizations = 3000;
  options.seed = 11;
  const Network full(generate_community(options));
  const Network part = full.without({0, 5, 1234, 2999});
  for (const Network* net : {&full, &part}) {
    const uint32_t n = net->organization_count();
    size_t arcs = 0;
    for (uint32_t v = 0; v < n; ++v)
      for (uint32_t arc = net->offsets()[v] + 1; arc < net->offsets()[v + 1]; ++arc, ++arcs)
        REQUIRE(net->targets()[arc - 1] < net->targets()[arc]);
    CHECK(arcs > 10000);  // rows with several neighbours were checked
  }
}
