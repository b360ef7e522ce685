package plan

// The plan model mirrors the plan format (spec/plan-format.md) one to one. Decoding fills
// it only after the schema walk has checked every key, type and range, so the fields can
// be plain values. Optional values whose absence means something (no actual yet, no price)
// are pointers; nil is "not given". Single tables whose presence counts for completeness
// (selection, offering, account, swot) are pointers too.

// Plan is one key account development plan (Kundenentwicklungsplan) for one period.
type Plan struct {
	Format   int    `toml:"format"`
	Lang     string `toml:"lang"`     // effective: plan, else workspace, else "de"
	Currency string `toml:"currency"` // effective: plan, else workspace, else "EUR"
	Meta     Meta   `toml:"plan"`
	Brand    Brand  `toml:"brand"` // effective: workspace brand with the plan's keys on top

	Selection     *Selection     `toml:"selection"`   // block 1
	Scorecard     Scorecard      `toml:"scorecard"`   // block 2
	Offering      *Offering      `toml:"offering"`    // block 3
	Account       *Account       `toml:"account"`     // block 4
	SWOT          *SWOT          `toml:"swot"`        // block 5
	Competitors   []Competitor   `toml:"competitors"` // block 5
	Goals         []Goal         `toml:"goals"`       // block 5
	Value         []ValueConcept `toml:"value"`       // block 6
	Team          []TeamMember   `toml:"team"`        // block 7
	Contacts      []Contact      `toml:"contacts"`    // block 7
	Actions       []Action       `toml:"actions"`
	Opportunities []Opportunity  `toml:"opportunities"` // spec A5
	Asks          []Ask          `toml:"asks"`          // spec A6
	Checklists    []Checklist    `toml:"checklists"`
	Reviews       []Review       `toml:"reviews"`
	Accepted      []Accepted     `toml:"accepted"` // spec A7

	// Filled by the loader, never from TOML.
	File      string     `toml:"-"` // the plan's path as given on the command line
	Source    []byte     `toml:"-"` // the plan file's bytes (for the appendix and diffs)
	Workspace *Workspace `toml:"-"` // never nil after loading: built-in defaults without kep.toml

	// Positions, set by the loader, finds a key path's place in Source (nil: unknown).
	Positions Positions `toml:"-"`
	// SelectionGiven: the file's [selection] has a key, zeros included ("a block holds
	// data when any of its keys has a value"); the struct alone cannot tell 0 from absent.
	SelectionGiven bool `toml:"-"`
	// Examples marks the building blocks still as kep init wrote them, ExampleWarnings
	// says so and names its placeholder texts left elsewhere (spec A9, plan/load/examples.go).
	Examples        [7]bool     `toml:"-"`
	ExampleWarnings Diagnostics `toml:"-"`
}

// Positions finds where a key path (plan.from, contacts[1].owner) stands in a plan file,
// or its nearest enclosing table; 0, 0 when unknown. plan/load's line index is one.
type Positions interface {
	Position(path string) (line, col int)
}

// Position returns where the key path (plan.from, contacts[1].owner) stands in the plan
// file, or where its nearest enclosing table does; 0, 0 when unknown.
func (p *Plan) Position(path string) (line, col int) {
	if p == nil || p.Positions == nil {
		return 0, 0
	}
	return p.Positions.Position(path)
}

// Accepted is a warning accepted on purpose (spec A7).
type Accepted struct {
	Warning string `toml:"warning"` // the key path the warning names
	Reason  string `toml:"reason"`
	Until   *Date  `toml:"until"` // after this as-of date the warning returns
}

// Meta is the [plan] table.
type Meta struct {
	Account         string `toml:"account"`
	Title           string `toml:"title"` // effective: the language's default when not given
	From            Date   `toml:"from"`
	To              Date   `toml:"to"`
	Version         string `toml:"version"`
	Status          string `toml:"status"` // draft (default) | review | approved
	Owner           string `toml:"owner"`
	ApprovedBy      string `toml:"approved_by"`
	ApprovedOn      *Date  `toml:"approved_on"`
	Confidentiality string `toml:"confidentiality"` // effective: default "confidential"
	Summary         string `toml:"summary"`         // markdown
	// Kind is "account" (a buying key account) or "prospect" (a potential key account,
	// Potenzieller Key Account, spec A2); effective: "account" when not given.
	Kind string `toml:"kind"`
}

