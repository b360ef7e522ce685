package edition

import "fmt"

// Words are the labels of the customer edition and of the management outputs (one-pager,
// slides) that the full document does not have. The full document's labels
// (render.LabelsFor) are used for everything else. A missing key falls back to English,
// then to the key itself, so that a forgotten word shows up in review; a test checks that
// every language has every key.
type Words struct {
	Lang string
	m    map[string]string
}

// WordsFor returns the words of lang ("de", "en" or "fr"; anything else: German, the
// default language of plans).
func WordsFor(lang string) Words {
	switch lang {
	case "en":
		return Words{Lang: "en", m: wordsEN}
	case "fr":
		return Words{Lang: "fr", m: wordsFR}
	}
	return Words{Lang: "de", m: wordsDE}
}

// T returns the word of key.
func (w Words) T(key string) string {
	if s, ok := w.m[key]; ok {
		return s
	}
	if s, ok := wordsEN[key]; ok {
		return s
	}
	return key
}

// F formats the word of key with a.
func (w Words) F(key string, a ...any) string { return fmt.Sprintf(w.T(key), a...) }

// Keys of every language, for the completeness test.
func (w Words) Keys() []string {
	out := make([]string, 0, len(w.m))
	for k := range w.m {
		out = append(out, k)
	}
	return out
}

var wordsDE = map[string]string{
	"cust.title":       "Gemeinsamer Account-Plan %s",
	"cust.keyword":     "Gemeinsamer Account-Plan",
	"cust.for":         "Erstellt für",
	"cust.forline":     "Erstellt für %s",
	"cust.from":        "Von",
	"cust.kam":         "Ihr Key Account Manager",
	"cust.account":     "Das Unternehmen",
	"cust.goals":       "Ziele, Herausforderungen und Initiativen",
	"cust.offer":       "Unser Angebot",
	"cust.value":       "Ihr Nutzen",
	"cust.value.year":  "Nutzen pro Jahr",
	"cust.value.total": "Nutzen über %d Jahre",
	"cust.strengths":   "Stärken und Chancen",
	"cust.people":      "Team und Ansprechpartner",
	"cust.ourteam":     "Unser Team",
	"cust.yourteam":    "Ihre Ansprechpartner",
	"cust.actions":     "Gemeinsame Maßnahmen",
	"cust.reviews":     "Gemeinsame Reviews",
	"cust.edition":     "Kundenausgabe",
	"cust.initiatives": "Ihre Initiativen",
	"cust.yourgoal":    "Ihr Ziel",
	"cust.ourgoal":     "Unser Ziel",
	"cust.contrib":     "Unser Beitrag",
	"cust.answer":      "Unsere Antwort",
	"cust.joint":       "Gemeinsame Ziele",

	"one.title":       "%s auf einen Blick",
	"one.more":        "+%d weitere",
	"one.class":       "Klasse und Portfolio",
	"one.scorecard":   "Scorecard",
	"one.bridge":      "Umsatzbrücke",
	"one.pains":       "Schmerzen → unsere Antworten",
	"one.asks":        "Anliegen an das Management",
	"one.risks":       "Größte Risiken",
	"one.actions":     "Nächste Maßnahmen",
	"one.contacts":    "Schlüsselkontakte",
	"one.none":        "keine",
	"one.moved":       "vorher %s (%s) → jetzt %s (%s)",
	"one.overdue":     "überfällig",
	"one.goals":       "Gemeinsame Ziele",
	"one.value":       "Nutzen für den Kunden",
	"one.strengths":   "Stärken und Chancen",
	"one.initiatives": "Initiativen des Kunden",
	"one.objectives":  "%d von %d Zielen im Plan",
	"one.asof":        "Stand %s",

	"sl.title":        "Review %s",
	"sl.summary":      "%s: Klasse %s, %s",
	"sl.summary.noc":  "%s auf einen Blick",
	"sl.portfolio":    "Portfolio: %s, Klasse %s",
	"sl.moved":        "Portfolio: von %s nach %s",
	"sl.scorecard":    "Scorecard: %d von %d Zielen im Plan",
	"sl.scorecard.s":  "Scorecard: Ausgangslage von %d Zielen",
	"sl.review":       "Rückblick %s: %s Zielerreichung",
	"sl.review.noach": "Rückblick %s",
	"sl.pains":        "%d Schmerzen, %d Antworten",
	"sl.value":        "Mehrwert: %s Nettonutzen pro Jahr",
	"sl.value.b":      "Mehrwert: %s Nutzen pro Jahr",
	"sl.swot":         "SWOT: %d Stärken, %d Risiken",
	"sl.swot.c":       "Stärken und Chancen",
	"sl.competitors":  "Wettbewerb: %d Wettbewerber, stärkster %s",
	"sl.network":      "Netzwerk: %d Kontakte, %d Befürworter",
	"sl.network.c":    "Ihre Ansprechpartner und unser Team",
	"sl.pipeline":     "Pipeline: %s gewichtet",
	"sl.bridge.gap":   "Umsatzbrücke: %s Lücke zum Plan",
	"sl.bridge.ok":    "Umsatzbrücke: Plan gedeckt",
	"sl.asks":         "%d Anliegen zur Entscheidung",
	"sl.actions":      "Maßnahmen: %d offen, %d überfällig",
	"sl.actions.c":    "Gemeinsame Maßnahmen: %d offen",
	"sl.goals":        "Gemeinsame Ziele",
	"sl.offer":        "Unser Angebot",
	"sl.slide":        "Folie %d / %d",
	"sl.overdue":      "überfällig",
	"sl.more":         "+%d weitere im Plan",
}

