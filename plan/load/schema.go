package load

import (
	"fmt"
	"strings"
	"sync"

	"github.com/kepdev/kep/locale"
	"github.com/kepdev/kep/plan"
)

// The schema is the one definition of every key of the plan format (spec/plan-format.md):
// its kind, range, allowed values, whether it is required, and what it means in English
// and German. The loader walks each decoded TOML file against it before decoding into the
// structs (exact key names, types, ranges), and JSONSchema writes it out for editors.

type kind int

const (
	kindText      kind = iota // one line of text
	kindMarkdown              // CommonMark
	kindMoney                 // number ≥ 0 in the plan's currency
	kindPercent               // number 0–100
	kindPoints                // number 0–10
	kindNumber                // any finite number
	kindInteger               // whole number
	kindBool                  // true or false
	kindDate                  // local date
	kindID                    // ^[a-z0-9][a-z0-9_-]{0,31}$
	kindEnum                  // one of enum
	kindPath                  // file path relative to the file naming it
	kindColour                // #rrggbb
	kindCurrency              // ISO 4217 code
	kindTextList              // array of one-line strings
	kindEnumList              // array of values from enum
	kindTable                 // table with the keys in keys
	kindTables                // array of tables with the keys in keys
	kindPointsMap             // table of id → points; the ids are checked by the validators
)

type keySpec struct {
	name     string
	kind     kind
	required bool
	min, max *float64
	minExcl  bool // min itself is not allowed (visits_per_day > 0)
	enum     []string
	keys     []*keySpec
	en, de   string // descriptions
	// enFmt is the format en was made from, with the document languages and the default
	// one (the key lang): the key of its translations (locale.SchemaText).
	enFmt string
	// wsOnly marks a workspace key met in a plan: an error with its own message.
	wsOnly bool
}

// MaxRows is the most elements one array may hold (10,000): far above any real plan, low
// enough that a generated monster file is refused before it costs time and memory.
const MaxRows = 10000

func key(name string, k kind, en, de string) *keySpec {
	return &keySpec{name: name, kind: k, en: en, de: de}
}

func table(name, en, de string, keys ...*keySpec) *keySpec {
	return &keySpec{name: name, kind: kindTable, en: en, de: de, keys: keys}
}

func tables(name, en, de string, keys ...*keySpec) *keySpec {
	return &keySpec{name: name, kind: kindTables, en: en, de: de, keys: keys}
}

func (s *keySpec) req() *keySpec { s.required = true; return s }

func (s *keySpec) rng(lo, hi float64) *keySpec { s.min, s.max = &lo, &hi; return s }

func (s *keySpec) atLeast(lo float64) *keySpec { s.min = &lo; return s }

func (s *keySpec) above(lo float64) *keySpec { s.min, s.minExcl = &lo, true; return s }

func (s *keySpec) oneOf(vs ...string) *keySpec { s.enum = vs; return s }

func (s *keySpec) workspaceOnly() *keySpec { s.wsOnly = true; return s }

// child returns the spec of key name in a table spec, matched exactly.
func (s *keySpec) child(name string) *keySpec {
	for _, k := range s.keys {
		if k.name == name {
			return k
		}
	}
	return nil
}

// bounds returns the effective range of a numeric key.
func (s *keySpec) bounds() (lo, hi *float64) {
	zero, ten, hundred := 0.0, 10.0, 100.0
	lo, hi = s.min, s.max
	switch s.kind {
	case kindMoney:
		if lo == nil {
			lo = &zero
		}
	case kindPercent:
		if lo == nil {
			lo = &zero
		}
		if hi == nil {
			hi = &hundred
		}
	case kindPoints, kindPointsMap:
		lo, hi = &zero, &ten
	}
	return lo, hi
}

var (
	levels    = []string{"high", "medium", "low"}
	langs     = locale.Langs()
	statuses  = []string{"draft", "review", "approved"}
	confLevel = []string{"public", "internal", "confidential", "strictly-confidential"}
)

