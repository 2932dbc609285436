// GraphML, GEXF, DOT and Kumu exports, read back by the tools they are for:
// python3-igraph (GraphML; GEXF through networkx, as igraph has no GEXF
// reader), python3-networkx 2.8 (GraphML, GEXF, Kumu's JSON turned into a
// graph), Graphviz's own parser (cgraph) and the dot, neato and sfdp
// commands, xmllint. The expected values are worked out by hand from the
// sample bundle (tests/io/sample_community.hpp):
//   clinic  health    nonprofit  at_table yes (its own flag)   roles backbone
//   school  education school     no                             convener
//   bank    business  business   no (Sam is not at the table)   investor
//   church  faith     faith      no                             (none)
//   clinic--school  information + resources, strengths 2 and 3 -> 3, both ways
//   bank->school    resources 2, one way
//   clinic--church  referral 1 (written church,clinic; undirected)
// Sector colors (core/palette.cpp, the map's): health is sector 0 of the
// default list -> #0072b2 (0, 114, 178); education 1 -> #d55e00; faith is
// sector 7 (6 key sectors, then philanthropy, faith) -> #2ca02c (44, 160, 44).
#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "core/network.hpp"
#include "io/bundle.hpp"
#include "io/graph_export.hpp"
#include "io/sample_community.hpp"

using namespace tablemap;
using tablemap::test::ScratchFolder;
using json = nlohmann::json;

namespace {

// Names that XML and DOT must escape; the control character and U+FFFE are dropped in XML.
const std::string kTrickyName = "Grace \"Fellowship\" <North> & 'Sons'\x01 end\xEF\xBF\xBE";
const std::string kTrickyNameInXml = "Grace \"Fellowship\" <North> & 'Sons' end";
const std::string kTrickyNameInDot = "Grace \"Fellowship\" <North> & 'Sons'\x01 end\xEF\xBF\xBE";

Community sample(const ScratchFolder& scratch) {
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  LoadResult r = load_bundle(scratch / "millbrook");
  REQUIRE(r.ok());
  Community c = *r.community;
  c.profile.name = "Millbrook -- Valley & <Co>";  // "--" may not appear in an XML comment
  c.organizations.edit()[3].name = kTrickyName;
  return c;
}

// Positions for the four organizations, as a layout would give them (points, y up).
GraphExportOptions sample_positions() {
  GraphExportOptions o;
  o.positions = {{10, 20}, {110.5, -40}, {0, 0}, {-30.25, 75}};
  return o;
}

void write_graph(const Community& c, const std::string& path, GraphFormat format, const GraphExportOptions& o = {}) {
  save_graph(c, Network(c), path, format, o);
}

// Runs a command, returns its exit status; its stderr goes to `err`.
int run(const std::string& command, const std::string& err) {
  return std::system((command + " 2>" + err).c_str());
}

// Runs a Python script with the system python (where Debian's python3-igraph
// and python3-networkx live) and parses its JSON output. Any warning the
// readers print on stderr fails the test: the files must open cleanly.
json run_python(const ScratchFolder& scratch, const std::string& script, const std::string& file) {
  tablemap::test::write_text(scratch / "check.py", script);
  std::string command = "/usr/bin/python3 -W error " + scratch / "check.py" + " " + file + " 2>" + scratch / "stderr.txt";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = pclose(pipe);
  const std::string err = tablemap::test::read_text(scratch / "stderr.txt");
  INFO("python said: " << err);
  REQUIRE(status == 0);
  CHECK(err.empty());
  return json::parse(out);
}

std::string edge_key(const std::string& a, const std::string& b) { return a + "|" + b; }

}  // namespace

TEST_CASE("the export format follows the file's ending", "[export]") {
  CHECK(graph_format_of_path("net.graphml") == GraphFormat::graphml);
  CHECK(graph_format_of_path("NET.GEXF") == GraphFormat::gexf);
  CHECK(graph_format_of_path("net.dot") == GraphFormat::dot);
  CHECK(graph_format_of_path("net.gv") == GraphFormat::dot);
  CHECK(graph_format_of_path("net.kumu.json") == GraphFormat::kumu);
  CHECK_FALSE(graph_format_of_path("net.json").has_value());  // a whole community, not the network
  CHECK_FALSE(graph_format_of_path("net.csv").has_value());
}

