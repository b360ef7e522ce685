# kep — common tasks. `make check` is the quick test while working; `make test` is what CI
# runs (.ci/run).

GO        ?= go
FUZZTIME  ?= 60s
SAMPLES   := $(wildcard samples/accounts/*.toml)
# The version `kep version` and the documents' generator line show.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)

.PHONY: check test build dist samples bench fuzz clean

## check: vet everything and run the quick tests: the README's test command, about 65 CPU
## seconds once built, so about 35 s on an idle two-core machine. -short leaves the
## costliest CLI scripts, the git and shell workflows and the PDF tool checks beyond one
## plan to make test; -ldflags=-w links the test binaries without debug info (half the
## linking). Where the time goes: sh scripts/slowtests.sh (CPU=1: CPU seconds per package).
check:
	$(GO) vet ./... && $(GO) test -short -ldflags=-w ./...

## test: vet everything (the vendored fpdf and goldmark too: ./... does not reach a
## replaced module)
## and run all tests with the race detector (CI; minutes: cmd/kep alone takes over ten
## under the race detector with PDFBox Preflight, beyond go test's default timeout)
test:
	$(GO) vet ./... && $(GO) vet github.com/go-pdf/fpdf github.com/yuin/goldmark/... && $(GO) test -race -timeout 60m ./...

## build: build the kep binary into ./kep, static (no C library needed at run time)
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o kep ./cmd/kep

## dist: release archives for five platforms and SHA256SUMS into dist/ (docs/RELEASING.md)
dist:
	VERSION=$(VERSION) sh scripts/dist.sh

## samples: render the sample plans and their portfolio report to out/ (PDF and HTML);
## hansa with its review of 2026 (--previous samples/previous/hansa-2026.toml)
samples:
	@echo "building kep (the first time takes a minute or two)..."
	$(GO) build -o out/.kep ./cmd/kep
	out/.kep render -o out --previous samples/previous/hansa-2026.toml samples/accounts/hansa.toml
	out/.kep render -o out $(filter-out samples/accounts/hansa.toml,$(SAMPLES))
	out/.kep portfolio -o out $(SAMPLES)
	rm -f out/.kep

## bench: measure rendering speed and memory (scripts/bench.sh; N=500 plans by default)
bench:
	sh scripts/bench.sh

## fuzz: run every fuzz target for FUZZTIME each (make fuzz FUZZTIME=10m)
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
		for t in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //'); do \
			echo "== $$pkg $$t"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

## clean: remove the binary and rendered documents
clean:
	rm -rf kep out dist
