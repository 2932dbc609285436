// GraphML, GEXF and DOT exports, read back by the tools they are for:
// python3-igraph's Graph.Read_GraphML, Graphviz's own parser (cgraph), and
// an XML parser for GEXF. The expected values are worked out by hand from
// the sample bundle (tests/io/sample_community.hpp):
//   clinic  health    nonprofit  at_table yes (its own flag)   roles backbone
//   school  education school     no                             convener
//   bank    business  business   no (Sam is not at the table)   investor
//   church  faith     faith      no                             (none)
//   clinic--school  information + resources, strengths 2 and 3 -> 3, both ways
//   bank->school    resources 2, one way
//   clinic--church  referral 1 (written church,clinic; undirected)
#include <graphviz/cgraph.h>

#include <catch2/catch.hpp>
#include <cstdio>
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

// Names that XML and DOT must escape; the control character is dropped in XML.
const std::string kTrickyName = "Grace \"Fellowship\" <North> & 'Sons'\x01 end";
const std::string kTrickyNameInXml = "Grace \"Fellowship\" <North> & 'Sons' end";

Community sample(const ScratchFolder& scratch) {
  tablemap::test::write_sample_bundle(scratch / "millbrook");
  LoadResult r = load_bundle(scratch / "millbrook");
  REQUIRE(r.ok());
  Community c = *r.community;
  c.profile.name = "Millbrook -- Valley & <Co>";  // "--" may not appear in an XML comment
  c.organizations.edit()[3].name = kTrickyName;
  return c;
}

// Runs a Python script with the system python (where Debian's python3-igraph lives) and parses its JSON output.
json run_python(const ScratchFolder& scratch, const std::string& script, const std::string& file) {
  tablemap::test::write_text(scratch / "check.py", script);
  std::string command = "/usr/bin/python3 " + scratch / "check.py" + " " + file + " 2>" + scratch / "stderr.txt";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = pclose(pipe);
  INFO("python said: " << tablemap::test::read_text(scratch / "stderr.txt"));
  REQUIRE(status == 0);
  return json::parse(out);
}

std::string edge_key(const std::string& a, const std::string& b) { return a + "|" + b; }

}  // namespace

TEST_CASE("the export format follows the file's ending", "[export]") {
  CHECK(graph_format_of_path("net.graphml") == GraphFormat::graphml);
  CHECK(graph_format_of_path("NET.GEXF") == GraphFormat::gexf);
  CHECK(graph_format_of_path("net.dot") == GraphFormat::dot);
  CHECK(graph_format_of_path("net.gv") == GraphFormat::dot);
  CHECK_FALSE(graph_format_of_path("net.csv").has_value());
}

TEST_CASE("GraphML loads in python3-igraph with every node and edge attribute", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  save_graph(c, scratch / "millbrook.graphml", GraphFormat::graphml);
  json g = run_python(scratch, R"(
import igraph, json, sys
g = igraph.Graph.Read_GraphML(sys.argv[1])
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
}

TEST_CASE("DOT loads in Graphviz (cgraph) with every node and edge attribute", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  std::string text = graph_to_text(c, Network(c), GraphFormat::dot);
  Agraph_t* g = agmemread(text.c_str());
  REQUIRE(g != nullptr);
  CHECK_FALSE(agisdirected(g));
  CHECK(std::string(agnameof(g)) == "Millbrook -- Valley & <Co> (2025)");
  CHECK(agnnodes(g) == 4);
  CHECK(agnedges(g) == 3);
  auto attr = [](void* object, const char* name) {
    char* v = agget(object, const_cast<char*>(name));
    return std::string(v ? v : "(missing)");
  };
  Agnode_t* church = agnode(g, const_cast<char*>("church"), 0);
  REQUIRE(church);
  CHECK(attr(church, "name") == kTrickyName);  // DOT keeps control characters
  CHECK(attr(church, "label") == kTrickyName);
  CHECK(attr(church, "sector") == "faith");
  CHECK(attr(church, "type") == "faith");
  CHECK(attr(church, "at_table") == "false");
  CHECK(attr(church, "roles") == "");
  Agnode_t* clinic = agnode(g, const_cast<char*>("clinic"), 0);
  REQUIRE(clinic);
  CHECK(attr(clinic, "id") == "clinic");
  CHECK(attr(clinic, "at_table") == "true");
  CHECK(attr(clinic, "roles") == "backbone");

  std::map<std::string, Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      edges[edge_key(agnameof(agtail(e)), agnameof(aghead(e)))] = e;
  REQUIRE(edges.size() == 3);
  REQUIRE(edges.count("bank|school"));
  CHECK(attr(edges["bank|school"], "directed") == "true");
  CHECK(attr(edges["bank|school"], "dir") == "forward");
  CHECK(attr(edges["bank|school"], "strength") == "2");
  REQUIRE(edges.count("clinic|school"));
  CHECK(attr(edges["clinic|school"], "kinds") == "information;resources");
  CHECK(attr(edges["clinic|school"], "strength") == "3");
  CHECK(attr(edges["clinic|school"], "directed") == "false");
  agclose(g);
}

TEST_CASE("GEXF is well-formed XML with every node and edge attribute", "[export]") {
  ScratchFolder scratch("export");
  Community c = sample(scratch);
  save_graph(c, scratch / "millbrook.gexf", GraphFormat::gexf);
  json g = run_python(scratch, R"(
import json, sys, xml.etree.ElementTree as ET
ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(sys.argv[1]).getroot()
graph = root.find("g:graph", ns)
def values(el):
    return {a.get("for"): a.get("value") for a in el.findall("g:attvalues/g:attvalue", ns)}
print(json.dumps({
  "version": root.get("version"), "edgetype": graph.get("defaultedgetype"),
  "nodes": [dict(values(n), id=n.get("id"), label=n.get("label")) for n in graph.findall("g:nodes/g:node", ns)],
  "edges": [dict(values(e), source=e.get("source"), target=e.get("target"), type=e.get("type"),
                 weight=e.get("weight")) for e in graph.findall("g:edges/g:edge", ns)]}))
)", scratch / "millbrook.gexf");

  CHECK(g["version"] == "1.3");
  CHECK(g["edgetype"] == "undirected");
  REQUIRE(g["nodes"].size() == 4);
  std::map<std::string, json> nodes;
  for (auto& n : g["nodes"]) nodes[n["id"]] = n;
  CHECK(nodes["church"]["label"] == kTrickyNameInXml);
  CHECK(nodes["clinic"]["at_table"] == "true");
  CHECK(nodes["school"]["sector"] == "education");
  CHECK(nodes["bank"]["roles"] == "investor");
  REQUIRE(g["edges"].size() == 3);
  std::map<std::string, json> edges;
  for (auto& e : g["edges"]) edges[edge_key(e["source"], e["target"])] = e;
  REQUIRE(edges.count("bank|school"));
  CHECK(edges["bank|school"]["type"] == "directed");
  CHECK(edges["bank|school"]["weight"] == "2");
  CHECK(edges["clinic|school"]["type"] == "undirected");
  CHECK(edges["clinic|school"]["kinds"] == "information;resources");
  CHECK(edges["clinic|school"]["strength"] == "3");
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