// PlanKinds are the values of [plan] kind: a key account or a potential key account.
var PlanKinds = []string{"account", "prospect"}

// Prospect reports whether the plan is for a potential key account (spec A2): its visit
// norm is the class's prospect frequency and its revenue figures are potentials.
func (p *Plan) Prospect() bool { return p.Meta.Kind == "prospect" }

// Brand is the [brand] table; paths are as written, the resolved assets sit beside them.
type Brand struct {
	Company  string `toml:"company"`
	Logo     string `toml:"logo"`
	Primary  string `toml:"primary"` // effective: default colour when not given
	Accent   string `toml:"accent"`
	Font     string `toml:"font"`
	FontBold string `toml:"font_bold"`
	// FontItalic and FontBoldItalic complete the brand's family; without them italics
	// are the upright faces slanted.
	FontItalic     string `toml:"font_italic"`
	FontBoldItalic string `toml:"font_bold_italic"`
	// FontFallback is a face for the scripts the text faces lack (CJK, Arabic, …): the
	// documents draw each character with the first face that has it.
	FontFallback string `toml:"font_fallback"`
	Paper        string `toml:"paper"` // effective: "A4" when not given
	Footer       string `toml:"footer"`
	// ChapterBreaks is "page" when every chapter of the PDF starts a new page; "" or
	// "auto" (the default) lets chapters run on.
	ChapterBreaks string `toml:"chapter_breaks"`

	LogoData     []byte `toml:"-"` // the logo's bytes, checked to be PNG or JPEG
	LogoType     string `toml:"-"` // "png" or "jpeg"
	FontData     []byte `toml:"-"` // TrueType bytes of font, nil for the built-in font
	FontBoldData []byte `toml:"-"`
	// FontItalicData and FontBoldItalicData: TrueType bytes, nil when not given.
	FontItalicData     []byte `toml:"-"`
	FontBoldItalicData []byte `toml:"-"`
	FontFallbackData   []byte `toml:"-"` // TrueType bytes of font_fallback, nil when not given
}

// Selection is building block 1 in the plan (Auswahl).
type Selection struct {
	Revenue            float64            `toml:"revenue"`
	ContributionMargin float64            `toml:"contribution_margin"`
	Visits             int                `toml:"visits"`
	Attractiveness     map[string]float64 `toml:"attractiveness"` // criterion id → points
	Position           map[string]float64 `toml:"position"`
}

// Scorecard is building block 2 (Balanced Scorecard).
type Scorecard struct {
	// Weights of the perspectives; nil means 25 each.
	Weights    map[string]float64 `toml:"weights"`
	Objectives []Objective        `toml:"objectives"`
}

// Perspectives of the balanced scorecard, in document order.
var Perspectives = []string{"finance", "customer", "process", "learning"}

// Objective is one scorecard row.
type Objective struct {
	ID          string   `toml:"id"`
	Perspective string   `toml:"perspective"`
	Objective   string   `toml:"objective"`
	KPI         string   `toml:"kpi"`
	Unit        string   `toml:"unit"`
	Baseline    *float64 `toml:"baseline"`
	Target      float64  `toml:"target"`
	Actual      *float64 `toml:"actual"`
	Better      string   `toml:"better"` // effective: "higher" when not given
	Weight      *float64 `toml:"weight"` // nil: equal share within the perspective
}

// Offering is building block 3 (KAM-Leistungspakete).
type Offering struct {
	Positioning string             `toml:"positioning"` // markdown
	Profile     []ProfileCriterion `toml:"profile"`
	Competences []Competence       `toml:"competences"`
	Packages    []ServicePackage   `toml:"packages"`
}

// ProfileCriterion is one row of the strengths-weaknesses profile.
type ProfileCriterion struct {
	Criterion   string             `toml:"criterion"`
	Weight      float64            `toml:"weight"`
	Own         float64            `toml:"own"`
	Competitors map[string]float64 `toml:"competitors"` // competitor id → points
}

