// Role mapping on hand-built communities: every coverage status, overlapping
// backbones, load concentration, conveners, anchors and the plan's choices.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "analysis/roles.hpp"

using namespace tablemap;

namespace {

// A community written in code; the expected values sit next to each test.
struct Builder {
  Community c;
  explicit Builder(std::vector<std::string> functions = {"leadership", "data", "facilitation", "mobilization",
                                                         "investment"}) {
    c.profile.name = "Testville";
    c.profile.sectors = {"education", "health"};
    c.profile.required_sector_count = 2;
    c.profile.backbone_functions = std::move(functions);
    c.profile.issue_areas = {{"education", "Cradle to career", {"k_ready", "reading", "graduation"}},
                             {"health", "Health", {}}};
  }
  uint32_t org(const std::string& id, bool at_table = false, std::vector<IssueAreaId> areas = {0}) {
    Organization o;
    o.id = id;
    o.name = id;
    o.at_table = at_table;
    o.issue_areas = std::move(areas);
    c.organizations.edit().push_back(o);
    return uint32_t(c.organizations.size() - 1);
  }
  void tie(uint32_t a, uint32_t b, uint8_t strength, TieKind kind = TieKind::information) {
    Tie t;
    t.source = a;
    t.target = b;
    t.strength = strength;
    t.kind = kind;
    c.ties.edit().push_back(t);
  }
  void backbone(uint32_t org, const std::string& function, bool agreed = false, IssueAreaId area = 0) {
    Role r;
    r.organization = org;
    r.kind = RoleKind::backbone;
    r.issue_area = area;
    r.function = function.empty() ? kWholeBackbone : *c.profile.find_function(function);
    r.status = agreed ? RoleStatus::agreed : RoleStatus::claimed;
    c.roles.edit().push_back(r);
  }
  void role(uint32_t org, RoleKind kind, IssueAreaId area = 0, int16_t outcome = kNone) {
    Role r;
    r.organization = org;
    r.kind = kind;
    r.issue_area = area;
    r.outcome = outcome;
    c.roles.edit().push_back(r);
  }
  RoleReport run(int max_functions = 2) {
    RoleOptions options;
    options.max_functions = max_functions;
    return analyze_roles(c, Network(c), options);
  }
};

std::vector<std::string> ids(const Community& c, const std::vector<FunctionClaim>& claims) {
  std::vector<std::string> out;
  for (const FunctionClaim& claim : claims) out.push_back(c.org_id(claim.organization));
  return out;
}

const FunctionCoverage& coverage(const RoleReport& r, const Community& c, const std::string& function,
                                 IssueAreaId area = 0) {
  return r.issue_areas[size_t(area)].functions[size_t(*c.profile.find_function(function))];
}

std::string planned(const RoleReport& r, const Community& c, const std::string& function, IssueAreaId area = 0) {
  const auto& a = r.issue_areas[size_t(area)].plan[size_t(*c.profile.find_function(function))].assignment;
  return a.organization == kNoOrganization ? "" : c.org_id(uint32_t(a.organization));
}

}  // namespace

TEST_CASE("coverage: uncovered, covered, shared by a strong tie, shared by agreement, contested") {
  Builder b;
  const uint32_t schools = b.org("schools", true), united = b.org("united_way", true), library = b.org("library"),
                 head_start = b.org("head_start"), parks = b.org("parks");
  b.backbone(schools, "leadership");            // leadership: schools alone          -> covered
  b.backbone(schools, "data");                  // data: schools + united_way,
  b.backbone(united, "data");                   //   tied with strength 3              -> shared (tie)
  b.tie(schools, united, 3, TieKind::data_sharing);
  b.backbone(library, "facilitation", true);    // facilitation: library + head_start,
  b.backbone(head_start, "facilitation", true); //   both agreed, no tie               -> shared (agreed)
  b.backbone(united, "investment");             // investment: united_way + parks,
  b.backbone(parks, "investment", true);        //   tie of strength 1, one claimed    -> contested
  b.tie(united, parks, 1);
  // mobilization: nobody                                                            -> uncovered
  RoleReport r = b.run();
  const Community& c = b.c;

  CHECK(coverage(r, c, "leadership").status == CoverageStatus::covered);
  CHECK(ids(c, coverage(r, c, "leadership").claims) == std::vector<std::string>{"schools"});

  const FunctionCoverage& data = coverage(r, c, "data");
  CHECK(data.status == CoverageStatus::shared);
  CHECK(data.all_pairs_strongly_tied);
  CHECK_FALSE(data.all_agreed);
  REQUIRE(data.pairs.size() == 1);
  CHECK(data.pairs[0].strength == 3);
  CHECK(data.pairs[0].kinds == TieKindSet(1u << int(TieKind::data_sharing)));

  const FunctionCoverage& facilitation = coverage(r, c, "facilitation");
  CHECK(facilitation.status == CoverageStatus::shared);
  CHECK(facilitation.all_agreed);
  CHECK_FALSE(facilitation.all_pairs_strongly_tied);
  REQUIRE(facilitation.pairs.size() == 1);
  CHECK(facilitation.pairs[0].strength == 0);  // the evidence shows the absent tie

  const FunctionCoverage& investment = coverage(r, c, "investment");
  CHECK(investment.status == CoverageStatus::contested);
  CHECK(investment.weak_pair_count == 1);
  REQUIRE(investment.pairs.size() == 1);
  CHECK(investment.pairs[0].strength == 1);

  CHECK(coverage(r, c, "mobilization").status == CoverageStatus::uncovered);
  CHECK(coverage(r, c, "mobilization").claims.empty());
  CHECK(r.issue_areas[0].backbones.empty());
  CHECK_FALSE(r.issue_areas[0].overlapping_backbones);
}