TEST_CASE("GraphML loads in python3-igraph with every node and edge attribute", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  write_graph(c, scratch / "millbrook.graphml", GraphFormat::graphml, sample_positions());
  json g = run_python(scratch, R"(
import igraph, json, sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    for w in caught: print("igraph warned:", w.message, file=sys.stderr)
print(json.dumps({
  "directed": g.is_directed(), "community": g["community"],
  "nodes": [v.attributes() for v in g.vs],
  "edges": [dict(e.attributes(), source=g.vs[e.source]["id"], target=g.vs[e.target]["id"]) for e in g.es]}))
)", scratch / "millbrook.graphml");

  CHECK(g["directed"] == false);
  CHECK(g["community"] == "Millbrook -- Valley & <Co> (2025)");
  REQUIRE(g["nodes"].size() == 4);
  std::map<std::string, json> nodes;
  for (auto& n : g["nodes"]) nodes[n["id"]] = n;
  CHECK(nodes["clinic"]["name"] == "Millbrook Clinic");
  CHECK(nodes["clinic"]["sector"] == "health");
  CHECK(nodes["clinic"]["type"] == "nonprofit");
  CHECK(nodes["clinic"]["at_table"] == true);
  CHECK(nodes["clinic"]["roles"] == "backbone");
  CHECK(nodes["school"]["at_table"] == false);
  CHECK(nodes["school"]["roles"] == "convener");
  CHECK(nodes["bank"]["name"] == "Harvest Savings & Loan");
  CHECK(nodes["bank"]["at_table"] == false);
  CHECK(nodes["bank"]["roles"] == "investor");
  CHECK(nodes["church"]["name"] == kTrickyNameInXml);
  CHECK(nodes["church"]["sector"] == "faith");
  CHECK(nodes["church"]["roles"] == "");
  // The map's colors and the layout's positions, under Gephi's keys.
  CHECK(nodes["clinic"]["color"] == "#0072b2");
  CHECK(nodes["clinic"]["r"] == 0);
  CHECK(nodes["clinic"]["g"] == 114);
  CHECK(nodes["clinic"]["b"] == 178);
  CHECK(nodes["church"]["color"] == "#2ca02c");
  CHECK(nodes["clinic"]["x"] == 10.0);
  CHECK(nodes["clinic"]["y"] == 20.0);
  CHECK(nodes["church"]["x"] == -30.25);
  CHECK(nodes["church"]["y"] == 75.0);

  REQUIRE(g["edges"].size() == 3);
  std::map<std::string, json> edges;
  for (auto& e : g["edges"]) edges[edge_key(e["source"], e["target"])] = e;
  REQUIRE(edges.count(edge_key("clinic", "school")));
  CHECK(edges["clinic|school"]["kinds"] == "information;resources");
  CHECK(edges["clinic|school"]["strength"] == 3);
  CHECK(edges["clinic|school"]["directed"] == false);
  // igraph reads an undirected graph and may swap an edge's ends, so the
  // one-way tie is found either way; the file itself runs it from the bank.
  REQUIRE(edges.count(edge_key("school", "bank")) + edges.count(edge_key("bank", "school")) == 1);
  json& bank_school = edges.count("bank|school") ? edges["bank|school"] : edges["school|bank"];
  CHECK(bank_school["kinds"] == "resources");
  CHECK(bank_school["strength"] == 2);
  CHECK(bank_school["directed"] == true);
  CHECK(tablemap::test::read_text(scratch / "millbrook.graphml").find("<edge source=\"bank\" target=\"school\">") !=
        std::string::npos);
  REQUIRE(edges.count(edge_key("clinic", "church")));
  CHECK(edges["clinic|church"]["kinds"] == "referral");
  CHECK(edges["clinic|church"]["strength"] == 1);
  CHECK(edges["clinic|church"]["confirmed"] == true);
  CHECK(edges["clinic|church"]["color"] == "#a05aaa");  // referral's color
  CHECK(edges["clinic|school"]["color"] == "#c88c1e");  // resources binds more than information
}