func brandSpec() *keySpec {
	return table("brand", "Brand of the documents; keys in a plan override the workspace's.",
		"Gestaltung der Dokumente; Schlüssel im Plan überschreiben die des Arbeitsbereichs.",
		key("company", kindText, "Our company's name, on the cover and in the footer.", "Name des eigenen Unternehmens, auf Titelblatt und in der Fußzeile."),
		key("logo", kindPath, "PNG or JPEG logo, at most 5 MiB, relative to this file, inside the workspace.", "Logo als PNG oder JPEG, höchstens 5 MiB, relativ zu dieser Datei, im Arbeitsbereich."),
		key("primary", kindColour, "Primary colour #rrggbb: headings and charts.", "Hauptfarbe #rrggbb: Überschriften und Diagramme."),
		key("accent", kindColour, "Accent colour #rrggbb.", "Akzentfarbe #rrggbb."),
		key("font", kindPath, "TrueType font (.ttf) for text, relative to this file.", "TrueType-Schrift (.ttf) für den Text, relativ zu dieser Datei."),
		key("font_bold", kindPath, "TrueType font (.ttf) for bold text.", "TrueType-Schrift (.ttf) für fetten Text."),
		key("font_italic", kindPath, "TrueType font (.ttf) for italic text; without it, italics are the regular font slanted.", "TrueType-Schrift (.ttf) für kursiven Text; ohne sie wird die normale Schrift schräg gestellt."),
		key("font_bold_italic", kindPath, "TrueType font (.ttf) for bold italic text.", "TrueType-Schrift (.ttf) für fett-kursiven Text."),
		key("font_fallback", kindPath, "TrueType font (.ttf) for the characters the text fonts lack (e.g. Chinese, Arabic); each character is printed with the first font that has it.", "TrueType-Schrift (.ttf) für die Zeichen, die den Textschriften fehlen (z. B. Chinesisch, Arabisch); jedes Zeichen wird in der ersten Schrift gedruckt, die es hat."),
		key("paper", kindEnum, "Paper size of the PDF.", "Papierformat des PDF.").oneOf("A4", "letter"),
		key("footer", kindText, "Extra footer text.", "Zusätzlicher Text in der Fußzeile."),
		key("chapter_breaks", kindEnum, "Chapters in the PDF: auto (run on, default) or page (each starts a new page).", "Kapitel im PDF: auto (fortlaufend, Vorgabe) oder page (jedes auf neuer Seite).").oneOf("auto", "page"),
	)
}

func criterionSpec(name, en, de string) *keySpec {
	return tables(name, en, de,
		key("id", kindID, "Criterion id, used as key in [selection."+name+"].", "Kennung des Kriteriums, Schlüssel in [selection."+name+"].").req(),
		key("name", kindText, "Name of the criterion in the documents.", "Name des Kriteriums in den Dokumenten.").req(),
		key("weight", kindPercent, "Weight in percent; the weights of one axis sum to 100.", "Gewicht in Prozent; die Gewichte einer Achse ergeben 100.").req(),
	)
}

func scoringSpec() *keySpec {
	return table("scoring", "Scoring model (workspace only): thresholds and weighted criteria.",
		"Kundenbewertungssystem (nur im Arbeitsbereich): Schwellen und gewichtete Kriterien.",
		key("class_a", kindPercent, "Attractiveness from which an account is class A; default 70.", "Attraktivität ab der ein Kunde A-Kunde ist; Vorgabe 70."),
		key("class_b", kindPercent, "Attractiveness from which an account is class B; default 40.", "Attraktivität ab der ein Kunde B-Kunde ist; Vorgabe 40."),
		criterionSpec("attractiveness", "Criteria of the account's attractiveness.", "Kriterien der Kundenattraktivität."),
		criterionSpec("position", "Criteria of our competitive position.", "Kriterien der Lieferantenposition."),
	)
}

