package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// createFactorRow makes a row of the uncertainty-factor list: the factor
// and its edit and remove buttons.
func (s *siteScreen) createFactorRow() fyne.CanvasObject {
	edit := &widget.Button{Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance}
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), label)
}

func (s *siteScreen) updateFactorRow(id widget.ListItemID, o fyne.CanvasObject) {
	factors := s.ed.concept().Assumptions.UncertaintyFactors
	if id >= len(factors) {
		return
	}
	f := factors[id]
	row := o.(*fyne.Container)
	label := row.Objects[0].(*widget.Label)
	buttons := row.Objects[1].(*fyne.Container)
	// The three values share their number of decimals (at least two), so
	// that "1,00" stands beside "0,95" rather than "1".
	places := int32(2)
	for _, d := range []decimal.Decimal{f.Range.Low, f.Range.Likely, f.Range.High} {
		places = max(places, min(-d.Exponent(), 4))
	}
	label.SetText(s.l.T("ui.factors.row", f.Name, strings.Join(f.AppliesTo, ", "),
		s.l.Fixed(f.Range.Low, places), s.l.Fixed(f.Range.Likely, places), s.l.Fixed(f.Range.High, places)))
	buttons.Objects[0].(*widget.Button).OnTapped = func() { s.showFactorDialog(id) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { s.removeFactor(id) }
}

func (s *siteScreen) removeFactor(i int) {
	_ = s.ed.apply("", func(c *concepts.Concept) error {
		f := &c.Assumptions.UncertaintyFactors
		if i < len(*f) {
			*f = append((*f)[:i:i], (*f)[i+1:]...)
		}
		if len(*f) == 0 {
			*f = nil
		}
		return nil
	})
}

// showFactorDialog edits uncertainty factor i, or adds one when i is -1.
func (s *siteScreen) showFactorDialog(i int) {
	l, in := s.l, s.in
	f := concepts.UncertaintyFactor{Name: l.T("ui.factors.default_name"), AppliesTo: []string{"2", "3", "4", "5", "6", "7"},
		Range: concepts.Range{Low: decimal.RequireFromString("0.95"), Likely: decimal.NewFromInt(1), High: decimal.RequireFromString("1.15")}}
	if i >= 0 {
		f = s.ed.concept().Assumptions.UncertaintyFactors[i]
	} else {
		f.Name = uniqueName(f.Name, func(n string) bool {
			return slices.ContainsFunc(s.ed.concept().Assumptions.UncertaintyFactors, func(g concepts.UncertaintyFactor) bool { return g.Name == n })
		})
	}
	keys := &dialogKeys{}
	name := newDialogEntry(keys, f.Name, func(t string) error {
		return in.name(t, func(n string) bool {
			for j, g := range s.ed.concept().Assumptions.UncertaintyFactors {
				if j != i && g.Name == n {
					return true
				}
			}
			return false
		})
	})
	applies := newDialogEntry(keys, strings.Join(f.AppliesTo, ", "), func(t string) error { _, err := in.codes(t); return err })
	low := newDialogEntry(keys, in.text(f.Range.Low), func(t string) error { _, err := in.within(t, concepts.LimitFactor); return err })
	likely := newDialogEntry(keys, in.text(f.Range.Likely), func(t string) error { _, err := in.within(t, concepts.LimitFactor); return err })
	high := newDialogEntry(keys, in.text(f.Range.High), func(t string) error { _, err := in.within(t, concepts.LimitFactor); return err })
	items := []*widget.FormItem{
		widget.NewFormItem(l.T("ui.factors.name"), name),
		{Text: l.T("ui.factors.applies_to"), Widget: applies, HintText: l.T("ui.factors.applies_to.hint")},
		widget.NewFormItem(l.T("ui.factors.low"), low),
		widget.NewFormItem(l.T("ui.factors.likely"), likely),
		widget.NewFormItem(l.T("ui.factors.high"), high),
	}
	title := l.T("ui.factors.add")
	if i >= 0 {
		title = l.T("ui.factors.edit")
	}
	d := newFormDialog(s.win, keys, title, l.T("ui.dialog.ok"), l.T("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		codes, _ := in.codes(applies.Text)
		lo, _ := in.within(low.Text, concepts.LimitFactor)
		li, _ := in.within(likely.Text, concepts.LimitFactor)
		hi, _ := in.within(high.Text, concepts.LimitFactor)
		if lo.GreaterThan(li) || li.GreaterThan(hi) {
			showError(l, errors.New(l.T("ui.error.range_order")), s.win)
			return
		}
		nf := concepts.UncertaintyFactor{Name: strings.TrimSpace(name.Text), AppliesTo: codes, Range: concepts.Range{Low: lo, Likely: li, High: hi}}
		_ = s.ed.apply("", func(c *concepts.Concept) error {
			if i >= 0 && i < len(c.Assumptions.UncertaintyFactors) {
				c.Assumptions.UncertaintyFactors[i] = nf
			} else {
				c.Assumptions.UncertaintyFactors = append(c.Assumptions.UncertaintyFactors, nf)
			}
			return nil
		})
	})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// uniqueName returns base, or base with a number added, so that taken is
// false for it: a new factor or risk starts with a name the concept does
// not have yet.
func uniqueName(base string, taken func(string) bool) string {
	name := base
	for n := 2; taken(name); n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	return name
}
