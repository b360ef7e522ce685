package pdfdoc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/kepdev/kep/render"
)

// maxDepth caps the nesting of lists and quotes; deeper content is set as plain text at
// that depth, so a hostile plan can neither exhaust the stack nor indent text off the page.
const maxDepth = 6

// markdown sets Markdown from the plan by walking goldmark's tree, made safe by
// render.ParseMarkdown (no raw HTML, no unsafe links, no images); the tree is the
// document's, shared with the HTML writer, and only read (render.Markdown.Tree).
func (e *engine) markdown(md *render.Markdown, indent float64) {
	doc, src := md.Tree()
	m := mdWriter{e: e, src: src}
	m.blocks(doc, indent, 0)
}

type mdWriter struct {
	e   *engine
	src []byte
}

func (m *mdWriter) blocks(parent ast.Node, indent float64, depth int) {
	e := m.e
	ts := body(ink)
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if depth > maxDepth {
			e.tags.begin("P")
			e.flow(m.plainText(n), ts, indent)
			e.tags.end()
			e.gap(gapLine)
			continue
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			e.tags.begin("P")
			e.flow(m.inlines(n, 0, ""), ts, indent)
			e.tags.end()
			e.gap(gapLine)
		case *ast.TextBlock:
			e.tags.begin("P")
			e.flow(m.inlines(n, 0, ""), ts, indent)
			e.tags.end()
			if n.NextSibling() != nil {
				e.gap(gapItem)
			}
		case *ast.Heading:
			hs := ts
			hs.size = sizeBody // below the document's own headings: bold text, larger for # and ##
			if n.Level <= 2 {
				hs.size = sizeH3
			}
			hs.lead = lead(hs.size, leadHead)
			hs.base = stBold
			hs.color = ink
			e.gap(gapLine)
			e.need(hs.lead + 3*ts.lead) // keep with what follows
			// A heading in a plan's text ranks below the document's own (H3 at most
			// deeper than a chapter's subsection).
			e.tags.begin(headingTag(min(n.Level+1, 5)))
			e.flow(m.inlines(n, 0, ""), hs, indent)
			e.tags.end()
			e.gap(gapItem)
		case *ast.List:
			e.tags.begin("L")
			m.list(n, indent, depth)
			e.tags.end()
			e.gap(gapLine)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			e.tags.begin("P")
			m.code(n, indent)
			e.tags.end()
			e.gap(gapLine)
		case *ast.Blockquote:
			e.tags.begin("BlockQuote")
			m.quote(n, indent, depth)
			e.tags.end()
		case *ast.ThematicBreak:
			e.gap(gapLine)
			e.need(1)
			e.hline(e.left()+indent, e.right(), e.y, rule, 0.3)
			e.gap(gapBlock)
		case *east.Table:
			e.tags.begin("Table")
			m.table(n, indent)
			e.tags.end()
			e.gap(gapBlock)
		case *ast.HTMLBlock:
			// ParseMarkdown turns raw HTML into text; kept as text should that change.
			e.tags.begin("P")
			e.flow([]span{{text: e.san.Clean(m.lines(n))}}, ts, indent)
			e.tags.end()
			e.gap(gapLine)
		default:
			m.blocks(n, indent, depth+1)
		}
	}
}

func (m *mdWriter) list(l *ast.List, indent float64, depth int) {
	e := m.e
	ts := body(ink)
	num := l.Start
	if num == 0 {
		num = 1
	}
	// The marker column fits the widest number of the list.
	markW := 5.0
	if l.IsOrdered() {
		n := num + l.ChildCount()
		markW = max(markW, e.strWidth(strconv.Itoa(n)+". ", 0, ts.size)+1.5)
	}
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		mark := "•"
		if depth%2 == 1 {
			mark = "–"
		}
		mark = e.san.Line(mark)
		if l.IsOrdered() {
			mark = strconv.Itoa(num) + string(l.Marker)
			num++
		}
		mark = e.san.Line(mark)
		e.need(2 * ts.lead)
		ls := e.wrap(plain(mark), ts, markW)
		e.tags.begin("LI")
		if len(ls) > 0 {
			e.tags.begin("Lbl")
			e.drawLine(ls[0], e.left()+indent, e.y, markW-1.5, textStyle{size: ts.size, lead: ts.lead, color: e.primary, align: 'R'})
			e.tags.end()
		}
		e.tags.begin("LBody")
		m.blocks(it, indent+markW, depth+1)
		e.tags.end()
		e.tags.end()
	}
}

