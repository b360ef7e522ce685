#!/bin/sh
# floor.sh compares one `kep render -f pdf,html` of a plan, process start included, with
# the physical floor of the same work (scripts/floor): the median wall and CPU time of
# RUNS runs each, taken in turn (scripts/benchrun), and their ratios.
# scripts/PERFORMANCE.md has figures.
# Usage: scripts/floor.sh [PLAN]   Environment: RUNS=40
set -eu
cd "$(dirname "$0")/.."
plan=${1:-samples/accounts/hansa.toml}
RUNS=${RUNS:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# Built as make dist builds it.
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$tmp/kep" ./cmd/kep
go build -o "$tmp/floor" ./scripts/floor
go build -o "$tmp/benchrun" ./scripts/benchrun
export SOURCE_DATE_EPOCH=1800000000
mkdir -p "$tmp/out" "$tmp/fl"
"$tmp/kep" render -q -f pdf,html -o "$tmp/out" "$plan"
name=$(basename "$plan" .toml)
"$tmp/floor" -measure "$tmp/out/$name.pdf" -raw "$tmp/raw" >/dev/null
pdf=$(wc -c <"$tmp/out/$name.pdf")
html=$(wc -c <"$tmp/out/$name.html")
echo "floor.sh: $plan, PDF $pdf bytes ($(wc -c <"$tmp/raw") uncompressed in streams), HTML $html bytes; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?)"
# In turn (kep, floor, kep version, kep, …): a load that comes and goes weighs on both
# sides of the ratio alike.
r=$("$tmp/benchrun" -n "$RUNS" -- "$tmp/kep" render -q -f pdf,html -o "$tmp/out" "$plan" \
	--- "$tmp/floor" -raw "$tmp/raw" -pdf "$pdf" -html "$html" -o "$tmp/fl" "$plan" \
	--- "$tmp/kep" version)
k=$(echo "$r" | sed -n 1p)
f=$(echo "$r" | sed -n 2p)
v=$(echo "$r" | sed -n 3p)
echo "kep render:  $k"
echo "floor:       $f"
echo "kep version: $v"
# benchrun prints "... wall median X ms ... CPU median Y ms ...".
printf '%s\n%s\n' "$k" "$f" | awk '
	{ for (i = 1; i < NF; i++) { if ($i == "wall" && $(i+1) == "median") w[NR] = $(i+2); if ($i == "CPU" && $(i+1) == "median") c[NR] = $(i+2) } }
	END { printf "ratio kep/floor: wall %.2f, CPU %.2f (target: at most 1.5)\n", w[1] / w[2], c[1] / c[2] }'
