package ui

import (
	"errors"
	"image/color"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// The columns of the unit-mix table.
const (
	mixColType = iota
	mixColCount
	mixColBRAUnit
	mixColBRATotal
	mixColCost
	mixColRemove
	mixCols
)

// The columns of the site-item table.
const (
	siteColItem = iota
	siteColQuantity
	siteColUnit
	siteColAmount
	siteColRemove
	siteCols
)

// variantScreen shows the variants as tabs and, for the selected one, its
// unit mix, its site items and its price book.
type variantScreen struct {
	ed  *editor
	l   *i18n.Locale
	in  inputs
	win fyne.Window

	tabs      *container.DocTabs
	tabNames  []string
	selecting bool

	mix     *widget.Table
	sites   *widget.Table
	addUnit *widget.Select
	unitIDs []string
	addSite *widget.Select
	siteIDs []string
	// mixError and siteError explain an invalid entry in a table.
	mixError  *widget.Label
	siteError *widget.Label
	priceBook *widget.Label
	noBook    *widget.Button
	content   fyne.CanvasObject
}

// newVariantScreen builds the variant tabs and editor.
func newVariantScreen(ed *editor, win fyne.Window) *variantScreen {
	s := &variantScreen{ed: ed, l: ed.l, in: inputs{ed.l}, win: win}
	s.buildUI()
	ed.onChange(s.onEditorChanged)
	return s
}

// Content returns the screen.
func (s *variantScreen) Content() fyne.CanvasObject { return s.content }

func (s *variantScreen) buildUI() {
	l := s.l
	s.tabs = container.NewDocTabs()
	s.tabs.CreateTab = s.onTabCreate
	s.tabs.CloseIntercept = s.onTabClose
	s.tabs.OnSelected = s.onTabSelected

	rename := &widget.Button{Text: l.T("ui.variant.rename"), Icon: theme.DocumentCreateIcon(), OnTapped: s.onRenameTapped}
	duplicate := &widget.Button{Text: l.T("ui.variant.duplicate"), Icon: theme.ContentCopyIcon(), OnTapped: s.onDuplicateTapped}
	remove := &widget.Button{Text: l.T("ui.variant.delete"), Icon: theme.DeleteIcon(), OnTapped: s.onDeleteTapped}
	s.priceBook = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	choose := &widget.Button{Text: l.T("ui.variant.pricebook_choose"), Icon: theme.FolderOpenIcon(), OnTapped: s.onPriceBookTapped}
	s.noBook = &widget.Button{Text: l.T("ui.variant.pricebook_none"), OnTapped: s.onNoPriceBookTapped}
	toolbar := container.NewVBox(
		container.NewHBox(rename, duplicate, remove),
		container.NewBorder(nil, nil, widget.NewLabel(l.T("ui.variant.pricebook")), container.NewHBox(choose, s.noBook), s.priceBook))

	s.mix = &widget.Table{
		Length:        func() (int, int) { return len(s.ed.variant().Units), mixCols },
		CreateCell:    s.newCell,
		UpdateCell:    s.updateMixCell,
		ShowHeaderRow: true,
		CreateHeader:  newHeader,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			keys := [mixCols]string{"ui.mix.type", "ui.mix.count", "ui.mix.bra_unit", "ui.mix.bra_total", "ui.mix.cost", ""}
			setHeader(o, l, keys[id.Col], id.Col >= mixColBRAUnit && id.Col <= mixColCost)
		},
	}
	mixColumns := &fitColumns{table: s.mix,
		base: []float32{180, 150, 100, 100, 130, 40},
		min:  []float32{90, 150, 95, 85, 110, 40},
		flex: []bool{true, false, true, true, true, false}}
	s.addUnit = &widget.Select{PlaceHolder: l.T("ui.mix.add"), OnChanged: s.onAddUnitChanged}
	s.mixError = newErrorLabel()
	mixBox := container.NewBorder(
		container.NewBorder(nil, nil, sectionTitle(l.T("ui.mix.title")), nil, s.addUnit),
		s.mixError, nil, nil, container.New(mixColumns, s.mix))

	s.sites = &widget.Table{
		Length:        func() (int, int) { return s.siteRows(), siteCols },
		CreateCell:    s.newCell,
		UpdateCell:    s.updateSiteCell,
		ShowHeaderRow: true,
		CreateHeader:  newHeader,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			keys := [siteCols]string{"ui.sites.item", "ui.sites.quantity", "ui.sites.unit", "ui.sites.amount", ""}
			setHeader(o, l, keys[id.Col], id.Col == siteColAmount)
		},
	}
	siteColumns := &fitColumns{table: s.sites,
		base: []float32{260, 130, 70, 120, 40},
		min:  []float32{140, 130, 60, 110, 40},
		flex: []bool{true, false, true, true, false}}
	s.addSite = &widget.Select{PlaceHolder: l.T("ui.sites.add"), OnChanged: s.onAddSiteChanged}
	s.siteError = newErrorLabel()
	sitesBox := container.NewBorder(
		container.NewBorder(nil, nil, sectionTitle(l.T("ui.sites.title")), nil, s.addSite),
		s.siteError, nil, nil, container.New(siteColumns, s.sites))

	split := container.NewVSplit(mixBox, sitesBox)
	split.Offset = 0.55
	s.content = container.NewBorder(container.NewVBox(s.tabs, toolbar), nil, nil, nil, split)
}

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

