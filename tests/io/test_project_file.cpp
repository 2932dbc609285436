// The .tablemap project file: round trips through every format, several
// years in one file, the migration of a version-1 file, map positions, and
// files that are not ours or too new.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <sqlite3.h>

#include "io/bundle.hpp"
#include "io/json_file.hpp"
#include "io/load.hpp"  // SaveError
#include "io/project_file.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;

namespace {

std::string all(const Problems& problems) {
  std::string s;
  for (const auto& p : problems) s += p.to_string() + "\n";
  return s;
}

Community load_bundle_ok(const std::string& folder) {
  LoadResult r = load_bundle(folder);
  INFO(all(r.problems));
  REQUIRE(r.ok());
  return *r.community;
}

Community load_project_ok(const std::string& path, int year = 0) {
  LoadResult r = load_project(path, year);
  INFO(all(r.problems));
  REQUIRE(r.ok());
  return *r.community;
}

// Runs SQL on a file directly, as another program (or an older tablemap) would.
void run_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

int pragma(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &s, nullptr) == SQLITE_OK);
  int value = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(db);
  return value;
}

std::vector<std::string> files_in(const ScratchFolder& scratch) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(scratch.path())) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("bundle -> JSON -> project -> bundle keeps every row and value", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  Community original = load_bundle_ok(scratch / "millbrook");

  save_json_file(original, scratch / "millbrook.json");
  LoadResult from_json = load_json_file(scratch / "millbrook.json");
  REQUIRE(from_json.ok());
  save_project(*from_json.community, scratch / "millbrook.tablemap");
  Community from_project = load_project_ok(scratch / "millbrook.tablemap");
  save_bundle(from_project, scratch / "again");
  Community again = load_bundle_ok(scratch / "again");

  CHECK(again == original);
  // The final bundle's files are the ones a direct bundle -> bundle save writes.
  save_bundle(original, scratch / "direct");
  for (const char* file : {"community.json", "organizations.csv", "people.csv", "ties.csv", "roles.csv"}) {
    INFO(file);
    CHECK(read_text(scratch / ("again/" + std::string(file))) == read_text(scratch / ("direct/" + std::string(file))));
  }
  // Spot checks of what a round trip most easily loses.
  CHECK(again.organizations.extra_columns() == std::vector<std::string>{"website", "notes", "blank"});
  CHECK(again.organizations[1].extra[1] == "Two lines:\nsecond line");
  CHECK(again.organizations[2].extra[1] == "Caf\xC3\xA9 owner\xE2\x80\x99s bank");
  CHECK(again.people.extra_columns() == std::vector<std::string>{"pronouns"});
  CHECK(again.people[0].extra[0] == "they/them");
  CHECK(again.ties.extra_columns() == std::vector<std::string>{"since"});
  CHECK(again.ties[2].extra[0] == "2021");
  CHECK(again.profile.extra["funder_note"]["kept"] == "as it is");
}

TEST_CASE("two yearly snapshots live in one project file", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "y2025", 2025);
  tablemap::test::write_sample_bundle(scratch / "y2026", 2026);
  // In 2026 a library joined the table.
  write_text(scratch / "y2026/organizations.csv",
             read_text(scratch / "y2026/organizations.csv") + "library,Millbrook Library,arts_culture,nonprofit,yes,,,,\n");
  Community c2025 = load_bundle_ok(scratch / "y2025");
  Community c2026 = load_bundle_ok(scratch / "y2026");
  const std::string path = scratch / "millbrook.tablemap";

  save_project(c2026, path);  // the order of saves does not matter
  save_project(c2025, path);
  Problems problems;
  CHECK(project_years(path, problems) == std::vector<int>{2025, 2026});
  CHECK(problems.empty());
  CHECK(load_project_ok(path, 2025) == c2025);
  CHECK(load_project_ok(path, 2026) == c2026);
  Community latest = load_project_ok(path);
  CHECK(latest.profile.year == 2026);
  CHECK(latest.organizations.size() == 5);

  LoadResult missing = load_project(path, 2024);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].message == "the project file has no snapshot of 2024; it holds 2025, 2026");

  // Saving 2025 again replaces 2025 only.
  c2025.organizations.edit()[0].name = "Millbrook Health Clinic";
  save_project(c2025, path);
  CHECK(load_project_ok(path, 2025).organizations[0].name == "Millbrook Health Clinic");
  CHECK(load_project_ok(path, 2026) == c2026);
  CHECK(files_in(scratch) == std::vector<std::string>{"millbrook.tablemap", "y2025", "y2026"});
}

TEST_CASE("map positions are kept per snapshot", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "y2025", 2025);
  tablemap::test::write_sample_bundle(scratch / "y2026", 2026);
  const std::string path = scratch / "millbrook.tablemap";
  save_project(load_bundle_ok(scratch / "y2025"), path);
  save_project(load_bundle_ok(scratch / "y2026"), path);

  save_positions(path, 2025, {{"clinic", 1.5, -2.25, true}, {"bank", 30, 40, false}});
  save_positions(path, 2026, {{"school", 7, 8, false}});
  auto p2025 = load_positions(path, 2025);
  REQUIRE(p2025.size() == 2);  // ordered by organization id
  CHECK(p2025[0].organization == "bank");
  CHECK(p2025[0].x == 30);
  CHECK_FALSE(p2025[0].pinned);
  CHECK(p2025[1].organization == "clinic");
  CHECK(p2025[1].y == -2.25);
  CHECK(p2025[1].pinned);
  auto latest = load_positions(path, 0);
  REQUIRE(latest.size() == 1);
  CHECK(latest[0].organization == "school");

  // Saving the community again keeps its positions; positions of a year the file lacks are refused.
  save_project(load_bundle_ok(scratch / "y2025"), path);
  CHECK(load_positions(path, 2025).size() == 2);
  CHECK_THROWS_AS(save_positions(path, 2019, {}), SaveError);
}

