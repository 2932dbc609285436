// tablemap convert IN OUT: between bundle folders, .json and .tablemap files.
#include <cstdio>

#include "app/command.hpp"
#include "app/common.hpp"
#include "io/graph_export.hpp"
#include "io/load.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{70, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand("convert",
                                 "Convert a community between forms; OUT's name picks the form:\n"
                                 "a .json file, a .tablemap project file, a bundle folder, or, for\n"
                                 "other network tools, .graphml, .gexf or .dot (the network only).\n"
                                 "Example: tablemap convert datasets/riverbend riverbend.tablemap");
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  cmd->add_option("IN", *in, "bundle folder, .json or .tablemap file to read")->required();
  cmd->add_option("OUT", *out, "where to write")->required();
  auto options = std::make_shared<SaveOptions>();
  cmd->add_flag("--force", options->replace_any_folder,
                "write a bundle into an existing folder that holds other things (they stay)");
  return [in, out, options] {
    auto community = load_or_report(*in);
    if (!community) return kBadData;
    try {
      if (auto graph = graph_format_of_path(*out))
        save_graph(*community, *out, *graph);
      else
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
