package crm

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/kepdev/kep/locale"
)

// Kinds that kep import knows, in the order of its help.
var Kinds = []string{"contacts", "actions", "opportunities", "actuals"}

// field is one thing a source column can fill. Columns lists the names that Salesforce,
// HubSpot and Dynamics (and German) exports give it, as shown in the guides' table.
type field struct {
	Name    string
	Help    locale.Msg // printed by --print-map in the reader's language
	Columns []string
}

// kindFields is the fields per kind. The first column name of each is what --print-map
// proposes. Built on first use, as the other tables here: every kep command would
// otherwise build them at start-up (issue 19).
var kindFields = sync.OnceValue(func() map[string][]field {
	return map[string][]field{
		"contacts": {
			{"id", locale.Msgf("the record id; the plan id is derived from it (stable across imports)"),
				[]string{"Contact ID", "Record ID", "(Do Not Modify) Contact", "Id", "Kontakt-ID", "Datensatz-ID"}},
			{"name", locale.Msgf("full name (or first_name and last_name)"), []string{"Full Name", "Name", "Contact Name", "Kontaktname"}},
			{"first_name", locale.Msgf("first name"), []string{"First Name", "Vorname"}},
			{"last_name", locale.Msgf("last name"), []string{"Last Name", "Nachname"}},
			{"title", locale.Msgf("job title"), []string{"Title", "Job Title", "Position", "Funktion", "Berufsbezeichnung"}},
			{"department", locale.Msgf("department"), []string{"Department", "Abteilung"}},
			{"roles", locale.Msgf("buying-centre roles, several separated by , or ;"), []string{"Buying Role", "Buying Roles", "Roles", "Rollen"}},
			{"influence", locale.Msgf("1–3, or low/medium/high"), []string{"Influence", "Influence__c", "Einfluss"}},
			{"attitude", locale.Msgf("champion, supporter, neutral, skeptic, opponent (or a word mapped in [words.attitude])"), []string{"Attitude", "Attitude__c", "Haltung", "Einstellung"}},
			{"relationship", locale.Msgf("0–4"), []string{"Relationship", "Relationship__c", "Beziehung"}},
			{"owner", locale.Msgf("our team member: id or name in [[team]] (or mapped in [owners])"), []string{"Contact Owner", "Owner", "Besitzer", "Kontaktinhaber"}},
			{"reports_to", locale.Msgf("the contact's manager: record id, plan id or name"), []string{"Reports To", "Manager", "Manager's Name", "Vorgesetzter", "Berichtet an"}},
			{"last_contact", locale.Msgf("date of the last contact"), []string{"Last Activity", "Last Activity Date", "Last Contacted", "Letzte Aktivität", "Letzter Kontakt"}},
			{"next_step", locale.Msgf("next step"), []string{"Next Step", "Nächster Schritt"}},
			{"account", locale.Msgf("the account a row belongs to: rows of other accounts than the plan's are left out"), []string{"Account Name", "Company Name", "Associated Company", "Account", "Parent Customer", "Regarding", "Firma", "Kunde"}},
		},
		"actions": {
			{"id", locale.Msgf("the record id; the plan id is derived from it"), []string{"Activity ID", "Task ID", "Record ID", "(Do Not Modify) Task", "Id", "Aufgaben-ID"}},
			{"action", locale.Msgf("what is to be done"), []string{"Subject", "Task Title", "Action", "Betreff", "Maßnahme"}},
			{"owner", locale.Msgf("our team member: id or name in [[team]] (or mapped in [owners])"), []string{"Assigned", "Assigned To", "Task Owner", "Owner", "Zugewiesen an", "Besitzer"}},
			{"due", locale.Msgf("due date"), []string{"Due Date", "Due", "Fälligkeitsdatum", "Fällig", "Termin"}},
			{"status", locale.Msgf("open, doing, done, dropped (or a word mapped in [words.status])"), []string{"Status", "Task Status", "Activity Status", "Status Reason", "Statusgrund"}},
			{"objective", locale.Msgf("id of a scorecard objective"), []string{"Objective", "Ziel"}},
			{"account", locale.Msgf("the account a row belongs to: rows of other accounts than the plan's are left out"), []string{"Account Name", "Company Name", "Associated Company", "Account", "Parent Customer", "Regarding", "Firma", "Kunde"}},
		},
		"actuals": {
			{"key", locale.Msgf("objective id or KPI name; or history.revenue, history.contribution_margin, history.share_of_wallet for the newest [[account.history]] row"), []string{"Objective", "KPI", "Key", "Ziel", "Kennzahl"}},
			{"actual", locale.Msgf("the actual value"), []string{"Actual", "Value", "Ist", "Ist-Wert", "Wert"}},
		},
		"opportunities": {
			{"id", locale.Msgf("the record id"), []string{"Opportunity ID", "Record ID", "(Do Not Modify) Opportunity", "Id"}},
			{"name", locale.Msgf("name"), []string{"Opportunity Name", "Deal Name", "Topic", "Name"}},
			{"value", locale.Msgf("expected order value"), []string{"Amount", "Est. Revenue", "Estimated Revenue", "Betrag"}},
			{"probability", locale.Msgf("chance of success in %%"), []string{"Probability (%)", "Probability", "Deal probability", "Wahrscheinlichkeit"}},
			{"stage", locale.Msgf("lead, qualified, proposal, negotiation, won, lost"), []string{"Stage", "Deal Stage", "Sales Stage", "Pipeline Phase", "Phase"}},
			{"close", locale.Msgf("expected decision date"), []string{"Close Date", "Est. Close Date", "Estimated Close Date", "Abschlussdatum"}},
			{"owner", locale.Msgf("our team member: id or name in [[team]] (or mapped in [owners])"), []string{"Opportunity Owner", "Deal Owner", "Owner", "Besitzer", "Verkaufschancenbesitzer"}},
			{"account", locale.Msgf("the account a row belongs to: rows of other accounts than the plan's are left out"), []string{"Account Name", "Company Name", "Associated Company", "Account", "Potential Customer", "Firma", "Kunde"}},
		},
	}
})

