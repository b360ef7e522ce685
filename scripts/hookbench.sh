#!/bin/sh
# hookbench.sh times hooks/pre-commit on N staged plans (scripts/PERFORMANCE.md): a git
# repository with genplans' workspace and N plans, all staged, the hook run RUNS times.
# It also times kep validate alone over the same plans, the floor of the hook.
# Usage: scripts/hookbench.sh   Environment: N=1000 RUNS=5 KEP (default: built here)
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000}
RUNS=${RUNS:-5}
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -z "${KEP:-}" ]; then
	go build -trimpath -o "$tmp/kep" ./cmd/kep
	KEP=$tmp/kep
fi
export KEP
go run ./scripts/genplans -n "$N" -o "$tmp/repo" >/dev/null
cd "$tmp/repo"
git init -q
git add -A

now() { date +%s%N; }
echo "hooks/pre-commit, $N staged plans, $(nproc) CPUs, median of $RUNS:"
for what in hook validate; do
	: >"$tmp/times"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(now)
		if [ "$what" = hook ]; then
			sh "$root/hooks/pre-commit" 2>/dev/null || { echo "hookbench: the hook failed" >&2; exit 1; }
		else
			"$KEP" validate accounts/*.toml >/dev/null 2>&1 || true
		fi
		t1=$(now)
		echo $(((t1 - t0) / 1000000)) >>"$tmp/times"
		i=$((i + 1))
	done
	printf '  %-8s %s ms (runs: %s)\n' "$what" "$(sort -n "$tmp/times" | sed -n "$(((RUNS + 1) / 2))p")" "$(tr '\n' ' ' <"$tmp/times")"
done
