package tender

import (
	"sort"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Evaluation compares the bids for one variant with each other and with
// the municipality's estimate (docs/RULES.md, "Bids").
type Evaluation struct {
	Variant string
	// Estimate is the estimate's entreprisekostnad excl. VAT (posts 1-7),
	// what a bid's total is compared with.
	Estimate decimal.Decimal
	// PriceLevel is the estimate's price level (the tender's).
	PriceLevel string
	// Median is the median of the bids' totals (the mean of the middle
	// two for an even number).
	Median decimal.Decimal
	// Bids are the bids in the order given, each with its flags.
	Bids []*EvaluatedBid
	// Posts compare the bids post by post (1-7).
	Posts []PostComparison
	// Lines compare the bids line by line, in the schedule's order.
	Lines []LineComparison
}

// EvaluatedBid is a bid with its rank and flags.
type EvaluatedBid struct {
	*Bid
	// Rank is 1 for the lowest total; equal totals share a rank.
	Rank int
	// AbnormallyLow is true when the total is below
	// AbnormallyLowOfEstimatePercent of the estimate or
	// AbnormallyLowOfMedianPercent of the median; BelowEstimate and
	// BelowMedian say which.
	AbnormallyLow, BelowEstimate, BelowMedian bool
	// Unbalanced are the keys of the unbalanced lines, in the schedule's
	// order.
	Unbalanced []string
	// PercentOfEstimate is the total as a percentage of the estimate, to
	// one decimal (0 when the estimate is 0).
	PercentOfEstimate decimal.Decimal
}

// PostComparison is one NS 3453 post: the estimate's amount and each
// bid's (in the order of Evaluation.Bids).
type PostComparison struct {
	Post     int
	Name     string
	Estimate decimal.Decimal
	Bids     []decimal.Decimal
}

// LineComparison is one line: the estimate's likely unit price and amount
// and each bid's unit price and amount.
type LineComparison struct {
	Key, No, Text, Unit string
	Post                int
	Qty                 decimal.Decimal
	// EstimatePrice is the estimate's likely unit price (post 1: the post
	// amount); EstimateAmount is Qty × EstimatePrice rounded.
	EstimatePrice, EstimateAmount decimal.Decimal
	Prices, Amounts               []decimal.Decimal
	// Unbalanced tells, per bid, whether the line is unbalanced in it.
	Unbalanced []bool
}

// Evaluate ranks and flags bids read with ReadBid against e, the estimate
// they were read against, with the texts in lang.
func Evaluate(e *costing.Estimate, bids []*Bid, lang string) (*Evaluation, error) {
	l := localeFor(lang)
	s, err := buildSchedule(l, e)
	if err != nil {
		return nil, err
	}
	ev := &Evaluation{Variant: e.Variant, Estimate: e.Totals.Entreprisekostnad, PriceLevel: e.PriceLevel}
	totals := make([]decimal.Decimal, len(bids))
	for i, b := range bids {
		ev.Bids = append(ev.Bids, &EvaluatedBid{Bid: b})
		totals[i] = b.Total
	}
	ev.Median = median(totals)
	hundred := decimal.NewFromInt(100)
	for _, b := range ev.Bids {
		b.Rank = 1
		for _, o := range ev.Bids {
			if o.Total.LessThan(b.Total) {
				b.Rank++
			}
		}
		b.BelowEstimate = b.Total.LessThan(percentOf(ev.Estimate, AbnormallyLowOfEstimatePercent))
		b.BelowMedian = b.Total.LessThan(percentOf(ev.Median, AbnormallyLowOfMedianPercent))
		b.AbnormallyLow = b.BelowEstimate || b.BelowMedian
		if ev.Estimate.IsPositive() {
			b.PercentOfEstimate = b.Total.Mul(hundred).Div(ev.Estimate).Round(1)
		}
	}
	// lines, in the schedule's order
	index := make([]map[string]BidLine, len(bids))
	for i, b := range bids {
		index[i] = make(map[string]BidLine, len(b.Lines))
		for _, ln := range b.Lines {
			index[i][ln.Key] = ln
		}
	}
	for _, p := range s.Posts {
		pc := PostComparison{Post: p.Post, Name: p.Name, Estimate: e.Posts[p.Post], Bids: make([]decimal.Decimal, len(bids))}
		for _, g := range p.Groups {
			for _, sl := range g.Lines {
				lc := LineComparison{
					Key: sl.Key, No: sl.No, Text: lineText(l, g, sl), Unit: sl.Unit, Post: p.Post, Qty: sl.Qty,
					EstimatePrice: sl.UnitPrice, EstimateAmount: sl.Qty.Mul(sl.UnitPrice).Round(0),
					Prices: make([]decimal.Decimal, len(bids)), Amounts: make([]decimal.Decimal, len(bids)),
					Unbalanced: make([]bool, len(bids)),
				}
				for i, b := range ev.Bids {
					bl := index[i][sl.Key]
					lc.Prices[i], lc.Amounts[i] = bl.UnitPrice, bl.Amount
					pc.Bids[i] = pc.Bids[i].Add(bl.Amount)
					if unbalanced(sl.UnitPrice, bl, b.Total) {
						lc.Unbalanced[i] = true
						b.Unbalanced = append(b.Unbalanced, sl.Key)
					}
				}
				ev.Lines = append(ev.Lines, lc)
			}
		}
		ev.Posts = append(ev.Posts, pc)
	}
	return ev, nil
}

// lineText names a line with its unit type where it has one.
func lineText(l *i18n.Locale, g scheduleGroup, ln scheduleLine) string {
	if g.Name == "" {
		return ln.Text
	}
	return l.T("bids.line.of", ln.Text, g.Name)
}

// unbalanced reports whether a bid's line is unbalanced: its unit price
// below UnbalancedLowPercent or above UnbalancedHighPercent of the
// estimate's likely unit price while its amount is at least
// UnbalancedShareOfBidPercent of the bid's total. A line without a likely
// price (0) or in a bid of total 0 is never unbalanced.
func unbalanced(likely decimal.Decimal, ln BidLine, total decimal.Decimal) bool {
	if !likely.IsPositive() || !total.IsPositive() {
		return false
	}
	if ln.Amount.LessThan(percentOf(total, UnbalancedShareOfBidPercent)) {
		return false
	}
	return ln.UnitPrice.LessThan(percentOf(likely, UnbalancedLowPercent)) ||
		ln.UnitPrice.GreaterThan(percentOf(likely, UnbalancedHighPercent))
}

// median returns the median of ds (0 for none).
func median(ds []decimal.Decimal) decimal.Decimal {
	if len(ds) == 0 {
		return decimal.Zero
	}
	s := append([]decimal.Decimal(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i].LessThan(s[j]) })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return s[n/2-1].Add(s[n/2]).Div(decimal.NewFromInt(2))
}
