package costing

import (
	"math"

	"github.com/shopspring/decimal"
)

// The arithmetic of the unit rows has a fast path in int64: after
// alignExponents every quantity is an integer times 10^eq and every unit
// price an integer times 10^ep, so a code's exact amount is the product of
// the two integers times 10^(eq+ep), a row's sum is the sum of those
// products, and rounding it to whole kroner is an integer division. Every
// step checks for overflow; a row that does not fit is computed with
// decimal.Decimal instead, with the same result.

// maxInt64Digits is the most decimal digits an int64 always holds.
const maxInt64Digits = 18

// coef returns d's coefficient when it fits an int64 with room to spare.
func coef(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > maxInt64Digits {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// mulInt returns a × b and whether it did not overflow.
func mulInt(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	// c/b != a catches every overflow but MinInt64 × -1, whose quotient
	// itself overflows back to MinInt64.
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

// addInt returns a + b and whether it did not overflow.
func addInt(a, b int64) (int64, bool) {
	c := a + b
	if (b > 0 && c < a) || (b < 0 && c > a) {
		return 0, false
	}
	return c, true
}

// roundDiv returns n / d rounded half away from zero (d > 0, d <= 10^18).
func roundDiv(n, d int64) int64 {
	q, r := n/d, n%d
	if r < 0 {
		r = -r
	}
	if 2*r >= d {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// pow10Int returns 10^k for 0 <= k <= 18.
func pow10Int(k int32) (int64, bool) {
	if k < 0 || k > maxInt64Digits {
		return 0, false
	}
	p := int64(1)
	for range k {
		p *= 10
	}
	return p, true
}

// mulDec returns a × b, in int64 when the coefficients allow.
func mulDec(a, b decimal.Decimal) decimal.Decimal {
	if ca, ok := coef(a); ok {
		return mulCoefDec(ca, a.Exponent(), b)
	}
	return a.Mul(b)
}

// mulCoefDec returns ca × 10^ea × b, in int64 when it fits.
func mulCoefDec(ca int64, ea int32, b decimal.Decimal) decimal.Decimal {
	if cb, ok := coef(b); ok {
		if c, ok := mulInt(ca, cb); ok {
			return decimal.New(c, ea+b.Exponent())
		}
	}
	return decimal.New(ca, ea).Mul(b)
}

// addDec returns a + b, in int64 when the coefficients allow.
func addDec(a, b decimal.Decimal) decimal.Decimal {
	ea, eb := a.Exponent(), b.Exponent()
	if ca, ok := coef(a); ok {
		if cb, ok := coef(b); ok {
			if ea > eb {
				ca, ea, ok = scaleInt(ca, ea, eb)
			} else if eb > ea {
				cb, _, ok = scaleInt(cb, eb, ea)
			}
			if ok {
				if c, ok := addInt(ca, cb); ok {
					return decimal.New(c, ea)
				}
			}
		}
	}
	return a.Add(b)
}

// scaleInt returns the coefficient c × 10^from as a coefficient at exponent
// to (to <= from).
func scaleInt(c int64, from, to int32) (int64, int32, bool) {
	p, ok := pow10Int(from - to)
	if !ok {
		return 0, 0, false
	}
	c, ok = mulInt(c, p)
	return c, to, ok
}

// withExp returns d with exponent e (<= d's own), the same value.
func withExp(d decimal.Decimal, e int32) decimal.Decimal {
	if d.Exponent() == e {
		return d
	}
	if c, ok := coef(d); ok {
		if c, _, ok := scaleInt(c, d.Exponent(), e); ok {
			return decimal.New(c, e)
		}
	}
	return d.Round(-e)
}

// decSum sums decimals in int64 at the smallest exponent seen, switching
// to decimal.Decimal should a value or the sum not fit. Its zero value is
// an empty sum.
type decSum struct {
	c       int64
	e       int32
	started bool
	d       decimal.Decimal
	big     bool
}

// add adds x.
func (s *decSum) add(x decimal.Decimal) {
	if !s.big {
		if cx, ok := coef(x); ok && s.addCoef(cx, x.Exponent()) {
			return
		}
		s.d, s.big = s.value(), true
	}
	s.d = s.d.Add(x)
}

// addAmount adds x, whose coefficient at exponent 0 is c when whole is
// true (as unitRow returns it), saving the check that it fits.
func (s *decSum) addAmount(x decimal.Decimal, c int64, whole bool) {
	if whole && !s.big && s.addCoef(c, 0) {
		return
	}
	s.add(x)
}

// addCoef adds c × 10^e in int64 and reports whether it fit.
func (s *decSum) addCoef(c int64, e int32) bool {
	if !s.started {
		s.c, s.e, s.started = c, e, true
		return true
	}
	sc, se, ok := s.c, s.e, true
	if se > e {
		sc, se, ok = scaleInt(sc, se, e)
	} else if e > se {
		c, _, ok = scaleInt(c, e, se)
	}
	if !ok {
		return false
	}
	r, ok := addInt(sc, c)
	if ok {
		s.c, s.e = r, se
	}
	return ok
}

// value returns the sum (0 when empty).
func (s *decSum) value() decimal.Decimal {
	if s.big {
		return s.d
	}
	return decimal.New(s.c, s.e)
}

// mulDivRound returns round(a × b / c) to whole kroner, half away from
// zero, for c > 0; in int64 when it fits.
func mulDivRound(a, b, c decimal.Decimal) decimal.Decimal {
	ca, ok1 := coef(a)
	cb, ok2 := coef(b)
	cc, ok3 := coef(c)
	if ok1 && ok2 && ok3 && cc > 0 {
		// a × b / c = ca × cb × 10^k / cc with k = ea + eb − ec.
		if num, ok := mulInt(ca, cb); ok {
			k := a.Exponent() + b.Exponent() - c.Exponent()
			den := cc
			if k >= 0 {
				num, _, ok = scaleInt(num, k, 0)
			} else {
				den, _, ok = scaleInt(den, -k, 0)
			}
			if ok && den <= 1e18 {
				return decimal.New(roundDiv(num, den), 0)
			}
		}
	}
	return a.Mul(b).DivRound(c, 0)
}
