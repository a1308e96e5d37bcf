package tender

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// pricebookDecimals is how many decimals a rate of a bid's price book
// keeps after the regional factor is taken out.
const pricebookDecimals = 4

// WriteBidPriceBook writes bid as a price book (bokonsept/pricebook@1) to
// w, so that the variant can be estimated at the tenderer's prices: every
// unit price of a unit-type code, fixed amount or site item becomes
// [p, p, p], where p is the unit price divided by the concept's regional
// factor (the estimate multiplies it back), to 4 decimals. The book's
// price level is e's (the tender's: the concept's price level, or the
// catalogue's). Post 1, a lump sum, has no place in a price book: a comment
// gives it as a share of posts 2-7 for common_costs_percent. A lift line,
// priced per lift, becomes a lift share per flat (code 62) of every unit
// type the lifts serve: the price × lifts / their flats. Lines of
// quantity 0 left empty are left out.
func WriteBidPriceBook(w io.Writer, p *concepts.Project, e *costing.Estimate, b *Bid) error {
	r := decimal.NewFromInt(1)
	if p != nil && p.Concept != nil && p.Concept.Assumptions.RegionalFactor.IsPositive() {
		r = p.Concept.Assumptions.RegionalFactor
	}
	rate := func(d decimal.Decimal) string {
		v := d.Div(r).Round(pricebookDecimals).String()
		return "[" + v + ", " + v + ", " + v + "]"
	}
	type typeRates struct{ rates, fixed []string }
	types := map[string]*typeRates{}
	var typeOrder []string
	var sites []string
	typeOf := func(id string) *typeRates {
		t := types[id]
		if t == nil {
			t = &typeRates{}
			types[id] = t
			typeOrder = append(typeOrder, id)
		}
		return t
	}
	// a lift line is priced per lift; the price book prices a lift share
	// per flat of each type the lifts serve (see scheduleLifts)
	lifts := map[string]scheduleLift{}
	for _, lf := range scheduleLifts(e) {
		lifts[lf.Key] = lf
	}
	var post1, rest decimal.Decimal
	for _, ln := range b.Lines {
		if ln.Key == KeyPost1 {
			post1 = ln.Amount
			continue
		}
		rest = rest.Add(ln.Amount)
		if ln.Qty.IsZero() && ln.UnitPrice.IsZero() {
			continue
		}
		parts := strings.SplitN(ln.Key, ":", 3)
		switch parts[0] {
		case "unit", "fixed":
			if len(parts) != 3 {
				continue
			}
			if lf, ok := lifts[ln.Key]; ok && lf.Priced > 0 {
				share := ln.UnitPrice.Mul(decimal.NewFromInt(int64(lf.Lifts))).DivRound(decimal.NewFromInt(int64(lf.Priced)), 2*pricebookDecimals)
				for _, id := range lf.Types {
					t := typeOf(id)
					t.fixed = append(t.fixed, strconv.Quote(liftCode)+": "+rate(share))
				}
				continue
			}
			t := typeOf(parts[1])
			entry := strconv.Quote(parts[2]) + ": " + rate(ln.UnitPrice)
			if parts[0] == "unit" {
				t.rates = append(t.rates, entry)
			} else {
				t.fixed = append(t.fixed, entry)
			}
		case "site":
			sites = append(sites, "  "+strconv.Quote(parts[1])+": {rate: "+rate(ln.UnitPrice)+"}")
		}
	}
	sort.Strings(typeOrder)
	sort.Strings(sites)
	var s strings.Builder
	name := b.Name()
	if b.Date != "" {
		name += ", " + b.Date
	}
	fmt.Fprintf(&s, "# %s\n", yamlComment("Bokonsept: "+b.File+", "+e.Variant))
	if rest.IsPositive() {
		fmt.Fprintf(&s, "# post 1: %s NOK = %s %% of posts 2-7 (common_costs_percent)\n", post1, post1.Mul(decimal.NewFromInt(100)).Div(rest).Round(2))
	}
	if !r.Equal(decimal.NewFromInt(1)) {
		fmt.Fprintf(&s, "# unit prices divided by the regional factor %s\n", r)
	}
	s.WriteString("format: bokonsept/pricebook@1\n")
	fmt.Fprintf(&s, "name: %s\n", strconv.Quote(cleanText(name)))
	fmt.Fprintf(&s, "price_level: %s\n", strconv.Quote(e.PriceLevel))
	if len(typeOrder) > 0 {
		s.WriteString("unit_types:\n")
		for _, id := range typeOrder {
			t := types[id]
			fmt.Fprintf(&s, "  %s:\n", strconv.Quote(id))
			if len(t.rates) > 0 {
				fmt.Fprintf(&s, "    rates: {%s}\n", strings.Join(t.rates, ", "))
			}
			if len(t.fixed) > 0 {
				fmt.Fprintf(&s, "    fixed: {%s}\n", strings.Join(t.fixed, ", "))
			}
		}
	}
	if len(sites) > 0 {
		s.WriteString("site_items:\n" + strings.Join(sites, "\n") + "\n")
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// cleanText replaces control characters with spaces.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// yamlComment is s fit for one comment line.
func yamlComment(s string) string { return cleanText(s) }

// safeFileName keeps letters, digits, '-' and '_' of s (others become
// '_'), at most 60 of them.
func safeFileName(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteRune('_')
		}
		n++
	}
	if b.Len() == 0 {
		return "bud"
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }
