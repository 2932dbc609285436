// The Structure panel's network measures (analysis/structure) on a worker
// thread, so that no frame waits for them: on 10,000 organizations they take
// seconds. The worker measures its own copy of the community (copy-on-write,
// five pointers) and owns the slot it writes to, so it is detached: closing
// the window never waits for it, and it touches nothing of the window's.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "analysis/structure.hpp"
#include "core/community.hpp"

namespace tablemap::viz {

// Measures of one state of the community.
struct StructureResult {
  uint64_t opened = 0, revision = 0;  // AppState::opened and the edit revision measured
  Community community;                // what was measured: names and ids of the rows below
  NetworkMetrics metrics;
  std::string error;                  // why the measures failed; empty when they worked
};

class StructureJob {
 public:
  // Starts measuring; call only when not running().
  void start(Community community, uint64_t opened, uint64_t revision);
  bool running() const;
  // Seconds since start(), for the progress line.
  double elapsed() const;
  // The finished measures, once; nullopt while running or when already taken.
  std::optional<StructureResult> take();

 private:
  struct Slot {
    mutable std::mutex mutex;
    bool running = false;
    double started = 0;
    std::optional<StructureResult> result;
  };
  std::shared_ptr<Slot> slot_ = std::make_shared<Slot>();
};

}  // namespace tablemap::viz
