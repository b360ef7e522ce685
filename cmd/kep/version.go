package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// version and commit are set at link time for releases (scripts/dist.sh):
// go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD)". The
// commit is stamped explicitly because Go's own record of it is missing when the build
// runs with -buildvcs=false (GOFLAGS) or outside a git work tree.
var version, commit string

var versionCommand = &command{
	name:    "version",
	summary: "print version and build information",
	usage: `usage: kep version

Prints kep's version, the Go version and platform it was built with, and the
source revision when the build recorded one.
`,
	run: runVersion,
}

func runVersion(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) > 0 {
		return usageError(stderr, c, "takes no arguments")
	}
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" {
		// The spec's word for a build without a release tag; Go says "(devel)".
		v = "devel"
		if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "kep %s\n", v)
	fmt.Fprintf(&b, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if ok {
		var rev, when, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev == "" {
			rev = commit
		}
		if rev != "" {
			fmt.Fprintf(&b, "revision: %s", rev)
			if when != "" {
				fmt.Fprintf(&b, " (%s)", when)
			}
			if modified == "true" {
				fmt.Fprint(&b, " with local changes")
			}
			fmt.Fprintln(&b)
		}
	}
	// A stdout that cannot be written (a full disk, a closed pipe) is a failure (exit 2).
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		say(stderr, "kep version: %v\n", err)
		return exitUsage
	}
	return exitOK
}
