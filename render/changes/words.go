package changes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noun is an item kind as the change sentences name it. German needs the gender for
// "neuer/neue/neues"; English takes the noun as it is.
type noun struct {
	de     string
	gender byte // 'm', 'f' or 'n'
	en     string
}

var nouns = map[string]noun{
	"objective":   {"Ziel", 'n', "objective"},
	"criterion":   {"Profilkriterium", 'n', "profile criterion"},
	"competence":  {"Kompetenzfeld", 'n', "competence"},
	"package":     {"Leistungspaket", 'n', "service package"},
	"component":   {"Bestandteil", 'm', "component"},
	"location":    {"Standort", 'm', "location"},
	"year":        {"Geschäftsjahr", 'n', "history year"},
	"pain":        {"Problem des Kunden", 'n', "pain"},
	"initiative":  {"Initiative", 'f', "initiative"},
	"step":        {"Einkaufsschritt", 'm', "purchasing step"},
	"readiness":   {"Kriterium der Umsetzungsbereitschaft", 'n', "readiness criterion"},
	"strength":    {"Stärke", 'f', "strength"},
	"weakness":    {"Schwäche", 'f', "weakness"},
	"opportunity": {"Chance", 'f', "opportunity"},
	"threat":      {"Risiko", 'n', "threat"},
	"so":          {"SO-Strategie", 'f', "SO strategy"},
	"st":          {"ST-Strategie", 'f', "ST strategy"},
	"wo":          {"WO-Strategie", 'f', "WO strategy"},
	"wt":          {"WT-Strategie", 'f', "WT strategy"},
	"competitor":  {"Wettbewerber", 'm', "competitor"},
	"goal":        {"Zielverknüpfung", 'f', "goal link"},
	"value":       {"Mehrwertkonzept", 'n', "value concept"},
	"benefit":     {"Nutzen", 'm', "benefit"},
	"cost":        {"Kostenposition", 'f', "cost"},
	"team":        {"Teammitglied", 'n', "team member"},
	"contact":     {"Kontakt", 'm', "contact"},
	"action":      {"Maßnahme", 'f', "action"},
	"deal":        {"Verkaufschance", 'f', "opportunity"},
	"ask":         {"Anliegen an das Management", 'n', "management ask"},
	"checklist":   {"Checkliste", 'f', "checklist"},
	"item":        {"Prüfpunkt", 'm', "checklist item"},
	"review":      {"Review", 'n', "review"},
	"accepted":    {"Akzeptierte Warnung", 'f', "accepted warning"},
}

