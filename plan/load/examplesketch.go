package load

import "slices"

//go:generate go test -run TestExampleSketchIsCurrent -update .

// The example check (examples.go) needs kep init's scaffold for the plan's year and
// workspace in every language: filling and parsing three templates cost every process
// about 6 ms, 5 % of a render (issue 19), for plans that hold none of its values. The
// sketch is what every scaffold holds whatever the year and workspace, taken from the
// scaffolds at build time (examplesketch_gen.go; TestExampleSketchIsCurrent fails when a
// template changes without it): a plan none of whose texts is a placeholder and none of
// whose present building blocks could be all kep init's values has no example findings,
// and the scaffolds are not built for it. Any other plan gets the full comparison.

// exampleSketchSrc is the generated sketch.
type exampleSketchSrc struct {
	texts []string   // the placeholder texts (exampleRef.texts) where the check reads them, normText'ed
	strs  []string   // every text under the building blocks' keys, normText'ed
	nums  []float64  // every number under the building blocks' keys, wild columns aside
	wild  [][]string // the columns whose values follow the year or the workspace
}

// exampleSketch is the sketch as the check reads it: its sorted lists are searched, not
// put into maps first (~0.1 ms of a process's first check, perf; issue 19).
type exampleSketch = exampleSketchSrc

func (s *exampleSketch) hasText(t string) bool { _, ok := slices.BinarySearch(s.texts, t); return ok }
func (s *exampleSketch) hasStr(t string) bool  { _, ok := slices.BinarySearch(s.strs, t); return ok }
func (s *exampleSketch) hasNum(n float64) bool { _, ok := slices.BinarySearch(s.nums, n); return ok }

// mayHoldExamples is false when the plan (raw, with its present blocks) cannot have an
// example finding for any year and workspace: no text of it is a placeholder, and every
// present block holds a value no scaffold holds there.
func mayHoldExamples(raw map[string]any, blocks [7]bool) bool {
	s := &exampleSketchData
	for i, has := range blocks {
		if has && s.blockPossible(raw, blockTops[i]) {
			return true
		}
	}
	return s.anyText(raw)
}

// blockPossible is blockIsExample's necessary condition for any scaffold.
func (s *exampleSketch) blockPossible(raw map[string]any, tops []string) bool {
	col := make([]string, 1, 8)
	for _, k := range tops {
		col[0] = k
		if v, ok := raw[k]; ok && !s.possible(col, v) {
			return false
		}
	}
	return true
}

// possible is false when v at column col (keys without array indexes) holds a value that
// no scaffold holds under a building block, so that subsetOf cannot hold for it.
func (s *exampleSketch) possible(col []string, v any) bool {
	if s.isWild(col) {
		return true
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if !s.possible(append(col, k), e) {
				return false
			}
		}
	case []map[string]any:
		for _, e := range x {
			if !s.possible(col, e) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !s.possible(col, e) {
				return false
			}
		}
	case string:
		return s.hasStr(normText(x))
	case int64, float64:
		n, _ := number(x)
		return s.hasNum(n)
	}
	// Dates follow the year; booleans and anything else count as possible.
	return true
}

func (s *exampleSketch) isWild(col []string) bool {
	for _, w := range s.wild {
		if slices.Equal(w, col) {
			return true
		}
	}
	return false
}

// anyText reports whether some text of v is one of the scaffolds' placeholders.
func (s *exampleSketch) anyText(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			if s.anyText(e) {
				return true
			}
		}
	case []map[string]any:
		for _, e := range x {
			if s.anyText(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if s.anyText(e) {
				return true
			}
		}
	case string:
		return s.hasText(normText(x))
	}
	return false
}
