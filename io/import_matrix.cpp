// An adjacency matrix kept in a spreadsheet and saved as CSV: the first row
// names the organizations after an empty corner cell, each row starts with
// an organization and has a number under every column (empty or 0: no tie).
// Columns whose header is not an organization ("sector", "website") are the
// organizations' attributes. A pair with the same number both ways is one
// tie; a number one way only is a directed tie.
#include <charconv>
#include <map>

#include "io/csv.hpp"
#include "io/import_network.hpp"

namespace tablemap {

std::optional<ImportedNetwork> read_matrix_csv(const std::string& path, Problems& problems) {
  std::string text;
  if (!read_file(path, text, problems)) return std::nullopt;
  RowTable t;
  if (!parse_csv(std::move(text), path, t, problems)) return std::nullopt;
  ImportedNetwork n;
  n.tool = "Matrix";
  n.node_file = path;
  n.link_file = path;
  std::map<std::string, size_t> row_of;
  for (size_t r = 0; r < t.rows(); ++r) row_of.emplace(std::string(t.cell(r, 0)), r);
  std::vector<int> matrix_row(t.columns(), -1);  // per column: the row of the same organization
  for (size_t c = 1; c < t.columns(); ++c)
    if (auto it = row_of.find(std::string(trim(t.header[c]))); it != row_of.end()) matrix_row[c] = int(it->second);
  std::vector<std::vector<std::string>> weights(t.rows(), std::vector<std::string>(t.rows()));
  for (size_t r = 0; r < t.rows(); ++r) {
    ImportedNode node;
    node.key = node.label = t.cell(r, 0);
    node.line = t.lines[r];
    for (size_t c = 1; c < t.columns(); ++c) {
      std::string_view cell = trim(t.cell(r, c));
      if (matrix_row[c] < 0) {
        node.attributes.emplace_back(std::string(trim(t.header[c])), std::string(cell));
        continue;
      }
      double value = 0;
      auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (!cell.empty() && (ec != std::errc() || p != cell.data() + cell.size())) {
        problems.push_back({path, t.lines[r],
                            "the cell under '" + std::string(trim(t.header[c])) + "' must be a number (empty or 0: no tie), not '" +
                                std::string(cell) + "'"});
        continue;
      }
      if (value != 0) weights[r][size_t(matrix_row[c])] = cell;
    }
    n.nodes.push_back(std::move(node));
  }
  if (!problems.empty()) return std::nullopt;
  for (size_t i = 0; i < t.rows(); ++i)
    for (size_t j = 0; j < t.rows(); ++j) {
      const std::string& w = weights[i][j];
      if (w.empty() || (j < i && weights[j][i] == w)) continue;  // a symmetric pair is written once, from i < j
      ImportedLink link;
      link.from = n.nodes[i].key;
      link.to = n.nodes[j].key;
      link.line = t.lines[i];
      link.directed = weights[j][i] != w;
      if (w != "1") link.attributes.emplace_back("weight", w);
      n.links.push_back(std::move(link));
    }
  return n;
}

}  // namespace tablemap
