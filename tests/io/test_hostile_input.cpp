// Each crash and wrong result a hostile file once caused (issue #15) is
// kept here: it must give a FILE:LINE problem, not a crash, and the exports
// must stay readable by their own parsers.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/bundle.hpp"
#include "io/codec.hpp"
#include "io/graph_export.hpp"
#include "io/json_file.hpp"
#include "io/json_limits.hpp"
#include "io/load.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

std::string all_problems(const LoadResult& r) {
  std::string s;
  for (const Problem& p : r.problems) s += p.to_string() + "\n";
  return s;
}

// The sample bundle with its community.json replaced by `profile`.
std::string bundle_with_profile(ScratchFolder& scratch, const std::string& profile) {
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  write_text(folder + "/community.json", profile);
  return folder;
}

std::string nested(size_t depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); }

}  // namespace

TEST_CASE("a deeply nested value in community.json is a problem on its line, not a stack overflow", "[hostile]") {
  ScratchFolder scratch("hostile");
  // 200,000 levels overflowed the stack when the value was copied and printed.
  for (const std::string key : {"funder_note", "population", "year", "generations"}) {
    INFO(key);
    const std::string folder =
        bundle_with_profile(scratch, "{\n  \"name\": \"Deep\",\n  \"" + key + "\": " + nested(200000) + "\n}\n");
    LoadResult r = load_bundle(folder);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == folder + "/community.json");
    CHECK(r.problems[0].line == 3);
    CHECK_THAT(r.problems[0].message, Catch::Contains("nested more than 64 levels"));
  }
  // 64 levels (the object and 63 lists) are still read, kept as an unknown key.
  const std::string folder = scratch / "deep-enough";
  tablemap::test::write_sample_bundle(folder);
  std::string profile = read_text(folder + "/community.json");
  profile.replace(profile.find("{ \"kept\": \"as it is\" }"), 22, nested(63));
  write_text(folder + "/community.json", profile);
  LoadResult r = load_bundle(folder);
  INFO(all_problems(r));
  REQUIRE(r.ok());
  CHECK(r.community->profile.extra.at("funder_note").dump() == nested(63));
}

TEST_CASE("a number too large for a double is a problem on its line", "[hostile]") {
  ScratchFolder scratch("hostile");
  // 1e999 escaped as an uncaught nlohmann out_of_range exception.
  const std::string folder =
      bundle_with_profile(scratch, "{\n  \"name\": \"Huge\",\n  // a comment with 1e999 is no number\n"
                                   "  \"population\": 1e999,\n  \"note\": \"1e999 in text\"\n}\n");
  LoadResult r = load_bundle(folder);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == folder + "/community.json:4: the number 1e999 is too large; write the real figure");
  // Large but finite numbers are left to the profile's own range checks.
  Problems problems;
  CHECK(check_json_limits("[1e308, -1.5e300, 123456789012345678901234567890]", "x.json", problems));
  CHECK_FALSE(check_json_limits("[\"\\\"\", -1e400]", "x.json", problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "the number -1e400 is too large; write the real figure");
}

TEST_CASE("a NUL byte ends a // comment, as the JSON reader reads it, so a number after it is checked", "[hostile]") {
  // Found by fuzz_profile (fuzz/regressions/profile/nul-ends-comment.json):
  // the limits check took all of line 1 for a comment, the JSON reader ended
  // the comment at the NUL, read on and threw on 1e333 (uncaught: a crash).
  using namespace std::string_literals;
  const std::string text = "// a note\0{ \"name\": \"x\", \"population\": 111e333 }\n"s;
  Problems limits;
  CHECK_FALSE(check_json_limits(text, "community.json", limits));
  REQUIRE(limits.size() == 1);
  CHECK(limits[0].to_string() == "community.json:1: the number 111e333 is too large; write the real figure");
  // A carriage return ends a comment too, as the reader reads it.
  Problems cr;
  CHECK_FALSE(check_json_limits("// note\r[1e999]", "community.json", cr));
  // The profile reader reports it and never throws.
  Problems problems;
  CHECK_FALSE(parse_profile(text, "community.json", problems).has_value());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "the number 111e333 is too large; write the real figure");
}

