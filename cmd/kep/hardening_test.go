package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hardening tests of the whole command: output that is complete or not there, inputs
// never overwritten, valid plans in any line ending rendered, large valid plans rendered,
// and many plans rendered in parallel. The corpus of broken plans is in corpus_test.go,
// the fuzz tests in hardening_fuzz_test.go, the injection tests in inject_test.go.

// hardWorkspace copies the samples into a fresh folder (with .git, so no kep.toml above
// is found) and returns it.
func hardWorkspace(t *testing.T) string {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// earlier puts documents of an earlier run into dir and returns the folder's snapshot.
func earlier(t *testing.T, dir string, names ...string) string {
	t.Helper()
	for _, n := range names {
		writeFile(t, filepath.Join(dir, n), []byte("earlier "+n))
	}
	return snapshot(t, dir)
}

// failedWrite checks a run that could not write: exit 2, a message naming the cause,
// and the output folder exactly as before (no temporary file left behind).
func failedWrite(t *testing.T, out, before string, code int, stderr, cause string) {
	t.Helper()
	if code != exitUsage {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	if !strings.Contains(stderr, cause) {
		t.Errorf("stderr does not say %q:\n%s", cause, stderr)
	}
	if after := snapshot(t, out); after != before {
		t.Errorf("output folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestOutputFolderReadOnly(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	before := earlier(t, out, "hansa.pdf", "hansa.html", "portfolio.pdf", "portfolio.html", "hansa-changes.html")
	readOnly(t, out)
	plan := filepath.Join(ws, "accounts", "hansa.toml")
	code, _, stderr := runKep(ws, "render", "-o", out, plan)
	failedWrite(t, out, before, code, stderr, "read-only file system")
	code, _, stderr = runKep(ws, "portfolio", "-o", out, plan)
	failedWrite(t, out, before, code, stderr, "read-only file system")
	code, _, stderr = runKep(ws, "diff", "-f", "html", "-o", out, filepath.Join(ws, "accounts", "brightwater.toml"), plan)
	failedWrite(t, out, before, code, stderr, "read-only file system")
}

func TestOutputDiskFull(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	tinyDisk(t, out)
	before := earlier(t, out, "hansa.pdf", "hansa.html", "portfolio.pdf", "portfolio.html", "hansa-changes.pdf")
	plan := filepath.Join(ws, "accounts", "hansa.toml")
	code, _, stderr := runKep(ws, "render", "-o", out, plan)
	failedWrite(t, out, before, code, stderr, "no space left on device")
	code, _, stderr = runKep(ws, "portfolio", "-o", out, plan, filepath.Join(ws, "accounts", "brightwater.toml"))
	failedWrite(t, out, before, code, stderr, "no space left on device")
	code, _, stderr = runKep(ws, "diff", "-f", "pdf", "-o", out, filepath.Join(ws, "accounts", "brightwater.toml"), plan)
	failedWrite(t, out, before, code, stderr, "no space left on device")
}

// TestOutputBatchDiskFull fills the disk part way through a batch: the documents that
// fit are complete, the rest are reported, and no temporary file is left.
func TestOutputBatchDiskFull(t *testing.T) {
	ws := hardWorkspace(t)
	out := filepath.Join(ws, "out")
	tinyDisk(t, out)
	code, _, stderr := runKep(ws, "render", "-j", "1", "-f", "html", "-o", out,
		filepath.Join(ws, "accounts", "minimal.toml"), filepath.Join(ws, "accounts", "hansa.toml"), filepath.Join(ws, "accounts", "brightwater.toml"))
	if code != exitUsage || !strings.Contains(stderr, "no space left on device") {
		t.Fatalf("exit %d, want %d with no space left; stderr:\n%s", code, exitUsage, stderr)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
			continue
		}
		// What is there is whole: it ends as an HTML document ends.
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasSuffix(bytes.TrimSpace(data), []byte("</html>")) {
			t.Errorf("%s is cut off: ends with %q", e.Name(), data[max(0, len(data)-40):])
		}
	}
}

// TestOutputUnderAFile: -o naming a folder below a regular file cannot be created.
func TestOutputUnderAFile(t *testing.T) {
	ws := hardWorkspace(t)
	writeFile(t, filepath.Join(ws, "afile"), []byte("x"))
	plan := filepath.Join(ws, "accounts", "minimal.toml")
	for _, args := range [][]string{
		{"render", "-o", "afile/sub", plan},
		{"portfolio", "-o", "afile/sub", plan},
		{"diff", "-f", "html", "-o", "afile/sub", plan, plan},
	} {
		for i := range args {
			if args[i] == "afile/sub" {
				args[i] = filepath.Join(ws, args[i])
			}
		}
		code, _, stderr := runKep(ws, args...)
		if code != exitUsage || !strings.Contains(stderr, "not a directory") {
			t.Errorf("kep %s: exit %d, want %d and \"not a directory\"; stderr:\n%s", args[0], code, exitUsage, stderr)
		}
	}
	if fi, err := os.Stat(filepath.Join(ws, "afile")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("afile changed: %v %v", fi, err)
	}
}

// TestOutputFolderCreated: a missing -o is created with its parents, by every command
// that writes documents.
func TestOutputFolderCreated(t *testing.T) {
	ws := hardWorkspace(t)
	plan := filepath.Join(ws, "accounts", "minimal.toml")
	for _, c := range []struct {
		args []string
		file string
	}{
		{[]string{"render", "-f", "html", "-o", "a/b/c", plan}, "minimal.html"},
		{[]string{"portfolio", "-f", "html", "-o", "d/e", plan}, "portfolio.html"},
		{[]string{"diff", "-f", "html", "-o", "f/g", plan, plan}, "minimal-changes.html"},
	} {
		dir := filepath.Join(ws, c.args[4])
		c.args[4] = dir
		if code, _, stderr := runKep(ws, c.args...); code != exitOK {
			t.Errorf("kep %s: exit %d; stderr:\n%s", c.args[0], code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, c.file)); err != nil {
			t.Errorf("kep %s: %v", c.args[0], err)
		}
	}
}

// TestNeverOverwritesInput: no command writes a document over one of its input files,
// whatever the inputs are named.
func TestNeverOverwritesInput(t *testing.T) {
	ws := hardWorkspace(t)
	plans := filepath.Join(ws, "accounts")
	minimal, err := os.ReadFile(filepath.Join(plans, "minimal.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// Plans whose names are those of documents the commands write.
	for _, n := range []string{"portfolio.html", "minimal-changes.html", "minimal.html"} {
		writeFile(t, filepath.Join(plans, n), minimal)
	}
	before := snapshot(t, plans)
	for _, args := range [][]string{
		{"render", "-f", "html", "-o", plans, filepath.Join(plans, "minimal.toml"), filepath.Join(plans, "minimal.html")},
		{"portfolio", "-f", "html", "-o", plans, filepath.Join(plans, "minimal.toml"), filepath.Join(plans, "portfolio.html")},
		{"diff", "-f", "html", "-o", plans, filepath.Join(plans, "minimal-changes.html"), filepath.Join(plans, "minimal.toml")},
	} {
		code, _, stderr := runKep(ws, args...)
		if code != exitUsage || !strings.Contains(stderr, "input") {
			t.Errorf("kep %s: exit %d, want %d and a message about the input; stderr:\n%s", args[0], code, exitUsage, stderr)
		}
	}
	if after := snapshot(t, plans); after != before {
		t.Errorf("input folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// TestValidLineEndings: the samples saved with CRLF line ends, a byte-order mark, or
// both are still valid, give the same messages and render.
func TestValidLineEndings(t *testing.T) {
	ws := hardWorkspace(t)
	for _, name := range []string{"hansa", "brightwater", "minimal"} {
		src, err := os.ReadFile(filepath.Join(ws, "accounts", name+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		_, _, want := runKep(ws, "validate", filepath.Join(ws, "accounts", name+".toml"))
		crlf := bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
		for variant, data := range map[string][]byte{
			"crlf":     crlf,
			"bom":      append([]byte("\ufeff"), src...),
			"bom_crlf": append([]byte("\ufeff"), crlf...),
		} {
			file := filepath.Join(ws, "accounts", name+"_"+variant+".toml")
			writeFile(t, file, data)
			code, _, stderr := runKep(ws, "validate", file)
			stderr = strings.ReplaceAll(stderr, name+"_"+variant+".toml", name+".toml")
			if code != exitOK || stderr != want {
				t.Errorf("%s %s: exit %d, messages:\n%s\nwant:\n%s", name, variant, code, stderr, want)
			}
			if code, _, stderr := runKep(ws, "render", "-f", "html", "-o", filepath.Join(ws, "out"), file); code != exitOK {
				t.Errorf("%s %s: render exit %d:\n%s", name, variant, code, stderr)
			}
		}
	}
}

// TestLargeValidPlansRender: plans with long lists that pass the checks render (exit 0).
// A profile of 600 criteria once made a chart taller than the chart backends accept.
func TestLargeValidPlansRender(t *testing.T) {
	ws := hardWorkspace(t)
	var b strings.Builder
	b.WriteString(corpusHeader + "summary = \"\"\"\n")
	for i := 0; i < 200; i++ {
		b.WriteString(strings.Repeat("  ", i%25) + "- Punkt\n")
	}
	b.WriteString("\"\"\"\n\n[[competitors]]\nid = \"a\"\nname = \"A\"\n")
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&b, "[[offering.profile]]\ncriterion = \"K%d\"\nweight = %g\nown = %d\ncompetitors = { a = %d }\n", i, 100.0/600, i%11, i%10+1)
	}
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "[[contacts]]\nid = \"c%d\"\nname = \"Kontakt %d\"\ninfluence = %d\nattitude = \"neutral\"\nrelationship = %d\n", i, i, i%3+1, i%5)
		fmt.Fprintf(&b, "[[offering.competences]]\nname = \"K%d\"\nimportance = %d\nstrength = %d\nrevenue = %d\n", i, i%11, i*7%11, i*1000)
	}
	plan := filepath.Join(ws, "accounts", "large.toml")
	writeFile(t, plan, []byte(b.String()))
	if code, _, stderr := runKep(ws, "render", "-o", filepath.Join(ws, "out"), plan); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
}

// TestRenderParallel200 renders 200 small generated plans with -j 4 (under -race in CI):
// every plan gets its document, the broken ones are named and get none.
func TestRenderParallel200(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 200 plans")
	}
	ws := hardWorkspace(t)
	var plans []string
	for i := 0; i < 200; i++ {
		p := filepath.Join(ws, "accounts", fmt.Sprintf("p%03d.toml", i))
		src := fmt.Sprintf("format = 1\nlang = %q\n\n[plan]\naccount = \"Konto %d\"\nfrom = 2027-01-01\nto = 2027-12-31\n"+
			"\n[[contacts]]\nid = \"c\"\nname = \"Dr. König %d\"\ninfluence = 3\nattitude = \"supporter\"\nrelationship = 2\n"+
			"\n[[scorecard.objectives]]\nid = \"f1\"\nperspective = \"finance\"\nobjective = \"Umsatz\"\nkpi = \"Umsatz\"\ntarget = %d\nactual = 90\n",
			[]string{"de", "en"}[i%2], i, i, 100+i)
		if i%50 == 7 {
			src += "\n[[actions]]\nid = \"a1\"\naction = \"x\"\nowner = \"nobody\"\ndue = 2027-03-01\n"
		}
		writeFile(t, p, []byte(src))
		plans = append(plans, p)
	}
	out := filepath.Join(ws, "out")
	// HTML only: the PDF writer under -race would take minutes for 200 documents, and
	// TestRenderBatch covers both formats with 50 plans.
	code, stdout, stderr := runKep(ws, append([]string{"render", "-j", "4", "-f", "html", "-o", out}, plans...)...)
	if code != exitPlan {
		t.Fatalf("exit %d, want %d:\n%s", code, exitPlan, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	for i, p := range plans {
		_, err := os.Stat(filepath.Join(out, strings.TrimSuffix(filepath.Base(p), ".toml")+".html"))
		if broken := i%50 == 7; broken != os.IsNotExist(err) {
			t.Errorf("%s.html: broken %v, stat: %v", filepath.Base(p), broken, err)
		}
	}
	if n := strings.Count(stderr, "is not an id in [[team]]"); n != 4 {
		t.Errorf("%d errors about the owner, want 4:\n%s", n, stderr)
	}
}

// TestOutputReplacesLinks: a document's place taken by a symbolic link to a file
// elsewhere: the link is replaced by the document, the file it pointed to is untouched.
// kep writes into the output folder only.
func TestOutputReplacesLinks(t *testing.T) {
	ws := hardWorkspace(t)
	elsewhere := filepath.Join(t.TempDir(), "precious.html")
	writeFile(t, elsewhere, []byte("precious"))
	out := filepath.Join(ws, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, elsewhere, filepath.Join(out, "minimal.html"))
	plan := filepath.Join(ws, "accounts", "minimal.toml")
	if code, _, stderr := runKep(ws, "render", "-f", "html", "-o", out, plan); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if got := string(mustRead(t, elsewhere)); got != "precious" {
		t.Errorf("the file behind the link was written: %.40q", got)
	}
	if fi, err := os.Lstat(filepath.Join(out, "minimal.html")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("minimal.html is not the document: %v %v", fi, err)
	}
}

// TestExtremeNumbers: the largest amounts and the smallest positive numbers a plan may
// hold give finite figures: kep figures writes JSON and kep render the documents. (Before
// amounts were bounded by 2^53, a sum of 1.7e308 twice was +Inf, which JSON cannot hold:
// kep figures failed with exit 2; see corpus case range_huge_float.)
func TestExtremeNumbers(t *testing.T) {
	ws := hardWorkspace(t)
	var b strings.Builder
	b.WriteString(corpusHeader + "\n[selection]\nrevenue = 9e15\ncontribution_margin = 5e-324\nvisits = 9007199254740991\n")
	b.WriteString("\n[[competitors]]\nid = \"a\"\nname = \"A\"\n\n[[offering.profile]]\ncriterion = \"K\"\nweight = 100\nown = 10\ncompetitors = { a = 5e-324 }\n")
	b.WriteString("\n[[value]]\nid = \"v\"\nname = \"V\"\nyears = 10\n")
	for i := 0; i < 100; i++ {
		b.WriteString("[[value.benefits]]\nitem = \"B\"\namount = 9e15\n[[value.costs]]\nitem = \"C\"\namount = 5e-324\nonce = true\n")
	}
	b.WriteString("\n[[scorecard.objectives]]\nid = \"f1\"\nperspective = \"finance\"\nobjective = \"x\"\nkpi = \"y\"\ntarget = 5e-324\nactual = 9e15\nbaseline = 9e15\n")
	plan := filepath.Join(ws, "accounts", "extreme.toml")
	writeFile(t, plan, []byte(b.String()))
	code, stdout, stderr := runKep(ws, "figures", plan)
	if code != exitOK {
		t.Fatalf("kep figures: exit %d:\n%s", code, stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Errorf("kep figures: %v", err)
	}
	if code, _, stderr := runKep(ws, "render", "-o", filepath.Join(ws, "out"), plan); code != exitOK {
		t.Errorf("kep render: exit %d:\n%s", code, stderr)
	}
}
