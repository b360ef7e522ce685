package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// Injection: every text and Markdown field of a plan (found through `kep schema`, so
// that a key added later is covered without touching this test) and every name in the
// workspace file carry markup, script, unsafe links, CSS and template breakers. The HTML
// of kep render, of the change report (kep diff -f html) and of kep portfolio is parsed
// with golang.org/x/net/html: every element and attribute in it must also occur in the
// same document made from harmless text, no attribute is an event handler, no link or
// source runs script, and style elements hold plan text only escaped.

// injectMarker is in every hostile text; it may appear in the document only as text.
const injectMarker = "PWNED"

// hostileText is one line: tags, attribute breakouts, SVG, the end of a style element
// and of CDATA, a Go template action, an HTML comment and an entity.
const hostileText = `<script>alert("` + injectMarker + `")</script>"><img src=x onerror=alert(1)>` +
	`<svg onload=alert(1)></style>]]>{{.}}{{template "x"}}' onmouseover='alert(1)' <!-- x --> &lt;b&gt; ` + injectMarker

// hostileMarkdown holds raw HTML blocks and inline HTML, links to javascript: and data:
// in several spellings, an autolink, an image, and a table with HTML in a cell.
const hostileMarkdown = "# Überschrift <script>alert(1)</script> " + injectMarker + "\n\n" +
	"[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:alert(1)) [d](&#106;avascript:alert(1)) " +
	"[e](data:text/html;base64,PHNjcmlwdD4=) [f](vbscript:x) [g](https://example.com/?a=1&b=2 \"t\\\" onclick=\\\"x\") " +
	"<javascript:alert(1)> ![i](javascript:alert(1)) [h](https://example.com/\"onmouseover=\"alert(1))\n\n" +
	"<svg onload=alert(1)>\n\n<div onclick=\"alert(1)\">raw</div>\n\n</style> ]]> {{.}} <img src=x onerror=alert(1)> " + injectMarker + "\n\n" +
	"| a | b |\n|:--|--:|\n| <b onclick=x>x</b> | <a href=\"javascript:alert(1)\">y</a> |\n\n- item <iframe src=x>\n\n> quote <style>body{display:none}</style>\n"

// harmlessMarkdown has the shape of hostileMarkdown with harmless text: the same
// headings, links, tables and lists, so that it makes every element the hostile one may.
const harmlessMarkdown = "# Überschrift eins\n\n" +
	"[a](https://example.com/a) [b](https://example.com/b) [c](mailto:a@example.com) [d](https://example.com/d) " +
	"[e](https://example.com/e) [f](https://example.com/f) [g](https://example.com/?a=1&b=2 \"t\") " +
	"<https://example.com/auto> ![i](https://example.com/i.png) [h](https://example.com/h)\n\n" +
	"svg\n\nraw\n\nstyle cdata template\n\n" +
	"| a | b |\n|:--|--:|\n| x | y |\n\n- item\n\n> quote\n"

// textKeys lists the key paths of a plan's text, text-list and Markdown fields from the
// JSON schema: "plan.account", "offering.packages[].components[]" → "text" or "markdown".
func textKeys(t *testing.T) map[string]string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"schema"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("kep schema: exit %d: %s", code, stderr.String())
	}
	var schema map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &schema); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	var walk func(node map[string]any, path string)
	walk = func(node map[string]any, path string) {
		switch node["type"] {
		case "object":
			props, _ := node["properties"].(map[string]any)
			for k, v := range props {
				if m, ok := v.(map[string]any); ok {
					walk(m, strings.TrimPrefix(path+"."+k, "."))
				}
			}
		case "array":
			if m, ok := node["items"].(map[string]any); ok {
				walk(m, path+"[]")
			}
		case "string":
			_, enum := node["enum"]
			_, format := node["format"]
			pattern, _ := node["pattern"].(string)
			switch {
			case enum || format || strings.HasPrefix(path, "brand."):
				// enums, dates, and brand paths and colours are checked, not shown
			case pattern == "":
				keys[path] = "markdown"
			case strings.HasPrefix(pattern, `^[^\n\r]*`):
				keys[path] = "text"
			}
		}
	}
	walk(schema, "")
	if len(keys) < 40 {
		t.Fatalf("only %d text keys found in the schema: %v", len(keys), keys)
	}
	return keys
}