var wordsEN = map[string]string{
	"cust.title":       "Joint account plan %s",
	"cust.keyword":     "Joint account plan",
	"cust.for":         "Prepared for",
	"cust.forline":     "Prepared for %s",
	"cust.from":        "From",
	"cust.kam":         "Your key account manager",
	"cust.account":     "The company",
	"cust.goals":       "Goals, challenges and initiatives",
	"cust.offer":       "What we offer",
	"cust.value":       "Your benefit",
	"cust.value.year":  "Benefit per year",
	"cust.value.total": "Benefit over %d years",
	"cust.strengths":   "Strengths and opportunities",
	"cust.people":      "Team and contacts",
	"cust.ourteam":     "Our team",
	"cust.yourteam":    "Your contacts",
	"cust.actions":     "Joint actions",
	"cust.reviews":     "Joint reviews",
	"cust.edition":     "Customer edition",
	"cust.initiatives": "Your initiatives",
	"cust.yourgoal":    "Your goal",
	"cust.ourgoal":     "Our goal",
	"cust.contrib":     "Our contribution",
	"cust.answer":      "Our answer",
	"cust.joint":       "Joint objectives",

	"one.title":       "%s at a glance",
	"one.more":        "+%d more",
	"one.class":       "Class and portfolio",
	"one.scorecard":   "Scorecard",
	"one.bridge":      "Revenue bridge",
	"one.pains":       "Top pains → our answers",
	"one.asks":        "Open asks of management",
	"one.risks":       "Biggest risks",
	"one.actions":     "Next actions",
	"one.contacts":    "Key contacts",
	"one.none":        "none",
	"one.moved":       "before %s (%s) → now %s (%s)",
	"one.overdue":     "overdue",
	"one.goals":       "Joint objectives",
	"one.value":       "Value for the customer",
	"one.strengths":   "Strengths and opportunities",
	"one.initiatives": "The customer's initiatives",
	"one.objectives":  "%d of %d objectives on track",
	"one.asof":        "As of %s",

	"sl.title":        "Review %s",
	"sl.summary":      "%s: class %s, %s",
	"sl.summary.noc":  "%s at a glance",
	"sl.portfolio":    "Portfolio: %s, class %s",
	"sl.moved":        "Portfolio: from %s to %s",
	"sl.scorecard":    "Scorecard: %d of %d objectives on track",
	"sl.scorecard.s":  "Scorecard: starting point of %d objectives",
	"sl.review":       "Review of %s: %s achievement",
	"sl.review.noach": "Review of %s",
	"sl.pains":        "%d pains, %d answers",
	"sl.value":        "Value: %s net benefit per year",
	"sl.value.b":      "Value: %s benefit per year",
	"sl.swot":         "SWOT: %d strengths, %d threats",
	"sl.swot.c":       "Strengths and opportunities",
	"sl.competitors":  "Competitors: %d at the account, strongest %s",
	"sl.network":      "Network: %d contacts, %d on our side",
	"sl.network.c":    "Your contacts and our team",
	"sl.pipeline":     "Pipeline: %s weighted",
	"sl.bridge.gap":   "Revenue bridge: %s gap to plan",
	"sl.bridge.ok":    "Revenue bridge: plan covered",
	"sl.asks":         "%d asks for decision",
	"sl.actions":      "Actions: %d open, %d overdue",
	"sl.actions.c":    "Joint actions: %d open",
	"sl.goals":        "Joint objectives",
	"sl.offer":        "What we offer",
	"sl.slide":        "Slide %d / %d",
	"sl.overdue":      "overdue",
	"sl.more":         "+%d more in the plan",
}

