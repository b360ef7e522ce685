package htmldoc

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/kepdev/kep/plan/check"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/pdfdoc"
	"github.com/kepdev/kep/render/rendertest"
)

// markdownRef renders Markdown as the page did before it shared the tree with the PDF
// writer: a tree of its own, parsed and cleaned, with the heading levels, the bare
// links' class and the cells' alignment set in it, rendered by goldmark's renderer.
// mdNodes must write the same.
func markdownRef(src string, h int) (string, error) {
	p := &page{}
	source := []byte(src)
	md := render.MarkdownParser()
	doc := md.Parser().Parse(text.NewReader(source))
	render.CleanMarkdown(doc, source)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = h
		case *ast.AutoLink:
			n.SetAttributeString("class", []byte("bare"))
		case *east.TableCell:
			switch n.Alignment {
			case east.AlignRight:
				n.SetAttributeString("class", []byte("al-right"))
			case east.AlignCenter:
				n.SetAttributeString("class", []byte("al-center"))
			}
			n.Alignment = east.AlignNone
		}
		return ast.WalkContinue, nil
	})
	err := md.Renderer().Render(p, source, doc)
	return string(p.buf), err
}

func checkMarkdown(t *testing.T, src string, h int) {
	t.Helper()
	got, err := markdownHTML(src, h)
	want, errRef := markdownRef(src, h)
	if got != want || (err == nil) != (errRef == nil) {
		t.Fatalf("Markdown %q at level %d:\n got %q (%v)\nwant %q (%v)", src, h, got, err, want, errRef)
	}
}

// TestMarkdownAsReference: the samples' and the hostile Markdown, the Markdown of the
// repository's documentation and 20,000 random documents of Markdown's pieces render
// as the reference does, at every heading level.
func TestMarkdownAsReference(t *testing.T) {
	var srcs []string
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		var walk func(ss []*render.Section)
		walk = func(ss []*render.Section) {
			for _, s := range ss {
				for _, b := range s.Blocks {
					if m, ok := b.(*render.Markdown); ok {
						srcs = append(srcs, m.Source)
					}
				}
				walk(s.Sections)
			}
		}
		walk(d.Sections)
	}
	if len(srcs) < 10 {
		t.Fatalf("only %d Markdown blocks in the samples", len(srcs))
	}
	docs, _ := filepath.Glob("../../docs/*.md")
	for _, f := range append(docs, "../../README.md") {
		if b, err := os.ReadFile(f); err == nil {
			srcs = append(srcs, string(b))
		}
	}
	srcs = append(srcs, rendertest.HostileMarkdown, "| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n| x |", "# a\n## b\nc\n===\n> # d",
		"<https://example.com/a?b=1&c=2> <mail@example.com> <MAILTO:x@y.z> <javascript:alert(1)>")
	for _, src := range srcs {
		for h := 1; h <= 6; h++ {
			checkMarkdown(t, src, h)
		}
	}
	pieces := []string{"# ", "## ", "###### ", "\n", "\n\n", "> ", "- ", "1. ", "* ", "  ", "`", "```\n", "*", "**", "_", "~~",
		"| a | b |\n", "|---|---|\n", "|:--|--:|\n", "|:-:|:--|\n", "| ", " |", "<https://example.com/x>", "<a@b.de>", "<mailto:a@b.de>",
		"[l](https://x.de)", "[l](javascript:x)", "![i](https://x.de/i.png)", "<b>", "</b>", "<!-- c -->", "&amp;", "&#x26;",
		"Wort", "Straße", "\\|", "\\", "===", "---", "\t", "www.example.com", "😀", "\x00", "\xff"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkMarkdown(t, b.String(), 1+rng.IntN(6))
	}
}

func FuzzMarkdownAsReference(f *testing.F) {
	f.Add(rendertest.HostileMarkdown, 3)
	f.Add("| a |\n|--:|\n| <x@y.de> |\n\n# t", 6)
	f.Fuzz(func(t *testing.T, src string, h int) {
		checkMarkdown(t, src, 1+(h%6+6)%6)
	})
}

// TestSharedMarkdownSideBySide: the PDF and the HTML writer of one document, run side
// by side as kep render runs them, share its Markdown trees (render.Markdown.Tree) and
// write what each writes alone; with -race (make test) nothing writes a shared tree.
func TestSharedMarkdownSideBySide(t *testing.T) {
	for _, file := range samples(t) {
		p := loadPlan(t, file)
		build := func() *render.Document {
			d, err := render.Build(p, check.Compute(p, testNow), render.Options{Now: testNow, KepVersion: "test"})
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		opt := pdfdoc.Options{Now: testNow, KepVersion: "test"}
		var wantPDF, wantHTML bytes.Buffer
		if _, err := pdfdoc.Write(&wantPDF, build(), opt); err != nil {
			t.Fatal(err)
		}
		if err := Write(&wantHTML, build(), Options{}); err != nil {
			t.Fatal(err)
		}
		d := build()
		var gotPDF, gotHTML bytes.Buffer
		var wg sync.WaitGroup
		var errPDF, errHTML error
		wg.Go(func() { _, errPDF = pdfdoc.Write(&gotPDF, d, opt) })
		wg.Go(func() { errHTML = Write(&gotHTML, d, Options{}) })
		wg.Wait()
		if errPDF != nil || errHTML != nil {
			t.Fatal(errPDF, errHTML)
		}
		if !bytes.Equal(gotPDF.Bytes(), wantPDF.Bytes()) {
			t.Errorf("%s: the PDF written beside the HTML differs from the PDF alone", file)
		}
		if !bytes.Equal(gotHTML.Bytes(), wantHTML.Bytes()) {
			t.Errorf("%s: the HTML written beside the PDF differs: %s", file, firstDiff(wantHTML.String(), gotHTML.String()))
		}
	}
}
