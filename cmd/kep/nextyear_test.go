package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kepdev/kep/plan/check"
)

// kep next-year on the samples (issue 19): the new plan validates, keeps the comments and
// every line it does not change, carries the open actions, clears what the spec says, and
// kep diff between the two reads as the move to a new year.
func TestNextYearSamples(t *testing.T) {
	ws := hardWorkspace(t)
	for _, name := range []string{"hansa", "brightwater"} {
		t.Run(name, func(t *testing.T) {
			old := filepath.Join(ws, "accounts", name+".toml")
			code, _, stderr := runKep(ws, "next-year", old)
			if code != exitOK || !strings.HasPrefix(stderr, "wrote ") {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			newPath := filepath.Join(ws, "accounts", name+"-2028.toml")
			src, dst := mustRead(t, old), mustRead(t, newPath)
			if c, _, e := runKep(ws, "validate", newPath); c != exitOK || strings.Contains(e, ": error") {
				t.Errorf("the new plan does not validate (exit %d):\n%s", c, e)
			}
			l := &check.Loader{}
			op, _ := l.LoadPlan(old)
			np, _ := l.LoadPlan(newPath)
			if np.Meta.From.Year != op.Meta.From.Year+1 || np.Meta.To.Year != op.Meta.To.Year+1 || np.Meta.Status != "draft" || np.Meta.ApprovedBy != "" || np.Meta.ApprovedOn != nil {
				t.Errorf("plan: %+v", np.Meta)
			}
			if len(np.Reviews) != 0 {
				t.Errorf("%d reviews kept", len(np.Reviews))
			}
			for i, o := range np.Scorecard.Objectives {
				was := op.Scorecard.Objectives[i]
				if o.Actual != nil || (was.Actual != nil && (o.Baseline == nil || *o.Baseline != *was.Actual)) {
					t.Errorf("objective %s: baseline %v actual %v (was actual %v)", o.ID, o.Baseline, o.Actual, was.Actual)
				}
			}
			var open []string
			for _, a := range op.Actions {
				if a.Status != "done" && a.Status != "dropped" {
					open = append(open, a.ID)
				}
			}
			var kept []string
			for _, a := range np.Actions {
				kept = append(kept, a.ID)
			}
			if strings.Join(kept, ",") != strings.Join(open, ",") {
				t.Errorf("actions kept %v, want the open ones %v", kept, open)
			}
			if !bytes.Contains(dst, []byte(strings.Join(open, ", "))) {
				t.Error("the open actions are not named in a comment")
			}
			if len(np.Checklists) != len(op.Checklists) {
				t.Error("checklists not kept")
			}
			// Every comment line of the old plan is still there, in order.
			var comments []string
			for _, line := range strings.Split(string(src), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#") {
					comments = append(comments, line)
				}
			}
			at := 0
			for _, c := range comments {
				i := bytes.Index(dst[at:], []byte(c))
				if i < 0 {
					if !strings.Contains(c, "Review") { // a review's own comment goes with it
						t.Errorf("comment lost: %s", c)
					}
					continue
				}
				at += i + len(c)
			}
			// kep diff reads as the move to a new year.
			_, out, _ := runKep(ws, "diff", old, newPath)
			wants := []string{"→ 01.01.2028", "entfernt"}
			if op.Scorecard.Objectives[0].Actual != nil {
				wants = append(wants, "nicht angegeben") // the actual, cleared
			}
			for _, want := range wants {
				if op.Lang == "en" {
					want = map[string]string{"→ 01.01.2028": "→ 1 Jan 2028", "entfernt": "removed", "nicht angegeben": "not given"}[want]
				}
				if !strings.Contains(out, want) {
					t.Errorf("kep diff lacks %q:\n%s", want, out)
				}
			}
			// Never over a file.
			if c, _, e := runKep(ws, "next-year", old); c != exitUsage || !strings.Contains(e, "never overwrites") {
				t.Errorf("second run: exit %d, %s", c, e)
			}
			if _, err := os.Stat(newPath); err != nil {
				t.Fatal(err)
			}
		})
	}
}
