// Two pieces of work side by side: the machine tablemap targets has two
// cores, and a few steps (reading two years, analyzing them) split in two.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

namespace tablemap {

// Runs `there` on a new thread and `here` on this one, waits for both, then
// rethrows the exception of `here`, else that of `there`, if any. Either may
// wait for the other (a promise), as long as neither waits for ever when
// the other fails.
template <class Here, class There>
void run_both(Here&& here, There&& there) {
  std::exception_ptr here_failed, there_failed;
  std::thread helper([&] {
    try {
      there();
    } catch (...) {
      there_failed = std::current_exception();
    }
  });
  try {
    here();
  } catch (...) {
    here_failed = std::current_exception();
  }
  helper.join();
  if (here_failed) std::rethrow_exception(here_failed);
  if (there_failed) std::rethrow_exception(there_failed);
}

// Runs body(begin, end, part) over the items [0, count) in chunks of
// `chunk`, handed out in turn to `threads` parts (part 0 on this thread), for
// work whose cost varies a lot from item to item (a hub's neighbourhood).
// Each item is done once, by one part: a result that depends only on its
// item is the same for any thread count. Each part can keep its own scratch
// space, indexed by `part`. A failure in any part is rethrown after all end.
template <class Body>
void for_chunks(uint32_t count, int threads, uint32_t chunk, Body&& body) {
  const int parts = std::max(1, std::min<int>(threads, int((count + chunk - 1) / std::max<uint32_t>(chunk, 1))));
  if (parts <= 1) {
    if (count > 0) body(uint32_t(0), count, 0);
    return;
  }
  std::atomic<uint64_t> next{0};
  auto work = [&](int part) {
    for (uint64_t begin; (begin = next.fetch_add(chunk)) < count;)
      body(uint32_t(begin), uint32_t(std::min<uint64_t>(count, begin + chunk)), part);
  };
  std::vector<std::exception_ptr> failed(static_cast<size_t>(parts));
  std::vector<std::thread> helpers;
  for (int part = 1; part < parts; ++part)
    helpers.emplace_back([&, part] {
      try {
        work(part);
      } catch (...) {
        failed[size_t(part)] = std::current_exception();
        next = count;  // the others stop at their next chunk
      }
    });
  try {
    work(0);
  } catch (...) {
    failed[0] = std::current_exception();
    next = count;
  }
  for (std::thread& t : helpers) t.join();
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace tablemap
