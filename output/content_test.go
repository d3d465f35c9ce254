package output

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendNum compares appendNum with strconv on the numbers of a page
// and beyond: the same text, except that a half hundredth may round the
// other way.
func TestAppendNum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, 1, -1, 0.004, 0.005, -0.004, 595.28, 841.89, 1e14, -1e14, 1e15, math.Inf(1), math.NaN()}
	for range 100000 {
		values = append(values, (r.Float64()-0.5)*2000)
	}
	for _, v := range values {
		got, want := string(appendNum(nil, v)), strconv.FormatFloat(v, 'f', 2, 64)
		if got == want || want == "-0.00" && got == "0.00" {
			continue
		}
		g, _ := strconv.ParseFloat(got, 64)
		if half := math.Abs(math.Abs(v*100-math.Trunc(v*100)) - 0.5); half > 1e-6 || math.Abs(g-v) > 0.0051 {
			t.Errorf("appendNum(%v) = %s, want %s", v, got, want)
		}
	}
}
