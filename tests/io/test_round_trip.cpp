// What is written back is what was read: a community read and written without
// edits comes back byte for byte, through every form (bundle, .json,
// .tablemap); a one-row edit changes one line; blank cells stay blank, so a
// corrected birth year or a moved organization carries through a write/read.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/edit.hpp"
#include "io/json_file.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"
#include "sample_community.hpp"

using namespace tablemap;
using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;

namespace {

const char* kFiles[] = {"community.json", "organizations.csv", "people.csv", "ties.csv", "roles.csv"};

// A lead's bundle with every quirk a spreadsheet leaves: BOM, CRLF, `;`,
// Title Case headers, Yes/x, names for ids, blank cells, blank rows,
// needless quotes, spaces around cells, no line end after the last row, and
// a commented community.json.
void write_quirky_bundle(const std::string& folder) {
  std::filesystem::create_directories(folder);
  write_text(folder + "/community.json",
             "{\n  // Lakeside, as the lead typed it\n  \"name\": \"Lakeside\",\n  \"year\": 2026,\n"
             "  \"issue_areas\": [{ \"id\": \"health\", \"name\": \"Health\" }]\n}\n");
  write_text(folder + "/organizations.csv",
             "\xEF\xBB\xBF"
             "ID,Name,Sector,Type,At Table,Issue Areas,Website\r\n"
             "clinic,Lakeside Clinic,Health,Nonprofit,Yes,health,https://clinic.example\r\n"
             "school,Lakeside Elementary,education,school,,,\r\n"
             ",,,,,,\r\n"
             "pantry,\"Food Pantry\",Social Services, nonprofit ,x,,\r\n"
             "bank,Lakeside Bank,business,business,no,,\r\n");
  write_text(folder + "/people.csv",
             "\xEF\xBB\xBF"
             "ID;Name;Organization;Birth Year;Generation;Sector;At Table\r\n"
             "p1;Ana Souza;Lakeside Clinic;1961;;;\r\n"
             "p2;Ben Ode;school;unknown;;;yes\r\n"
             "p3;Cy Lund;;;gen_z;residents;yes\r\n"
             "p4;Di Park;bank;1990;;;");
  write_text(folder + "/ties.csv",
             "Source,Target,Kind,Strength\n"
             "Lakeside Clinic,school,Joint programming,2\n"
             "clinic,pantry,referral,\n"
             "\n"
             "bank,school,information,1\n"
             "bank,pantry,resources,3\n");
  write_text(folder + "/roles.csv", "organization,role,status\nclinic,anchor,Agreed\n");
}

Community load_ok(const std::string& path) {
  LoadResult r = load_community(path);
  std::string all;
  for (const auto& p : r.problems) all += p.to_string() + "\n";
  INFO(all);
  REQUIRE(r.ok());
  return std::move(*r.community);
}

void check_same_files(const std::string& a, const std::string& b) {
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(read_text(a + "/" + file) == read_text(b + "/" + file));
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    line += c;
    if (c == '\n') lines.push_back(std::move(line)), line.clear();
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// The lines (1-based) where two texts differ, for texts of the same line count.
std::vector<size_t> changed_lines(const std::string& a, const std::string& b) {
  auto la = lines_of(a), lb = lines_of(b);
  REQUIRE(la.size() == lb.size());
  std::vector<size_t> out;
  for (size_t i = 0; i < la.size(); ++i)
    if (la[i] != lb[i]) out.push_back(i + 1);
  return out;
}

// The clinic's tie to the pantry, strength 1 -> 2.
Community with_one_tie_edited(const Community& c) {
  EditHistory h(c);
  Tie t = c.ties[1];
  t.strength = 2;
  REQUIRE(h.apply(Edit::change(1, t)).empty());
  return h.current();
}

}  // namespace

TEST_CASE("a bundle read and written without edits is byte-identical") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  save_community(load_ok(scratch / "in"), scratch / "out");
  check_same_files(scratch / "in", scratch / "out");
}

TEST_CASE("a one-row edit changes one line of one bundle file") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  save_community(with_one_tie_edited(load_ok(scratch / "in")), scratch / "out");
  for (const char* file : {"community.json", "organizations.csv", "people.csv", "roles.csv"}) {
    INFO(file);
    CHECK(read_text(scratch / ("in/" + std::string(file))) == read_text(scratch / ("out/" + std::string(file))));
  }
  const std::string before = read_text(scratch / "in/ties.csv"), after = read_text(scratch / "out/ties.csv");
  CHECK(changed_lines(before, after) == std::vector<size_t>{3});
  CHECK(lines_of(after)[2] == "clinic,pantry,referral,2\n");  // the row's other cells as they were
}

TEST_CASE("a .json file read and written without edits is byte-identical, and an edit changes one line") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  save_community(load_ok(scratch / "in"), scratch / "a.json");
  const Community from_json = load_ok(scratch / "a.json");
  save_community(from_json, scratch / "b.json");
  {
    const auto a = lines_of(read_text(scratch / "a.json")), b = lines_of(read_text(scratch / "b.json"));
    CHECK(a.size() == b.size());
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      INFO("line " << i + 1 << ":\n" << a[i] << b[i]);
      CHECK(a[i] == b[i]);
    }
  }
  // The typed cells are in the JSON, not derived ones.
  const std::string json = read_text(scratch / "a.json");
  CHECK(json.find("\"Organization\": \"Lakeside Clinic\"") != std::string::npos);
  CHECK(json.find("\"At Table\": \"x\"") != std::string::npos);
  CHECK(json.find("// Lakeside, as the lead typed it") != std::string::npos);
  save_community(with_one_tie_edited(from_json), scratch / "c.json");
  CHECK(changed_lines(read_text(scratch / "b.json"), read_text(scratch / "c.json")).size() == 1);
  // And back to a bundle: the cells that were typed, in the files' columns.
  save_community(from_json, scratch / "back");
  const std::string people = read_text(scratch / "back/people.csv");
  CHECK(people.find("p1,Ana Souza,Lakeside Clinic,1961,,,\n") != std::string::npos);
  CHECK(read_text(scratch / "back/community.json") == read_text(scratch / "in/community.json"));
}

