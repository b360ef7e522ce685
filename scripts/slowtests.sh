#!/bin/sh
# slowtests.sh — where the time of the quick tests (make check) goes, slowest first.
#
#   sh scripts/slowtests.sh                    # top 30 tests of go test -short ./...
#   N=50 sh scripts/slowtests.sh ./render/...  # other packages, more lines
#   FLAGS= sh scripts/slowtests.sh             # without -short (make test, minus -race)
#   FLAGS=-race sh scripts/slowtests.sh        # what make test runs
#   CPU=1 sh scripts/slowtests.sh              # CPU seconds of each package's tests
#
# The default runs go test -json -count=1 (no cached results) and prints, per test, the
# elapsed seconds go test reports, then each package's total. Test binaries are linked
# with -ldflags=-w as make check links them (LDFLAGS= links them with debug info). Subtests are listed under
# their own names (TestScripts/render); a parent's time includes its subtests'. These are
# wall times: on a machine others share they grow with the load, and tests that run in
# parallel (cmd/kep's scripts) add up to more than their package. CPU=1 measures what
# does not depend on the load: it builds each package's test binary, runs it in its
# folder with /usr/bin/time and prints user+system CPU seconds (children included, so the
# kep processes of cmd/kep's scripts count) and wall seconds. The raw events of the
# default mode stay in $OUT (default /tmp/kep-slowtests.json) for further queries.
set -eu
N=${N:-30}
FLAGS=${FLAGS--short}
LDFLAGS=${LDFLAGS--w}
OUT=${OUT:-/tmp/kep-slowtests.json}
[ $# -gt 0 ] || set -- ./...

if [ -n "${CPU:-}" ]; then
	[ -x /usr/bin/time ] || { echo "CPU=1 needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
	bin=$(mktemp -d)
	trap 'rm -rf "$bin"' EXIT
	echo "== CPU seconds of each package's tests (cpu, wall, package, result)"
	for pkg in $(go list "$@"); do
		dir=$(go list -f '{{.Dir}}' "$pkg")
		name=$(echo "$pkg" | tr / _)
		# shellcheck disable=SC2086
		go test -c -ldflags="$LDFLAGS" $(echo " $FLAGS" | sed 's/ -short//') -o "$bin/$name.test" "$pkg" >/dev/null 2>&1 || { echo "  build failed  $pkg"; continue; }
		[ -f "$bin/$name.test" ] || continue # no test files
		# shellcheck disable=SC2086
		res=$(cd "$dir" && /usr/bin/time -f "%U %S %e" -o "$bin/time" "$bin/$name.test" $(case " $FLAGS " in *" -short "*) echo -test.short ;; esac) -test.count=1 >"$bin/log" 2>&1 && echo ok || echo FAIL)
		tail -n 1 "$bin/time" | awk -v p="$pkg" -v r="$res" '{ printf "%7.2f %7.2f  %-40s %s\n", $1 + $2, $3, p, r }'
	done | sort -g -r | awk '{ print; s += $1 } END { printf "%7.2f  sum\n", s }'
	exit 0
fi

command -v jq >/dev/null || { echo "slowtests.sh needs jq" >&2; exit 2; }
# go test fails when a test fails; the timings are still wanted.
# shellcheck disable=SC2086
go test $FLAGS -ldflags="$LDFLAGS" -count=1 -json "$@" >"$OUT" || echo "(go test reported failures; timings below anyway)" >&2

echo "== slowest $N tests (seconds, package, test)"
jq -r 'select(.Action == "pass" or .Action == "fail" or .Action == "skip")
	| select(.Test != null)
	| [.Elapsed, .Package, .Test, .Action] | @tsv' "$OUT" |
	sort -t "$(printf '\t')" -k1,1 -g -r | head -n "$N" |
	awk -F '\t' '{ printf "%7.2f  %-40s %s%s\n", $1, $2, $3, ($4 == "pass" ? "" : "  (" $4 ")") }'

echo "== packages (seconds, wall time of each test binary)"
jq -r 'select((.Action == "pass" or .Action == "fail") and .Test == null)
	| [.Elapsed, .Package] | @tsv' "$OUT" |
	sort -g -r | awk -F '\t' '{ printf "%7.2f  %s\n", $1, $2; s += $1 } END { printf "%7.2f  sum\n", s }'