// Competence is one field of the competence portfolio (Kompetenzfeld).
type Competence struct {
	Name       string   `toml:"name"`
	Importance float64  `toml:"importance"`
	Strength   float64  `toml:"strength"`
	Revenue    *float64 `toml:"revenue"`
}

// ServicePackage is one modular service package (Leistungspaket).
type ServicePackage struct {
	Name        string   `toml:"name"`
	Description string   `toml:"description"` // markdown
	Components  []string `toml:"components"`
	Price       *float64 `toml:"price"`
	Benefit     string   `toml:"benefit"`
}

// Account is building block 4 (Key Account-Analyse).
type Account struct {
	Industry     string       `toml:"industry"`
	Headquarters string       `toml:"headquarters"`
	Employees    *int         `toml:"employees"`
	Revenue      *float64     `toml:"revenue"`
	Locations    []string     `toml:"locations"`
	Website      string       `toml:"website"`
	Strategy     string       `toml:"strategy"` // markdown
	History      []HistoryRow `toml:"history"`
	Pains        []Pain       `toml:"pains"`
	Initiatives  []Initiative `toml:"initiatives"`
	Purchasing   *Purchasing  `toml:"purchasing"`
	Readiness    []Readiness  `toml:"readiness"`
}

// HistoryRow is our business with the account in one year.
type HistoryRow struct {
	Year               int      `toml:"year"`
	Revenue            float64  `toml:"revenue"`
	ContributionMargin *float64 `toml:"contribution_margin"`
	ShareOfWallet      *float64 `toml:"share_of_wallet"`
}

// Pain is one of the account's problems.
type Pain struct {
	Pain     string `toml:"pain"`
	Impact   string `toml:"impact"` // high | medium | low
	Solution string `toml:"solution"`
}

// Initiative is one of the account's business initiatives.
type Initiative struct {
	Name      string `toml:"name"`
	Goal      string `toml:"goal"`
	Due       *Date  `toml:"due"`
	Relevance string `toml:"relevance"` // high | medium | low
}

// Purchasing describes how the account buys.
type Purchasing struct {
	Process string   `toml:"process"` // markdown
	Steps   []string `toml:"steps"`
}

// Readiness is one criterion of the readiness to implement (Umsetzungsbereitschaft).
type Readiness struct {
	Criterion string  `toml:"criterion"`
	Points    float64 `toml:"points"`
}

// SWOT is the [swot] table of building block 5.
type SWOT struct {
	Strengths     []string `toml:"strengths"`
	Weaknesses    []string `toml:"weaknesses"`
	Opportunities []string `toml:"opportunities"`
	Threats       []string `toml:"threats"`
	Strategies    TOWS     `toml:"strategies"`
}

// TOWS holds the four strategies that combine the SWOT quadrants.
type TOWS struct {
	SO []string `toml:"so"`
	ST []string `toml:"st"`
	WO []string `toml:"wo"`
	WT []string `toml:"wt"`
}

// Competitor is one competitor at the account.
type Competitor struct {
	ID            string   `toml:"id"`
	Name          string   `toml:"name"`
	ShareOfWallet *float64 `toml:"share_of_wallet"`
	Strengths     []string `toml:"strengths"`
	Weaknesses    []string `toml:"weaknesses"`
	Strategy      string   `toml:"strategy"`
	Threat        string   `toml:"threat"` // high | medium | low
}

// Goal links one goal of the account to one of ours (Vernetzung).
type Goal struct {
	AccountGoal  string `toml:"account_goal"`
	OwnGoal      string `toml:"own_goal"`
	Contribution string `toml:"contribution"`
	Objective    string `toml:"objective"` // optional scorecard objective id
}

// ValueConcept is a value-added concept with its value calculation (Mehrwertrechnung).
type ValueConcept struct {
	ID          string         `toml:"id"`
	Name        string         `toml:"name"`
	Description string         `toml:"description"` // markdown
	Years       int            `toml:"years"`       // effective: 1 when not given
	Benefits    []ValueBenefit `toml:"benefits"`
	Costs       []ValueCost    `toml:"costs"`
}

