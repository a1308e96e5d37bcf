package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// sectionTitle is a bold section title.
func sectionTitle(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}}
}

// newErrorLabel is a hidden label that explains invalid input.
func newErrorLabel() *widget.Label {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	l.Hide()
	return l
}

func newHeader() fyne.CanvasObject {
	return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
}

func setHeader(o fyne.CanvasObject, l *i18n.Locale, key string, trailing bool) {
	lbl := o.(*widget.Label)
	align := fyne.TextAlignLeading
	if trailing {
		align = fyne.TextAlignTrailing
	}
	if lbl.Alignment != align {
		lbl.Alignment = align
		lbl.Refresh()
	}
	text := ""
	if key != "" {
		text = l.T(key)
	}
	setText(lbl, text)
}

// tableCell is a table cell that shows one of: a label, a count with -/+
// buttons, a quantity entry, or a remove button. Its row is set by the
// table's update function; the callbacks read it.
type tableCell struct {
	widget.BaseWidget
	row, col int
	updating bool

	label    *widget.Label
	count    *formEntry
	countBox *fyne.Container
	minus    *widget.Button
	plus     *widget.Button
	quantity *formEntry
	remove   *widget.Button
	stack    *fyne.Container
}

// newTableCell is newCell for one of the variant's tables, remembered in
// *cells so that an edit can update it in place.
func (s *variantScreen) newTableCell(cells *[]*tableCell) fyne.CanvasObject {
	c := s.newCell()
	*cells = append(*cells, c)
	return c
}

func (s *variantScreen) newCell() *tableCell {
	c := &tableCell{}
	c.label = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	c.count = newFormEntry()
	c.count.onFocusLost = func() { s.onCountFocusLost(c) }
	c.count.Validator = func(t string) error { _, err := s.in.count(t); return err }
	c.count.OnChanged = func(t string) { s.onCountChanged(c, t) }
	c.count.OnSubmitted = func(string) { s.ed.breakMerge() }
	c.minus = &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance, OnTapped: func() { s.onStep(c, -1) }}
	c.plus = &widget.Button{Icon: theme.ContentAddIcon(), Importance: widget.LowImportance, OnTapped: func() { s.onStep(c, 1) }}
	c.countBox = container.NewBorder(nil, nil, c.minus, c.plus, c.count)
	c.quantity = newFormEntry()
	c.quantity.onFocusLost = func() { s.onQuantityFocusLost(c) }
	c.quantity.Validator = func(t string) error { _, err := s.in.within(t, concepts.LimitQuantity); return err }
	c.quantity.OnChanged = func(t string) { s.onQuantityChanged(c, t) }
	c.quantity.OnSubmitted = func(string) { s.ed.breakMerge() }
	c.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	c.stack = container.NewStack(c.label, c.countBox, c.quantity, c.remove)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *tableCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.stack)
}

// show makes one of the cell's widgets visible.
func (c *tableCell) show(o fyne.CanvasObject) { showOnly(c.stack, o) }

// setLabel shows text in the cell's label. A label whose text and
// alignment stay as they are is not refreshed: a table refreshes every
// visible cell on each edit, and a refreshed label measures and truncates
// its text again, the largest cost of an edit after the figures.
func (c *tableCell) setLabel(text string, trailing bool) {
	c.show(c.label)
	align := fyne.TextAlignLeading
	if trailing {
		align = fyne.TextAlignTrailing
	}
	switch {
	case c.label.Alignment != align:
		c.label.Alignment = align
		c.label.Text = text
		c.label.Refresh()
	default:
		setText(c.label, text)
	}
}

// setEntry puts text in e unless e's text already means the same value;
// it reports whether it replaced the text.
func (c *tableCell) setEntry(e *formEntry, text string, same func(string) bool) bool {
	if e.Text == text || same(e.Text) {
		return false
	}
	c.updating = true
	e.SetText(text)
	c.updating = false
	return true
}
