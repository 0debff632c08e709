# Parzen's entry points. `make report` and `make test` are the README's two commands.
SWIFT ?= swift
NOTEBOOKS := $(wildcard notebooks/*.md)

.PHONY: deps report test bench templates clean

deps:
	@scripts/install-deps.sh

## Render every notebook in notebooks/ into out/ (out/index.html lists them).
report: deps
	$(SWIFT) build -c release --product parzen
	.build/release/parzen render $(NOTEBOOKS) -o out

## Run the whole test suite.
test: deps
	$(SWIFT) test

## Time Parzen against the reference tools on the same inputs and print ratios.
bench: deps
	scripts/bench.sh

## Compile templates/ into the binary (Sources/ParzenReport/BundledTemplates.swift).
templates:
	scripts/bundle-templates.py

clean:
	rm -rf .build out
