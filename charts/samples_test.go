package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// deNumber formats like the German documents: 1.850.000 and 12,5.
func deNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i > 2 {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

var testTheme = Theme{Primary: "#1f4e79", Accent: "#c8702a", Format: deNumber}

type namedChart struct {
	name  string
	chart Chart
	w, h  int
}

// samples are realistic charts in German, as the sample plans produce them.
func samples() []namedChart {
	return []namedChart{
		{"radar", Radar{
			Meta:        Meta{Heading: "Scorecard", Summary: "Zielerreichung je Perspektive: Finanzen 93 %, Kunde 108 %, Prozesse 71 %, Lernen 85 %."},
			Axes:        []string{"Finanzen", "Kunde", "Prozesse", "Lernen & Entwicklung"},
			Target:      []float64{100, 100, 100, 100},
			Actual:      []float64{93, 108, 71, 85},
			TargetLabel: "Ziel (100 %)", ActualLabel: "Ist", Unit: " %",
		}, 640, 440},
		{"polarity", Polarity{
			Meta:     Meta{Heading: "Stärken-Schwächen-Profil"},
			Criteria: []string{"Liefertreue", "Produktqualität", "Preis", "Technischer Service", "Innovationskraft", "Beratung & Engineering"},
			Series: []Series{
				{"Wir", []float64{8, 9, 5, 7, 8, 9}},
				{"Schmidt AG", []float64{6, 7, 8, 5, 4, 6}},
				{"TechnoFlex GmbH", []float64{9, 6, 7, 6, 7, 3}},
			},
		}, 640, 320},
		{"scoring", Quadrant{
			Meta:   Meta{Heading: "Kundenportfolio"},
			XTitle: "Lieferantenposition", YTitle: "Kundenattraktivität",
			XCut: 50, YCut: 50,
			Names:  [4]string{"Fragezeichen", "Star", "Mitnahmekunde", "Ertragskunde"},
			Points: []Point{{Label: "Müller Maschinenbau AG", X: 61.5, Y: 78, Size: 1850000, Highlight: true}},
		}, 640, 440},
		{"portfolio", Quadrant{
			Meta:   Meta{Heading: "Portfolio aller Key Accounts"},
			XTitle: "Lieferantenposition", YTitle: "Kundenattraktivität",
			Names:     [4]string{"Fragezeichen", "Star", "Mitnahmekunde", "Ertragskunde"},
			SizeLabel: "Blasengröße: geplanter Umsatz",
			Points: []Point{
				{Label: "Müller Maschinenbau AG", X: 61.5, Y: 78, Size: 1850000},
				{Label: "Bäcker & Söhne KG", X: 35, Y: 64, Size: 420000},
				{Label: "Nordlicht Energie", X: 72, Y: 41, Size: 980000},
				{Label: "Alpen Logistik", X: 22, Y: 28, Size: 150000},
				{Label: "Ölwerke Süd", X: 48, Y: 52, Size: 610000},
				{Label: "Greiner Präzision", X: 66, Y: 74, Size: 1200000},
			},
		}, 640, 440},
		{"competence", Quadrant{
			Meta:   Meta{Heading: "Kompetenzportfolio"},
			XTitle: "Unsere Stärke", YTitle: "Bedeutung für den Kunden",
			XMin: 0, XMax: 10, YMin: 0, YMax: 10, XCut: 5, YCut: 5,
			Names:     [4]string{"Relevante Lücke", "Kernkompetenz", "Irrelevante Lücke", "Selektion"},
			SizeLabel: "Blasengröße: Umsatz",
			Points: []Point{
				{Label: "Engineering-Services", X: 6, Y: 8, Size: 250000},
				{Label: "Predictive Maintenance", X: 3, Y: 9, Size: 80000},
				{Label: "Ersatzteillogistik", X: 8, Y: 6, Size: 410000},
				{Label: "Schulungen", X: 7, Y: 3, Size: 40000},
				{Label: "Finanzierung", X: 2, Y: 2},
			},
		}, 640, 440},
		{"history", History{
			Meta:         Meta{Heading: "Geschäftsentwicklung"},
			Years:        []string{"2021", "2022", "2023", "2024", "2025"},
			Revenue:      []float64{820000, 950000, 1010000, 1150000, 1200000},
			Margin:       []float64{170000, 205000, 198000, 240000, 260000},
			Share:        []float64{15, 17, 18, 20, 22},
			RevenueLabel: "Umsatz (€)", MarginLabel: "Deckungsbeitrag (€)", ShareLabel: "Lieferanteil", Unit: " %",
		}, 640, 360},
		{"value", func() ValueChart {
			b, c := Cumulative(3, 180000, 48000, 200000)
			return ValueChart{
				Meta:  Meta{Heading: "Mehrwertrechnung Predictive Maintenance"},
				Years: []string{"Jahr 1", "Jahr 2", "Jahr 3"}, Benefit: b, Cost: c,
				BenefitLabel: "Nutzen kumuliert (€)", CostLabel: "Kosten kumuliert (€)", NetLabel: "Nettowert (€)",
				PaybackLabel: "Amortisation nach 1,5 Jahren",
			}
		}(), 640, 360},
		{"swot", SWOTGrid{
			Meta:   Meta{Heading: "SWOT-Analyse"},
			Titles: [4]string{"Stärken", "Schwächen", "Chancen", "Risiken"},
			Items: [4][]string{
				{"Hohe Liefertreue (98 %) und kurze Reaktionszeiten", "Engineering-Team vor Ort in Stuttgart", "Langjährige Beziehung zur Instandhaltung"},
				{"Preis über Wettbewerbsniveau", "Kein eigener Standort in Tschechien"},
				{"Werk Brno 2.0: Kapazität +40 %", "Digitalisierung der Instandhaltung (Predictive Maintenance)", "Neue Einkaufsleitung offen für Partnerschaften"},
				{"Schmidt AG mit aggressiven Rahmenverträgen", "Kostensenkungsprogramm des Kunden", "Lieferengpässe bei Elektronikbauteilen"},
			},
		}, 640, 400},
		{"relationship", RelationshipMap{
			Meta:               Meta{Heading: "Beziehungslandkarte"},
			AttitudeLabels:     []string{"Gegner", "Skeptiker", "Neutral", "Unterstützer", "Champion"},
			InfluenceLabels:    []string{"gering", "mittel", "hoch"},
			RelationshipLabels: []string{"keine", "flüchtig", "regelmäßig", "eng", "vertrauensvoll"},
			XTitle:             "Einstellung zu uns", YTitle: "Einfluss",
			Contacts: []Contact{
				{Name: "Dr. Maria König", Attitude: 3, Influence: 2, Relationship: 2},
				{Name: "Hans Bauer", Attitude: 4, Influence: 2, Relationship: 4},
				{Name: "Jürgen Weiß", Attitude: 1, Influence: 2, Relationship: 1},
				{Name: "Sabine Groß", Attitude: 2, Influence: 1, Relationship: 3},
				{Name: "Thomas Öztürk", Attitude: 4, Influence: 0, Relationship: 3},
				{Name: "Petra Lange", Attitude: 0, Influence: 1, Relationship: 0},
				{Name: "Klaus Fischer-Hoffmann", Attitude: 3, Influence: 1, Relationship: 2},
			},
		}, 640, 420},
	}
}

func (n namedChart) String() string { return fmt.Sprintf("%s %dx%d", n.name, n.w, n.h) }

// degenerate are the hard cases every chart must survive readably.
func degenerate() []namedChart {
	long := "Ein sehr, sehr langer Achsenname, der niemals in den verfügbaren Platz passt und gekürzt werden muss"
	return append([]namedChart{
		{"radar-one-axis", Radar{Axes: []string{"Finanzen"}, Target: []float64{100}, Actual: []float64{40}, Unit: " %"}, 640, 440},
		{"radar-huge", Radar{Axes: []string{long, "b", "c", "d", "e", "f", "g"}, Target: []float64{100, 100, 100, 100, 100, 100, 100}, Actual: []float64{950, 0, 12, 100, 3, 80, 120}, Unit: " %", ActualLabel: long, TargetLabel: "Ziel"}, 640, 440},
	}, extraDegenerate()...)
}

// more degenerate cases, appended to degenerate() by init so that the preview shows them.
func init() { extraDegenerate = moreDegenerate }

var extraDegenerate func() []namedChart

func moreDegenerate() []namedChart {
	long := "Ein sehr, sehr langer Name, der niemals in den verfügbaren Platz passt und gekürzt werden muss"
	many := func(n int, f func(i int) float64) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = f(i)
		}
		return v
	}
	years := func(n int) []string {
		y := make([]string, n)
		for i := range y {
			y[i] = fmt.Sprint(1996 + i)
		}
		return y
	}
	var crowd []Point
	for i := 0; i < 2000; i++ {
		crowd = append(crowd, Point{Label: fmt.Sprintf("Kunde %d", i), X: float64(i*37%101) - 0.5, Y: float64(i*53%103) - 1.5, Size: float64(i%7) * 1e5, Highlight: i == 1234})
	}
	var pile []Point
	for i := 0; i < 12; i++ {
		pile = append(pile, Point{Label: fmt.Sprintf("Gleich %d", i), X: 50, Y: 50, Size: 1})
	}
	var contacts, oneCell []Contact
	for i := 0; i < 2000; i++ {
		contacts = append(contacts, Contact{Name: fmt.Sprintf("Kontakt %d", i), Attitude: i % 5, Influence: i % 3, Relationship: i % 5})
		oneCell = append(oneCell, Contact{Name: "Ärger", Attitude: 9, Influence: -4, Relationship: 17})
	}
	rel := []string{"Gegner", "Skeptiker", "Neutral", "Unterstützer", "Champion"}
	inf := []string{"gering", "mittel", "hoch"}
	var swotLong [4][]string
	for i := 0; i < 40; i++ {
		swotLong[0] = append(swotLong[0], fmt.Sprintf("Punkt %d: %s", i, long))
	}
	swotLong[3] = []string{strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän", 5)}
	return []namedChart{
		{"radar-two-axes", Radar{Axes: []string{"Finanzen", "Kunde"}, Target: []float64{100, 100}, Actual: []float64{80, 120}, Unit: " %"}, 640, 440},
		{"radar-zero", Radar{Axes: []string{"a", "b", "c", "d"}, Target: []float64{100, 100, 100, 100}, Actual: []float64{0, 0, 0, 0}, Unit: " %"}, 640, 440},
		{"radar-missing", Radar{Axes: []string{"a", "b", "c", "d", "e"}, Target: []float64{100}, Actual: []float64{50, math.NaN(), 70}}, 640, 440},
		{"polarity-one", Polarity{Criteria: []string{long}, Series: []Series{{long, []float64{15}}, {"B", []float64{-3}}}}, 640, 200},
		{"polarity-many", Polarity{Criteria: years(30), Series: []Series{
			{"Wir", many(30, func(i int) float64 { return float64(i % 11) })},
			{"A", many(30, func(i int) float64 { return float64((i * 3) % 11) })},
			{"B", many(30, func(i int) float64 { return 5 })},
			{"C", many(25, func(i int) float64 { return float64((i * 7) % 11) })},
			{"D", nil}, {"E", nil}, {"F", nil}, {"G", []float64{1}},
		}}, 640, 700},
		{"quadrant-crowd", Quadrant{XTitle: "x", YTitle: "y", Names: [4]string{long, long, long, long}, Points: crowd, SizeLabel: long}, 640, 440},
		{"quadrant-pile", Quadrant{XTitle: long, YTitle: long, XMin: 50, XMax: 50, Names: [4]string{"A", "B", "C", "D"}, Points: pile}, 640, 440},
		{"quadrant-sizes", Quadrant{Points: []Point{{Label: long, X: 1e12, Y: -1e12, Size: 1e15}, {Label: "klein", X: 50, Y: 50, Size: 1e-9}, {Label: "negativ", X: 20, Y: 80, Size: -5}}}, 640, 440},
		{"history-one", History{Years: []string{"2025"}, Revenue: []float64{1200000}, Margin: []float64{260000}, RevenueLabel: "Umsatz", MarginLabel: "DB"}, 640, 360},
		{"history-zero", History{Years: years(3), Revenue: []float64{0, 0, 0}, Margin: []float64{0, 0, 0}, Share: []float64{0, 0, 0}, Unit: " %"}, 640, 360},
		{"history-equal", History{Years: years(4), Revenue: []float64{5e5, 5e5, 5e5, 5e5}, Margin: []float64{5e5, 5e5, 5e5, 5e5}, Share: []float64{30, 30, 30, 30}}, 640, 360},
		{"history-extreme", History{Years: years(30), Revenue: many(30, func(i int) float64 { return math.Pow(10, float64(i%14)) }), Margin: many(30, func(i int) float64 { return -float64(i) * 1e9 }), Share: many(30, func(i int) float64 { return float64(i * 7) }), Unit: " %", RevenueLabel: long, MarginLabel: long, ShareLabel: long}, 640, 360},
		{"history-tiny", History{Years: years(3), Revenue: []float64{0.001, 0.002, 0.0015}, Margin: []float64{math.NaN(), 0.0001, 0}}, 640, 360},
		{"value-loss", func() ValueChart {
			b, c := Cumulative(10, 10000, 30000, 250000)
			return ValueChart{Years: years(10), Benefit: b, Cost: c, BenefitLabel: "Nutzen", CostLabel: "Kosten", NetLabel: "Netto"}
		}(), 640, 360},
		{"value-one", func() ValueChart {
			b, c := Cumulative(1, 0, 0, 0)
			return ValueChart{Years: []string{"Jahr 1"}, Benefit: b, Cost: c}
		}(), 640, 360},
		{"swot-overflow", SWOTGrid{Titles: [4]string{long, "W", "O", "T"}, Items: swotLong}, 640, 400},
		{"relationship-2000", RelationshipMap{AttitudeLabels: rel, InfluenceLabels: inf, Contacts: contacts, RelationshipLabels: []string{"0", "1", "2", "3", "4"}}, 640, 420},
		{"relationship-one-cell", RelationshipMap{AttitudeLabels: rel, InfluenceLabels: inf, Contacts: oneCell, XTitle: long, YTitle: long}, 640, 420},
		{"relationship-long", RelationshipMap{AttitudeLabels: []string{long, long, long, long, long}, InfluenceLabels: []string{long, long, long}, Contacts: []Contact{{Name: long, Attitude: 2, Influence: 1, Relationship: 4, Highlight: true}, {Name: long, Attitude: 2, Influence: 1}}}, 640, 420},
	}
}