func visitsSpec() *keySpec {
	return table("visits", "Visit-needs model (workspace only).", "Besuchsbedarfsanalyse (nur im Arbeitsbereich).",
		key("working_days", kindNumber, "Contact days per KAM and year, 1–366; default 200.", "Kontakttage je KAM und Jahr, 1–366; Vorgabe 200.").rng(1, 366),
		key("visits_per_day", kindNumber, "Visits per day, > 0; default 2.5.", "Besuche je Tag, > 0; Vorgabe 2,5.").rng(0, 100).above(0),
		key("kams", kindInteger, "Number of key account managers, ≥ 1; default 1.", "Anzahl Key Account Manager, ≥ 1; Vorgabe 1.").atLeast(1),
		tables("classes", "Visit norm of each customer class; one row for each of A, B, C. With territories, the norms only: the customers are counted per territory.",
			"Besuchsnorm je Kundenklasse; je eine Zeile für A, B, C. Mit Gebieten nur die Normen: die Kunden werden je Gebiet gezählt.",
			visitClassKeys(false)...),
		tables("territories", "Territories (Gebiete), each with its own customer counts; need and capacity are summed over them.",
			"Gebiete mit eigenen Kundenzahlen; Bedarf und Kapazität werden über sie summiert.",
			key("name", kindText, "Name of the territory, unique.", "Name des Gebiets, eindeutig.").req(),
			key("kams", kindInteger, "Key account managers of the territory, ≥ 1; default the workspace's kams.", "Key Account Manager des Gebiets, ≥ 1; Vorgabe kams des Arbeitsbereichs.").atLeast(1),
			key("working_days", kindNumber, "Contact days per KAM and year, 1–366; default the workspace's.", "Kontakttage je KAM und Jahr, 1–366; Vorgabe die des Arbeitsbereichs.").rng(1, 366),
			key("visits_per_day", kindNumber, "Visits per day, > 0; default the workspace's.", "Besuche je Tag, > 0; Vorgabe die des Arbeitsbereichs.").rng(0, 100).above(0),
			tables("classes", "Customers of the territory per class, at most one row per class; frequencies default to the workspace's norms.",
				"Kunden des Gebiets je Klasse, höchstens eine Zeile je Klasse; Frequenzen wie die Normen des Arbeitsbereichs, wenn nicht angegeben.",
				visitClassKeys(true)...),
		),
	)
}

// visitClassKeys are the keys of a visit class row: of the workspace (the class norms,
// with customers unless territories count them) or of a territory (its counts; a
// frequency left out is the workspace's norm of the class).
func visitClassKeys(territory bool) []*keySpec {
	customers := key("customers", kindInteger, "Buying customers in the class; required unless territories count them.", "Kaufende Kunden der Klasse; Pflicht, außer Gebiete zählen sie.").atLeast(0)
	freq := key("frequency", kindNumber, "Visits per customer and year.", "Besuche je Kunde und Jahr.").atLeast(0).req()
	pfreq := key("prospect_frequency", kindNumber, "Visits per prospect and year; default half the frequency.", "Besuche je potenziellem Kunden und Jahr; Vorgabe die halbe Frequenz.").atLeast(0)
	mfreq := key("minor_prospect_frequency", kindNumber, "Visits per less important prospect and year; default 0.", "Besuche je weniger wichtigem potenziellem Kunden und Jahr; Vorgabe 0.").atLeast(0)
	if territory {
		const en, de = "; default the workspace's norm of the class.", "; Vorgabe die Norm der Klasse im Arbeitsbereich."
		customers = key("customers", kindInteger, "Buying customers of the class in the territory.", "Kaufende Kunden der Klasse im Gebiet.").atLeast(0).req()
		freq = key("frequency", kindNumber, "Visits per customer and year"+en, "Besuche je Kunde und Jahr"+de).atLeast(0)
		pfreq = key("prospect_frequency", kindNumber, "Visits per prospect and year"+en, "Besuche je potenziellem Kunden und Jahr"+de).atLeast(0)
		mfreq = key("minor_prospect_frequency", kindNumber, "Visits per less important prospect and year"+en, "Besuche je weniger wichtigem potenziellem Kunden und Jahr"+de).atLeast(0)
	}
	return []*keySpec{
		key("class", kindEnum, "Customer class.", "Kundenklasse.").oneOf("A", "B", "C").req(),
		customers,
		key("prospects", kindInteger, "Important potential customers; default 0.", "Wichtige potenzielle Kunden; Vorgabe 0.").atLeast(0),
		key("minor_prospects", kindInteger, "Less important potential customers; default 0.", "Weniger wichtige potenzielle Kunden; Vorgabe 0.").atLeast(0),
		freq, pfreq, mfreq,
	}
}

func costsSpec() *keySpec {
	return table("costs", "Visit-cost model (workspace only).", "Besuchskostenanalyse (nur im Arbeitsbereich).",
		tables("items", "Yearly costs of one KAM.", "Jährliche Kosten eines KAM.",
			key("name", kindText, "Cost item.", "Kostenart.").req(),
			key("amount", kindMoney, "Yearly amount.", "Jährlicher Betrag.").req(),
		),
	)
}