// ValueBenefit is a yearly gain of the account.
type ValueBenefit struct {
	Item   string  `toml:"item"`
	Amount float64 `toml:"amount"`
	Basis  string  `toml:"basis"`
}

// ValueCost is a cost of the account, yearly or one-time.
type ValueCost struct {
	Item   string  `toml:"item"`
	Amount float64 `toml:"amount"`
	Once   bool    `toml:"once"`
}

// TeamMember is one person of our account team.
type TeamMember struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	Role string `toml:"role"`
}

// Contact is one person at the account.
type Contact struct {
	ID                 string   `toml:"id"`
	Name               string   `toml:"name"`
	Title              string   `toml:"title"`
	Department         string   `toml:"department"`
	Roles              []string `toml:"roles"`
	Influence          int      `toml:"influence"`    // 1 low, 2 medium, 3 high
	Attitude           string   `toml:"attitude"`     // champion | supporter | neutral | skeptic | opponent
	Relationship       int      `toml:"relationship"` // 0 none … 4 trusted
	TargetRelationship *int     `toml:"target_relationship"`
	Owner              string   `toml:"owner"`
	ReportsTo          string   `toml:"reports_to"`
	LastContact        *Date    `toml:"last_contact"`
	NextStep           string   `toml:"next_step"`
}

// Buying-centre roles and attitudes, in document order.
var (
	BuyingRoles = []string{"initiator", "user", "influencer", "decider", "buyer", "gatekeeper", "approver"}
	Attitudes   = []string{"champion", "supporter", "neutral", "skeptic", "opponent"}
)

// Action is one row of the action plan (Maßnahmenplan).
type Action struct {
	ID        string `toml:"id"`
	Action    string `toml:"action"`
	Owner     string `toml:"owner"`
	Due       *Date  `toml:"due"`
	Status    string `toml:"status"` // effective: "open" when not given
	Objective string `toml:"objective"`
}

// Opportunity is one sales opportunity with its chance of success (Erfolgschance, spec A5).
type Opportunity struct {
	ID          string  `toml:"id"`
	Name        string  `toml:"name"`
	Value       float64 `toml:"value"`       // expected order value
	Probability float64 `toml:"probability"` // 0–100; won 100, lost 0
	Stage       string  `toml:"stage"`       // one of OpportunityStages
	Close       Date    `toml:"close"`       // expected decision date
	Objective   string  `toml:"objective"`
	Owner       string  `toml:"owner"`   // id in [[team]]
	Contact     string  `toml:"contact"` // id in [[contacts]]
}

// OpportunityStages are the stages of an opportunity, in document order; all but won
// and lost are open.
var OpportunityStages = []string{"lead", "qualified", "proposal", "negotiation", "won", "lost"}

// OpenStage reports whether an opportunity in this stage is still to be decided.
func OpenStage(stage string) bool { return stage != "won" && stage != "lost" }

// Ask is one request for support from management (Unterstützung durch das Management,
// spec A6).
type Ask struct {
	ID        string   `toml:"id"`
	Ask       string   `toml:"ask"`
	Kind      string   `toml:"kind"` // one of AskKinds
	Amount    *float64 `toml:"amount"`
	Reason    string   `toml:"reason"` // markdown
	Status    string   `toml:"status"` // one of AskStatuses
	DecidedBy string   `toml:"decided_by"`
	DecidedOn *Date    `toml:"decided_on"`
	Condition string   `toml:"condition"`
	Objective string   `toml:"objective"`
}

// Kinds and statuses of asks, in document order.
var (
	AskKinds    = []string{"budget", "people", "authority", "sponsor", "time", "other"}
	AskStatuses = []string{"open", "approved", "rejected", "conditional"}
)

// Checklist is one checklist on one of the fourteen KAM topics.
type Checklist struct {
	Topic string          `toml:"topic"`
	Items []ChecklistItem `toml:"items"`
}

// ChecklistItem is one question of a checklist.
type ChecklistItem struct {
	Item   string `toml:"item"`
	Status string `toml:"status"` // yes | partly | no | na
}