// showInputError explains err about the named line under a table, or
// hides the explanation when err is nil.
func (s *variantScreen) showInputError(label *widget.Label, name string, err error) {
	if err == nil {
		label.Hide()
		return
	}
	label.SetText(s.l.T("ui.error.in_line", name, concepts.Localize(err, s.l)))
	label.Show()
}

func newHeader() fyne.CanvasObject {
	return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
}

func setHeader(o fyne.CanvasObject, l *i18n.Locale, key string, trailing bool) {
	lbl := o.(*widget.Label)
	lbl.Alignment = fyne.TextAlignLeading
	if trailing {
		lbl.Alignment = fyne.TextAlignTrailing
	}
	if key == "" {
		lbl.SetText("")
		return
	}
	lbl.SetText(l.T(key))
}

// tableCell is a table cell that shows one of: a label, a count with -/+
// buttons, a quantity entry, or a remove button. Its row is set by the
// table's update function; the callbacks read it.
type tableCell struct {
	widget.BaseWidget
	row      int
	updating bool

	label    *widget.Label
	count    *widget.Entry
	countBox *fyne.Container
	minus    *widget.Button
	plus     *widget.Button
	quantity *widget.Entry
	remove   *widget.Button
	stack    *fyne.Container
}

func (s *variantScreen) newCell() fyne.CanvasObject {
	c := &tableCell{}
	c.label = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	c.count = &widget.Entry{AlwaysShowValidationError: true}
	c.count.Validator = func(t string) error { _, err := s.in.count(t); return err }
	c.count.OnChanged = func(t string) { s.onCountChanged(c, t) }
	c.count.OnSubmitted = func(string) { s.ed.breakMerge() }
	c.minus = &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance, OnTapped: func() { s.onStep(c, -1) }}
	c.plus = &widget.Button{Icon: theme.ContentAddIcon(), Importance: widget.LowImportance, OnTapped: func() { s.onStep(c, 1) }}
	c.countBox = container.NewBorder(nil, nil, c.minus, c.plus, c.count)
	c.quantity = &widget.Entry{AlwaysShowValidationError: true}
	c.quantity.Validator = func(t string) error { _, err := s.in.nonNegative(t); return err }
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
func (c *tableCell) show(o fyne.CanvasObject) {
	for _, x := range c.stack.Objects {
		if x == o {
			x.Show()
		} else {
			x.Hide()
		}
	}
}

