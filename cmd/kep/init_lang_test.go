package main

import (
	"strings"
	"testing"

	"github.com/kepdev/kep/locale"
)

// kep init's help names every document language for its --lang flag, in English and in
// every translation: the texts say {langs} and the help fills in the registered ones.
func TestInitHelpNamesEveryLanguage(t *testing.T) {
	langs := strings.Join(locale.Langs(), "|")
	for _, lang := range locale.MsgLangs() {
		help := withLangs(locale.Msgf("%s", locale.MsgWord(initCommand.usage)).In(lang))
		if !strings.Contains(help, "--lang LANG") || strings.Count(help, langs) < 2 || strings.Contains(help, "{langs}") {
			t.Errorf("%s: kep init's help does not name the languages %q for --lang LANG:\n%s", lang, langs, help)
		}
	}
}
