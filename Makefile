# tablemap: the two commands a newcomer needs are `make run` and `make test`.
# Both install any missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR ?= build
BENCH_DIR ?= build-release
SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
FUZZ_TARGETS ?=
# What test-sanitize builds and runs: empty (as CI, .ci/run, leaves them)
# builds and runs everything; a subset by hand, e.g.
# SANITIZE_TARGETS="tests_io fuzz_replays" SANITIZE_TESTS="-R '^(io|fuzz)/'".
SANITIZE_TARGETS ?=
SANITIZE_TESTS ?=
CLANG_CMAKE = -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
JOBS ?= 2
SAMPLE ?= datasets/riverbend

.PHONY: all deps build run test test-sanitize fuzz bench clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo > $(BUILD_DIR).configure.log 2>&1 || (cat $(BUILD_DIR).configure.log; exit 1)
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# Opens the map on the default sample; without a display, prints the analysis.
run: build
	@bash scripts/run.sh $(BUILD_DIR)/app/tablemap $(SAMPLE)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

# Every test again, built by clang with AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CLANG_CMAKE) -DTABLEMAP_SANITIZE=ON > $(SANITIZE_DIR).configure.log 2>&1 || (cat $(SANITIZE_DIR).configure.log; exit 1)
	@nice -n 19 cmake --build $(SANITIZE_DIR) -j$(JOBS) $(if $(SANITIZE_TARGETS),--target $(SANITIZE_TARGETS))
	@cd $(SANITIZE_DIR) && $(SANITIZER_ENV) nice -n 19 ctest --output-on-failure -j$(JOBS) $(SANITIZE_TESTS)

# Each libFuzzer target of fuzz/ for FUZZ_SECONDS, FUZZ_JOBS at a time (scripts/fuzz.sh).
fuzz: deps
	@cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CLANG_CMAKE) -DTABLEMAP_FUZZ=ON > $(FUZZ_DIR).configure.log 2>&1 || (cat $(FUZZ_DIR).configure.log; exit 1)
	@nice -n 19 cmake --build $(FUZZ_DIR) -j$(JOBS) --target fuzz_csv fuzz_bundle fuzz_profile fuzz_json_form fuzz_project fuzz_workbook fuzz_make_seeds
	@$(SANITIZER_ENV) FUZZ_JOBS=$(FUZZ_JOBS) FUZZ_TARGETS="$(FUZZ_TARGETS)" bash scripts/fuzz.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# Release build (-O2), then every benchmark next to the reference tool.
bench: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" > $(BENCH_DIR).configure.log 2>&1 || (cat $(BENCH_DIR).configure.log; exit 1)
	@cmake --build $(BENCH_DIR) -j$(JOBS)
	@bash scripts/bench.sh $(BENCH_DIR)

clean:
	rm -rf $(BUILD_DIR) $(BENCH_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) *.configure.log
