// tablemap convert IN OUT: between bundle folders, .json and .tablemap files,
// or the network alone for other tools (io/graph_export.hpp).
#include <cstdio>

#include "app/command.hpp"
#include "app/common.hpp"
#include "app/map_positions.hpp"
#include "app/pseudonymize_option.hpp"
#include "core/network.hpp"
#include "io/graph_export.hpp"
#include "io/load.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{70, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("convert",
                                 "Convert a community between forms; OUT's name picks the form:\n"
                                 "a .json file, a .tablemap project file, a bundle folder, or, for\n"
                                 "other network tools, .graphml, .gexf, .dot or .kumu.json (the network only,\n"
                                 "with the map's colors and positions; see docs/exchange.md).\n"
                                 "Example: tablemap convert datasets/riverbend riverbend.tablemap");
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("IN", *in, "bundle folder, .json or .tablemap file to read")->required();
  cmd->add_option("OUT", *out, "where to write")->required();
  auto options = std::make_shared<SaveOptions>();
  cmd->add_flag("--force", options->replace_any_folder,
                "write a bundle into an existing folder that holds other things (they stay)");
  auto privacy = add_pseudonymize_option(cmd);
  return [in, out, options, privacy] {
    auto loaded = load_or_report(*in);
    if (!loaded) return kBadData;
    auto community = apply_pseudonymize(*privacy, std::move(*loaded));
    if (!community) return kBadUsage;
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
      save_community(*community, *out, *options);
    } catch (const SaveError& e) {
      std::fprintf(stderr, "tablemap: %s\n", e.what());
      return kBadData;
    }
    std::printf("wrote %s (%zu organizations, %zu people, %zu ties, %zu roles)\n", out->c_str(),
                community->organizations.size(), community->people.size(), community->ties.size(),
                community->roles.size());
    return kOk;
  };
}};

}  // namespace
}  // namespace tablemap::app
