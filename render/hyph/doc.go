// Package hyph finds where words may be hyphenated, in German (reformed spelling),
// English (American) and French, with Liang's algorithm and the published TeX patterns
// of hyph-utf8 (patterns/, each file with its licence), compiled by go generate into
// tries (patterns/hyph.trie) that the binary reads where it lies. Both document writers
// use it: the PDF breaks lines at these points with a visible hyphen, the HTML marks them
// with soft hyphens.
package hyph
