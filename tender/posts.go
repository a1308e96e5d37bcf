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
	post := func(p int) {
		out = append(out, postLine{fmt.Sprint(p), l.T(fmt.Sprintf("post.%d", p)), e.Posts[p], rowNormal})
	}
	total := func(key string, v decimal.Decimal, posts string, kind rowKind) {
		out = append(out, postLine{posts, l.T("total." + key), v, kind})
	}
	t := e.Totals
	for p := 1; p <= 6; p++ {
		post(p)
	}
	total("huskostnad", t.Huskostnad, "1–6", rowBold)
	post(7)
	total("entreprisekostnad", t.Entreprisekostnad, "1–7", rowBold)
	post(8)
	total("byggekostnad", t.Byggekostnad, "1–8", rowBold)
	post(9)
	post(10)
	total("basiskostnad", t.Basiskostnad, "1–10", rowBold)
	post(11)
	total("prosjektkostnad", t.Prosjektkostnad, "1–11", rowBold)
	post(12)
	total("kostnadsramme", t.Kostnadsramme, "1–12", rowTotal)
	post(13)
	total("kostnadsramme_inkl_prisregulering", t.KostnadsrammeInklPrisregulering, "1–13", rowTotal)
	return out
}
