package changes

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
	"github.com/kepdev/kep/plan/check"
	planfigures "github.com/kepdev/kep/plan/figures"
	"github.com/kepdev/kep/render"
	"github.com/kepdev/kep/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// now is the document date of every test plan: both versions are seen on the same day.
var now = time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// load checks src as a plan named name; a plan with errors fails the test, so that every
// comparison below is between valid plans.
func load(t *testing.T, name, src string) *plan.Plan {
	t.Helper()
	p, diags := (&check.Loader{Now: now}).LoadPlanBytes(filepath.Join("testdata", name), []byte(src))
	if diags.HasErrors() {
		t.Fatalf("%s has errors:\n%v", name, diags.Err())
	}
	return p
}

func compare(t *testing.T, oldSrc, newSrc string) []Change {
	t.Helper()
	o, n := load(t, "old.toml", oldSrc), load(t, "new.toml", newSrc)
	return Compare(o, n, check.Compute(o, now), check.Compute(n, now))
}

// edit applies replacements to src; each old text must occur.
func edit(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("edit: %q not in the plan", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func texts(cs []Change, block ...Block) []string {
	var out []string
	for _, c := range cs {
		if len(block) == 0 || c.Block == block[0] {
			out = append(out, c.Text)
		}
	}
	return out
}

func typed(cs []Change) []string {
	var out []string
	for _, c := range cs {
		if c.Block != Figures {
			out = append(out, c.Text)
		}
	}
	return out
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n got: %q\nwant: %q", got, want)
	}
}

func TestSamePlanNoChange(t *testing.T) {
	base := readFile(t, "base.toml")
	if cs := compare(t, base, base); len(cs) != 0 {
		t.Errorf("same plan: %q", texts(cs))
	}
}

// Reordered lists, inline tables and dotted keys, defaults written out, floats for
// integers, white space in text: the same plan, so nothing may be reported, not even a
// derived figure.
func TestReorderedAndRespelledNoChange(t *testing.T) {
	cs := compare(t, readFile(t, "base.toml"), readFile(t, "respelled.toml"))
	if len(cs) != 0 {
		t.Errorf("respelled plan reported as changed:\n%s", strings.Join(texts(cs), "\n"))
	}
}

// The sentences of the brief, exactly.
func TestBriefExamples(t *testing.T) {
	base := readFile(t, "base.toml")
	next := edit(t, base,
		"target = 2_200_000", "target = 2_400_000",
		`attitude = "opponent"`, `attitude = "skeptic"`,
		"status = \"open\"\nobjective = \"k1\"", "status = \"done\"\nobjective = \"k1\"",
		`opportunities = ["Werk Brno"]`, `opportunities = ["Werk Brno", "Digitalisierungsoffensive"]`,
		"[[checklists]]", "[[actions]]\nid = \"a3\"\naction = \"Servicetechniker schulen\"\n\n[[checklists]]",
	)
	cs := compare(t, base, next)
	for _, want := range []string{
		"Ziel von f1 – Umsatz mit dem Account steigern: 2.200.000 € → 2.400.000 €",
		"Kontakt Henrik Brandt: Haltung Gegner → Skeptiker",
		"neue Chance: Digitalisierungsoffensive",
		"neue Maßnahme a3: Servicetechniker schulen",
		"Maßnahme a1 (Workshop Predictive Maintenance): Status offen → erledigt",
	} {
		if !contains(texts(cs), want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(texts(cs), "\n"))
		}
	}

	en := func(s string) string { return edit(t, s, `lang = "de"`, `lang = "en"`) }
	cs = compare(t, en(base), en(next))
	for _, want := range []string{
		"target of f1 – Umsatz mit dem Account steigern: €2,200,000 → €2,400,000",
		"contact Henrik Brandt: attitude opponent → skeptic",
		"new opportunity: Digitalisierungsoffensive",
		"new action a3: Servicetechniker schulen",
		"action a1 (Workshop Predictive Maintenance): status open → done",
	} {
		if !contains(texts(cs), want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(texts(cs), "\n"))
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// One case per part of the plan: additions, removals, value changes and id-matched edits,
// with every typed change listed exactly.
func TestCompareBlocks(t *testing.T) {
	base := readFile(t, "base.toml")
	tests := []struct {
		name  string
		edits []string
		block Block
		want  []string
	}{
		{"meta", []string{
			`version = "2027.1"`, `version = "2027.2"`,
			`status = "review"`, "status = \"approved\"\napproved_by = \"Dr. Katrin Albers\"\napproved_on = 2026-12-14",
			`confidentiality = "internal"`, ``,
			`lang = "de"`, `lang = "de"`,
			"Nordwerk ist ein **A-Kunde**.", "Nordwerk ist ein **B-Kunde**.",
		}, Plan, []string{
			"Version: 2027.1 → 2027.2",
			"Status: In Prüfung → Freigegeben",
			"Freigegeben von: nicht angegeben → „Dr. Katrin Albers“",
			"Freigegeben am: nicht angegeben → 14.12.2026",
			"Vertraulichkeit: Intern → Vertraulich",
			"Zusammenfassung: „Nordwerk ist ein **A-Kunde**.“ → „Nordwerk ist ein **B-Kunde**.“",
		}},
		{"kind of account", []string{
			`status = "review"`, "status = \"review\"\nkind = \"prospect\"",
		}, Plan, []string{
			"Art des Accounts: Key Account → Potenzieller Key Account",
		}},
		{"period and currency", []string{
			`currency = "EUR"`, `currency = "CHF"`,
			"to = 2027-12-31", "to = 2028-06-30",
		}, Plan, []string{
			"Währung: EUR → CHF",
			"Planungszeitraum: 01.01.2027 – 31.12.2027 → 01.01.2027 – 30.06.2028",
		}},
		{"brand", []string{
			`company = "Rheinfeld Antriebe GmbH"`, `company = "Rheinfeld Antriebe SE"`,
			`primary = "#123456"`, ``,
			`footer = "Nur für den internen Gebrauch"`, "paper = \"letter\"",
		}, Brand, []string{
			"Unternehmen: „Rheinfeld Antriebe GmbH“ → „Rheinfeld Antriebe SE“",
			"Hauptfarbe: #123456 → #1f4e79",
			"Papierformat: A4 → letter",
			"Fußzeile: „Nur für den internen Gebrauch“ → nicht angegeben",
		}},
		{"selection", []string{
			"revenue = 1_850_000", "revenue = 2_000_000",
			"visits = 12", "visits = 18",
			"potential = 9", "potential = 7.5",
			"share_of_wallet = 4\n", "share_of_wallet = 5\n",
		}, Selection, []string{
			"Geplanter Umsatz: 1.850.000 € → 2.000.000 €",
			"Geplante Besuche: 12 → 18",
			"Kundenattraktivität – Umsatzpotenzial: 9 → 7,5",
			"Lieferantenposition – Lieferanteil: 4 → 5",
		}},
		{"scorecard", []string{
			"weights = { finance = 40, customer = 30, process = 15, learning = 15 }", "weights = { finance = 40, customer = 40, process = 10, learning = 10 }",
			"baseline = 21\ntarget = 22", "baseline = 21\ntarget = 23\nactual = 22.5",
			`better = "lower"`, "better = \"lower\"\n\n[[scorecard.objectives]]\nid = \"p1\"\nperspective = \"process\"\nobjective = \"Reklamationen senken\"\nunit = \"%\"\ntarget = 1\nbetter = \"lower\"",
			`kpi = "Umsatz"`, `kpi = "Umsatz laut ERP"`,
		}, Scorecard, []string{
			"Gewicht der Perspektive Kunde: 30 % → 40 %",
			"Gewicht der Perspektive Interne Prozesse: 15 % → 10 %",
			"Gewicht der Perspektive Lernen und Entwicklung: 15 % → 10 %",
			"Kennzahl von f1 – Umsatz mit dem Account steigern: „Umsatz“ → „Umsatz laut ERP“",
			"Ziel von f2 – Deckungsbeitrag halten: 22 % → 23 %",
			"Ist von f2 – Deckungsbeitrag halten: nicht angegeben → 22,5 %",
			"neues Ziel p1: Reklamationen senken (Interne Prozesse, Ziel 1 %)",
		}},
		{"objective removed and weight", []string{
			"\n[[scorecard.objectives]]\nid = \"k1\"", "\n[[scorecard.objectives]]\nid = \"k2\"",
			"objective = \"k1\"\n\n[[value]]", "objective = \"k2\"\n\n[[value]]",
			"status = \"open\"\nobjective = \"k1\"", "status = \"open\"\nobjective = \"k2\"",
			"weight = 60", "weight = 50", "weight = 40", "weight = 50",
		}, Scorecard, []string{
			"Gewicht von f1 – Umsatz mit dem Account steigern: 60 % → 50 %",
			"Gewicht von f2 – Deckungsbeitrag halten: 40 % → 50 %",
			"neues Ziel k2: Stillstände senken (Kunde, Ziel 160 h)",
			"Ziel k1 entfernt: Stillstände senken",
			"Zielverknüpfung „Stillstandszeiten um 20 % senken“: Scorecard-Ziel k1 → k2",
			"Maßnahme a1 (Workshop Predictive Maintenance): Ziel k1 → k2",
		}},
		{"offering", []string{
			`positioning = "Systempartner für Antriebe."`, `positioning = "Systempartner."`,
			"weight = 60\nown = 8", "weight = 50\nown = 9",
			"weight = 40\nown = 5\ncompetitors = { schmidt = 7, brix = 6 }", "weight = 50\nown = 5\ncompetitors = { schmidt = 7, brix = 5 }",
			"name = \"Linearachsen\"", "name = \"Sondergetriebe\"",
			`components = ["24/7-Hotline", "Ersatzteilgarantie 48 h"]`, `components = ["Ersatzteilgarantie 24 h", "24/7-Hotline"]`,
			"price = 48_000\n", "",
		}, Offering, []string{
			"Positionierung: „Systempartner für Antriebe.“ → „Systempartner.“",
			"Profilkriterium „Liefertreue“: Gewicht 60 % → 50 %",
			"Profilkriterium „Liefertreue“: eigene Punkte 8 → 9",
			"Profilkriterium „Preis“: Gewicht 40 % → 50 %",
			"Profilkriterium „Preis“: Punkte Brix GmbH 6 → 5",
			"neues Kompetenzfeld: Sondergetriebe",
			"Kompetenzfeld entfernt: Linearachsen",
			"neuer Bestandteil in Leistungspaket „Service Premium“: Ersatzteilgarantie 24 h",
			"Bestandteil in Leistungspaket „Service Premium“ entfernt: Ersatzteilgarantie 48 h",
			"Leistungspaket „Service Premium“: Preis pro Jahr 48.000 € → nicht angegeben",
		}},
		{"account", []string{
			"employees = 2400", "employees = 2600",
			`locations = ["Stuttgart", "Brno"]`, `locations = ["Brno"]`,
			"year = 2025\nrevenue = 1_200_000", "year = 2025\nrevenue = 1_250_000",
			"share_of_wallet = 25", "share_of_wallet = 26",
			`solution = "Predictive Maintenance"`, `solution = "Zustandsüberwachung"`,
			`relevance = "high"`, `relevance = "medium"`,
			"steps = [\"Bedarfsmeldung\", \"Ausschreibung\", \"Vergabe\"]", "steps = [\"Ausschreibung\", \"Bedarfsmeldung\", \"Vergabe\", \"Audit\"]",
			"criterion = \"Offenheit für Daten\"\npoints = 5", "criterion = \"Offenheit für Daten\"\npoints = 5\n\n[[account.readiness]]\ncriterion = \"Ressourcen\"\npoints = 8",
			`strategy = "Wachstum in Osteuropa."`, `strategy = """Wachstum in Asien.

Mit einem zweiten Absatz."""`,
		}, Account, []string{
			"Mitarbeiter: 2.400 → 2.600",
			"Standort entfernt: Stuttgart",
			"Strategie des Kunden geändert",
			"Geschäftsjahr 2025: Umsatz 1.200.000 € → 1.250.000 €",
			"Geschäftsjahr 2026: Lieferanteil 25 % → 26 %",
			"Problem des Kunden „Ungeplante Stillstände“: Lösung „Predictive Maintenance“ → „Zustandsüberwachung“",
			"Initiative „Werk Brno 2.0“: Relevanz hoch → mittel",
			"neuer Einkaufsschritt: Audit",
			"neues Kriterium der Umsetzungsbereitschaft: Ressourcen (Punkte 8)",
		}},
		{"account history and pains removed", []string{
			"[[account.history]]\nyear = 2025\nrevenue = 1_200_000\ncontribution_margin = 260_000\nshare_of_wallet = 22\n", "",
			"pain = \"Ungeplante Stillstände\"", "pain = \"Lange Lieferzeiten\"",
		}, Account, []string{
			"Geschäftsjahr 2025 entfernt",
			"neues Problem des Kunden: Lange Lieferzeiten",
			"Problem des Kunden entfernt: Ungeplante Stillstände",
		}},
		{"linking", []string{
			`strengths = ["Auslegungskompetenz", "Liefertreue"]`, `strengths = ["Liefertreue", "Auslegungskompetenz", "Service vor Ort"]`,
			`threats = ["Preisangriff von Brix"]`, `threats = []`,
			`wt = ["Rahmenvertrag sichern"]`, `wt = ["Rahmenvertrag über 24 Monate sichern"]`,
			"share_of_wallet = 35", "share_of_wallet = 30",
			`weaknesses = ["Lange Lieferzeiten"]`, `weaknesses = ["Lange Lieferzeiten", "Kleines Servicenetz"]`,
			`threat = "medium"`, `threat = "low"`,
			`own_goal = "Serviceumsatz um 30 % steigern"`, `own_goal = "Serviceumsatz um 40 % steigern"`,
		}, Linking, []string{
			"neue Stärke: Service vor Ort",
			"Risiko entfernt: Preisangriff von Brix",
			"neue WT-Strategie: Rahmenvertrag über 24 Monate sichern",
			"WT-Strategie entfernt: Rahmenvertrag sichern",
			"Wettbewerber Schmidt AG: Lieferanteil 35 % → 30 %",
			"neue Schwäche bei Wettbewerber Schmidt AG: Kleines Servicenetz",
			"Wettbewerber Brix GmbH: Bedrohung mittel → niedrig",
			"Zielverknüpfung „Stillstandszeiten um 20 % senken“: eigenes Ziel „Serviceumsatz um 30 % steigern“ → „Serviceumsatz um 40 % steigern“",
		}},
		{"competitor added", []string{
			"[[goals]]", "[[competitors]]\nid = \"kaiser\"\nname = \"Kaiser Antriebe\"\nthreat = \"low\"\n\n[[goals]]",
		}, Linking, []string{
			"neuer Wettbewerber Kaiser Antriebe: Bedrohung niedrig",
		}},
		{"value", []string{
			"years = 3", "years = 5",
			"amount = 180_000\nbasis = \"120 h × 1.500 €/h\"", "amount = 150_000\nbasis = \"100 h × 1.500 €/h\"",
			"amount = 48_000", "amount = 48_000\nonce = true",
			"[[value.costs]]\nitem = \"Nachrüstung Sensorik\"\namount = 60_000\nonce = true\n", "",
			"[[team]]", "[[value]]\nid = \"mod\"\nname = \"Antriebsmodule\"\n\n[[team]]",
		}, Value, []string{
			"Mehrwertkonzept pm – Predictive Maintenance: Betrachtungszeitraum 3 Jahre → 5 Jahre",
			"Nutzen „Weniger Stillstand“ in Mehrwertkonzept pm: Betrag 180.000 € → 150.000 €",
			"Nutzen „Weniger Stillstand“ in Mehrwertkonzept pm: Grundlage „120 h × 1.500 €/h“ → „100 h × 1.500 €/h“",
			"Kostenposition „Servicepaket Premium“ in Mehrwertkonzept pm: Art jährlich → einmalig",
			"Kostenposition in Mehrwertkonzept pm entfernt: Nachrüstung Sensorik",
			"neues Mehrwertkonzept mod: Antriebsmodule",
		}},
		{"network", []string{
			`role = "Service"`, `role = "Serviceleiter"`,
			`attitude = "opponent"`, `attitude = "skeptic"`,
			`roles = ["user", "influencer"]`, `roles = ["influencer", "user", "approver"]`,
			"relationship = 1\nowner = \"tb\"", "relationship = 2\nowner = \"as\"",
			"influence = 3", "influence = 2",
			"target_relationship = 3\n", "",
			"last_contact = 2026-11-15", "last_contact = 2027-01-20\nnext_step = \"Werksbesuch\"",
		}, Network, []string{
			"Teammitglied Tom Berger: Rolle „Service“ → „Serviceleiter“",
			"Kontakt Dr. Maria König: Einfluss hoch → mittel",
			"Kontakt Dr. Maria König: Ziel-Beziehung eng → nicht angegeben",
			"Kontakt Henrik Brandt: Rollen Anwender, Beeinflusser → Anwender, Beeinflusser, Genehmiger",
			"Kontakt Henrik Brandt: Haltung Gegner → Skeptiker",
			"Kontakt Henrik Brandt: Beziehung flüchtig → regelmäßig",
			"Kontakt Henrik Brandt: betreut von Tom Berger → Anna Schmidt",
			"Kontakt Henrik Brandt: letzter Kontakt 15.11.2026 → 20.01.2027",
			"Kontakt Henrik Brandt: nächster Schritt nicht angegeben → „Werksbesuch“",
		}},
		{"contact renamed, matched by id", []string{
			`name = "Henrik Brandt"`, `name = "Dr. Henrik Brandt"`,
			"[[actions]]", "[[contacts]]\nid = \"lw\"\nname = \"Lena Wagner\"\ninfluence = 1\nattitude = \"neutral\"\nrelationship = 0\n\n[[actions]]",
		}, Network, []string{
			"Kontakt Dr. Henrik Brandt: Name „Henrik Brandt“ → „Dr. Henrik Brandt“",
			"neuer Kontakt Lena Wagner: Einfluss gering, Haltung Neutral",
		}},
		{"actions", []string{
			"status = \"open\"\nobjective = \"k1\"", "status = \"done\"\nobjective = \"k1\"",
			"due = 2027-06-30", "due = 2027-08-31",
			`action = "Rahmenvertrag verhandeln"`, `action = "Rahmenvertrag über 24 Monate verhandeln"`,
			"[[checklists]]", "[[actions]]\nid = \"a3\"\naction = \"Servicetechniker schulen\"\nowner = \"tb\"\ndue = 2027-10-15\n\n[[checklists]]",
		}, Actions, []string{
			"Maßnahme a1 (Workshop Predictive Maintenance): Status offen → erledigt",
			"Maßnahme a2: Bezeichnung „Rahmenvertrag verhandeln“ → „Rahmenvertrag über 24 Monate verhandeln“",
			"Maßnahme a2: Termin 30.06.2027 → 31.08.2027",
			"neue Maßnahme a3: Servicetechniker schulen (Tom Berger, fällig 15.10.2027)",
		}},
		{"checklists", []string{
			`status = "partly"`, `status = "yes"`,
			"[[checklists.items]]\nitem = \"Es gibt regelmäßige Treffen auf Geschäftsleitungsebene\"\nstatus = \"no\"\n", "[[checklists.items]]\nitem = \"Lenkungskreis eingerichtet\"\nstatus = \"na\"\n\n[[checklists]]\ntopic = \"negotiation\"\n",
		}, Checklists, []string{
			"Prüfpunkt „Gemeinsame Ziele für drei Jahre sind schriftlich vereinbart“ in Checkliste Partnerschaft mit Key Accounts: Status teilweise → ja",
			"neuer Prüfpunkt in Checkliste Partnerschaft mit Key Accounts: Lenkungskreis eingerichtet (entfällt)",
			"Prüfpunkt in Checkliste Partnerschaft mit Key Accounts entfernt: Es gibt regelmäßige Treffen auf Geschäftsleitungsebene",
			"neue Checkliste Vorbereitung von wichtigen Verhandlungen",
		}},
		{"reviews", []string{
			`participants = ["Anna Schmidt", "Dr. Maria König"]`, `participants = ["Anna Schmidt", "Tom Berger"]`,
			`notes = "Q1 im Plan."`, "notes = \"Q1 im Plan.\"\n\n[[reviews]]\ndate = 2027-07-15\nparticipants = [\"Anna Schmidt\"]",
		}, Reviews, []string{
			"Review 20.04.2027: Teilnehmer Anna Schmidt, Dr. Maria König → Anna Schmidt, Tom Berger",
			"neues Review 15.07.2027: Anna Schmidt",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := compare(t, base, edit(t, base, tt.edits...))
			equal(t, typed(cs), tt.want)
			for _, c := range cs {
				if c.Block != tt.block && c.Block != Figures && !strings.Contains(c.Path, "objective") {
					t.Errorf("%q in block %d, want %d", c.Text, c.Block, tt.block)
				}
				if c.Path == "" {
					t.Errorf("%q has no path", c.Text)
				}
			}
		})
	}
}

func TestDerivedFigures(t *testing.T) {
	base := readFile(t, "base.toml")
	next := edit(t, base,
		"potential = 9", "potential = 2",
		"revenue = 8\npotential", "revenue = 2\npotential",
		"competitors = { schmidt = 6, brix = 9 }", "competitors = { schmidt = 8, brix = 9 }",
		"influence = 3", "influence = 2",
		"amount = 180_000", "amount = 200_000",
		"points = 5", "points = 9",
	)
	got := texts(compare(t, base, next), Figures)
	equal(t, got, []string{
		"Klasse: A → B",
		"Portfolio-Feld: Star → Ertragskunde",
		"Kundenattraktivität: 77,0 → 44,5",
		"Relative Qualität gegenüber Schmidt AG: 1,09 → 0,89",
		"Umsetzungsbereitschaft: 60,0 → 80,0",
		"Mehrwertkonzept pm – Predictive Maintenance: Nettonutzen 336.000 € → 396.000 €",
		"Mehrwertkonzept pm – Predictive Maintenance: ROI 164,7 % → 194,1 %",
		"Mehrwertkonzept pm – Predictive Maintenance: Amortisation 5,5 Monate → 4,7 Monate",
		"Status der Beziehungslandkarte: Fürsprecher oder Unterstützer mit hohem Einfluss vorhanden → kein Kontakt mit hohem Einfluss",
	})
}

// Figures are optional: without them only the typed changes are listed.
func TestWithoutFigures(t *testing.T) {
	base := readFile(t, "base.toml")
	o, n := load(t, "old.toml", base), load(t, "new.toml", edit(t, base, "potential = 9", "potential = 2"))
	equal(t, texts(Compare(o, n, nil, nil)), []string{"Kundenattraktivität – Umsatzpotenzial: 9 → 2"})
}

// Any pair of plans compares without a panic, also empty and nil ones and plans with
// duplicate keys (an error the validator reports, but the comparison must not fail).
func TestRobust(t *testing.T) {
	base := load(t, "base.toml", readFile(t, "base.toml"))
	empty := &plan.Plan{}
	for _, pair := range [][2]*plan.Plan{{nil, nil}, {empty, base}, {base, empty}, {nil, base}} {
		_ = Compare(pair[0], pair[1], nil, nil)
		_ = Compare(pair[0], pair[1], &planfigures.Figures{}, &planfigures.Figures{})
	}
	dup := *base
	dup.Actions = append(append([]plan.Action{}, base.Actions...), plan.Action{ID: "a1", Action: "Zweite a1", Status: "open"})
	cs := Compare(base, &dup, nil, nil)
	equal(t, texts(cs), []string{"neue Maßnahme a1: Zweite a1"})
	cs = Compare(&dup, base, nil, nil)
	equal(t, texts(cs), []string{"Maßnahme a1 entfernt: Zweite a1"})
}

// Lists of text compare as multisets: a duplicate removed is one entry removed.
func TestSetDuplicates(t *testing.T) {
	base := load(t, "base.toml", readFile(t, "base.toml"))
	for _, tt := range []struct {
		old, new []string
		want     []string
	}{
		{[]string{"X", "X"}, []string{"X"}, []string{"Stärke entfernt: X"}},
		{[]string{"X"}, []string{"X", "X"}, []string{"neue Stärke: X"}},
		{[]string{"A", "B"}, []string{"B", "C", " A "}, []string{"neue Stärke: C"}},
		{[]string{"A", "B"}, nil, []string{"Stärke entfernt: A", "Stärke entfernt: B"}},
	} {
		o, n := *base, *base
		o.SWOT = &plan.SWOT{Strengths: tt.old}
		n.SWOT = &plan.SWOT{Strengths: tt.new}
		equal(t, texts(Compare(&o, &n, nil, nil)), tt.want)
	}
}

func TestGroupOrderAndTitles(t *testing.T) {
	cs := []Change{{Block: Figures, Text: "f"}, {Block: Actions, Text: "a"}, {Block: Plan, Text: "p"}, {Block: Scorecard, Text: "s"}, {Block: Actions, Text: "b"}}
	secs := Group(cs, "en")
	var got []string
	for _, s := range secs {
		got = append(got, s.Heading()+": "+strings.Join(texts(s.Changes), ","))
	}
	equal(t, got, []string{"Plan details: p", "2 Strategic KAM goals: s", "8 Action plan: a,b", "Derived figures: f"})
}

// The change report as text, in every document language: base.toml against edited.toml,
// which changes something in every part of the plan.
func TestGoldenText(t *testing.T) {
	for _, lang := range locale.Langs() {
		t.Run(lang, func(t *testing.T) {
			oldSrc, newSrc := readFile(t, "base.toml"), readFile(t, "edited.toml")
			if lang != "de" {
				oldSrc = edit(t, oldSrc, `lang = "de"`, `lang = "`+lang+`"`)
				newSrc = edit(t, newSrc, `lang = "de"`, `lang = "`+lang+`"`)
			}
			o, n := load(t, "base.toml", oldSrc), load(t, "edited.toml", newSrc)
			cs := Compare(o, n, check.Compute(o, now), check.Compute(n, now))
			var buf bytes.Buffer
			if err := WriteText(&buf, Title(n), Versions{Old: "base.toml", New: "edited.toml"}, Group(cs, n.Lang), n.Lang); err != nil {
				t.Fatal(err)
			}
			rendertest.Golden(t, filepath.Join("testdata", "golden", lang+".txt"), buf.Bytes(), *update)
		})
	}
}

func TestNoChangesText(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, "Changes: Plan", Versions{Old: "HEAD:a.toml", New: "a.toml"}, nil, "en"); err != nil {
		t.Fatal(err)
	}
	want := "Changes: Plan\nOld: HEAD:a.toml\nNew: a.toml\n\nNo changes.\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestAppendix(t *testing.T) {
	base := readFile(t, "base.toml")
	cs := compare(t, base, edit(t, base, "target = 2_200_000", "target = 2_400_000"))
	a := Appendix(cs, "de", "nordwerk-2026-approved")
	if a.Since != "nordwerk-2026-approved" || len(a.Groups) != 2 {
		t.Fatalf("appendix: %+v", a)
	}
	if a.Groups[0].Title != "2 Strategische KAM-Ziele" || a.Groups[0].Items[0] != "Ziel von f1 – Umsatz mit dem Account steigern: 2.200.000 € → 2.400.000 €" {
		t.Errorf("first group: %+v", a.Groups[0])
	}
	if a.Groups[1].Title != "Abgeleitete Kennzahlen" {
		t.Errorf("second group: %+v", a.Groups[1])
	}
	if empty := Appendix(nil, "en", "HEAD"); empty.Groups == nil || len(empty.Groups) != 0 {
		t.Errorf("no changes: %+v", empty)
	}
}

// The report document carries the plan's brand and one section per changed block with
// the same sentences as the text.
func TestReportDocument(t *testing.T) {
	o := load(t, "base.toml", readFile(t, "base.toml"))
	n := load(t, "edited.toml", readFile(t, "edited.toml"))
	cs := Compare(o, n, check.Compute(o, now), check.Compute(n, now))
	doc := Report(n, cs, ReportOptions{Now: now, Versions: Versions{Old: "HEAD:edited.toml", New: "edited.toml"}})
	if doc.Title != "Änderungen: Kundenentwicklungsplan Nordwerk" || doc.Lang != "de" || doc.Primary != "#123456" || doc.Paper != "letter" {
		t.Errorf("frame: title %q lang %q primary %q paper %q", doc.Title, doc.Lang, doc.Primary, doc.Paper)
	}
	if doc.Date != "01.05.2027" {
		t.Errorf("date %q", doc.Date)
	}
	secs := Group(cs, "de")
	if len(doc.Sections) != len(secs)+1 {
		t.Fatalf("%d sections, want overview + %d", len(doc.Sections), len(secs))
	}
	ids := map[string]bool{}
	for i, s := range secs {
		ds := doc.Sections[i+1]
		if ds.Title != s.Title || ds.Number != s.Number || ids[ds.ID] {
			t.Errorf("section %d: %q %q id %q", i, ds.Number, ds.Title, ds.ID)
		}
		ids[ds.ID] = true
		l, ok := ds.Blocks[0].(*render.List)
		if !ok || len(l.Items) != len(s.Changes) || l.Items[0] != s.Changes[0].Text {
			t.Errorf("section %q: blocks %#v", s.Title, ds.Blocks)
		}
	}
	none := Report(n, nil, ReportOptions{})
	if len(none.Sections) != 1 || none.Date != "01.01.1970" {
		t.Errorf("no changes: %d sections, date %q", len(none.Sections), none.Date)
	}
}

// The same logo path with other bytes is a new picture; the bytes are never shown.
func TestLogoReplaced(t *testing.T) {
	base := load(t, "base.toml", readFile(t, "base.toml"))
	o, n := *base, *base
	o.Brand.Logo, o.Brand.LogoData = "logo.png", []byte{1}
	n.Brand.Logo, n.Brand.LogoData = "logo.png", []byte{2}
	equal(t, texts(Compare(&o, &n, nil, nil)), []string{"Logo-Bild geändert"})
	n.Brand.Logo = "assets/logo.png"
	equal(t, texts(Compare(&o, &n, nil, nil)), []string{"Logo: logo.png → assets/logo.png"})
}

// Any two plan files compare, print and lay out without a panic.
func FuzzCompare(f *testing.F) {
	for _, pair := range [][2]string{{"base.toml", "edited.toml"}, {"base.toml", "respelled.toml"}, {"edited.toml", "base.toml"}} {
		a, _ := os.ReadFile(filepath.Join("testdata", pair[0]))
		b, _ := os.ReadFile(filepath.Join("testdata", pair[1]))
		f.Add(string(a), string(b))
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		l := &check.Loader{Now: now}
		o, od := l.LoadPlanBytes("testdata/a.toml", []byte(a))
		n, nd := l.LoadPlanBytes("testdata/b.toml", []byte(b))
		var of, nf *planfigures.Figures
		if o != nil && n != nil && !od.HasErrors() && !nd.HasErrors() {
			of, nf = check.Compute(o, now), check.Compute(n, now)
		}
		cs := Compare(o, n, of, nf)
		lang := "de"
		if n != nil {
			lang = n.Lang
			_ = Report(n, cs, ReportOptions{})
		}
		var buf bytes.Buffer
		_ = WriteText(&buf, "t", Versions{}, Group(cs, lang), lang)
	})
}