TEST_CASE("coverage: three claimants are shared only when every pair is tied by a coordinating kind") {
  Builder b;
  const uint32_t x = b.org("x"), y = b.org("y"), z = b.org("z");
  for (uint32_t o : {x, y, z}) b.backbone(o, "data");
  b.tie(x, y, 2, TieKind::joint_programming);
  b.tie(y, z, 3, TieKind::data_sharing);
  SECTION("x-z untied: 1 of 3 pairs weak -> contested, the weak pair listed first") {
    RoleReport r = b.run();
    const FunctionCoverage& data = coverage(r, b.c, "data");
    CHECK(data.status == CoverageStatus::contested);
    CHECK(data.pair_count == 3);
    CHECK(data.weak_pair_count == 1);
    REQUIRE(data.pairs.size() == 3);
    CHECK(b.c.org_id(data.pairs[0].a) == "x");
    CHECK(b.c.org_id(data.pairs[0].b) == "z");
    CHECK(data.pairs[0].strength == 0);
  }
  SECTION("x-z tied by information of strength 2: strong, but not coordinating -> still contested") {
    b.tie(z, x, 2);
    RoleReport r = b.run();
    CHECK(coverage(r, b.c, "data").status == CoverageStatus::contested);
    CHECK(coverage(r, b.c, "data").weak_pair_count == 0);
    CHECK(coverage(r, b.c, "data").uncoordinated_pair_count == 1);
  }
  SECTION("x-z tied by a formal agreement of strength 2: every pair coordinates -> shared") {
    b.tie(z, x, 2, TieKind::formal_agreement);
    RoleReport r = b.run();
    CHECK(coverage(r, b.c, "data").status == CoverageStatus::shared);
    CHECK(coverage(r, b.c, "data").weak_pair_count == 0);
  }
}

TEST_CASE("backbones: two whole-role claims overlap, one organization in two areas is load, not overlap") {
  Builder b;
  const uint32_t schools = b.org("schools", true, {0, 1}), united = b.org("united_way", true, {0, 1});
  b.org("clinic", false, {1});
  b.backbone(schools, "");             // whole role in education
  b.backbone(united, "");              // whole role in education -> overlap
  b.backbone(united, "", false, 1);    // whole role in health too -> load concentration
  b.backbone(schools, "data", true);   // schools also holds data, agreed
  RoleReport r = b.run();
  const Community& c = b.c;

  const IssueAreaRoles& education = r.issue_areas[0];
  REQUIRE(education.backbones.size() == 2);
  CHECK(education.overlapping_backbones);
  // Whole-role claims count for every function: leadership has both, untied -> contested.
  const FunctionCoverage& leadership = coverage(r, c, "leadership");
  CHECK(leadership.status == CoverageStatus::contested);
  CHECK(ids(c, leadership.claims) == std::vector<std::string>{"schools", "united_way"});
  CHECK(leadership.claims[0].whole_role);
  // data: schools claims it specifically (agreed), united_way through its whole-role claim.
  const FunctionCoverage& data = coverage(r, c, "data");
  CHECK_FALSE(data.claims[0].whole_role);
  CHECK(data.claims[0].agreed);
  CHECK(data.claims[1].whole_role);
  CHECK(data.status == CoverageStatus::contested);  // united_way's claim is not agreed

  const IssueAreaRoles& health = r.issue_areas[1];
  REQUIRE(health.backbones.size() == 1);
  CHECK_FALSE(health.overlapping_backbones);
  REQUIRE(r.load_concentration.size() == 1);
  CHECK(c.org_id(r.load_concentration[0].organization) == "united_way");
  CHECK(r.load_concentration[0].issue_areas == std::vector<IssueAreaId>{0, 1});
}

