package edition_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/plan/load"
	"github.com/kepdev/kep/render/edition"
	"github.com/kepdev/kep/render/htmldoc"
	"github.com/kepdev/kep/render/onepage"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/rendertest"
	"github.com/kepdev/kep/render/slides"
)

var testNow = time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC)

// markerOf is the marker of the i-th key of the schema: short, letters and digits only,
// so that no writer breaks or hyphenates it and every output shows it as it is.
func markerOf(i int) string { return fmt.Sprintf("Zq%03dqZ", i) }

// markerRE finds markers in any case (a web address is written in lower case).
var markerRE = regexp.MustCompile(`(?i)zq(\d{3})qz`)

// markedPlan makes the full sample plan with a marker in every text key of the schema
// (plan.PlanKeys): where the sample has the key, its value is replaced; where a table of
// the sample lacks a text key, it is added. A key added to the schema is covered without
// a change here. It returns the plan's TOML and the markers by key path.
func markedPlan(t *testing.T, lang string) ([]byte, map[string]string) {
	t.Helper()
	src, err := os.ReadFile("../../samples/accounts/hansa.toml")
	if err != nil {
		t.Fatal(err)
	}
	var data map[string]any
	if _, err := toml.Decode(string(src), &data); err != nil {
		t.Fatal(err)
	}
	data["lang"] = lang
	if _, ok := data["accepted"]; !ok {
		// The sample accepts no warning; one entry makes [[accepted]] carry markers too.
		data["accepted"] = []map[string]any{{"warning": "contacts", "reason": "x"}}
	}
	markers := map[string]string{}
	for i, k := range load.PlanKeys() {
		if !k.Text {
			continue
		}
		m := markerOf(i)
		parts := strings.Split(k.Path, ".")
		// Where the sample has the key, its values are replaced; only a key no table of
		// the sample holds is added, so that keys valid only beside others (asks'
		// condition) stay where the sample put them.
		if setAll(data, parts, k.Path, m, false) || setAll(data, parts, k.Path, m, true) {
			markers[k.Path] = m
		}
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), markers
}

// setAll sets the key at path in every table the path reaches that holds it (add: in
// every table the path reaches); false when it set none.
func setAll(node any, parts []string, path, marker string, add bool) bool {
	switch n := node.(type) {
	case map[string]any:
		if len(parts) == 1 {
			if _, ok := n[parts[0]]; !ok && !add {
				return false
			}
			n[parts[0]] = markerValue(path, marker, n[parts[0]])
			return true
		}
		child, ok := n[parts[0]]
		if !ok && add && len(parts) == 2 {
			child = map[string]any{} // a table the sample leaves out ([brand] of the plan)
			n[parts[0]] = child
		} else if !ok {
			return false
		}
		return setAll(child, parts[1:], path, marker, add)
	case []map[string]any:
		any := false
		for _, e := range n {
			any = setAll(e, parts, path, marker, add) || any
		}
		return any
	case []any:
		any := false
		for _, e := range n {
			any = setAll(e, parts, path, marker, add) || any
		}
		return any
	}
	return false
}

// markerValue is the marker in the form the key takes: a list of text, a link, text.
func markerValue(path, marker string, old any) any {
	switch {
	case path == "account.website":
		return "https://" + strings.ToLower(marker) + ".example.com"
	case path == "accepted.warning":
		return old // a key path: a marker would only be an unknown path
	}
	switch old.(type) {
	case []any, []string:
		return []string{marker + "a", marker + "b"}
	}
	return marker
}

