package ui

import (
	"maps"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// Tree node ids of the catalogue browser: a family is "f:" + its id, a
// unit type "u:" + its id.
const (
	catFamilyPrefix = "f:"
	catTypePrefix   = "u:"
)

// catalogueScreen browses a catalogue: a tree of families and their unit
// types with a search box, and the card of the selected unit type with its
// plan sketch. It adds the selected type to the current variant through
// onAdd (the button, or a double tap on the type's row).
type catalogueScreen struct {
	l     *i18n.Locale
	onAdd func(unitTypeID string)

	cat *concepts.Catalogue
	// families are the family ids shown, in catalogue order; types maps
	// a family id to its unit type ids shown, after the search.
	families []string
	types    map[string][]string
	// selected is the id of the selected unit type, or "".
	selected string

	search  *widget.Entry
	tree    *widget.Tree
	add     *widget.Button
	card    *unitTypeCard
	content fyne.CanvasObject
}

// newCatalogueScreen returns the catalogue browser; onAdd, when not nil,
// is called with the id of the unit type to add to the variant.
func newCatalogueScreen(l *i18n.Locale, onAdd func(unitTypeID string)) *catalogueScreen {
	s := &catalogueScreen{l: l, onAdd: onAdd, types: map[string][]string{}}
	s.buildUI()
	return s
}

func (s *catalogueScreen) buildUI() {
	s.search = &widget.Entry{PlaceHolder: s.l.T("panel.catalogue.search"), OnChanged: s.onSearchChanged}
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.tree = &widget.Tree{
		ChildUIDs:  s.childUIDs,
		IsBranch:   s.isBranch,
		CreateNode: s.createNode,
		UpdateNode: s.updateNode,
		OnSelected: s.onTreeSelected,
	}
	s.tree.ExtendBaseWidget(s.tree)
	s.add = &widget.Button{Text: s.l.T("panel.catalogue.add"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.onAddTapped}
	s.add.Disable()
	s.card = newUnitTypeCard(s.l)

	left := container.NewBorder(s.search, s.add, nil, nil, s.tree)
	s.content = container.New(&catalogueLayout{card: s.card}, left, s.card.content)
}

// Content returns the screen's root object.
func (s *catalogueScreen) Content() fyne.CanvasObject { return s.content }

// SetCatalogue shows c (nil shows nothing) with every family open. The
// selected unit type stays selected when c has it too.
func (s *catalogueScreen) SetCatalogue(c *concepts.Catalogue) {
	s.cat = c
	s.filter()
	s.tree.OpenAllBranches()
	if s.selected != "" && (c == nil || c.UnitType(s.selected) == nil) {
		s.tree.UnselectAll()
		s.selected = ""
	}
	s.showSelected()
}

// ScrollToFamilyOf scrolls the tree so that the family of unit type id
// shows at its top, with as many of its types as fit below it.
func (s *catalogueScreen) ScrollToFamilyOf(id string) {
	if s.cat == nil {
		return
	}
	ut := s.cat.UnitType(id)
	if ut == nil {
		return
	}
	family := catFamilyPrefix + ut.Family
	if !slices.Contains(s.families, family) {
		return
	}
	if types := s.types[ut.Family]; len(types) > 0 {
		s.tree.ScrollTo(types[len(types)-1])
	}
	s.tree.ScrollTo(family)
}

// filter recomputes the families and unit types that match the search.
// A unit type matches when its id or its name in any language contains the
// search text; every type of a family whose name or id matches is shown.
func (s *catalogueScreen) filter() {
	s.families, s.types = s.families[:0], map[string][]string{}
	if s.cat == nil {
		s.tree.Refresh()
		return
	}
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	for _, f := range s.cat.Families {
		familyMatches := q == "" || matchesAny(q, f.ID, f.Name)
		var ids []string
		for i := range s.cat.UnitTypes {
			ut := &s.cat.UnitTypes[i]
			if ut.Family != f.ID {
				continue
			}
			if familyMatches || matchesAny(q, append([]string{ut.ID}, slices.Collect(maps.Values(ut.Name))...)...) {
				ids = append(ids, catTypePrefix+ut.ID)
			}
		}
		if len(ids) > 0 || familyMatches {
			s.families = append(s.families, catFamilyPrefix+f.ID)
			s.types[f.ID] = ids
		}
	}
	s.tree.Refresh()
	if q != "" {
		s.tree.OpenAllBranches()
	}
}

// matchesAny reports whether one of texts contains q (already lower case).
func matchesAny(q string, texts ...string) bool {
	for _, t := range texts {
		if strings.Contains(strings.ToLower(t), q) {
			return true
		}
	}
	return false
}

func (s *catalogueScreen) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if uid == "" {
		return s.families
	}
	if id, ok := strings.CutPrefix(uid, catFamilyPrefix); ok {
		return s.types[id]
	}
	return nil
}

func (s *catalogueScreen) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || strings.HasPrefix(uid, catFamilyPrefix)
}

func (s *catalogueScreen) createNode(bool) fyne.CanvasObject {
	return newCatalogueRow(s.onRowTapped, s.onRowDoubleTapped)
}

func (s *catalogueScreen) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	row := o.(*catalogueRow)
	row.uid = uid
	if s.cat == nil {
		row.set("", "", false)
		return
	}
	if id, ok := strings.CutPrefix(uid, catFamilyPrefix); ok {
		f := s.cat.Family(id)
		if f == nil {
			row.set(id, "", true)
			return
		}
		row.set(f.Name, s.l.T("setting."+string(f.Setting)), true)
		return
	}
	id := strings.TrimPrefix(uid, catTypePrefix)
	ut := s.cat.UnitType(id)
	if ut == nil {
		row.set(id, "", false)
		return
	}
	row.set(ut.Name.In(s.l.Lang()), s.l.T("panel.catalogue.row_bra", i18n.M2(ut.Area.BRA())), false)
}

