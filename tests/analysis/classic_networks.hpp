// Reads the classic networks of tests/data/classic/ into a Community: one
// organization per name in order of first mention (the order
// tests/data/classic/reference.py prints), one undirected tie per line.
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline Community read_classic(const std::string& file) {
  std::ifstream in(std::string(TABLEMAP_SOURCE_DIR) + "/tests/data/classic/" + file);
  if (!in) throw std::runtime_error("cannot open " + file);
  Community c;
  c.profile.sectors = {"one"};
  c.profile.required_sector_count = 1;
  auto& orgs = c.organizations.edit();
  auto& ties = c.ties.edit();
  auto row = [&](const std::string& id) -> uint32_t {
    for (uint32_t i = 0; i < orgs.size(); ++i)
      if (orgs[i].id == id) return i;
    Organization o;
    o.id = o.name = id;
    orgs.push_back(o);
    return uint32_t(orgs.size() - 1);
  };
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string a, b;
    if (!(words >> a)) continue;
    uint32_t ra = row(a);
    if (!(words >> b)) continue;
    Tie t;
    t.source = ra;
    t.target = row(b);
    ties.push_back(t);
  }
  return c;
}

// Adds a directed or undirected tie to a community built in a test.
inline void add_tie(Community& c, uint32_t from, uint32_t to, bool directed = false, uint8_t strength = 1) {
  Tie t;
  t.source = from;
  t.target = to;
  t.directed = directed;
  t.strength = strength;
  c.ties.edit().push_back(t);
}

// A community of `n` organizations o0..o(n-1) with the given sectors (default all 0).
inline Community make_community(uint32_t n, std::vector<SectorId> sectors = {}, uint32_t sector_count = 1) {
  Community c;
  for (uint32_t s = 0; s < sector_count; ++s) c.profile.sectors.push_back("sector" + std::to_string(s));
  c.profile.required_sector_count = sector_count;
  auto& orgs = c.organizations.edit();
  for (uint32_t i = 0; i < n; ++i) {
    Organization o;
    o.id = o.name = "o" + std::to_string(i);
    o.sector = i < sectors.size() ? sectors[i] : 0;
    orgs.push_back(o);
  }
  return c;
}

// Five organizations of sector 0 all tied to each other (o0..o4) and a
// triangle o5 (sector 1), o6 (sector 2), o7 (sector 3); one tie o4 - o5
// joins them. `lone` more organizations of sector 1 without ties follow (o8, ...).
inline Community clique_and_triangle(uint32_t lone = 0) {
  std::vector<SectorId> sectors = {0, 0, 0, 0, 0, 1, 2, 3};
  sectors.resize(8 + lone, 1);
  Community c = make_community(8 + lone, sectors, 4);
  for (uint32_t a = 0; a < 5; ++a)
    for (uint32_t b = a + 1; b < 5; ++b) add_tie(c, a, b);
  add_tie(c, 5, 6);
  add_tie(c, 6, 7);
  add_tie(c, 5, 7);
  add_tie(c, 4, 5);
  return c;
}

template <class T>
void require_all_close(const std::vector<T>& actual, const std::vector<double>& expected, double tolerance = 1e-6) {
  REQUIRE(actual.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO("organization row " << i);
    if (std::isnan(expected[i])) {
      CHECK(std::isnan(double(actual[i])));
    } else {
      CHECK(double(actual[i]) == Approx(expected[i]).epsilon(0).margin(tolerance));
    }
  }
}

}  // namespace tablemap::testing
