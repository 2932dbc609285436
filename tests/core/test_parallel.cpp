// run_both and for_chunks (core/parallel.hpp): all the work runs, once, and
// a failure anywhere comes back to the caller after every part has ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <stdexcept>
#include <vector>

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

TEST_CASE("for_chunks hands every item to exactly one part", "[parallel]") {
  // 10,001 items in chunks of 64 over 2 parts: each item counted once, and
  // each chunk whole within [0, 10001).
  std::vector<std::atomic<int>> seen(10001);
  std::atomic<int> chunks{0}, parts_used_mask{0};
  for_chunks(10001, 2, 64, [&](uint32_t first, uint32_t last, int part) {
    CHECK(first < last);
    CHECK(last <= 10001u);
    CHECK((last - first == 64 || last == 10001u));
    ++chunks;
    parts_used_mask |= 1 << part;
    for (uint32_t i = first; i < last; ++i) ++seen[i];
  });
  int wrong = 0;
  for (auto& s : seen) wrong += s != 1;
  CHECK(wrong == 0);
  CHECK(chunks == (10001 + 63) / 64);  // 157
  CHECK((parts_used_mask & ~3) == 0);
  // Fewer items than a chunk: one part, on the caller's thread.
  int calls = 0;
  for_chunks(5, 2, 64, [&](uint32_t first, uint32_t last, int part) {
    CHECK(first == 0);
    CHECK(last == 5);
    CHECK(part == 0);
    ++calls;
  });
  CHECK(calls == 1);
  for_chunks(0, 2, 64, [&](uint32_t, uint32_t, int) { ++calls; });
  CHECK(calls == 1);
}

TEST_CASE("for_chunks rethrows a part's failure after every part has ended", "[parallel]") {
  std::atomic<int> done{0};
  CHECK_THROWS_WITH(for_chunks(1000, 2, 10,
                               [&](uint32_t first, uint32_t, int) {
                                 if (first == 500) throw std::runtime_error("chunk 500 failed");
                                 ++done;
                               }),
                    "chunk 500 failed");
  // The others stopped at their next chunk: not all 99 other chunks ran.
  CHECK(done < 100);
}
