// Imports from Kumu, yEd, Gephi and an adjacency matrix: small files in each
// tool's own shape, written next to the expected community.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>

#include "io/import_network.hpp"
#include "support/bundle_fixture.hpp"
#include "support/python_run.hpp"

using namespace tablemap;
using namespace tablemap::testing;

namespace {

Community import_ok(const std::string& path, ImportOptions options = {}) {
  auto format = import_format_of(path);
  REQUIRE(format);
  LoadResult r = import_community(path, *format, options);
  for (const Problem& p : r.problems) UNSCOPED_INFO(p.to_string());
  REQUIRE(r.ok());
  return std::move(*r.community);
}

const Organization& org(const Community& c, const std::string& id) {
  auto i = c.find_organization(id);
  INFO(id);
  REQUIRE(i);
  return c.organizations[*i];
}

// The tie rows between two organization ids, in file order.
std::vector<const Tie*> ties_between(const Community& c, const std::string& a, const std::string& b) {
  std::vector<const Tie*> out;
  for (const Tie& t : c.ties)
    if (c.org_id(t.source) == a && c.org_id(t.target) == b) out.push_back(&t);
  return out;
}

// A Kumu spreadsheet as Kumu's import template lays it out: Elements with
// Label, Type and custom columns; Connections with From, To, Type, Direction,
// and a "|" list in From that fans out to one connection per element.
const char* kKumuWorkbook = R"(
import sys, openpyxl
wb = openpyxl.Workbook()
e = wb.active
e.title = "Elements"
e.append(["Label", "Type", "Website", "Tags"])
e.append(["Hill Clinic", "Health", "hill.example", "rural | clinic"])
e.append(["Valley School", "Education", None, None])
e.append(["Town Hall", "Government", None, None])
e.append(["Food Bank", "Social Services", None, None])
e.append(["Hill Trust", sys.argv[2], None, None])
c = wb.create_sheet("Connections")
c.append(["From", "To", "Type", "Direction"])
c.append(["Hill Clinic | Valley School", "Food Bank", "referral", "directed"])
c.append(["Town Hall", "Hill Clinic", None, "mutual"])
c.append(["Hill Trust", "Food Bank", "funding", None])
wb.save(sys.argv[1])
)";

}  // namespace

TEST_CASE("a Kumu workbook: Type as the sector, custom columns kept, | lists fan out") {
  TempFolder folder;
  const std::string book = folder.file("kumu.xlsx");
  run_python(folder, kKumuWorkbook, book + " Philanthropy");
  CHECK(import_format_of(book) == ImportFormat::kumu_workbook);
  // Opened as a community, the workbook says how to import it.
  LoadResult direct = load_community(book);
  REQUIRE(direct.problems.size() == 1);
  CHECK(direct.problems[0].message.find("this is a Kumu workbook (Elements and Connections), not a tablemap one; "
                                        "import it with: tablemap convert") == 0);
  ImportOptions options;
  options.sector_column = "Type";
  Community c = import_ok(book, options);
  CHECK(c.profile.name == "kumu");  // the file's name, without --profile
  REQUIRE(c.organizations.size() == 5);
  CHECK(org(c, "hill-clinic").name == "Hill Clinic");
  CHECK(c.sector_name(org(c, "hill-clinic").sector) == "health");
  CHECK(c.sector_name(org(c, "food-bank").sector) == "social_services");  // "Social Services"
  CHECK(c.sector_name(org(c, "hill-trust").sector) == "philanthropy");
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"Website", "Tags"});
  CHECK(org(c, "hill-clinic").extra == ExtraCells{"hill.example", "rural | clinic"});
  // Three connection rows, the first fanning out to two ties: four ties.
  REQUIRE(c.ties.size() == 4);
  auto clinic_food = ties_between(c, "hill-clinic", "food-bank");
  REQUIRE(clinic_food.size() == 1);
  CHECK(clinic_food[0]->directed);
  CHECK(ties_between(c, "valley-school", "food-bank").size() == 1);
  auto hall_clinic = ties_between(c, "town-hall", "hill-clinic");
  REQUIRE(hall_clinic.size() == 1);
  CHECK_FALSE(hall_clinic[0]->directed);  // mutual
  // The connection Type is kept as a free attribute of the ties.
  CHECK(c.ties.extra_columns() == std::vector<std::string>{"Type"});
  CHECK(clinic_food[0]->extra == ExtraCells{"referral"});
}

