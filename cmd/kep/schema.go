package main

import (
	"flag"
	"io"

	"github.com/kepdev/kep/plan/load"
)

var schemaCommand = &command{
	name:    "schema",
	summary: "print a JSON Schema of the plan format for editors",
	usage: `usage: kep schema [--workspace]

Prints a JSON Schema (draft-07) of the plan format on stdout, made from the same key
definitions kep validate checks with. Editors that check TOML against a schema (VS
Code with Even Better TOML, or anything using Taplo) then complete keys, explain
them on hover and underline mistakes while you type:

	kep schema > kep.schema.json

and name it in the first line of a plan (#:schema ../kep.schema.json; kep init
writes that line when it finds the file) or in a .taplo.toml. The schema checks what
one key can tell (names, types, allowed values, ranges); rules between keys (sums,
references, dates in order) are for kep validate.

The descriptions are in the reader's language (KEP_LANG, else LC_ALL, LC_MESSAGES
or LANG; one of {langs}), followed by English; for an English reader, by German.
Each language but English also stands alone in x-description-LANG.

Flags:
	--workspace   the schema of the workspace file kep.toml instead

Exit status: 0 success; 2 wrong usage or a failure writing stdout.
`,
	run: runSchema,
}

func runSchema(c *command, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(c.name, flag.ContinueOnError)
	workspace := fl.Bool("workspace", false, "")
	files, code, ok := parseFlags(fl, c, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(files) > 0 {
		return usageError(stderr, c, "takes no file arguments")
	}
	lang := cliLang()
	schema, err := load.JSONSchema(lang)
	if *workspace {
		schema, err = load.WorkspaceJSONSchema(lang)
	}
	if err == nil {
		_, err = stdout.Write(schema)
	}
	if err != nil {
		say(stderr, "kep schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}
