package costing

import (
	"math"
	"slices"
)

// radixBits is the digit width of sortFloats: 6 passes of 11 bits cover
// the 64-bit keys with 2048 counters per pass.
const radixBits = 11

// sortFloats sorts a ascending (a holds no NaN) with an LSD radix sort on
// the floats' bit patterns, made to order like the numbers: several times
// faster than a comparison sort for the simulation's 10^4 to 10^6 values.
// Passes whose digit is the same for every value (such as the sign and
// most of the exponent) are skipped.
func sortFloats(a []float64) {
	n := len(a)
	if n < 512 {
		slices.Sort(a)
		return
	}
	const passes = (64 + radixBits - 1) / radixBits
	const buckets = 1 << radixBits
	const mask = buckets - 1
	keys := make([]uint64, n)
	tmp := make([]uint64, n)
	var counts [passes][buckets]int
	for i, f := range a {
		k := math.Float64bits(f)
		if k>>63 != 0 {
			k = ^k // negative: reverse the order
		} else {
			k |= 1 << 63
		}
		keys[i] = k
		for p := range passes {
			counts[p][(k>>(p*radixBits))&mask]++
		}
	}
	for p := range passes {
		c := &counts[p]
		if c[(keys[0]>>(p*radixBits))&mask] == n {
			continue // every key has this digit
		}
		sum := 0
		for b := range c {
			c[b], sum = sum, sum+c[b]
		}
		shift := uint(p * radixBits)
		for _, k := range keys {
			d := (k >> shift) & mask
			tmp[c[d]] = k
			c[d]++
		}
		keys, tmp = tmp, keys
	}
	for i, k := range keys {
		if k>>63 != 0 {
			k &^= 1 << 63
		} else {
			k = ^k
		}
		a[i] = math.Float64frombits(k)
	}
}