// fill replaces the value of every text key in a decoded TOML tree, counting the keys it
// met.
func fill(v any, path string, keys map[string]string, text func(path, kind string) string, seen map[string]bool) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = fill(e, strings.TrimPrefix(path+"."+k, "."), keys, text, seen)
		}
	case []map[string]any:
		for i := range x {
			fill(x[i], path+"[]", keys, text, seen)
		}
	case []any:
		for i := range x {
			x[i] = fill(x[i], path+"[]", keys, text, seen)
		}
	case string:
		if kind, ok := keys[path]; ok {
			seen[path] = true
			return text(path, kind)
		}
	}
	return v
}

// variant writes a workspace (the samples' kep.toml, logo and hansa.toml) whose every
// text is made by text, and returns its folder. Keys the sample plan leaves out are
// added, so that each text key of the schema is present.
func variant(t *testing.T, keys map[string]string, text func(path, kind string) string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../samples")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "accounts", "hansa.toml")
	var p map[string]any
	if _, err := toml.DecodeFile(plan, &p); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fill(p, "", keys, text, seen)
	// Keys hansa.toml does not use, set where they may stand.
	brand, _ := p["brand"].(map[string]any)
	if brand == nil {
		brand = map[string]any{}
		p["brand"] = brand
	}
	brand["company"], brand["footer"] = text("brand.company", "text"), text("brand.footer", "text")
	seen["brand.company"], seen["brand.footer"] = true, true
	// An accepted warning (A7) on a block warning the variant may or may not have: its
	// texts reach the appendix, or the message about an entry that accepts nothing.
	p["accepted"] = []map[string]any{{"warning": text("accepted[].warning", "text"), "reason": text("accepted[].reason", "text")}}
	seen["accepted[].warning"], seen["accepted[].reason"] = true, true
	acc := p["account"].(map[string]any)
	acc["website"] = `https://example.com/"><script>alert(1)</script>?q=<svg/onload=alert(1)>&` + injectMarker
	var missing []string
	for k := range keys {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("the sample plan has no value for %v: add them to the sample or to this test", missing)
	}
	writeTOML(t, plan, p)

	// The workspace's names and brand texts appear in documents too.
	ws := filepath.Join(dir, "kep.toml")
	var w map[string]any
	if _, err := toml.DecodeFile(ws, &w); err != nil {
		t.Fatal(err)
	}
	wsKeys := map[string]string{"brand.company": "text", "brand.footer": "text", "scoring.attractiveness[].name": "text",
		"scoring.position[].name": "text", "costs.items[].name": "text"}
	wsSeen := map[string]bool{}
	fill(w, "", wsKeys, text, wsSeen)
	// A territory's name (A2) reaches block 1's visit-needs tables: the territories then
	// count the customers, and the class rows keep only the norms.
	if vs, ok := w["visits"].(map[string]any); ok {
		if rows, ok := vs["classes"].([]map[string]any); ok {
			for _, r := range rows {
				delete(r, "customers")
				delete(r, "prospects")
				delete(r, "minor_prospects")
			}
		}
		vs["territories"] = []map[string]any{{"name": text("visits.territories[].name", "text"),
			"classes": []map[string]any{{"class": "A", "customers": 12, "prospects": 4}}}}
		wsKeys["visits.territories[].name"], wsSeen["visits.territories[].name"] = "text", true
	}
	if len(wsSeen) != len(wsKeys) {
		t.Fatalf("the sample workspace has values for %v only, want %v", wsSeen, wsKeys)
	}
	writeTOML(t, ws, w)
	return dir
}

func writeTOML(t *testing.T, name string, v any) {
	t.Helper()
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, b.Bytes())
}

func hostile(path, kind string) string {
	if kind == "markdown" {
		return hostileMarkdown
	}
	return hostileText + " " + path
}

func harmless(path, kind string) string {
	if kind == "markdown" {
		return harmlessMarkdown
	}
	return "Harmloser Text für " + path
}

func harmless2(path, kind string) string {
	if kind == "markdown" {
		return strings.ReplaceAll(harmlessMarkdown, "eins", "zwei")
	}
	return "Anderer harmloser Text für " + path
}

