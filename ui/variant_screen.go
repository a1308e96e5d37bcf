package ui

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
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

	tabs     *container.DocTabs
	tabNames []string
	// tabsLayout shortens the tab names to the width the tabs have.
	tabsLayout *tabNamesLayout
	selecting  bool

	mix   *widget.Table
	sites *widget.Table
	// mixCells and siteCells are every cell the tables created (shown or
	// pooled); mixRows and siteRows the rows the tables were last
	// refreshed with (see refreshVariant).
	mixCells, siteCells []*tableCell
	mixRows, siteRows   int
	// cellsLater is true while an update of the tables' cells in place
	// waits (see updateCellsLater).
	cellsLater bool
	addUnit    *widget.Select
	unitIDs    []string
	addSite    *widget.Select
	siteIDs    []string
	// mixError and siteError explain an invalid entry in a table.
	mixError  *widget.Label
	siteError *widget.Label
	// mixErrorRow and siteErrorRow are the rows the labels explain, or -1.
	mixErrorRow, siteErrorRow int
	priceBook                 *widget.Label
	noBook                    *widget.Button
	content                   fyne.CanvasObject
}

// newVariantScreen builds the variant tabs and editor.
func newVariantScreen(ed *editor, win fyne.Window) *variantScreen {
	s := &variantScreen{ed: ed, l: ed.l, in: inputs{ed.l}, win: win, mixErrorRow: -1, siteErrorRow: -1}
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
		CreateCell:    func() fyne.CanvasObject { return s.newTableCell(&s.mixCells) },
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
		Length:        func() (int, int) { return s.siteRowCount(), siteCols },
		CreateCell:    func() fyne.CanvasObject { return s.newTableCell(&s.siteCells) },
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
	s.tabsLayout = &tabNamesLayout{s: s}
	s.content = container.NewBorder(container.NewVBox(container.New(s.tabsLayout, s.tabs), toolbar), nil, nil, nil, split)
}

// showInputError explains err about the named line (table row row) under
// a table, with the value the model kept, or hides the explanation when
// err is nil. *errRow remembers the row explained.
func (s *variantScreen) showInputError(label *widget.Label, errRow *int, row int, name string, err error, kept string) {
	if err == nil {
		label.Hide()
		*errRow = -1
		return
	}
	msg := concepts.Localize(err, s.l)
	if kept != "" {
		msg = s.l.T("panel.error.kept", msg, kept)
	}
	label.SetText(s.l.T("ui.error.in_line", name, msg))
	label.Show()
	*errRow = row
}

// clearInputError hides the explanation under a table when it is about
// row (the row's entry shows the model's value again), or about any row
// when row is -1 (another variant, undo, a new file).
func (s *variantScreen) clearInputError(label *widget.Label, errRow *int, row int) {
	if *errRow < 0 || (row >= 0 && row != *errRow) {
		return
	}
	label.Hide()
	*errRow = -1
}

func (s *variantScreen) onEditorChanged(ch change) {
	if ch&(changeCatalogue|changeConcept|changeSelection|changeReload) != 0 {
		s.refreshChoices()
	}
	if ch&(changeConcept|changeSelection|changeReload) != 0 {
		s.refreshTabs()
	}
	if ch&(changeSelection|changeReload) != 0 {
		// The entries now show another variant's or state's values.
		s.clearInputError(s.mixError, &s.mixErrorRow, -1)
		s.clearInputError(s.siteError, &s.siteErrorRow, -1)
	}
	if ch&(changeConcept|changeSelection|changeEstimate|changeReload) != 0 {
		s.refreshVariant(ch&(changeSelection|changeReload) != 0)
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
	// this concept's to pay; an item that belongs to another municipality
	// (SiteItem.AvailableIn) is not offered either. A line the variant already has stays in its
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
	muni := s.ed.concept().Municipality
	for i := range cat.SiteItems {
		it := &cat.SiteItems[i]
		if taken[it.ID] || !it.AvailableIn(muni) {
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
		s.fitTabNames()
	}
	if s.tabs.SelectedIndex() != s.ed.selected {
		s.tabs.SelectIndex(s.ed.selected)
	}
}

// refreshVariant shows the selected variant's mix, site items and price
// book. A table whose rows stay as many (a count typed, a simulation
// done) has its cells updated in place: Table.Refresh would also lay out
// and refresh its headers, which on every keystroke cost more than the
// cells. all refreshes both tables whole (another variant, undo, a file).
func (s *variantScreen) refreshVariant(all bool) {
	v := s.ed.variant()
	if v.PriceBook == "" {
		setText(s.priceBook, s.l.T("ui.variant.pricebook_catalogue"))
		s.noBook.Disable()
	} else {
		name := v.PriceBook
		if pb := s.ed.project.PriceBooks[v.PriceBook]; pb != nil {
			name = s.l.T("ui.variant.pricebook_named", pb.Name, v.PriceBook)
		}
		setText(s.priceBook, name)
		s.noBook.Enable()
	}
	later := false
	if rows := len(v.Units); all || rows != s.mixRows {
		s.mixRows = rows
		s.mix.Refresh()
	} else {
		later = true
	}
	if rows := s.siteRowCount(); all || rows != s.siteRows {
		s.siteRows = rows
		s.sites.Refresh()
	} else {
		later = true
	}
	if later {
		s.updateCellsLater()
	}
}

// cellsWait is how long the tables' cells wait for the selected
// variant's simulation after an edit (updateCellsLater): as long as the
// simulation waits before it shows its progress, so that a simulation of
// thousands of dwellings (about 200 ms) is not slowed by a frame of the
// cells' own, and a longer one shows the cells beside its progress.
const cellsWait = progressDelay

// updateCellsLater updates the tables' cells in place after the current
// frame. An edit that keeps the lines (a count or quantity typed) changes a
// few dozen texts in the tables besides the key figures, and each new text
// is shaped and rasterised in the frame that first shows it: the key figures
// come in the frame after the keystroke, the tables in the next. When the
// selected variant's simulation is running, the cells wait for its result,
// at most cellsWait, and come in the frame after the one that shows P50 and
// P85: a frame of their own before it would take CPU from the simulation,
// and in the same frame they would hold P50 and P85 back. Several edits
// within a frame update the cells once, from the editor's state then; a
// table refreshed whole in between is left alone.
func (s *variantScreen) updateCellsLater() {
	if s.cellsLater {
		return
	}
	s.cellsLater = true
	if s.ed.selectedSimulating() {
		s.ed.whenSimulated(s.updateCells)
		s.ed.afterFunc(cellsWait, func() { s.ed.post(s.updateCells) })
		return
	}
	s.ed.post(s.updateCells)
}

// updateCells updates the tables' cells in place if an update waits.
func (s *variantScreen) updateCells() {
	if !s.cellsLater {
		return
	}
	s.cellsLater = false
	if len(s.ed.variant().Units) == s.mixRows {
		for _, c := range s.mixCells {
			s.updateMixCell(widget.TableCellID{Row: c.row, Col: c.col}, c)
		}
	}
	if s.siteRowCount() == s.siteRows {
		for _, c := range s.siteCells {
			s.updateSiteCell(widget.TableCellID{Row: c.row, Col: c.col}, c)
		}
	}
}
