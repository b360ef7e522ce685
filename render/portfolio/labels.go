package portfolio

import "github.com/kepdev/kep/render"

// labels are the words only the portfolio report needs; everything a plan document also
// says (classes, quadrants, visit and cost terms) comes from render.Labels, so both
// documents use the same words.
type labels struct {
	render.Labels
	own map[string]string
}

func labelsFor(lang string) labels {
	l := labels{Labels: render.LabelsFor(lang), own: portfolioDE}
	if l.Lang == "en" {
		l.own = portfolioEN
	}
	return l
}

// T looks up a portfolio word first, then a shared one.
func (l labels) T(key string) string {
	if s, ok := l.own[key]; ok {
		return s
	}
	return l.Labels.T(key)
}

var portfolioDE = map[string]string{
	"pf.title":           "Key-Account-Portfolio",
	"pf.title.company":   "Key-Account-Portfolio %s",
	"pf.overview":        "Überblick",
	"pf.accounts":        "Key Accounts",
	"pf.accounts.n":      "%d Key Accounts",
	"pf.scored":          "davon %d bewertet",
	"pf.ranking":         "Rangfolge nach Kundenattraktivität",
	"pf.rank":            "Rang",
	"pf.h.classfield":    "Klasse / Feld",
	"pf.h.attr":          "Attraktivität",
	"pf.h.pos":           "Position",
	"pf.h.revenue":       "Umsatz Tsd. %s",
	"pf.h.margin":        "DB-Quote",
	"pf.h.vc":            "BK %s",
	"pf.h.vcratio":       "BK / Umsatz",
	"pf.h.ka":            "KA",
	"pf.no":              "nein",
	"pf.prospect":        "(potenziell)",
	"pf.h.legend":        "KA: Key Account nach dem Kundenbewertungssystem (Klasse A und B; Klasse C: nein); (potenziell): potenzieller Key Account, sein Umsatz ist ein Potenzial. Attraktivität: Kundenattraktivität, Position: Lieferantenposition, je 0 bis 100 Punkte; Umsatz: geplanter Umsatz im Planungszeitraum in Tausend; DB-Quote: Deckungsbeitrag in % vom Umsatz; BK: Besuchskosten der geplanten Besuche; BK / Umsatz: Besuchskosten in % vom Umsatz.",
	"pf.account":         "Account",
	"pf.field":           "Feld",
	"pf.total":           "Portfolio",
	"pf.mean":            "Durchschnitt",
	"pf.byquadrant":      "Accounts nach Portfolio-Feld",
	"pf.byclass":         "Accounts nach Klasse",
	"pf.share":           "Anteil am Umsatz",
	"pf.unscored":        "ohne Bewertung",
	"pf.portfolio.alt":   "Kundenportfolio aus Kundenattraktivität und Lieferantenposition mit %d Accounts, Kreisgröße nach geplantem Umsatz: %s.",
	"pf.portfolio.see":   "Die Werte je Account stehen in der Rangfolge (Abschnitt %s).",
	"pf.portfolio.none":  "Kein Plan enthält eine Kundenbewertung; das Portfolio entfällt.",
	"pf.visits":          "Besuchsbedarfs- und Besuchskostenanalyse",
	"pf.needsum":         "Bedarf und Kapazität",
	"pf.kams":            "Key Account Manager",
	"pf.need.over":       "Der Besuchsbedarf von %s Besuchen im Jahr übersteigt die Kapazität von %s Besuchen: Auslastung %s, benötigt werden %s KAMs statt %s.",
	"pf.need.ok":         "Der Besuchsbedarf von %s Besuchen im Jahr ist durch die Kapazität von %s Besuchen gedeckt: Auslastung %s, benötigt werden %s von %s KAMs.",
	"pf.nocosts":         "Der Arbeitsbereich nennt keine Kosten eines KAM; Besuchskosten entfallen.",
	"pf.norm":            "Besuchsnorm und geplante Besuche",
	"pf.norm.class":      "Geplante Besuche nach Klasse",
	"pf.norm.intro":      "Accounts, deren geplante Besuche um mehr als 25 % von der Norm ihrer Klasse abweichen (anteilig zum Planungszeitraum).",
	"pf.norm.none":       "Kein Account weicht um mehr als 25 % von der Besuchsnorm seiner Klasse ab.",
	"pf.norm.value":      "Norm (anteilig)",
	"pf.deviation":       "Abweichung",
	"pf.withplan":        "Accounts mit Plan",
	"pf.scorecards":      "Scorecards im Vergleich",
	"pf.scorecards.none": "Kein Plan enthält Werte der Scorecard.",
	"pf.start.mean":      "Solche Pläne zählen nicht zum Mittelwert.",
	"pf.lights":          "Zielerreichung in % der Ziele; ● grün ab 100 %, ▲ gelb ab 80 %, ■ rot darunter.",
	"pf.appendix.plans":  "Pläne",
	"pf.file":            "Datei",
	"pf.lang":            "Sprache",
	"pf.count":           "Anzahl",
}

