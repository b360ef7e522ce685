package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// libraryRaw is the generic map the library makes of src (decodeRaw's way), or ok false.
func libraryRaw(src []byte) (map[string]any, bool) {
	var root toml.Primitive
	md, err := toml.Decode(string(src), &root)
	if err != nil {
		return nil, false
	}
	var raw any
	if md.PrimitiveDecode(root, &raw) != nil {
		return nil, false
	}
	m, _ := raw.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	return m, true
}

// sameAsLibrary fails when fastParse takes src but the library does not, or makes other
// values (dates compared with their zone, the library's own).
func sameAsLibrary(t *testing.T, name string, src []byte) (taken bool) {
	t.Helper()
	got, ok := fastParse(src)
	if !ok {
		return false
	}
	want, lok := libraryRaw(src)
	if !lok {
		t.Errorf("%s: fastParse takes what the library refuses:\n%s", name, src)
		return true
	}
	if !reflect.DeepEqual(got, want) || !sameZones(got, want) {
		t.Errorf("%s: fastParse and the library differ\n got %#v\nwant %#v", name, got, want)
	}
	return true
}

func sameZones(a, b any) bool {
	switch x := a.(type) {
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Location() == y.Location()
	case map[string]any:
		y := b.(map[string]any)
		for k, v := range x {
			if !sameZones(v, y[k]) {
				return false
			}
		}
	case []any:
		for i, v := range x {
			if !sameZones(v, b.([]any)[i]) {
				return false
			}
		}
	case []map[string]any:
		for i, v := range x {
			if !sameZones(v, b.([]map[string]any)[i]) {
				return false
			}
		}
	}
	return true
}

// TestFastParseAsLibrary: every plan and workspace file of the repository and every file
// of the toml-test suite that fastParse takes, the library takes with the same values;
// the repository's plans are all taken (they are what it is for).
func TestFastParseAsLibrary(t *testing.T) {
	for name, src := range tomlTestFiles(t) {
		sameAsLibrary(t, name, src)
	}
	n := 0
	_ = filepath.WalkDir("../..", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() && (e.Name() == ".git" || e.Name() == "third_party") {
			return fs.SkipDir
		}
		if !strings.HasSuffix(path, ".toml") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		if sameAsLibrary(t, path, src) {
			n++
		} else if strings.HasPrefix(path, "../../samples/") {
			t.Errorf("%s: fastParse leaves a sample to the library", path)
		}
		return nil
	})
	if n < 20 {
		t.Errorf("fastParse took only %d of the repository's TOML files", n)
	}
	for _, src := range fastCases {
		sameAsLibrary(t, "case", []byte(src))
	}
}

// fastCases are the corners of fastParse's subset and just beyond it.
var fastCases = []string{
	"a = 1\nb = -2\nc = +3\nd = 1_000\ne = 0\nf = -0\ng = 1.5\nh = -0.0\ni = 1_0.0_1\n",
	"a = 01", "a = 1__0", "a = _1", "a = 1_", "a = 1.", "a = .5", "a = 1e5", "a = 9223372036854775807", "a = 9223372036854775808",
	"a = 2027-01-01\nb = [2027-12-31, 2000-02-29]", "a = 2027-02-30", "a = 2027-1-01", "a = 2027-01-01T10:00:00", "a = 2027-01-01 10:00:00",
	"a = true\nb = false", "a = truex", "a = tru",
	`a = "x\ty\"z\\ \u00e9 \U0001F600 \b\f\n\r"`, `a = "\e"`, `a = "\x41"`, `a = "\ud800"`, `a = "\U00110000"`, `a = "\q"`,
	"a = 'lit\\eral'\nb = ''\nc = \"\"", "a = '''\nx\n'y'\n'''", "a = ''''x''''", "a = '''x'''''",
	"a = \"\"\"\nx\\\n   y\"\"\"", "a = \"\"\"x \\  \n\n  y\"\"\"", "a = \"\"\"x\"\"\"\"", "a = \"\"\"a\"\"b\"\"\"", "a = \"\"\"\r\nx\r\n\"\"\"",
	"a = [1, 2,\n # c\n 3,]\nb = []\nc = [[1], ['x', {y = 1}]]", "a = [1 2]", "a = [1,,2]",
	"a = {x = 1, y = {z = 'q'}}\nb = {}", "a = {x = 1,}", "a = {x = 1\n}", "a = {x.y = 1}", "a = {x = 1, x = 2}",
	"[t]\nx = 1\n[t.u]\ny = 2\n[[t.v]]\nz = 1\n[[t.v]]\nz = 2\n[t.v.w]\nq = 1",
	"[a.b]\n[a]\nc = 1", "[a]\n[a]", "[a]\nb = 1\n[a.b]", "[[a]]\n[a]", "[a]\n[[a]]", "a = 1\n[a]", "a = {}\n[a.b]",
	"a.b = 1\na.c = 2\n[x]\ny.z = 1", "a.b = 1\n[a]", "a = 1\na.b = 2", "[a.b]\n[a]\nb.c = 1",
	"\"quoted key\" = 1\n'lit key' = 2\n[\"q t\".'u']\nv = 1", "\"\" = 1", "a = 1 # comment\n# only\n\n  [ t . u ]  # c\n",
	"a = 1\r\nb = 2\r\n", "a = 1\rb = 2", "a = \"x\u007f\"", "# \u0001\na = 1", "\ufeffa = 1", "a = \"\xff\"",
	"a = inf", "a = nan", "a = 0x1F", "a = 0o7", "a = 0b1", "a =", "= 1", "a = 1 = 2", "[a", "[[a]", "[]", "a = [",
	"a.\"b\".c = 1", "a . b = 1", "[[a.b]]\n[[a]]", "[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]",
}

// FuzzFastParse: whatever fastParse takes, the library takes with the same values.
func FuzzFastParse(f *testing.F) {
	for _, src := range fastCases {
		f.Add([]byte(src))
	}
	if src, err := os.ReadFile("../../samples/kep.toml"); err == nil {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsLibrary(t, "fuzz", src)
	})
}
