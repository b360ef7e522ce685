package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fullWriter fails every write, as stdout does on a full disk (/dev/full) or a closed pipe.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Output that cannot be written is a failure of the file system: exit 2 with a message
// (spec/program.md: "2 wrong usage or a failure of the program or the file system"), for
// the commands that print text, not only for those that print documents.
func TestStdoutFailureIsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"version"},
		{"--version"},
		{"help"},
		{"help", "render"},
		{"render", "--help"},
		{"serve", "--help"},
		{"schema"},
	} {
		var stderr bytes.Buffer
		if got := run(args, fullWriter{}, &stderr); got != exitUsage {
			t.Errorf("kep %s to a full stdout: exit %d, want %d", strings.Join(args, " "), got, exitUsage)
		}
		if !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("kep %s to a full stdout: stderr %q, want the write error", strings.Join(args, " "), stderr.String())
		}
	}
}

// /dev/null is a character device but no terminal: kep render -f pdf -o - plan >/dev/null
// was refused with "would write a PDF to the terminal".
func TestDevNullIsNoTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("isTerminal(%s) = true", os.DevNull)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1800000000")
	plan := filepath.Join("..", "..", "samples", "accounts", "minimal.toml")
	for _, args := range [][]string{
		{"render", "-f", "pdf", "-o", "-", plan},
		{"portfolio", "-f", "pdf", "-o", "-", plan},
		{"diff", "-f", "pdf", "-o", "-", plan, plan},
	} {
		var stderr bytes.Buffer
		if got := run(args, null, &stderr); got != exitOK {
			t.Errorf("kep %s >%s: exit %d, want 0; stderr: %s", strings.Join(args, " "), os.DevNull, got, stderr.String())
		}
	}
}
