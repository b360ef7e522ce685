#!/bin/sh
# vendor-fpdf.sh puts a copy of go-pdf/fpdf v0.9.0 (MIT, upstream archived) into
# third_party/fpdf with scripts/fpdf-perf.patch applied, and points go.mod at it.
# Upstream is archived (2025), so the changes cannot go there. The patch:
#   - pools zlib writers (a new one allocates about 1 MB of compressor state, per stream);
#   - names a UTF-8 font by a SHA-1 of its name and bytes, not of its 65,536 widths as
#     JSON; parses each font's bytes once per process and shares the parse read-only;
#     reads the character map and glyph offsets for subsetting once per font: the
#     map's segments, in which the runes a document uses are looked up, not a map of
#     every rune of the font; the glyph offsets straight from the loca table's bytes,
#     read in place (glyphOffsets), not copied into a []int per font;
#     remembers each font's SHA-1 by the identity of its bytes, and takes the sums of
#     fonts built into the program from the caller (SetUTF8FontSum);
#     takes the metrics of fonts built into the program (descriptor values and the
#     65,536 widths, computed at build time with UTF8FontMetricsOf) from the caller
#     instead of parsing them (SetUTF8FontMetrics, kep_metrics.go);
#     reads a character map into maps made at their size, the rune → glyph map only
#     for subsetting;
#     holds a face's 65,536 character widths as uint16, not int (128 KB, not 512 KB,
#     per face; a width above 65534 thousandths of an em is held as 65534);
#     reads the glyph → characters map for the widths into two slices, not a map
#     with a slice per glyph;
#   - caches parsed PNG images by their bytes (a logo with alpha: inflate, split, deflate);
#   - numbers with a fixed count of decimals (coordinates, sizes, colours) written by
#     appendFixed (kep_ftoa.go): strconv's bytes, an integer rounding where it is
#     unambiguous (TestAppendFixed against strconv);
#   - Text without fmt.Sprintf nor a UTF-16 copy of its string (kerned pieces too),
#     used runes marked in a bitmap; the font operator, marked content (BDC) and
#     coordinates (putF64) appended without fmt or strings, the last 16 colour
#     operators remembered (a document sets a few colours thousands of times);
#   - compresses the pages and subsets the fonts in parallel at Output, compresses the
#     ToUnicode maps, ends a CIDToGIDMap at the highest code used, and makes each
#     CIDFont's /W widths on its font's subsetting goroutine (the first free key of
#     their PHP-style array found without a quadratic search); the subsetting starts
#     before the document's buffer is sized; a subset font is assembled in one buffer
#     made at its size, its checksums computed without padded copies, its glyf table
#     made at its size; a font's set of used runes made at its size;
#   - PageDone (kep_pages.go): a page the caller says is complete is compressed at once on
#     a goroutine of its own (kep: each page once it has its running head and footer,
#     while the others get theirs and the cover is drawn); putpages uses that stream
#     when the page is unchanged since (its length) and no alias is replaced (without
#     compression it stops the worker before replacing aliases);
#   - starts a page's content buffer with room for half as much again as the fullest page
#     before it (16 KB at least), made without clearing (fresh memory is faulted in
#     where written); writes the structure tree, the object headers and the
#     cross-reference table without fmt, the parent tree gathered in a slice per page,
#     not a map;
#   - allocates the document's buffer and each compressed stream's without clearing
#     them first (bytes.Buffer.Grow clears; fresh memory is then faulted in only where
#     written);
#   - hashes the file ID's first part (all but the structure tree, outlines, catalog and
#     cross-reference table) on a goroutine of its own while enddoc writes the rest;
#   - maps in the document's buffer with one madvise(MADV_POPULATE_WRITE) on Linux
#     (kep_populate_linux.go) instead of a page fault per 4 KB as Output writes it;
#   - sizes the document's buffer before Output writes into it (about the pages'
#     uncompressed content, the images and the fonts), writes streams without copying
#     them into strings, and hands that buffer to Output's writer when it is an empty
#     bytes.Buffer;
#   - fixes an upstream bug: subsetting wrote into the caller's font bytes (getMetrics);
#   - follows each component of a composite glyph once: a glyph that contains itself
#     recursed until the stack overflowed (a fatal error);
#   - a panic on one of its goroutines (subsetting, compression) is raised again in the
#     caller's goroutine, where the caller's recover catches it, instead of ending the
#     program;
#   - adds StringWidthOf (kep.go): a width without selecting the font.
#   - adds UTF8FontWidths (kep.go): what StringWidthOf adds up for a font (its widths
#     by rune), so that a caller measuring many texts does not look the font up each time.
#   - drops the templates' and images' gob serialisation (Template.Serialize,
#     DeserializeTemplate, GobEncode/GobDecode): kep never serialises them, and importing
#     encoding/gob cost every kep process ~0.5 ms of package initialisation before main,
#     `kep version` included (scripts/PERFORMANCE.md, issue 19);
#   - pair kerning (kep_font.go, SetFontKerning): Text writes kerned strings as TJ
#     arrays and every width includes the kerning; fonts embedded under their
#     PostScript names with a reproducible subset tag (SetFontPostScriptName);
#   - utf8toutf16 writes runes above U+FFFF as surrogate pairs (metadata with emoji)
#     and invalid UTF-8 as U+FFFD instead of reading past the string;
#   - prints nothing to stdout (kep render -o - writes the document there): a font's
#     faults (licence bits that forbid embedding, no Unicode map, bad metrics or loca
#     format) become the document's error; compare.go's dump goes to stderr.
#   - tagged PDF and PDF/A-1b (kep_tag.go, hooks in fpdf.go and def.go): a structure
#     tree (StructTreeRoot, StructElem.Add, BeginMarkedContent/EndMarkedContent with
#     MCIDs per page, BeginArtifact, AddLinkToStruct for OBJR), the parent tree and
#     /StructParents, /MarkInfo, /ViewerPreferences <</DisplayDocTitle true>>; link
#     annotations as objects of their own with the print flag (/F 4); SetPDFA: PDF 1.4
#     with a binary header comment, XMP metadata from the information dictionary
#     (PDF/A and PDF/UA identification), an ICC output intent, CIDSet streams, no page
#     transparency group; always: a file ID from the content, dates with their zone,
#     outline /Count right, no empty /Names or EmbeddedFiles; a tree's elements and
#     their first kids come from arrays of its own (structPool), not an
#     allocation each;
# Measured effects: scripts/PERFORMANCE.md. Tests of the patched behaviour live in
# render/pdfdoc (fpdfpatch_test.go, compress_test.go, tag_test.go, pdfa_test.go).
# Usage: sh scripts/vendor-fpdf.sh   (then go build ./... && go test ./...)
#        sh scripts/vendor-fpdf.sh --into DIR   builds the copy in DIR only (used by
#        scripts/check-fpdf.sh to compare it with third_party/fpdf)
# To change the vendored copy: edit third_party/fpdf, then `sh scripts/check-fpdf.sh -w`
# regenerates the patch from the whole tree (so nobody's hunks are dropped), and
# `sh scripts/check-fpdf.sh` (run by .ci/run) checks that this script reproduces it.
set -eu
cd "$(dirname "$0")/.."
src=$(go env GOMODCACHE)/github.com/go-pdf/fpdf@v0.9.0
dst=third_party/fpdf
only=false
nopatch=false
if [ "${1:-}" = "--into" ]; then
	dst=$2
	only=true
	[ "${3:-}" = "--no-patch" ] && nopatch=true
