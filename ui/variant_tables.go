package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

func (s *variantScreen) updateMixCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*tableCell)
	c.row, c.col = id.Row, id.Col
	v := s.ed.variant()
	if id.Row >= len(v.Units) {
		return
	}
	line := v.Units[id.Row]
	ut := s.ed.catalogue().UnitType(line.Type)
	var est *costing.Line
	if e, _ := s.ed.estimate(); e != nil && id.Row < len(e.Lines) {
		est = &e.Lines[id.Row]
	}
	switch id.Col {
	case mixColType:
		name := line.Type
		if ut != nil {
			name = ut.Name.In(s.l.Lang())
		}
		c.setLabel(name, false)
	case mixColCount:
		c.show(c.countBox)
		if c.setEntry(c.count, s.in.text(decimalInt(line.Count)), func(t string) bool {
			n, err := s.in.count(t)
			return err == nil && n == line.Count
		}) {
			s.clearInputError(s.mixError, &s.mixErrorRow, id.Row)
		}
		if line.Count <= 1 {
			c.minus.Disable()
		} else {
			c.minus.Enable()
		}
	case mixColBRAUnit:
		text := "–"
		if ut != nil {
			text = s.l.Area(ut.Area.BRA())
		}
		c.setLabel(text, true)
	case mixColBRATotal:
		text := "–"
		if est != nil {
			text = s.l.Area(est.Area.BRA)
		}
		c.setLabel(text, true)
	case mixColCost:
		text := "–"
		if est != nil {
			text = s.l.NOK(est.Cost)
		}
		c.setLabel(text, true)
	case mixColRemove:
		c.show(c.remove)
		c.remove.OnTapped = func() { s.ed.removeUnitLine(c.row) }
	}
}

func (s *variantScreen) onCountChanged(c *tableCell, text string) {
	if c.updating {
		return
	}
	n, err := s.in.count(text)
	if err == nil {
		err = s.ed.setCount(c.row, n)
	}
	kept := ""
	if v := s.ed.variant(); err != nil && c.row < len(v.Units) {
		kept = s.l.Int(int64(v.Units[c.row].Count))
	}
	s.showInputError(s.mixError, &s.mixErrorRow, c.row, s.lineName(c.row), err, kept)
	if err != nil {
		c.count.SetValidationError(err)
	}
}

// onCountFocusLost ends the count's undo step; a refused text gives way to
// the count the model kept, so that the field shows what the estimate
// computes with.
func (s *variantScreen) onCountFocusLost(c *tableCell) {
	s.ed.breakMerge()
	if v := s.ed.variant(); c.row < len(v.Units) {
		count := v.Units[c.row].Count
		if c.setEntry(c.count, s.in.text(decimalInt(count)), func(t string) bool {
			n, err := s.in.count(t)
			return err == nil && n == count
		}) {
			s.clearInputError(s.mixError, &s.mixErrorRow, c.row)
		}
	}
}

// lineName is the name of the unit type on line li of the selected variant.
func (s *variantScreen) lineName(li int) string {
	v := s.ed.variant()
	if li >= len(v.Units) {
		return ""
	}
	if ut := s.ed.catalogue().UnitType(v.Units[li].Type); ut != nil {
		return ut.Name.In(s.l.Lang())
	}
	return v.Units[li].Type
}

func (s *variantScreen) onStep(c *tableCell, delta int) {
	v := s.ed.variant()
	if c.row >= len(v.Units) {
		return
	}
	s.ed.breakMerge()
	s.clearInputError(s.mixError, &s.mixErrorRow, c.row)
	_ = s.ed.setCount(c.row, v.Units[c.row].Count+delta)
	s.ed.breakMerge()
}

// siteRowCount is the number of site-item rows: the variant's items and the
// municipality's.
func (s *variantScreen) siteRowCount() int {
	if e, _ := s.ed.estimate(); e != nil {
		return len(e.SiteItems)
	}
	return len(s.ed.variant().SiteItems)
}