TEST_CASE("values that are not sectors are listed with a profile to save, not dropped") {
  TempFolder folder;
  const std::string book = folder.file("kumu.xlsx");
  run_python(folder, kKumuWorkbook, book + " Funder");
  ImportOptions options;
  options.sector_column = "type";  // matched like a header
  LoadResult r = import_community(book, ImportFormat::kumu_workbook, options);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.problems.size() == 2);
  // Hill Trust is on row 6 of the Elements sheet (header on row 1).
  CHECK(r.problems[0].to_string() ==
        book + ":Elements:6: 'Funder' in the type column is not a declared sector (1 organization: Hill Trust)");
  const std::string& last = r.problems[1].message;
  CHECK(last.find("save the lines below as community.json") != std::string::npos);
  const std::string profile = last.substr(last.find('\n') + 1);
  CHECK(profile.find("\"funder\"") != std::string::npos);

  // Saved as it says, the same import goes through with Funder as a declared sector.
  folder.write("community.json", profile);
  options.profile_path = folder.file("community.json");
  Community c = import_ok(book, options);
  CHECK(c.sector_name(org(c, "hill-trust").sector) == "funder");
  CHECK_FALSE(c.profile.is_required(org(c, "hill-trust").sector));
}

TEST_CASE("without the sector column the import names the columns there are") {
  TempFolder folder;
  const std::string book = folder.file("kumu.xlsx");
  run_python(folder, kKumuWorkbook, book + " Philanthropy");
  LoadResult r = import_community(book, ImportFormat::kumu_workbook, {});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() ==
        book + ":Elements: no column 'sector' holds the sectors; say which one does with --sector-column NAME "
               "(the columns are: Type, Website, Tags)");
}

TEST_CASE("a Kumu blueprint: label, type, custom keys, direction") {
  TempFolder folder;
  folder.write("map.json", R"({
  "elements": [
    {"label": "Hill Clinic", "type": "Health", "tags": ["rural", "clinic"], "Founded": 1988},
    {"id": "e2", "label": "Valley School", "type": "Education"},
    {"label": "Town Hall", "attributes": {"element type": "Government", "description": "county seat"}}
  ],
  "connections": [
    {"from": "Hill Clinic", "to": "e2", "direction": "directed", "type": "referral"},
    {"from": "e2", "to": "Town Hall", "direction": "mutual"}
  ]
}
)");
  CHECK(import_format_of(folder.file("map.json")) == ImportFormat::kumu_json);
  ImportOptions options;
  options.sector_column = "type";
  LoadResult first = import_community(folder.file("map.json"), ImportFormat::kumu_json, options);
  // Town Hall keeps its type under "element type", as Kumu's project exports do: it has no "type".
  REQUIRE_FALSE(first.ok());
  bool found = false;
  for (const auto& p : first.problems) found = found || p.message.find("has no sector") != std::string::npos;
  CHECK(found);

  folder.write("map.json", R"({
  "elements": [
    {"label": "Hill Clinic", "attributes": {"element type": "Health", "Founded": 1988}},
    {"id": "e2", "label": "Valley School", "attributes": {"element type": "Education"}},
    {"label": "Town Hall", "attributes": {"element type": "Government"}}
  ],
  "connections": [
    {"from": "Hill Clinic", "to": "e2", "direction": "directed", "type": "referral"},
    {"from": "e2", "to": "Town Hall", "direction": "mutual"}
  ]
}
)");
  options.sector_column = "Element Type";
  Community c = import_ok(folder.file("map.json"), options);
  REQUIRE(c.organizations.size() == 3);
  CHECK(c.sector_name(org(c, "valley-school").sector) == "education");
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"Founded"});
  CHECK(org(c, "hill-clinic").extra == ExtraCells{"1988"});
  REQUIRE(c.ties.size() == 2);
  CHECK(ties_between(c, "hill-clinic", "valley-school").at(0)->directed);  // "e2" is Valley School's id
  CHECK_FALSE(ties_between(c, "valley-school", "town-hall").at(0)->directed);
}

TEST_CASE("GraphML as yEd writes it: labels in the node graphics, a group node, directed edges") {
  TempFolder folder;
  folder.write("net.graphml", R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3">
  <!--Created by yEd 3.22-->
  <key attr.name="Sector" attr.type="string" for="node" id="d0"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d0">health</data>
      <data key="d4">https://clinic.example</data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content">Hill Clinic</y:NodeLabel>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1" yfiles.foldertype="group">
      <data key="d0">education</data>
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:NodeLabel>School District</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:">
        <node id="n1::n0">
          <data key="d0">education</data>
          <data key="d6"><y:ShapeNode><y:NodeLabel>Valley School</y:NodeLabel></y:ShapeNode></data>
        </node>
      </graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0">
      <data key="d10"><y:PolyLineEdge><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
    </edge>
    <edge id="e1" source="n1" target="n0"/>
  </graph>
</graphml>
)");
  Community c = import_ok(folder.file("net.graphml"));
  REQUIRE(c.organizations.size() == 3);
  CHECK(org(c, "hill-clinic").name == "Hill Clinic");
  CHECK(org(c, "school-district").name == "School District");
  CHECK(c.sector_name(org(c, "valley-school").sector) == "education");
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"url"});
  CHECK(org(c, "hill-clinic").extra == ExtraCells{"https://clinic.example"});
  REQUIRE(c.ties.size() == 2);
  CHECK(ties_between(c, "hill-clinic", "valley-school").at(0)->directed);
  CHECK(ties_between(c, "school-district", "hill-clinic").at(0)->directed);
}

