// Package adversary writes hostile plans that stay within kep's documented limits (the
// file size, the row count, the nesting) and yet once made kep slow or large: many
// Markdown link reference definitions, bracket and backtick runs, tables in every text,
// deep table headers and inline tables, long contact chains, many overdue actions. The
// tests use small sizes to show that work grows linearly; scripts/limits uses the full
// size to measure the promise in SECURITY.md.
package adversary

import (
	"fmt"
	"strings"
)

// Case is one kind of hostile plan.
type Case struct {
	Name string
	// Plan returns a plan of about size bytes (at most size), or of size rows where the
	// case grows by rows.
	Plan func(size int) []byte
	// Full is the size that reaches the documented limits.
	Full int
}

// FileSize is kep.MaxFileSize (2 MiB), repeated here so that the package imports nothing.
const FileSize = 2 << 20

const head = "format = 1\n\n[plan]\naccount = \"Adversary\"\nfrom = 2027-01-01\nto = 2027-12-31\n"

// Cases are the hostile plans, each at its full size within the limits.
var Cases = []Case{
	{"linkrefs", linkRefs, FileSize},
	{"linkrefs-used", linkRefsUsed, FileSize},
	{"brackets", func(n int) []byte { return summary(repeatTo("[", n)) }, FileSize},
	{"brackets-links", func(n int) []byte { return summary(repeatTo("[a](", n)) }, FileSize},
	{"backticks", backticks, FileSize},
	{"brackets-paragraphs", func(n int) []byte { return summary(repeatTo("[\n\n", n)) }, FileSize},
	{"brackets-titles", func(n int) []byte { return summary(repeatTo("[a](b \"\n", n)) }, FileSize},
	{"prose", func(n int) []byte {
		return summary(repeatTo("Ein ganz normaler Satz mit *etwas* Betonung und [einem Link](https://e.com).\n", n))
	}, FileSize},
	{"paragraphs", func(n int) []byte { return summary(repeatTo("a\n\n", n)) }, FileSize},
	{"list-items", func(n int) []byte { return summary(repeatTo("- a\n", n)) }, FileSize},
	{"emphasis", func(n int) []byte { return summary(repeatTo("*a _b ", n)) }, FileSize},
	{"tables-per-text", tablesPerText, FileSize},
	{"table-headers", tableHeaders, FileSize},
	{"inline-tables", inlineTables, FileSize},
	{"contacts-chain", contactsChain, 10000},
	{"actions-overdue", actionsOverdue, 10000},
	{"contacts-and-actions", func(n int) []byte {
		return append(contactsChain(n), actionsOverdue(n)[len(head):]...)
	}, 10000},
	{"lists-full", listsFull, 10000},
	{"keys-deep", keysDeep, FileSize},
	{"rows-shallow", func(n int) []byte { return []byte(head + repeatTo("[[x]]\n", n)) }, FileSize},
	{"inline-shallow", func(n int) []byte { return []byte(head + "x = [\n" + repeatTo("{a = {b = 1}},\n", n-16) + "]\n") }, FileSize},
}

func init() {
	// Each Markdown case again in paragraphs of at most 256 bytes: the most of it a plan
	// may hold within the Markdown budget, whose scan limit favours short paragraphs.
	for _, name := range []string{"linkrefs", "brackets", "brackets-links", "brackets-titles", "backticks", "emphasis", "prose"} {
		c, _ := Find(name)
		plan := c.Plan
		Cases = append(Cases, Case{name + "-split", func(n int) []byte { return splitParagraphs(plan(n), 256) }, c.Full})
	}
}

// splitParagraphs puts a blank line into the plan's summary every max bytes, at a line
// break where there is one.
func splitParagraphs(plan []byte, max int) []byte {
	s := string(plan)
	i := strings.Index(s, "summary = '''\n")
	if i < 0 {
		return plan
	}
	start := i + len("summary = '''\n")
	end := strings.LastIndex(s, "'''")
	md := s[start:end]
	var b strings.Builder
	for len(md) > 0 {
		k := min(max, len(md))
		if j := strings.LastIndexByte(md[:k], '\n'); j > 0 && k < len(md) {
			k = j + 1
		}
		b.WriteString(strings.TrimSuffix(md[:k], "\n") + "\n\n")
		md = md[k:]
	}
	return []byte(s[:start] + b.String() + s[end:])
}

// Find returns the case of that name.
func Find(name string) (Case, bool) {
	for _, c := range Cases {
		if c.Name == name {
			return c, true
		}
	}
	return Case{}, false
}

// summary is a plan whose plan.summary is md, as a literal multi-line string (md has no
// ”').
func summary(md string) []byte {
	return []byte(head + "summary = '''\n" + md + "'''\n")
}

// repeatTo repeats s up to n bytes less the plan around it.
func repeatTo(s string, n int) string {
	n -= len(head) + 32
	if n < len(s) {
		return s
	}
	return strings.Repeat(s, n/len(s))
}

