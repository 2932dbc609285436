// The JSON single-file form: round trips, the lines problems name (also in a
// file re-indented by hand), and a broken or foreign file.
#include <catch2/catch.hpp>

#include "core/synthetic.hpp"
#include "io/bundle.hpp"
#include "io/json_file.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;

namespace {

std::string all(const Problems& problems) {
  std::string s;
  for (const auto& p : problems) s += p.to_string() + "\n";
  return s;
}

Community load_sample(const ScratchFolder& scratch) {
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  LoadResult r = load_bundle(scratch / "millbrook");
  INFO(all(r.problems));
  REQUIRE(r.ok());
  return *r.community;
}

// Loads JSON text and returns the problems as FILE:LINE: message lines.
Problems load_text(const ScratchFolder& scratch, const std::string& text) {
  std::string path = scratch / "community.json";
  tablemap::test::write_text(path, text);
  return load_json_file(path).problems;
}

bool has_problem(const Problems& problems, size_t line, const std::string& words) {
  for (const auto& p : problems)
    if (p.line == line && p.message.find(words) != std::string::npos) return true;
  return false;
}


}  // namespace

TEST_CASE("a community survives bundle -> JSON -> model with every row and unknown column", "[json]") {
  ScratchFolder scratch("json");
  Community c = load_sample(scratch);
  save_json_file(c, scratch / "millbrook.json");
  LoadResult r = load_json_file(scratch / "millbrook.json");
  INFO(all(r.problems));
  REQUIRE(r.ok());
  CHECK(*r.community == c);
  const Community& back = *r.community;
  REQUIRE(back.organizations.size() == 4);
  CHECK(back.organizations.extra_columns() == std::vector<std::string>{"website", "notes", "blank"});
  CHECK(back.organizations[1].extra[1] == "Two lines:\nsecond line");
  CHECK(back.organizations[0].extra[1] == "Open \"late\" on Fridays, mostly");
  CHECK(back.organizations[2].name == "Harvest Savings & Loan");
  CHECK(back.ties.size() == 4);  // repeated pair stays two rows
  CHECK(back.roles[0].extra[0] == "we host the dashboard, for now");
  CHECK(back.profile.extra["funder_note"]["kept"] == "as it is");
}

TEST_CASE("the JSON writer puts one row object on its own line", "[json]") {
  ScratchFolder scratch("json");
  Community c = load_sample(scratch);
  std::string text = community_to_json_text(c);
  // The bank is organization 3; its line must hold the whole row object.
  size_t at = text.find("{\"id\": \"bank\"");
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at);
  std::string line = text.substr(at, end - at);
  CHECK(line.back() == ',');
  CHECK(line.find("\"website\": \"https://bank.example\"") != std::string::npos);
  CHECK(text.rfind("{\n  \"format\": \"tablemap\",\n  \"version\": 1,", 0) == 0);
}

TEST_CASE("a JSON row naming an unknown organization reports the line of its object, also re-indented", "[json]") {
  ScratchFolder scratch("json");
  // Line numbers are written beside the lines; the bad tie's object opens on line 19.
  const std::string text =
      "{\n"                                                          // 1
      "  \"format\": \"tablemap\",\n"                                // 2
      "  \"version\": 1,\n"                                          // 3
      "  // a comment with { braces [ and \"quotes\"\n"              // 4
      "  \"community\": {\"name\": \"Tiny {town} [x]\", \"year\": 2025},\n"  // 5
      "  \"organizations\": [\n"                                     // 6
      "    {\n"                                                      // 7
      "      \"id\": \"a\",\n"                                       // 8
      "      \"name\": \"A \\\"quoted\\\" [name] {x}\",\n"           // 9
      "      \"sector\": \"health\"\n"                               // 10
      "    },\n"                                                     // 11
      "    /* block comment { */ {\"id\": \"b\", \"name\": \"B\", \"sector\": \"education\"}\n"  // 12
      "  ],\n"                                                       // 13
      "  \"ties\": [\n"                                              // 14
      "    {\"source\": \"a\", \"target\": \"b\"},\n"                // 15
      "\n"                                                           // 16
      "    {\"source\": \"b\", \"target\": \"a\", \"strength\": 3},\n"  // 17
      "    \n"                                                       // 18
      "    {\n"                                                      // 19
      "      \"source\": \"a\",\n"                                   // 20
      "      \"target\": \"clinc\"\n"                                // 21
      "    }\n"                                                      // 22
      "  ]\n"                                                        // 23
      "}\n";
  Problems problems = load_text(scratch, text);
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 19);
  CHECK(problems[0].message.find("clinc") != std::string::npos);
  CHECK(problems[0].file == scratch / "community.json");

  // The same content with every row re-indented over many lines by a JSON tool.
  auto j = nlohmann::json::parse(text, nullptr, true, true);
  std::string pretty = j.dump(4);
  // In dump(4) each tie object takes 4 lines ({, source, target, }) plus
  // strength for the second; find the third object's opening line by hand.
  size_t line = 1, pos = 0, objects = 0, expected = 0;
  size_t ties = pretty.find("\"ties\": [");
  for (pos = 0; pos < pretty.size(); ++pos) {
    if (pretty[pos] == '\n') ++line;
    if (pos > ties && pretty[pos] == '{' && ++objects == 3) {
      expected = line;
      break;
    }
  }
  REQUIRE(expected > 0);
  Problems again = load_text(scratch, pretty);
  INFO(all(again));
  REQUIRE(again.size() == 1);
  CHECK(again[0].line == expected);
}

