// run_both (core/parallel.hpp): both pieces of work run, and a failure in
// either comes back to the caller after both have ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <stdexcept>

#include "core/parallel.hpp"

using namespace tablemap;

TEST_CASE("run_both runs both and can hand a value from one to the other", "[parallel]") {
  std::promise<int> handed;
  int got = 0;
  bool here_ran = false;
  run_both([&] { here_ran = true, handed.set_value(42); }, [&] { got = handed.get_future().get(); });
  CHECK(here_ran);
  CHECK(got == 42);
}

TEST_CASE("run_both rethrows a failure of either, after both have ended", "[parallel]") {
  std::atomic<bool> other_ended{false};
  CHECK_THROWS_WITH(run_both([] { throw std::runtime_error("here failed"); }, [&] { other_ended = true; }),
                    "here failed");
  CHECK(other_ended);
  other_ended = false;
  CHECK_THROWS_WITH(run_both([&] { other_ended = true; }, [] { throw std::runtime_error("there failed"); }),
                    "there failed");
  CHECK(other_ended);
  // Both failed: the caller's own work's failure is the one reported.
  CHECK_THROWS_WITH(run_both([] { throw std::runtime_error("here"); }, [] { throw std::runtime_error("there"); }),
                    "here");
}
