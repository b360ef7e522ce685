#!/bin/sh
# dist.sh builds kep's release archives into dist/ (make dist; docs/RELEASING.md):
# a static binary per platform (CGO_ENABLED=0, -trimpath, symbols stripped, the version
# from `git describe` and the commit stamped in), packed with README.md, LICENSE,
# THIRD_PARTY_NOTICES (scripts/notices.sh) and the pre-commit hook (hooks/pre-commit, for
# a plan repository made after kep init --workspace) as kep-VERSION-OS-ARCH.tar.gz (.zip for
# Windows), and SHA256SUMS over the archives. The archives are reproducible: the same
# commit and Go version give the same bytes (scripts/distpack fixes times, owners and
# order; every time is the commit's time).
#
# Usage: scripts/dist.sh [PLATFORM...]   (GOOS/GOARCH; default: the five release platforms)
# Environment: VERSION (default: git describe --tags --always --dirty, or devel),
#              DIST (default: dist), SOURCE_DATE_EPOCH (default: the commit's time).
set -eu
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
DIST=${DIST:-dist}
# The commit, for kep version (Go's own stamp is missing with GOFLAGS=-buildvcs=false).
COMMIT=$(git rev-parse HEAD 2>/dev/null || true)
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
case $VERSION in *[!A-Za-z0-9._+-]*)
	echo "dist.sh: version '$VERSION' has characters that do not belong in a file name" >&2
	exit 2
	;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$DIST"
go build -o "$tmp/distpack" ./scripts/distpack
sh scripts/notices.sh "$@" >"$tmp/THIRD_PARTY_NOTICES"
docs="README.md $tmp/THIRD_PARTY_NOTICES hooks/pre-commit"
if [ -f LICENSE ]; then
	docs="LICENSE $docs"
else
	echo "dist.sh: warning: no LICENSE file; the archives carry no licence for kep itself (add one before a release)" >&2
fi

archives=
for p in "$@"; do
	os=${p%/*} arch=${p#*/}
	name=kep-$VERSION-$os-$arch
	exe=kep
	[ "$os" != windows ] || exe=kep.exe
	mkdir -p "$tmp/$name"
	echo "dist.sh: building $name" >&2
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath \
		-ldflags "-s -w -X main.version=$VERSION -X main.commit=$COMMIT" -o "$tmp/$name/$exe" ./cmd/kep
	ext=tar.gz
	[ "$os" != windows ] || ext=zip
	# shellcheck disable=SC2086
	"$tmp/distpack" -epoch "$SOURCE_DATE_EPOCH" -prefix "$name/" "$DIST/$name.$ext" "$tmp/$name/$exe" $docs
	archives="$archives $name.$ext"
done

# SHA256SUMS lists the archives of this run, sorted, in the format `sha256sum -c` reads.
# shellcheck disable=SC2086
(cd "$DIST" && printf '%s\n' $archives | LC_ALL=C sort | while IFS= read -r a; do
	if command -v sha256sum >/dev/null; then sha256sum "$a"; else shasum -a 256 "$a"; fi
done) >"$tmp/SHA256SUMS"
mv "$tmp/SHA256SUMS" "$DIST/SHA256SUMS"
cat "$DIST/SHA256SUMS"