// fieldWords are the names of the keys whose values change, as the sentences use them
// (German nouns capitalised, English in running text lower case).
var fieldWords = map[string][2]string{
	"lang":                {"Sprache", "language"},
	"reason":              {"Begründung", "reason"},
	"until":               {"Gültig bis", "until"},
	"currency":            {"Währung", "currency"},
	"account":             {"Account", "account"},
	"title":               {"Titel", "title"},
	"period":              {"Planungszeitraum", "plan period"},
	"version":             {"Version", "version"},
	"status":              {"Status", "status"},
	"owner":               {"Verantwortlich", "owner"},
	"approved_by":         {"Freigegeben von", "approved by"},
	"approved_on":         {"Freigegeben am", "approved on"},
	"confidentiality":     {"Vertraulichkeit", "confidentiality"},
	"summary":             {"Zusammenfassung", "summary"},
	"plan_kind":           {"Art des Accounts", "kind of account"},
	"company":             {"Unternehmen", "company"},
	"logo":                {"Logo", "logo"},
	"logo_image":          {"Logo-Bild", "logo image"},
	"primary":             {"Hauptfarbe", "primary colour"},
	"accent":              {"Akzentfarbe", "accent colour"},
	"font":                {"Schrift", "font"},
	"font_bold":           {"fette Schrift", "bold font"},
	"paper":               {"Papierformat", "paper size"},
	"footer":              {"Fußzeile", "footer"},
	"revenue":             {"Geplanter Umsatz", "planned revenue"},
	"contribution_margin": {"Geplanter Deckungsbeitrag", "planned contribution margin"},
	"visits":              {"Geplante Besuche", "planned visits"},
	"attractiveness":      {"Kundenattraktivität", "account attractiveness"},
	"position":            {"Lieferantenposition", "supplier position"},
	"pweight":             {"Gewicht der Perspektive", "weight of perspective"},
	"perspective":         {"Perspektive", "perspective"},
	"objective":           {"Bezeichnung", "wording"},
	"kpi":                 {"Kennzahl", "KPI"},
	"unit":                {"Einheit", "unit"},
	"baseline":            {"Ausgangswert", "baseline"},
	"target":              {"Ziel", "target"},
	"actual":              {"Ist", "actual"},
	"better":              {"Richtung", "direction"},
	"weight":              {"Gewicht", "weight"},
	"positioning":         {"Positionierung", "positioning"},
	"own":                 {"eigene Punkte", "our points"},
	"points_of":           {"Punkte", "points of"},
	"importance":          {"Bedeutung", "importance"},
	"strength":            {"Stärke", "strength"},
	"crevenue":            {"Umsatz", "revenue"},
	"description":         {"Beschreibung", "description"},
	"price":               {"Preis pro Jahr", "price per year"},
	"benefit":             {"Nutzen", "benefit"},
	"industry":            {"Branche", "industry"},
	"headquarters":        {"Hauptsitz", "headquarters"},
	"employees":           {"Mitarbeiter", "employees"},
	"arevenue":            {"Umsatz des Kunden", "the account's revenue"},
	"website":             {"Website", "website"},
	"strategy":            {"Strategie des Kunden", "the account's strategy"},
	"hrevenue":            {"Umsatz", "revenue"},
	"hmargin":             {"Deckungsbeitrag", "contribution margin"},
	"share_of_wallet":     {"Lieferanteil", "share of wallet"},
	"impact":              {"Auswirkung", "impact"},
	"solution":            {"Lösung", "solution"},
	"igoal":               {"Ziel", "goal"},
	"due":                 {"Termin", "due"},
	"relevance":           {"Relevanz", "relevance"},
	"process":             {"Einkaufsprozess", "purchasing process"},
	"points":              {"Punkte", "points"},
	"name":                {"Name", "name"},
	"cstrategy":           {"erwartetes Vorgehen", "expected moves"},
	"threat":              {"Bedrohung", "threat"},
	"own_goal":            {"eigenes Ziel", "our goal"},
	"contribution":        {"Beitrag", "contribution"},
	"link_objective":      {"Scorecard-Ziel", "scorecard objective"},
	"years":               {"Betrachtungszeitraum", "horizon"},
	"amount":              {"Betrag", "amount"},
	"basis":               {"Grundlage", "basis"},
	"once":                {"Art", "kind"},
	"role":                {"Rolle", "role"},
	"ctitle":              {"Funktion", "title"},
	"department":          {"Abteilung", "department"},
	"roles":               {"Rollen", "roles"},
	"influence":           {"Einfluss", "influence"},
	"attitude":            {"Haltung", "attitude"},
	"relationship":        {"Beziehung", "relationship"},
	"target_relationship": {"Ziel-Beziehung", "target relationship"},
	"cowner":              {"betreut von", "owned by"},
	"reports_to":          {"berichtet an", "reports to"},
	"last_contact":        {"letzter Kontakt", "last contact"},
	"next_step":           {"nächster Schritt", "next step"},
	"action":              {"Bezeichnung", "wording"},
	"aowner":              {"Verantwortlich", "owner"},
	"aobjective":          {"Ziel", "objective"},
	"participants":        {"Teilnehmer", "participants"},
	"deal_name":           {"Bezeichnung", "name"},
	"deal_value":          {"Wert", "value"},
	"probability":         {"Erfolgschance", "chance of success"},
	"stage":               {"Phase", "stage"},
	"close":               {"Entscheidungstermin", "decision date"},
	"deal_contact":        {"entscheidender Kontakt", "deciding contact"},
	"ask":                 {"Anliegen", "ask"},
	"ask_kind":            {"Art", "kind"},
	"ask_status":          {"Entscheidung", "decision"},
	"decided_by":          {"Entschieden von", "decided by"},
	"decided_on":          {"Entschieden am", "decided on"},
	"condition":           {"Bedingung", "condition"},
	"notes":               {"Notizen", "notes"},

	// derived figures
	"f.class":          {"Klasse", "class"},
	"f.quadrant":       {"Portfolio-Feld", "portfolio field"},
	"f.attractiveness": {"Kundenattraktivität", "account attractiveness"},
	"f.position":       {"Lieferantenposition", "supplier position"},
	"f.margin_rate":    {"Deckungsbeitragsquote", "margin rate"},
	"f.visit_cost":     {"Besuchskosten", "visit cost"},
	"f.total":          {"Zielerreichung der Scorecard", "scorecard achievement"},
	"f.perspective":    {"Zielerreichung der Perspektive", "achievement of perspective"},
	"f.achievement":    {"Zielerreichung", "achievement"},
	"f.rq":             {"Relative Qualität gegenüber", "relative quality against"},
	"f.weakest":        {"Am schwächsten gegenüber", "weakest against"},
	"f.cquadrant":      {"Feld des Kompetenzfelds", "field of competence"},
	"f.readiness":      {"Umsetzungsbereitschaft", "readiness to implement"},
	"f.net_total":      {"Nettonutzen", "net value"},
	"f.roi":            {"ROI", "ROI"},
	"f.payback":        {"Amortisation", "payback"},
	"f.map_status":     {"Status der Beziehungslandkarte", "relationship map status"},
	"f.open":           {"Offene Maßnahmen", "open actions"},
	"f.overdue":        {"Überfällige Maßnahmen", "overdue actions"},
	"f.checklist":      {"Erfüllungsgrad", "share met"},
	"f.pipeline":       {"Gewichtete Pipeline", "weighted pipeline"},
	"f.won":            {"Gewonnene Verkaufschancen", "won opportunities"},
	"f.expected":       {"Erwarteter Umsatz", "expected revenue"},
	"f.gap":            {"Lücke zum Planumsatz", "gap to planned revenue"},
	"f.asks_open":      {"Offene Anliegen an das Management", "open management asks"},
	"f.approved":       {"Genehmigter Betrag", "amount approved"},
	"f.completeness":   {"Vollständigkeit", "completeness"},
}

