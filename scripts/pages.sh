#!/bin/sh
# pages.sh renders the sample plans (hansa with and without its review, brightwater,
# minimal) and prints their page economy (scripts/pages): pages, the empty share of each
# page's text area, and the pages more than 40 % empty that are not a chapter's last
# (issue 17). Needs pdftoppm (poppler-utils) and qpdf.
# Usage: scripts/pages.sh [-v] [OUTDIR]   (-v: every page; OUTDIR keeps the PDFs)
set -eu
cd "$(dirname "$0")/.."
v=
if [ "${1:-}" = -v ]; then v=-v; shift; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
out=${1:-$tmp/out}
mkdir -p "$out/review"
export SOURCE_DATE_EPOCH=1800000000
go build -o "$tmp/kep" ./cmd/kep
go build -o "$tmp/pages" ./scripts/pages
"$tmp/kep" render -q -f pdf -o "$out" samples/accounts/*.toml
"$tmp/kep" render -q -f pdf -o "$out/review" --previous samples/previous/hansa-2026.toml samples/accounts/hansa.toml
"$tmp/pages" $v "$out/hansa.pdf" "$out/review/hansa.pdf" "$out/brightwater.pdf" "$out/minimal.pdf"
