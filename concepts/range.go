package concepts

import "github.com/shopspring/decimal"

// Range is a three-point estimate [low, likely, high], written in YAML as a
// flow sequence of three numbers. A valid Range has 0 <= Low <= Likely <= High.
type Range struct {
	Low, Likely, High decimal.Decimal
}

// NewRange returns the Range [low, likely, high] from whole numbers.
func NewRange(low, likely, high int64) Range {
	return Range{decimal.NewFromInt(low), decimal.NewFromInt(likely), decimal.NewFromInt(high)}
}

// Certain reports whether the range has no spread (Low equals High).
func (r Range) Certain() bool { return r.Low.Equal(r.High) }

// Mul returns the range with low, likely and high multiplied by f, exactly.
func (r Range) Mul(f decimal.Decimal) Range {
	return Range{r.Low.Mul(f), r.Likely.Mul(f), r.High.Mul(f)}
}
