package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// showSitePlan opens the Situasjonsplan tab of a test window on the
// Solenga sample (variant A: Hus A at (18.5, 22) turned 90°, 14 × 26 m
// from its footprint, on the plot [0, 80] × [0, 77.5]).
func showSitePlan(t *testing.T) *mainUI {
	t.Helper()
	u := newTestUI(t)
	showTab(t, u, u.siteplan.Content())
	if u.siteplan.plan == nil {
		t.Fatal("the sample's variant A has no site plan")
	}
	return u
}

// buildingAt returns the index in the plan of the building labelled label.
func buildingAt(t *testing.T, s *sitePlanScreen, label string) int {
	t.Helper()
	for i, r := range s.plan.Rects {
		if r.Label == label {
			return i
		}
	}
	t.Fatalf("no building %q on the plan", label)
	return -1
}

// dragBuilding drags the building labelled label by dx, dy metres with
// test.Drag, as the pointer would.
func dragBuilding(t *testing.T, u *mainUI, label string, dx, dy float64) {
	t.Helper()
	s := u.siteplan
	i := buildingAt(t, s, label)
	v := s.view
	c := v.view.toPx(s.plan.Rects[i].Corners.Centre())
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	test.Drag(u.win.Canvas(), abs.Add(c), float32(dx)*v.view.scale, -float32(dy)*v.view.scale)
}

func layoutEntry(t *testing.T, u *mainUI, label string) concepts.LayoutEntry {
	t.Helper()
	for _, en := range u.ed.variant().Layout {
		if en.Label == label {
			return en
		}
	}
	t.Fatalf("no layout entry %q", label)
	return concepts.LayoutEntry{}
}

func checkStatus(t *testing.T, u *mainUI, id string) costing.Status {
	t.Helper()
	e, _ := u.ed.estimate()
	for _, c := range e.Checks {
		if c.ID == id {
			return c.Status
		}
	}
	t.Fatalf("no check %s", id)
	return ""
}

func TestSitePlanDragIsOneUndoStep(t *testing.T) {
	u := showSitePlan(t)
	steps := len(u.ed.hist.past)
	dragBuilding(t, u, "Hus A", 10, 5)
	// Hus A stood at (18.5, 22); 10 m east and 5 m north puts it at (28.5, 27).
	en := layoutEntry(t, u, "Hus A")
	if !en.X.Equal(decimal.RequireFromString("28.5")) || !en.Y.Equal(decimal.NewFromInt(27)) {
		t.Errorf("Hus A at (%s, %s), want (28.5, 27)", en.X, en.Y)
	}
	if got := len(u.ed.hist.past); got != steps+1 {
		t.Errorf("undo steps = %d, want %d", got, steps+1)
	}
	if !u.ed.undo() {
		t.Fatal("nothing to undo")
	}
	en = layoutEntry(t, u, "Hus A")
	if !en.X.Equal(decimal.RequireFromString("18.5")) || !en.Y.Equal(decimal.NewFromInt(22)) {
		t.Errorf("after undo Hus A at (%s, %s), want (18.5, 22)", en.X, en.Y)
	}
}

func TestSitePlanDragPreviewsWithoutSteps(t *testing.T) {
	u := showSitePlan(t)
	s, v := u.siteplan, u.siteplan.view
	steps := len(u.ed.hist.past)
	i := buildingAt(t, s, "Hus A")
	from := v.view.toPx(s.plan.Rects[i].Corners.Centre())
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	// Three moves of 1 m west each: Hus A's west side (x 18.5 − 14 = 4.5)
	// comes to 1.5 m from the boundary x = 0.
	for range 3 {
		v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -v.view.scale}})
		if got := len(u.ed.hist.past); got != steps {
			t.Fatalf("a drag in progress made %d undo steps", got-steps)
		}
	}
	if got := layoutEntry(t, u, "Hus A").X; !got.Equal(decimal.RequireFromString("15.5")) {
		t.Errorf("previewed x = %s, want 15.5", got)
	}
	// The checks follow the drag: 1.5 m < 4 m warns, and the plan draws
	// the breach with its distance.
	if got := checkStatus(t, u, costing.CheckLayoutBoundary); got != costing.StatusWarn {
		t.Errorf("layout.boundary = %s during the drag, want warn", got)
	}
	if got, want := v.texts.Breaches, []string{"1,5\u00a0m"}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("breach labels = %q, want %q", got, want)
	}
	v.DragEnd()
	if got := len(u.ed.hist.past); got != steps+1 {
		t.Errorf("undo steps after the drag = %d, want %d", got-steps, 1)
	}
	if !s.plan.Rects[i].Breach {
		t.Error("Hus A is not outlined as a breach")
	}
	u.ed.undo()
	if got := checkStatus(t, u, costing.CheckLayoutBoundary); got != costing.StatusPass {
		t.Errorf("layout.boundary = %s after undo, want pass", got)
	}
}