TEST_CASE("conveners: none, one and several per outcome, with ties to practitioners and organizations") {
  Builder b;
  // education members: head_start, library, united, p1, p2, p3 (6); practitioners p1, p2, p3.
  const uint32_t head_start = b.org("head_start"), library = b.org("library"), united = b.org("united_way");
  const uint32_t p1 = b.org("p1"), p2 = b.org("p2"), p3 = b.org("p3");
  const uint32_t outsider = b.org("outsider", false, {1});  // health only: not counted
  for (uint32_t p : {p1, p2, p3}) b.role(p, RoleKind::practitioner);
  b.role(head_start, RoleKind::convener, 0, 0);  // k_ready: head_start      -> one
  // reading (outcome 1): nobody                                               -> none
  b.role(library, RoleKind::convener, 0, 2);     // graduation: library,
  b.role(united, RoleKind::convener, 0, 2);      //   united_way            -> several
  b.tie(head_start, p1, 1);
  b.tie(head_start, p2, 2);
  b.tie(head_start, library, 1);
  b.tie(head_start, outsider, 3);
  b.tie(united, p3, 1);
  RoleReport r = b.run();
  const IssueAreaRoles& education = r.issue_areas[0];
  CHECK(education.organization_count == 6);
  CHECK(education.practitioner_count == 3);
  REQUIRE(education.conveners.size() == 3);

  const OutcomeConveners& k_ready = education.conveners[0];
  CHECK(k_ready.status == HowMany::one);
  REQUIRE(k_ready.conveners.size() == 1);
  // head_start: tied to p1, p2 (2 of 3 practitioners) and p1, p2, library (3 of the 5 other members).
  CHECK(k_ready.conveners[0].practitioners_tied == 2);
  CHECK(k_ready.conveners[0].practitioners == 3);
  CHECK(k_ready.conveners[0].organizations_tied == 3);
  CHECK(k_ready.conveners[0].organizations == 5);

  CHECK(education.conveners[1].status == HowMany::none);
  CHECK(education.conveners[1].conveners.empty());

  const OutcomeConveners& graduation = education.conveners[2];
  CHECK(graduation.status == HowMany::several);
  REQUIRE(graduation.conveners.size() == 2);
  CHECK(graduation.conveners[0].organizations_tied == 1);  // library: head_start
  CHECK(graduation.conveners[1].practitioners_tied == 1);  // united_way: p3
}

TEST_CASE("conveners: a convener naming no outcome convenes every outcome") {
  Builder b;
  const uint32_t united = b.org("united_way"), library = b.org("library");
  b.role(united, RoleKind::convener, 0);      // no outcome
  b.role(library, RoleKind::convener, 0, 1);  // reading
  RoleReport r = b.run();
  const IssueAreaRoles& education = r.issue_areas[0];
  REQUIRE(education.whole_area_conveners.size() == 1);
  CHECK(education.conveners[0].status == HowMany::one);      // k_ready: united_way
  CHECK(education.conveners[1].status == HowMany::several);  // reading: library + united_way
  CHECK(education.conveners[1].conveners[1].whole_issue_area);
}

TEST_CASE("anchors: none, one, several") {
  Builder b;
  const uint32_t a = b.org("a"), x = b.org("x");
  CHECK(b.run().anchor_status == HowMany::none);
  b.role(a, RoleKind::anchor, kNone);
  b.role(a, RoleKind::anchor, 0);  // the same entity twice is still one anchor
  RoleReport one = b.run();
  CHECK(one.anchor_status == HowMany::one);
  CHECK(one.anchors == std::vector<uint32_t>{a});
  b.role(x, RoleKind::anchor, kNone);
  CHECK(b.run().anchor_status == HowMany::several);
}

TEST_CASE("members: an organization holding a role in an area counts even if it does not list the area") {
  Builder b;
  b.org("listed");
  const uint32_t unlisted = b.org("unlisted", false, {});
  b.backbone(unlisted, "data");
  RoleReport r = b.run();
  CHECK(r.issue_areas[0].organization_count == 2);
  CHECK(r.issue_areas[1].organization_count == 0);
  CHECK(planned(r, b.c, "data") == "unlisted");
}

