// tablemap convert IN OUT: between bundle folders, .json and .tablemap files.
#include <cstdio>

#include "app/command.hpp"
#include "app/common.hpp"
#include "io/graph_export.hpp"
#include "io/load.hpp"
#include "io/project_file.hpp"

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
  cmd->add_option("IN", *in, "bundle folder, .json or .tablemap file to read (FILE.tablemap@YEAR for one year)")
      ->required();
  cmd->add_option("OUT", *out, "where to write; a .tablemap file that exists gets the community's year added")
      ->required();
  auto options = std::make_shared<SaveOptions>();
  options->replace_year = false;
  cmd->add_flag("--force", options->replace_any_folder,
                "write a bundle into an existing folder that holds other things (they stay)");
  cmd->add_flag("--replace", options->replace_year,
                "replace the year's snapshot when the .tablemap file already holds it");
  return [in, out, options] {
    auto community = load_or_report(*in);
    if (!community) return kBadData;
    SaveOutcome outcome;
    try {
      if (auto graph = graph_format_of_path(*out))
        save_graph(*community, *out, *graph);
      else
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