func TestSitePlanKeysNudgeAndRotate(t *testing.T) {
	u := showSitePlan(t)
	s, v := u.siteplan, u.siteplan.view
	i := buildingAt(t, s, "Fellesbygg")
	v.SetSelected(i)
	s.onSelect(i)
	steps := len(u.ed.hist.past)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	// Fellesbygg at (30, 58): 2 × 1 m east and 0.1 m north.
	en := layoutEntry(t, u, "Fellesbygg")
	if !en.X.Equal(decimal.NewFromInt(32)) || !en.Y.Equal(decimal.RequireFromString("58.1")) {
		t.Errorf("Fellesbygg at (%s, %s), want (32, 58.1)", en.X, en.Y)
	}
	if got := len(u.ed.hist.past); got != steps+1 {
		t.Errorf("three nudges made %d undo steps, want 1", got-steps)
	}
	v.TypedRune('r')
	v.TypedRune('r')
	v.TypedRune('R')
	if got := layoutEntry(t, u, "Fellesbygg").Rotation; !got.Equal(decimal.NewFromInt(15)) {
		t.Errorf("rotation = %s°, want 15°", got)
	}
}

func TestSitePlanAutoPlacesEveryUnit(t *testing.T) {
	u := showSitePlan(t)
	if err := u.ed.removeLayout(); err != nil {
		t.Fatal(err)
	}
	if u.siteplan.plan != nil {
		t.Fatal("a variant without a layout shows a plan")
	}
	test.Tap(u.siteplan.auto)
	want := map[string]int{}
	for _, l := range u.ed.variant().Units {
		want[l.Type] += l.Count
	}
	got := map[string]int{}
	for _, en := range u.ed.variant().Layout {
		for id, n := range en.Units {
			got[id] += n
		}
	}
	if len(got) != len(want) {
		t.Errorf("placed types %v, want %v", got, want)
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: %d placed, want %d", id, got[id], n)
		}
	}
	if st := checkStatus(t, u, costing.CheckLayoutUnits); st != costing.StatusPass {
		t.Errorf("layout.units = %s, want pass", st)
	}
	if u.siteplan.plan == nil || len(u.siteplan.view.plan.Rects) != len(u.ed.variant().Layout) {
		t.Error("the plan does not draw the placed buildings")
	}
	if len(u.siteplan.addType.Options) != 0 {
		t.Errorf("every unit placed, but the add select offers %v", u.siteplan.addType.Options)
	}
}

