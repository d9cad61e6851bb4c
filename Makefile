# Thin wrapper over CMake so a new user needs two commands: `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
CTEST_JOBS ?= 2

.PHONY: deps configure build run test bench package clean

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
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(CTEST_JOBS) $(CTEST_ARGS)

bench: build
	@packaging/install-deps.sh packaging/bench-packages.txt
	/usr/bin/python3 tests/bench/bench.py $(BUILD_DIR)/bin $(BENCH_ARGS)

package: build
	cd $(BUILD_DIR) && cpack -G DEB
	@ls $(BUILD_DIR)/pixelmill_*.deb

clean:
	rm -rf $(BUILD_DIR)