TEST_CASE("the .json form bounds depth and numbers the same way", "[hostile]") {
  ScratchFolder scratch("hostile");
  tablemap::test::write_sample_bundle(scratch / "sample");
  LoadResult sample = load_bundle(scratch / "sample");
  REQUIRE(sample.ok());
  const std::string path = scratch / "one.json";
  save_json_file(*sample.community, path);
  const std::string text = read_text(path);

  // Into the first organization's row, an unknown column holding a deep value.
  std::string deep = text;
  const size_t at = deep.find("\"id\": \"clinic\"");
  REQUIRE(at != std::string::npos);
  deep.insert(at, "\"deep\": " + nested(100000) + ", ");
  write_text(path, deep);
  LoadResult r = load_json_file(path);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == size_t(std::count(text.begin(), text.begin() + long(at), '\n') + 1));
  CHECK_THAT(r.problems[0].message, Catch::Contains("nested more than 64 levels"));

  std::string huge = text;
  const size_t pop = huge.find("\"population\": ");
  REQUIRE(pop != std::string::npos);
  huge.replace(pop, huge.find_first_of(",\n", pop) - pop, "\"population\": 1e999");
  write_text(path, huge);
  r = load_json_file(path);
  REQUIRE(r.problems.size() == 1);
  CHECK_THAT(r.problems[0].message, Catch::Contains("1e999 is too large"));
}

TEST_CASE("a folder where a bundle file belongs is reported as a folder", "[hostile]") {
  ScratchFolder scratch("hostile");
  // organizations.csv and people.csv as folders aborted (an 80 GB reserve);
  // community.json as a folder printed only std::bad_alloc.
  for (const std::string file : {"organizations.csv", "people.csv", "community.json"}) {
    INFO(file);
    const std::string folder = scratch / ("bundle-" + file);
    tablemap::test::write_sample_bundle(folder);
    fs::remove(folder + "/" + file);
    fs::create_directory(folder + "/" + file);
    LoadResult r = load_bundle(folder);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == folder + "/" + file + ": this is a folder, where a file belongs: rename or move it");
  }
  fs::create_directory(scratch / "folder.json");
  LoadResult r = load_json_file(scratch / "folder.json");
  REQUIRE(r.problems.size() == 1);
  CHECK_THAT(r.problems[0].message, Catch::Contains("this is a folder"));
}

TEST_CASE("a header repeating one name is one group of problems, listed as five and a count", "[hostile]") {
  ScratchFolder scratch("hostile");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  // Columns 1-3 are id, name, sector; columns 4 to 20,003 are all named x:
  // 19,999 repeats printed 19,999 near-identical lines.
  std::string header = "id,name,sector";
  for (int c = 0; c < 20000; ++c) header += ",x";
  write_text(folder + "/organizations.csv", header + "\nclinic,Millbrook Clinic,health\n");
  LoadResult r = load_bundle(folder);
  // The sample's other files name organizations this one no longer has: only
  // organizations.csv's problems are looked at here.
  const std::string file = folder + "/organizations.csv";
  std::erase_if(r.problems, [&](const Problem& p) { return p.file != file; });
  REQUIRE(r.problems.size() == 19999);
  CHECK(r.problems.front().to_string() == file + ":1: column 5 repeats column 4, 'x'; rename or delete one of them");
  CHECK(r.problems.back().to_string() == file + ":1: column 20,003 repeats column 4, 'x'; rename or delete one of them");
  for (const Problem& p : r.problems) REQUIRE(p.group == "columns that repeat column 4, 'x'");
  CHECK(problem_lines(r.problems) == file + ":1: column 5 repeats column 4, 'x'; rename or delete one of them\n" +
                                         file + ":1: column 6 repeats column 4, 'x'; rename or delete one of them\n" +
                                         file + ":1: column 7 repeats column 4, 'x'; rename or delete one of them\n" +
                                         file + ":1: column 8 repeats column 4, 'x'; rename or delete one of them\n" +
                                         file + ":1: column 9 repeats column 4, 'x'; rename or delete one of them\n" +
                                         file + ":1: ... and 19,994 more columns that repeat column 4, 'x'\n");

  // Two names that match as one word (At Table, at_table) are one column repeated, named as typed.
  write_text(folder + "/organizations.csv", "id,name,sector,At Table,at_table\nclinic,Millbrook Clinic,health,yes,no\n");
  r = load_bundle(folder);
  std::erase_if(r.problems, [&](const Problem& p) { return p.file != file; });
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message == "column 5 repeats column 4, 'At Table' (as 'at_table'); rename or delete one of them");
}