func (m *mdWriter) code(n ast.Node, indent float64) {
	e := m.e
	ts := textStyle{size: sizeSmall, lead: lead(sizeSmall, leadText), color: ink, base: stMono, align: 'L'}
	text := strings.TrimRight(m.lines(n), "\n")
	text = strings.ReplaceAll(text, "\t", "    ")
	x := e.left() + indent
	w := e.width() - indent
	for _, src := range strings.Split(text, "\n") {
		// Spaces of code are kept as no-break spaces: they indent and never wrap.
		clean := e.san.Line(src)
		if e.fonts.mono.cov.has('\u00a0') {
			clean = strings.ReplaceAll(clean, " ", "\u00a0")
		}
		for _, l := range e.wrap(plain(clean), ts, w-4) {
			e.need(ts.lead)
			e.rect(x, e.y, w, ts.lead, codeBack)
			e.drawLine(l, x+2, e.y, w-4, textStyle{size: ts.size, lead: ts.lead, color: ink, align: 'L'})
			e.y += ts.lead
		}
	}
}

// quote sets a block quote indented, muted, with a bar in the accent colour beside each
// page's part of it.
func (m *mdWriter) quote(n ast.Node, indent float64, depth int) {
	e := m.e
	page, y0 := e.pdf.PageNo(), e.y
	bar := func(to float64) {
		if to > y0 {
			e.tags.artifact(func() { e.rect(e.left()+indent, y0, 0.8, to-y0-1.5, e.accent) })
		}
	}
	prev := e.onNewPage
	e.onNewPage = func() {
		// The bar of the page just finished, then continue on the new one.
		cur := e.pdf.PageNo()
		e.pdf.SetPage(cur - 1)
		e.invalidate()
		bar(e.bottom() + 1.5)
		e.pdf.SetPage(cur)
		e.invalidate()
		y0 = e.y
		if prev != nil {
			prev()
		}
	}
	m.blocks(n, indent+5, depth+1)
	e.onNewPage = prev
	if e.pdf.PageNo() == page || e.y > y0 {
		bar(e.y)
	}
}

func (m *mdWriter) table(t *east.Table, indent float64) {
	spec := &tableSpec{size: sizeSmall, indent: indent}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignRight:
			spec.align = append(spec.align, 'R')
		case east.AlignCenter:
			spec.align = append(spec.align, 'C')
		default:
			spec.align = append(spec.align, 'L')
		}
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []tcell
		var head []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			spans := m.inlines(c, 0, "")
			if _, ok := r.(*east.TableHeader); ok {
				var b strings.Builder
				for _, s := range spans {
					b.WriteString(s.text)
				}
				head = append(head, strings.ReplaceAll(b.String(), "\n", " "))
				continue
			}
			cells = append(cells, tcell{spans: spans})
		}
		if _, ok := r.(*east.TableHeader); ok {
			spec.header = head
		} else {
			spec.rows = append(spec.rows, cells)
		}
	}
	m.e.table(spec)
}

// inlines collects the clean spans of n's inline children.
func (m *mdWriter) inlines(n ast.Node, st style, url string) []span {
	var out []span
	add := func(s string, st style, url string) {
		if s = m.e.san.Clean(s); s != "" {
			out = append(out, span{text: s, st: st, url: url})
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(m.src)
			if !c.IsRaw() {
				v = decode(v)
			}
			add(string(v), st, url)
			switch {
			case c.HardLineBreak():
				add("\n", st, url)
			case c.SoftLineBreak():
				add(" ", st, url)
			}
		case *ast.String:
			add(string(c.Value), st, url)
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(m.src))
				}
			}
			add(strings.ReplaceAll(b.String(), "\n", " "), st|stMono, url)
		case *ast.Emphasis:
			s := st | stItalic
			if c.Level >= 2 {
				s = st | stBold
			}
			out = append(out, m.inlines(c, s, url)...)
		case *east.Strikethrough:
			out = append(out, m.inlines(c, st|stStrike, url)...)
		case *ast.Link:
			dest := string(decode(c.Destination))
			u := url
			if render.SafeURL(string(c.Destination)) {
				u = pdfURI(dest)
			}
			out = append(out, m.inlines(c, st, u)...)
		case *ast.AutoLink:
			label := string(c.Label(m.src))
			u := url
			if dest := string(c.URL(m.src)); render.SafeURL(dest) {
				u = pdfURI(dest)
			}
			add(label, st, u)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				add(string(seg.Value(m.src)), st, url)
			}
		default:
			out = append(out, m.inlines(c, st, url)...)
		}
	}
	return out
}

// plainText is the text of a subtree as one span, for content nested too deep.
func (m *mdWriter) plainText(n ast.Node) []span {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(decode(c.Segment.Value(m.src)))
			b.WriteByte(' ')
		case *ast.String:
			b.Write(c.Value)
			b.WriteByte(' ')
		}
		if c.Type() == ast.TypeBlock && c.HasBlankPreviousLines() {
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	return []span{{text: m.e.san.Line(strings.Join(strings.Fields(b.String()), " "))}}
}

// lines joins the source lines of a block (code, raw HTML).
func (m *mdWriter) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(m.src))
	}
	return b.String()
}

// decode resolves backslash escapes and entity references: the tree holds raw source.
func decode(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// pdfURI percent-encodes what a PDF URI string must not hold (it is 7-bit ASCII).
func pdfURI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || c == '(' || c == ')' || c == '\\' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
