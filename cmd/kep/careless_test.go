package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The corpus of careless plans (issue 14): the mistakes real key account managers make —
// thousands dots, values pasted from Excel, a December review of an action due in
// November, a key contact unmet for months, objectives without actuals, acceptances run
// out — each with the exact messages of `kep validate` as of 5 December 2027
// (testdata/careless/NAME.want; -update-corpus rewrites them). None may reach a document
// silently: every case has a finding, so --strict fails; a plan without errors still
// renders, and kep render reports the same findings.
func TestCarelessCorpus(t *testing.T) {
	plans, err := filepath.Glob("testdata/careless/*.toml")
	if err != nil || len(plans) < 5 {
		t.Fatalf("%d careless plans, want at least 5 (%v)", len(plans), err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1827964800") // 2027-12-05
	for _, src := range plans {
		name := strings.TrimSuffix(filepath.Base(src), ".toml")
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			plan := filepath.Join(dir, name+".toml")
			writeFile(t, plan, mustRead(t, src))
			code, _, stderr := runKep(dir, "validate", plan)
			wantFile := strings.TrimSuffix(src, ".toml") + ".want"
			if *updateCorpus {
				writeFile(t, wantFile, []byte(stderr))
			}
			want := string(mustRead(t, wantFile))
			if stderr != want {
				t.Errorf("kep validate:\n got: %s\nwant: %s", stderr, want)
			}
			if strings.TrimSpace(stderr) == "" {
				t.Fatal("a careless plan passes without a word")
			}
			if c, _, _ := runKep(dir, "validate", "--strict", plan); c != exitPlan {
				t.Errorf("kep validate --strict: exit %d, want %d", c, exitPlan)
			}
			if code != exitOK {
				return // errors: the broken corpus checks that nothing is rendered
			}
			c, _, rerr := runKep(dir, "render", "-q", "-f", "html", "-o", filepath.Join(dir, "out"), plan)
			if c != exitOK || rerr != stderr {
				t.Errorf("kep render: exit %d, messages\n%s\nwant those of kep validate", c, rerr)
			}
		})
	}
}