TEST_CASE("more issue areas, functions or sectors than the index types hold is a clear limit", "[hostile]") {
  ScratchFolder scratch("hostile");
  // 32,768 issue areas fit (ids 0..32767 in int16_t); 32,769 crashed convert and roles.
  auto areas = [](int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i) s += (i ? ",\n" : "\n") + ("{\"id\": \"area" + std::to_string(i) + "\"}");
    return s + "]";
  };
  const auto started = std::chrono::steady_clock::now();
  std::string folder =
      bundle_with_profile(scratch, "{\n \"name\": \"Many\",\n \"issue_areas\": " + areas(32769) + "\n}\n");
  LoadResult r = load_bundle(folder);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() ==
        folder + "/community.json:3: \"issue_areas\" lists 32769 entries; tablemap handles at most 32768");
  // Linear: 32,769 areas were checked against each other (and searched for in the text) before.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));

  auto names = [](const std::string& stem, int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i) s += (i ? ", \"" : "\"") + stem + std::to_string(i) + "\"";
    return s + "]";
  };
  folder = bundle_with_profile(scratch, "{\n \"name\": \"Many\",\n \"backbone_functions\": " + names("f", 32769) + "\n}\n");
  r = load_bundle(folder);
  REQUIRE(r.problems.size() == 1);
  CHECK_THAT(r.problems[0].message, Catch::Contains("\"backbone_functions\" lists 32769 entries"));

  // 65,535 sectors fit (65,535 itself means "no sector"); 65,536 changed an
  // organization's sector on save.
  folder = bundle_with_profile(scratch, "{\n \"name\": \"Many\",\n \"sectors\": {\"required\": " +
                                            names("s", 65536) + ", \"optional\": []}\n}\n");
  r = load_bundle(folder);
  REQUIRE(r.problems.size() >= 1);
  CHECK_THAT(all_problems(r), Catch::Contains("\"sectors\" lists 65536 entries; tablemap handles at most 65535"));
}

TEST_CASE("exports of hostile names stay readable: no NUL in DOT, only XML characters in GraphML and GEXF",
          "[hostile]") {
  ScratchFolder scratch("hostile");
  tablemap::test::write_sample_bundle(scratch / "sample");
  LoadResult r = load_bundle(scratch / "sample");
  REQUIRE(r.ok());
  Community c = *r.community;
  c.organizations.edit()[0].name = "Clinic\0after NUL \xEF\xBF\xBE\xEF\xBF\xBF \x1b[2J"s;

  save_graph(c, Network(c), scratch / "g.dot", GraphFormat::dot);
  const std::string dot = read_text(scratch / "g.dot");
  CHECK(dot.find('\0') == std::string::npos);
  CHECK(dot.find("after NUL") != std::string::npos);  // what follows the NUL is kept

  for (auto [file, format] : {std::pair{"g.graphml", GraphFormat::graphml}, std::pair{"g.gexf", GraphFormat::gexf}}) {
    INFO(file);
    save_graph(c, Network(c), scratch / file, format);
    const std::string xml = read_text(scratch / file);
    CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(xml.find("\xEF\xBF\xBF") == std::string::npos);
    CHECK(xml.find('\0') == std::string::npos);
    CHECK(xml.find('\x1b') == std::string::npos);
    CHECK(xml.find("after NUL") != std::string::npos);
    // Python's expat refuses every character XML 1.0 does not allow.
    if (std::system("command -v python3 >/dev/null 2>&1") == 0) {
      const std::string check = "python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " +
                                (scratch / file) + " 2>&1";
      CHECK(std::system(check.c_str()) == 0);
    }
  }
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    const std::string check = "dot -Tplain " + (scratch / "g.dot") + " >/dev/null 2>&1";
    CHECK(std::system(check.c_str()) == 0);
  }
}
