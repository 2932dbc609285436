// tablemap convert IN OUT: between bundle folders, .json, .tablemap and .xlsx
// files, from the tools coalitions already use (Kumu, Gephi, yEd, a matrix),
// or the network alone for other tools (io/graph_export.hpp).
#include <cstdio>

#include "app/command.hpp"
#include "app/common.hpp"
#include "app/map_positions.hpp"
#include "app/pseudonymize_option.hpp"
#include "core/network.hpp"
#include "io/graph_export.hpp"
#include "io/import_network.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{70, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("convert",
                                 "Convert a community between forms; OUT's name picks the form:\n"
                                 "a .json file, a .tablemap project file, an .xlsx workbook, a bundle\n"
                                 "folder, or, for other network tools, .graphml, .gexf, .dot or .kumu.json\n"
                                 "(the network only, with the map's colors and positions; docs/exchange.md).\n"
                                 "IN may also come from another tool: a Kumu workbook (Elements and\n"
                                 "Connections sheets) or blueprint .json, GraphML or GEXF from Gephi or yEd,\n"
                                 "or an adjacency matrix .csv.\n"
                                 "Example: tablemap convert datasets/riverbend riverbend.xlsx\n"
                                 "Example: tablemap convert datasets/riverbend riverbend.kumu.json\n"
                                 "         tablemap convert riverbend.kumu.json our-town --sector-column Type");
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto import = std::make_shared<ImportOptions>();
  cmd->add_option("IN", *in,
                  "bundle folder, .json, .tablemap (FILE.tablemap@YEAR for one year) or .xlsx file to read, "
                  "or another tool's file")
      ->required();
  cmd->add_option("OUT", *out, "where to write; a .tablemap file that exists gets the community's year added")
      ->required();
  cmd->add_option("--sector-column", import->sector_column,
                  "from another tool: the column that holds each organization's sector (default: sector)");
  cmd->add_option("--profile", import->profile_path,
                  "from another tool: a community.json that declares the sectors and names the community");
  auto options = std::make_shared<SaveOptions>();
  options->replace_year = false;
  cmd->add_flag("--force", options->replace_any_folder,
                "write a bundle into an existing folder that holds other things (they stay)");
  cmd->add_flag("--replace", options->replace_year,
                "replace the year's snapshot when the .tablemap file already holds it");
  auto privacy = add_pseudonymize_option(cmd);
  return [in, out, import, options, privacy] {
    auto format = import_format_of(*in);
    auto loaded = format ? community_or_report(import_community(*in, *format, *import), *in) : load_or_report(*in);
    if (!loaded) return kBadData;
    auto community = apply_pseudonymize(*privacy, std::move(*loaded));
    if (!community) return kBadUsage;
    SaveOutcome outcome;
    try {
      if (auto graph = graph_format_of_path(*out)) {
        Network network(*community);
        GraphExportOptions export_options;
        export_options.positions = map_positions(*in, *community, network);
        save_graph(*community, network, *out, *graph, export_options);
        std::printf("wrote %s, the network only:\n%s", out->c_str(),
                    describe_graph_export(*community, network, *graph, !export_options.positions.empty()).c_str());
        return kOk;
      }
      outcome = save_community(*community, *out, *options);
    } catch (const YearExists& e) {
      std::fprintf(stderr, "tablemap: %s\n", e.what());
      return kBadUsage;
    } catch (const SaveError& e) {
      std::fprintf(stderr, "tablemap: %s\n", e.what());
      return kBadData;
    }
    std::printf("wrote %s (%zu organizations, %zu people, %zu ties, %zu roles)\n", out->c_str(),
                community->organizations.size(), community->people.size(), community->ties.size(),
                community->roles.size());
    if (!outcome.years.empty()) {
      std::printf("%s %d; the file holds %s\n", outcome.replaced ? "replaced" : "added", outcome.year,
                  years_list(outcome.years).c_str());
    }
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