// linesTo joins line(i) for i = 0, 1, … while the text stays within n bytes less the
// plan around it.
func linesTo(n int, line func(i int) string) string {
	n -= len(head) + 32
	var b strings.Builder
	for i := 0; ; i++ {
		l := line(i) + "\n"
		if b.Len()+len(l) > n {
			return b.String()
		}
		b.WriteString(l)
	}
}

func linkRefs(n int) []byte {
	return summary(linesTo(n, func(i int) string { return fmt.Sprintf("[r%d]: https://e.com/%d", i, i) }))
}

// linkRefsUsed defines half the text as references and uses them in the other half.
func linkRefsUsed(n int) []byte {
	defs := linesTo(n/2, func(i int) string { return fmt.Sprintf("[r%d]: https://e.com/%d", i, i) })
	k := strings.Count(defs, "\n")
	if k == 0 {
		return summary(defs)
	}
	uses := linesTo(n/2, func(i int) string { return fmt.Sprintf("[x][r%d]", i%k) })
	return summary(defs + "\n" + uses)
}

// backticks are runs of 1, 2, 3, … backticks, none closed: each opener looks for its
// closer to the end of the text.
func backticks(n int) []byte {
	var b strings.Builder
	budget := n - len(head) - 32
	for k := 1; b.Len() < budget; k = k%64 + 1 {
		if b.Len()+k+1 > budget {
			break
		}
		b.WriteString(strings.Repeat("`", k) + " ")
	}
	return summary(b.String())
}

// tablesPerText puts a table of just over 19,000 cells into every Markdown text of many
// package rows: each text within the per-text limit of old.
func tablesPerText(n int) []byte {
	const cols = 100
	table := strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("b\n", 190)
	row := "[[offering.packages]]\nname = \"P\"\ndescription = '''\n" + table + "'''\n"
	var b strings.Builder
	b.WriteString(head)
	for b.Len()+len(row) <= n && strings.Count(b.String(), "[[") < 10000 {
		b.WriteString(row)
	}
	return []byte(b.String())
}

// tableHeaders are [a.b.c…] headers 32 parts deep, each a new table below the last.
func tableHeaders(n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; ; i++ {
		parts := make([]string, 32)
		for j := range parts {
			parts[j] = fmt.Sprintf("k%d", (i>>j)&1)
		}
		parts[31] = fmt.Sprintf("t%d", i)
		h := "[x." + strings.Join(parts[1:], ".") + "]\nv = 1\n"
		if b.Len()+len(h) > n {
			break
		}
		b.WriteString(h)
	}
	return []byte(b.String())
}

// inlineTables are values of inline tables 31 deep, under unknown keys.
func inlineTables(n int) []byte {
	var b strings.Builder
	b.WriteString(head + "[x]\n")
	v := strings.Repeat("{a = ", 31) + "1" + strings.Repeat("}", 31)
	for i := 0; ; i++ {
		l := fmt.Sprintf("k%d = %s\n", i, v)
		if b.Len()+len(l) > n {
			break
		}
		b.WriteString(l)
	}
	return []byte(b.String())
}

// listsFull is n contacts, n overdue actions and n entries in each SWOT list, cut at
// the file size limit.
func listsFull(n int) []byte {
	var b strings.Builder
	b.Write(contactsChain(n))
	b.Write(actionsOverdue(n)[len(head):])
	b.WriteString("[swot]\n")
	for _, k := range []string{"strengths", "weaknesses", "opportunities", "threats"} {
		b.WriteString(k + " = [\n")
		for i := range n {
			fmt.Fprintf(&b, "\"%s %d\",\n", k[:1], i)
		}
		b.WriteString("]\n")
	}
	src := b.String()
	if len(src) > FileSize {
		src = src[:strings.LastIndex(src[:FileSize-2], "\n")+1] + "]\n"
	}
	return []byte(src)
}

// keysDeep are plain keys in a table 32 parts deep: each key's name repeats the parts.
func keysDeep(n int) []byte {
	var b strings.Builder
	b.WriteString(head + "[x" + strings.Repeat(".k", 31) + "]\n")
	for i := 0; ; i++ {
		l := fmt.Sprintf("v%d = 1\n", i)
		if b.Len()+len(l) > n {
			break
		}
		b.WriteString(l)
	}
	return []byte(b.String())
}

// contactsChain is n contacts, each reporting to the one before.
func contactsChain(n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[contacts]]\nid = \"c%d\"\nname = \"C %d\"\ninfluence = 2\nattitude = \"neutral\"\n", i, i)
		if i > 0 {
			fmt.Fprintf(&b, "reports_to = \"c%d\"\n", i-1)
		}
	}
	return []byte(b.String())
}

// actionsOverdue is n open actions, all due before the plan's period.
func actionsOverdue(n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "[[actions]]\nid = \"a%d\"\naction = \"A %d\"\ndue = 2020-01-01\n", i, i)
	}
	return []byte(b.String())
}