// setLabel shows text in the cell's label.
func (c *tableCell) setLabel(text string, trailing bool) {
	c.show(c.label)
	align := fyne.TextAlignLeading
	if trailing {
		align = fyne.TextAlignTrailing
	}
	if c.label.Alignment != align {
		c.label.Alignment = align
		c.label.Refresh()
	}
	c.label.SetText(text)
}

// setEntry puts text in e unless e's text already means the same value.
func (c *tableCell) setEntry(e *widget.Entry, text string, same func(string) bool) {
	if e.Text == text || same(e.Text) {
		return
	}
	c.updating = true
	e.SetText(text)
	c.updating = false
}

func (s *variantScreen) updateMixCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*tableCell)
	c.row = id.Row
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
		c.setEntry(c.count, s.in.text(decimalInt(line.Count)), func(t string) bool {
			n, err := s.in.count(t)
			return err == nil && n == line.Count
		})
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
	s.showInputError(s.mixError, s.lineName(c.row), err)
	if err != nil {
		c.count.SetValidationError(err)
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
	_ = s.ed.setCount(c.row, v.Units[c.row].Count+delta)
	s.ed.breakMerge()
}

// siteRows is the number of site-item rows: the variant's items and the
// municipality's.
func (s *variantScreen) siteRows() int {
	if e, _ := s.ed.estimate(); e != nil {
		return len(e.SiteItems)
	}
	return len(s.ed.variant().SiteItems)
}

