package edition

import (
	"testing"

	"github.com/kepdev/kep/locale"
)

// TestWordsComplete: every language has every word, and every document language has
// words of its own (not the German fallback).
func TestWordsComplete(t *testing.T) {
	all := map[string]bool{}
	for _, m := range []map[string]string{wordsDE, wordsEN, wordsFR} {
		for k := range m {
			all[k] = true
		}
	}
	for _, lang := range locale.Langs() {
		w := WordsFor(lang)
		if w.Lang != lang {
			t.Errorf("no words for document language %q (got %q)", lang, w.Lang)
			continue
		}
		for k := range all {
			if _, ok := w.m[k]; !ok {
				t.Errorf("%s: word %q missing", lang, k)
			}
		}
	}
}
