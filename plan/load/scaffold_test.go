package load

import "testing"

func TestTomlString(t *testing.T) {
	for in, want := range map[string]string{
		`Müller & "Söhne"`: `"Müller & \"Söhne\""`,
		`C:\x`:             `"C:\\x"`,
		"tab\there":        `"tab\u0009here"`,
	} {
		if got := tomlString(in); got != want {
			t.Errorf("tomlString(%q) = %s, want %s", in, got, want)
		}
	}
}
