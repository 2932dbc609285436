# tablemap: the two commands a newcomer needs are `make run` and `make test`.
# Both install any missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR ?= build
BENCH_DIR ?= build-release
JOBS ?= 2
SAMPLE ?= datasets/riverbend

.PHONY: all deps build run test bench clean

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

# Release build (-O2), then every benchmark next to the reference tool.
bench: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" > $(BENCH_DIR).configure.log 2>&1 || (cat $(BENCH_DIR).configure.log; exit 1)
	@cmake --build $(BENCH_DIR) -j$(JOBS)
	@bash scripts/bench.sh $(BENCH_DIR)

clean:
	rm -rf $(BUILD_DIR) $(BENCH_DIR) $(BUILD_DIR).configure.log $(BENCH_DIR).configure.log
