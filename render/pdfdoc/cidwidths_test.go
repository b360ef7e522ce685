package pdfdoc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// fpdf writes a UTF-8 font's /W array with its own code since issue 19 (cidFontWidths in
// third_party/fpdf); its bytes must be upstream's. upstreamCIDFontWidths below is
// upstream's algorithm (a port of tFPDF's PHP, with PHP-like arrays), copied as
// third_party/fpdf had it before, and the two are compared on width tables made to
// hit its cases: runs of equal widths of every length, next to each other and to
// single widths, gaps, zero and missing widths, used and unused codes above 255.
func TestCIDFontWidths(t *testing.T) {
	rnd := rand.New(rand.NewPCG(19, 21))
	for i := 0; i < 3000; i++ {
		last := 1 + rnd.IntN(700)
		cw := make([]uint16, last+1+rnd.IntN(3))
		w := uint16(500)
		for c := range cw {
			switch rnd.IntN(6) {
			case 0: // a new width; else the same as before (runs)
				w = uint16(rnd.IntN(4) * 100)
			case 1:
				if rnd.IntN(8) == 0 {
					cw[c] = 65535 // a width fpdf writes as 0
					continue
				}
			}
			cw[c] = w // 0: no glyph
		}
		used := map[int]int{}
		for c := 0; c <= last; c++ {
			if rnd.IntN(3) > 0 {
				used[c] = c
			}
		}
		if rnd.IntN(4) == 0 {
			used[last+1] = last + 1 // beyond the last rune: not written
		}
		want := upstreamCIDFontWidths(&upstreamFont{Cw: cw, usedRunes: used}, last)
		if got := fpdf.CIDFontWidths(cw, used, last); got != want {
			t.Fatalf("case %d (last rune %d):\n got %q\nwant %q", i, last, got, want)
		}
	}
}

type upstreamFont struct {
	Cw        []uint16
	usedRunes map[int]int
}

type untypedKeyMap struct {
	keySet   []interface{}
	valueSet []int
}

func upstreamCIDFontWidths(font *upstreamFont, LastRune int) string {
	rangeID := 0
	cidArray := make(map[int]*untypedKeyMap)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := LastRune + 1

	// for each character
	for cid := startCid; cid < cwLen; cid++ {
		if font.Cw[cid] == 0x00 {
			continue
		}
		width := int(font.Cw[cid])
		if width == 65535 {
			width = 0
		}
		if numb, OK := font.usedRunes[cid]; cid > 255 && (!OK || numb == 0) {
			continue
		}

		if cid == prevCid+1 {
			if width == prevWidth {

				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]interface{}, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, prevWidth)
					cidArray[rangeID].put(nil, width)
				}
				interval = true
				cidArray[rangeID].put("interval", 1)
			} else {
				if interval {
					// new range
					rangeID = cid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]interface{}, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].put(nil, width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			r := untypedKeyMap{
				valueSet: make([]int, 0),
				keySet:   make([]interface{}, 0),
			}
			cidArray[rangeID] = &r
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].put(nil, width)
			interval = false
		}
		prevCid = cid
		prevWidth = width

	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keySet)
		if (key == nextKey) && (!isInterval) && (ws.getIndex("interval") < 0 || cws < 4) {
			if cidArray[key].getIndex("interval") >= 0 {
				cidArray[key].delete("interval")
			}
			cidArray[previousKey] = arrayMerge(cidArray[previousKey], cidArray[key])
			cidArrayKeys = remove(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		// ui := ws.getIndex("interval")
		// ui = ui + 1
		if ws.getIndex("interval") >= 0 {
			if cws > 3 {
				isInterval = true
			} else {
				isInterval = false
			}
			cidArray[key].delete("interval")
			nextKey--
		} else {
			isInterval = false
		}
	}
	var w strings.Builder
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		if len(arrayCountValues(ws.valueSet)) == 1 {
			fmt.Fprintf(&w, " %d %d %d", k, k+len(ws.valueSet)-1, ws.get(0))
		} else {
			fmt.Fprintf(&w, " %d [ %s ]\n", k, implode(" ", ws.valueSet))
		}
	}
	return "/W [" + w.String() + " ]"
}