func (s *catalogueScreen) onSearchChanged(string) {
	s.filter()
}

func (s *catalogueScreen) onRowTapped(uid string) {
	if s.isBranch(uid) {
		s.tree.ToggleBranch(uid)
	} else {
		s.tree.Select(uid)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.tree); c != nil {
		c.Focus(s.tree)
	}
}

func (s *catalogueScreen) onRowDoubleTapped(uid string) {
	if s.isBranch(uid) {
		s.tree.ToggleBranch(uid)
		return
	}
	s.tree.Select(uid)
	s.onAddTapped()
}

func (s *catalogueScreen) onTreeSelected(uid widget.TreeNodeID) {
	id, ok := strings.CutPrefix(uid, catTypePrefix)
	if !ok {
		// A family selected with the keyboard opens or closes; the
		// selection stays on the unit type the card shows.
		s.tree.ToggleBranch(uid)
		if s.selected != "" {
			s.tree.Select(catTypePrefix + s.selected)
		} else {
			s.tree.UnselectAll()
		}
		return
	}
	s.selected = id
	s.showSelected()
}

func (s *catalogueScreen) onAddTapped() {
	if s.selected == "" || s.onAdd == nil {
		return
	}
	s.onAdd(s.selected)
}

// showSelected fills the card with the selected unit type.
func (s *catalogueScreen) showSelected() {
	var ut *concepts.UnitType
	if s.cat != nil && s.selected != "" {
		ut = s.cat.UnitType(s.selected)
	}
	if ut == nil || s.onAdd == nil {
		s.add.Disable()
	} else {
		s.add.Enable()
	}
	var fam *concepts.Family
	if ut != nil {
		fam = s.cat.Family(ut.Family)
	}
	s.card.show(ut, fam)
}

// catalogueRow is the content of a catalogue tree node. widget.Tree has no
// double-click, so the row tells a tap (select) from a double tap (add the
// unit type, or open or close a family) itself.
type catalogueRow struct {
	widget.BaseWidget

	uid         string
	name, extra *widget.Label
	onTap       func(uid string)
	onDoubleTap func(uid string)
}

func newCatalogueRow(onTap, onDoubleTap func(string)) *catalogueRow {
	r := &catalogueRow{
		name:        &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		extra:       &widget.Label{Alignment: fyne.TextAlignTrailing, Importance: widget.LowImportance},
		onTap:       onTap,
		onDoubleTap: onDoubleTap,
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *catalogueRow) set(name, extra string, bold bool) {
	r.name.TextStyle.Bold = bold
	r.name.SetText(name)
	r.extra.SetText(extra)
}

// CreateRenderer implements fyne.Widget.
func (r *catalogueRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, r.extra, r.name))
}

// Tapped selects the row's node.
func (r *catalogueRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.uid)
	}
}

// DoubleTapped adds the row's unit type, or opens or closes its family.
func (r *catalogueRow) DoubleTapped(*fyne.PointEvent) {
	if r.onDoubleTap != nil {
		r.onDoubleTap(r.uid)
	}
}

// catalogueLayout places the tree column (objects[0]) and the card
// (objects[1]): side by side on a wide screen, the tree above the card on a
// narrow one. Before it lays out the card it tells the card's columns
// whether they fit side by side, so that the card's height is right in
// the same pass.
type catalogueLayout struct {
	card *unitTypeCard
}

// Layout implements fyne.Layout.
func (c *catalogueLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	p := theme.Padding()
	tree, card := objects[0], objects[1]
	if size.Width >= catalogueWideWidth {
		w := float32(math.Round(float64(size.Width * catalogueTreeShare)))
		c.card.columns.side = size.Width-w-p >= cardColumnsWidth
		tree.Move(fyne.NewPos(0, 0))
		tree.Resize(fyne.NewSize(w, size.Height))
		card.Move(fyne.NewPos(w+p, 0))
		card.Resize(fyne.NewSize(size.Width-w-p, size.Height))
		return
	}
	h := max(float32(math.Round(float64(size.Height*catalogueTreeShare))), tree.MinSize().Height)
	c.card.columns.side = size.Width >= cardColumnsWidth
	tree.Move(fyne.NewPos(0, 0))
	tree.Resize(fyne.NewSize(size.Width, h))
	card.Move(fyne.NewPos(0, h+p))
	card.Resize(fyne.NewSize(size.Width, max(size.Height-h-p, 0)))
}

// MinSize implements fyne.Layout.
func (c *catalogueLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	tree, card := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(max(tree.Width, card.Width), tree.Height+theme.Padding()+card.Height)
}

// cardColumns lays out two objects side by side, each half the width, when
// side is set, and one above the other otherwise.
type cardColumns struct {
	side bool
}

// Layout implements fyne.Layout.
func (c *cardColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	p := theme.Padding()
	a, b := objects[0], objects[1]
	a.Move(fyne.NewPos(0, 0))
	if c.side {
		w := (size.Width - p) / 2
		a.Resize(fyne.NewSize(w, size.Height))
		b.Move(fyne.NewPos(w+p, 0))
		b.Resize(fyne.NewSize(w, size.Height))
		return
	}
	ha := a.MinSize().Height
	a.Resize(fyne.NewSize(size.Width, ha))
	b.Move(fyne.NewPos(0, ha+p))
	b.Resize(fyne.NewSize(size.Width, max(size.Height-ha-p, b.MinSize().Height)))
}

// MinSize implements fyne.Layout.
func (c *cardColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	if c.side {
		return fyne.NewSize(a.Width+theme.Padding()+b.Width, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}