func (s *variantScreen) updateSiteCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*tableCell)
	c.row = id.Row
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
			c.setEntry(c.quantity, s.in.text(q), func(t string) bool {
				d, err := s.in.nonNegative(t)
				return err == nil && d.Equal(q)
			})
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
	q, err := s.in.nonNegative(text)
	if err == nil {
		err = s.ed.setSiteItemQuantity(c.row, q)
	}
	name := ""
	if v := s.ed.variant(); c.row < len(v.SiteItems) {
		if it := s.ed.catalogue().SiteItem(v.SiteItems[c.row].Item); it != nil {
			name = it.Name.In(s.l.Lang())
		}
	}
	s.showInputError(s.siteError, name, err)
	if err != nil {
		c.quantity.SetValidationError(err)
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

func (s *variantScreen) onTabCreate() *container.TabItem {
	s.ed.addVariant()
	return nil
}

func (s *variantScreen) onTabClose(item *container.TabItem) {
	for i, t := range s.tabs.Items {
		if t == item {
			s.confirmDelete(i)
			return
		}
	}
}

func (s *variantScreen) onTabSelected(item *container.TabItem) {
	if s.selecting {
		return
	}
	for i, t := range s.tabs.Items {
		if t == item {
			s.ed.selectVariant(i)
			return
		}
	}
}

func (s *variantScreen) onRenameTapped() {
	i := s.ed.selected
	keys := &dialogKeys{}
	entry := newDialogEntry(keys, s.ed.concept().Variants[i].Name, nil)
	entry.Validator = func(t string) error {
		c := s.ed.concept()
		if j := c.Variant(t); j >= 0 && j != i {
			return errors.New(s.l.T("ui.error.name_taken", t))
		}
		if len(t) == 0 {
			return errors.New(s.l.T("ui.error.name_empty"))
		}
		return nil
	}
	d := newFormDialog(s.win, keys, s.l.T("ui.variant.rename_title"), s.l.T("ui.dialog.ok"), s.l.T("ui.dialog.cancel"),
		[]*widget.FormItem{widget.NewFormItem(s.l.T("ui.variant.name"), entry)}, func(ok bool) {
			if !ok {
				return
			}
			if err := s.ed.renameVariant(i, entry.Text); err != nil {
				showError(s.l, err, s.win)
			}
		})
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	s.win.Canvas().Focus(entry)
}

func (s *variantScreen) onDuplicateTapped() { s.ed.duplicateVariant(s.ed.selected) }

func (s *variantScreen) onDeleteTapped() { s.confirmDelete(s.ed.selected) }

// confirmDelete asks before deleting variant i.
func (s *variantScreen) confirmDelete(i int) {
	c := s.ed.concept()
	if len(c.Variants) <= 1 {
		showInformation(s.l, s.l.T("ui.variant.delete_title"), s.l.T("ui.variant.delete_last"), s.win)
		return
	}
	question := s.l.T("ui.variant.delete_confirm", c.Variants[i].Name)
	newQuestionDialog(s.win, s.l.T("ui.variant.delete_title"), question, s.l.T("ui.variant.delete"), s.l.T("ui.dialog.cancel"), func(ok bool) {
		if ok {
			if err := s.ed.deleteVariant(i); err != nil {
				showError(s.l, err, s.win)
			}
		}
	}).Show()
}

func (s *variantScreen) onPriceBookTapped() {
	dir := ""
	if p := s.ed.project.Path; p != "" {
		dir = filepath.Dir(p)
	}
	showOpenFile(s.l, s.win, dir, yamlExts, s.choosePriceBook)
}

// choosePriceBook loads the price book at path and gives it to the
// selected variant; the concept refers to it relative to the concept file.
func (s *variantScreen) choosePriceBook(path string) {
	pb, err := concepts.LoadPriceBook(path)
	if err != nil {
		showFileError(s.win, s.l, path, err)
		return
	}
	ref := path
	if p := s.ed.project.Path; p != "" {
		if rel, err := filepath.Rel(filepath.Dir(p), path); err == nil {
			ref = filepath.ToSlash(rel)
		}
	}
	if err := s.ed.setPriceBook(ref, pb); err != nil {
		showFileError(s.win, s.l, path, err)
	}
}

func (s *variantScreen) onNoPriceBookTapped() { _ = s.ed.setPriceBook("", nil) }

func (s *variantScreen) onEditorChanged(ch change) {
	if ch&(changeCatalogue|changeConcept|changeSelection|changeReload) != 0 {
		s.refreshChoices()
	}
	if ch&(changeConcept|changeSelection|changeReload) != 0 {
		s.refreshTabs()
	}
	if ch&(changeConcept|changeSelection|changeEstimate|changeReload) != 0 {
		s.refreshVariant()
	}
}

// refreshChoices fills the add-unit and add-site-item lists from the
// catalogue. The site items offered leave out those the variant has,
// those the municipality adds to every variant (a concept may not name
// them again) and the fees of other municipalities.
func (s *variantScreen) refreshChoices() {
	cat := s.ed.catalogue()
	lang := s.l.Lang()
	s.unitIDs = s.unitIDs[:0]
	var units []string
	for _, u := range cat.UnitTypes {
		fam := u.Family
		if f := cat.Family(u.Family); f != nil {
			fam = f.Name
		}
		s.unitIDs = append(s.unitIDs, u.ID)
		units = append(units, s.l.T("ui.mix.choice", fam, u.Name.In(lang)))
	}
	if !slices.Equal(units, s.addUnit.Options) {
		s.addUnit.SetOptions(units)
	}
	// Every municipality's items are taken: the concept's own municipality
	// adds them to every variant, and another municipality's fees are not
	// this concept's to pay. A line the variant already has stays in its
	// table, where it can be edited or removed.
	taken := map[string]bool{}
	for _, m := range cat.Municipalities {
		for _, id := range m.Items {
			taken[id] = true
		}
	}
	for _, line := range s.ed.variant().SiteItems {
		taken[line.Item] = true
	}
	s.siteIDs = s.siteIDs[:0]
	var items []string
	for _, it := range cat.SiteItems {
		if taken[it.ID] {
			continue
		}
		s.siteIDs = append(s.siteIDs, it.ID)
		items = append(items, s.l.T("ui.sites.choice", it.Name.In(lang), s.l.T("unit."+string(it.Unit))))
	}
	if !slices.Equal(items, s.addSite.Options) {
		s.addSite.SetOptions(items)
	}
}

// refreshTabs makes the tabs match the variants and the selection.
func (s *variantScreen) refreshTabs() {
	c := s.ed.concept()
	names := make([]string, len(c.Variants))
	for i, v := range c.Variants {
		names[i] = v.Name
	}
	s.selecting = true
	defer func() { s.selecting = false }()
	if !slices.Equal(names, s.tabNames) {
		items := make([]*container.TabItem, len(names))
		for i, n := range names {
			items[i] = container.NewTabItem(n, &canvas.Rectangle{FillColor: color.Transparent})
		}
		s.tabs.SetItems(items)
		s.tabNames = names
	}
	if s.tabs.SelectedIndex() != s.ed.selected {
		s.tabs.SelectIndex(s.ed.selected)
	}
}

// refreshVariant shows the selected variant's mix, site items and price book.
func (s *variantScreen) refreshVariant() {
	v := s.ed.variant()
	if v.PriceBook == "" {
		s.priceBook.SetText(s.l.T("ui.variant.pricebook_catalogue"))
		s.noBook.Disable()
	} else {
		name := v.PriceBook
		if pb := s.ed.project.PriceBooks[v.PriceBook]; pb != nil {
			name = s.l.T("ui.variant.pricebook_named", pb.Name, v.PriceBook)
		}
		s.priceBook.SetText(name)
		s.noBook.Enable()
	}
	s.mix.Refresh()
	s.sites.Refresh()
}

// showFileError shows a problem with a file: every error with its file,
// line and column.
func showFileError(win fyne.Window, l *i18n.Locale, path string, err error) {
	text := concepts.Localize(err, l)
	msg := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	content := container.NewBorder(widget.NewLabel(l.T("ui.error.file_intro", filepath.Base(path))), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(620, 220), container.NewVScroll(msg)))
	newCloseDialog(win, &dialogKeys{}, l.T("ui.error.file_title"), l.T("ui.dialog.close"), content).Show()
}

