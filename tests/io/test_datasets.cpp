// The sample communities in datasets/: each loads without a problem, survives
// a round trip, and tells the story its README tells.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unistd.h>

#include "core/network.hpp"
#include "io/load.hpp"

using namespace tablemap;
namespace fs = std::filesystem;

namespace {

const fs::path kDatasets = fs::path(TABLEMAP_SOURCE_DIR) / "datasets";

Community load(const std::string& name) {
  LoadResult r = load_community((kDatasets / name).string());
  for (const Problem& p : r.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(r.ok());
  return std::move(*r.community);
}

size_t count_roles(const Community& c, RoleKind kind) {
  return size_t(std::count_if(c.roles.begin(), c.roles.end(), [&](const Role& r) { return r.kind == kind; }));
}

// Whole-role backbone claims for an issue area, one per organization.
std::set<uint32_t> whole_backbone_claims(const Community& c, const std::string& issue_area) {
  const IssueAreaId area = *c.profile.find_issue_area(issue_area);
  std::set<uint32_t> orgs;
  for (const Role& r : c.roles)
    if (r.kind == RoleKind::backbone && r.issue_area == area && r.function == kWholeBackbone) orgs.insert(r.organization);
  return orgs;
}

double within_sector_share(const Community& c) {
  Network net(c);
  size_t within = 0;
  for (const Relationship& r : net.relationships())
    within += c.organizations[r.a].sector == c.organizations[r.b].sector;
  return double(within) / double(net.relationship_count());
}

}  // namespace

TEST_CASE("every sample in datasets/ loads without a problem and survives a round trip") {
  size_t samples = 0;
  for (const auto& entry : fs::directory_iterator(kDatasets)) {
    if (!fs::exists(entry.path() / "community.json")) continue;
    ++samples;
    const std::string name = entry.path().filename().string();
    INFO("sample: " << name);
    const Community c = load(name);
    CHECK(c.organizations.size() >= 20);
    CHECK(!c.ties.empty());
    CHECK(!c.people.empty());
    CHECK(fs::exists(entry.path() / "README.md"));

    const fs::path copy = fs::temp_directory_path() / ("tablemap-dataset-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(copy);
    save_community(c, copy.string());
    LoadResult again = load_community(copy.string());
    fs::remove_all(copy);
    REQUIRE(again.ok());
    CHECK(*again.community == c);
  }
  CHECK(samples >= 4);
}

TEST_CASE("unknown columns of the samples are kept") {
  const Community riverbend = load("riverbend");
  const auto& columns = riverbend.organizations.extra_columns();
  CHECK(std::find(columns.begin(), columns.end(), "website") != columns.end());
  CHECK(std::find(columns.begin(), columns.end(), "notes") != columns.end());
  CHECK(riverbend.ties.extra_columns() == std::vector<std::string>{"since"});
  const Community silos = load("silos");
  CHECK(silos.organizations.extra_columns() == std::vector<std::string>{"meeting_group"});
}

TEST_CASE("riverbend: 7,500 residents, no business or safety seat, a table of boomers") {
  const Community c = load("riverbend");
  CHECK(c.profile.population == 7500);
  CHECK(c.profile.total_residents() == 7500);
  CHECK(c.profile.geography == Geography::small_rural);

  // Required sectors with nobody at the table: business and safety.
  const auto at_table = c.organizations_at_table();
  std::vector<std::string> missing;
  for (SectorId s = 0; s < c.profile.required_sector_count; ++s) {
    bool seated = false;
    for (size_t i = 0; i < c.organizations.size(); ++i) seated = seated || (at_table[i] && c.organizations[i].sector == s);
    if (!seated) missing.push_back(c.profile.sectors[s]);
  }
  CHECK(missing == std::vector<std::string>{"business", "safety"});

  // 13 people at the table: 10 boomers, 2 gen X, 1 silent; no millennials, no gen Z.
  std::array<int, kGenerationCount> seated{};
  for (const Person& p : c.people)
    if (p.at_table) ++seated[size_t(p.generation)];
  CHECK(seated[size_t(Generation::boomers)] == 10);
  CHECK(seated[size_t(Generation::gen_x)] == 2);
  CHECK(seated[size_t(Generation::silent)] == 1);
  CHECK(seated[size_t(Generation::millennials)] == 0);
  CHECK(seated[size_t(Generation::gen_z)] == 0);
  // ...while gen Z is 1,400 of the 7,500 residents.
  CHECK(c.profile.residents[size_t(Generation::gen_z)] == 1400);
}

TEST_CASE("metro region: over a million residents, 150+ organizations, five education backbones") {
  const Community c = load("metro-region");
  CHECK(c.profile.population >= 1'000'000);
  CHECK(c.profile.total_residents() == 1'250'000);
  CHECK(c.organizations.size() >= 150);
  const auto claims = whole_backbone_claims(c, "education");
  CHECK(claims.size() >= 3);
  std::set<std::string> ids;
  for (uint32_t o : claims) ids.insert(c.organizations[o].id);
  CHECK(ids == std::set<std::string>{"hv-c2c-alliance", "hv-college", "hv-ed-compact", "hv-schools-fdn",
                                     "hv-united-fund"});
  // None of the five is agreed by the partnership.
  const IssueAreaId education = *c.profile.find_issue_area("education");
  for (const Role& r : c.roles)
    if (r.kind == RoleKind::backbone && r.issue_area == education) CHECK(r.status == RoleStatus::claimed);
}

TEST_CASE("shared backbone: five functions held by five organizations, agreed, tied strongly, one anchor") {
  const Community c = load("shared-backbone");
  CHECK(count_roles(c, RoleKind::anchor) == 1);
  const IssueAreaId education = *c.profile.find_issue_area("education");
  std::set<uint32_t> holders;
  std::set<FunctionId> functions;
  for (const Role& r : c.roles) {
    if (r.kind != RoleKind::backbone || r.issue_area != education) continue;
    CHECK(r.status == RoleStatus::agreed);
    CHECK(r.function != kWholeBackbone);
    holders.insert(r.organization);
    functions.insert(r.function);
  }
  CHECK(holders.size() == 5);
  CHECK(functions.size() == c.profile.backbone_functions.size());
  // All 10 pairs of holders have a relationship of strength 3 with a formal agreement.
  Network net(c);
  size_t strong = 0;
  for (const Relationship& r : net.relationships())
    if (holders.count(r.a) && holders.count(r.b) && r.strength == 3 && r.has(TieKind::formal_agreement)) ++strong;
  CHECK(strong == 10);
  const size_t agreed = size_t(std::count_if(c.roles.begin(), c.roles.end(),
                                             [](const Role& r) { return r.status == RoleStatus::agreed; }));
  CHECK(agreed == c.roles.size());
}

TEST_CASE("silos: dense within sectors, almost nothing across, no backbone") {
  const Community c = load("silos");
  const double share = within_sector_share(c);
  CHECK(share > 0.85);
  CHECK(share == Approx(75.0 / 80.0));  // 5 hand-written ties cross a sector line, of 80
  CHECK(count_roles(c, RoleKind::backbone) == 0);
  CHECK(count_roles(c, RoleKind::anchor) == 0);
  CHECK(count_roles(c, RoleKind::convener) == 0);
}
