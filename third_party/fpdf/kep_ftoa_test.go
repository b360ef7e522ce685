package fpdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendFixed writes what strconv writes: random values of every magnitude a page holds,
// ties and near ties, negative zero, values that round to zero, the limits, NaN and
// infinities, for every precision.
func TestAppendFixed(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	vals := []float64{0, math.Copysign(0, -1), 0.125, 0.375, 1.005, 2.675, -0.005, -0.004, -1e-9,
		0.994999999, 0.995, 1 << 31, -(1 << 31), 1<<31 - 0.5, 1e300, -1e-300, math.NaN(),
		math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64, 841.89, 595.28}
	for i := 0; i < 2_000_000; i++ {
		var v float64
		switch i % 5 {
		case 0:
			v = (rng.Float64() - 0.5) * 2000
		case 1:
			v = float64(rng.IntN(200000)-100000) / 1000 // on the thousandths
		case 2:
			v = float64(rng.IntN(2000000)-1000000)/200 + 0.005*float64(rng.IntN(3)-1) // near ties
		case 3:
			v = math.Ldexp(rng.Float64(), rng.IntN(80)-40)
		default:
			v = (rng.Float64() - 0.5) * 1e10
		}
		vals = append(vals, v)
	}
	for _, v := range vals {
		for prec := -1; prec <= 8; prec++ {
			got := string(appendFixed([]byte("x"), v, prec))
			want := "x" + strconv.FormatFloat(v, 'f', prec, 64)
			if got != want {
				t.Fatalf("appendFixed(%v, %d) = %q, strconv %q", v, prec, got, want)
			}
		}
	}
}
