package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// The columns of the household table.
const (
	hhColName = iota
	hhColIncome
	hhColEquity
	hhColStartlan
	hhColRemove
	hhCols
)

// hhHeaders are the translation keys of the household table's headers.
var hhHeaders = [hhCols]string{"panel.economics.col.name", "panel.economics.col.hh_income", "panel.economics.col.hh_equity", "panel.economics.col.startlan", ""}

// householdCell is a cell of the household table: an entry (name, income
// or equity), the startlån check or the remove button. Its row and column
// are set by the table's update function; the callbacks read them.
type householdCell struct {
	widget.BaseWidget
	row, col int
	updating bool

	entry    *formEntry
	check    *widget.Check
	checkBox *fyne.Container
	remove   *widget.Button
	stack    *fyne.Container
}

// buildHouseholds makes the household table and its add button.
func (s *economicsScreen) buildHouseholds() {
	s.households = &widget.Table{
		Length:        func() (int, int) { return s.householdCount(), hhCols },
		CreateCell:    s.newHouseholdCell,
		UpdateCell:    s.updateHouseholdCell,
		ShowHeaderRow: true,
		CreateHeader:  newHeader,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col >= 0 && id.Col < hhCols {
				setHeader(o, s.l, hhHeaders[id.Col], id.Col == hhColIncome || id.Col == hhColEquity)
			}
		},
	}
	s.hhCols = &fitColumns{table: s.households,
		base: []float32{130, 105, 105, 76, 40},
		min:  []float32{100, 95, 95, 76, 40},
		flex: []bool{true, true, true, false, false},
	}
	s.hhError = newErrorLabel()
	s.addHH = &widget.Button{Text: s.l.T("panel.economics.household_add"), Icon: theme.ContentAddIcon(), OnTapped: s.ed.addHousehold}
}

// hhBox is the household table fitted to its width.
func (s *economicsScreen) hhBox() fyne.CanvasObject { return container.New(s.hhCols, s.households) }

// householdCount is the number of the concept's households.
func (s *economicsScreen) householdCount() int {
	if ec := s.ed.concept().Economics; ec != nil {
		return len(ec.Households)
	}
	return 0
}

func (s *economicsScreen) newHouseholdCell() fyne.CanvasObject {
	c := &householdCell{}
	// No validator: its mark would take a third of a narrow column; a
	// refused text is explained below the table instead.
	c.entry = &formEntry{}
	c.entry.ExtendBaseWidget(c.entry)
	c.entry.OnChanged = func(t string) { s.onHouseholdChanged(c, t) }
	c.entry.OnSubmitted = func(string) { s.ed.breakMerge() }
	c.entry.onFocusLost = func() { s.onHouseholdFocusLost(c) }
	c.check = &widget.Check{OnChanged: func(on bool) { s.onStartlanChanged(c, on) }}
	c.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { s.onRemoveHousehold(c) }}
	c.checkBox = container.NewCenter(c.check)
	c.stack = container.NewStack(c.entry, c.checkBox, c.remove)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *householdCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.stack)
}

// show makes the cell's object o visible and hides the others.
func (c *householdCell) show(o fyne.CanvasObject) { showOnly(c.stack, o) }

// householdText is what the cell of column col shows of household h.
func (s *economicsScreen) householdText(h *concepts.Household, col int) string {
	switch col {
	case hhColName:
		return h.Name.In(s.l.Lang())
	case hhColIncome:
		return s.in.text(h.Income)
	case hhColEquity:
		return s.in.text(h.Equity)
	}
	return ""
}

// parseMoney reads a household's income or equity within the format's limit.
func (s *economicsScreen) parseMoney(col int, t string) (decimal.Decimal, error) {
	if col == hhColIncome {
		return s.in.within(t, concepts.LimitIncome)
	}
	return s.in.within(t, concepts.LimitEquity)
}

// checkHousehold parses the text of an entry of column col.
func (s *economicsScreen) checkHousehold(col int, t string) error {
	if col == hhColName {
		return s.in.name(t, nil)
	}
	_, err := s.parseMoney(col, t)
	return err
}

