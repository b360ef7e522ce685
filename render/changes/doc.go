// Package changes compares two versions of a plan on the plan model and words what
// changed the way a manager reads it ("Ziel von f1 – …: 2.200.000 € → 2.400.000 €"),
// grouped by building block, followed by the derived figures that moved. Items are
// matched by id or by their name, never by position, so a reordered list is no change;
// values are compared as the loader made them effective, so a default written out is no
// change either. The change list feeds `kep diff`, the change report and the appendix
// "Änderungen" of the plan document.
package changes
