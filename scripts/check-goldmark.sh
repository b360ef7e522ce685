#!/bin/sh
# check-goldmark.sh checks that third_party/goldmark is exactly yuin/goldmark v1.8.7 (from
# the Go module cache, downloaded when missing) with scripts/goldmark-startup.patch applied,
# as scripts/vendor-goldmark.sh makes it, so that the patch stays the true record of what
# kep changed in goldmark (issue 19). .ci/run runs it. A copy of scripts/check-fpdf.sh.
# Usage: sh scripts/check-goldmark.sh      compare; exit 1 and show the difference if any
#        sh scripts/check-goldmark.sh -w   regenerate scripts/goldmark-startup.patch from
#                                          the tree
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = "-w" ]; then
	sh scripts/vendor-goldmark.sh --into "$tmp/a" --no-patch
	mkdir "$tmp/b"
	cp -R third_party/goldmark/. "$tmp/b/"
	rm -f "$tmp/a/README.kep" "$tmp/b/README.kep"
	# diff exits 1 when the trees differ, which they do; no dates in the headers, so
	# that the patch is the same on every machine.
	(cd "$tmp" && diff -ruN a b || [ $? -eq 1 ]) |
		sed -e 's/^\(--- [^	]*\)	.*$/\1/' -e 's/^\(+++ [^	]*\)	.*$/\1/' >scripts/goldmark-startup.patch
	echo "check-goldmark: wrote scripts/goldmark-startup.patch ($(wc -l <scripts/goldmark-startup.patch) lines)"
	exit 0
fi
sh scripts/vendor-goldmark.sh --into "$tmp/goldmark"
if ! diff -r "$tmp/goldmark" third_party/goldmark; then
	echo "check-goldmark: third_party/goldmark is not yuin/goldmark v1.8.7 + scripts/goldmark-startup.patch;" >&2
	echo "check-goldmark: after changing it, run sh scripts/check-goldmark.sh -w" >&2
	exit 1
fi
echo "check-goldmark: third_party/goldmark = yuin/goldmark v1.8.7 + scripts/goldmark-startup.patch"
