// Imports from the tools coalitions already use (Kumu, Gephi, yEd, a matrix
// in a spreadsheet). Each reader turns its file into an ImportedNetwork:
// nodes with a label and attributes, links between labels. One function then
// makes the organizations and ties tables of it and hands them to the same
// decoder as every other form (io/codec), so an import is checked by the
// bundle's rules, with the file's own lines or rows in the problems.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/codec.hpp"

namespace tablemap {

using Attributes = std::vector<std::pair<std::string, std::string>>;  // column, value

struct ImportedNode {
  std::string key;    // how links name the node (Kumu: the label; GraphML: the node id)
  std::string label;  // the organization's name
  Attributes attributes;
  size_t line = 0;
};

struct ImportedLink {
  std::string from, to;  // node keys
  Attributes attributes;
  std::optional<bool> directed;
  size_t line = 0;
};

struct ImportedNetwork {
  std::string tool;        // "Kumu", "GraphML", ...: prefix of attributes that clash with bundle columns
  std::string node_file;   // label for problems about nodes ("kumu.xlsx:Elements", "net.graphml")
  std::string link_file;
  std::vector<ImportedNode> nodes;
  std::vector<ImportedLink> links;
};

struct ImportOptions {
  std::string sector_column;  // the attribute holding each organization's sector ("" = "sector")
  std::string profile_path;   // a community.json declaring the sectors ("" = the format's defaults)
  std::string name;           // the community's name ("" = the file's name)
};

enum class ImportFormat { kumu_workbook, kumu_json, graphml, gexf, matrix_csv };

// Which tool wrote `path`, from its name and its first bytes; nullopt when it
// is one of tablemap's own forms (a bundle, our .json, .tablemap, our .xlsx).
std::optional<ImportFormat> import_format_of(const std::string& path);

// Reads the file and builds the community. Values of the sector column that
// the profile does not declare are problems, and one more problem gives a
// community.json with them declared, ready to save and pass as --profile.
LoadResult import_community(const std::string& path, ImportFormat format, const ImportOptions& options);

// The network to community step, for every reader.
LoadResult community_from_network(const ImportedNetwork& network, const ImportOptions& options,
                                  const std::string& default_name);

// The readers (io/import_kumu.cpp, io/import_graph.cpp, io/import_matrix.cpp);
// each adds problems and returns nullopt when the file cannot be read.
std::optional<ImportedNetwork> read_kumu_workbook(const std::string& path, Problems& problems);
std::optional<ImportedNetwork> read_kumu_json(const std::string& path, Problems& problems);
std::optional<ImportedNetwork> read_graphml(const std::string& path, Problems& problems);
std::optional<ImportedNetwork> read_gexf(const std::string& path, Problems& problems);
std::optional<ImportedNetwork> read_matrix_csv(const std::string& path, Problems& problems);

}  // namespace tablemap
