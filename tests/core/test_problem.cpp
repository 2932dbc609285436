// How problems are listed for a reader (core/problem.hpp): every problem as
// FILE:LINE: message, except that a group of many is its first few and one
// line counting the rest.
#include <catch2/catch.hpp>
#include <string>

#include "core/problem.hpp"
#include "core/vocabulary.hpp"

using namespace tablemap;

TEST_CASE("counts read with thousands separators", "[problem]") {
  CHECK(thousands(0) == "0");
  CHECK(thousands(999) == "999");
  CHECK(thousands(1000) == "1,000");
  CHECK(thousands(19994) == "19,994");
  CHECK(thousands(1234567) == "1,234,567");
  CHECK(thousands(-7500) == "-7,500");
}

TEST_CASE("different problems are each listed, in their order", "[problem]") {
  Problems p{{"o.csv", 2, "sector 'heath' is not declared"},
             {"o.csv", 3, "sector 'heath' is not declared"},
             {"t.csv", 0, "no such file"},
             {"o.csv", 4, "a blank id", true}};
  CHECK(problem_lines(p) ==
        "o.csv:2: sector 'heath' is not declared\n"
        "o.csv:3: sector 'heath' is not declared\n"
        "t.csv: no such file\n"
        "o.csv:4: warning: a blank id\n");
  CHECK(problem_lines({}).empty());
}

TEST_CASE("a group of many problems is its first five and one line counting the rest", "[problem]") {
  // 20,000 columns named x: column 1 and 19,999 repeats of it.
  Problems p;
  p.push_back({"o.csv", 1, "the header has no 'id' column"});
  for (int c = 2; c <= 20000; ++c)
    p.push_back({"o.csv", 1, "column " + std::to_string(c) + " repeats column 1, 'x'", false,
                 "columns that repeat column 1, 'x'"});
  p.push_back({"o.csv", 2, "a blank id"});
  CHECK(problem_lines(p) ==
        "o.csv:1: the header has no 'id' column\n"
        "o.csv:1: column 2 repeats column 1, 'x'\n"
        "o.csv:1: column 3 repeats column 1, 'x'\n"
        "o.csv:1: column 4 repeats column 1, 'x'\n"
        "o.csv:1: column 5 repeats column 1, 'x'\n"
        "o.csv:1: column 6 repeats column 1, 'x'\n"
        "o.csv:1: ... and 19,994 more columns that repeat column 1, 'x'\n"
        "o.csv:2: a blank id\n");
  // One more than shown is listed rather than counted ("1 more columns"); two more are counted.
  const Problems six_repeats(p.begin(), p.begin() + 7), seven_repeats(p.begin(), p.begin() + 8);
  CHECK(problem_lines(six_repeats, 5).ends_with("o.csv:1: column 7 repeats column 1, 'x'\n"));
  CHECK(problem_lines(six_repeats, 5).find("...") == std::string::npos);
  CHECK(problem_lines(seven_repeats, 5).ends_with("o.csv:1: ... and 2 more columns that repeat column 1, 'x'\n"));
}

TEST_CASE("a group is one file's, and warnings are a group apart from errors", "[problem]") {
  const std::string g = "columns that repeat column 1, 'x'";
  Problems p{{"a.csv", 1, "c2", false, g}, {"a.csv", 1, "c3", false, g}, {"b.csv", 1, "c2", false, g},
             {"a.csv", 1, "w", true, g},  {"a.csv", 1, "c4", false, g}};
  CHECK(problem_lines(p, 1) ==
        "a.csv:1: c2\n"
        "a.csv:1: ... and 2 more columns that repeat column 1, 'x'\n"
        "b.csv:1: c2\n"
        "a.csv:1: warning: w\n");
  // Listed one by one, the group's problems keep their own order.
  CHECK(problem_lines(p, 3) == "a.csv:1: c2\na.csv:1: c3\nb.csv:1: c2\na.csv:1: warning: w\na.csv:1: c4\n");
}

TEST_CASE("identical problems without a group are counted too", "[problem]") {
  Problems p(8, Problem{"t.csv", 4, "tie to itself"});
  CHECK(problem_lines(p, 2) ==
        "t.csv:4: tie to itself\n"
        "t.csv:4: tie to itself\n"
        "t.csv:4: ... and the same problem 6 more times\n");
  p.resize(3);
  CHECK(problem_lines(p, 2) == "t.csv:4: tie to itself\nt.csv:4: tie to itself\nt.csv:4: tie to itself\n");
}