TEST_CASE("a broken JSON file reports the line of the syntax error", "[json]") {
  ScratchFolder scratch("json");
  const std::string text =
      "{\n"
      "  \"community\": {\"name\": \"Tiny\", \"year\": 2025},\n"
      "  \"organizations\": [\n"
      "    {\"id\": \"a\", \"name\": \"A\", \"sector\": \"health\"}\n"  // 4: missing comma
      "    {\"id\": \"b\", \"name\": \"B\", \"sector\": \"health\"}\n"  // 5: the parser notices here
      "  ]\n"
      "}\n";
  Problems problems = load_text(scratch, text);
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 5);
  CHECK(problems[0].message.rfind("this is not valid JSON", 0) == 0);
}

TEST_CASE("a foreign or newer JSON file is refused in plain words", "[json]") {
  ScratchFolder scratch("json");
  Problems other = load_text(scratch,
                             "{\n  \"format\": \"geojson\",\n  \"community\": {},\n  \"organizations\": []\n}\n");
  INFO(all(other));
  CHECK(has_problem(other, 2, "this is not a tablemap JSON file"));

  Problems newer = load_text(scratch,
                             "{\"format\": \"tablemap\",\n \"version\": 3,\n \"community\": {},\n \"organizations\": []}");
  CHECK(has_problem(newer, 2, "written by a newer tablemap (JSON version 3); this version reads up to 1"));

  Problems typo = load_text(scratch, "{\"community\": {\"year\": 2025},\n \"organisations\": []\n}");
  CHECK(has_problem(typo, 2, "unknown key \"organisations\""));
  CHECK(has_problem(typo, 0, "no \"organizations\""));

  Problems list = load_text(scratch, "[1, 2]");
  CHECK(has_problem(list, 1, "not a tablemap JSON file"));
}

TEST_CASE("profile problems in a JSON file name the file's own line", "[json]") {
  ScratchFolder scratch("json");
  Problems problems = load_text(scratch,
                                "{\n"
                                "  \"format\": \"tablemap\",\n"
                                "  \"community\": {\n"
                                "    \"name\": \"Tiny\",\n"
                                "    \"geography\": \"on the moon\"\n"  // line 5
                                "  },\n"
                                "  \"organizations\": [{\"id\": \"a\", \"name\": \"A\", \"sector\": \"health\"}]\n"
                                "}\n");
  INFO(all(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 5);
  CHECK(problems[0].message.find("geography") != std::string::npos);
}

TEST_CASE("hand-written JSON may use numbers, true/false and lists for cells", "[json]") {
  ScratchFolder scratch("json");
  std::string path = scratch / "hand.json";
  tablemap::test::write_text(path, R"({
  "community": {"name": "Tiny", "year": 2025,
                "issue_areas": [{"id": "education", "name": "Education"}, {"id": "health", "name": "Health"}]},
  "organizations": [
    {"id": "a", "name": "A", "sector": "health", "at_table": true, "issue_areas": ["education", "health"]},
    {"id": "b", "name": "B", "sector": "education", "at_table": false, "budget": 1.50}
  ],
  "ties": [{"source": "a", "target": "b", "strength": 3, "directed": true}]
})");
  LoadResult r = load_json_file(path);
  INFO(all(r.problems));
  REQUIRE(r.ok());
  const Community& c = *r.community;
  CHECK(c.organizations[0].at_table);
  CHECK_FALSE(c.organizations[1].at_table);
  CHECK(c.organizations[0].issue_areas == std::vector<IssueAreaId>{0, 1});
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"budget"});
  CHECK(c.organizations[1].extra[0] == "1.50");  // the number as written
  CHECK(c.organizations[0].extra[0] == "");       // a row without the column
  CHECK(c.ties[0].strength == 3);
  CHECK(c.ties[0].directed);
}