// listOr joins codes as "de, en or fr" with the word for or.
func listOr(codes []string, or string) string {
	if len(codes) < 2 {
		return strings.Join(codes, "")
	}
	return strings.Join(codes[:len(codes)-1], ", ") + " " + or + " " + codes[len(codes)-1]
}

// langDesc is the English description of lang, of the languages and the default one.
const langDesc = "Language of the documents: %s; default %s."

func langSpec() *keySpec {
	s := key("lang", kindEnum, fmt.Sprintf(langDesc, listOr(langs, "or"), locale.Default().Lang),
		"Sprache der Dokumente: "+listOr(langs, "oder")+"; Vorgabe "+locale.Default().Lang+".").oneOf(langs...)
	s.enFmt = langDesc
	return s
}

func commonTop() []*keySpec {
	return []*keySpec{
		langSpec(),
		key("currency", kindCurrency, "ISO 4217 currency code; default EUR.", "Währungscode nach ISO 4217; Vorgabe EUR."),
		brandSpec(),
	}
}

// The two schemas are built on first use, not at start-up: commands that read no plan
// (version, help) need neither.
var workspaceSchema = sync.OnceValue(func() *keySpec {
	return &keySpec{kind: kindTable,
		en: "kep workspace file (kep.toml): brand, scoring model, visit and cost model.",
		de: "kep-Arbeitsbereich (kep.toml): Gestaltung, Kundenbewertung, Besuchs- und Kostenmodell.",
		keys: append([]*keySpec{
			key("format", kindInteger, "Format version: 1.", "Formatversion: 1.").rng(1, 1),
		}, append(commonTop(), scoringSpec(), visitsSpec(), costsSpec())...),
	}
})

