package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/kepdev/kep/locale"
)

func main() {
	// Only kep's own writer reaches the real stdout, where -o - puts a document: a library
	// that prints (fpdf did, into the PDF) prints to stderr instead.
	stdout := os.Stdout
	os.Stdout = os.Stderr
	os.Exit(run(os.Args[1:], stdout, os.Stderr))
}

// tuneGC, for kep render, lets the heap grow to five times the live data between
// collections instead of twice (GOGC=400 instead of 100). Rendering keeps little alive,
// a few MB per document in flight, and a plan allocates ~8 MB: with the default the
// collector ran several times per plan, ~12 % of a plan's CPU time
// (scripts/PERFORMANCE.md). Peak memory stays bounded by the live heap, so it does not
// grow with the number of plans. Not for kep portfolio, which keeps every plan's figures
// alive: there five times the live heap would be memory for nothing. A GOGC the user
// sets wins.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// Exit statuses (spec/program.md).
const (
	exitOK    = 0 // success
	exitPlan  = 1 // a plan has errors (or warnings with --strict)
	exitUsage = 2 // wrong usage or a failure of the program or the file system
)

// command is one subcommand of kep, each in its own file.
type command struct {
	name    string
	summary string
	usage   string // full help text; its first line is the synopsis
	run     func(c *command, args []string, stdout, stderr io.Writer) int
}

// extraCommands holds commands that other files register in their own init (portfolio,
// diff), so that this file need not change for each of them.
var extraCommands []*command

// helpOrder is the order in which `kep help` lists the commands; others come last.
var helpOrder = []string{"init", "next-year", "validate", "render", "portfolio", "diff", "figures", "import", "export", "schema", "serve", "version"}

// serveCommand wraps runServe (serve.go), which parses its own flags and prints its own help.
var serveCommand = &command{
	name:    "serve",
	summary: "live preview of plans in the browser",
	usage:   serveUsage,
	run: func(_ *command, args []string, stdout, stderr io.Writer) int {
		return runServe(args, stdout, stderr)
	},
}

func allCommands() []*command {
	cs := append([]*command{initCommand, validateCommand, renderCommand, figuresCommand, schemaCommand, serveCommand, versionCommand}, extraCommands...)
	rank := func(name string) int {
		for i, n := range helpOrder {
			if n == name {
				return i
			}
		}
		return len(helpOrder)
	}
	sort.SliceStable(cs, func(i, j int) bool { return rank(cs[i].name) < rank(cs[j].name) })
	return cs
}

func lookup(name string) *command {
	for _, c := range allCommands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is the whole program: it returns the exit status instead of exiting.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, mainUsage())
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return runHelp(args[1:], stdout, stderr)
	case "-version", "--version":
		return versionCommand.run(versionCommand, args[1:], stdout, stderr)
	}
	c := lookup(args[0])
	if c == nil {
		say(stderr, "kep: unknown command %q\nRun 'kep help' for usage.\n", args[0])
		return exitUsage
	}
	return c.run(c, args[1:], stdout, stderr)
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString(helpText(`kep checks key account development plans and renders them as PDF and HTML.

Usage:

	kep <command> [arguments]

Commands:

`))
	for _, c := range allCommands() {
		fmt.Fprintf(&b, "	%-10s %s\n", c.name, helpText(c.summary))
	}
	b.WriteString(helpText(`
Run 'kep help <command>' or 'kep <command> --help' for more about a command.

Exit status: 0 success; 1 a plan has errors (or warnings with --strict);
2 wrong usage or a failure of the program or the file system.
`))
	return b.String()
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		return writeHelp(stdout, stderr, "help", mainUsage())
	case 1:
		if c := lookup(args[0]); c != nil {
			return writeHelp(stdout, stderr, "help", helpText(c.usage))
		}
		say(stderr, "kep help: unknown command %q\nRun 'kep help' for the list of commands.\n", args[0])
		return exitUsage
	}
	say(stderr, "usage: kep help [command]\n")
	return exitUsage
}

// writeHelp prints a help text to stdout; a stdout that cannot be written (a full disk,
// a closed pipe) is a failure of the file system, exit 2 like every other command's output.
func writeHelp(stdout, stderr io.Writer, name, text string) int {
	if _, err := io.WriteString(stdout, text); err != nil {
		say(stderr, "kep %s: %v\n", name, err)
		return exitUsage
	}
	return exitOK
}

// parseFlags parses the flags of a command, allowing them before, between and after the
// file arguments (kep validate a.toml --strict); "--" ends the flags. It returns the file
// arguments, or a status to exit with: exitOK after --help (usage printed to stdout),
// exitUsage after a wrong flag (message printed to stderr).
func parseFlags(fl *flag.FlagSet, c *command, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	var files []string
	for {
		err := fl.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, writeHelp(stdout, stderr, c.name, helpText(c.usage)), false
		}
		if err != nil {
			say(stderr, "kep %s: %v\n%s", c.name, err, synopsis(c))
			return nil, exitUsage, false
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return expandFileArgs(c, files, stderr)
		}
		// flag stops at "--" too; it has already consumed it, so what follows is all files.
		if len(args) >= len(rest)+1 && args[len(args)-len(rest)-1] == "--" {
			return expandFileArgs(c, append(files, rest...), stderr)
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// expandFileArgs expands the patterns among a command's file arguments (glob.go), except
// for kep init, whose FILE is the file to create.
func expandFileArgs(c *command, files []string, stderr io.Writer) ([]string, int, bool) {
	if c.name == "init" {
		return files, 0, true
	}
	files, err := expandPatterns(files)
	if err != nil {
		say(stderr, "kep %s: %v\n", c.name, err)
		return nil, exitUsage, false
	}
	return files, 0, true
}

// synopsis is the first line of a command's usage, with the lines of further forms that
// follow it (kep diff: "       kep diff [--rev REV] … FILE"), and a hint to the full help.
func synopsis(c *command) string {
	lines := strings.Split(helpText(c.usage), "\n")
	n := 1
	for n < len(lines) && strings.HasPrefix(strings.TrimLeft(lines[n], " \t"), "kep ") {
		n++
	}
	return strings.Join(lines[:n], "\n") + "\n" + tr("Run 'kep help %s' for details.\n", c.name)
}

// usageError reports wrong usage of a command and returns exitUsage.
func usageError(stderr io.Writer, c *command, format string, args ...any) int {
	say(stderr, "kep %s: %s\n%s", c.name, locale.Msgf(format, args...), synopsis(c))
	return exitUsage
}
