#!/bin/sh
# vendor-goldmark.sh puts a copy of yuin/goldmark v1.8.7 (MIT) into third_party/goldmark
# with scripts/goldmark-startup.patch applied, and points go.mod at it. The patch only
# moves work that goldmark did at package initialisation, before main of every program
# that links it, to first use (issue 19):
#   - util: the Unicode case-folding map (1,400 runes, built by an init function) is a
#     sync.OnceValue, built by the first ToLinkReference-style fold;
#   - util and parser: their 11 regular expressions (the e-mail domain of autolinks, the
#     HTML block openers and closers, raw HTML's open and close tags) are compiled on
#     first use (sync.OnceValue) instead of by regexp.MustCompile at initialisation.
#   - goldmark: the default Markdown of goldmark.Convert is made on first use (kep makes
#     its own, markdown.Markdown).
# Together those were ~1.6 ms of CPU, 265 KB and ~125 page faults of every kep process
# (GODEBUG=inittrace=1, perf stat; scripts/PERFORMANCE.md), `kep version` included, and
# kep only needs them when a text has such Markdown. Behaviour is unchanged: goldmark's own
# tests (CommonMark spec included) pass on the patched copy.
# Usage: sh scripts/vendor-goldmark.sh   (then go build ./... && go test ./...)
#        sh scripts/vendor-goldmark.sh --into DIR [--no-patch]   builds the copy in DIR
#        only (used by scripts/check-goldmark.sh to compare it with third_party/goldmark)
# To change the vendored copy: edit third_party/goldmark, then
# `sh scripts/check-goldmark.sh -w` regenerates the patch from the whole tree, and
# `sh scripts/check-goldmark.sh` (run by .ci/run) checks that this script reproduces it.
set -eu
cd "$(dirname "$0")/.."
src=$(go env GOMODCACHE)/github.com/yuin/goldmark@v1.8.7
dst=third_party/goldmark
only=false
nopatch=false
if [ "${1:-}" = "--into" ]; then
	dst=$2
	only=true
	[ "${3:-}" = "--no-patch" ] && nopatch=true
fi
if [ ! -d "$src" ]; then
	go mod download github.com/yuin/goldmark@v1.8.7
fi
rm -rf "$dst"
# The packages of the module, without its tests, fuzzing and tools.
for d in . ast extension extension/ast parser renderer renderer/html text util; do
	mkdir -p "$dst/$d"
	for f in "$src/$d"/*.go; do
		case "$f" in *_test.go) continue ;; esac
		cp "$f" "$dst/$d/"
	done
done
cp "$src/LICENSE" "$dst/"
chmod -R u+w "$dst"
# Two of upstream's generated files are not gofmt-formatted (blank lines only); the copy
# is, so that `gofmt -l` over kep's tree is clean and the patch holds only kep's changes.
gofmt -w "$dst"
printf 'module github.com/yuin/goldmark\n\ngo 1.22\n' >"$dst/go.mod"
if [ "$nopatch" = false ]; then
	patch -d "$dst" -p1 --no-backup-if-mismatch -s <scripts/goldmark-startup.patch
fi
cat >"$dst/README.kep" <<'TXT'
yuin/goldmark v1.8.7 (MIT, see LICENSE) with scripts/goldmark-startup.patch applied:
the work goldmark did at package initialisation (the Unicode case-folding map, eleven
regular expressions, the default converter) is done on first use instead, so that it
does not cost every kep process; see the script's header. Made by scripts/vendor-goldmark.sh. To change it, edit
here, then sh scripts/check-goldmark.sh -w so that the patch stays the record.
TXT
if [ "$only" = true ]; then
	exit 0
fi
go mod edit -replace github.com/yuin/goldmark=./third_party/goldmark
go build ./...
echo "vendored goldmark into $dst with the start-up patch; go.mod now replaces it"
