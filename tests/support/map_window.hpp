// Runs the real map window under Xvfb for the tests in tests/viz: replay
// scripts drive it, and the tests read the JSON lines it prints and the
// pixels of its screenshots.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <stb_image.h>  // implementation in libstb

namespace tablemap::testing {

inline bool have_xvfb() { return std::system("command -v Xvfb >/dev/null 2>&1") == 0; }

// A virtual screen of 1600x1000 for one map run, ended with the object.
// Xvfb chooses a free display number itself and tells it on a pipe
// (-displayfd). `xvfb-run -a` guesses the number from /tmp/.X*-lock files
// instead, and two map tests started side by side by ctest -j2 raced for
// one: a CI run failed with xvfb-run's own exit status 5, not the map's.
class VirtualDisplay {
 public:
  VirtualDisplay() {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(pipe_fds[0]);
      const int quiet = ::open("/dev/null", O_RDWR);
      ::dup2(quiet, 0);
      ::dup2(quiet, 1);
      ::dup2(quiet, 2);
      const std::string fd = std::to_string(pipe_fds[1]);
      ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1600x1000x24", "-nolisten", "tcp",
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    std::string number;
    char c = 0;
    while (pid_ > 0 && ::read(pipe_fds[0], &c, 1) == 1 && c != '\n') number += c;
    ::close(pipe_fds[0]);
    if (!number.empty()) name_ = ":" + number;
  }
  ~VirtualDisplay() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  VirtualDisplay(const VirtualDisplay&) = delete;
  VirtualDisplay& operator=(const VirtualDisplay&) = delete;

  // ":N", or empty when Xvfb did not start.
  const std::string& name() const { return name_; }

 private:
  pid_t pid_ = -1;
  std::string name_;
};

// This test process's scratch folder, removed when the process ends; set
// TABLEMAP_KEEP_SCRATCH=1 to keep it and look at the screenshots the tests
// took (its path is /tmp/tablemap_viz_PID).
struct ScratchFolder {
  std::filesystem::path dir;
  ~ScratchFolder() {
    if (dir.empty() || std::getenv("TABLEMAP_KEEP_SCRATCH")) return;
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};
inline ScratchFolder scratch_folder;

// A file in this test process's own scratch folder.
inline std::filesystem::path scratch(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("tablemap_viz_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  scratch_folder.dir = dir;
  return dir / name;
}

// A copy of a test bundle in the scratch folder: the map writes
// PATH.recovery.json beside the data it opened when edits are left unsaved.
inline std::string scratch_copy(const std::string& bundle, const std::string& name) {
  const std::filesystem::path copy = scratch(name);
  std::filesystem::remove_all(copy);
  std::filesystem::copy(bundle, copy);
  return copy.string();
}

struct MapRun {
  int status = -1;
  std::string out, err;
  std::vector<nlohmann::json> lines;  // stdout lines that are JSON objects
};

// Runs `tablemap map ARGS` in a virtual display of its own, in a window of `size` pixels;
// `env` ("NAME=value ...") is set for the map alone.
inline MapRun run_map(const std::string& args, const std::string& size = "1100x720", const std::string& env = "") {
  const std::filesystem::path out = scratch("stdout.txt"), err = scratch("stderr.txt");
  VirtualDisplay display;
  MapRun r;
  if (display.name().empty()) {
    r.err = "Xvfb did not start";
    return r;
  }
  const std::string cmd = "env DISPLAY=" + display.name() + " " + env + " " + std::string(TABLEMAP_BINARY) +
                          " map --size " + size + " " + args + " >" + out.string() + " 2>" + err.string();
  const int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream o(out), e(err);
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] == '{') r.lines.push_back(nlohmann::json::parse(line));
  return r;
}

// Writes a replay script; returns its path.
inline std::string script(const std::string& name, const std::string& text) {
  const std::filesystem::path p = scratch(name);
  std::ofstream(p) << text;
  return p.string();
}

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> rgba;
  std::array<int, 3> at(double x, double y) const {
    const int xi = int(x + 0.5), yi = int(y + 0.5);
    REQUIRE(xi >= 0);
    REQUIRE(yi >= 0);
    REQUIRE(xi < w);
    REQUIRE(yi < h);
    const unsigned char* p = &rgba[(size_t(yi) * size_t(w) + size_t(xi)) * 4];
    return {p[0], p[1], p[2]};
  }
};

inline Image load_png(const std::filesystem::path& path) {
  Image img;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &channels, 4);
  REQUIRE(data != nullptr);
  img.rgba.assign(data, data + size_t(img.w) * size_t(img.h) * 4);
  stbi_image_free(data);
  return img;
}

inline bool close_to(std::array<int, 3> got, std::array<int, 3> want, int tolerance = 12) {
  for (int k = 0; k < 3; ++k)
    if (std::abs(got[k] - want[k]) > tolerance) return false;
  return true;
}

inline std::array<int, 3> rgb(const nlohmann::json& color) {
  return {color[0].get<int>(), color[1].get<int>(), color[2].get<int>()};
}

// Without Xvfb a map test is skipped with a warning on a developer's
// machine, but fails in CI (CI set in the environment, as .ci/run does):
// there a skipped map test would count as passed without having run.
inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string(ci) != "0" && std::string(ci) != "false";
}

}  // namespace tablemap::testing

#define REQUIRE_XVFB()                                                                     \
  if (!tablemap::testing::have_xvfb()) {                                                   \
    if (tablemap::testing::in_ci())                                                        \
      FAIL("Xvfb is missing (Debian package xvfb): in CI every map window test must run"); \
    WARN("Xvfb is missing (Debian package xvfb): map window test skipped");                \
    return;                                                                                \
  }
