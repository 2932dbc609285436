// Two pieces of work side by side: the machine tablemap targets has two
// cores, and a few steps (reading two years, analyzing them) split in two.
#pragma once

#include <exception>
#include <thread>
#include <utility>

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

}  // namespace tablemap