// Opportunities (block 2) and management asks (their own block) are compared by id; a
// decision shows as the ask's change of status, and the pipeline's figures follow.
func TestOpportunitiesAndAsks(t *testing.T) {
	base := readFile(t, "base.toml") + `
[[opportunities]]
id = "o1"
name = "Retrofit Linie 3"
value = 420_000
probability = 60
stage = "proposal"
close = 2027-06-30
owner = "as"
contact = "mk"

[[opportunities]]
id = "o2"
name = "Ersatzteile"
value = 50_000
probability = 20
stage = "lead"
close = 2027-09-30

[[asks]]
id = "m1"
ask = "Budget für den Pilot"
kind = "budget"
amount = 60_000
reason = "Öffnet das Servicegeschäft."
status = "open"
`
	next := edit(t, base,
		"probability = 60\nstage = \"proposal\"", "probability = 100\nstage = \"won\"",
		"owner = \"as\"\ncontact = \"mk\"", "owner = \"tb\"\ncontact = \"hb\"",
		"[[opportunities]]\nid = \"o2\"\nname = \"Ersatzteile\"\nvalue = 50_000\nprobability = 20\nstage = \"lead\"\nclose = 2027-09-30\n",
		"[[opportunities]]\nid = \"o3\"\nname = \"Schulungen\"\nvalue = 30_000\nprobability = 50\nstage = \"qualified\"\nclose = 2027-10-31\n",
		"reason = \"Öffnet das Servicegeschäft.\"\nstatus = \"open\"\n", "reason = \"Öffnet das Servicegeschäft.\"\nstatus = \"conditional\"\ndecided_by = \"Dr. Katrin Albers\"\ndecided_on = 2027-04-20\ncondition = \"nur mit Auftrag Linie 3\"\n",
	)
	cs := compare(t, base, next)
	equal(t, texts(cs, Scorecard), []string{
		"Verkaufschance o1 (Retrofit Linie 3): Erfolgschance 60 % → 100 %",
		"Verkaufschance o1 (Retrofit Linie 3): Phase Angebot → Gewonnen",
		"Verkaufschance o1 (Retrofit Linie 3): Verantwortlich Anna Schmidt → Tom Berger",
		"Verkaufschance o1 (Retrofit Linie 3): entscheidender Kontakt Dr. Maria König → Henrik Brandt",
		"neue Verkaufschance o3: Schulungen (30.000 €, 50 %, Qualifiziert)",
		"Verkaufschance o2 entfernt: Ersatzteile",
	})
	equal(t, texts(cs, Asks), []string{
		"Anliegen an das Management m1 (Budget für den Pilot): Entscheidung offen → unter Bedingung",
		"Anliegen an das Management m1 (Budget für den Pilot): Entschieden von nicht angegeben → „Dr. Katrin Albers“",
		"Anliegen an das Management m1 (Budget für den Pilot): Entschieden am nicht angegeben → 20.04.2027",
		"Anliegen an das Management m1 (Budget für den Pilot): Bedingung nicht angegeben → „nur mit Auftrag Linie 3“",
	})
	var figures []string
	for _, c := range texts(cs, Figures) {
		if strings.Contains(c, "Pipeline") || strings.Contains(c, "Anliegen") || strings.Contains(c, "Gewonnene") {
			figures = append(figures, c)
		}
	}
	// Weighted: 252,000 + 10,000 → 420,000 + 15,000.
	equal(t, figures, []string{
		"Gewichtete Pipeline: 262.000 € → 435.000 €",
		"Gewonnene Verkaufschancen: 0 € → 420.000 €",
		"Offene Anliegen an das Management: 1 → 0",
	})
}