// phrase holds the glue words of the sentences.
var phrases = map[string][2]string{
	"of":       {"von", "of"},
	"removed":  {"entfernt", "removed"},
	"changed":  {"geändert", "changed"},
	"added":    {"hinzugefügt", "added"},
	"notgiven": {"nicht angegeben", "not given"},
	"yearly":   {"jährlich", "yearly"},
	"onetime":  {"einmalig", "one-time"},
	"nochange": {"Keine Änderungen.", "No changes."},
	"blocks":   {"%d von 7 Bausteinen", "%d of 7 building blocks"},
	"months":   {"%s Monate", "%s months"},
	"in":       {"in", "in"},
	"at":       {"bei", "of"},
	"due":      {"fällig", "due"},

	// titles and labels of the text and the report
	"block.plan":      {"Plandaten", "Plan details"},
	"block.brand":     {"Marke und Gestaltung", "Brand and design"},
	"block.figures":   {"Abgeleitete Kennzahlen", "Derived figures"},
	"text.old":        {"Alt", "Old"},
	"text.new":        {"Neu", "New"},
	"report.old":      {"Alte Fassung", "Old version"},
	"report.new":      {"Neue Fassung", "New version"},
	"report.overview": {"Überblick", "Overview"},
	"report.added":    {"Neu", "Added"},
	"report.removed":  {"Entfernt", "Removed"},
	"report.modified": {"Geändert", "Modified"},
}

type words struct{ en bool }

func (w words) pick(p [2]string) string {
	if w.en {
		return p[1]
	}
	return p[0]
}

func (w words) field(key string) string {
	if p, ok := fieldWords[key]; ok {
		return w.pick(p)
	}
	return key
}

func (w words) phrase(key string) string { return w.pick(phrases[key]) }

func (w words) noun(key string) string {
	n := nouns[key]
	if w.en {
		return n.en
	}
	return n.de
}

// newNoun is "neuer Kontakt", "neue Maßnahme", "neues Ziel" / "new contact".
func (w words) newNoun(key string) string {
	n := nouns[key]
	if w.en {
		return "new " + n.en
	}
	switch n.gender {
	case 'm':
		return "neuer " + n.de
	case 'f':
		return "neue " + n.de
	}
	return "neues " + n.de
}

// quote puts free text in the language's quotation marks: „…“ or “…”.
func (w words) quote(s string) string {
	if w.en {
		return "“" + s + "”"
	}
	return "„" + s + "“"
}

// inline lowers the first letter of an English label for use inside a sentence
// ("Opponent" → "opponent"); German nouns keep their capital.
func (w words) inline(s string) string {
	if !w.en || s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	// Leave acronyms and ids alone: "ROI", "SWOT analysis".
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// oneLine shortens free text to one line of reasonable length for a change sentence.
// short is s on one line, cut at n characters with an ellipsis.
func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 120
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return s
}
