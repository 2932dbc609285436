// What the bundle reader accepts and how it fills the model.
#include <catch2/catch.hpp>

#include "core/network.hpp"
#include "io/bundle.hpp"
#include "io/codec.hpp"
#include "io/csv.hpp"
#include "support/bundle_fixture.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {
Community load_valid(const std::map<std::string, std::string>& changes = {}) {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files(), changes);
  LoadResult r = load_community(folder.path());
  for (const auto& p : r.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(r.ok());
  return std::move(*r.community);
}
}  // namespace

TEST_CASE("the profile takes its values and the format's defaults") {
  Community c = load_valid();
  CHECK(c.profile.name == "Test Hollow");
  CHECK(c.profile.geography == Geography::small_rural);
  CHECK(c.profile.population == 7500);
  CHECK(c.profile.year == 2026);
  REQUIRE(c.profile.sectors.size() == 12);
  CHECK(c.profile.required_sector_count == 6);
  CHECK(c.profile.sectors[0] == "health");
  CHECK(c.profile.sectors[6] == "philanthropy");
  CHECK(c.profile.backbone_functions ==
        std::vector<std::string>{"leadership", "data", "facilitation", "mobilization", "investment"});
  CHECK(c.profile.thresholds.min_per_required_sector == 1);
  CHECK(c.profile.thresholds.generation_ratio_floor == 0.5);
  CHECK(c.profile.has_residents);
  CHECK(c.profile.total_residents() == 7500);
  CHECK(c.profile.issue_areas[0].outcomes.size() == 2);
}

TEST_CASE("organization rows fill every field, unknown columns are kept") {
  Community c = load_valid();
  REQUIRE(c.organizations.size() == 5);
  const Organization& clinic = c.organizations[0];
  CHECK(clinic.id == "clinic");
  CHECK(clinic.name == "Hollow Family Clinic");
  CHECK(c.sector_name(clinic.sector) == "health");
  REQUIRE(clinic.secondary_sectors.size() == 1);
  CHECK(c.sector_name(clinic.secondary_sectors[0]) == "social_services");
  CHECK(clinic.type == OrgType::nonprofit);
  CHECK(clinic.at_table);
  CHECK(clinic.issue_areas == std::vector<IssueAreaId>{1});
  CHECK(contains(clinic.generations_served, Generation::boomers));
  CHECK(contains(clinic.generations_served, Generation::silent));
  CHECK_FALSE(contains(clinic.generations_served, Generation::gen_z));
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"website"});
  CHECK(clinic.extra == ExtraCells{"clinic.example"});
  CHECK(c.find_organization("library") == 4u);
  CHECK_FALSE(c.find_organization("nowhere"));
}

TEST_CASE("people: birth years map to generations, sectors default to the organization's") {
  Community c = load_valid();
  REQUIRE(c.people.size() == 3);
  CHECK(c.people[0].generation == Generation::boomers);  // born 1958
  CHECK(c.people[0].birth_year == 1958);
  CHECK(c.sector_name(c.people[0].sector) == "health");  // the clinic's sector
  CHECK(c.people[1].generation == Generation::gen_x);
  CHECK_FALSE(c.people[1].resident);
  CHECK(c.people[2].organization == kNoOrganization);
  CHECK(c.sector_name(c.people[2].sector) == "residents");
  CHECK_FALSE(c.people[2].formal_leader);
}

TEST_CASE("generation boundaries follow the birth-year table") {
  CHECK(generation_of_birth_year(1945) == Generation::silent);
  CHECK(generation_of_birth_year(1946) == Generation::boomers);
  CHECK(generation_of_birth_year(1964) == Generation::boomers);
  CHECK(generation_of_birth_year(1965) == Generation::gen_x);
  CHECK(generation_of_birth_year(1980) == Generation::gen_x);
  CHECK(generation_of_birth_year(1981) == Generation::millennials);
  CHECK(generation_of_birth_year(1996) == Generation::millennials);
  CHECK(generation_of_birth_year(1997) == Generation::gen_z);
  CHECK(generation_of_birth_year(2012) == Generation::gen_z);
  CHECK(generation_of_birth_year(2013) == Generation::gen_alpha);
  CHECK_FALSE(generation_of_birth_year(1927));
}

