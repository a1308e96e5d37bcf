package tender

import (
	"fmt"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// schedule is the price schedule of one variant: the contractor's work,
// NS 3453 posts 1 to 7. Vedlegg A and the XLSX sheet are drawn from it.
type schedule struct {
	Posts []schedulePost
	// Total is the estimate's entreprisekostnad (posts 1-7).
	Total decimal.Decimal
}

// schedulePost is one NS 3453 post of the schedule.
type schedulePost struct {
	Post int
	Name string
	// Groups are the unit types of posts 2-6 (one each), the lump sum of
	// post 1, or the site items of post 7 (one group of lines rounded one
	// by one).
	Groups []scheduleGroup
	// Amount is the engine's post amount.
	Amount decimal.Decimal
}

// scheduleGroup is a set of lines summed together: one unit type in one
// post, or the site items of post 7.
type scheduleGroup struct {
	// Title is the unit type with its count, or "" for posts 1 and 7.
	Title string
	// Name is the unit type's name, for the subtotal line.
	Name  string
	Lines []scheduleLine
	// RoundEach is true for a group without a subtotal line (the site
	// items and the lump sum); a unit type's group has one. In the XLSX
	// schedule every line is rounded to whole kroner on its own, as a
	// returned schedule is read (docs/FORMATS.md, "Returned price
	// schedules").
	RoundEach bool
	// Amount is the engine's row amount (the group's rounded sum).
	Amount decimal.Decimal
}

// scheduleLine is one priced line.
type scheduleLine struct {
	// Key identifies the line in the XLSX schedule and in a returned one:
	// "post:1", "unit:<type id>:<code>", "fixed:<type id>:<code>" or
	// "site:<item id>".
	Key  string
	No   string
	Code string
	Text string
	// Qty in Unit (already translated).
	Qty  decimal.Decimal
	Unit string
	// UnitPrice is the engine's likely unit price; it is never written
	// for the tenderer, it serves the evaluation of bids and the tests.
	UnitPrice decimal.Decimal
}

// codeName returns the NS 3451 name of a code such as "2" or "31".
func codeName(l *i18n.Locale, code string) string {
	if len(code) == 1 {
		return l.T("post." + code)
	}
	if key := "tender.ns3451." + code; l.Has(key) {
		return l.T(key)
	}
	return code
}

// unitName translates a unit of the catalogue.
func unitName(l *i18n.Locale, u concepts.Unit) string {
	return l.T("unit." + string(u))
}

// buildSchedule lays out the price schedule of e.
func buildSchedule(l *i18n.Locale, e *costing.Estimate) (*schedule, error) {
	s := &schedule{Total: e.Totals.Entreprisekostnad}
	lump := l.T("unit.lump_sum")
	s.Posts = append(s.Posts, schedulePost{
		Post:   1,
		Name:   l.T("post.1"),
		Amount: e.Posts[1],
		Groups: []scheduleGroup{{
			RoundEach: true,
			Amount:    e.Posts[1],
			Lines: []scheduleLine{{
				Key: KeyPost1, No: "1.1", Text: l.T("tender.schedule.rigg"),
				Qty: decimal.NewFromInt(1), Unit: lump, UnitPrice: e.Posts[1],
			}},
		}},
	})
	lifts := scheduleLifts(e)
	liftType := map[string]bool{}
	for _, lf := range lifts {
		for _, id := range lf.Types {
			liftType[id] = true
		}
	}
	for post := 2; post <= 7; post++ {
		sp := schedulePost{Post: post, Name: l.T(fmt.Sprintf("post.%d", post)), Amount: e.Posts[post]}
		site := scheduleGroup{RoundEach: true}
		for _, r := range e.Rows {
			if r.Post != post {
				continue
			}
			switch {
			case r.Source == costing.SourceUnit && post <= 6:
				if len(r.Codes) == 0 {
					return nil, errorIn(l.Lang(), nil, "tender.err.nocodes", e.Variant, r.Ref, post)
				}
				g := scheduleGroup{
					Name:   r.Name.In(l.Lang()),
					Title:  l.T("tender.schedule.group", r.Name.In(l.Lang()), r.Count),
					Amount: r.Amount,
				}
				gi := len(sp.Groups) + 1
				for _, c := range r.Codes {
					if c.Fixed && c.Code == liftCode && liftType[r.Ref] {
						continue // priced per lift below
					}
					ln := scheduleLine{
						No:        fmt.Sprintf("%d.%d.%d", post, gi, len(g.Lines)+1),
						Code:      c.Code,
						Qty:       c.Quantity,
						UnitPrice: c.UnitPrice,
					}
					if c.Fixed {
						ln.Key = "fixed:" + r.Ref + ":" + c.Code
						ln.Text = l.T("tender.schedule.fixed", codeName(l, c.Code))
						ln.Unit = unitName(l, concepts.UnitPiece)
					} else {
						ln.Key = "unit:" + r.Ref + ":" + c.Code
						ln.Text = codeName(l, c.Code)
						ln.Unit = l.T("tender.unit.bta")
					}
					g.Lines = append(g.Lines, ln)
				}
				if len(g.Lines) > 0 {
					sp.Groups = append(sp.Groups, g)
				}
			case r.Source == costing.SourceSiteItem && post == 7:
				if len(r.Codes) != 1 {
					return nil, errorIn(l.Lang(), nil, "tender.err.sitecodes", e.Variant, r.Ref, len(r.Codes))
				}
				c := r.Codes[0]
				text := r.Name.In(l.Lang())
				if isSewagePlant(c.Code, c.Unit, c.Quantity) {
					text = l.T("tender.schedule.sewage", text, e.Persons)
				}
				site.Lines = append(site.Lines, scheduleLine{
					Key:       "site:" + r.Ref,
					No:        fmt.Sprintf("7.%d", len(site.Lines)+1),
					Code:      c.Code,
					Text:      text,
					Qty:       c.Quantity,
					Unit:      unitName(l, c.Unit),
					UnitPrice: c.UnitPrice,
				})
			}
		}
		if post == liftPost && len(lifts) > 0 {
			g := scheduleGroup{RoundEach: true, Title: l.T("tender.schedule.lifts")}
			gi := len(sp.Groups) + 1
			for _, lf := range lifts {
				g.Amount = g.Amount.Add(lf.Exact.Round(0))
				g.Lines = append(g.Lines, scheduleLine{
					Key:       lf.Key,
					No:        fmt.Sprintf("%d.%d.%d", post, gi, len(g.Lines)+1),
					Code:      liftCode,
					Text:      l.T("tender.schedule.lift", lf.Storeys, lf.Flats),
					Qty:       decimal.NewFromInt(int64(lf.Lifts)),
					Unit:      unitName(l, concepts.UnitPiece),
					UnitPrice: lf.Exact.DivRound(decimal.NewFromInt(int64(lf.Lifts)), liftPriceDecimals),
				})
			}
			sp.Groups = append(sp.Groups, g)
		}
		if post == 7 && len(site.Lines) > 0 {
			site.Amount = e.Posts[7]
			sp.Groups = append(sp.Groups, site)
		}
		if len(sp.Groups) > 0 {
			s.Posts = append(s.Posts, sp)
		}
	}
	seen := make(map[string]bool)
	for _, ln := range s.lines() {
		if seen[ln.Key] {
			return nil, errorIn(l.Lang(), nil, "tender.err.keytwice", e.Variant, ln.Key)
		}
		seen[ln.Key] = true
	}
	return s, nil
}

// The lift lines of the price schedule (docs/ESTIMATE.md, "The
// tenderers' document"): the catalogue prices a lift as a share per flat,
// the fixed amount of NS 3451 code 62 of each flat's unit type; the
// schedule asks for a price per lift instead, as the tenderers' document
// counts them.
const (
	liftCode = "62"
	liftPost = 6
	// liftPriceDecimals is how many decimals the estimate's likely price
	// of one lift keeps (it serves the evaluation of bids only).
	liftPriceDecimals = 4
)

// scheduleLift is one line of the schedule's lifts: the lifts of the
// flats of one number of storeys (see liftGroups).
type scheduleLift struct {
	// Key is "fixed:<type id>:62" of the group's first unit type (in unit
	// line order) whose lift share the estimate prices: the key scheme of
	// docs/FORMATS.md, "Price schedule", kept.
	Key                   string
	Storeys, Flats, Lifts int
	// Types are the ids of the group's unit types with a lift share, in
	// unit-line order, and Priced the number of their flats.
	Types  []string
	Priced int
	// Exact is what the estimate prices the group's lifts at: the sum of
	// those types' exact lift shares.
	Exact decimal.Decimal
}

// scheduleLifts returns the schedule's lift lines of e: one per group of
// liftGroups in which some unit type has a fixed amount of code 62, in
// order of storeys.
func scheduleLifts(e *costing.Estimate) []scheduleLift {
	types := map[string]*concepts.UnitType{}
	for _, ln := range e.Lines {
		if ln.Type != nil && ln.Count > 0 {
			types[ln.Type.ID] = ln.Type
		}
	}
	var out []scheduleLift
	for _, g := range liftGroups(e) {
		lf := scheduleLift{Storeys: g.storeys, Flats: g.flats, Lifts: g.lifts, Exact: decimal.Zero}
		for _, r := range e.Rows {
			u := types[r.Ref]
			if r.Source != costing.SourceUnit || r.Post != liftPost || u == nil ||
				u.Kind != concepts.KindDwelling || !u.Lift || u.Storeys != g.storeys {
				continue
			}
			for _, c := range r.Codes {
				if c.Fixed && c.Code == liftCode {
					if lf.Key == "" {
						lf.Key = "fixed:" + r.Ref + ":" + liftCode
					}
					lf.Types = append(lf.Types, r.Ref)
					lf.Priced += r.Count
					lf.Exact = lf.Exact.Add(c.Exact)
				}
			}
		}
		if lf.Key != "" && lf.Lifts > 0 {
			out = append(out, lf)
		}
	}
	return out
}

// isSewagePlant reports whether a site item of account code, unit and
// quantity is a small shared sewage plant (see sewageAccount).
func isSewagePlant(code string, unit concepts.Unit, qty decimal.Decimal) bool {
	return code == sewageAccount && unit == concepts.UnitPiece && qty.IsPositive()
}

// KeyPost1 is the key of the schedule's lump sum for post 1 (rigg og drift).
const KeyPost1 = "post:1"

// lines returns every priced line of s in order.
func (s *schedule) lines() []scheduleLine {
	var out []scheduleLine
	for _, p := range s.Posts {
		for _, g := range p.Groups {
			out = append(out, g.Lines...)
		}
	}
	return out
}
