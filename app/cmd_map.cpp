// tablemap map [PATH]: the interactive map (Dear ImGui window).
#include "app/command.hpp"
#include "viz/map_app.hpp"

namespace tablemap::app {
namespace {

CommandRegistration registration{70, [](CLI::App& cli) -> std::function<int()> {
  auto* cmd = cli.add_subcommand(
      "map",
      "Open the interactive map: see who is at the table, click to ask, edit on the spot.\n"
      "Example: tablemap map datasets/riverbend\n"
      "Test hooks: tablemap map datasets/riverbend --screenshot out.png --frames 5\n"
      "            tablemap map datasets/riverbend --replay actions.txt (see docs/map.md)");
  auto o = std::make_shared<viz::MapOptions>();
  auto engine = std::make_shared<std::string>("auto");
  auto size = std::make_shared<std::string>();
  cmd->add_option("PATH", o->path, "bundle folder, .json or .tablemap file (optional)");
  cmd->add_option("--screenshot", o->screenshot, "save the window as PNG after --frames frames, then quit");
  cmd->add_option("--frames", o->frames, "frames to draw before --screenshot (default 3)")->check(CLI::PositiveNumber);
  cmd->add_option("--replay", o->replay, "run a script of UI actions, one per line (docs/map.md)");
  cmd->add_option("--bench-frames", o->bench_frames, "time this many frames, print the figures, then quit")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--imgui-shapes", o->imgui_shapes,
                "draw ties and organizations with ImGui's own shapes instead of shaders (slower; for comparison)");
  cmd->add_flag("--bench-pan", o->bench_pan, "with --bench-frames: pan the map every frame, as a user dragging it");
  cmd->add_flag("--bench-zoom", o->bench_zoom,
                "with --bench-frames: zoom 2% in or out every frame, as a user turning the wheel");
  cmd->add_option("--generate", o->generate,
                  "open a generated community of this many organizations instead of PATH (benchmarks)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "seed for --generate (default 1)");
  cmd->add_option("--layout", *engine, "auto, sfdp, neato, fdp or roles (role hierarchy, dot)")
      ->check(CLI::IsMember({"auto", "sfdp", "neato", "fdp", "roles"}));
  cmd->add_option("--size", *size, "window size WIDTHxHEIGHT (default 1400x860)");
  cmd->add_option("--datasets", o->datasets, "folder of samples for trainer mode (default: datasets/)");
  return [o, engine, size] {
    if (!size->empty()) {
      int w = 0, h = 0;
      if (std::sscanf(size->c_str(), "%dx%d", &w, &h) != 2 || w < 400 || h < 300) {
        std::fprintf(stderr, "tablemap map: --size wants WIDTHxHEIGHT, at least 400x300 (e.g. 1280x800)\n");
        return kBadUsage;
      }
      o->width = w, o->height = h;
    }
    o->engine = *engine == "sfdp"    ? viz::LayoutEngine::sfdp
                : *engine == "neato" ? viz::LayoutEngine::neato
                : *engine == "fdp"   ? viz::LayoutEngine::fdp
                : *engine == "roles" ? viz::LayoutEngine::dot_roles
                                     : viz::LayoutEngine::automatic;
    return viz::run_map(*o);
  };
}};

}  // namespace
}  // namespace tablemap::app
