package fpdf

import (
	"math"
	"strconv"
)

// appendFixed appends v with prec digits after the point: the bytes of
// strconv.AppendFloat(b, v, 'f', prec, 64) (kep patch). A page's operators hold many
// ordinary numbers (coordinates, widths, sizes), and strconv's general conversion was
// about 5 % of a kep document's layout; here such a number is rounded once as an
// integer of prec decimals. strconv rounds the exact binary value correctly; so does
// this wherever the product v·10^prec lies more than 10^-6 from a half (its rounding
// error is below 2.5·10^-7 there); closer to a half, and beyond 2^31, strconv decides.
func appendFixed(b []byte, v float64, prec int) []byte {
	if prec < 0 || prec >= len(pow10) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	x := math.Abs(v) * pow10[prec]
	if !(x < 1<<31) { // NaN too
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	r := math.Floor(x)
	f := x - r // exact
	if math.Abs(f-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := uint64(r)
	if f > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-') // strconv keeps the sign of what rounds to 0: "-0.00"
	}
	p := uint64(pow10[prec])
	b = strconv.AppendUint(b, n/p, 10)
	if prec > 0 {
		b = append(b, '.')
		frac := n % p
		for d := p / 10; d > 0; d /= 10 {
			b = append(b, byte('0'+frac/d%10))
		}
	}
	return b
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000, 100000, 1000000}
