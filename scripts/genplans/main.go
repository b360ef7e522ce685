// Command genplans writes a portfolio of varied, valid plans for benchmarks: a workspace
// file and n plans of different sizes, in German and English, with blocks filled or left
// empty. The same seed writes the same files, so timings compare across runs.
//
//	go run ./scripts/genplans -n 500 -o /tmp/plans
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 500, "number of plans")
	out := flag.String("o", "", "output folder (required); gets kep.toml and accounts/")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: genplans -n N -o DIR [-seed S]")
		os.Exit(2)
	}
	if err := write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genplans:", err)
		os.Exit(1)
	}
}

func write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(filepath.Join(dir, "accounts"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "kep.toml"), []byte(workspace), 0o644); err != nil {
		return err
	}
	if err := writeLogo(filepath.Join(dir, "logo.png")); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 7))
	for i := 1; i <= n; i++ {
		g := &gen{r: r, i: i}
		name := filepath.Join(dir, "accounts", fmt.Sprintf("account-%04d.toml", i))
		if err := os.WriteFile(name, []byte(g.plan()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const workspace = `# Generated workspace for benchmarks.
lang = "de"
currency = "EUR"

[brand]
company = "Benchmark Antriebe GmbH"
logo = "logo.png"
primary = "#1f4e79"
accent = "#e07b00"
footer = "Generiert für Messungen"

[visits]
working_days = 200
visits_per_day = 2
kams = 12

[[visits.classes]]
class = "A"
customers = 120
prospects = 30
frequency = 12
prospect_frequency = 6

[[visits.classes]]
class = "B"
customers = 250
prospects = 50
frequency = 6

[[visits.classes]]
class = "C"
customers = 400
frequency = 2

[[costs.items]]
name = "Gehalt inkl. Nebenkosten"
amount = 95_000

[[costs.items]]
name = "Reisekosten"
amount = 19_000
`

// writeLogo writes a 400 × 120 RGBA logo with transparent parts, like a real brand's, so
// that the benchmark pays what a logo costs on every cover.
func writeLogo(path string) error {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 120))
	for y := 0; y < 120; y++ {
		for x := 0; x < 400; x++ {
			switch {
			case (x-60)*(x-60)+(y-60)*(y-60) < 45*45:
				img.Set(x, y, color.NRGBA{31, 78, 121, 255})
			case x > 120 && x < 380 && y > 40 && y < 80 && (x/20)%2 == 0:
				img.Set(x, y, color.NRGBA{224, 123, 0, uint8(128 + x%128)})
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type gen struct {
	r *rand.Rand
	i int
	b strings.Builder
}

func (g *gen) p(format string, a ...any) { fmt.Fprintf(&g.b, format+"\n", a...) }
func (g *gen) n(lo, hi int) int          { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) pts() int                  { return g.n(1, 10) }
func (g *gen) chance(pct int) bool       { return g.r.IntN(100) < pct }

var words = strings.Fields(`Antrieb Getriebe Service Wartung Lieferung Qualität Preis Innovation
Einkauf Technik Vertrieb Logistik Engineering Ersatzteile Schulung Digitalisierung Retrofit
Stillstand Verfügbarkeit Energie Effizienz Partnerschaft Werk Montage Prüfstand Normen Größe
Müller Straße Übergabe Maßnahme Förderung Öl Kühlung Sensorik Plattform Rahmenvertrag`)

func (g *gen) text(lo, hi int) string {
	k := g.n(lo, hi)
	w := make([]string, k)
	for i := range w {
		w[i] = words[g.r.IntN(len(words))]
	}
	return strings.Join(w, " ")
}

func (g *gen) markdown() string {
	var s []string
	for range g.n(1, 3) {
		s = append(s, g.text(20, 60)+".")
	}
	s = append(s, "- "+g.text(3, 6)+"\n- **"+g.text(2, 4)+"**\n- ["+g.text(1, 2)+"](https://example.com/x)")
	return `"""` + "\n" + strings.Join(s, "\n\n") + "\n" + `"""`
}

func (g *gen) list(lo, hi int) string {
	k := g.n(lo, hi)
	var s []string
	for range k {
		s = append(s, fmt.Sprintf("%q", g.text(2, 6)))
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func (g *gen) date(year int) string {
	return fmt.Sprintf("%d-%02d-%02d", year, g.n(1, 12), g.n(1, 28))
}

// plan writes one plan. size 0 is a bare plan with only [selection], 2 a large plan with
// every block and long lists; blocks 3–7 are each left empty now and then.
func (g *gen) plan() string {
	size := g.r.IntN(3)
	lang := "de"
	if g.chance(40) {
		lang = "en"
	}
	scale := []int{0, 1, 3}[size]
	g.p("format = 1\nlang = %q\n", lang)
	g.p("[plan]\naccount = \"Konto %04d %s\"\nfrom = 2027-01-01\nto = 2027-12-31", g.i, g.text(1, 2))
	g.p("version = \"2027.%d\"\nowner = \"KAM %d\"", g.n(1, 4), g.n(1, 12))
	if size > 0 {
		g.p("summary = %s", g.markdown())
	}
	g.selection()
	objectives := g.scorecard(size)
	if size == 0 {
		return g.b.String()
	}
	comps := g.competitors(scale)
	if g.chance(80) {
		g.offering(scale, comps)
	}
	if g.chance(80) {
		g.account(scale)
	}
	if g.chance(75) {
		g.p("\n[swot]")
		for _, k := range []string{"strengths", "weaknesses", "opportunities", "threats"} {
			g.p("%s = %s", k, g.list(1, 2+scale))
		}
		g.p("\n[swot.strategies]")
		for _, k := range []string{"so", "st", "wo", "wt"} {
			g.p("%s = %s", k, g.list(1, 1+scale))
		}
		for range g.n(0, 2*scale) {
			g.p("\n[[goals]]\naccount_goal = %q\nown_goal = %q\ncontribution = %q", g.text(3, 6), g.text(3, 6), g.text(2, 4))
			if len(objectives) > 0 {
				g.p("objective = %q", objectives[g.r.IntN(len(objectives))])
			}
		}
	}
	if g.chance(75) {
		g.value(scale)
	}
	team := g.network(scale)
	g.actions(scale, team, objectives)
	g.checklists(scale)
	for k := range g.n(0, scale) {
		g.p("\n[[reviews]]\ndate = 2027-%02d-15\nparticipants = %s\nnotes = %s", 3+3*k, g.list(1, 3), g.markdown())
	}
	return g.b.String()
}

func (g *gen) selection() {
	g.p("\n[selection]\nrevenue = %d\ncontribution_margin = %d\nvisits = %d", g.n(50, 5000)*1000, g.n(5, 900)*1000, g.n(0, 30))
	g.p("\n[selection.attractiveness]")
	for _, k := range []string{"revenue", "potential", "margin", "strategic_fit", "reference"} {
		g.p("%s = %d", k, g.pts())
	}
	g.p("\n[selection.position]")
	for _, k := range []string{"share_of_wallet", "relationship", "solution_fit", "price_enforcement"} {
		g.p("%s = %d", k, g.pts())
	}
}

// scorecard writes objectives without weights (an equal share within the perspective).
func (g *gen) scorecard(size int) []string {
	var ids []string
	for i, persp := range []string{"finance", "customer", "process", "learning"} {
		for k := range g.n(size/2, 1+size) {
			id := fmt.Sprintf("%c%d", persp[0], k+1)
			ids = append(ids, id)
			target := float64(g.n(10, 2000) * 100)
			g.p("\n[[scorecard.objectives]]\nid = %q\nperspective = %q\nobjective = %q\nkpi = %q", id, persp, g.text(3, 7), g.text(1, 2))
			g.p("unit = %q\nbaseline = %g\ntarget = %g", []string{"EUR", "%", "Stück", ""}[i], target*0.8, target)
			if g.chance(50) {
				g.p("actual = %g", target*float64(g.n(60, 120))/100)
			}
			if g.chance(20) {
				g.p("better = \"lower\"")
			}
		}
	}
	return ids
}

func (g *gen) competitors(scale int) []string {
	var ids []string
	for k := range g.n(0, 1+scale) {
		id := fmt.Sprintf("wb%d", k+1)
		ids = append(ids, id)
		g.p("\n[[competitors]]\nid = %q\nname = %q\nshare_of_wallet = %d", id, "Wettbewerb "+g.text(1, 1), g.n(0, 20))
		g.p("strengths = %s\nweaknesses = %s\nstrategy = %q\nthreat = %q", g.list(0, 3), g.list(0, 3), g.text(3, 8), []string{"high", "medium", "low"}[g.r.IntN(3)])
	}
	return ids
}

func (g *gen) offering(scale int, comps []string) {
	g.p("\n[offering]\npositioning = %s", g.markdown())
	if len(comps) > 0 {
		crit := 2 + scale
		for k := range crit {
			w := 100 / crit
			if k == crit-1 {
				w = 100 - w*(crit-1)
			}
			var cs []string
			for _, c := range comps {
				cs = append(cs, fmt.Sprintf("%s = %d", c, g.pts()))
			}
			g.p("\n[[offering.profile]]\ncriterion = %q\nweight = %d\nown = %d\ncompetitors = { %s }", g.text(1, 3), w, g.pts(), strings.Join(cs, ", "))
		}
	}
	for range g.n(0, 2*scale) {
		g.p("\n[[offering.competences]]\nname = %q\nimportance = %d\nstrength = %d\nrevenue = %d", g.text(1, 3), g.pts(), g.pts(), g.n(10, 900)*1000)
	}
	for range g.n(0, scale) {
		g.p("\n[[offering.packages]]\nname = %q\ndescription = %s\ncomponents = %s\nprice = %d\nbenefit = %q", g.text(1, 2), g.markdown(), g.list(1, 5), g.n(5, 200)*1000, g.text(2, 5))
	}
}

func (g *gen) account(scale int) {
	g.p("\n[account]\nindustry = %q\nheadquarters = %q\nemployees = %d\nrevenue = %d", g.text(1, 2), g.text(1, 1), g.n(50, 50000), g.n(10, 5000)*1000000)
	g.p("locations = %s\nwebsite = \"https://example.com/%d\"\nstrategy = %s", g.list(1, 4), g.i, g.markdown())
	for k := range g.n(0, 2+2*scale) {
		g.p("\n[[account.history]]\nyear = %d\nrevenue = %d\ncontribution_margin = %d\nshare_of_wallet = %d", 2026-k, g.n(100, 3000)*1000, g.n(10, 600)*1000, g.n(5, 60))
	}
	for range g.n(0, 2*scale) {
		g.p("\n[[account.pains]]\npain = %q\nimpact = %q\nsolution = %q", g.text(2, 6), []string{"high", "medium", "low"}[g.r.IntN(3)], g.text(2, 5))
	}
	for range g.n(0, scale) {
		g.p("\n[[account.initiatives]]\nname = %q\ngoal = %q\ndue = %s\nrelevance = \"medium\"", g.text(1, 3), g.text(2, 4), g.date(2027))
	}
	if g.chance(60) {
		g.p("\n[account.purchasing]\nprocess = %s\nsteps = %s", g.markdown(), g.list(2, 5))
	}
	for range g.n(0, 2*scale) {
		g.p("\n[[account.readiness]]\ncriterion = %q\npoints = %d", g.text(2, 4), g.pts())
	}
}

func (g *gen) value(scale int) {
	for k := range g.n(1, scale) {
		g.p("\n[[value]]\nid = \"v%d\"\nname = %q\ndescription = %s\nyears = %d", k+1, g.text(1, 3), g.markdown(), g.n(1, 5))
		for range g.n(1, 3) {
			g.p("\n[[value.benefits]]\nitem = %q\namount = %d\nbasis = %q", g.text(1, 3), g.n(10, 300)*1000, g.text(2, 4))
		}
		for range g.n(1, 3) {
			g.p("\n[[value.costs]]\nitem = %q\namount = %d\nonce = %t", g.text(1, 3), g.n(5, 100)*1000, g.chance(40))
		}
	}
}

func (g *gen) network(scale int) []string {
	if !g.chance(80) {
		return nil
	}
	var team []string
	for k := range 1 + scale {
		id := fmt.Sprintf("t%d", k+1)
		team = append(team, id)
		g.p("\n[[team]]\nid = %q\nname = %q\nrole = %q", id, g.text(2, 2), g.text(1, 3))
	}
	roles := []string{"initiator", "user", "influencer", "decider", "buyer", "gatekeeper", "approver"}
	attitudes := []string{"champion", "supporter", "neutral", "skeptic", "opponent"}
	contacts := g.n(1, 2+4*scale)
	for k := range contacts {
		rel := g.n(0, 3)
		g.p("\n[[contacts]]\nid = \"c%d\"\nname = %q\ntitle = %q\ndepartment = %q", k+1, g.text(2, 3), g.text(1, 3), g.text(1, 1))
		g.p("roles = [%q]\ninfluence = %d\nattitude = %q\nrelationship = %d\ntarget_relationship = %d", roles[g.r.IntN(len(roles))], g.n(1, 3), attitudes[g.r.IntN(len(attitudes))], rel, rel+1)
		g.p("owner = %q\nlast_contact = %s\nnext_step = %q", team[g.r.IntN(len(team))], g.date(2026), g.text(2, 4))
		if k > 0 {
			g.p("reports_to = \"c%d\"", g.n(1, k)) // only to earlier contacts: no cycles
		}
	}
	return team
}

func (g *gen) actions(scale int, team, objectives []string) {
	status := []string{"open", "doing", "done", "dropped"}
	for k := range g.n(0, 4*scale) {
		g.p("\n[[actions]]\nid = \"a%d\"\naction = %q\ndue = %s\nstatus = %q", k+1, g.text(3, 7), g.date(2027), status[g.r.IntN(len(status))])
		if len(team) > 0 {
			g.p("owner = %q", team[g.r.IntN(len(team))])
		}
		if len(objectives) > 0 && g.chance(50) {
			g.p("objective = %q", objectives[g.r.IntN(len(objectives))])
		}
	}
}

func (g *gen) checklists(scale int) {
	topics := []string{"introduction", "development", "partnership", "customer_orientation",
		"selection", "organisation", "tactical_goals", "customer_analysis", "collaboration", "swot",
		"service", "supply_chain", "conversation", "negotiation"}
	status := []string{"yes", "partly", "no", "na"}
	for _, t := range topics[:g.n(0, 2+4*scale)] {
		g.p("\n[[checklists]]\ntopic = %q", t)
		for range g.n(2, 8) {
			g.p("\n[[checklists.items]]\nitem = %q\nstatus = %q", g.text(4, 9), status[g.r.IntN(len(status))])
		}
	}
}
