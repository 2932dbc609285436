// The replay runner is a table of actions (viz/replay.hpp), like the CLI's
// command registry: every name is unique, has a usage line, and is listed in
// docs/map.md's table of actions, so that the documentation stays true.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "viz/replay.hpp"

TEST_CASE("every replay action is unique, has a usage and is documented in docs/map.md") {
  std::ifstream in(std::string(TABLEMAP_SOURCE_DIR) + "/docs/map.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  std::set<std::string> names;
  for (const tablemap::viz::ReplayAction& a : tablemap::viz::replay_actions()) {
    INFO(a.name);
    CHECK(names.insert(a.name).second);
    CHECK(std::string(a.usage).rfind(a.name, 0) == 0);  // the usage starts with the name
    CHECK(a.run != nullptr);
    CHECK(docs.find("`" + std::string(a.name)) != std::string::npos);
  }
  // 52 names (new-form, new-community, year and compare-with the latest): click, drag and wheel share one function, as do the panels' print-* actions.
  CHECK(names.size() == 52);
  for (const char* expected : {"select", "print-clipped", "print-legend", "print-marks", "color-by", "undo", "quit"})
    CHECK(names.count(expected) == 1);
}
