// Kumu (kumu.io) maps: its spreadsheet import/export (an Elements sheet with
// Label, Type and custom columns; a Connections sheet with From and To, where
// "A | B" fans out to one connection per pair) and its JSON blueprints
// ({"elements": [{"label", "type", ...}], "connections": [{"from", "to",
// "direction", ...}]}; project exports nest custom fields in "attributes").
#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "io/import_network.hpp"
#include "io/suggest.hpp"
#include "io/workbook_read.hpp"

namespace tablemap {

namespace {

using json = nlohmann::json;

// "A | B" -> {"A", "B"}.
std::vector<std::string> pipe_list(std::string_view cell) {
  std::vector<std::string> items;
  while (!cell.empty()) {
    size_t bar = cell.find('|');
    std::string_view item = trim(cell.substr(0, bar));
    if (!item.empty()) items.emplace_back(item);
    if (bar == std::string_view::npos) break;
    cell.remove_prefix(bar + 1);
  }
  return items;
}

// Kumu's direction: "directed" one way; "undirected" and "mutual" both ways.
std::optional<bool> direction_of(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return equals_ignore_case(trim(text), "directed");
}

int column_of(const RowTable& t, std::string_view name) {
  for (size_t c = 0; c < t.header.size(); ++c)
    if (sheet_name_key(t.header[c]) == sheet_name_key(name)) return int(c);
  return -1;
}

}  // namespace

std::optional<ImportedNetwork> read_kumu_workbook(const std::string& path, Problems& problems) {
  auto book = read_workbook(path, problems);
  if (!book) return std::nullopt;
  const WorkbookSheet* elements = book->find("Elements");
  if (!elements) {
    problems.push_back({path, 0, "a Kumu workbook needs an Elements sheet; its sheets are: " + join_names(book->sheet_names())});
    return std::nullopt;
  }
  ImportedNetwork n;
  n.tool = "Kumu";
  const RowTable et = sheet_table(*book, *elements);
  n.node_file = et.file;
  const int label = column_of(et, "Label"), id = column_of(et, "ID");
  if (label < 0) {
    problems.push_back({et.file, et.header_line, "the Elements sheet needs a Label column (the organization's name)"});
    return std::nullopt;
  }
  for (size_t r = 0; r < et.rows(); ++r) {
    ImportedNode node;
    node.label = et.cell(r, size_t(label));
    node.key = id >= 0 && !et.cell(r, size_t(id)).empty() ? std::string(et.cell(r, size_t(id))) : node.label;
    node.line = et.lines[r];
    for (size_t c = 0; c < et.columns(); ++c)
      if (int(c) != label && int(c) != id && !et.header[c].empty()) node.attributes.emplace_back(et.header[c], et.cell(r, c));
    n.nodes.push_back(std::move(node));
  }
  if (const WorkbookSheet* connections = book->find("Connections")) {
    const RowTable ct = sheet_table(*book, *connections);
    n.link_file = ct.file;
    const int from = column_of(ct, "From"), to = column_of(ct, "To"), direction = column_of(ct, "Direction");
    if (from < 0 || to < 0) {
      problems.push_back({ct.file, ct.header_line, "the Connections sheet needs the columns From and To"});
      return std::nullopt;
    }
    for (size_t r = 0; r < ct.rows(); ++r) {
      ImportedLink link;
      link.line = ct.lines[r];
      if (direction >= 0) link.directed = direction_of(ct.cell(r, size_t(direction)));
      for (size_t c = 0; c < ct.columns(); ++c)
        if (int(c) != from && int(c) != to && int(c) != direction && !ct.header[c].empty())
          link.attributes.emplace_back(ct.header[c], ct.cell(r, c));
      for (const auto& a : pipe_list(ct.cell(r, size_t(from))))
        for (const auto& b : pipe_list(ct.cell(r, size_t(to)))) {
          link.from = a;
          link.to = b;
          n.links.push_back(link);
        }
    }
  }
  return n;
}

std::optional<ImportedNetwork> read_kumu_json(const std::string& path, Problems& problems) {
  std::string text;
  if (!read_file(path, text, problems)) return std::nullopt;
  json root = json::parse(text, nullptr, false, true);
  if (root.is_discarded() || !root.is_object() || !root.contains("elements")) {
    problems.push_back({path, 0, "not a Kumu blueprint: the file must be JSON with \"elements\" and \"connections\" lists"});
    return std::nullopt;
  }
  // Lines of each object: the blueprint's objects are found in order by their "label" / "from" keys.
  auto line_finder = [&text](std::string_view key) {
    return [&text, key, from = size_t(0)]() mutable {
      size_t at = text.find("\"" + std::string(key) + "\"", from);
      if (at == std::string::npos) return size_t(0);
      from = at + 1;
      return size_t(std::count(text.begin(), text.begin() + long(at), '\n') + 1);
    };
  };
  auto as_text = [](const json& v) -> std::string {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
      std::string out;
      for (const auto& item : v) out += (out.empty() ? "" : " | ") + (item.is_string() ? item.get<std::string>() : item.dump());
      return out;
    }
    return v.is_null() ? "" : v.dump();
  };
  ImportedNetwork n;
  n.tool = "Kumu";
  n.node_file = path;
  n.link_file = path;
  auto element_line = line_finder("label");
  for (const json& e : root["elements"]) {
    ImportedNode node;
    node.line = element_line();
    if (!e.is_object()) continue;
    node.label = e.contains("label") ? as_text(e["label"]) : "";
    node.key = e.contains("id") ? as_text(e["id"]) : node.label;
    for (auto it = e.begin(); it != e.end(); ++it) {
      if (it.key() == "label" || it.key() == "id") continue;
      if (it.key() == "attributes" && it.value().is_object()) {
        for (auto a = it.value().begin(); a != it.value().end(); ++a)
          if (a.key() == "label") node.label = as_text(a.value());
          else node.attributes.emplace_back(a.key(), as_text(a.value()));
        continue;
      }
      node.attributes.emplace_back(it.key(), as_text(it.value()));
    }
    if (node.key.empty()) node.key = node.label;
    n.nodes.push_back(std::move(node));
  }
  auto connection_line = line_finder("from");
  if (root.contains("connections"))
    for (const json& c : root["connections"]) {
      if (!c.is_object()) continue;
      ImportedLink link;
      link.line = connection_line();
      link.from = c.contains("from") ? as_text(c["from"]) : "";
      link.to = c.contains("to") ? as_text(c["to"]) : "";
      for (auto it = c.begin(); it != c.end(); ++it) {
        if (it.key() == "from" || it.key() == "to" || it.key() == "id") continue;
        if (it.key() == "direction") link.directed = direction_of(as_text(it.value()));
        else if (it.key() == "attributes" && it.value().is_object())
          for (auto a = it.value().begin(); a != it.value().end(); ++a) link.attributes.emplace_back(a.key(), as_text(a.value()));
        else link.attributes.emplace_back(it.key(), as_text(it.value()));
      }
      n.links.push_back(std::move(link));
    }
  return n;
}

}  // namespace tablemap
