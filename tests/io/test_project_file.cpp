// The .tablemap project file: round trips through every format, several
// years in one file, the migration of a version-1 file, map positions, and
// files that are not ours or too new.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
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
  CHECK(pragma(path, "user_version") == 2);
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
  CHECK(r.problems[0].message == "project file was written by a newer tablemap (schema 7); this version reads up to 2");
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
          "UPDATE table_rows SET cells = 'bank,clinc,resources,2,yes,yes,2021' "
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

namespace {

// Runs a script through the sqlite3 shell, as a lead following
// docs/project-file.md would; returns what it printed.
std::string sqlite3_shell(const ScratchFolder& scratch, const std::string& path, const std::string& script) {
  write_text(scratch / "script.sql", script);
  std::string command = "sqlite3 -batch '" + path + "' < '" + (scratch / "script.sql") + "' > '" +
                        (scratch / "shell.out") + "' 2>&1";
  int status = std::system(command.c_str());
  std::string out = read_text(scratch / "shell.out");
  std::filesystem::remove(scratch / "script.sql");
  std::filesystem::remove(scratch / "shell.out");
  INFO(command << "\n" << out);
  REQUIRE(status != -1);
  return out;
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace

TEST_CASE("a project file the sqlite3 shell left in WAL mode, with its log not yet written back, stays whole through saves", "[project][sqlite3]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "y2025", 2025);
  tablemap::test::write_sample_bundle(scratch / "y2026", 2026);
  Community c2025 = load_bundle_ok(scratch / "y2025");
  Community c2026 = load_bundle_ok(scratch / "y2026");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(c2025, path);

  // The lead renames the clinic with the shell, in WAL mode, and the shell
  // leaves its change in millbrook.tablemap-wal (no checkpoint on close).
  CHECK(sqlite3_shell(scratch, path,
                      "PRAGMA journal_mode = WAL;\n"
                      ".dbconfig no_ckpt_on_close on\n"
                      "UPDATE table_rows SET cells = replace(cells, 'Millbrook Clinic', 'Millbrook Health Center')"
                      " WHERE year = 2025 AND table_name = 'organizations';\n") == "wal\n   no_ckpt_on_close on\n");
  REQUIRE(exists(path + "-wal"));
  REQUIRE(std::filesystem::file_size(path + "-wal") > 0);
  CHECK(load_project_ok(path, 2025).organizations[0].name == "Millbrook Health Center");

  save_project(c2026, path);  // adds 2026 through the log
  Community renamed = c2025;
  renamed.organizations.edit()[0].name = "Millbrook Health Center";
  CHECK(load_project_ok(path, 2025) == renamed);  // the shell's change is kept
  CHECK(load_project_ok(path, 2026) == c2026);
  // The log beside the file is the file's own (SQLite's atomic commit in WAL
  // mode), so another program reading it now sees the same whole file.
  CHECK(sqlite3_shell(scratch, path, "PRAGMA integrity_check;\nPRAGMA journal_mode;\n"
                                     "SELECT group_concat(year) FROM snapshots;\n") == "ok\nwal\n2025,2026\n");

  // Replacing a year of a WAL file, and reading it again after a fresh open.
  save_project(c2025, path);
  CHECK(load_project_ok(path, 2025) == c2025);
  CHECK(sqlite3_shell(scratch, path, "PRAGMA integrity_check;\n") == "ok\n");
}

TEST_CASE("a project file the sqlite3 shell changed in rollback mode, or left half-changed, stays whole through saves", "[project][sqlite3]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "y2025", 2025);
  tablemap::test::write_sample_bundle(scratch / "y2026", 2026);
  Community c2025 = load_bundle_ok(scratch / "y2025");
  Community c2026 = load_bundle_ok(scratch / "y2026");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(c2025, path);

  // A change the shell committed (rollback journal, the default) is kept.
  CHECK(sqlite3_shell(scratch, path,
                      "PRAGMA journal_mode;\n"
                      "UPDATE table_rows SET cells = replace(cells, 'Grace Fellowship', 'Grace Fellowship Church')"
                      " WHERE year = 2025 AND table_name = 'organizations';\n") == "delete\n");
  // A change the shell was killed in the middle of: its journal stays beside
  // the file (hot), and the half-written pages are in the file itself (a
  // one-page cache makes SQLite write them before the commit).
  sqlite3_shell(scratch, path,
                "PRAGMA cache_size = 1;\n"
                "BEGIN;\n"
                "DELETE FROM table_rows WHERE year = 2025;\n"
                "DELETE FROM table_headers WHERE year = 2025;\n"
                "INSERT INTO table_rows SELECT 2025, 'organizations', 100 + value, hex(randomblob(2000))"
                " FROM generate_series(1, 50);\n"
                ".shell kill -9 $PPID\n");
  REQUIRE(exists(path + "-journal"));

  Community renamed = c2025;
  renamed.organizations.edit()[3].name = "Grace Fellowship Church";
  save_project(c2026, path);  // rolls the shell's half-change back, then adds 2026
  CHECK(load_project_ok(path, 2025) == renamed);
  CHECK(load_project_ok(path, 2026) == c2026);
  CHECK_FALSE(exists(path + "-journal"));
  CHECK(sqlite3_shell(scratch, path, "PRAGMA integrity_check;\nSELECT group_concat(year) FROM snapshots;\n") ==
        "ok\n2025,2026\n");

  // Reading alone also rolls a cut-off change back: what it reads is the file before the change.
  sqlite3_shell(scratch, path,
                "PRAGMA cache_size = 1;\nBEGIN;\nDELETE FROM table_rows;\n"
                "INSERT INTO table_rows SELECT 2026, 'ties', 100 + value, hex(randomblob(2000))"
                " FROM generate_series(1, 50);\n.shell kill -9 $PPID\n");
  REQUIRE(exists(path + "-journal"));
  CHECK(load_project_ok(path, 2026) == c2026);
  CHECK(load_project_ok(path, 2025) == renamed);
  CHECK_FALSE(exists(path + "-journal"));
}

TEST_CASE("a damaged project file is reported when opened and never saved into", "[project]") {
  ScratchFolder scratch("project");
  tablemap::test::write_sample_bundle(scratch / "y2025", 2025);
  tablemap::test::write_sample_bundle(scratch / "y2026", 2026);
  Community c2025 = load_bundle_ok(scratch / "y2025");
  Community c2026 = load_bundle_ok(scratch / "y2026");
  const std::string path = scratch / "millbrook.tablemap";
  save_project(c2025, path);
  save_project(c2026, path);

  // Damage that reading the rows never meets, as the fuzzer found: the
  // header's list of free pages (bytes 32-39: first page, count) now claims
  // the table_rows b-tree's root page is free, so the next save would
  // overwrite live rows with new ones.
  std::string root = sqlite3_shell(scratch, path, "SELECT rootpage FROM sqlite_schema WHERE name = 'table_rows';\n");
  unsigned page = unsigned(std::stoi(root));
  std::string bytes = read_text(path);
  const unsigned char header[8] = {0, 0, 0, (unsigned char)page, 0, 0, 0, 1};
  bytes.replace(32, 8, reinterpret_cast<const char*>(header), 8);
  write_text(path, bytes);
  CHECK(sqlite3_shell(scratch, path, "PRAGMA quick_check;\n") != "ok\n");
  CHECK(sqlite3_shell(scratch, path, "SELECT count(*) FROM table_rows;\n") == "28\n");  // the rows still read

  LoadResult r = load_project(path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].file == path);
  CHECK(r.problems[0].message.rfind("the project file is damaged (SQLite's integrity check reports: ", 0) == 0);
  CHECK_THAT(r.problems[0].message, Catch::Contains("tablemap does not read a damaged file") &&
                                        Catch::Contains("sqlite3 " + path + " \"VACUUM INTO 'rescued.tablemap'\""));
  Problems problems;
  CHECK(project_years(path, problems).empty());
  CHECK(problems.size() == 1);

  // A save is refused with what to do instead, and the file is left byte for byte.
  CHECK_THROWS_WITH(save_project(c2025, path),
                    Catch::StartsWith("cannot save " + path + ": the project file is damaged (") &&
                        Catch::Contains("nothing was written. Save the community as a new file instead"));
  CHECK_THROWS_AS(save_positions(path, 2025, {{"clinic", 1, 2, false}}), SaveError);
  CHECK(read_text(path) == bytes);
  CHECK(files_in(scratch) == std::vector<std::string>{"millbrook.tablemap", "y2025", "y2026"});

  // The rescue the message offers gives a whole file with both years.
  sqlite3_shell(scratch, path, "VACUUM INTO '" + (scratch / "rescued.tablemap") + "';\n");
  CHECK(load_project_ok(scratch / "rescued.tablemap", 2025) == c2025);
  CHECK(load_project_ok(scratch / "rescued.tablemap", 2026) == c2026);
}