TEST_CASE("ties, roles and their defaults") {
  Community c = load_valid({{"ties.csv", "target,source\nschool,clinic\n"}});  // column order is free
  REQUIRE(c.ties.size() == 1);
  CHECK(c.ties[0].source == 0);
  CHECK(c.ties[0].target == 1);
  CHECK(c.ties[0].kind == TieKind::information);
  CHECK(c.ties[0].strength == 1);
  CHECK_FALSE(c.ties[0].directed);
  CHECK(c.ties[0].confirmed);
  Community full = load_valid();
  REQUIRE(full.roles.size() == 4);
  CHECK(full.roles[0].kind == RoleKind::backbone);
  CHECK(full.roles[0].function == kWholeBackbone);  // "all"
  CHECK(full.roles[0].status == RoleStatus::agreed);
  CHECK(full.roles[1].function == 1);  // "data"
  CHECK(full.roles[2].kind == RoleKind::convener);
  CHECK(full.roles[3].kind == RoleKind::anchor);
}

TEST_CASE("a BOM, header case, spaces, empty lines and quoted cells are accepted") {
  Community c = load_valid({{"organizations.csv",
                             "\xEF\xBB\xBF ID , Name ,SECTOR\r\n\r\nclinic , \"Clinic, the \"\"Good\"\" one\" ,health\r\n"
                             "school,\"Multi\nline\",education\n\nbank,B,business\ncounty,D,government\nlibrary,E,education\n"}});
  REQUIRE(c.organizations.size() == 5);
  CHECK(c.organizations[0].id == "clinic");
  CHECK(c.organizations[0].name == "Clinic, the \"Good\" one");
  CHECK(c.organizations[1].name == "Multi\nline");
}

TEST_CASE("several tie rows between one pair make one relationship with several kinds") {
  Community c = load_valid();
  Network net(c);
  CHECK(net.organization_count() == 5);
  CHECK(net.relationship_count() == 4);  // clinic-school twice
  const Relationship& cs = net.relationships()[0];  // (clinic=0, school=1)
  CHECK(cs.a == 0);
  CHECK(cs.b == 1);
  CHECK(cs.has(TieKind::information));
  CHECK(cs.has(TieKind::referral));
  CHECK_FALSE(cs.has(TieKind::resources));
  CHECK(cs.strength == 3);
  CHECK(cs.rows == 2);
  CHECK(net.degree(1) == 3);    // school: clinic, bank, library
  CHECK(net.strength(1) == 5);  // 3 + 1 + 1
  // The directed funding tie bank -> school flows one way only.
  for (const Relationship& r : net.relationships())
    if (r.a == 1 && r.b == 2) {
      CHECK(r.b_to_a);
      CHECK_FALSE(r.a_to_b);
    }
  CHECK(boost::num_vertices(net.graph()) == 5);
  CHECK(boost::num_edges(net.graph()) == 8);  // two arcs per relationship
}

TEST_CASE("organizations at the table: by their own flag or through a person") {
  Community c = load_valid();
  auto at = c.organizations_at_table();
  CHECK(at == std::vector<bool>{true, true, true, false, false});  // bank via Bo Lind
}

// decode_community consumes its tables: each file's text is freed once its
// rows are decoded. The organizations' text once stayed to the end: an empty
// table assigned over it kept the string's buffer (94 MB of a national
// bundle, held while the ties were decoded).
TEST_CASE("decoding frees each table's text as soon as its rows are decoded") {
  const auto files = valid_bundle_files();
  RawCommunity raw;
  raw.profile_file = "town/community.json";
  raw.profile_text = files.at("community.json");
  Problems problems;
  auto table = [&](const std::string& name) {
    RowTable t;
    REQUIRE(parse_csv(files.at(name), "town/" + name, t, problems));
    return t;
  };
  raw.organizations = table("organizations.csv");
  raw.people = table("people.csv");
  raw.ties = table("ties.csv");
  raw.roles = table("roles.csv");
  REQUIRE(problems.empty());
  const size_t organizations_text = raw.organizations.text.size();
  REQUIRE(organizations_text > 100);

  LoadResult r = decode_community(raw);
  REQUIRE(r.ok());
  CHECK(r.community->organizations.size() == 5);
  CHECK(raw.organizations.text.capacity() < organizations_text);
  CHECK(raw.organizations.packed.capacity() == 0);
  CHECK_FALSE(raw.people);
  CHECK_FALSE(raw.ties);
  CHECK_FALSE(raw.roles);
}