// ChecklistTopics are the fourteen topics of running KAM, in document order.
var ChecklistTopics = []string{"introduction", "development", "partnership", "customer_orientation",
	"selection", "organisation", "tactical_goals", "customer_analysis", "collaboration", "swot",
	"service", "supply_chain", "conversation", "negotiation"}

// Review is one plan review during the period.
type Review struct {
	Date         Date     `toml:"date"`
	Participants []string `toml:"participants"`
	Notes        string   `toml:"notes"` // markdown
}

// Workspace is the kep.toml shared by all plans of a sales organisation, with the
// built-in defaults filled in where it says nothing.
type Workspace struct {
	StatedLang string `toml:"-"` // the lang kep.toml gives, "" if none: the language of messages

	Lang     string  `toml:"lang"`
	Currency string  `toml:"currency"`
	Brand    Brand   `toml:"brand"`
	Scoring  Scoring `toml:"scoring"`
	Visits   Visits  `toml:"visits"`
	Costs    Costs   `toml:"costs"`

	File string `toml:"-"` // path of kep.toml; empty when the built-in defaults apply
	Dir  string `toml:"-"` // the workspace's folder tree: assets must lie inside it

	// Invalid marks the defaults standing in for a kep.toml with errors: plans are not
	// checked against its scoring model, which would only repeat its errors.
	Invalid bool `toml:"-"`
}

// Scoring is the scoring model (Kundenbewertungssystem).
type Scoring struct {
	ClassA         float64     `toml:"class_a"`
	ClassB         float64     `toml:"class_b"`
	Attractiveness []Criterion `toml:"attractiveness"`
	Position       []Criterion `toml:"position"`
}

// Criterion is one weighted criterion of a scoring axis.
type Criterion struct {
	ID     string  `toml:"id"`
	Name   string  `toml:"name"`
	Weight float64 `toml:"weight"`
}

// Visits is the visit-needs model (Besuchsbedarfsanalyse).
type Visits struct {
	WorkingDays  float64      `toml:"working_days"`
	VisitsPerDay float64      `toml:"visits_per_day"`
	KAMs         int          `toml:"kams"`
	Classes      []VisitClass `toml:"classes"` // effective: always A, B, C in that order
	// Territories (Gebiete, spec A2) count the customers per territory; with them, the
	// need and capacity are their sums and Classes give only the norms.
	Territories []Territory `toml:"territories"`
}

// VisitClass holds the visit norm of one customer class and its counts.
type VisitClass struct {
	Class                  string  `toml:"class"`
	Customers              int     `toml:"customers"`
	Prospects              int     `toml:"prospects"`       // important potential customers
	MinorProspects         int     `toml:"minor_prospects"` // less important ones (spec A2)
	Frequency              float64 `toml:"frequency"`
	ProspectFrequency      float64 `toml:"prospect_frequency"`
	MinorProspectFrequency float64 `toml:"minor_prospect_frequency"`
}

// Territory is one sales territory of the visit model (Gebiet, spec A2). Its KAMs, working
// days and visits per day default to the workspace's; its class rows (effective: A, B, C
// in that order, a class without a row counting nobody) take the workspace's norms for
// every frequency they leave out.
type Territory struct {
	Name         string       `toml:"name"`
	KAMs         int          `toml:"kams"`
	WorkingDays  float64      `toml:"working_days"`
	VisitsPerDay float64      `toml:"visits_per_day"`
	Classes      []VisitClass `toml:"classes"`
}

// Costs is the visit-cost model (Besuchskostenanalyse): the yearly costs of one KAM.
type Costs struct {
	Items []CostItem `toml:"items"`
}

// CostItem is one yearly cost of a KAM.
type CostItem struct {
	Name   string  `toml:"name"`
	Amount float64 `toml:"amount"`
}

// blockKeys name each building block by the key that holds it, for messages.
var BlockKeys = [7]string{"selection", "scorecard", "offering", "account", "swot", "value", "contacts"}

// Weighted is the opportunity's value times its chance of success.
func (o Opportunity) Weighted() float64 { return o.Value * o.Probability / 100 }