TEST_CASE("a .tablemap file gives the bundle back byte for byte, and an edit changes one line") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  save_community(load_ok(scratch / "in"), scratch / "lakeside.tablemap");
  const Community from_project = load_ok(scratch / "lakeside.tablemap");
  save_community(from_project, scratch / "out");
  check_same_files(scratch / "in", scratch / "out");
  save_community(with_one_tie_edited(from_project), scratch / "lakeside.tablemap");
  save_community(load_ok(scratch / "lakeside.tablemap"), scratch / "edited");
  CHECK(changed_lines(read_text(scratch / "in/ties.csv"), read_text(scratch / "edited/ties.csv")) ==
        std::vector<size_t>{3});
}

TEST_CASE("a corrected birth year carries through a write and a read") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  EditHistory h(load_ok(scratch / "in"));
  Person ana = h.current().people[0];
  ana.birth_year = 1985;  // millennials (1981..1996), no longer boomers
  REQUIRE(h.apply(Edit::change(0, ana)).empty());
  save_community(h.current(), scratch / "out");
  const Community again = load_ok(scratch / "out");
  CHECK(again.people[0].generation == Generation::millennials);
  // The generation cell stays blank: only the birth year line changed.
  CHECK(changed_lines(read_text(scratch / "in/people.csv"), read_text(scratch / "out/people.csv")) ==
        std::vector<size_t>{2});
  // The organization, typed by its name, stays as typed.
  CHECK(lines_of(read_text(scratch / "out/people.csv"))[1] == "p1;Ana Souza;Lakeside Clinic;1985;;;\r\n");
}

TEST_CASE("an edited row keeps the spelling of every cell whose value did not change") {
  // The pantry's row is `pantry,"Food Pantry",Social Services, nonprofit ,x,,`:
  // renamed on the map, only its name cell is written anew; `Social Services`,
  // `nonprofit` and the `x` check mark stay as the lead typed them (the spaces
  // around a cell are not part of it: the reader trims them).
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  EditHistory h(load_ok(scratch / "in"));
  Organization pantry = h.current().organizations[2];
  REQUIRE(pantry.id == "pantry");
  pantry.name = "Lakeside Food Pantry";
  REQUIRE(h.apply(Edit::change(2, pantry)).empty());
  // And the clinic leaves the table: its `Yes` becomes the writer's `no`, the rest stays.
  Organization clinic = h.current().organizations[0];
  clinic.at_table = false;
  REQUIRE(h.apply(Edit::change(0, clinic)).empty());
  save_community(h.current(), scratch / "out");
  const auto lines = lines_of(read_text(scratch / "out/organizations.csv"));
  CHECK(changed_lines(read_text(scratch / "in/organizations.csv"), read_text(scratch / "out/organizations.csv")) ==
        std::vector<size_t>{2, 5});
  CHECK(lines[1] == "clinic,Lakeside Clinic,Health,Nonprofit,no,health,https://clinic.example\r\n");
  CHECK(lines[4] == "pantry,Lakeside Food Pantry,Social Services,nonprofit,x,,\r\n");
  // Read back, the values are the edited ones.
  const Community again = load_ok(scratch / "out");
  CHECK(again.organizations[2].name == "Lakeside Food Pantry");
  CHECK(again.sector_name(again.organizations[2].sector) == "social_services");
  CHECK(again.organizations[2].at_table);
  CHECK_FALSE(again.organizations[0].at_table);
}

TEST_CASE("moving an organization to another sector moves its people, after a write and a read") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  EditHistory h(load_ok(scratch / "in"));
  Organization bank = h.current().organizations[3];
  bank.sector = *h.current().profile.find_sector("philanthropy");
  REQUIRE(h.apply(Edit::change(3, bank)).empty());
  CHECK(h.current().sector_name(h.current().people[3].sector) == "philanthropy");
  save_community(h.current(), scratch / "out");
  const Community again = load_ok(scratch / "out");
  CHECK(again.sector_name(again.people[3].sector) == "philanthropy");  // Di works at the bank
  // Only the bank's line changed; people.csv is as it was (Di's sector cell is blank).
  CHECK(read_text(scratch / "out/people.csv") == read_text(scratch / "in/people.csv"));
  CHECK(changed_lines(read_text(scratch / "in/organizations.csv"), read_text(scratch / "out/organizations.csv")) ==
        std::vector<size_t>{6});
}

TEST_CASE("community.json is written from the profile once the profile is edited") {
  ScratchFolder scratch("roundtrip");
  write_quirky_bundle(scratch / "in");
  Community c = load_ok(scratch / "in");
  c.profile.population = 5200;
  save_community(c, scratch / "out");
  const std::string text = read_text(scratch / "out/community.json");
  CHECK(text.find("5200") != std::string::npos);
  CHECK(load_ok(scratch / "out").profile.population == 5200);
}
