package costing

import (
	"math"
	"math/big"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// stressRate is the stress-test rate for rate r: max(r + points, min).
func stressRate(r decimal.Decimal, t concepts.Terms) decimal.Decimal {
	return decimal.Max(r.Add(t.StressAddPoints), t.StressMinPercent)
}

// annuity is a rate and term with its monthly annuity factor: the payment
// on a loan of 1.
type annuity struct {
	rate   decimal.Decimal
	months int
	factor float64
}

// newAnnuity returns the annuity of rate percent a year over years:
// factor = i / (1 − (1+i)^−n) with i = rate/1200 and n = 12 × years, or
// 1/n when the rate is 0.
func newAnnuity(rate decimal.Decimal, years int) annuity {
	a := annuity{rate: rate, months: 12 * years}
	if a.months <= 0 {
		return a
	}
	i := rate.InexactFloat64() / 1200
	if i == 0 {
		a.factor = 1 / float64(a.months)
		return a
	}
	a.factor = i / -math.Expm1(-float64(a.months)*math.Log1p(i))
	return a
}

// monthlyRun is one buyer's loans and running costs: own is the loan at
// the buyer's rate, common the cooperative's common debt at its rate, and
// operating the running costs of a year (perM2 × bra, in float64).
type monthlyRun struct {
	own, common Kroner
	operating   float64
	bra, perM2  decimal.Decimal
}

// cost returns round(pmt(own) + pmt(common) + operating/12) at annuities a
// and k, whole kroner half away from zero; a loan of at most 0 costs
// nothing.
func (r *monthlyRun) cost(a, k *annuity) Kroner {
	v := r.operating / 12
	if r.own > 0 {
		v += float64(r.own) * a.factor
	}
	if r.common > 0 {
		v += float64(r.common) * k.factor
	}
	if f := v - math.Floor(v); math.Abs(f-0.5) < 1e-6 {
		return Kroner(monthlyExact(r.own.Decimal(), r.common.Decimal(), r.perM2.Mul(r.bra), a, k).IntPart())
	}
	return Kroner(math.Round(v))
}

// precision is the big.Float precision of monthlyExact, in bits.
const precision = 256

// monthlyExact is monthly in 256-bit arithmetic.
func monthlyExact(own, common, operating decimal.Decimal, a, k *annuity) decimal.Decimal {
	sum := new(big.Float).SetPrec(precision)
	sum.Add(sum, pmtExact(own, a))
	if common.IsPositive() {
		sum.Add(sum, pmtExact(common, k))
	}
	op := new(big.Float).SetPrec(precision).SetRat(operating.Rat())
	sum.Add(sum, op.Quo(op, new(big.Float).SetPrec(precision).SetInt64(12)))
	s := sum.Text('f', 40)
	return decimal.RequireFromString(s).Round(0)
}

// pmtExact is pmt(loan) of annuity a in 256-bit arithmetic (0 for a loan
// of at most 0).
func pmtExact(loan decimal.Decimal, a *annuity) *big.Float {
	f := func() *big.Float { return new(big.Float).SetPrec(precision) }
	if !loan.IsPositive() || a.months <= 0 {
		return f()
	}
	l := f().SetRat(loan.Rat())
	if a.rate.IsZero() {
		return l.Quo(l, f().SetInt64(int64(a.months)))
	}
	i := f().SetRat(a.rate.Rat())
	i.Quo(i, f().SetInt64(1200))
	// (1+i)^n by repeated squaring.
	base := f().Add(f().SetInt64(1), i)
	pow := f().SetInt64(1)
	for n := a.months; n > 0; n >>= 1 {
		if n&1 == 1 {
			pow.Mul(pow, base)
		}
		base.Mul(base, base)
	}
	// pmt = L × i × (1+i)^n / ((1+i)^n − 1)
	num := f().Mul(l, i)
	num.Mul(num, pow)
	den := f().Sub(pow, f().SetInt64(1))
	return num.Quo(num, den)
}