TEST_CASE("GraphML as Gephi writes it: label and weight keys, undirected") {
  TempFolder folder;
  folder.write("gephi.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="sector" attr.type="string" for="node" id="sector"/>
<key attr.name="r" attr.type="int" for="node" id="r"/>
<graph defaultedgetype="undirected" edgedefault="undirected">
<node id="0">
<data key="label">Hill Clinic</data>
<data key="sector">Health</data>
<data key="r">153</data>
</node>
<node id="1">
<data key="label">Valley School</data>
<data key="sector">education</data>
<data key="r">20</data>
</node>
<edge id="0" source="0" target="1">
<data key="weight">2.0</data>
</edge>
</graph>
</graphml>
)");
  Community c = import_ok(folder.file("gephi.graphml"));
  REQUIRE(c.organizations.size() == 2);
  CHECK(c.sector_name(org(c, "hill-clinic").sector) == "health");
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"r"});
  REQUIRE(c.ties.size() == 1);
  CHECK_FALSE(c.ties[0].directed);
  CHECK(c.ties.extra_columns() == std::vector<std::string>{"Weight"});
  CHECK(c.ties[0].extra == ExtraCells{"2.0"});
}

TEST_CASE("GEXF 1.3 as Gephi writes it: attribute titles, weights, a directed edge") {
  TempFolder folder;
  folder.write("gephi.gexf", R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta lastmodifieddate="2026-11-30"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="sector" title="Sector" type="string"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="0" label="Hill Clinic">
        <attvalues><attvalue for="sector" value="Health"/><attvalue for="modularity_class" value="0"/></attvalues>
        <viz:size value="10.0"/>
      </node>
      <node id="1" label="Valley School">
        <attvalues><attvalue for="sector" value="Education"/><attvalue for="modularity_class" value="1"/></attvalues>
      </node>
      <node id="2" label="Town Hall">
        <attvalues><attvalue for="sector" value="Government"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="3.0"/>
      <edge id="1" source="2" target="0" type="directed"/>
    </edges>
  </graph>
</gexf>
)");
  Community c = import_ok(folder.file("gephi.gexf"));
  REQUIRE(c.organizations.size() == 3);
  CHECK(c.sector_name(org(c, "town-hall").sector) == "government");
  CHECK(c.organizations.extra_columns() == std::vector<std::string>{"Modularity Class"});
  CHECK(org(c, "town-hall").extra == ExtraCells{""});
  REQUIRE(c.ties.size() == 2);
  CHECK_FALSE(ties_between(c, "hill-clinic", "valley-school").at(0)->directed);
  CHECK(ties_between(c, "hill-clinic", "valley-school").at(0)->extra == ExtraCells{"3.0"});
  CHECK(ties_between(c, "town-hall", "hill-clinic").at(0)->directed);
}

TEST_CASE("an adjacency matrix CSV: symmetric pairs are one tie, one-way numbers directed") {
  TempFolder folder;
  // A-B has 1 both ways: one undirected tie. B->C is 2 and C->B is 0: one directed tie.
  folder.write("matrix.csv",
               ",Hill Clinic,Valley School,Town Hall,sector\n"
               "Hill Clinic,0,1,0,health\n"
               "Valley School,1,0,2,education\n"
               "Town Hall,0,,0,government\n");
  CHECK(import_format_of(folder.file("matrix.csv")) == ImportFormat::matrix_csv);
  Community c = import_ok(folder.file("matrix.csv"));
  REQUIRE(c.organizations.size() == 3);
  CHECK(c.sector_name(org(c, "town-hall").sector) == "government");
  REQUIRE(c.ties.size() == 2);
  CHECK_FALSE(ties_between(c, "hill-clinic", "valley-school").at(0)->directed);
  auto school_hall = ties_between(c, "valley-school", "town-hall");
  REQUIRE(school_hall.size() == 1);
  CHECK(school_hall[0]->directed);
  CHECK(school_hall[0]->extra == ExtraCells{"2"});

  folder.write("bad.csv", ",A,B,sector\nA,0,lots,health\nB,0,0,health\n");
  LoadResult r = import_community(folder.file("bad.csv"), ImportFormat::matrix_csv, {});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == folder.file("bad.csv") + ":2: the cell under 'B' must be a number (empty or 0: no tie), not 'lots'");
}

TEST_CASE("our own forms are not taken for imports") {
  TempFolder folder;
  write_bundle(folder, valid_bundle_files());
  CHECK_FALSE(import_format_of(folder.path()));
  folder.write("ours.json", "{\"community\": {\"name\": \"x\"}, \"organizations\": []}");
  CHECK_FALSE(import_format_of(folder.file("ours.json")));
  CHECK_FALSE(import_format_of(folder.file("organizations.csv")));
}