// TestCustomerEditionLeaksNothing renders the customer edition of a plan with a marker
// in every text field, in every format and language, and searches every byte of every
// output (PDFs decompressed, their text extracted, UTF-16 strings of the metadata and
// outline decoded) for markers: no internal field's marker may appear, and every kept
// field's marker must appear in some format.
func TestCustomerEditionLeaksNothing(t *testing.T) {
	qpdf := rendertest.Tool(t, "qpdf")
	pdftotext := rendertest.Tool(t, "pdftotext")
	keys := map[string]load.PlanKey{}
	for _, k := range load.PlanKeys() {
		keys[k.Path] = k
	}
	dir := t.TempDir()
	copyFile(t, "../../samples/kep.toml", filepath.Join(dir, "kep.toml"))
	copyFile(t, "../../samples/assets/logo.png", filepath.Join(dir, "assets", "logo.png"))
	for _, lang := range locale.Langs() {
		t.Run(lang, func(t *testing.T) {
			src, markers := markedPlan(t, lang)
			l := &check.Loader{Now: testNow}
			path := filepath.Join(dir, "accounts", "marked-"+lang+".toml")
			p, diags := l.LoadPlanBytes(path, src)
			if diags.HasErrors() {
				for _, d := range diags {
					if d.Path == "lang" {
						t.Skipf("the plan format does not accept lang = %q yet: %v", lang, d)
					}
				}
				t.Fatalf("the marked plan does not load: %v", diags)
			}
			// The internal document holds every marker: the plan really carries them.
			doc, cp, err := edition.Customer(p, edition.Options{Now: testNow, KepVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			f := check.Compute(cp, testNow)
			outs := map[string][]byte{}
			var b bytes.Buffer
			if err := htmldoc.Write(&b, doc, htmldoc.Options{}); err != nil {
				t.Fatal(err)
			}
			outs["html"] = bytes.Clone(b.Bytes())
			b.Reset()
			if _, err := pdfdoc.Write(&b, doc, pdfdoc.Options{Now: testNow}); err != nil {
				t.Fatal(err)
			}
			outs["pdf"] = bytes.Clone(b.Bytes())
			b.Reset()
			if _, _, err := onepage.Write(&b, cp, f, doc, onepage.Options{Customer: true, PDF: pdfdoc.Options{Now: testNow}}); err != nil {
				t.Fatal(err)
			}
			outs["onepage"] = bytes.Clone(b.Bytes())
			b.Reset()
			if _, err := slides.Write(&b, cp, f, doc, slides.Options{Customer: true, PDF: pdfdoc.Options{Now: testNow}}); err != nil {
				t.Fatal(err)
			}
			outs["slides"] = bytes.Clone(b.Bytes())

			seen := map[string][]string{} // marker → formats
			for format, out := range outs {
				var hay [][]byte
				hay = append(hay, out)
				if format != "html" {
					hay = append(hay, pdfViews(t, qpdf, pdftotext, dir, format, out)...)
				}
				found := map[string]bool{}
				for _, h := range hay {
					for _, m := range markerRE.FindAllSubmatch(h, -1) {
						n := 0
						fmt.Sscanf(string(m[1]), "%d", &n)
						found[markerOf(n)] = true
					}
				}
				for m := range found {
					seen[m] = append(seen[m], format)
				}
			}
			for path, m := range markers {
				k := keys[path]
				if !k.Customer && len(seen[m]) > 0 {
					t.Errorf("internal field %s (marker %s) leaks into the customer edition: %v", path, m, seen[m])
				}
				if k.Customer && len(seen[m]) == 0 {
					t.Errorf("kept field %s (marker %s) appears in no customer output", path, m)
				}
			}
			// A marker of a key the plan does not hold cannot be found; say which keys the
			// sample could not carry, so that a new key without sample data shows up.
			for _, k := range load.PlanKeys() {
				if k.Text && markers[k.Path] == "" && k.Path != "accepted.warning" {
					t.Errorf("no table of the sample holds %s: extend samples/accounts/hansa.toml so that the test covers it", k.Path)
				}
			}
		})
	}
}

// pdfViews are the forms of a PDF in which text can hide: qpdf's uncompressed file with
// object streams resolved, its UTF-16 strings decoded (metadata, outline), and the text
// poppler extracts with hyphens and line breaks removed.
func pdfViews(t *testing.T, qpdf, pdftotext, dir, name string, pdf []byte) [][]byte {
	t.Helper()
	in := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	qdf := filepath.Join(dir, name+".qdf.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", in, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf %s: %v\n%s", name, err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	joined := regexp.MustCompile(`-?\s+`).ReplaceAll(text, nil)
	return [][]byte{raw, utf16Strings(raw), text, joined}
}

// utf16Strings decodes the UTF-16BE strings of a PDF, literal (with a byte-order mark) and
// hex, as fpdf writes the metadata and the outline.
func utf16Strings(raw []byte) []byte {
	var out bytes.Buffer
	dec := func(b []byte) {
		if len(b) < 2 || b[0] != 0xfe || b[1] != 0xff {
			return
		}
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		out.WriteString(string(utf16.Decode(u)))
		out.WriteByte('\n')
	}
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '(':
			var s []byte
			depth := 1
			for j := i + 1; j < len(raw); j++ {
				c := raw[j]
				if c == '\\' && j+1 < len(raw) {
					j++
					switch raw[j] {
					case 'n':
						s = append(s, '\n')
					case 'r':
						s = append(s, '\r')
					case 't':
						s = append(s, '\t')
					case 'b':
						s = append(s, '\b')
					case 'f':
						s = append(s, '\f')
					default:
						if raw[j] >= '0' && raw[j] <= '7' {
							v, n := 0, 0
							for ; n < 3 && j < len(raw) && raw[j] >= '0' && raw[j] <= '7'; n++ {
								v = v*8 + int(raw[j]-'0')
								j++
							}
							j--
							s = append(s, byte(v))
						} else {
							s = append(s, raw[j])
						}
					}
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					depth--
					if depth == 0 {
						i = j
						break
					}
				}
				s = append(s, c)
			}
			dec(s)
		case '<':
			if i+1 < len(raw) && raw[i+1] == '<' {
				i++
				continue
			}
			j := bytes.IndexByte(raw[i:], '>')
			if j < 0 {
				continue
			}
			hex := raw[i+1 : i+j]
			b := make([]byte, 0, len(hex)/2)
			ok := true
			for k := 0; k+1 < len(hex); k += 2 {
				var v byte
				if _, err := fmt.Sscanf(string(hex[k:k+2]), "%02x", &v); err != nil {
					ok = false
					break
				}
				b = append(b, v)
			}
			if ok {
				dec(b)
			}
			i += j
		}
	}
	return out.Bytes()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