TEST_CASE("GraphML loads in networkx with attributes, and yEd's graphics do not hide them", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  write_graph(c, scratch / "millbrook.graphml", GraphFormat::graphml, sample_positions());
  json g = run_python(scratch, R"(
import networkx as nx, json, sys
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"directed": g.is_directed(), "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [dict(d, source=a, target=b) for a, b, d in g.edges(data=True)]}))
)", scratch / "millbrook.graphml");
  CHECK(g["directed"] == false);
  REQUIRE(g["nodes"].size() == 4);
  json clinic = g["nodes"]["clinic"];
  CHECK(clinic["name"] == "Millbrook Clinic");
  CHECK(clinic["sector"] == "health");
  CHECK(clinic["at_table"] == true);
  CHECK(clinic["x"] == 10.0);   // Gephi's key, after yEd's geometry (which networkx also reads as x)
  CHECK(clinic["y"] == 20.0);
  CHECK(clinic["label"] == "Millbrook Clinic");  // from yEd's node label
  CHECK(clinic["shape_type"] == "rectangle");     // a backbone is a square in yEd
  CHECK(g["nodes"]["church"]["name"] == kTrickyNameInXml);
  CHECK(g["nodes"]["school"]["shape_type"] == "triangle");  // a convener
  REQUIRE(g["edges"].size() == 3);
  for (auto& e : g["edges"]) {
    INFO(e.dump());
    CHECK(e.contains("kinds"));
    CHECK(e["weight"] == e["strength"].get<double>());
  }
}

TEST_CASE("DOT loads in Graphviz (cgraph) with every node and edge attribute", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  std::string text = graph_to_text(c, Network(c), GraphFormat::dot, sample_positions());
  Agraph_t* g = agmemread(text.c_str());
  REQUIRE(g != nullptr);
  CHECK_FALSE(agisdirected(g));
  CHECK(std::string(agnameof(g)) == "Millbrook -- Valley & <Co> (2025)");
  auto attr = [](void* object, const char* name) {
    char* v = agget(object, const_cast<char*>(name));
    return std::string(v ? v : "(missing)");
  };
  CHECK(agnnodes(g) == 5);  // four organizations and the legend
  CHECK(agnode(g, const_cast<char*>("tablemap legend"), 0) != nullptr);
  CHECK(attr(g, "overlap") == "false");
  CHECK(attr(g, "splines") == "true");
  CHECK(agnedges(g) == 3);
  Agnode_t* church = agnode(g, const_cast<char*>("church"), 0);
  REQUIRE(church);
  CHECK(attr(church, "name") == kTrickyNameInDot);  // DOT keeps control characters
  CHECK(attr(church, "xlabel") == kTrickyNameInDot);
  CHECK(attr(church, "fillcolor") == "#2ca02c");
  CHECK(attr(church, "shape") == "circle");
  CHECK(attr(church, "pos") == "-30.25,75");
  CHECK(attr(church, "sector") == "faith");
  CHECK(attr(church, "type") == "faith");
  CHECK(attr(church, "at_table") == "false");
  CHECK(attr(church, "roles") == "");
  Agnode_t* clinic = agnode(g, const_cast<char*>("clinic"), 0);
  REQUIRE(clinic);
  CHECK(attr(clinic, "id") == "clinic");
  CHECK(attr(clinic, "at_table") == "true");
  CHECK(attr(clinic, "roles") == "backbone");
  CHECK(attr(clinic, "shape") == "square");         // backbone
  CHECK(attr(clinic, "penwidth") == "3");           // the ring of the table
  CHECK(attr(clinic, "color") == "#1e1e1e");

  std::map<std::string, Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      edges[edge_key(agnameof(agtail(e)), agnameof(aghead(e)))] = e;
  REQUIRE(edges.size() == 3);
  REQUIRE(edges.count("bank|school"));
  CHECK(attr(edges["bank|school"], "directed") == "true");
  CHECK(attr(edges["bank|school"], "dir") == "forward");
  CHECK(attr(edges["bank|school"], "strength") == "2");
  CHECK(attr(edges["bank|school"], "color") == "#c88c1e");   // resources
  CHECK(attr(edges["bank|school"], "penwidth") == "1.6");
  REQUIRE(edges.count("clinic|school"));
  CHECK(attr(edges["clinic|school"], "kinds") == "information;resources");
  CHECK(attr(edges["clinic|school"], "strength") == "3");
  CHECK(attr(edges["clinic|school"], "directed") == "false");
  agclose(g);
}

