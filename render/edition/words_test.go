package edition

import (
	"testing"

	"github.com/kepdev/kep/locale"
)

// TestWordsComplete: every language has every word, and every document language has
// words of its own (not the German fallback).
func TestWordsComplete(t *testing.T) {
	all := map[string]bool{}
	for _, l := range locale.Languages() {
		for _, k := range WordsFor(l.Lang).Keys() {
			all[k] = true
		}
	}
	if len(all) < 50 {
		t.Fatalf("found only %d edition words: the prefixes %v no longer match", len(all), WordPrefixes)
	}
	for _, lang := range locale.Langs() {
		w := WordsFor(lang)
		if w.Lang != lang {
			t.Errorf("no words for document language %q (got %q)", lang, w.Lang)
			continue
		}
		for k := range all {
			if _, ok := w.loc.Label(k); !ok {
				t.Errorf("%s: word %q missing (locale/%s.go)", lang, k, lang)
			}
		}
	}
}
