package fpdf

// kep patch: tagged PDF (a structure tree over marked content, link annotations as
// OBJR) and PDF/A-1b (XMP metadata, an sRGB output intent, a file ID, the binary header
// comment, CIDSet, no transparency group). Upstream has none of it. The caller builds
// the tree with StructTreeRoot and StructElem.Add, brackets the content of each element
// with BeginMarkedContent/EndMarkedContent (a page at a time: MCIDs are per page), and
// turns on PDF/A with SetPDFA; enddoc writes the rest.

import (
	"crypto/md5"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// StructElem is an element of the structure tree (ISO 32000-1, 14.7).
type StructElem struct {
	Type  string // a standard structure type: Document, H1, P, Table, TH, Figure, Link, …
	Alt   string // alternate description (Figure), UTF-8
	Lang  string // language when it differs from the document's
	Scope string // TH: "Row", "Column" or "Both", written as /A <</O /Table /Scope …>>
	Keep  bool   // written even without content (an empty table cell)

	parent *StructElem
	kids   []structKid
	obj    int         // object number at output
	pool   *structPool // the tree's, where its elements and their first kids come from
}

// structPool hands out the elements of a tree and room for their first kids from larger
// arrays: a tagged document has an element per table cell, paragraph and link, and
// each was an allocation, its first kid another (kep: ~3,000 and ~3,000 per plan).
type structPool struct {
	elems []StructElem
	kids  []structKid
}

// elem returns a new element.
func (p *structPool) elem() *StructElem {
	if len(p.elems) == 0 {
		p.elems = make([]StructElem, 64)
	}
	e := &p.elems[0]
	p.elems = p.elems[1:]
	return e
}

// addKid appends k to e's kids, the first into room from the pool (most elements have
// one: a cell's, a paragraph's content).
func (e *StructElem) addKid(k structKid) {
	if cap(e.kids) == 0 {
		if e.pool == nil {
			e.pool = &structPool{}
		}
		p := e.pool
		if len(p.kids) == 0 {
			p.kids = make([]structKid, 128)
		}
		e.kids, p.kids = p.kids[:0:1], p.kids[1:]
	}
	e.kids = append(e.kids, k)
}

// structKid is a child element, a marked-content sequence (page, mcid) or, with
// annot > 0, the link annotation annot-1 of page.
type structKid struct {
	elem        *StructElem
	page, mcid  int
	annot       int
	annotParent int // the annotation's key in the parent tree, set at output
}

// Add appends a child element of type typ and returns it.
func (e *StructElem) Add(typ string) *StructElem {
	if e.pool == nil {
		e.pool = &structPool{}
	}
	c := e.pool.elem()
	c.Type, c.parent, c.pool = typ, e, e.pool
	e.addKid(structKid{elem: c})
	return c
}

// Parent returns the element's parent, nil for the root.
func (e *StructElem) Parent() *StructElem { return e.parent }

// openMC is a marked-content sequence begun on a page and not yet ended.
type openMC struct {
	page, start, after int // page; buffer length before and after its BDC/BMC
	elem               *StructElem
	mcid               int
}

// tagState is the tagging and PDF/A state of a document.
type tagState struct {
	root         *StructElem
	nextMCID     map[int]int // per page
	open         []openMC
	pdfa         bool
	icc          []byte // the output intent's profile (PDF/A)
	iccName      string
	displayTitle bool
	// At output: page object numbers and, per page, the object numbers of its link
	// annotations.
	pageObj  []int
	annotObj map[int][]int
	annotKey map[int][]int // parent-tree key of each link annotation, -1 when untagged
}

func (f *Fpdf) tagging() *tagState {
	if f.tags == nil {
		f.tags = &tagState{nextMCID: map[int]int{}}
	}
	return f.tags
}

// StructTreeRoot returns the document's root structure element (type Document) and so
// makes the document a tagged PDF: /StructTreeRoot and /MarkInfo <</Marked true>>.
func (f *Fpdf) StructTreeRoot() *StructElem {
	t := f.tagging()
	if t.root == nil {
		t.root = &StructElem{Type: "Document"}
	}
	return t.root
}

// BeginMarkedContent starts the next piece of e's content on the current page; it ends
// with EndMarkedContent on the same page. Sequences do not nest in kep's use: end one
// before beginning another.
func (f *Fpdf) BeginMarkedContent(e *StructElem) {
	if f.page < 1 || f.state != 2 || e == nil {
		return
	}
	t := f.tagging()
	buf := f.pages[f.page]
	start := buf.Len()
	mcid := t.nextMCID[f.page]
	t.nextMCID[f.page] = mcid + 1
	// "/%s <</MCID %d>> BDC" without fmt (a table cell each)
	b := append(append(append(f.fmt.buf[:0], '/'), e.Type...), " <</MCID "...)
	b = append(strconv.AppendInt(b, int64(mcid), 10), ">> BDC\n"...)
	buf.Write(b)
	f.fmt.buf = b[:0]
	e.addKid(structKid{page: f.page, mcid: mcid})
	t.open = append(t.open, openMC{page: f.page, start: start, after: buf.Len(), elem: e, mcid: mcid})
}

// BeginArtifact starts content that is not part of the document's logical content
// (running heads, page numbers, decoration); it ends with EndMarkedContent.
func (f *Fpdf) BeginArtifact() {
	if f.page < 1 || f.state != 2 {
		return
	}
	t := f.tagging()
	buf := f.pages[f.page]
	start := buf.Len()
	f.out("/Artifact BMC")
	t.open = append(t.open, openMC{page: f.page, start: start, after: buf.Len(), mcid: -1})
}

// EndMarkedContent ends the sequence begun last. A sequence with nothing in it is taken
// out again, so callers may switch sequences freely.
func (f *Fpdf) EndMarkedContent() {
	t := f.tags
	if t == nil || len(t.open) == 0 {
		return
	}
	o := t.open[len(t.open)-1]
	t.open = t.open[:len(t.open)-1]
	if o.page < 1 || o.page >= len(f.pages) {
		return
	}
	buf := f.pages[o.page]
	if buf.Len() == o.after {
		buf.Truncate(o.start)
		if o.elem != nil {
			// The reference is not always the element's last kid: an element begun
			// inside this one closed the sequence.
			for i := len(o.elem.kids) - 1; i >= 0; i-- {
				if k := o.elem.kids[i]; k.elem == nil && k.annot == 0 && k.page == o.page && k.mcid == o.mcid {
					o.elem.kids = append(o.elem.kids[:i], o.elem.kids[i+1:]...)
					// The MCID is given again only when it was the last given out.
					if t.nextMCID[o.page] == o.mcid+1 {
						t.nextMCID[o.page] = o.mcid
					}
					break
				}
			}
		}
		return
	}
	if o.page != f.page {
		f.err = fmt.Errorf("marked content begun on page %d ended on page %d", o.page, f.page)
		return
	}
	f.out("EMC")
}

// AddLinkToStruct makes the link annotation added last on the current page a child of
// e (an OBJR), so that the link is part of the structure.
func (f *Fpdf) AddLinkToStruct(e *StructElem) {
	n := len(f.pageLinks[f.page])
	if e == nil || n == 0 {
		return
	}
	e.addKid(structKid{page: f.page, annot: n})
}

// SetPDFA makes the document PDF/A-1b: version 1.4 with a binary header comment, XMP
// metadata from the document information, the ICC profile icc (an RGB profile of ICC
// version 2) as output intent named name, no transparency group on the pages, and
// CIDSet streams for the subset fonts. The caller keeps the content free of
// transparency (SetAlpha below 1, soft masks) and of unembedded fonts.
func (f *Fpdf) SetPDFA(icc []byte, name string) {
	t := f.tagging()
	t.pdfa = true
	t.icc = icc
	t.iccName = name
}

// SetDisplayDocTitle asks viewers to show the title, not the file name
// (/ViewerPreferences <</DisplayDocTitle true>>).
func (f *Fpdf) SetDisplayDocTitle(on bool) { f.tagging().displayTitle = on }

func (f *Fpdf) pdfa() bool { return f.tags != nil && f.tags.pdfa }

// annotNumbers numbers the link annotations of every page as objects from first on, in
// page order (page dictionaries name them before they are written), and gives each
// link in the structure tree its key in the parent tree.
func (f *Fpdf) annotNumbers(first, nb int) {
	t := f.tagging()
	t.annotObj = map[int][]int{}
	t.annotKey = map[int][]int{}
	n := first
	key := nb // parent-tree keys 0..nb-1 are the pages'
	for p := 1; p <= nb; p++ {
		links := f.pageLinks[p]
		if len(links) == 0 {
			continue
		}
		objs := make([]int, len(links))
		keys := make([]int, len(links))
		for i := range links {
			objs[i] = n
			keys[i] = -1
			n++
		}
		t.annotObj[p], t.annotKey[p] = objs, keys
	}
	// Keys in the order of the tree, which is the order a reader meets the links.
	var walk func(e *StructElem)
	walk = func(e *StructElem) {
		for i, k := range e.kids {
			switch {
			case k.elem != nil:
				walk(k.elem)
			case k.annot > 0 && k.annot <= len(t.annotKey[k.page]) && t.annotKey[k.page][k.annot-1] < 0:
				t.annotKey[k.page][k.annot-1] = key
				e.kids[i].annotParent = key
				key++
			}
		}
	}
	if t.root != nil {
		walk(t.root)
	}
}

// putLinkAnnot writes link annotation i of page p (numbered by annotNumbers).
func (f *Fpdf) putLinkAnnot(p, i int, hPt float64) {
	t := f.tags
	pl := f.pageLinks[p][i]
	f.newobj()
	var s fmtBuffer
	// /F 4: print. PDF/A asks for it; a link that vanishes when printed helps nobody.
	s.printf("<</Type /Annot /Subtype /Link /F 4 /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] ",
		pl.x, pl.y, pl.x+pl.wd, pl.y-pl.ht)
	if k := t.annotKey[p][i]; k >= 0 {
		s.printf("/StructParent %d ", k)
	}
	if pl.link == 0 {
		s.printf("/A <</S /URI /URI %s>>>>", f.textstring(pl.linkStr))
	} else {
		l := f.links[pl.link]
		h := hPt
		if sz, ok := f.pageSizes[l.page]; ok {
			h = sz.Ht
		}
		s.printf("/Dest [%d 0 R /XYZ 0 %.2f null]>>", t.pageObj[l.page], h-l.y*f.k)
	}
	f.out(s.String())
	f.out("endobj")
}

// prune drops elements without content.
func prune(e *StructElem) bool {
	kids := e.kids[:0]
	for _, k := range e.kids {
		if k.elem != nil && !prune(k.elem) && !k.elem.Keep {
			continue
		}
		kids = append(kids, k)
	}
	e.kids = kids
	return len(kids) > 0
}

// putStructTree writes the structure tree, the parent tree and, for PDF/A, the output
// intent and the XMP metadata; it returns the catalog entries for them.
func (f *Fpdf) putStructTree() string {
	t := f.tags
	if t == nil {
		return ""
	}
	var cat strings.Builder
	if t.root != nil {
		for len(t.open) > 0 {
			f.EndMarkedContent()
		}
		prune(t.root)
		// Number the elements in tree order.
		rootObj := f.n + 1
		n := rootObj
		var number func(e *StructElem)
		number = func(e *StructElem) {
			n++
			e.obj = n
			for _, k := range e.kids {
				if k.elem != nil {
					number(k.elem)
				}
			}
		}
		number(t.root)
		parentTree := n + 1
		// The parent tree: per page, the element of each MCID; per annotation, its element.
		type num struct {
			key int
			val string
		}
		var nums []num
		// perPage[p][mcid] is the element of an MCID, 0 for none: slices made at the
		// size of each page's MCIDs, not maps (a map per page cost a fifth of this
		// function, which runs alone at the end of Output).
		perPage := make([][]int, f.page+1)
		var collect func(e *StructElem)
		collect = func(e *StructElem) {
			for _, k := range e.kids {
				switch {
				case k.elem != nil:
					collect(k.elem)
				case k.annot > 0:
					nums = append(nums, num{k.annotParent, strconv.Itoa(e.obj) + " 0 R"})
				case k.page >= 0: // pages count from 1
					for k.page >= len(perPage) {
						perPage = append(perPage, nil)
					}
					if perPage[k.page] == nil {
						perPage[k.page] = make([]int, t.nextMCID[k.page])
					}
					if k.mcid >= 0 && k.mcid < len(perPage[k.page]) {
						perPage[k.page][k.mcid] = e.obj
					}
				}
			}
		}
		collect(t.root)
		// The objects are written with strconv into one reused buffer (b), not with
		// fmt: thousands of elements, and this part of Output runs alone.
		var b []byte
		for p, m := range perPage {
			if m == nil {
				continue
			}
			b = append(b[:0], '[')
			for _, obj := range m {
				if obj > 0 {
					b = strconv.AppendInt(b, int64(obj), 10)
					b = append(b, " 0 R "...)
				} else {
					b = append(b, "null "...)
				}
			}
			b = append(b, ']')
			nums = append(nums, num{p - 1, string(b)})
		}
		sort.Slice(nums, func(i, j int) bool { return nums[i].key < nums[j].key })

		f.newobj() // rootObj
		next := 0
		if len(nums) > 0 {
			next = nums[len(nums)-1].key + 1
		}
		f.outf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>",
			t.root.obj, parentTree, next)
		f.out("endobj")
		itoa := func(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
		var put func(e *StructElem, parent int)
		put = func(e *StructElem, parent int) {
			f.newobj()
			b = append(b[:0], "<</Type /StructElem /S /"...)
			b = append(b, e.Type...)
			b = append(itoa(append(b, " /P "...), parent), " 0 R"...)
			if e.Alt != "" {
				b = append(append(b, " /Alt "...), f.textstring(utf8toutf16(e.Alt))...)
			}
			if e.Lang != "" {
				b = append(append(b, " /Lang "...), f.textstring(e.Lang)...)
			}
			if e.Scope != "" {
				b = append(append(append(b, " /A <</O /Table /Scope /"...), e.Scope...), ">>"...)
			}
			// The page of the element's first content is its /Pg: its content there
			// is a bare MCID, elsewhere a marked-content reference with its page.
			pg := 0
			for _, k := range e.kids {
				if k.elem == nil && k.annot == 0 {
					pg = k.page
					b = append(itoa(append(b, " /Pg "...), t.pageObj[pg]), " 0 R"...)
					break
				}
			}
			b = append(b, " /K ["...)
			for _, k := range e.kids {
				switch {
				case k.elem != nil:
					b = append(itoa(b, k.elem.obj), " 0 R "...)
				case k.annot > 0:
					b = append(itoa(append(b, "<</Type /OBJR /Pg "...), t.pageObj[k.page]), " 0 R /Obj "...)
					b = append(itoa(b, t.annotObj[k.page][k.annot-1]), " 0 R>> "...)
				case k.page == pg:
					b = append(itoa(b, k.mcid), ' ')
				default:
					b = append(itoa(append(b, "<</Type /MCR /Pg "...), t.pageObj[k.page]), " 0 R /MCID "...)
					b = append(itoa(b, k.mcid), ">> "...)
				}
			}
			b = append(b, "]>>\nendobj\n"...)
			f.buffer.Write(b) // f.out of the element's line and of "endobj"
			for _, k := range e.kids {
				if k.elem != nil {
					put(k.elem, e.obj)
				}
			}
		}
		put(t.root, rootObj)
		f.newobj() // parentTree
		b = append(b[:0], "<</Nums ["...)
		for _, x := range nums {
			b = append(append(append(itoa(b, x.key), ' '), x.val...), ' ')
		}
		b = append(b, "]>>\nendobj\n"...)
		f.buffer.Write(b)
		fmt.Fprintf(&cat, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n", rootObj)
	}
	if t.displayTitle {
		cat.WriteString("/ViewerPreferences <</DisplayDocTitle true>>\n")
	}
	if t.pdfa {
		f.newobj()
		data := f.compressedConst(&iccZ, t.icc)
		f.outf("<</N 3 /Filter /FlateDecode /Length %d>>", len(data))
		f.putstream(data)
		f.out("endobj")
		fmt.Fprintf(&cat, "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier %s /Info %s /DestOutputProfile %d 0 R>>]\n",
			f.textstring(t.iccName), f.textstring(t.iccName), f.n)
		xmp := f.xmpPDFA()
		f.newobj()
		// Uncompressed, so that tools that do not parse PDF still find it.
		f.outf("<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp))
		f.putstream(xmp)
		f.out("endobj")
		fmt.Fprintf(&cat, "/Metadata %d 0 R\n", f.n)
	}
	return cat.String()
}

// pdfDate is the date format of the document information dictionary, with the zone:
// PDF/A compares it with the XMP dates.
func pdfDate(tm timeLike) string { return "D:" + tm.Format("20060102150405-07'00'") }

type timeLike interface{ Format(string) string }

// infoText returns an information string as UTF-8: SetTitle and its siblings keep
// UTF-16BE with a byte-order mark when given UTF-8, else Latin-1.
func infoText(s string) string {
	if strings.HasPrefix(s, "\xfe\xff") {
		b := []byte(s[2:])
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r = append(r, rune(s[i]))
	}
	return string(r)
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
				continue // not allowed in XML 1.0
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmpPDFA is the XMP packet of a PDF/A-1b document: the information dictionary's
// entries again, the PDF/A identification and the PDF/UA identification (with the
// extension schema PDF/A-1 asks for a schema it does not know).
func (f *Fpdf) xmpPDFA() []byte {
	created := timeOrNow(f.creationDate)
	modified := timeOrNow(f.modDate)
	xd := func(tm timeLike) string { return tm.Format("2006-01-02T15:04:05-07:00") }
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if f.title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(infoText(f.title)))
	}
	if f.author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(infoText(f.author)))
	}
	if f.subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlEscape(infoText(f.subject)))
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", xd(created), xd(modified))
	if f.creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlEscape(infoText(f.creator)))
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	if f.producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmlEscape(infoText(f.producer)))
	}
	if f.keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlEscape(infoText(f.keywords)))
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`)
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// fileID is the trailer's /ID: a hash of the document written so far, so the same
// content gives the same ID (ISO 32000-1, 14.4, asks only that it be likely unique).
func (f *Fpdf) fileID() string {
	var sum [md5.Size]byte
	if hs := f.idHash; hs != nil && !hs.closed {
		hs.parts <- f.buffer.Bytes()
		hs.closed = true
		close(hs.parts)
		sum = <-hs.sum
	} else {
		sum = md5.Sum(f.buffer.Bytes())
	}
	return fmt.Sprintf("/ID [<%x> <%x>]", sum, sum)
}

// idHasher hashes the document for its file ID on a goroutine of its own while enddoc
// writes it (kep patch): enddoc hands it the buffer written so far after each part
// (pages, resources, structure tree, cross-reference table), and fileID hashes only
// what follows the last part. It hashed everything after the resources by itself
// before: the structure tree and the table, 0.3 ms at the end of Output on one core
// while the other idled (issue 19). Only bytes already written are read, which appends
// never change (a buffer that grows leaves them in the old array).
type idHasher struct {
	parts  chan []byte // successive prefixes of the buffer
	sum    chan [md5.Size]byte
	closed bool // parts is closed
}

// startIDHash starts the file ID's hasher; stopIDHash must follow, also when enddoc
// ends early, so that its goroutine ends.
func (f *Fpdf) startIDHash() {
	hs := &idHasher{parts: make(chan []byte, 8), sum: make(chan [md5.Size]byte, 1)}
	go func() {
		h := md5.New()
		n := 0
		for p := range hs.parts {
			h.Write(p[n:])
			n = len(p)
		}
		var sum [md5.Size]byte
		h.Sum(sum[:0])
		hs.sum <- sum
	}()
	f.idHash = hs
}

// hashWritten gives the file ID's hasher the document written so far (at most 7 times
// before fileID: parts never blocks).
func (f *Fpdf) hashWritten() {
	if hs := f.idHash; hs != nil && !hs.closed {
		hs.parts <- f.buffer.Bytes()
	}
}

func (f *Fpdf) stopIDHash() {
	if hs := f.idHash; hs != nil && !hs.closed {
		hs.closed = true
		close(hs.parts)
	}
}

// cidSet is the CIDSet of a subset font whose CIDs are the keys of codes (and CID 0).
func cidSet(codes map[int]int) []byte {
	top := 0
	for c := range codes {
		top = max(top, c)
	}
	set := make([]byte, top/8+1)
	set[0] |= 0x80
	for c := range codes {
		set[c/8] |= 0x80 >> (c % 8)
	}
	return set
}

// outlineDescendants counts the outline items below item i (all open).
func outlineDescendants(items []outlineType, i int) int {
	n := 0
	for j := i + 1; j < len(items) && items[j].level > items[i].level; j++ {
		n++
	}
	return n
}