func (s *economicsScreen) updateHouseholdCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*householdCell)
	c.row, c.col = id.Row, id.Col
	ec := s.ed.concept().Economics
	if ec == nil || id.Row >= len(ec.Households) {
		return
	}
	h := &ec.Households[id.Row]
	switch id.Col {
	case hhColName, hhColIncome, hhColEquity:
		c.show(c.entry)
		want := s.householdText(h, id.Col)
		if c.entry.Text == want || s.sameHousehold(h, id.Col, c.entry.Text) {
			return
		}
		c.updating = true
		c.entry.SetText(want)
		c.updating = false
	case hhColStartlan:
		c.show(c.checkBox)
		c.updating = true
		c.check.SetChecked(h.Startlan)
		c.updating = false
	case hhColRemove:
		c.show(c.remove)
		if len(ec.Households) <= 1 {
			c.remove.Disable()
		} else {
			c.remove.Enable()
		}
	}
}

// sameHousehold reports whether text, typed into column col, already
// means household h's value (the user is typing "600 000" as "600000").
func (s *economicsScreen) sameHousehold(h *concepts.Household, col int, text string) bool {
	if col == hhColName {
		return s.in.name(text, nil) == nil && h.Name.In(s.l.Lang()) == strings.TrimSpace(text)
	}
	d, err := s.parseMoney(col, text)
	if err != nil {
		return false
	}
	if col == hhColIncome {
		return d.Equal(h.Income)
	}
	return d.Equal(h.Equity)
}

func (s *economicsScreen) onHouseholdChanged(c *householdCell, text string) {
	if c.updating {
		return
	}
	err := s.checkHousehold(c.col, text)
	switch {
	case err != nil:
	case c.col == hhColName:
		err = s.ed.setHouseholdName(c.row, s.l.Lang(), text)
	default:
		d, _ := s.parseMoney(c.col, text)
		what, col := "income", c.col
		if col == hhColEquity {
			what = "equity"
		}
		err = s.ed.setHousehold(c.row, what, func(h *concepts.Household) {
			if col == hhColIncome {
				h.Income = d
			} else {
				h.Equity = d
			}
		})
	}
	s.showHouseholdError(c, err)
}

// showHouseholdError explains below the table why the text typed into
// cell c is refused (and what the estimate still computes with), or hides
// the explanation when err is nil.
func (s *economicsScreen) showHouseholdError(c *householdCell, err error) {
	if err == nil {
		s.hhError.Hide()
		return
	}
	name := ""
	if ec := s.ed.concept().Economics; ec != nil && c.row < len(ec.Households) {
		h := &ec.Households[c.row]
		name = h.Name.In(s.l.Lang())
		err = errors.New(s.l.T("panel.error.kept", err.Error(), s.householdText(h, c.col)))
	}
	setText(s.hhError, s.l.T("panel.economics.household_error", name, s.l.T(hhHeaders[c.col]), err.Error()))
	s.hhError.Show()
}

// onHouseholdFocusLost ends the entry's undo step and shows the model's
// value the way the table writes it.
func (s *economicsScreen) onHouseholdFocusLost(c *householdCell) {
	s.ed.breakMerge()
	ec := s.ed.concept().Economics
	if ec == nil || c.row >= len(ec.Households) {
		return
	}
	s.hhError.Hide()
	if want := s.householdText(&ec.Households[c.row], c.col); c.entry.Text != want {
		c.updating = true
		c.entry.SetText(want)
		c.updating = false
	}
}

func (s *economicsScreen) onStartlanChanged(c *householdCell, on bool) {
	if c.updating {
		return
	}
	_ = s.ed.setHousehold(c.row, "startlan", func(h *concepts.Household) { h.Startlan = on })
	s.ed.breakMerge()
}

func (s *economicsScreen) onRemoveHousehold(c *householdCell) {
	if err := s.ed.removeHousehold(c.row); err != nil {
		showError(s.l, err, s.win)
	}
}

// refreshHouseholds shows the concept's households again.
func (s *economicsScreen) refreshHouseholds() {
	if s.householdCount() >= concepts.MaxLines {
		s.addHH.Disable()
	} else {
		s.addHH.Enable()
	}
	s.households.Refresh()
}
