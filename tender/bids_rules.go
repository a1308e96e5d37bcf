package tender

import "github.com/shopspring/decimal"

// The rules of the evaluation of returned price schedules, in one place
// (docs/RULES.md, "Bids").
const (
	// AbnormallyLowOfEstimatePercent: a bid whose total is below this share
	// of the estimate's entreprisekostnad excl. VAT is abnormally low, and
	// the municipality must ask for an explanation (anskaffelsesforskriften
	// § 24-8).
	AbnormallyLowOfEstimatePercent = 80
	// AbnormallyLowOfMedianPercent: so is a bid below this share of the
	// median of the bids' totals.
	AbnormallyLowOfMedianPercent = 85
	// UnbalancedLowPercent and UnbalancedHighPercent: a line's unit price
	// below the first or above the second share of the estimate's likely
	// unit price is unbalanced ...
	UnbalancedLowPercent  = 50
	UnbalancedHighPercent = 200
	// UnbalancedShareOfBidPercent: ... when the line is at least this share
	// of the bid's total.
	UnbalancedShareOfBidPercent = 2
	// MaxBidFileBytes is the largest returned schedule read (20 MB); a
	// larger file is refused before it is unpacked.
	MaxBidFileBytes = 20 << 20
	// MaxBidUnpackedBytes is the most the parts of a returned schedule may
	// unpack to, by the sizes the zip file states and as excelize unpacks
	// it; more is taken for a zip bomb. A schedule of 500 lines unpacks to
	// well under 1 MB.
	MaxBidUnpackedBytes = 100 << 20
	// MaxBidZipEntries is the most parts a returned schedule may have.
	MaxBidZipEntries = 1000
)

// percentOf returns p % of d.
func percentOf(d decimal.Decimal, p int64) decimal.Decimal {
	return d.Mul(decimal.NewFromInt(p)).Div(decimal.NewFromInt(100))
}
