// A detached worker thread per measurement (viz/structure_job.hpp).
#include "viz/structure_job.hpp"

#include <exception>
#include <thread>

#include "core/network.hpp"
#include "viz/layout.hpp"

namespace tablemap::viz {

void StructureJob::start(Community community, uint64_t opened, uint64_t revision) {
  {
    std::lock_guard lock(slot_->mutex);
    slot_->running = true;
    slot_->started = now_seconds();
    slot_->result.reset();
  }
  std::thread([slot = slot_, community = std::move(community), opened, revision]() mutable {
    StructureResult r;
    r.opened = opened;
    r.revision = revision;
    try {
      r.metrics = measure_network(community, Network(community), MetricsOptions{});
    } catch (const std::exception& e) {  // nothing may escape a detached thread
      r.error = std::string("the network could not be measured: ") + e.what();
    }
    r.community = std::move(community);
    std::lock_guard lock(slot->mutex);
    slot->result = std::move(r);
    slot->running = false;
  }).detach();
}

bool StructureJob::running() const {
  std::lock_guard lock(slot_->mutex);
  return slot_->running;
}

double StructureJob::elapsed() const {
  std::lock_guard lock(slot_->mutex);
  return now_seconds() - slot_->started;
}

std::optional<StructureResult> StructureJob::take() {
  std::lock_guard lock(slot_->mutex);
  std::optional<StructureResult> r = std::move(slot_->result);
  slot_->result.reset();
  return r;
}

}  // namespace tablemap::viz