// knownWords maps the words of CRMs to the plan's enum words, per key (normalised by
// normName).
var knownWords = sync.OnceValue(func() map[string]map[string]string {
	return map[string]map[string]string{
		"attitude": {
			"champion": "champion", "promoter": "champion", "fürsprecher": "champion", "promotor": "champion",
			"supporter": "supporter", "positive": "supporter", "befürworter": "supporter", "unterstützer": "supporter", "positiv": "supporter",
			"neutral": "neutral",
			"skeptic": "skeptic", "sceptic": "skeptic", "skeptical": "skeptic", "skeptiker": "skeptic", "kritisch": "skeptic",
			"opponent": "opponent", "detractor": "opponent", "blocker": "opponent", "gegner": "opponent", "negative": "opponent", "negativ": "opponent",
		},
		"status": {
			"open": "open", "notstarted": "open", "offen": "open", "nichtbegonnen": "open", "deferred": "open", "zurückgestellt": "open",
			"doing": "doing", "inprogress": "doing", "waiting": "doing", "waitingonsomeoneelse": "doing", "inbearbeitung": "doing", "wartetaufjemandanderen": "doing",
			"done": "done", "completed": "done", "complete": "done", "erledigt": "done", "abgeschlossen": "done",
			"dropped": "dropped", "canceled": "dropped", "cancelled": "dropped", "abgebrochen": "dropped", "verworfen": "dropped", "storniert": "dropped",
		},
		"roles": {
			"initiator": "initiator", "user": "user", "enduser": "user", "businessuser": "user", "anwender": "user", "nutzer": "user",
			"influencer": "influencer", "evaluator": "influencer", "technicalbuyer": "influencer", "beeinflusser": "influencer",
			"decider": "decider", "decisionmaker": "decider", "entscheider": "decider", "economicbuyer": "decider", "economicdecisionmaker": "decider",
			"buyer": "buyer", "purchaser": "buyer", "einkäufer": "buyer", "einkauf": "buyer",
			"gatekeeper": "gatekeeper", "informationsselektierer": "gatekeeper",
			"approver": "approver", "genehmiger": "approver", "executivesponsor": "approver",
		},
		// Stages of Salesforce's default sales process, HubSpot's default deal pipeline and
		// Dynamics' business process flow.
		"stage": {
			"lead": "lead", "prospecting": "lead", "appointmentscheduled": "lead", "new": "lead", "neu": "lead",
			"qualified": "qualified", "qualification": "qualified", "needsanalysis": "qualified", "iddecisionmakers": "qualified",
			"perceptionanalysis": "qualified", "qualifiedtobuy": "qualified", "presentationscheduled": "qualified",
			"1qualify": "qualified", "2develop": "qualified", "qualify": "qualified", "develop": "qualified", "qualifiziert": "qualified",
			"proposal": "proposal", "valueproposition": "proposal", "proposal/pricequote": "proposal", "decisionmakerboughtin": "proposal",
			"3propose": "proposal", "propose": "proposal", "angebot": "proposal",
			"negotiation": "negotiation", "negotiation/review": "negotiation", "contractsent": "negotiation", "4close": "negotiation",
			"close": "negotiation", "verhandlung": "negotiation",
			"won": "won", "closedwon": "won", "gewonnen": "won",
			"lost": "lost", "closedlost": "lost", "verloren": "lost",
		},
		"influence": {
			"1": "1", "low": "1", "gering": "1", "niedrig": "1",
			"2": "2", "medium": "2", "mittel": "2",
			"3": "3", "high": "3", "hoch": "3",
		},
	}
})