// Get position of key=>value in PHP Array
func (pa *untypedKeyMap) getIndex(key interface{}) int {
	if key != nil {
		for i, mKey := range pa.keySet {
			if mKey == key {
				return i
			}
		}
		return -1
	}
	return -1
}

// Put key=>value in PHP Array
func (pa *untypedKeyMap) put(key interface{}, value int) {
	if key == nil {
		// kep patch: the keys are unique, so when the integer keys all lie below their
		// count they are exactly 0 … count-1 and the first free one is count: found in
		// two passes instead of a search of the keys for every candidate (quadratic;
		// cidFontWidths puts a width per rune this way).
		ints, below := 0, true
		for _, k := range pa.keySet {
			if _, ok := k.(int); ok {
				ints++
			}
		}
		for _, k := range pa.keySet {
			if n, ok := k.(int); ok && (n < 0 || n >= ints) {
				below = false
				break
			}
		}
		if below {
			pa.keySet = append(pa.keySet, ints)
			pa.valueSet = append(pa.valueSet, value)
			return
		}
		var i int
		for n := 0; ; n++ {
			i = pa.getIndex(n)
			if i < 0 {
				key = n
				break
			}
		}
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
	} else {
		i := pa.getIndex(key)
		if i < 0 {
			pa.keySet = append(pa.keySet, key)
			pa.valueSet = append(pa.valueSet, value)
		} else {
			pa.valueSet[i] = value
		}
	}
}

// Delete value in PHP Array
func (pa *untypedKeyMap) delete(key interface{}) {
	if pa == nil || pa.keySet == nil || pa.valueSet == nil {
		return
	}
	i := pa.getIndex(key)
	if i >= 0 {
		if i == 0 {
			pa.keySet = pa.keySet[1:]
			pa.valueSet = pa.valueSet[1:]
		} else if i == len(pa.keySet)-1 {
			pa.keySet = pa.keySet[:len(pa.keySet)-1]
			pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
		} else {
			pa.keySet = append(pa.keySet[:i], pa.keySet[i+1:]...)
			pa.valueSet = append(pa.valueSet[:i], pa.valueSet[i+1:]...)
		}
	}
}

// Get value from PHP Array
func (pa *untypedKeyMap) get(key interface{}) int {
	i := pa.getIndex(key)
	if i >= 0 {
		return pa.valueSet[i]
	}
	return 0
}

// Imitation of PHP function pop()
func (pa *untypedKeyMap) pop() {
	pa.keySet = pa.keySet[:len(pa.keySet)-1]
	pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
}

// Imitation of PHP function array_merge()
func arrayMerge(arr1, arr2 *untypedKeyMap) *untypedKeyMap {
	answer := untypedKeyMap{}
	if arr1 == nil && arr2 == nil {
		answer = untypedKeyMap{
			make([]interface{}, 0),
			make([]int, 0),
		}
	} else if arr2 == nil {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
	} else if arr1 == nil {
		answer.keySet = arr2.keySet[:]
		answer.valueSet = arr2.valueSet[:]
	} else {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
		for i := 0; i < len(arr2.keySet); i++ {
			if arr2.keySet[i] == "interval" {
				if arr1.getIndex("interval") < 0 {
					answer.put("interval", arr2.valueSet[i])
				}
			} else {
				answer.put(nil, arr2.valueSet[i])
			}
		}
	}
	return &answer
}

func remove(arr []int, key int) []int {
	n := 0
	for i, mKey := range arr {
		if mKey == key {
			n = i
		}
	}
	if n == 0 {
		return arr[1:]
	} else if n == len(arr)-1 {
		return arr[:len(arr)-1]
	}
	return append(arr[:n], arr[n+1:]...)
}

func implode(sep string, arr []int) string {
	var s strings.Builder
	for i := 0; i < len(arr)-1; i++ {
		fmt.Fprintf(&s, "%v", arr[i])
		s.WriteString(sep)
	}
	if len(arr) > 0 {
		fmt.Fprintf(&s, "%v", arr[len(arr)-1])
	}
	return s.String()
}

func arrayCountValues(mp []int) map[int]int {
	answer := make(map[int]int)
	for _, v := range mp {
		answer[v] = answer[v] + 1
	}
	return answer
}