TEST_CASE("a version-1 project file made by an older tablemap opens and migrates", "[project]") {
  ScratchFolder scratch("project");
  const std::string path = scratch / "old.tablemap";
  // Schema 1 exactly as tablemap wrote it before map positions existed.
  run_sql(path, R"(
    PRAGMA application_id = 1414349136;
    CREATE TABLE snapshots(year INTEGER PRIMARY KEY, profile TEXT NOT NULL, saved_at TEXT NOT NULL);
    CREATE TABLE table_headers(year INTEGER NOT NULL, table_name TEXT NOT NULL, header TEXT NOT NULL,
      PRIMARY KEY(year, table_name)) WITHOUT ROWID;
    CREATE TABLE table_rows(year INTEGER NOT NULL, table_name TEXT NOT NULL, position INTEGER NOT NULL,
      cells TEXT NOT NULL, PRIMARY KEY(year, table_name, position)) WITHOUT ROWID;
    INSERT INTO snapshots VALUES(2024, '{"name": "Old Mill", "year": 2024}', '2024-05-01T09:00:00Z');
    INSERT INTO table_headers VALUES(2024, 'organizations', 'id,name,sector,color');
    INSERT INTO table_rows VALUES(2024, 'organizations', 1, 'pantry,"Food Pantry, Inc.",social_services,');
    INSERT INTO table_rows VALUES(2024, 'organizations', 0, 'mill,Old Mill Library,education,blue');
    INSERT INTO table_headers VALUES(2024, 'ties', 'source,target,kind');
    INSERT INTO table_rows VALUES(2024, 'ties', 0, 'mill,pantry,referral');
    PRAGMA user_version = 1;
  )");

  Community old = load_project_ok(path);
  REQUIRE(old.organizations.size() == 2);
  CHECK(old.organizations[0].id == "mill");  // row order is the stored position, not insertion order
  CHECK(old.organizations[1].name == "Food Pantry, Inc.");
  CHECK(old.organizations.extra_columns() == std::vector<std::string>{"color"});
  CHECK(old.organizations[0].extra[0] == "blue");
  REQUIRE(old.ties.size() == 1);
  CHECK(old.ties[0].kind == TieKind::referral);
  CHECK(load_positions(path, 2024).empty());  // schema 1 has no positions
  CHECK(pragma(path, "user_version") == 1);   // reading does not change the file

  save_positions(path, 2024, {{"mill", 1, 2, true}});
  CHECK(pragma(path, "user_version") == 3);
  CHECK(load_positions(path, 2024).size() == 1);
  CHECK(load_project_ok(path) == old);

  Community next = old;
  next.profile.year = 2025;
  save_project(next, path);
  Problems problems;
  CHECK(project_years(path, problems) == std::vector<int>{2024, 2025});
}

TEST_CASE("a file that is not a tablemap project is refused and left alone", "[project]") {
  ScratchFolder scratch("project");
  const std::string text_file = scratch / "notes.tablemap";
  write_text(text_file, "id,name\nthis is a spreadsheet, not a project\n");
  LoadResult r = load_project(text_file);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == text_file + ": this is not a tablemap project file");

  const std::string other_db = scratch / "other.tablemap";
  run_sql(other_db, "CREATE TABLE invoices(id INTEGER); INSERT INTO invoices VALUES(42);");
  std::string before = read_text(other_db);
  LoadResult o = load_project(other_db);
  REQUIRE(o.problems.size() == 1);
  CHECK(o.problems[0].message == "this is not a tablemap project file");

  tablemap::test::write_sample_bundle(scratch / "millbrook");
  Community c = load_bundle_ok(scratch / "millbrook");
  CHECK_THROWS_WITH(save_project(c, other_db), Catch::Contains("this is not a tablemap project file"));
  CHECK(read_text(other_db) == before);

  LoadResult none = load_project(scratch / "nowhere.tablemap");
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].message == "there is no such project file");
}

TEST_CASE("a project file from a newer tablemap names both schema versions", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(load_bundle_ok(scratch / "millbrook"), path);
  run_sql(path, "PRAGMA user_version = 7;");

  LoadResult r = load_project(path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message == "project file was written by a newer tablemap (schema 7); this version reads up to 3");
  Problems problems;
  CHECK(project_years(path, problems).empty());
  CHECK(problems.size() == 1);
  CHECK_THROWS_AS(save_project(load_bundle_ok(scratch / "millbrook"), path), SaveError);
  CHECK(pragma(path, "user_version") == 7);
}

TEST_CASE("a bad row inside a project file names its snapshot, table and line", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(load_bundle_ok(scratch / "millbrook"), path);
  // Third tie row (line 4 of ties.csv) now names an organization that does not exist.
  run_sql(path,
          "UPDATE table_rows SET cells = 'bank,clinc,resources,2,yes,2021' || char(10) "
          "WHERE year = 2025 AND table_name = 'ties' AND position = 2;");
  LoadResult r = load_project(path);
  INFO(all(r.problems));
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].file == path + ":2025/ties.csv");
  CHECK(r.problems[0].line == 4);
  CHECK(r.problems[0].message.find("clinc") != std::string::npos);
}

TEST_CASE("saves keep the file's permissions and clear temporaries of dead saves", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  Community c = load_bundle_ok(scratch / "millbrook");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(c, path);
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  // A temporary left by a save whose process is gone (no process has this id).
  write_text(scratch / ".millbrook.tablemap.saving-2147483000-0", "half a database");
  save_project(c, path);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(files_in(scratch) == std::vector<std::string>{"millbrook", "millbrook.tablemap"});
  CHECK(load_project_ok(path) == c);
}
