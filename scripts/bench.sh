#!/bin/sh
# bench.sh measures kep as a user waits for it (scripts/PERFORMANCE.md has the figures):
#   1. one full sample plan to PDF and HTML, process start included: median of RUNS runs
#      (scripts/benchrun: wall and CPU time, peak memory);
#   2. a generated portfolio of N varied plans (genplans) rendered with -j 1 and -j 2:
#      total wall time, time per plan and peak memory (/usr/bin/time -v);
#   3. the same with N/5 plans, to show that peak memory does not grow with the plans;
#   4. kep portfolio over all N plans;
#   5. the Go benchmarks of the stages (decode+validate+compute, HTML, PDF).
# Usage: scripts/bench.sh   (make bench)   Environment: N=500 RUNS=20 GOBENCH=1
set -eu
cd "$(dirname "$0")/.."
N=${N:-500}
RUNS=${RUNS:-20}
GOBENCH=${GOBENCH:-1}
SMALL=$((N / 5))

if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: /usr/bin/time is missing (Debian: apt-get install -y time)" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
kep="$tmp/kep"
go build -trimpath -o "$kep" ./cmd/kep
go build -o "$tmp/benchrun" ./scripts/benchrun
go run ./scripts/genplans -n "$N" -o "$tmp/plans$N"
go run ./scripts/genplans -n "$SMALL" -o "$tmp/plans$SMALL"
export SOURCE_DATE_EPOCH=1800000000

echo "kep bench: $(nproc) CPUs, $(uname -sm), $(go env GOVERSION), $(date -u +%Y-%m-%d)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(wall times need an otherwise idle machine; CPU time = user + sys is less sensitive to other load)"
echo

# 1. One sample plan to PDF and HTML, process start included.
plan=samples/accounts/hansa.toml
"$kep" render -f pdf,html -o "$tmp/one" "$plan" >/dev/null 2>&1 # warm the file cache
echo "one plan ($plan) to PDF+HTML, process start included:"
"$tmp/benchrun" -n "$RUNS" -- "$kep" render -f pdf,html -o "$tmp/one" "$plan"
"$tmp/benchrun" -n "$RUNS" -- "$kep" render -f html -o "$tmp/one" "$plan" | sed 's/^/  HTML only: /'
"$tmp/benchrun" -n "$RUNS" -- "$kep" render -f pdf -o "$tmp/one" "$plan" | sed 's/^/  PDF only:  /'
"$tmp/benchrun" -n "$RUNS" -- "$kep" version | sed 's/^/  kep version (process start): /'
echo

# measure LABEL COUNT CMD…: wall time, time per plan and peak memory of one run.
measure() {
	label=$1 count=$2
	shift 2
	if ! /usr/bin/time -v "$@" >/dev/null 2>"$tmp/time.txt"; then
		echo "bench.sh: $label failed:" >&2
		tail -20 "$tmp/time.txt" >&2
		exit 1
	fi
	awk -F': ' -v label="$label" -v n="$count" '
		/Elapsed \(wall clock\) time/ {
			k = split($2, t, ":"); wall = 0
			for (i = 1; i <= k; i++) wall = wall * 60 + t[i]
		}
		/Maximum resident set size/ { rss = $2 / 1024 }
		/User time \(seconds\)/ { user = $2 }
		/System time \(seconds\)/ { sys = $2 }
		END {
			printf "%-26s total %6.2f s  %6.2f ms/plan  CPU %6.2f ms/plan  peak memory %6.1f MB\n",
				label, wall, wall * 1000 / n, (user + sys) * 1000 / n, rss
		}
	' "$tmp/time.txt"
}

# 2. and 3. Batch rendering.
for n in "$N" "$SMALL"; do
	for j in 1 2; do
		rm -rf "$tmp/out"
		measure "render $n plans -j $j" "$n" "$kep" render -j "$j" -f pdf,html -o "$tmp/out" "$tmp/plans$n"/accounts/*.toml
	done
done
docs=$(find "$tmp/out" -type f | wc -l)
echo "(last run wrote $docs documents)"
echo

# 4. The portfolio report over all plans.
measure "portfolio over $N plans" "$N" "$kep" portfolio -f pdf,html -o "$tmp/pf" "$tmp/plans$N"/accounts/*.toml
ls -l "$tmp/pf" | awk 'NR > 1 { printf "  %s %d bytes\n", $NF, $5 }'

# 5. Go benchmarks of the stages.
if [ "$GOBENCH" = 1 ]; then
	echo
	go test ./render/portfolio -run '^$' -bench . -benchtime 2s | grep -E '^Benchmark'
fi
