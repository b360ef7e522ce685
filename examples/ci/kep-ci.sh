#!/usr/bin/env bash
# kep-ci.sh: the steps of render-plans.yml, as a script so that they can be run and
# tested outside GitHub Actions. Copy it to .github/kep-ci.sh in the plan repository,
# next to .github/workflows/render-plans.yml.
#
#   kep-ci.sh install VERSION DIR   download kep VERSION's linux archive for this machine,
#                                   check it against the release's SHA256SUMS, unpack it
#                                   into DIR and print the folder that holds kep
#   kep-ci.sh validate              validate every plan (PLANS); annotations on GitHub
#   kep-ci.sh changes BASE          Markdown: kep diff of each plan changed since BASE
#   kep-ci.sh render OUT            PDF and HTML of every plan into OUT
#
# Environment: PLANS (a git pathspec; default accounts/*.toml), KEP (the kep to run;
# default kep on PATH), KEP_BASE_URL (where releases are; default the GitHub releases of
# kep, docs/RELEASING.md; a team may mirror the archives and SHA256SUMS elsewhere).
set -euo pipefail

PLANS=${PLANS:-accounts/*.toml}
KEP=${KEP:-kep}
KEP_BASE_URL=${KEP_BASE_URL:-https://github.com/kepdev/kep/releases/download}

die() {
	echo "kep-ci.sh: $*" >&2
	exit 2
}

install() {
	local version=$1 dir=$2 arch name
	case $(uname -m) in
	x86_64 | amd64) arch=amd64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*) die "no kep release for $(uname -m)" ;;
	esac
	name=kep-$version-linux-$arch
	mkdir -p "$dir"
	curl -fsSL --retry 3 -o "$dir/SHA256SUMS" "$KEP_BASE_URL/$version/SHA256SUMS" ||
		die "cannot download $KEP_BASE_URL/$version/SHA256SUMS (is $version a kep release?)"
	curl -fsSL --retry 3 -o "$dir/$name.tar.gz" "$KEP_BASE_URL/$version/$name.tar.gz" ||
		die "cannot download $KEP_BASE_URL/$version/$name.tar.gz"
	# Only the line of this archive: the others were not downloaded.
	(cd "$dir" && grep -F "  $name.tar.gz" SHA256SUMS | sha256sum --strict -c -) >&2 ||
		die "$name.tar.gz does not match SHA256SUMS"
	tar -xzf "$dir/$name.tar.gz" -C "$dir"
	"$dir/$name/kep" version >&2
	printf '%s\n' "$dir/$name"
}

# plans: the plan files in git, NUL separated.
plans() {
	git ls-files -z -- "$PLANS"
}

validate() {
	local format=text
	[ -z "${GITHUB_ACTIONS:-}" ] || format=github
	plans | xargs -0 -r "$KEP" validate --format "$format"
}

changes() {
	local base=$1 plan
	git diff -z --name-only --diff-filter=M "$base...HEAD" -- "$PLANS" |
		while IFS= read -r -d '' plan; do
			printf '### %s\n\n```\n' "$plan"
			"$KEP" diff --rev "$base" "$plan"
			printf '```\n\n'
		done
}

render() {
	local out=$1
	# The date of the last commit, so that the same plans give the same files.
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
	export SOURCE_DATE_EPOCH
	plans | xargs -0 -r "$KEP" render -f pdf,html -o "$out"
}

case ${1:-} in
install) [ $# -eq 3 ] || die "usage: kep-ci.sh install VERSION DIR"; install "$2" "$3" ;;
validate) [ $# -eq 1 ] || die "usage: kep-ci.sh validate"; validate ;;
changes) [ $# -eq 2 ] || die "usage: kep-ci.sh changes BASE"; changes "$2" ;;
render) [ $# -eq 2 ] || die "usage: kep-ci.sh render OUT"; render "$2" ;;
*) die "usage: kep-ci.sh install|validate|changes|render ..." ;;
esac
