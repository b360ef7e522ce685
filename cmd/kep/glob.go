package main

import (
	"os"
	"path/filepath"
	"strings"
)

// expandPatterns expands the file arguments that are patterns the shell left as they
// were: cmd.exe and PowerShell pass accounts\*.toml on unexpanded, and a POSIX shell does
// the same when nothing matches. An argument with *, ? or [ that names no existing file
// is replaced by the files filepath.Glob finds for it, sorted; a pattern that matches
// nothing is an error that says so, rather than "no such file" for a name nobody typed.
func expandPatterns(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !strings.ContainsAny(a, "*?[") {
			out = append(out, a)
			continue
		}
		if _, err := os.Lstat(a); err == nil { // a file really named so
			out = append(out, a)
			continue
		}
		matches, err := filepath.Glob(a)
		if err != nil {
			return nil, errorf("%s: not a valid pattern", a)
		}
		if len(matches) == 0 {
			return nil, errorf("%s: no file matches", a)
		}
		out = append(out, matches...)
	}
	return out, nil
}
