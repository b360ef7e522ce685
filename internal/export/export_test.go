package export

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kepdev/kep/plan/check"
	"github.com/xuri/excelize/v2"
)

func samplePlans(tb testing.TB, n int) []Plan {
	tb.Helper()
	now := time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)
	p, diags := (&check.Loader{Now: now}).LoadPlan(filepath.Join("..", "..", "samples", "accounts", "hansa.toml"))
	if diags.HasErrors() {
		tb.Fatal(diags.Err())
	}
	fg := check.Compute(p, now)
	ps := make([]Plan, n)
	for i := range ps {
		ps[i] = Plan{File: fmt.Sprintf("accounts/a%03d.toml", i), Plan: p, Figures: fg}
	}
	return ps
}

// TestFiveHundredPlansOneTable: a workspace of 500 plans is one figures table of 500
// rows under one filter, and the workbook's bytes do not vary.
func TestFiveHundredPlansOneTable(t *testing.T) {
	ps := samplePlans(t, 500)
	var a, b bytes.Buffer
	opt := Options{Now: time.Date(2027, 1, 15, 8, 0, 0, 0, time.UTC)}
	if err := Write(&a, ps, opt); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, ps, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes gave other bytes")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Kennzahlen")
	if len(rows) != 501 || rows[500][0] != "accounts/a499.toml" {
		t.Fatalf("%d rows", len(rows))
	}
	wb, _ := f.GetRows("Ziele")
	if len(wb) != 1+500*len(ps[0].Plan.Scorecard.Objectives) {
		t.Errorf("objectives: %d rows", len(wb))
	}
}

func BenchmarkWrite500(b *testing.B) {
	ps := samplePlans(b, 500)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var w bytes.Buffer
		if err := Write(&w, ps, Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.Len()), "bytes")
	}
}