var wordsFR = map[string]string{
	"cust.title":       "Plan de compte commun %s",
	"cust.keyword":     "Plan de compte commun",
	"cust.for":         "Préparé pour",
	"cust.forline":     "Préparé pour %s",
	"cust.from":        "De",
	"cust.kam":         "Votre responsable grand compte",
	"cust.account":     "L'entreprise",
	"cust.goals":       "Objectifs, difficultés et initiatives",
	"cust.offer":       "Notre offre",
	"cust.value":       "Vos bénéfices",
	"cust.value.year":  "Bénéfice par an",
	"cust.value.total": "Bénéfice sur %d ans",
	"cust.strengths":   "Forces et opportunités",
	"cust.people":      "Équipe et interlocuteurs",
	"cust.ourteam":     "Notre équipe",
	"cust.yourteam":    "Vos interlocuteurs",
	"cust.actions":     "Actions communes",
	"cust.reviews":     "Revues communes",
	"cust.edition":     "Édition client",
	"cust.initiatives": "Vos initiatives",
	"cust.yourgoal":    "Votre objectif",
	"cust.ourgoal":     "Notre objectif",
	"cust.contrib":     "Notre contribution",
	"cust.answer":      "Notre réponse",
	"cust.joint":       "Objectifs communs",

	"one.title":       "%s en un coup d'œil",
	"one.more":        "+%d de plus",
	"one.class":       "Classe et portefeuille",
	"one.scorecard":   "Tableau de bord",
	"one.bridge":      "Pont de chiffre d'affaires",
	"one.pains":       "Principales difficultés → nos réponses",
	"one.asks":        "Demandes à la direction",
	"one.risks":       "Risques majeurs",
	"one.actions":     "Prochaines actions",
	"one.contacts":    "Contacts clés",
	"one.none":        "aucun",
	"one.moved":       "avant %s (%s) → maintenant %s (%s)",
	"one.overdue":     "en retard",
	"one.goals":       "Objectifs communs",
	"one.value":       "Valeur pour le client",
	"one.strengths":   "Forces et opportunités",
	"one.initiatives": "Initiatives du client",
	"one.objectives":  "%d objectifs sur %d dans le plan",
	"one.asof":        "État au %s",

	"sl.title":        "Revue %s",
	"sl.summary":      "%s : classe %s, %s",
	"sl.summary.noc":  "%s en un coup d'œil",
	"sl.portfolio":    "Portefeuille : %s, classe %s",
	"sl.moved":        "Portefeuille : de %s à %s",
	"sl.scorecard":    "Tableau de bord : %d objectifs sur %d dans le plan",
	"sl.scorecard.s":  "Tableau de bord : point de départ de %d objectifs",
	"sl.review":       "Bilan %s : %s de réalisation",
	"sl.review.noach": "Bilan %s",
	"sl.pains":        "%d difficultés, %d réponses",
	"sl.value":        "Valeur : %s de bénéfice net par an",
	"sl.value.b":      "Valeur : %s de bénéfice par an",
	"sl.swot":         "SWOT : %d forces, %d menaces",
	"sl.swot.c":       "Forces et opportunités",
	"sl.competitors":  "Concurrence : %d concurrents, le plus fort %s",
	"sl.network":      "Réseau : %d contacts, %d favorables",
	"sl.network.c":    "Vos interlocuteurs et notre équipe",
	"sl.pipeline":     "Pipeline : %s pondéré",
	"sl.bridge.gap":   "Pont de CA : écart de %s au plan",
	"sl.bridge.ok":    "Pont de CA : plan couvert",
	"sl.asks":         "%d demandes à décider",
	"sl.actions":      "Actions : %d ouvertes, %d en retard",
	"sl.actions.c":    "Actions communes : %d ouvertes",
	"sl.goals":        "Objectifs communs",
	"sl.offer":        "Notre offre",
	"sl.slide":        "Diapositive %d / %d",
	"sl.overdue":      "en retard",
	"sl.more":         "+%d de plus dans le plan",
}
