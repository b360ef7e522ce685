package load

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLineIndex(t *testing.T) {
	src := `# comment with [fake.header] and key = 1
title = "x" # trailing
a.b.c = 1
"quoted key" = 2
summary = """
[not.a.table]
x = 1
"""
lit = '''
[[nor.this]]
'''
[plan]
account = "A"
[[scorecard.objectives]]
id = "f1"
[[scorecard.objectives]]
id = "f2"
[scorecard.weights]
finance = 100
[[value]]
[[value.benefits]]
item = "a"
[[value]]
[[value.benefits]]
[[value.benefits]]
item = "b"
[offering]
profile = [
  { criterion = "q", competitors = { acme = 4 } },
  { criterion = "r" },
]
list = ["a", "b", # comment ]
  "c"]
`
	ix := buildLineIndex([]byte(src))
	for path, want := range map[string]pos{
		"title":                                {2, 1},
		"a":                                    {3, 1},
		"a.b.c":                                {3, 1},
		`"quoted key"`:                         {4, 1},
		"summary":                              {5, 1},
		"lit":                                  {9, 1},
		"plan":                                 {12, 1},
		"plan.account":                         {13, 1},
		"scorecard.objectives":                 {14, 1},
		"scorecard.objectives[0]":              {14, 1},
		"scorecard.objectives[1].id":           {17, 1},
		"scorecard.weights.finance":            {19, 1},
		"value[0].benefits[0].item":            {22, 1},
		"value[1].benefits[1].item":            {26, 1},
		"offering.profile[0]":                  {29, 3},
		"offering.profile[0].competitors.acme": {29, 38},
		"offering.profile[1].criterion":        {30, 5},
		"offering.list[2]":                     {33, 3},
	} {
		if got := ix[path]; got != want {
			t.Errorf("%s at %v, want %v", path, got, want)
		}
	}
	for _, p := range []string{"not.a.table", "nor.this", "fake.header"} {
		if _, ok := ix[p]; ok {
			t.Errorf("%s indexed from inside a string or comment", p)
		}
	}
	// A path not in the index falls back to its nearest ancestor.
	if got := ix.at("value[1].benefits[1].amount"); got != (pos{25, 1}) {
		t.Errorf("fallback: %v", got)
	}
	if got := ix.at("value[1].benefits[0].item"); got != (pos{24, 1}) {
		t.Errorf("fallback to the row's header: %v", got)
	}
	// Broken input never panics.
	for _, s := range []string{"[", "[[", "a = [", "a = {", "a = \"\"\"", "a = '''", "= 1", "a.", "[a.\"b"} {
		buildLineIndex([]byte(s))
	}
}

func TestPlanPosition(t *testing.T) {
	p, _ := load(t, "", header+contact("c", "owner = \"x\"\n"))
	if l, c := p.Position("contacts[0].owner"); l != 11 || c != 1 {
		t.Errorf("owner at %d:%d, want 11:1", l, c)
	}
	if l, _ := p.Position("contacts[0].next_step"); l != 6 {
		t.Errorf("missing key at line %d, want its table's 6", l)
	}
}

func TestLineIndexBOM(t *testing.T) {
	_, ds := load(t, "", "\ufeff"+header+"status = \"x\"\n")
	diffLines(t, messages(ds, false), []string{`/ws/p.toml:6:1: plan.status: "x" is not one of draft, review, approved`})
}

// Every key and element the TOML library decodes from the samples has a position.
func TestLineIndexCoversSamples(t *testing.T) {
	files, _ := filepath.Glob("../../samples/*/*.toml")
	files = append(files, "../../samples/kep.toml", "../testdata/ws/accounts/full.toml", "../testdata/ws/kep.toml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		d, ds := decodeRaw(f, src)
		if d == nil {
			t.Fatal(ds)
		}
		var visit func(v any, path string)
		visit = func(v any, path string) {
			if path != "" {
				if _, ok := d.idx.get()[path]; !ok {
					t.Errorf("%s: %s not in the line index", f, path)
				}
			}
			switch x := v.(type) {
			case map[string]any:
				for k, e := range x {
					visit(e, joinKey(path, k))
				}
			case []map[string]any:
				for i, e := range x {
					visit(e, IndexPath(path, i))
				}
			case []any:
				for i, e := range x {
					visit(e, IndexPath(path, i))
				}
			}
		}
		visit(d.raw, "")
	}
}

func BenchmarkLineIndex(b *testing.B) {
	src, err := os.ReadFile("../../samples/accounts/hansa.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		buildLineIndex(src)
	}
}
