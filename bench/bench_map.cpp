// bench_map: the map's layout time and frame time on generated communities.
//
// Layout: `tablemap map --generate N` lays the network out through cgraph/gvc
// (sfdp, as the map does above 300 organizations); the same graph, written as
// DOT here, goes to Graphviz's own `sfdp` command in the same run, once with
// the map's settings and once with sfdp's defaults. Frames: the window under
// xvfb-run (Mesa llvmpipe), everything on screen ("fit"), vsync off; the map
// still and panning, drawn by the shaders and, as the reference, by ImGui's
// own primitives.
// Targets: a 5,000-organization layout under 2 s; 10,000 organizations at 60
// frames per second or better still and 30 or better while panning or
// zooming, with names placed around the discs and the discs' overlap
// removal on (as the map always draws them).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "core/network.hpp"
#include "core/synthetic.hpp"
#include "bench_support.hpp"

namespace fs = std::filesystem;
using namespace tablemap;

namespace {

std::string tablemap_binary() {
  // build/bench/bench_map -> build/app/tablemap
  return (fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "app" / "tablemap").string();
}

// "key value key value ..." as printed by --bench-frames.
std::map<std::string, double> parse_figures(const std::string& text) {
  std::map<std::string, double> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("frames ", 0) != 0) continue;
    std::istringstream in(line);
    std::string key;
    double value;
    while (in >> key >> value) out[key] = value;
  }
  return out;
}

// Wall seconds of a shell command; -1 when it failed.
double command_seconds(const std::string& cmd) {
  int status = 0;
  const double s = bench::seconds_of([&] { status = std::system(cmd.c_str()); });
  return status == 0 ? s : -1;
}

void write_dot(const Community& c, const std::string& path) {
  Network net(c);
  std::ofstream out(path);
  out << "graph map {\n  node [shape=point, width=0.3, label=\"\"];\n";
  for (uint32_t i = 0; i < net.organization_count(); ++i) out << "  n" << i << ";\n";
  for (const Relationship& r : net.relationships()) out << "  n" << r.a << " -- n" << r.b << ";\n";
  out << "}\n";
}

}  // namespace

int main() {
  const std::string bin = tablemap_binary();
  if (!fs::exists(bin)) {
    std::fprintf(stderr, "bench_map: %s not found; build the tablemap target first\n", bin.c_str());
    return 1;
  }
  const bool have_xvfb = std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
  const bool have_sfdp = std::system("command -v sfdp >/dev/null 2>&1") == 0;
  const std::string xvfb = "xvfb-run -a -s '-screen 0 1600x1000x24' ";
  const fs::path dir = fs::temp_directory_path() / ("bench_map_" + std::to_string(getpid()));
  fs::create_directories(dir);
  if (!have_xvfb) std::printf("xvfb-run missing (Debian package xvfb): window figures skipped\n");
  if (!have_sfdp) std::printf("sfdp missing (Debian package graphviz): reference figures skipped\n");

  std::printf("Layout (sfdp through cgraph/gvc in tablemap vs Graphviz's sfdp command, same graph)\n");
  std::printf("%8s %8s %12s %16s %16s %8s\n", "orgs", "ties", "tablemap_s", "sfdp_same_s", "sfdp_default_s",
              "ratio");
  for (uint32_t n : {1000u, 5000u}) {
    GenerateOptions g;
    g.organizations = n;
    g.seed = 1;
    Community c = generate_community(g);
    const std::string dot = (dir / fmt::format("g{}.dot", n)).string();
    write_dot(c, dot);
    double ours = -1;
    if (have_xvfb) {
      int status = 0;
      std::string out = bench::output_of(
          xvfb + bin + fmt::format(" map --generate {} --seed 1 --layout sfdp --bench-frames 1 2>&1", n), &status);
      ours = parse_figures(out).count("layout_s") ? parse_figures(out)["layout_s"] : -1;
    }
    double same = -1, plain = -1;
    if (have_sfdp) {
      same = command_seconds("sfdp -Goverlap=true -Gquadtree=fast -Gmaxiter=300 -Tplain -o /dev/null " + dot);
      plain = command_seconds("sfdp -Tplain -o /dev/null " + dot);
    }
    std::printf("%8u %8zu %12.3f %16.3f %16.3f %8.2f%s\n", n, Network(c).relationship_count(), ours, same, plain,
                ours > 0 && same > 0 ? same / ours : 0.0,
                n == 5000 ? (ours > 0 && ours < 2.0 ? "  target < 2 s: met" : "  target < 2 s: NOT met") : "");
  }
  std::printf("(ratio = sfdp command with the same settings / tablemap; the command also parses and prints)\n\n");

  if (have_xvfb) {
    std::printf("Frames (window 1400x860, whole network on screen, Mesa llvmpipe under Xvfb)\n");
    std::printf("  still: nothing changes between frames; pan: the map moves 3 pixels every frame;\n"
                "  zoom: 2%% in or out every frame (every shape drawn again)\n");
    std::printf("  shaders: viz/map_shapes; imgui: the same shapes as ImGui primitives (--imgui-shapes)\n");
    std::printf("%8s %8s %-6s %-8s %10s %10s %8s %7s\n", "orgs", "ties", "motion", "drawing", "median_ms", "p95_ms",
                "fps", "ratio");
    for (uint32_t n : {1000u, 10000u}) {
      for (const char* motion : {"still", "pan", "zoom"}) {
        double imgui_ms = 0;
        for (const char* drawing : {"imgui", "shaders"}) {
          int status = 0;
          const std::string cmd =
              xvfb + bin +
              fmt::format(" map --generate {} --seed 1 --bench-frames {} {} {} 2>&1", n, n > 5000 ? 60 : 120,
                          std::string(motion) == "still" ? "" : "--bench-" + std::string(motion),
                          std::string(drawing) == "imgui" ? "--imgui-shapes" : "");
          auto f = parse_figures(bench::output_of(cmd, &status));
          if (!f.count("fps")) {
            std::printf("%8u  %s %s failed\n", n, motion, drawing);
            continue;
          }
          if (std::string(drawing) == "imgui") imgui_ms = f["median_ms"];
          const bool target = n == 10000 && std::string(drawing) == "shaders";
          const double want = std::string(motion) == "still" ? 60 : 30;
          const double fps = 1000.0 / f["median_ms"];
          std::printf("%8u %8.0f %-6s %-8s %10.2f %10.2f %8.1f %6.1fx%s\n", n, f["relationships"], motion, drawing,
                      f["median_ms"], f["p95_ms"], fps, imgui_ms > 0 ? imgui_ms / f["median_ms"] : 0.0,
                      target ? fmt::format("  target >= {:.0f} fps: {}", want, fps >= want ? "met" : "NOT met").c_str()
                             : "");
        }
      }
    }
    std::printf("(fps from the median frame; ratio = the imgui drawing's median / this one's)\n");
  }
  fs::remove_all(dir);
  return 0;
}
