package ui

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// geoJSONExts are the file name endings the boundary import offers.
var geoJSONExts = []string{".geojson", ".json"}

// boundaryPanel edits the site's boundary as a table of points (x east,
// y north, metres), with a point added after the selected one or removed,
// and the whole boundary pasted or imported from a GeoJSON polygon in UTM
// metres (concepts.BoundaryFromGeoJSON).
type boundaryPanel struct {
	ed  *editor
	l   *i18n.Locale
	in  inputs
	win fyne.Window

	list *widget.List
	// rows are the list's rows by their containers.
	rows    map[*fyne.Container]*boundaryRow
	message *widget.Label
	// selected is the point the add and remove buttons act on; -1 none.
	selected         int
	addPoint         *widget.Button
	removePoint      *widget.Button
	square           *widget.Button
	paste, importBtn *widget.Button
	content          fyne.CanvasObject
}

func newBoundaryPanel(ed *editor, win fyne.Window) *boundaryPanel {
	p := &boundaryPanel{ed: ed, l: ed.l, in: inputs{ed.l}, win: win, selected: -1, rows: map[*fyne.Container]*boundaryRow{}}
	l := p.l
	p.list = &widget.List{Length: p.length, CreateItem: p.createRow, UpdateItem: p.updateRow, OnSelected: p.onSelected}
	p.message = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	p.message.Hide()
	p.addPoint = &widget.Button{Text: l.T("panel.siteplan.point_add"), Icon: theme.ContentAddIcon(), OnTapped: p.onAddPoint}
	p.removePoint = &widget.Button{Text: l.T("panel.siteplan.point_remove"), Icon: theme.DeleteIcon(), OnTapped: p.onRemovePoint}
	p.square = &widget.Button{Text: l.T("panel.siteplan.square"), Icon: theme.CheckButtonIcon(), OnTapped: p.onSquare}
	p.paste = &widget.Button{Text: l.T("panel.siteplan.paste"), Icon: theme.ContentPasteIcon(), OnTapped: p.onPaste}
	p.importBtn = &widget.Button{Text: l.T("panel.siteplan.import"), Icon: theme.FolderOpenIcon(), OnTapped: p.onImport}
	head := container.NewGridWithColumns(3, widget.NewLabel(l.T("panel.siteplan.col.point")),
		widget.NewLabel(l.T("panel.siteplan.col.x")), widget.NewLabel(l.T("panel.siteplan.col.y")))
	table := container.NewBorder(head, nil, nil, nil, container.NewStack(minHeight(8*theme.TextSize()*2.4), p.list))
	p.content = container.NewVBox(table, p.message,
		container.NewGridWithColumns(2, p.addPoint, p.removePoint),
		container.NewGridWithColumns(2, p.paste, p.importBtn), p.square)
	return p
}

// Content returns the panel.
func (p *boundaryPanel) Content() fyne.CanvasObject { return p.content }

func (p *boundaryPanel) length() int { return len(p.ed.concept().Site.Boundary) }

// boundaryRow is one point of the table: its number and two entries.
type boundaryRow struct {
	num  *widget.Label
	x, y *widget.Entry
	// i is the point the row shows now.
	i int
}

func (p *boundaryPanel) createRow() fyne.CanvasObject {
	r := &boundaryRow{num: widget.NewLabel(""), x: widget.NewEntry(), y: widget.NewEntry()}
	r.x.OnChanged = func(t string) { p.onCoordinate(r, 0, t) }
	r.y.OnChanged = func(t string) { p.onCoordinate(r, 1, t) }
	box := container.NewGridWithColumns(3, r.num, r.x, r.y)
	p.rows[box] = r
	return box
}

func (p *boundaryPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := p.rows[o.(*fyne.Container)]
	b := p.ed.concept().Site.Boundary
	if id >= len(b) {
		return
	}
	r.i = -1 // setting the texts is not typing
	r.num.SetText(p.l.T("panel.siteplan.point", id+1))
	for j, e := range []*widget.Entry{r.x, r.y} {
		// An entry being typed into keeps its text while it parses to
		// the point's value.
		if d, err := p.in.decimal(e.Text); err != nil || !d.Equal(b[id][j]) {
			e.SetText(p.in.text(b[id][j]))
		}
	}
	r.i = id
}

// onCoordinate applies a typed coordinate, or says why it cannot be.
func (p *boundaryPanel) onCoordinate(r *boundaryRow, j int, text string) {
	if r.i < 0 {
		return
	}
	err := func() error {
		d, err := p.in.within(text, concepts.LimitCoordinate)
		if err != nil {
			return err
		}
		return p.ed.setBoundaryCoordinate(r.i, j, d)
	}()
	p.show(err)
}

// show shows err below the table, or hides the message when nil.
func (p *boundaryPanel) show(err error) {
	if err == nil {
		p.message.Hide()
		return
	}
	p.message.SetText(concepts.Localize(err, p.l))
	p.message.Show()
}

func (p *boundaryPanel) onSelected(id widget.ListItemID) {
	p.selected = id
	p.refreshButtons()
}

// refresh shows the concept's boundary.
func (p *boundaryPanel) refresh() {
	if p.selected >= p.length() {
		p.selected = -1
		p.list.UnselectAll()
	}
	p.list.Refresh()
	p.refreshButtons()
}

func (p *boundaryPanel) refreshButtons() {
	n := p.length()
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(p.addPoint, n >= 3)
	enable(p.removePoint, p.selected >= 0 && n > 3)
	enable(p.square, n == 0)
}

func (p *boundaryPanel) onAddPoint() {
	i := p.selected
	if i < 0 {
		i = p.length() - 1
	}
	p.show(p.ed.insertBoundaryPoint(i))
}

func (p *boundaryPanel) onRemovePoint() {
	if p.selected >= 0 {
		p.show(p.ed.removeBoundaryPoint(p.selected))
	}
}

func (p *boundaryPanel) onSquare() { p.show(p.ed.squareBoundary()) }

// onPaste asks for GeoJSON text and sets the boundary from it.
func (p *boundaryPanel) onPaste() {
	l := p.l
	keys := &dialogKeys{}
	entry := widget.NewMultiLineEntry()
	entry.SetPlaceHolder(l.T("panel.siteplan.paste_placeholder"))
	entry.SetMinRowsVisible(10)
	entry.Wrapping = fyne.TextWrapBreak
	help := &widget.Label{Text: l.T("panel.siteplan.geojson_help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	d := newConfirmDialog(p.win, keys, l.T("panel.siteplan.paste_title"), l.T("panel.siteplan.paste_ok"), l.T("ui.dialog.cancel"),
		container.NewBorder(help, nil, nil, nil, entry), func(ok bool) {
			if ok {
				p.importData([]byte(entry.Text))
			}
		})
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// onImport asks for a GeoJSON file and sets the boundary from it.
func (p *boundaryPanel) onImport() {
	showOpenFile(p.l, p.win, "", geoJSONExts, p.importFile)
}

// importFile sets the boundary from the GeoJSON file at path.
func (p *boundaryPanel) importFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		showError(p.l, err, p.win)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, concepts.MaxFileSize+1))
	if err != nil {
		showError(p.l, err, p.win)
		return
	}
	p.importData(data)
}

// importData sets the boundary from GeoJSON data, or shows why not.
func (p *boundaryPanel) importData(data []byte) {
	if err := p.ed.importBoundary(data); err != nil {
		showError(p.l, errors.New(concepts.Localize(err, p.l)), p.win)
	}
}