TEST_CASE("GEXF 1.2draft loads in networkx and igraph with attributes, colors and positions", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  write_graph(c, scratch / "millbrook.gexf", GraphFormat::gexf, sample_positions());
  const std::string text = tablemap::test::read_text(scratch / "millbrook.gexf");
  CHECK(text.find("version=\"1.2\"") != std::string::npos);
  CHECK(text.find(" type=\"directed\"") == std::string::npos);  // one edge type: the graph's
  json g = run_python(scratch, R"(
import networkx as nx, igraph, json, sys
g = nx.read_gexf(sys.argv[1], version="1.2draft")
ig = igraph.Graph.from_networkx(g)
print(json.dumps({"directed": g.is_directed(), "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [dict(d, source=a, target=b) for a, b, d in g.edges(data=True)],
  "igraph": {"vertices": ig.vcount(), "edges": ig.ecount(), "directed": ig.is_directed(),
             "labels": sorted(ig.vs["label"]), "sectors": sorted(ig.vs["sector"])}}))
)", scratch / "millbrook.gexf");

  CHECK(g["directed"] == false);
  REQUIRE(g["nodes"].size() == 4);
  json clinic = g["nodes"]["clinic"];
  CHECK(clinic["label"] == "Millbrook Clinic");
  CHECK(clinic["sector"] == "health");
  CHECK(clinic["type"] == "nonprofit");
  CHECK(clinic["at_table"] == true);
  CHECK(clinic["roles"] == "backbone");
  CHECK(clinic["viz"]["color"]["r"] == 0);
  CHECK(clinic["viz"]["color"]["g"] == 114);
  CHECK(clinic["viz"]["color"]["b"] == 178);
  CHECK(clinic["viz"]["position"]["x"] == 10.0);
  CHECK(clinic["viz"]["position"]["y"] == 20.0);
  // clinic has two relationships (school, church): size 8 + 3 sqrt(2) = 12.24
  CHECK(clinic["viz"]["size"] == Approx(12.24));
  json church = g["nodes"]["church"];
  CHECK(church["label"] == kTrickyNameInXml);
  CHECK(church["viz"]["color"]["g"] == 160);
  CHECK(church["viz"]["position"]["x"] == -30.25);
  CHECK(g["nodes"]["bank"]["at_table"] == false);
  CHECK(g["nodes"]["bank"]["roles"] == "investor");

  REQUIRE(g["edges"].size() == 3);
  std::map<std::string, json> edges;
  for (auto& e : g["edges"]) edges[edge_key(e["source"], e["target"])] = e;
  // networkx's undirected graph may give an edge either way round; the file runs the one-way tie from the bank.
  CHECK(text.find("source=\"bank\" target=\"school\"") != std::string::npos);
  json& bank_school = edges.count("bank|school") ? edges["bank|school"] : edges["school|bank"];
  CHECK(bank_school["directed"] == true);
  CHECK(bank_school["weight"] == 2.0);
  CHECK(bank_school["kinds"] == "resources");
  json& clinic_school = edges.count("clinic|school") ? edges["clinic|school"] : edges["school|clinic"];
  CHECK(clinic_school["directed"] == false);
  CHECK(clinic_school["kinds"] == "information;resources");
  CHECK(clinic_school["strength"] == 3);

  CHECK(g["igraph"]["vertices"] == 4);
  CHECK(g["igraph"]["edges"] == 3);
  CHECK(g["igraph"]["directed"] == false);
  CHECK(g["igraph"]["sectors"] == json({"business", "education", "faith", "health"}));
}

TEST_CASE("GEXF and GraphML are well-formed for xmllint", "[export]") {
  // No Debian 12 package ships the GEXF 1.2draft XSD (nor GraphML's), so
  // xmllint checks well-formedness here and networkx checks the structure above.
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  write_graph(c, scratch / "m.gexf", GraphFormat::gexf, sample_positions());
  write_graph(c, scratch / "m.graphml", GraphFormat::graphml);
  for (const char* name : {"m.gexf", "m.graphml"}) {
    INFO(name << ": " << tablemap::test::read_text(scratch / "err.txt"));
    CHECK(run("xmllint --noout " + scratch / name, scratch / "err.txt") == 0);
    CHECK(tablemap::test::read_text(scratch / "err.txt").empty());
  }
}

