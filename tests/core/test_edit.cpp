// Edits with undo/redo: each edit is checked as the bundle reader checks rows.
#include <catch2/catch.hpp>

#include "core/edit.hpp"

using namespace tablemap;

namespace {

// Three organizations in a line, clinic - school - library, with one person
// at the school and one backbone role of the school in "education".
Community small_community() {
  Community c;
  c.profile.name = "Testville";
  c.profile.year = 2026;
  c.profile.sectors = {"health", "education", "residents"};
  c.profile.required_sector_count = 2;
  c.profile.issue_areas = {{"education", "Education", {"reading", "graduation"}}};
  c.profile.backbone_functions = Profile::default_backbone_functions();
  c.organizations.edit() = {{.id = "clinic", .name = "Clinic", .sector = 0, .type = OrgType::nonprofit, .at_table = true},
                            {.id = "school", .name = "School", .issue_areas = {0}, .sector = 1, .type = OrgType::school, .at_table = false},
                            {.id = "library", .name = "Library", .sector = 1, .type = OrgType::public_agency, .at_table = false}};
  Person ann;
  ann.id = "ann";
  ann.name = "Ann";
  ann.organization = 2;  // library
  ann.birth_year = 1970;
  ann.generation = Generation::gen_x;
  ann.sector = 1;
  c.people.edit() = {ann};
  Tie a{0, 1, TieKind::referral, 2, false, true, {}};
  Tie b{1, 2, TieKind::information, 1, false, true, {}};
  c.ties.edit() = {a, b};
  Role r;
  r.organization = 2;
  r.kind = RoleKind::backbone;
  r.issue_area = 0;
  c.roles.edit() = {r};
  c.derive_people();
  return c;
}

Organization org(std::string id, std::string name, SectorId sector) {
  Organization o;
  o.id = std::move(id);
  o.name = std::move(name);
  o.sector = sector;
  return o;
}

bool mentions(const Problems& problems, const std::string& text) {
  for (const auto& p : problems)
    if (p.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("adding an organization appends it and undo takes it back") {
  EditHistory h(small_community());
  REQUIRE(h.apply(Edit::add(org("food_bank", "Food Bank", 0))).empty());
  REQUIRE(h.current().organizations.size() == 4);
  CHECK(h.current().find_organization("food_bank") == 3u);
  CHECK(h.dirty());
  CHECK(h.undo_label() == "add organization 'food_bank'");
  h.undo();
  CHECK(h.current().organizations.size() == 3);
  CHECK_FALSE(h.current().find_organization("food_bank"));
  CHECK_FALSE(h.dirty());  // back where the file was
  h.redo();
  CHECK(h.current().organizations.size() == 4);
  CHECK(h.dirty());
}

TEST_CASE("an edit the reader would refuse is refused and changes nothing") {
  EditHistory h(small_community());
  const Community before = h.current();
  SECTION("duplicate id") {
    auto p = h.apply(Edit::add(org("school", "Second School", 1)));
    CHECK(mentions(p, "duplicate organization id 'school'"));
  }
  SECTION("id with a space") {
    CHECK(mentions(h.apply(Edit::add(org("food bank", "Food Bank", 0))), "may use only letters"));
  }
  SECTION("undeclared sector") {
    CHECK(mentions(h.apply(Edit::add(org("x", "X", 7))), "sector the profile does not declare"));
  }
  SECTION("self-tie") {
    CHECK(mentions(h.apply(Edit::add(Tie{1, 1, TieKind::information, 1, false, true, {}})), "to itself"));
  }
  SECTION("tie strength 4") {
    CHECK(mentions(h.apply(Edit::add(Tie{0, 2, TieKind::information, 4, false, true, {}})), "strength"));
  }
  SECTION("backbone role without issue area") {
    Role r;
    r.organization = 0;
    r.kind = RoleKind::backbone;
    CHECK(mentions(h.apply(Edit::add(r)), "needs an issue_area"));
  }
  SECTION("convener outcome out of range") {
    Role r;
    r.organization = 0;
    r.kind = RoleKind::convener;
    r.issue_area = 0;
    r.outcome = 2;  // "education" lists two outcomes: 0 and 1
    CHECK(mentions(h.apply(Edit::add(r)), "outcome"));
  }
  SECTION("birth year after the profile's year") {
    Person p = h.current().people[0];
    p.birth_year = 2030;
    auto problems = h.apply(Edit::change(0, p));
    CHECK(mentions(problems, "use a year from 1900 to 2026"));
  }
  SECTION("birth year disagreeing with the generation") {
    Person p = h.current().people[0];
    p.birth_year = 1990;  // millennials, but the typed generation says gen_x
    p.generation_cell = GenerationCell::gen_x;
    CHECK(mentions(h.apply(Edit::change(0, p)), "belongs to millennials but the generation column says gen_x"));
  }
  SECTION("a row that is not there") {
    CHECK(mentions(h.apply(Edit::remove<Tie>(5)), "no row 6"));
  }
  CHECK(h.current() == before);
  CHECK_FALSE(h.can_undo());
}

TEST_CASE("renaming an organization to its own id is not a duplicate") {
  EditHistory h(small_community());
  Organization o = h.current().organizations[1];
  o.name = "Riverside School";
  REQUIRE(h.apply(Edit::change(1, o)).empty());
  CHECK(h.current().organizations[1].name == "Riverside School");
  CHECK(h.undo_label() == "edit organization 'school'");
}

TEST_CASE("deleting an organization deletes its ties and roles and renumbers the rest") {
  EditHistory h(small_community());
  REQUIRE(h.apply(Edit::remove<Organization>(1)).empty());  // the school, in the middle
  const Community& c = h.current();
  REQUIRE(c.organizations.size() == 2);
  CHECK(c.org_id(0) == "clinic");
  CHECK(c.org_id(1) == "library");
  // Both ties touched the school: none left.
  CHECK(c.ties.empty());
  // The library's role moves from row 2 to row 1.
  REQUIRE(c.roles.size() == 1);
  CHECK(c.roles[0].organization == 1u);
  // Ann works at the library: now row 1.
  CHECK(c.people[0].organization == 1);
  h.undo();
  CHECK(h.current() == small_community());
}

TEST_CASE("deleting an organization leaves its people unaffiliated") {
  EditHistory h(small_community());
  REQUIRE(h.apply(Edit::remove<Organization>(2)).empty());
  CHECK(h.current().people[0].organization == kNoOrganization);
  CHECK(h.current().people[0].sector == 1);  // keeps the education sector
  REQUIRE(h.current().ties.size() == 1);      // clinic - school stays
  CHECK(h.current().ties[0].source == 0u);
  CHECK(h.current().ties[0].target == 1u);
}

TEST_CASE("undo snapshots share the tables an edit did not touch") {
  EditHistory h(small_community());
  const Community before = h.current();
  REQUIRE(h.apply(Edit::add(Tie{0, 2, TieKind::resources, 3, true, true, {}})).empty());
  CHECK(h.current().organizations.shares_storage_with(before.organizations));
  CHECK(h.current().people.shares_storage_with(before.people));
  CHECK_FALSE(h.current().ties.shares_storage_with(before.ties));
  CHECK(h.current().ties.size() == 3);
}

TEST_CASE("a new edit after undo clears redo") {
  EditHistory h(small_community());
  REQUIRE(h.apply(Edit::add(org("a", "A", 0))).empty());
  h.undo();
  REQUIRE(h.can_redo());
  REQUIRE(h.apply(Edit::add(org("b", "B", 0))).empty());
  CHECK_FALSE(h.can_redo());
  CHECK(h.current().find_organization("b") == 3u);
  CHECK_FALSE(h.current().find_organization("a"));
  h.mark_saved();
  CHECK_FALSE(h.dirty());
  h.undo();
  CHECK(h.dirty());
}