// fitColumns is the layout of a container holding one table: it fills the
// container with the table and gives the flexible columns the width left
// by the fixed ones, in proportion to their base widths and never below
// their minimum; a column held at its minimum leaves the others less, so
// the columns fit whenever their minimums do (else the table scrolls
// sideways).
type fitColumns struct {
	table *widget.Table
	// base, min and flex give each column's base width, its minimum and
	// whether it takes a share of the space.
	base, min []float32
	flex      []bool
	last      float32
}

// Layout implements fyne.Layout.
func (f *fitColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width == f.last {
		return
	}
	f.last = size.Width
	// The table puts a padding after every column and keeps room for
	// its vertical scroll bar.
	width := size.Width - theme.Padding()*float32(len(f.base)) - theme.ScrollBarSize()
	for col, w := range f.widths(width) {
		f.table.SetColumnWidth(col, w)
	}
}

// widths returns the column widths for a table width.
func (f *fitColumns) widths(width float32) []float32 {
	out := append([]float32(nil), f.base...)
	if width <= 0 {
		return out
	}
	atMin := make([]bool, len(f.base))
	for {
		left, flexBase := width, float32(0)
		for i, b := range f.base {
			switch {
			case !f.flex[i]:
				left -= b
			case atMin[i]:
				left -= f.min[i]
			default:
				flexBase += b
			}
		}
		if flexBase == 0 {
			return out
		}
		share, again := left/flexBase, false
		for i, b := range f.base {
			if !f.flex[i] || atMin[i] {
				continue
			}
			out[i] = float32(int(b * share))
			if out[i] < f.min[i] {
				out[i], atMin[i], again = f.min[i], true, true
			}
		}
		if !again {
			return out
		}
	}
}

// MinSize implements fyne.Layout: the table's own minimum.
func (f *fitColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}
