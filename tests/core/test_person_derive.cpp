// A person's derived values (generation, sector, at_table) follow what was
// typed and the organization, after load and after every edit.
#include <catch2/catch.hpp>

#include "core/edit.hpp"

using namespace tablemap;

namespace {

// Two organizations: a clinic (health, at the table) and a library
// (education, not at the table); Ann works at the library and typed only her
// birth year; Bo is a resident with no organization.
Community two_organizations() {
  Community c;
  c.profile.year = 2026;
  c.profile.sectors = {"health", "education", "residents"};
  c.profile.required_sector_count = 2;
  c.organizations.edit() = {{.id = "clinic", .name = "Clinic", .sector = 0, .type = OrgType::nonprofit, .at_table = true},
                            {.id = "library", .name = "Library", .sector = 1, .type = OrgType::public_agency, .at_table = false}};
  Person ann;
  ann.id = "ann";
  ann.name = "Ann";
  ann.organization = 1;
  ann.birth_year = 1970;
  Person bo;
  bo.id = "bo";
  bo.name = "Bo";
  bo.birth_year = kBirthYearUnknown;
  bo.sector_cell = 2;
  bo.at_table_cell = true;
  c.people.edit() = {ann, bo};
  c.derive_people();
  return c;
}

}  // namespace

TEST_CASE("derived values come from the typed cells and the organization") {
  const Community c = two_organizations();
  const Person& ann = c.people[0];
  CHECK(ann.generation == Generation::gen_x);  // 1970 is in 1965..1980
  CHECK(ann.generation_known);
  CHECK(ann.sector == 1);      // the library's education
  CHECK_FALSE(ann.at_table);   // blank at_table: the library's no
  const Person& bo = c.people[1];
  CHECK_FALSE(bo.generation_known);  // birth year typed as unknown
  CHECK(bo.sector == 2);
  CHECK(bo.at_table);
}

TEST_CASE("correcting a birth year changes the generation") {
  EditHistory h(two_organizations());
  Person ann = h.current().people[0];
  ann.birth_year = 1990;  // millennials: 1981..1996
  REQUIRE(h.apply(Edit::change(0, ann)).empty());
  CHECK(h.current().people[0].generation == Generation::millennials);
}

TEST_CASE("moving an organization to another sector moves its people") {
  EditHistory h(two_organizations());
  Organization library = h.current().organizations[1];
  library.sector = 0;  // health
  library.at_table = true;
  REQUIRE(h.apply(Edit::change(1, library)).empty());
  CHECK(h.current().people[0].sector == 0);
  CHECK(h.current().people[0].at_table);  // blank at_table follows the organization
  CHECK(h.current().people[0].sector_cell == std::nullopt);  // still typed blank
  h.undo();
  CHECK(h.current().people[0].sector == 1);
}

TEST_CASE("a typed at_table overrides the organization's") {
  EditHistory h(two_organizations());
  Person ann = h.current().people[0];
  ann.at_table_cell = true;
  REQUIRE(h.apply(Edit::change(0, ann)).empty());
  CHECK(h.current().people[0].at_table);
  CHECK_FALSE(h.current().organizations[1].at_table);
}

TEST_CASE("an edit that changes no derived value leaves the people table shared") {
  EditHistory h(two_organizations());
  const Community before = h.current();
  Organization clinic = h.current().organizations[0];
  clinic.name = "Riverside Clinic";
  REQUIRE(h.apply(Edit::change(0, clinic)).empty());
  CHECK(h.current().people.shares_storage_with(before.people));
}

TEST_CASE("an unaffiliated person needs a sector of their own") {
  EditHistory h(two_organizations());
  Person cy;
  cy.id = "cy";
  cy.name = "Cy";
  cy.generation_cell = GenerationCell::gen_z;
  const Problems problems = h.apply(Edit::add(cy));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "person 'cy' has no organization, so needs a sector (use 'residents' for a resident)");
}

TEST_CASE("deleting an organization gives its people the sector and seat they had") {
  EditHistory h(two_organizations());
  REQUIRE(h.apply(Edit::remove<Organization>(1)).empty());
  const Person& ann = h.current().people[0];
  CHECK(ann.organization == kNoOrganization);
  CHECK(ann.sector_cell == SectorId(1));
  CHECK(ann.at_table_cell == false);
  CHECK(ann.sector == 1);
}