TEST_CASE("DOT renders in dot, neato and sfdp without a warning", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  write_graph(c, scratch / "m.dot", GraphFormat::dot, sample_positions());
  for (const char* engine : {"dot", "neato", "sfdp"}) {
    const std::string svg = scratch / (std::string(engine) + ".svg");
    const int status = run(std::string(engine) + " -Tsvg " + scratch / "m.dot" + " -o " + svg, scratch / "err.txt");
    const std::string err = tablemap::test::read_text(scratch / "err.txt");
    INFO(engine << " said: " << err);
    CHECK(status == 0);
    CHECK(err.empty());
    const std::string picture = tablemap::test::read_text(svg);
    CHECK(picture.find("Millbrook Clinic") != std::string::npos);
    CHECK(picture.find("fill=\"#0072b2\"") != std::string::npos);  // the clinic's sector
    CHECK(picture.find("Legend") != std::string::npos);
    CHECK(picture.find("key sector") != std::string::npos);
  }
}

TEST_CASE("Kumu blueprint: every connection names an element, types and tags as Kumu reads them", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  c.organizations.edit()[2].name = "Millbrook Clinic";  // two organizations of one name
  write_graph(c, scratch / "m.kumu.json", GraphFormat::kumu);
  json g = run_python(scratch, R"(
import networkx as nx, json, sys
with open(sys.argv[1]) as f: b = json.load(f)
g = nx.Graph()
labels = [e["label"] for e in b["elements"]]
for e in b["elements"]: g.add_node(e["label"], **e)
for k in b["connections"]:
    assert k["from"] in labels and k["to"] in labels, k
    g.add_edge(k["from"], k["to"], **k)
print(json.dumps({"labels": labels, "nodes": {n: d for n, d in g.nodes(data=True)},
                  "connections": b["connections"], "edges": g.number_of_edges()}))
)", scratch / "m.kumu.json");
  REQUIRE(g["labels"].size() == 4);
  // Kumu finds connection ends by label, so the second "Millbrook Clinic" gets its id.
  CHECK(g["labels"][0] == "Millbrook Clinic (clinic)");
  CHECK(g["labels"][2] == "Millbrook Clinic (bank)");
  json clinic = g["nodes"]["Millbrook Clinic (clinic)"];
  CHECK(clinic["type"] == "health");
  CHECK(clinic["tags"] == json({"at the table", "key sector", "backbone"}));
  CHECK(clinic["tablemap id"] == "clinic");
  CHECK(clinic["color"] == "#0072b2");
  CHECK(g["nodes"]["Valley Elementary"]["tags"] == json({"key sector", "convener"}));
  CHECK(g["edges"] == 3);
  bool one_way = false;
  for (auto& k : g["connections"])
    if (k["from"] == "Millbrook Clinic (bank)") {
      one_way = true;
      CHECK(k["to"] == "Valley Elementary");
      CHECK(k["direction"] == "directed");
      CHECK(k["type"] == "resources");
      CHECK(k["strength"] == 2);
    } else {
      CHECK(k["direction"] == "undirected");
    }
  CHECK(one_way);
}

TEST_CASE("convert's description says what a network file holds and leaves out", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  Network net(c);
  const std::string d = describe_graph_export(c, net, GraphFormat::graphml, true);
  INFO(d);
  CHECK(d.find("4 organizations") != std::string::npos);
  CHECK(d.find("3 relationships (4 tie rows merged") != std::string::npos);
  CHECK(d.find("position on the map") != std::string::npos);
  CHECK(d.find("leaves out: 3 people") != std::string::npos);
  CHECK(d.find("3 role rows") != std::string::npos);
  CHECK(d.find("8 roles") == std::string::npos);
  CHECK(describe_graph_export(c, net, GraphFormat::gexf, false).find("position") == std::string::npos);
}

TEST_CASE("an organization without ties is still a node", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  c.ties.edit().clear();
  Network net(c);
  std::string graphml = graph_to_text(c, net, GraphFormat::graphml);
  size_t nodes = 0, edges = 0;
  for (size_t at = 0; (at = graphml.find("<node ", at)) != std::string::npos; ++at) ++nodes;
  for (size_t at = 0; (at = graphml.find("<edge ", at)) != std::string::npos; ++at) ++edges;
  CHECK(nodes == 4);
  CHECK(edges == 0);
}
