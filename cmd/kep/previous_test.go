package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The review of kep figures --previous in the spec's shape (program.md): objectives by
// id with a dropped one's target null and no entry for a new one, the actions' counts and
// completion, movement from and to, and only the contacts that changed, with only what
// changed. The figures are those of the samples, computed by hand in the comments.
func TestFiguresPreviousShape(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	var stdout, stderr bytes.Buffer
	code := run([]string{"figures", "--previous", "../../samples/previous/hansa-2026.toml", "../../samples/accounts/hansa.toml"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &all); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := json.Indent(&got, all["review"], "", "  "); err != nil {
		t.Fatal(err)
	}
	// f1: 2,050,000 / 2,100,000 = 97.619…; k2 (lower): (2 × 200 − 210) / 200 = 95;
	// p1 (lower): (2 × 1.5 − 1.8) / 1.5 = 80; k3 dropped in 2027 (target null); p2 new
	// (no entry). Actions: 4 done, 1 dropped, 2 open: 4 / (7 − 1) = 66.67 %. Scores:
	// 2026 (25·7 + 25·8 + 20·5 + 15·8 + 15·6) / 10 = 68.5 (B), (30·4 + 25·5 + 25·6 +
	// 20·4) / 10 = 47.5.
	want := `{
  "period": {
    "from": "2026-01-01",
    "to": "2026-12-31"
  },
  "objectives": {
    "f1": {
      "prev_target": 2100000,
      "prev_actual": 2050000,
      "prev_achievement": 97.61904761904762,
      "prev_light": "amber",
      "target": 2400000
    },
    "f2": {
      "prev_target": 21.5,
      "prev_actual": 21,
      "prev_achievement": 97.67441860465115,
      "prev_light": "amber",
      "target": 22
    },
    "k1": {
      "prev_target": 30,
      "prev_actual": 28,
      "prev_achievement": 93.33333333333333,
      "prev_light": "amber",
      "target": 34
    },
    "k2": {
      "prev_target": 200,
      "prev_actual": 210,
      "prev_achievement": 95,
      "prev_light": "amber",
      "target": 160
    },
    "k3": {
      "prev_target": 1,
      "prev_actual": 0,
      "prev_achievement": 0,
      "prev_light": "red",
      "target": null
    },
    "l1": {
      "prev_target": 2,
      "prev_actual": 1,
      "prev_achievement": 50,
      "prev_light": "red",
      "target": 3
    },
    "l2": {
      "prev_target": 20,
      "prev_actual": 12,
      "prev_achievement": 60,
      "prev_light": "red",
      "target": 40
    },
    "p1": {
      "prev_target": 1.5,
      "prev_actual": 1.8,
      "prev_achievement": 80,
      "prev_light": "amber",
      "target": 1
    }
  },
  "actions": {
    "done": 4,
    "dropped": 1,
    "open": 2,
    "completion": 66.66666666666666
  },
  "movement": {
    "from": {
      "attractiveness": 68.5,
      "position": 47.5,
      "class": "B",
      "quadrant": "question"
    },
    "to": {
      "attractiveness": 80,
      "position": 60,
      "class": "A",
      "quadrant": "star"
    }
  },
  "contacts": {
    "hv": {
      "attitude": [
        "neutral",
        "supporter"
      ],
      "relationship": [
        1,
        2
      ]
    },
    "ob": {
      "relationship": [
        2,
        3
      ]
    },
    "sk": {
      "attitude": [
        "skeptic",
        "neutral"
      ]
    }
  }
}`
	if got.String() != want {
		t.Errorf("review =\n%s\nwant\n%s", got.String(), want)
	}

	// Without --previous there is no review.
	stdout.Reset()
	if code := run([]string{"figures", "../../samples/accounts/hansa.toml"}, &stdout, &stderr); code != 0 || strings.Contains(stdout.String(), `"review"`) {
		t.Errorf("without --previous: status %d, review present: %v", code, strings.Contains(stdout.String(), `"review"`))
	}
}

const prevPlan = `format = 1
lang = "en"
[plan]
account = "Nordwerk AG"
from = 2026-01-01
to = 2026-12-31
[selection]
attractiveness = { revenue = 6, potential = 6, margin = 6, strategic_fit = 6, reference = 6 }
position = { share_of_wallet = 6, relationship = 6, solution_fit = 6, price_enforcement = 6 }
[[scorecard.objectives]]
id = "f1"
perspective = "finance"
objective = "Grow revenue"
kpi = "Revenue"
target = 100
actual = 90
[[scorecard.objectives]]
id = "f2"
perspective = "finance"
objective = "Old objective"
kpi = "Margin"
target = 10
`

const curPlan = `format = 1
lang = "en"
[plan]
account = "NORDWERK AG "
from = 2027-01-01
to = 2027-12-31
[selection]
attractiveness = { revenue = 8, potential = 8, margin = 8, strategic_fit = 8, reference = 8 }
position = { share_of_wallet = 6, relationship = 6, solution_fit = 6, price_enforcement = 6 }
[[scorecard.objectives]]
id = "f1"
perspective = "finance"
objective = "Grow revenue with Nordwerk to 120"
kpi = "Revenue"
target = 120
[[scorecard.objectives]]
id = "f3"
perspective = "finance"
objective = "A new objective"
kpi = "Orders"
target = 5
`

// --previous @REV reads the same plan file at a git revision, with the hardened git
// runner (internal/gitrev), in a temporary repository: objectives are matched by id
// though f1 was reworded, f2 is dropped, f3 new; a class change B → A is a movement.
func TestPreviousFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1795737600")
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=kep", "GIT_AUTHOR_EMAIL=kep@example.com",
			"GIT_COMMITTER_NAME=kep", "GIT_COMMITTER_EMAIL=kep@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plan := write("nordwerk.toml", prevPlan)
	other := write("other.toml", strings.Replace(prevPlan, "Nordwerk AG", "Südwerk GmbH", 1))
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "plans 2026")
	git("tag", "v2026")
	write("nordwerk.toml", curPlan)
	write("other.toml", curPlan) // this year's plan of Nordwerk where Südwerk's was
	write("new.toml", curPlan)
	brokenPrev := write("broken-2026.toml", "format = 1\n[plan]\naccount = \"Nordwerk AG\"\n")

	figures := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"figures"}, args...), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	code, out, errs := figures("--previous", "@v2026", plan)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	var f struct {
		Review struct {
			Objectives map[string]map[string]any `json:"objectives"`
			Movement   struct {
				From, To map[string]any
			} `json:"movement"`
		} `json:"review"`
	}
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	o := f.Review.Objectives
	if len(o) != 2 || o["f1"]["target"] != 120.0 || o["f1"]["prev_achievement"] != 90.0 || o["f2"]["target"] != nil || o["f3"] != nil {
		t.Errorf("objectives = %v", o)
	}
	if f.Review.Movement.From["class"] != "B" || f.Review.Movement.To["class"] != "A" || f.Review.Movement.From["attractiveness"] != 60.0 {
		t.Errorf("movement = %v", f.Review.Movement)
	}

	// The document: the review chapter and the class change in English.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-f", "html", "-o", "-", "--previous", "@v2026", plan}, &stdout, &stderr); code != 0 {
		t.Fatalf("render: status %d: %s", code, stderr.String())
	}
	for _, want := range []string{"Review of 2026", "f1 – Grow revenue with Nordwerk to 120 (formerly: Grow revenue)", ">dropped<", "B → A (upgrade)"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}

	// The plan of another account at the revision is refused (wrong usage: 2), as a file too.
	for _, args := range [][]string{{"--previous", "@v2026", other}, {"--previous", filepath.Join(dir, "other.toml"), plan}} {
		if args[1] != "@v2026" {
			write("suedwerk-2026.toml", strings.Replace(prevPlan, "Nordwerk AG", "Südwerk GmbH", 1))
			args[1] = filepath.Join(dir, "suedwerk-2026.toml")
		}
		code, out, errs = figures(args...)
		if code != 2 || out != "" || !strings.Contains(errs, `is of account "Südwerk GmbH", this plan of "NORDWERK AG": give the previous plan of the same account`) {
			t.Errorf("figures %v: status %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	// A previous plan with errors: status 1, its errors named.
	code, out, errs = figures("--previous", brokenPrev, plan)
	if code != 1 || out != "" || !strings.Contains(errs, "the previous plan "+brokenPrev+" has errors:") || !strings.Contains(errs, "plan.from") {
		t.Errorf("broken previous: status %d, stdout %q, stderr %q", code, out, errs)
	}
	// A plan new since the revision: figures without review, and a note.
	code, out, errs = figures("--previous", "@v2026", filepath.Join(dir, "new.toml"))
	if code != 0 || strings.Contains(out, `"review"`) || !strings.Contains(errs, "not in that revision (a new plan): no review") {
		t.Errorf("new plan: status %d, stderr %q", code, errs)
	}
	// An unknown revision is git trouble (2); "@" alone and a file for several plans are wrong usage.
	if code, _, errs = figures("--previous", "@no-such-tag", plan); code != 2 || !strings.Contains(errs, "unknown revision") {
		t.Errorf("unknown revision: status %d, stderr %q", code, errs)
	}
	if code, _, errs = figures("--previous", "@", plan); code != 2 || !strings.Contains(errs, "give a git revision after the @") {
		t.Errorf("@ alone: status %d, stderr %q", code, errs)
	}
	// kep portfolio --previous @REV: each plan with its file at REV; the arrow and the lists.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"portfolio", "-f", "html", "-o", "-", "--previous", "@v2026", plan, filepath.Join(dir, "new.toml")}, &stdout, &stderr); code != 0 {
		t.Fatalf("portfolio: status %d: %s", code, stderr.String())
	}
	for _, want := range []string{"Movement since v2026", "1 of 2 accounts compared with their plan in v2026", "<li>NORDWERK AG: B → A</li>", "No downgrade.", "No plan in v2026 (new): NORDWERK AG."} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("portfolio HTML lacks %q", want)
		}
	}
	if !strings.Contains(stderr.String(), "new.toml: --previous @v2026: not in that revision (a new plan): no arrow") {
		t.Errorf("portfolio stderr %q", stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"portfolio", "-o", filepath.Join(dir, "out"), "--previous", brokenPrev, plan}, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "give a git revision as @REV") {
		t.Errorf("portfolio --previous FILE: status %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"render", "-o", filepath.Join(dir, "out"), "--previous", brokenPrev, plan, filepath.Join(dir, "new.toml")}, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "a file is the previous plan of one plan; for several plans give a git revision as @REV") {
		t.Errorf("render, file for two plans: status %d, stderr %q", code, stderr.String())
	}
}