// htmlShape is what a document's markup is made of: element names, and attribute names
// per element ("a@href").
type htmlShape map[string]bool

// inspect parses an HTML document, returns its shape, and reports markup that could
// only have come from the plan: event handlers, script in links or sources, the marker
// inside a style or script element, elements that run or embed content.
func inspect(t *testing.T, what string, doc []byte) htmlShape {
	t.Helper()
	shape := parseShape(t, what, doc, func(n *html.Node) {
		switch n.Data {
		case "iframe", "object", "embed", "foreignObject", "form", "base", "link":
			t.Errorf("%s: element <%s>", what, n.Data)
		case "script":
			// Documents have none (the shapes tell); kep serve's page has its own.
			if c := n.FirstChild; c != nil && (strings.Contains(c.Data, injectMarker) || strings.Contains(c.Data, "alert(")) {
				t.Errorf("%s: plan text inside <script>: %.200q", what, c.Data)
			}
		case "style":
			// Plan text may stand in the CSS only escaped (the print footer's content
			// string): no raw markup, call or template action of the hostile text.
			if c := n.FirstChild; c != nil {
				if m := regexp.MustCompile(`url\(\s*['"]?([^'")\s]*)`).FindAllStringSubmatch(c.Data, -1); m != nil {
					for _, u := range m {
						if !strings.HasPrefix(u[1], "data:") && !strings.HasPrefix(u[1], "#") {
							t.Errorf("%s: CSS fetches %q", what, u[1])
						}
					}
				}
				for _, raw := range []string{"<", "alert(", "{{", "]]>"} {
					if i := strings.Index(c.Data, raw); i >= 0 {
						t.Errorf("%s: %q inside <style>: %q", what, raw, c.Data[max(0, i-100):min(len(c.Data), i+100)])
					}
				}
			}
		}
		for _, a := range n.Attr {
			key := attrKey(a)
			val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("%s: event handler <%s %s=%q>", what, n.Data, a.Key, a.Val)
			case key == "href" || key == "src" || key == "xlink:href" || key == "action" || key == "formaction":
				if strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") ||
					(strings.HasPrefix(val, "data:") && !strings.HasPrefix(val, "data:image/png;") && !strings.HasPrefix(val, "data:image/jpeg;")) {
					t.Errorf("%s: unsafe link <%s %s=%.80q>", what, n.Data, a.Key, a.Val)
				}
				// A document fetches nothing: only links (<a>) may point elsewhere.
				if n.Data != "a" && !strings.HasPrefix(val, "data:") && !strings.HasPrefix(val, "#") {
					t.Errorf("%s: external resource <%s %s=%.80q>", what, n.Data, a.Key, a.Val)
				}
			case key == "srcset" || key == "poster" || key == "background":
				t.Errorf("%s: <%s %s=%.80q>", what, n.Data, a.Key, a.Val)
			case key == "style" && strings.Contains(a.Val, injectMarker):
				t.Errorf("%s: plan text in a style attribute: %.200q", what, a.Val)
			}
		}
	})
	if !bytes.Contains(doc, []byte(injectMarker)) {
		t.Errorf("%s: the hostile text does not appear at all (was it dropped?)", what)
	}
	return shape
}

// shapeOf parses a harmless document and returns its shape.
func shapeOf(t *testing.T, what string, doc []byte) htmlShape {
	t.Helper()
	return parseShape(t, what, doc, nil)
}