TEST_CASE("plan: overlapping backbones are resolved into one organization per function, under the cap") {
  // Three whole-role backbones in education, five functions, cap 2. schools
  // has an agreed data claim; united_way claims investment specifically.
  // Ties inside education: united_way-schools, united_way-library,
  // united_way-p1 (united_way tied to 3, the most); schools-library (2 each).
  Builder b;
  const uint32_t schools = b.org("schools", true), united = b.org("united_way", true), library = b.org("library");
  const uint32_t p1 = b.org("p1");
  for (uint32_t o : {schools, united, library}) b.backbone(o, "");
  b.backbone(schools, "data", true);
  b.backbone(united, "investment");
  b.tie(united, schools, 2);
  b.tie(united, library, 1);
  b.tie(united, p1, 1);
  b.tie(schools, library, 1);
  RoleReport r = b.run(2);
  const IssueAreaRoles& education = r.issue_areas[0];
  REQUIRE(education.plan_complete);
  // Agreed first: data -> schools. investment: united_way's specific claim.
  CHECK(planned(r, b.c, "data") == "schools");
  CHECK(planned(r, b.c, "investment") == "united_way");
  // The three others go to whole-role claimants: one more each for schools
  // and united_way (at the table, central), then library (cap 2 reached).
  std::map<std::string, int> load;
  for (const BackboneStep& step : education.plan) {
    REQUIRE(step.assignment.organization != kNoOrganization);
    ++load[b.c.org_id(uint32_t(step.assignment.organization))];
    CHECK(step.assignment.facts.claim != ClaimLevel::none);
    CHECK_FALSE(step.reason.empty());
  }
  CHECK(load["schools"] == 2);
  CHECK(load["united_way"] == 2);
  CHECK(load["library"] == 1);
  CHECK(load.count("p1") == 0);
  // The reason of data says the agreement was kept.
  CHECK(education.plan[1].reason.find("keeps the agreed claim on data") != std::string::npos);
}

TEST_CASE("plan: without claimants, prefers the most connected organization at the table") {
  Builder b({"data"});
  const uint32_t hub = b.org("hub", false), seat = b.org("seat", true), edge = b.org("edge", true);
  // hub tied to seat and edge (2); seat tied to hub (1); edge tied to hub (1).
  b.tie(hub, seat, 1);
  b.tie(hub, edge, 1);
  // Costs (soft points): hub 0 + 50 (not at table) = 50; seat 50 + 0 = 50; edge 50 + 0 = 50:
  // a tie, broken by row: hub. Give seat one more tie to edge: seat 0 + 0 = 0 wins.
  CHECK(planned(b.run(), b.c, "data") == "hub");
  b.tie(seat, edge, 1);
  RoleReport r = b.run();
  CHECK(planned(r, b.c, "data") == "seat");
  CHECK(r.issue_areas[0].plan[0].reason.find("nobody claims data") != std::string::npos);
}

TEST_CASE("plan: an area with too few organizations says which function is left open") {
  Builder b;
  b.org("only", true);
  RoleReport r = b.run(2);
  const IssueAreaRoles& education = r.issue_areas[0];
  CHECK_FALSE(education.plan_complete);
  int open = 0;
  for (const BackboneStep& step : education.plan)
    if (step.assignment.organization == kNoOrganization) {
      ++open;
      CHECK(step.reason.find("--max-functions 2") != std::string::npos);
    }
  CHECK(open == 3);
  // health has no organizations at all.
  CHECK(r.issue_areas[1].plan[0].reason.find("no organization works in health") != std::string::npos);
}

TEST_CASE("report: JSON keys and the text matrix mark overlaps and the plan") {
  Builder b;
  const uint32_t schools = b.org("schools", true), united = b.org("united_way", true);
  b.backbone(schools, "");
  b.backbone(united, "");
  b.role(schools, RoleKind::anchor, kNone);
  RoleReport r = b.run();
  nlohmann::json j = to_json(r, b.c);
  const auto& education = j["issue_areas"][0];
  CHECK(education["id"] == "education");
  CHECK(education["backbones"] == nlohmann::json::array({"schools", "united_way"}));
  CHECK(education["overlapping_backbones"] == true);
  CHECK(education["functions"][0]["function"] == "leadership");
  CHECK(education["functions"][0]["status"] == "contested");
  CHECK(education["functions"][0]["organizations"].size() == 2);
  CHECK(education["functions"][0]["evidence"]["pairs"][0]["tied"] == false);
  CHECK(education["conveners"][0]["outcome"] == "k_ready");
  CHECK(education["conveners"][0]["status"] == "none");
  CHECK(education["plan"].size() == 5);
  CHECK(education["plan"][0].contains("reason"));
  CHECK(j["anchors"]["status"] == "one");
  CHECK(j["anchors"]["organizations"] == nlohmann::json::array({"schools"}));
  CHECK(j["plan_note"].get<std::string>().find("not a verdict") != std::string::npos);

  std::string text = format_role_report(r, b.c);
  CHECK(text.find("OVERLAPPING BACKBONES") != std::string::npos);
  CHECK(text.find("!contested") != std::string::npos);
  CHECK(text.find("[c]") != std::string::npos);  // a planned whole-role claimant
  CHECK(text.find("not a verdict") != std::string::npos);
}
