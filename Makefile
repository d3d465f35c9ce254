# konzept — build, test and check. `make test` is what CI runs.
GO        ?= go
BENCHTIME ?= 1s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: build test tools bench fuzz fmt lint golden beispiel

build:
	$(GO) build -buildvcs=auto -ldflags "-X main.version=$(VERSION)" -o konzept ./cmd/konzept

# The PDF tests read the PDFs back with poppler-utils (pdftotext, pdfinfo,
# pdffonts) and qpdf; install them when missing (Debian/Ubuntu).
tools:
	@command -v pdftotext >/dev/null && command -v qpdf >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils qpdf; }

test: tools
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

# Run every fuzz target (func FuzzXxx in a fuzz_test.go) for FUZZTIME beyond
# its seeds, which `make test` runs; one go test per target, as -fuzz takes
# one target at a time. An input that fails is written to the package's
# testdata/fuzz/FuzzXxx: fix the bug and commit the input as a seed. New
# inputs are minimised for at most 2 s (go test's default of 60 s would
# spend the whole run shrinking one workbook). Go 1.26 may end a run that
# found nothing with "context deadline exceeded" (go.dev/issue/75804, fixed
# in Go 1.27): that is not a failure, a written input or a panic is. An
# input on which a target hangs (go test has no time limit per input)
# ends the run after FUZZTIMEOUT with a panic, instead of CI's own limit.
FUZZTIME    ?= 15s
FUZZFLAGS   ?=
FUZZTIMEOUT ?= 5m
fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	for f in $$(git ls-files --cached --others --exclude-standard '*fuzz_test.go'); do \
	  d=./$$(dirname $$f); \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "fuzz $$d $$t"; \
	    if $(GO) test $$d -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s -timeout $(FUZZTIMEOUT) $(FUZZFLAGS) >$$log 2>&1; then \
	      tail -n 2 $$log; \
	    else \
	      cat $$log; \
	      if grep -qE 'Failing input written|panic:' $$log || ! grep -q 'context deadline exceeded' $$log; then exit 1; fi; \
	      echo "nothing found: the run ended on its deadline (go.dev/issue/75804)"; \
	    fi; \
	  done; \
	done

fmt:
	gofmt -w $$(git ls-files '*.go')

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Rewrite the expected output of the CLI scripts (cmd/konzept/testdata/script)
# and the golden problems of a bad workbook (sources/testdata) after an
# intended change; review the diff before committing.
golden: tools
	$(GO) test ./cmd/konzept -run TestScripts -update
	$(GO) test ./sources -run TestReadWorkbookGolden -update
	$(GO) test ./cmd/konzept/internal/cli -run TestDiffGolden -update

beispiel:
	$(GO) run ./cmd/konzept build --beispiel -o beispiel.pdf