func TestSitePlanImportGeoJSON(t *testing.T) {
	u := showSitePlan(t)
	path := filepath.Join(t.TempDir(), "tomt.geojson")
	geo := `{"type": "Feature", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
	  "geometry": {"type": "Polygon", "coordinates": [[[478100, 6734200], [478190, 6734200], [478190, 6734270], [478100, 6734270], [478100, 6734200]]]}}`
	if err := os.WriteFile(path, []byte(geo), 0o600); err != nil {
		t.Fatal(err)
	}
	u.siteplan.boundary.importFile(path)
	// Less the smallest x and y: a 90 × 70 m rectangle at the origin.
	want := [][2]int64{{0, 0}, {90, 0}, {90, 70}, {0, 70}}
	b := u.ed.concept().Site.Boundary
	if len(b) != len(want) {
		t.Fatalf("boundary %v, want %v", b, want)
	}
	for i, p := range b {
		if !p[0].Equal(decimal.NewFromInt(want[i][0])) || !p[1].Equal(decimal.NewFromInt(want[i][1])) {
			t.Errorf("point %d = (%s, %s), want %v", i+1, p[0], p[1], want[i])
		}
	}
	if got := u.siteplan.boundary.list.Length(); got != 4 {
		t.Errorf("the table shows %d points, want 4", got)
	}
	// The plot's area on the plan is the new one: 90 × 70 = 6 300 m².
	if got := u.siteplan.figLabels[0].Text; got != "6\u00a0300\u00a0m²" && got != "6 300 m²" {
		t.Errorf("plot area = %q, want 6 300 m²", got)
	}
	// Degrees are refused and the boundary stays.
	u.siteplan.boundary.importData([]byte(`{"type": "Polygon", "coordinates": [[[8.5, 60.1], [8.6, 60.1], [8.6, 60.2], [8.5, 60.1]]]}`))
	if got := u.ed.concept().Site.Boundary; len(got) != 4 || !got[1][0].Equal(decimal.NewFromInt(90)) {
		t.Errorf("a GeoJSON in degrees changed the boundary to %v", got)
	}
}

func TestSitePlanBoundaryTableEdits(t *testing.T) {
	u := showSitePlan(t)
	p := u.siteplan.boundary
	n := len(u.ed.concept().Site.Boundary)
	if err := u.ed.insertBoundaryPoint(0); err != nil {
		t.Fatal(err)
	}
	if got := len(u.ed.concept().Site.Boundary); got != n+1 {
		t.Errorf("%d points after adding one, want %d", got, n+1)
	}
	// A point that makes the boundary cross itself is refused.
	if err := u.ed.setBoundaryCoordinate(1, 1, decimal.NewFromInt(200)); err == nil {
		t.Error("a crossing boundary was accepted")
	}
	if err := u.ed.removeBoundaryPoint(1); err != nil {
		t.Fatal(err)
	}
	if got := p.list.Length(); got != n {
		t.Errorf("the table shows %d points, want %d", got, n)
	}
}

func TestSitePlanBoundaryTableShowsPoints(t *testing.T) {
	u := showSitePlan(t)
	// Solenga's plot: (0, 0), (80, 0), (80, 77.5), (0, 77.5); the table
	// shows P3 as 80 and 77,5.
	found := false
	for box, r := range u.siteplan.boundary.rows {
		if r.num.Text == "P3" && box.Visible() {
			found = r.x.Text == "80" && r.y.Text == "77,5"
			if !found {
				t.Errorf("P3 shows (%q, %q), want (80, 77,5)", r.x.Text, r.y.Text)
			}
		}
	}
	if !found {
		t.Error("no row shows P3")
	}
	// The rows' entries are drawn: the list's render tree reaches them.
	drawn := 0
	for _, o := range rendered(u.siteplan.boundary.list) {
		for _, r := range u.siteplan.boundary.rows {
			if o == r.x {
				drawn++
			}
		}
	}
	if drawn < 4 {
		t.Errorf("%d rows drawn, want the 4 points", drawn)
	}
}

// The site plan skips the edits made while its tab is hidden and shows
// the variant as it is when the tab is shown again.
func TestSitePlanCatchesUpWhenShown(t *testing.T) {
	u := newTestUI(t) // the Varianter tab is shown
	before := u.siteplan.plan
	if err := u.ed.setCount(0, u.ed.variant().Units[0].Count+1); err != nil {
		t.Fatal(err)
	}
	if u.siteplan.plan != before {
		t.Error("the hidden site plan was refreshed on an edit")
	}
	showTab(t, u, u.siteplan.Content())
	e, _ := u.ed.estimate()
	if u.siteplan.plan == before || !reflect.DeepEqual(u.siteplan.plan, costing.SitePlanOf(e)) {
		t.Error("the site plan shown is not the edited variant's")
	}
}
