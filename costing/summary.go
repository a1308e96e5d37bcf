package costing

import "github.com/shopspring/decimal"

// Subtotal is one subtotal of NS 3453:2016, the sum of posts 1 to Through.
type Subtotal struct {
	// Key names the subtotal as the JSON totals do ("huskostnad"); its
	// display name is the translation "total.<Key>".
	Key string
	// Through is the last post the subtotal sums.
	Through int
}

// subtotals are the subtotals of NS 3453 in order.
var subtotals = [...]Subtotal{
	{"huskostnad", 6},
	{"entreprisekostnad", 7},
	{"byggekostnad", 8},
	{"basiskostnad", 10},
	{"prosjektkostnad", 11},
	{"kostnadsramme", 12},
	{"kostnadsramme_inkl_prisregulering", 13},
}

// Subtotals returns the subtotals of NS 3453 in order.
func Subtotals() []Subtotal { return subtotals[:] }

// Get returns the subtotal named key (a Subtotal.Key), and whether there is one.
func (t Totals) Get(key string) (decimal.Decimal, bool) {
	switch key {
	case "huskostnad":
		return t.Huskostnad, true
	case "entreprisekostnad":
		return t.Entreprisekostnad, true
	case "byggekostnad":
		return t.Byggekostnad, true
	case "basiskostnad":
		return t.Basiskostnad, true
	case "prosjektkostnad":
		return t.Prosjektkostnad, true
	case "kostnadsramme":
		return t.Kostnadsramme, true
	case "kostnadsramme_inkl_prisregulering":
		return t.KostnadsrammeInklPrisregulering, true
	}
	return decimal.Decimal{}, false
}

// SummaryLine is one line of the NS 3453 summary: a post, or a subtotal
// after the last post it sums.
type SummaryLine struct {
	// Post is the post number 1-13, or 0 for a subtotal.
	Post int
	// Subtotal is the subtotal of a subtotal line.
	Subtotal Subtotal
	// Amount is the post or subtotal in whole kroner.
	Amount decimal.Decimal
}

// Summary returns posts 1 to 13 with each subtotal after the last post it
// sums: the layout of the summary in the window, the report and the PDF.
func (e *Estimate) Summary() []SummaryLine {
	out := make([]SummaryLine, 0, 13+len(subtotals))
	next := 0
	for p := 1; p <= 13; p++ {
		out = append(out, SummaryLine{Post: p, Amount: e.Posts[p]})
		for next < len(subtotals) && subtotals[next].Through == p {
			s := subtotals[next]
			v, _ := e.Totals.Get(s.Key)
			out = append(out, SummaryLine{Subtotal: s, Amount: v})
			next++
		}
	}
	return out
}