var planSchema = sync.OnceValue(func() *keySpec {
	return &keySpec{kind: kindTable,
		en: "kep key account development plan, format 1.",
		de: "kep-Kundenentwicklungsplan, Format 1.",
		keys: append([]*keySpec{
			key("format", kindInteger, "Format version of the plan: 1.", "Formatversion des Plans: 1.").rng(1, 1).req(),
		}, append(commonTop(),
			table("plan", "The plan: account, period, status.", "Der Plan: Kunde, Zeitraum, Status.",
				key("account", kindText, "The key account's name.", "Name des Key Accounts.").req(),
				key("title", kindText, "Title; default \"Kundenentwicklungsplan {account}\".", "Titel; Vorgabe „Kundenentwicklungsplan {account}“."),
				key("from", kindDate, "First day of the plan period.", "Erster Tag des Planungszeitraums.").req(),
				key("to", kindDate, "Last day of the plan period, after from.", "Letzter Tag des Planungszeitraums, nach from.").req(),
				key("version", kindText, "Version of the plan, e.g. 2027.1.", "Version des Plans, z. B. 2027.1."),
				key("status", kindEnum, "draft (default), review or approved.", "draft (Vorgabe), review oder approved.").oneOf(statuses...),
				key("owner", kindText, "Key account manager responsible.", "Verantwortlicher Key Account Manager."),
				key("approved_by", kindText, "Who approved the plan; with status approved.", "Wer den Plan freigegeben hat; bei Status approved."),
				key("approved_on", kindDate, "When the plan was approved; with status approved.", "Wann der Plan freigegeben wurde; bei Status approved."),
				key("confidentiality", kindEnum, "Printed on every page; default confidential.", "Auf jeder Seite gedruckt; Vorgabe confidential.").oneOf(confLevel...),
				key("summary", kindMarkdown, "The manager's own summary (Markdown).", "Eigene Zusammenfassung (Markdown)."),
				key("kind", kindEnum, "account (default): a buying key account; prospect: a potential key account, planned at its class's prospect_frequency.",
					"account (Vorgabe): ein kaufender Key Account; prospect: ein potenzieller Key Account, geplant mit der prospect_frequency seiner Klasse.").oneOf(plan.PlanKinds...),
			).req(),
			table("selection", "Building block 1: selection of key accounts.", "Baustein 1: Auswahl der Key Accounts.",
				key("revenue", kindMoney, "Planned revenue with the account in the period.", "Geplanter Umsatz mit dem Kunden im Zeitraum."),
				key("contribution_margin", kindMoney, "Planned contribution margin.", "Geplanter Deckungsbeitrag."),
				key("visits", kindInteger, "Planned visits in the period.", "Geplante Besuche im Zeitraum.").atLeast(0),
				key("attractiveness", kindPointsMap, "Points 0–10 for every attractiveness criterion of the scoring model.", "Punkte 0–10 für jedes Attraktivitätskriterium des Bewertungssystems."),
				key("position", kindPointsMap, "Points 0–10 for every position criterion of the scoring model.", "Punkte 0–10 für jedes Positionskriterium des Bewertungssystems."),
			),
			table("scorecard", "Building block 2: strategic KAM goals (balanced scorecard).", "Baustein 2: strategische KAM-Ziele (Balanced Scorecard).",
				table("weights", "Weights of the perspectives in percent; sum 100; default 25 each.", "Gewichte der Perspektiven in Prozent; Summe 100; Vorgabe je 25.",
					key("finance", kindPercent, "Finance perspective.", "Finanzperspektive."),
					key("customer", kindPercent, "Customer perspective.", "Kundenperspektive."),
					key("process", kindPercent, "Process perspective.", "Prozessperspektive."),
					key("learning", kindPercent, "Learning and growth perspective.", "Lern- und Entwicklungsperspektive."),
				),
				tables("objectives", "Objectives with KPI, target and actual.", "Ziele mit Kennzahl, Soll und Ist.",
					key("id", kindID, "Objective id.", "Kennung des Ziels.").req(),
					key("perspective", kindEnum, "Perspective of the objective.", "Perspektive des Ziels.").oneOf(plan.Perspectives...).req(),
					key("objective", kindText, "The objective in words.", "Das Ziel in Worten.").req(),
					key("kpi", kindText, "Key performance indicator.", "Kennzahl."),
					key("unit", kindText, "Unit; \"%\" and the currency code are formatted as such.", "Einheit; „%“ und der Währungscode werden entsprechend formatiert."),
					key("baseline", kindNumber, "Last period's value.", "Wert der Vorperiode."),
					key("target", kindNumber, "Target, not 0; > 0 where better is lower.", "Zielwert, nicht 0; > 0 wenn niedriger besser ist.").req(),
					key("actual", kindNumber, "Actual value, filled in at reviews.", "Istwert, bei Reviews eingetragen."),
					key("better", kindEnum, "higher (default) or lower is better.", "higher (Vorgabe) oder lower ist besser.").oneOf("higher", "lower"),
					key("weight", kindPercent, "Weight within its perspective; the weights of one perspective sum to 100.", "Gewicht innerhalb der Perspektive; Summe je Perspektive 100."),
				),
			),
			table("offering", "Building block 3: service packages.", "Baustein 3: KAM-Leistungspakete.",
				key("positioning", kindMarkdown, "How we want the account to see us (Markdown).", "Wie der Kunde uns sehen soll (Markdown)."),
				tables("profile", "Strengths-weaknesses profile.", "Stärken-Schwächen-Profil.",
					key("criterion", kindText, "Criterion.", "Kriterium.").req(),
					key("weight", kindPercent, "Importance to the account; sum 100 over the profile.", "Bedeutung für den Kunden; Summe 100 über das Profil.").req(),
					key("own", kindPoints, "Our points as the account rates us.", "Unsere Punkte aus Sicht des Kunden.").req(),
					key("competitors", kindPointsMap, "Points per competitor id; never 0.", "Punkte je Wettbewerber-Kennung; nie 0."),
				),
				tables("competences", "Competence portfolio.", "Kompetenzfeld-Analyse.",
					key("name", kindText, "Competence.", "Kompetenzfeld.").req(),
					key("importance", kindPoints, "Strategic importance to the account.", "Strategische Bedeutung für den Kunden.").req(),
					key("strength", kindPoints, "Our competence relative to the competitors.", "Unsere Kompetenz relativ zum Wettbewerb.").req(),
					key("revenue", kindMoney, "Revenue: bubble size.", "Umsatz: Blasengröße."),
				),
				tables("packages", "Service packages.", "Leistungspakete.",
					key("name", kindText, "Package name.", "Name des Pakets.").req(),
					key("description", kindMarkdown, "Description (Markdown).", "Beschreibung (Markdown)."),
					key("components", kindTextList, "Components.", "Bestandteile."),
					key("price", kindMoney, "Price per year.", "Preis pro Jahr."),
					key("benefit", kindText, "Benefit to the account.", "Nutzen für den Kunden."),
				),
			),
			table("account", "Building block 4: key account analysis.", "Baustein 4: Key Account-Analyse.",
				key("industry", kindText, "Industry.", "Branche."),
				key("headquarters", kindText, "Headquarters.", "Hauptsitz."),
				key("employees", kindInteger, "Employees.", "Mitarbeiter.").atLeast(0),
				key("revenue", kindMoney, "The account's own yearly revenue.", "Eigener Jahresumsatz des Kunden."),
				key("locations", kindTextList, "Locations.", "Standorte."),
				key("website", kindText, "Website, http or https.", "Website, http oder https."),
				key("strategy", kindMarkdown, "The account's strategy (Markdown).", "Strategie des Kunden (Markdown)."),
				tables("history", "Our business with the account, one row per year.", "Unser Geschäft mit dem Kunden, eine Zeile je Jahr.",
					key("year", kindInteger, "Year, unique.", "Jahr, eindeutig.").rng(1900, 2200).req(),
					key("revenue", kindMoney, "Revenue.", "Umsatz.").req(),
					key("contribution_margin", kindMoney, "Contribution margin.", "Deckungsbeitrag."),
					key("share_of_wallet", kindPercent, "Share of the account's spend in our field.", "Anteil am Bedarf des Kunden in unserem Feld."),
				),
				tables("pains", "The account's pains.", "Die ‚Schmerzen‘ des Accounts.",
					key("pain", kindText, "Pain.", "Problem.").req(),
					key("impact", kindEnum, "high, medium or low.", "high, medium oder low.").oneOf(levels...),
					key("solution", kindText, "Our solution.", "Unsere Lösung."),
				),
				tables("initiatives", "The key account's business initiatives.", "Geschäftsinitiativen des Key Accounts.",
					key("name", kindText, "Initiative.", "Initiative.").req(),
					key("goal", kindText, "Goal.", "Ziel."),
					key("due", kindDate, "Due date.", "Termin."),
					key("relevance", kindEnum, "Relevance to us: high, medium or low.", "Bedeutung für uns: high, medium oder low.").oneOf(levels...),
				),
				table("purchasing", "The purchasing process.", "Der Einkaufsprozess.",
					key("process", kindMarkdown, "Process (Markdown).", "Ablauf (Markdown)."),
					key("steps", kindTextList, "Steps.", "Schritte."),
				),
				tables("readiness", "Readiness to implement.", "Umsetzungsbereitschaft.",
					key("criterion", kindText, "Criterion.", "Kriterium.").req(),
					key("points", kindPoints, "Points.", "Punkte.").req(),
				),
			),
			table("swot", "Building block 5: SWOT of our position at the account.", "Baustein 5: SWOT unserer Position beim Kunden.",
				key("strengths", kindTextList, "Our strengths.", "Unsere Stärken."),
				key("weaknesses", kindTextList, "Our weaknesses.", "Unsere Schwächen."),
				key("opportunities", kindTextList, "Opportunities at the account.", "Chancen beim Kunden."),
				key("threats", kindTextList, "Threats.", "Risiken."),
				table("strategies", "TOWS strategies.", "TOWS-Strategien.",
					key("so", kindTextList, "Use strengths to seize opportunities.", "Stärken nutzen, Chancen ergreifen."),
					key("st", kindTextList, "Use strengths against threats.", "Stärken gegen Risiken einsetzen."),
					key("wo", kindTextList, "Seize opportunities to mend weaknesses.", "Chancen nutzen, Schwächen abbauen."),
					key("wt", kindTextList, "Defend.", "Verteidigen."),
				),
			),
			tables("competitors", "Competitors at the account.", "Wettbewerber beim Kunden.",
				key("id", kindID, "Competitor id.", "Kennung des Wettbewerbers.").req(),
				key("name", kindText, "Name.", "Name.").req(),
				key("share_of_wallet", kindPercent, "Share at the account; sum over competitors ≤ 100.", "Anteil beim Kunden; Summe über alle Wettbewerber ≤ 100."),
				key("strengths", kindTextList, "Strengths.", "Stärken."),
				key("weaknesses", kindTextList, "Weaknesses.", "Schwächen."),
				key("strategy", kindText, "What we expect them to do.", "Was wir von ihnen erwarten."),
				key("threat", kindEnum, "high, medium or low.", "high, medium oder low.").oneOf(levels...),
			),
			tables("goals", "Linking the account's goals and ours.", "Vernetzung der Kundenziele mit unseren.",
				key("account_goal", kindText, "The account's goal.", "Ziel des Kunden.").req(),
				key("own_goal", kindText, "Our goal.", "Unser Ziel.").req(),
				key("contribution", kindText, "Our contribution.", "Unser Beitrag."),
				key("objective", kindID, "Id of a scorecard objective.", "Kennung eines Scorecard-Ziels."),
			),
			tables("value", "Building block 6: value-added concepts.", "Baustein 6: Mehrwertkonzepte.",
				key("id", kindID, "Concept id.", "Kennung des Konzepts.").req(),
				key("name", kindText, "Name.", "Name.").req(),
				key("description", kindMarkdown, "Description (Markdown).", "Beschreibung (Markdown)."),
				key("years", kindInteger, "Horizon in years, 1–10; default 1.", "Horizont in Jahren, 1–10; Vorgabe 1.").rng(1, 10),
				tables("benefits", "The account's yearly gains.", "Jährlicher Nutzen des Kunden.",
					key("item", kindText, "Benefit.", "Nutzen.").req(),
					key("amount", kindMoney, "Yearly amount.", "Jährlicher Betrag.").req(),
					key("basis", kindText, "How the amount was estimated.", "Wie der Betrag geschätzt wurde."),
				),
				tables("costs", "The account's costs.", "Kosten des Kunden.",
					key("item", kindText, "Cost.", "Kosten.").req(),
					key("amount", kindMoney, "Amount.", "Betrag.").req(),
					key("once", kindBool, "true: one-time cost, else yearly.", "true: einmalige Kosten, sonst jährlich."),
				),
			),
			tables("team", "Building block 7: our account team.", "Baustein 7: unser Kundenteam.",
				key("id", kindID, "Team member id.", "Kennung des Teammitglieds.").req(),
				key("name", kindText, "Name.", "Name.").req(),
				key("role", kindText, "Role.", "Rolle."),
			),
			tables("contacts", "Building block 7: contacts at the account.", "Baustein 7: Kontakte beim Kunden.",
				key("id", kindID, "Contact id.", "Kennung des Kontakts.").req(),
				key("name", kindText, "Name.", "Name.").req(),
				key("title", kindText, "Job title.", "Funktion."),
				key("department", kindText, "Department.", "Abteilung."),
				&keySpec{name: "roles", kind: kindEnumList, enum: plan.BuyingRoles, en: "Buying-centre roles.", de: "Rollen im Buying Center."},
				key("influence", kindInteger, "1 low, 2 medium, 3 high.", "1 gering, 2 mittel, 3 hoch.").rng(1, 3).req(),
				key("attitude", kindEnum, "Attitude towards us.", "Einstellung zu uns.").oneOf(plan.Attitudes...).req(),
				key("relationship", kindInteger, "0 none, 1 brief, 2 regular, 3 close, 4 trusted.", "0 keine, 1 flüchtig, 2 regelmäßig, 3 eng, 4 vertrauensvoll.").rng(0, 4),
				key("target_relationship", kindInteger, "Relationship we aim at, ≥ relationship.", "Angestrebte Beziehung, ≥ relationship.").rng(0, 4),
				key("owner", kindID, "Id in [[team]].", "Kennung in [[team]]."),
				key("reports_to", kindID, "Id in [[contacts]].", "Kennung in [[contacts]]."),
				key("last_contact", kindDate, "Date of the last contact.", "Datum des letzten Kontakts."),
				key("next_step", kindText, "Next step.", "Nächster Schritt."),
			),
			tables("actions", "Action plan.", "Maßnahmenplan.",
				key("id", kindID, "Action id.", "Kennung der Maßnahme.").req(),
				key("action", kindText, "Action.", "Maßnahme.").req(),
				key("owner", kindID, "Id in [[team]].", "Kennung in [[team]]."),
				key("due", kindDate, "Due date.", "Termin."),
				key("status", kindEnum, "open (default), doing, done or dropped.", "open (Vorgabe), doing, done oder dropped.").oneOf("open", "doing", "done", "dropped"),
				key("objective", kindID, "Id of a scorecard objective.", "Kennung eines Scorecard-Ziels."),
			),
			tables("opportunities", "Opportunities: the pipeline and its chance of success.", "Verkaufschancen: die Pipeline und ihre Erfolgschancen.",
				key("id", kindID, "Opportunity id.", "Kennung der Verkaufschance.").req(),
				key("name", kindText, "Name of the opportunity.", "Name der Verkaufschance.").req(),
				key("value", kindMoney, "Expected order value, > 0.", "Erwarteter Auftragswert, > 0.").above(0).req(),
				key("probability", kindPercent, "Chance of success in percent; won 100, lost 0.", "Erfolgschance in Prozent; won 100, lost 0.").req(),
				key("stage", kindEnum, "Stage of the opportunity.", "Phase der Verkaufschance.").oneOf(plan.OpportunityStages...).req(),
				key("close", kindDate, "Expected decision date.", "Erwarteter Entscheidungstermin.").req(),
				key("objective", kindID, "Id of a scorecard objective it serves.", "Kennung des Scorecard-Ziels, dem sie dient."),
				key("owner", kindID, "Id in [[team]].", "Kennung in [[team]]."),
				key("contact", kindID, "Id in [[contacts]]: the deciding contact.", "Kennung in [[contacts]]: der entscheidende Kontakt."),
			),
			tables("asks", "What the KAM needs from management.", "Unterstützung durch das Management.",
				key("id", kindID, "Ask id.", "Kennung der Anfrage.").req(),
				key("ask", kindText, "What is asked for.", "Worum gebeten wird.").req(),
				key("kind", kindEnum, "Kind of support.", "Art der Unterstützung.").oneOf(plan.AskKinds...).req(),
				key("amount", kindMoney, "Amount, if money is asked for.", "Betrag, wenn um Geld gebeten wird."),
				key("reason", kindMarkdown, "Why, and what it brings (Markdown).", "Warum, und was es bringt (Markdown).").req(),
				key("status", kindEnum, "open, approved, rejected or conditional.", "open, approved, rejected oder conditional.").oneOf(plan.AskStatuses...).req(),
				key("decided_by", kindText, "Who decided; required unless status is open.", "Wer entschieden hat; Pflicht außer bei Status open."),
				key("decided_on", kindDate, "When it was decided; required unless status is open.", "Wann entschieden wurde; Pflicht außer bei Status open."),
				key("condition", kindText, "The condition; required when status is conditional, refused otherwise.", "Die Bedingung; Pflicht bei Status conditional, sonst nicht erlaubt."),
				key("objective", kindID, "Id of a scorecard objective.", "Kennung eines Scorecard-Ziels."),
			),
			tables("checklists", "Checklists.", "Checklisten.",
				key("topic", kindEnum, "Topic of the checklist.", "Thema der Checkliste.").oneOf(plan.ChecklistTopics...).req(),
				tables("items", "Questions.", "Fragen.",
					key("item", kindText, "Question.", "Frage.").req(),
					key("status", kindEnum, "yes, partly, no or na.", "yes, partly, no oder na.").oneOf("yes", "partly", "no", "na").req(),
				),
			),
			tables("reviews", "Plan reviews, newest last.", "Plan-Reviews, neuestes zuletzt.",
				key("date", kindDate, "Date of the review.", "Datum des Reviews.").req(),
				key("participants", kindTextList, "Participants.", "Teilnehmer."),
				key("notes", kindMarkdown, "Notes (Markdown).", "Notizen (Markdown)."),
			),
			tables("accepted", "Warnings accepted on purpose: not printed, no failure with --strict, listed in the documents' appendix.",
				"Bewusst akzeptierte Warnungen: nicht ausgegeben, kein Fehler mit --strict, im Anhang der Dokumente aufgeführt.",
				key("warning", kindText, "The key path the warning names, e.g. contacts[1].last_contact.", "Der Schlüsselpfad, den die Warnung nennt, z. B. contacts[1].last_contact.").req(),
				key("reason", kindText, "Why the warning is accepted.", "Warum die Warnung akzeptiert wird.").req(),
				key("until", kindDate, "Optional: from the day after this as-of date the warning returns.", "Optional: ab dem Tag nach diesem Stichtag erscheint die Warnung wieder."),
			),
			scoringSpec().workspaceOnly(),
			visitsSpec().workspaceOnly(),
			costsSpec().workspaceOnly(),
		)...),
	}
})