TEST_CASE("row shape problems name the row's line", "[json]") {
  ScratchFolder scratch("json");
  Problems problems = load_text(scratch,
                                "{\"community\": {\"year\": 2025},\n"
                                " \"organizations\": [\n"
                                "  {\"id\": \"a\", \"name\": \"A\", \"sector\": \"health\"},\n"
                                "  \"b\",\n"                                                        // 4
                                "  {\"id\": \"c\", \"name\": {\"first\": \"C\"}, \"sector\": \"health\"},\n"  // 5
                                "  {\"id\": \"d\", \"id\": \"e\", \"name\": \"D\", \"sector\": \"health\"}\n"  // 6
                                " ]}\n");
  INFO(all(problems));
  CHECK(has_problem(problems, 4, "must be an object"));
  CHECK(has_problem(problems, 5, "\"name\" holds an object"));
  CHECK(has_problem(problems, 6, "\"id\" appears twice in this row"));
}

TEST_CASE("a generated community of 20,000 organizations round-trips through JSON", "[json]") {
  ScratchFolder scratch("json");
  GenerateOptions options;
  options.organizations = 20000;
  options.seed = 7;
  Community c = generate_community(options);
  save_json_file(c, scratch / "big.json");
  LoadResult r = load_json_file(scratch / "big.json");
  INFO(all(r.problems));
  REQUIRE(r.ok());
  CHECK(r.community->organizations.size() == 20000);
  CHECK(r.community->ties.size() == c.ties.size());
  CHECK(r.community->profile == c.profile);
  CHECK(r.community->organizations == c.organizations);
  CHECK(r.community->people == c.people);
  CHECK(r.community->ties == c.ties);
  CHECK(r.community->roles == c.roles);
  CHECK(*r.community == c);
}

TEST_CASE("empty lists in a JSON file read as tables without rows", "[json]") {
  ScratchFolder scratch("json");
  std::string path = scratch / "empty.json";
  tablemap::test::write_text(path,
                             "{\"community\": {\"name\": \"Tiny\", \"year\": 2025},\n"
                             " \"organizations\": [{\"id\": \"a\", \"name\": \"A\", \"sector\": \"health\"}],\n"
                             " \"people\": [], \"ties\": [], \"roles\": []}\n");
  LoadResult r = load_json_file(path);
  INFO(all(r.problems));
  REQUIRE(r.ok());
  CHECK(r.community->organizations.size() == 1);
  CHECK(r.community->people.empty());
  CHECK(r.community->ties.empty());

  // And a community with no people, ties or roles survives the writer.
  save_json_file(*r.community, scratch / "again.json");
  LoadResult again = load_json_file(scratch / "again.json");
  INFO(all(again.problems));
  REQUIRE(again.ok());
  CHECK(*again.community == *r.community);

  tablemap::test::write_text(path, "{\"community\": {\"name\": \"Nobody yet\", \"year\": 2025}, \"organizations\": []}");
  LoadResult none = load_json_file(path);
  INFO(all(none.problems));
  REQUIRE(none.ok());
  CHECK(none.community->organizations.empty());
}

TEST_CASE("a JSON file gives the same warnings as a bundle, at its own lines", "[json]") {
  // load_json_file dropped the decoder's warnings: an organization without
  // ties, or a repeated row, loaded without a word from the .json form only.
  ScratchFolder scratch("json");
  const std::string path = scratch / "community.json";
  tablemap::test::write_text(path,
                             "{\n"                                                              // 1
                             "  \"format\": \"tablemap\", \"version\": 1,\n"                    // 2
                             "  \"community\": {\"name\": \"Tiny\", \"year\": 2025},\n"         // 3
                             "  \"organizations\": [\n"                                         // 4
                             "    {\"id\": \"a\", \"name\": \"A\", \"sector\": \"health\"},\n"  // 5
                             "    {\"id\": \"b\", \"name\": \"B\", \"sector\": \"education\"},\n"  // 6
                             "    {\"id\": \"c\", \"name\": \"C\", \"sector\": \"business\"}\n"    // 7
                             "  ],\n"                                                           // 8
                             "  \"ties\": [\n"                                                  // 9
                             "    {\"source\": \"a\", \"target\": \"b\"},\n"                    // 10
                             "    {\"source\": \"a\", \"target\": \"b\"}\n"                     // 11
                             "  ]\n"                                                            // 12
                             "}\n");
  const LoadResult r = load_json_file(path);
  INFO(all(r.problems));
  REQUIRE(r.ok());
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].to_string() == path + ":7: warning: organization 'c' has no ties to any other organization");
  CHECK(r.warnings[1].to_string() == path + ":11: warning: this row repeats line 10 exactly; delete one of them");
}