// Mapping is a --map file: which column fills which key, words for enums, owners.
type Mapping struct {
	Kind       string                       `toml:"kind"`
	DateFormat string                       `toml:"date_format"` // DD/MM/YYYY or MM/DD/YYYY, for slash dates
	Columns    map[string]string            `toml:"columns"`     // key → column name
	Words      map[string]map[string]string `toml:"words"`       // key → source word → plan word
	Owners     map[string]string            `toml:"owners"`      // source name → team id
}

// ParseMapping reads a mapping file and checks it against the kind.
func ParseMapping(kind string, data []byte) (*Mapping, error) {
	var m Mapping
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&m)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, locale.MsgErrorf("unknown key %s (want kind, date_format, [columns], [words.KEY], [owners])", und[0])
	}
	if m.Kind != "" && m.Kind != kind {
		return nil, locale.MsgErrorf("the mapping is for %q, not %q", m.Kind, kind)
	}
	known := map[string]bool{}
	for _, f := range kindFields()[kind] {
		known[f.Name] = true
	}
	for k := range m.Columns {
		if !known[k] {
			return nil, locale.MsgErrorf("[columns] %s: not a key of %s (want one of %s)", k, kind, strings.Join(fieldNames(kind), ", "))
		}
	}
	for k := range m.Words {
		if _, ok := knownWords()[k]; !ok {
			return nil, locale.MsgErrorf("[words.%s]: words are mapped for attitude, status, roles, influence and stage only", k)
		}
	}
	switch strings.ToUpper(m.DateFormat) {
	case "":
	case "DD/MM/YYYY":
		m.DateFormat = "DMY"
	case "MM/DD/YYYY":
		m.DateFormat = "MDY"
	default:
		return nil, locale.MsgErrorf("date_format %q: want \"DD/MM/YYYY\" or \"MM/DD/YYYY\"", m.DateFormat)
	}
	return &m, nil
}

func fieldNames(kind string) []string {
	var out []string
	for _, f := range kindFields()[kind] {
		out = append(out, f.Name)
	}
	return out
}