var portfolioEN = map[string]string{
	"pf.title":           "Key account portfolio",
	"pf.title.company":   "Key account portfolio %s",
	"pf.overview":        "Overview",
	"pf.accounts":        "Key accounts",
	"pf.accounts.n":      "%d key accounts",
	"pf.scored":          "%d of them scored",
	"pf.ranking":         "Accounts ranked by attractiveness",
	"pf.rank":            "Rank",
	"pf.h.classfield":    "Class / field",
	"pf.h.attr":          "Attractiveness",
	"pf.h.pos":           "Position",
	"pf.h.revenue":       "Revenue %s k",
	"pf.h.margin":        "Margin",
	"pf.h.vc":            "Visit cost %s",
	"pf.h.vcratio":       "VC / revenue",
	"pf.h.ka":            "KA",
	"pf.no":              "no",
	"pf.prospect":        "(potential)",
	"pf.h.legend":        "KA: a key account by the scoring system (class A and B; class C: no); (potential): a potential key account, its revenue is a potential. Attractiveness: account attractiveness, position: supplier position, each 0 to 100 points; revenue: planned revenue in the plan period in thousands; margin: contribution margin in % of revenue; visit cost: cost of the planned visits; VC / revenue: visit cost in % of revenue.",
	"pf.account":         "Account",
	"pf.field":           "Field",
	"pf.total":           "Portfolio",
	"pf.mean":            "Average",
	"pf.byquadrant":      "Accounts by portfolio field",
	"pf.byclass":         "Accounts by class",
	"pf.share":           "Share of revenue",
	"pf.unscored":        "not scored",
	"pf.portfolio.alt":   "Account portfolio of attractiveness and supplier position with %d accounts, bubble size by planned revenue: %s.",
	"pf.portfolio.see":   "The figures of each account are in the ranking (section %s).",
	"pf.portfolio.none":  "No plan holds an account scoring; the portfolio is left out.",
	"pf.visits":          "Visit needs and visit cost analysis",
	"pf.needsum":         "Need and capacity",
	"pf.kams":            "Key account managers",
	"pf.need.over":       "The need of %s visits a year exceeds the capacity of %s visits: utilisation %s, %s KAMs are needed instead of %s.",
	"pf.need.ok":         "The need of %s visits a year is covered by the capacity of %s visits: utilisation %s, %s of %s KAMs are needed.",
	"pf.nocosts":         "The workspace gives no costs of a KAM; visit costs are left out.",
	"pf.norm":            "Visit norm and planned visits",
	"pf.norm.class":      "Planned visits by class",
	"pf.norm.intro":      "Accounts whose planned visits differ by more than 25% from the norm of their class (pro rata to the plan period).",
	"pf.norm.none":       "No account's planned visits differ by more than 25% from the norm of its class.",
	"pf.norm.value":      "Norm (pro rata)",
	"pf.deviation":       "Deviation",
	"pf.withplan":        "Accounts with a plan",
	"pf.scorecards":      "Scorecards side by side",
	"pf.scorecards.none": "No plan holds scorecard values.",
	"pf.start.mean":      "Such plans do not count towards the mean.",
	"pf.lights":          "Achievement in % of the targets; ● green from 100%, ▲ amber from 80%, ■ red below.",
	"pf.appendix.plans":  "Plans",
	"pf.file":            "File",
	"pf.lang":            "Language",
	"pf.count":           "Count",
}
