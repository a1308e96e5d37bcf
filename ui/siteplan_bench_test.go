package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// newSitePlanBench opens the Solenga sample in a 1600×1000 test window
// with variant A's layout replaced by n buildings of 12 × 10 m in rows of
// ten, 20 m apart, on a square plot of 220 m, and shows the Situasjonsplan
// tab. The simulation is off: this is the path to the plan, the checks
// and the key figures.
func newSitePlanBench(b *testing.B, n int) *mainUI {
	b.Helper()
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	u := newMainUI(a, w, "bench", func(f func()) { f() })
	u.ed.simulateEnabled = false
	u.recoveryDir = b.TempDir()
	w.SetContent(u.content)
	w.Resize(fyne.NewSize(1600, 1000))
	p, data, err := loadSample("samples/solenga-gol.yaml")
	if err != nil {
		b.Fatal(err)
	}
	d := decimal.NewFromInt
	side := d(220)
	p.Concept.Site.Boundary = []concepts.Point{{d(0), d(0)}, {side, d(0)}, {side, side}, {d(0), side}}
	w12, d10 := d(12), d(10)
	layout := make([]concepts.LayoutEntry, n)
	for k := range layout {
		layout[k] = concepts.LayoutEntry{Label: "B" + strconv.Itoa(k+1), X: d(int64(10 + k%10*20)), Y: d(int64(10 + k/10*20)),
			Width: &w12, Depth: &d10, Units: map[string]int{"solenga-2r": 1}}
	}
	p.Concept.Variants[0].Layout = layout
	u.setProject(p, data, true)
	for _, item := range u.tabs.Items {
		if item.Content == u.siteplan.Content() {
			u.tabs.Select(item)
		}
	}
	return u
}

// BenchmarkSitePlanDrag measures one step of dragging a building among
// 100: the drag event, the estimate, checks and site plan computed again,
// every screen told (the key figures and checks among them), and the plan
// redrawn: its objects moved and restyled and its fills painted at the
// view's size. The target is 33 ms (30 frames a second); about 20 ms on
// two busy cores. The GL driver then draws the objects on the graphics
// card (Fyne's software painter, test canvas Capture, takes about 0.5 s
// for the whole window and is no measure of it).
func BenchmarkSitePlanDrag(b *testing.B) {
	u := newSitePlanBench(b, 100)
	v := u.siteplan.view
	if v.plan == nil || len(v.plan.Rects) != 100 {
		b.Fatal("the plan does not hold 100 buildings")
	}
	r := test.WidgetRenderer(v).(*sitePlanRenderer)
	at := v.view.toPx(v.plan.Rects[55].Corners.Centre())
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
	size := v.Size()
	for i := 0; b.Loop(); i++ {
		dx := v.view.scale / 2
		if i%2 == 1 {
			dx = -dx
		}
		v.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx}})
		r.fills.draw(int(size.Width), int(size.Height))
	}
	v.DragEnd()
	if steps := len(u.ed.hist.past); steps != 1 {
		b.Fatalf("the drag made %d undo steps, want 1", steps)
	}
}
