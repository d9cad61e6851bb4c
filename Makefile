# Thin wrapper over CMake so a new user needs two commands: `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
CTEST_JOBS ?= 2

.PHONY: deps configure build run test test-cluster bench package clean sanitize fuzz

deps:
	@packaging/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/CMakeCache.txt ]; then \
		cmake -S . -B $(BUILD_DIR) $(GENERATOR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); fi

build: configure
	cmake --build $(BUILD_DIR)

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
		echo "No display found: the Pixelmill window needs a desktop session; for headless use run $(BUILD_DIR)/bin/pixelmill-cli --help"; \
	else $(BUILD_DIR)/bin/pixelmill $(ARGS); fi

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(CTEST_JOBS) -LE cluster $(CTEST_ARGS)

# The Slurm job array on a real single-node cluster started for the test (root; skips otherwise).
test-cluster: build
	cd $(BUILD_DIR) && ctest --output-on-failure -L cluster

bench: build
	@packaging/install-deps.sh packaging/bench-packages.txt
	@command -v npm >/dev/null || packaging/install-deps.sh packaging/bench-node-packages.txt
	/usr/bin/python3 tests/bench/bench.py $(BUILD_DIR)/bin $(BENCH_ARGS)

package: build
	cd $(BUILD_DIR) && cpack -G DEB
	@ls $(BUILD_DIR)/pixelmill_*.deb

clean:
	rm -rf $(BUILD_DIR)

# ASan/UBSan build in build-asan: the worker and the reliability tests (ctest label "sanitize")
# over the bad-inputs corpus, the mutation sweep and the fuzz regression inputs. Any sanitizer report kills the worker,
# which those tests count as a failure. Leak reports are off: the codecs keep caches.
SANITIZE_DIR ?= build-asan
SANITIZE_TARGETS := pixelmill-worker tst_badinputs tst_mutation tst_diskfull \
	replay_pngfast replay_header replay_webp replay_protocol replay_jpegscans
sanitize: deps
	cmake -S . -B $(SANITIZE_DIR) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIXELMILL_SANITIZE=ON
	cmake --build $(SANITIZE_DIR) --target $(SANITIZE_TARGETS)
	cd $(SANITIZE_DIR) && QT_QPA_PLATFORM=offscreen \
		ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		ctest -L sanitize --output-on-failure

# libFuzzer targets (tests/fuzz) in build-fuzz, built with clang from only the sources each
# target needs; FUZZ_SECONDS each. Findings are copied to tests/fuzz/regressions/, which the
# normal suite replays (fuzz_replay_*).
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	cmake -S . -B $(FUZZ_DIR) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_CXX_COMPILER=clang++-14 -DPIXELMILL_FUZZ=ON
	cmake --build $(FUZZ_DIR)
	tests/fuzz/run-fuzz.sh $(FUZZ_DIR) $(FUZZ_SECONDS)
