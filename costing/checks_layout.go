package costing

import (
	"maps"
	"slices"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// The ids of the site plan's checks, in the order docs/RULES.md lists them.
const (
	CheckLayoutInside   = "layout.inside"
	CheckLayoutBoundary = "layout.boundary"
	CheckLayoutSpacing  = "layout.spacing"
	CheckLayoutUnits    = "layout.units"
	CheckLayoutArea     = "layout.area"
	CheckLayoutBYA      = "layout.bya"
)

// Phrase is one translated phrase of a check message: a key and its
// arguments, such as a building and its distance.
type Phrase struct {
	Key  string
	Args []any
}

// Phrases is a check argument: phrases listed the locale's way ("a, b og c").
type Phrases []Phrase

// Format implements i18n.Formatter.
func (p Phrases) Format(l *i18n.Locale) string {
	s := make([]string, len(p))
	for i, x := range p {
		s[i] = l.T(x.Key, x.Args...)
	}
	return l.List(s)
}

// ruleMetres is a rule's length in metres, shown as the rule says it: "4 m".
type ruleMetres decimal.Decimal

// Format implements i18n.Formatter.
func (m ruleMetres) Format(l *i18n.Locale) string {
	return l.Number(decimal.Decimal(m), 1) + "\u00a0m"
}

// withLayout appends the six layout checks when the variant has a layout
// (docs/RULES.md, "Site plan").
func (e *Estimate) withLayout(out []Check) []Check {
	sp := SitePlanOf(e)
	if sp == nil {
		return out
	}
	m := e.model
	return append(out,
		layoutInside(sp),
		layoutBoundary(sp),
		layoutSpacing(sp),
		layoutUnits(m.variant, m.cat),
		layoutArea(sp, e.SiteArea),
		layoutBYA(sp, e.Area, e.ParkingSpaces),
	)
}

func layoutInside(sp *SitePlan) Check {
	if sp.Boundary == nil {
		return Check{ID: CheckLayoutInside, Status: StatusFail, Key: "check.layout.inside.no_boundary"}
	}
	var out []string
	buildings, parking := 0, 0
	for _, r := range sp.Rects {
		if r.Parking {
			parking++
		} else {
			buildings++
		}
		if !r.Inside {
			out = append(out, r.Label)
		}
	}
	if len(out) > 0 {
		return newCheck(CheckLayoutInside, false, StatusFail, out)
	}
	return newCheck(CheckLayoutInside, true, StatusFail, buildings, parking)
}

func layoutBoundary(sp *SitePlan) Check {
	min := ruleMetres(decimal.NewFromFloat(boundaryDistance))
	if sp.Boundary == nil {
		return Check{ID: CheckLayoutBoundary, Status: StatusWarn, Key: "check.layout.boundary.no_boundary", Args: []any{min}}
	}
	var near Phrases
	for _, b := range sp.Breaches {
		if b.Check == CheckLayoutBoundary {
			near = append(near, Phrase{"check.layout.boundary.offender", []any{sp.Rects[b.A].Label, b.Dist}})
		}
	}
	if len(near) > 0 {
		return newCheck(CheckLayoutBoundary, false, StatusWarn, near, min)
	}
	return newCheck(CheckLayoutBoundary, true, StatusWarn, min)
}

func layoutSpacing(sp *SitePlan) Check {
	min := ruleMetres(decimal.NewFromFloat(buildingSpacing))
	var close Phrases
	for _, b := range sp.Breaches {
		if b.Check == CheckLayoutSpacing {
			close = append(close, Phrase{"check.layout.spacing.offender", []any{sp.Rects[b.A].Label, sp.Rects[b.B].Label, b.Dist}})
		}
	}
	if len(close) > 0 {
		return newCheck(CheckLayoutSpacing, false, StatusWarn, close, min)
	}
	return newCheck(CheckLayoutSpacing, true, StatusWarn, min)
}

// layoutUnits compares the units placed with the unit mix, type by type:
// the mix's types in its order, then types placed but not in the mix.
func layoutUnits(v *concepts.Variant, cat *concepts.Catalogue) Check {
	placed := map[string]int{}
	for _, e := range v.Layout {
		if e.Kind != concepts.LayoutBuilding {
			continue
		}
		for id, n := range e.Units {
			placed[id] += n
		}
	}
	mix := map[string]int{}
	var order []string
	total := 0
	for _, u := range v.Units {
		if _, seen := mix[u.Type]; !seen {
			order = append(order, u.Type)
		}
		mix[u.Type] += u.Count
		total += u.Count
	}
	for _, id := range sortedIDs(placed) {
		if _, ok := mix[id]; !ok {
			order = append(order, id)
		}
	}
	var diff Phrases
	for _, id := range order {
		if placed[id] != mix[id] {
			diff = append(diff, Phrase{"check.layout.units.offender", []any{unitName(cat, id), placed[id], mix[id]}})
		}
	}
	if len(diff) > 0 {
		return newCheck(CheckLayoutUnits, false, StatusWarn, diff)
	}
	return newCheck(CheckLayoutUnits, true, StatusWarn, total)
}

// unitName returns the unit type's name, or its id when the catalogue
// lacks it.
func unitName(cat *concepts.Catalogue, id string) concepts.Text {
	if ut := cat.UnitType(id); ut != nil {
		return ut.Name
	}
	return concepts.Text{"nb": id, "en": id}
}

func sortedIDs(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }

// layoutArea compares the boundary's area with the site area: within
// areaTolerancePercent, exactly.
func layoutArea(sp *SitePlan, site decimal.Decimal) Check {
	if sp.BoundaryArea == nil {
		return Check{ID: CheckLayoutArea, Status: StatusWarn, Key: "check.layout.area.no_boundary", Args: []any{i18n.M2(site)}}
	}
	a := *sp.BoundaryArea
	off := a.Sub(site).Abs()
	ok := off.Mul(hundred).LessThanOrEqual(areaTolerancePercent.Mul(site))
	share := decimal.Zero
	if site.IsPositive() {
		share = off.Mul(hundred).DivRound(site, densityPlaces)
	}
	return newCheck(CheckLayoutArea, ok, StatusWarn, i18n.M2(a), i18n.M2(site), i18n.Pct(share), i18n.Pct(areaTolerancePercent))
}

// layoutBYA sets the placed footprints beside section 5's BYA.
func layoutBYA(sp *SitePlan, a Areas, parking int) Check {
	parkingBYA := a.BYA.Sub(a.BYABuildings)
	return Check{ID: CheckLayoutBYA, Status: StatusInfo, Key: "check.layout.bya.info", Args: []any{
		i18n.M2(sp.BYABuildings.Add(sp.BYAParking)), i18n.M2(sp.BYABuildings), i18n.M2(sp.BYAParking),
		i18n.M2(a.BYA), i18n.M2(a.BYABuildings), i18n.M2(parkingBYA), parking}}
}