fi
if [ ! -d "$src" ]; then
	go mod download github.com/go-pdf/fpdf@v0.9.0
fi
rm -rf "$dst"
mkdir -p "$dst/font_embed"
for f in "$src"/*.go; do
	case "$f" in *_test.go) continue ;; esac
	cp "$f" "$dst/"
done
cp "$src"/font_embed/*.json "$src"/font_embed/*.map "$dst/font_embed/"
cp "$src/LICENSE" "$dst/"
chmod -R u+w "$dst"
printf 'module github.com/go-pdf/fpdf\n\ngo 1.20\n' >"$dst/go.mod"
if [ "$nopatch" = false ]; then
	patch -d "$dst" -p1 --no-backup-if-mismatch -s <scripts/fpdf-perf.patch
fi
cat >"$dst/README.kep" <<'TXT'
go-pdf/fpdf v0.9.0 (MIT, see LICENSE; upstream archived in 2025) with
scripts/fpdf-perf.patch applied: speed (font parses and subsets shared, pooled and
parallel compression, Text without fmt), bug fixes (font bytes written to, recursion
into composite glyphs, panics on its goroutines) and StringWidthOf; see the
script's header. Made by scripts/vendor-fpdf.sh. To change it, edit here, then
regenerate the patch (diff against the module cache) so that the script stays true.
TXT
if [ "$only" = true ]; then
	exit 0
fi
go mod edit -replace github.com/go-pdf/fpdf=./third_party/fpdf
go build ./...
echo "vendored fpdf into $dst with the performance patch; go.mod now replaces it"
