#include "io/import_network.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "io/suggest.hpp"
#include "io/workbook_read.hpp"

namespace tablemap {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ignore_case(s.substr(s.size() - suffix.size()), suffix);
}

std::string first_bytes(const std::string& path, size_t n) {
  std::string head(n, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), std::streamsize(n));
  head.resize(size_t(in.gcount()));
  return head;
}

// "Hill Family Trust" -> "hill-family-trust": an id the bundle format accepts.
std::string id_from(std::string_view label) {
  std::string id;
  for (char c : label) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')
      id += char(std::tolower(static_cast<unsigned char>(c)));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "organization" : id;
}

// The columns of a table: the ones we fill first, then every attribute name
// in the order first met. An attribute named like one we fill is prefixed with
// the tool's name ("Kumu Type"), so that it is kept rather than misread.
std::vector<std::string> attribute_columns(const std::vector<const Attributes*>& rows, const std::string& skip,
                                           std::vector<std::string>& header, const std::vector<std::string>& ours,
                                           const std::string& tool) {
  std::vector<std::string> names;
  for (const Attributes* attrs : rows)
    for (const auto& [name, value] : *attrs) {
      if (!skip.empty() && sheet_name_key(name) == sheet_name_key(skip)) continue;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  for (const auto& name : names) {
    bool clash = false;
    for (const auto& o : ours) clash = clash || sheet_name_key(o) == sheet_name_key(name);
    header.push_back(clash ? tool + " " + name : name);
  }
  return names;
}

std::string_view value_of(const Attributes& attrs, const std::string& name) {
  for (const auto& [n, v] : attrs)
    if (n == name) return v;
  return {};
}

std::string_view value_like(const Attributes& attrs, const std::string& name) {
  for (const auto& [n, v] : attrs)
    if (sheet_name_key(n) == sheet_name_key(name)) return v;
  return {};
}

struct TableBuilder {
  RowTable table;
  void row(const std::vector<std::string_view>& cells, size_t line) {
    std::vector<RowTable::Span> spans;
    for (auto c : cells) spans.push_back(table.copy(trim(c)));
    table.add_row(spans.data(), spans.size(), uint32_t(line));
  }
};

// The organizations' sector column: present, and every value declared.
bool check_sectors(const ImportedNetwork& n, const Profile& profile, const std::string& column,
                   const std::vector<std::string>& attribute_names, std::map<std::string, std::string>& canonical,
                   Problems& problems) {
  bool present = false;
  for (const auto& name : attribute_names) present = present || sheet_name_key(name) == sheet_name_key(column);
  if (!present) {
    problems.push_back({n.node_file, 0,
                        "no column '" + column + "' holds the sectors" + did_you_mean(column, attribute_names) +
                            "; say which one does with --sector-column NAME (the columns are: " +
                            join_names(attribute_names) + ")"});
    return false;
  }
  struct Undeclared {
    size_t line = 0;
    std::vector<std::string> names;
  };
  std::vector<std::pair<std::string, Undeclared>> undeclared;
  for (const ImportedNode& node : n.nodes) {
    std::string value(trim(value_like(node.attributes, column)));
    if (value.empty() || canonical.count(value)) continue;
    bool found = false;
    for (const auto& s : profile.sectors)
      if (sheet_name_key(s) == sheet_name_key(value)) {
        canonical[value] = s;
        found = true;
      }
    if (found) continue;
    auto it = std::find_if(undeclared.begin(), undeclared.end(), [&](const auto& u) { return u.first == value; });
    if (it == undeclared.end()) {
      undeclared.push_back({value, {node.line, {}}});
      it = undeclared.end() - 1;
    }
    it->second.names.push_back(node.label);
  }
  if (undeclared.empty()) return true;
  std::vector<std::string> added;
  for (const auto& [value, u] : undeclared) {
    const size_t shown = std::min<size_t>(u.names.size(), 3);
    std::vector<std::string> some(u.names.begin(), u.names.begin() + long(shown));
    problems.push_back({n.node_file, u.line,
                        "'" + value + "' in the " + column + " column is not a declared sector" +
                            did_you_mean(value, profile.sectors) + " (" + std::to_string(u.names.size()) +
                            " organization" + (u.names.size() == 1 ? "" : "s") + ": " + join_names(some) +
                            (u.names.size() > shown ? ", ..." : "") + ")"});
    std::string id = id_from(value);
    std::replace(id.begin(), id.end(), '-', '_');
    added.push_back(id);
  }
  std::vector<std::string> required(profile.sectors.begin(), profile.sectors.begin() + long(profile.required_sector_count));
  std::vector<std::string> optional(profile.sectors.begin() + long(profile.required_sector_count), profile.sectors.end());
  optional.insert(optional.end(), added.begin(), added.end());
  std::string block = "{\n  \"name\": " + nlohmann::json(profile.name).dump() + ",\n  \"sectors\": {\n    \"required\": " +
                      nlohmann::json(required).dump() + ",\n    \"optional\": " + nlohmann::json(optional).dump() +
                      "\n  }\n}";
  problems.push_back({n.node_file, 0,
                      "to declare them, save the lines below as community.json (move a sector to \"required\" if it "
                      "is a key sector, or rename the values to a declared sector in the file) and run the same "
                      "convert again with --profile community.json:\n" + block});
  return false;
}

}  // namespace

