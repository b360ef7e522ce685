package main

import (
	"bytes"
	"errors"
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