// PrintMap is a mapping file to start from: every key of the kind with the column name
// kep recognises first, and the word tables for its enums. Its comments are in lang (the
// reader's language, locale.MsgLang); keys, column names and words stay as the file and
// the exports spell them.
func PrintMap(kind, lang string) (string, error) {
	fs, ok := kindFields()[kind]
	if !ok {
		return "", locale.MsgErrorf("unknown kind %q (want %s)", kind, strings.Join(Kinds, ", "))
	}
	tr := func(format string, args ...any) string { return locale.Msgf(format, args...).In(lang) }
	var b strings.Builder
	b.WriteString(tr("# Mapping for kep import %s --map FILE: which column of your export fills which\n# key of the plan. Without a mapping kep recognises the column names of Salesforce,\n# HubSpot and Dynamics exports (the names below); where yours differ, remove the #\n# before a key and give your export's column, or \"\" to leave that key alone.\n", kind))
	fmt.Fprintf(&b, "kind = %q\n", kind)
	b.WriteString(tr("# date_format = \"DD/MM/YYYY\"   # only for dates written with slashes\n"))
	b.WriteString("\n[columns]\n")
	for _, f := range fs {
		fmt.Fprintf(&b, "# %s = %q%s# %s", f.Name, f.Columns[0], pad(f.Name, f.Columns[0]), f.Help.In(lang))
		b.WriteString(tr("; also: %s\n", strings.Join(f.Columns[1:], ", ")))
	}
	for _, key := range []string{"attitude", "status", "roles", "influence"} {
		if !hasField(kind, key) {
			continue
		}
		b.WriteString("\n")
		b.WriteString(tr("# Words of your CRM for %s → the plan's words. kep knows these already:\n", key))
		known := make([]string, 0, len(knownWords()[key]))
		for w, v := range knownWords()[key] {
			known = append(known, w+" → "+v)
		}
		sort.Strings(known)
		for i := 0; i < len(known); i += 6 {
			fmt.Fprintf(&b, "#   %s\n", strings.Join(known[i:min(i+6, len(known))], ", "))
		}
		fmt.Fprintf(&b, "[words.%s]\n", key)
		b.WriteString(tr("# \"Your word\" = %q\n", firstEnum(key)))
	}
	if hasField(kind, "owner") {
		b.WriteString("\n")
		b.WriteString(tr("# Owners as your CRM names them → ids in the plan's [[team]] (names and ids of\n# [[team]] are recognised without this).\n"))
		b.WriteString("[owners]\n# \"Thomas Seidel\" = \"ts\"\n")
	}
	return b.String(), nil
}

func pad(a, b string) string {
	n := 40 - len(a) - len(b) - 5
	if n < 1 {
		n = 1
	}
	return strings.Repeat(" ", n)
}

func hasField(kind, name string) bool {
	for _, f := range kindFields()[kind] {
		if f.Name == name {
			return true
		}
	}
	return false
}

func firstEnum(key string) string {
	switch key {
	case "attitude":
		return "supporter"
	case "status":
		return "doing"
	case "roles":
		return "decider"
	case "stage":
		return "qualified"
	}
	return "2"
}

// columnsFor finds the column of each key: the mapping's column where it names one ("" for
// none), else the first recognised name present in the header.
func columnsFor(kind string, header []string, m *Mapping) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		if h != "" {
			at[normName(h)] = i
		}
	}
	cols := map[string]int{}
	for _, f := range kindFields()[kind] {
		if m != nil {
			if name, ok := m.Columns[f.Name]; ok {
				if name == "" {
					continue // "" leaves the key alone
				}
				i, ok := at[normName(name)]
				if !ok {
					return nil, locale.MsgErrorf("the mapping names column %q for %s, but the file has no such column (it has: %s)", name, f.Name, strings.Join(header, ", "))
				}
				cols[f.Name] = i
				continue
			}
		}
		for _, c := range f.Columns {
			if i, ok := at[normName(c)]; ok {
				if _, taken := cols[f.Name]; !taken {
					cols[f.Name] = i
				}
			}
		}
	}
	return cols, nil
}
