#!/bin/sh
# check-fpdf.sh checks that third_party/fpdf is exactly go-pdf/fpdf v0.9.0 (from the Go
# module cache, downloaded when missing) with scripts/fpdf-perf.patch applied, as
# scripts/vendor-fpdf.sh makes it, so that the patch stays the true record of what kep
# changed in fpdf (issue 15). .ci/run runs it.
# Usage: sh scripts/check-fpdf.sh      compare; exit 1 and show the difference if any
#        sh scripts/check-fpdf.sh -w   regenerate scripts/fpdf-perf.patch from the tree
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = "-w" ]; then
	sh scripts/vendor-fpdf.sh --into "$tmp/a" --no-patch
	mkdir "$tmp/b"
	cp -R third_party/fpdf/. "$tmp/b/"
	rm -f "$tmp/a/README.kep" "$tmp/b/README.kep"
	# diff exits 1 when the trees differ, which they do; no dates in the headers, so
	# that the patch is the same on every machine.
	(cd "$tmp" && diff -ruN a b || [ $? -eq 1 ]) |
		sed -e 's/^\(--- [^	]*\)	.*$/\1/' -e 's/^\(+++ [^	]*\)	.*$/\1/' >scripts/fpdf-perf.patch
	echo "check-fpdf: wrote scripts/fpdf-perf.patch ($(wc -l <scripts/fpdf-perf.patch) lines)"
	exit 0
fi
sh scripts/vendor-fpdf.sh --into "$tmp/fpdf"
if ! diff -r "$tmp/fpdf" third_party/fpdf; then
	echo "check-fpdf: third_party/fpdf is not go-pdf/fpdf v0.9.0 + scripts/fpdf-perf.patch;" >&2
	echo "check-fpdf: after changing it, run sh scripts/check-fpdf.sh -w" >&2
	exit 1
fi
echo "check-fpdf: third_party/fpdf = go-pdf/fpdf v0.9.0 + scripts/fpdf-perf.patch"
