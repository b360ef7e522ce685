package main

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
)

// kep init's help names every document language in its --lang flag, in English and in
// every translation (a new language: add its code to init.go's usage and to the
// translations of that text in every locale's messages).
func TestInitHelpNamesEveryLanguage(t *testing.T) {
	flag := "--lang " + strings.Join(locale.Langs(), "|")
	for _, lang := range locale.MsgLangs() {
		if help := locale.Msgf("%s", locale.MsgWord(initCommand.usage)).In(lang); !strings.Contains(help, flag) {
			t.Errorf("%s: kep init's help does not read %q", lang, flag)
		}
	}
}