func (s *variantScreen) updateSiteCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*tableCell)
	c.row, c.col = id.Row, id.Col
	v := s.ed.variant()
	var line *costing.SiteItemLine
	if e, _ := s.ed.estimate(); e != nil && id.Row < len(e.SiteItems) {
		line = &e.SiteItems[id.Row]
	}
	own := id.Row < len(v.SiteItems)
	var item *concepts.SiteItem
	switch {
	case line != nil:
		item = line.Item
	case own:
		item = s.ed.catalogue().SiteItem(v.SiteItems[id.Row].Item)
	}
	if item == nil {
		c.setLabel("", false)
		return
	}
	switch id.Col {
	case siteColItem:
		name := item.Name.In(s.l.Lang())
		if !own {
			name = s.l.T("ui.sites.municipal", name)
		}
		c.setLabel(name, false)
	case siteColQuantity:
		if own && !item.Unit.Derived() && v.SiteItems[id.Row].Quantity != nil {
			q := *v.SiteItems[id.Row].Quantity
			c.show(c.quantity)
			if c.setEntry(c.quantity, s.in.text(q), func(t string) bool {
				d, err := s.in.within(t, concepts.LimitQuantity)
				return err == nil && d.Equal(q)
			}) {
				s.clearInputError(s.siteError, &s.siteErrorRow, id.Row)
			}
			return
		}
		text := "–"
		if line != nil {
			text = s.l.Number(line.Quantity, 2)
			if line.Derived {
				text = s.l.T("ui.sites.derived", text)
			}
		}
		c.setLabel(text, true)
	case siteColUnit:
		c.setLabel(s.l.T("unit."+string(item.Unit)), false)
	case siteColAmount:
		text := "–"
		if line != nil {
			text = s.l.NOK(line.Amount)
		}
		c.setLabel(text, true)
	case siteColRemove:
		if !own {
			c.setLabel("", false)
			return
		}
		c.show(c.remove)
		c.remove.OnTapped = func() { s.ed.removeSiteItem(c.row) }
	}
}

func (s *variantScreen) onQuantityChanged(c *tableCell, text string) {
	if c.updating {
		return
	}
	q, err := s.in.within(text, concepts.LimitQuantity)
	if err == nil {
		err = s.ed.setSiteItemQuantity(c.row, q)
	}
	name, kept := "", ""
	if v := s.ed.variant(); c.row < len(v.SiteItems) {
		if it := s.ed.catalogue().SiteItem(v.SiteItems[c.row].Item); it != nil {
			name = it.Name.In(s.l.Lang())
		}
		if q := v.SiteItems[c.row].Quantity; q != nil {
			kept = s.in.text(*q)
		}
	}
	s.showInputError(s.siteError, &s.siteErrorRow, c.row, name, err, kept)
	if err != nil {
		c.quantity.SetValidationError(err)
	}
}

// onQuantityFocusLost ends the quantity's undo step; a refused text gives
// way to the quantity the model kept.
func (s *variantScreen) onQuantityFocusLost(c *tableCell) {
	s.ed.breakMerge()
	v := s.ed.variant()
	if c.row >= len(v.SiteItems) || v.SiteItems[c.row].Quantity == nil {
		return
	}
	q := *v.SiteItems[c.row].Quantity
	if c.setEntry(c.quantity, s.in.text(q), func(t string) bool {
		d, err := s.in.within(t, concepts.LimitQuantity)
		return err == nil && d.Equal(q)
	}) {
		s.clearInputError(s.siteError, &s.siteErrorRow, c.row)
	}
}

func (s *variantScreen) onAddUnitChanged(string) {
	i := s.addUnit.SelectedIndex()
	if s.selecting || i < 0 || i >= len(s.unitIDs) {
		return
	}
	id := s.unitIDs[i]
	s.selecting = true
	s.addUnit.ClearSelected()
	s.selecting = false
	s.ed.addUnit(id)
}

func (s *variantScreen) onAddSiteChanged(string) {
	i := s.addSite.SelectedIndex()
	if s.selecting || i < 0 || i >= len(s.siteIDs) {
		return
	}
	id := s.siteIDs[i]
	s.selecting = true
	s.addSite.ClearSelected()
	s.selecting = false
	s.ed.addSiteItem(id)
}
