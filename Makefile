# Parzen's entry points. `make report` and `make test` are the README's two commands.
SWIFT ?= swift
# Release builds link the Swift runtime and Foundation statically: a render starts in 7 ms
# instead of 15 and takes ~19 ms less CPU (no dynamic symbol binding), and the binary runs on
# a machine without Swift. Every release build (bench/ too) passes the same flags: changing
# them makes SwiftPM rebuild everything.
RELEASE := -c release --static-swift-stdlib

.PHONY: deps report test bench fuzz templates clean

deps:
	@scripts/install-deps.sh

## Build the project in notebooks/ (notebooks/parzen.yml) into out/ (out/index.html lists them).
report: deps
	$(SWIFT) build $(RELEASE) --product parzen
	cd notebooks && ../.build/release/parzen render

## Run the whole test suite.
test: deps
	$(SWIFT) test

## Time Parzen against the reference tools on the same inputs and print ratios.
bench: deps
	scripts/bench.sh

## Fuzz every target for FUZZ_SECONDS each with libFuzzer under AddressSanitizer.
# The targets and their invariants are the ParzenFuzz library (fuzz/Sources, part of the normal
# build: `make test` replays fuzz/corpus and fuzz/findings through them). The libFuzzer
# executable (fuzz/Harness) is declared only when PARZEN_FUZZ=1 and is built with
# -sanitize=fuzzer,address into its own build folder: libFuzzer supplies `main`, so it cannot
# be part of `swift build` or `make test`. Seeds: fuzz/corpus/<target> (fuzz/make-corpus.py);
# dictionaries: fuzz/dict. Crashes, hangs (> FUZZ_TIMEOUT s per input) and inputs over
# 2 GB go to fuzz/out/<target>/, new interesting inputs to fuzz/out/<target>/corpus, the
# whole libFuzzer log to fuzz/out/<target>/log (the last status line shows coverage).
# Swift's backtracer is off (under ASan it reads the shadow gap and reports that instead of
# the finding); leak detection is off (Foundation's lazily built caches count as leaks).
# FUZZ_FLAGS adds libFuzzer flags, e.g. FUZZ_FLAGS='-fork=1 -ignore_crashes=1' to go on after a
# crash. Minimise a crash with `PARZEN_FUZZ_TARGET=<target> $(FUZZ_BIN) -minimize_crash=1 <file>`.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_TARGETS ?= notebook tex csv options bib
FUZZ_FLAGS ?=
FUZZ_BUILD := .build/fuzz
FUZZ_BIN := $(FUZZ_BUILD)/release/parzen-fuzz
fuzz: deps
	PARZEN_FUZZ=1 $(SWIFT) build -c release --build-path $(FUZZ_BUILD) --product parzen-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
	@failed=; for target in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/out/$$target/corpus; \
		echo "== fuzz $$target for $(FUZZ_SECONDS) s"; \
		SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 PARZEN_FUZZ_TARGET=$$target $(FUZZ_BIN) \
			-max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -dict=fuzz/dict/$$target.dict $(FUZZ_FLAGS) \
			-artifact_prefix=fuzz/out/$$target/ fuzz/out/$$target/corpus fuzz/corpus/$$target \
			> fuzz/out/$$target/log 2>&1 || failed="$$failed $$target"; \
		grep -E '^#[0-9]+' fuzz/out/$$target/log | tail -1; \
		grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|artifact_prefix)|ERROR|Test unit written' \
			fuzz/out/$$target/log; \
	done; if [ -n "$$failed" ]; then echo "fuzz: findings in$$failed (see fuzz/out/)"; exit 1; fi

## Compile templates/ into the binary (Sources/ParzenReport/BundledTemplates.swift).
templates:
	scripts/bundle-templates.py

clean:
	rm -rf .build out