// parseShape parses an HTML document and returns its shape; check, when not nil, sees
// every element on the way.
func parseShape(t *testing.T, what string, doc []byte, check func(*html.Node)) htmlShape {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	shape := htmlShape{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			shape[n.Data] = true
			for _, a := range n.Attr {
				shape[n.Data+"@"+attrKey(a)] = true
			}
			if check != nil {
				check(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return shape
}

// attrKey is an attribute's name as the shape records it, lower case, with its namespace.
func attrKey(a html.Attribute) string {
	key := strings.ToLower(a.Key)
	if a.Namespace != "" {
		key = a.Namespace + ":" + key
	}
	return key
}

// compareShapes reports every element or attribute of the hostile document that the
// harmless one lacks: it can only have come from the plan.
func compareShapes(t *testing.T, what string, hostile, harmless htmlShape) {
	t.Helper()
	var extra []string
	for k := range hostile {
		if !harmless[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("%s: markup from the plan: %v", what, extra)
	}
}

// renderHTML runs kep with args (the output folder is dir/out) and returns the file
// named out.
func renderHTML(t *testing.T, dir, out string, args ...string) []byte {
	t.Helper()
	code, _, stderr := runKep(dir, args...)
	if code != exitOK {
		t.Fatalf("kep %s: exit %d:\n%s", strings.Join(args, " "), code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out", out))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestInjectionHTML(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	keys := textKeys(t)
	bad := variant(t, keys, hostile)
	good := variant(t, keys, harmless)
	good2 := variant(t, keys, harmless2)
	// The old version of the change report: harmless text, so that every field changes.
	writeFile(t, filepath.Join(bad, "old.toml"), mustRead(t, filepath.Join(good2, "accounts", "hansa.toml")))
	writeFile(t, filepath.Join(good, "old.toml"), mustRead(t, filepath.Join(good2, "accounts", "hansa.toml")))

	for _, c := range []struct {
		what string
		out  string
		args func(dir string) []string
	}{
		{"kep render", "hansa.html", func(dir string) []string {
			return []string{"render", "-f", "html", "-o", filepath.Join(dir, "out"), filepath.Join(dir, "accounts", "hansa.toml")}
		}},
		{"kep diff -f html", "hansa-changes.html", func(dir string) []string {
			return []string{"diff", "-f", "html", "-o", filepath.Join(dir, "out"), filepath.Join(dir, "old.toml"), filepath.Join(dir, "accounts", "hansa.toml")}
		}},
		{"kep portfolio", "portfolio.html", func(dir string) []string {
			return []string{"portfolio", "-f", "html", "-o", filepath.Join(dir, "out"), filepath.Join(dir, "accounts", "hansa.toml"), filepath.Join(dir, "accounts", "brightwater.toml")}
		}},
	} {
		t.Run(strings.ReplaceAll(c.what, " ", "_"), func(t *testing.T) {
			h := inspect(t, c.what, renderHTML(t, bad, c.out, c.args(bad)...))
			ref := shapeOf(t, c.what, renderHTML(t, good, c.out, c.args(good)...))
			compareShapes(t, c.what, h, ref)
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestInjectionServeProblemPage: kep serve shows a plan's errors in the page, and the
// messages quote what the plan says (unknown keys, wrong values). The page must show them
// as text: compared with the page of a harmless broken plan, no markup is added.
func TestInjectionServeProblemPage(t *testing.T) {
	page := func(key, value string) []byte {
		dir := planDir(t, map[string]string{"a.toml": fmt.Sprintf(minimalPlan, "Konto") +
			fmt.Sprintf("%q = 1\nstatus = %q\n", key, value)})
		_, ts := newTestPreview(t, filepath.Join(dir, "a.toml"))
		resp, body := get(t, ts.URL+"/plan/1")
		if resp.StatusCode >= 500 {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if !strings.Contains(body, "unknown key") || !strings.Contains(body, "is not one of") {
			t.Fatalf("the page does not show both errors:\n%s", body)
		}
		return []byte(body)
	}
	bad := inspect(t, "kep serve problem page", page(hostileText, hostileText))
	good := shapeOf(t, "kep serve problem page", page("harmless", "harmless"))
	compareShapes(t, "kep serve problem page", bad, good)
}

// TestInjectionServePage: the live preview of a hostile plan (the document with the
// preview's own reload script) holds no markup from the plan either.
func TestInjectionServePage(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	keys := textKeys(t)
	page := func(dir string) []byte {
		_, ts := newTestPreview(t, filepath.Join(dir, "accounts", "hansa.toml"))
		resp, body := get(t, ts.URL+"/plan/1")
		if resp.StatusCode != 200 {
			t.Fatalf("status %d:\n%.500s", resp.StatusCode, body)
		}
		return []byte(body)
	}
	bad := inspect(t, "kep serve page", page(variant(t, keys, hostile)))
	good := shapeOf(t, "kep serve page", page(variant(t, keys, harmless)))
	compareShapes(t, "kep serve page", bad, good)
}