std::optional<ImportFormat> import_format_of(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  if (ends_with(path, ".graphml")) return ImportFormat::graphml;
  if (ends_with(path, ".gexf")) return ImportFormat::gexf;
  if (ends_with(path, ".xlsx")) {
    Problems ignored;
    auto book = read_workbook(path, ignored);
    if (book && !book->find("Organizations") && book->find("Elements")) return ImportFormat::kumu_workbook;
    return std::nullopt;
  }
  const std::string head = first_bytes(path, 4096);
  if (ends_with(path, ".json")) {
    // A blueprint starts with "elements" or "connections"; our own form with "community".
    size_t elements = head.find("\"elements\""), community = head.find("\"community\"");
    if (elements != std::string::npos && (community == std::string::npos || elements < community))
      return ImportFormat::kumu_json;
    return std::nullopt;
  }
  if (ends_with(path, ".xml")) {
    if (head.find("<graphml") != std::string::npos) return ImportFormat::graphml;
    if (head.find("<gexf") != std::string::npos) return ImportFormat::gexf;
  }
  if (ends_with(path, ".csv")) {
    // A matrix's header begins with an empty cell: ",Name A,Name B".
    std::string_view first(head);
    if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
    if (!first.empty() && (first[0] == ',' || first[0] == ';' || first[0] == '\t')) return ImportFormat::matrix_csv;
  }
  return std::nullopt;
}

LoadResult community_from_network(const ImportedNetwork& n, const ImportOptions& options,
                                  const std::string& default_name) {
  LoadResult result;
  Problems& problems = result.problems;
  RawCommunity raw;
  if (!options.profile_path.empty()) {
    raw.profile_file = options.profile_path;
    if (!read_file(options.profile_path, raw.profile_text, problems)) return result;
  } else {
    raw.profile_file = n.node_file + " (the community profile)";
    raw.profile_text = nlohmann::json{{"name", options.name.empty() ? default_name : options.name}}.dump();
  }
  auto profile = parse_profile(raw.profile_text, raw.profile_file, problems);
  if (!profile) return result;

  // Organizations: id, name, sector, then every other attribute.
  const std::string sector_column = options.sector_column.empty() ? "sector" : options.sector_column;
  std::vector<const Attributes*> node_attrs;
  std::vector<std::string> all_names;
  for (const auto& node : n.nodes) {
    node_attrs.push_back(&node.attributes);
    for (const auto& [name, value] : node.attributes)
      if (std::find(all_names.begin(), all_names.end(), name) == all_names.end()) all_names.push_back(name);
  }
  std::map<std::string, std::string> canonical;
  if (!check_sectors(n, *profile, sector_column, all_names, canonical, problems)) return result;

  TableBuilder orgs;
  orgs.table.file = n.node_file;
  orgs.table.header = {"id", "name", "sector"};
  const auto columns = attribute_columns(node_attrs, sector_column, orgs.table.header,
                                         {"id", "name", "sector", "type"}, n.tool);
  std::map<std::string, std::string> id_of_key, id_of_label;
  std::map<std::string, int> used;
  for (const auto& node : n.nodes) {
    std::string id = id_from(node.label.empty() ? node.key : node.label);
    if (int count = ++used[id]; count > 1) id += "-" + std::to_string(count);
    id_of_key.emplace(node.key, id);
    id_of_label.emplace(node.label, id);
    std::string sector(trim(value_like(node.attributes, sector_column)));
    if (auto it = canonical.find(sector); it != canonical.end()) sector = it->second;
    std::vector<std::string_view> cells = {id, node.label, sector};
    for (const auto& c : columns) cells.push_back(value_of(node.attributes, c));
    orgs.row(cells, node.line);
  }

  // Ties: source, target, directed, then every other attribute of the links.
  TableBuilder ties;
  ties.table.file = n.link_file;
  ties.table.header = {"source", "target", "directed"};
  std::vector<const Attributes*> link_attrs;
  for (const auto& link : n.links) link_attrs.push_back(&link.attributes);
  const auto link_columns = attribute_columns(link_attrs, "", ties.table.header,
                                              {"source", "target", "directed", "strength", "kind"}, n.tool);
  auto endpoint = [&](const std::string& key) -> std::string {
    if (auto it = id_of_key.find(key); it != id_of_key.end()) return it->second;
    if (auto it = id_of_label.find(key); it != id_of_label.end()) return it->second;
    return key;  // the decoder says it is not an organization
  };
  for (const auto& link : n.links) {
    const std::string from = endpoint(link.from), to = endpoint(link.to);
    std::vector<std::string_view> cells = {from, to, link.directed ? yes_no(*link.directed) : std::string_view()};
    for (const auto& c : link_columns) cells.push_back(value_of(link.attributes, c));
    ties.row(cells, link.line);
  }
  raw.organizations = std::move(orgs.table);
  raw.ties = std::move(ties.table);
  return decode_community(raw);
}

LoadResult import_community(const std::string& path, ImportFormat format, const ImportOptions& options) {
  LoadResult result;
  std::optional<ImportedNetwork> network;
  switch (format) {
    case ImportFormat::kumu_workbook: network = read_kumu_workbook(path, result.problems); break;
    case ImportFormat::kumu_json: network = read_kumu_json(path, result.problems); break;
    case ImportFormat::graphml: network = read_graphml(path, result.problems); break;
    case ImportFormat::gexf: network = read_gexf(path, result.problems); break;
    case ImportFormat::matrix_csv: network = read_matrix_csv(path, result.problems); break;
  }
  if (!network) return result;
  return community_from_network(*network, options, std::filesystem::path(path).stem().string());
}

}  // namespace tablemap
