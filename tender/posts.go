package tender

import (
	"fmt"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// postLine is a line of the NS 3453 summary: a post or a subtotal.
type postLine struct {
	// Posts is the post number ("7") or the range of a subtotal ("1–7").
	Posts string
	Name  string
	Value decimal.Decimal
	Kind  rowKind
}

// postLines lists posts 1 to 13 of e with the subtotals of NS 3453 in
// between, as the engine computed them.
func postLines(l *i18n.Locale, e *costing.Estimate) []postLine {
	var out []postLine
	for _, s := range e.Summary() {
		if s.Post > 0 {
			out = append(out, postLine{fmt.Sprint(s.Post), l.T(fmt.Sprintf("post.%d", s.Post)), s.Amount, rowNormal})
			continue
		}
		// The cost frames (posts 1-12 and 1-13) stand out from the other subtotals.
		kind := rowBold
		if s.Subtotal.Through >= 12 {
			kind = rowTotal
		}
		out = append(out, postLine{fmt.Sprintf("1–%d", s.Subtotal.Through), l.T("total." + s.Subtotal.Key), s.Amount, kind})
	}
	return out
}
