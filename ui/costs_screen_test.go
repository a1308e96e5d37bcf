package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// newTestCostsScreen returns a costs screen showing e in a test window.
func newTestCostsScreen(t *testing.T, lang string, e *costing.Estimate) (*costsScreen, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := newCostsScreen(i18n.New(lang))
	s.SetEstimate(e)
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(1100, 700))
	return s, w
}

// costNodeText renders tree node uid through the tree's own template and
// returns its name and amount.
func costNodeText(s *costsScreen, uid string) (name, amount string) {
	node := s.tree.CreateNode(s.tree.IsBranch(uid))
	s.tree.UpdateNode(uid, s.tree.IsBranch(uid), node)
	n := costNodeLabels(node)
	return n.name.Text, n.amount.Text
}

func TestCostsTreeShowsEstimate(t *testing.T) {
	for _, lang := range i18n.Languages {
		t.Run(lang, func(t *testing.T) {
			e := panelTestEstimate(true)
			s, _ := newTestCostsScreen(t, lang, e)
			l := s.l
			for k := 1; k <= 13; k++ {
				name, amount := costNodeText(s, "post:"+strconv.Itoa(k))
				if want := strconv.Itoa(k) + " " + l.T("post."+strconv.Itoa(k)); name != want {
					t.Errorf("post %d: name %q, want %q", k, name, want)
				}
				if want := l.NOK(e.Posts[k]); amount != want {
					t.Errorf("post %d: amount %q, want %q", k, amount, want)
				}
			}
			for key, want := range map[string]string{
				"huskostnad":                        l.NOK(e.Totals.Huskostnad),
				"entreprisekostnad":                 l.NOK(e.Totals.Entreprisekostnad),
				"byggekostnad":                      l.NOK(e.Totals.Byggekostnad),
				"basiskostnad":                      l.NOK(e.Totals.Basiskostnad),
				"prosjektkostnad":                   l.NOK(e.Totals.Prosjektkostnad),
				"kostnadsramme":                     l.NOK(e.Totals.Kostnadsramme),
				"kostnadsramme_inkl_prisregulering": l.NOK(e.Totals.KostnadsrammeInklPrisregulering),
			} {
				name, amount := costNodeText(s, "total:"+key)
				if name != l.T("total."+key) || amount != want {
					t.Errorf("total %s: %q %q, want %q %q", key, name, amount, l.T("total."+key), want)
				}
			}
			// Every row appears once, under its post, with its amount.
			seen := 0
			for k := 1; k <= 13; k++ {
				for _, uid := range s.tree.ChildUIDs("post:" + strconv.Itoa(k)) {
					rest, ok := strings.CutPrefix(uid, costRowPrefix)
					if !ok {
						continue
					}
					i, err := strconv.Atoi(rest)
					if err != nil {
						t.Fatal(err)
					}
					seen++
					r := e.Rows[i]
					if r.Post != k {
						t.Errorf("row %d of post %d is under post %d", i, r.Post, k)
					}
					if _, amount := costNodeText(s, uid); amount != l.NOK(r.Amount) {
						t.Errorf("row %d: amount %q, want %q", i, amount, l.NOK(r.Amount))
					}
				}
			}
			if seen != len(e.Rows) {
				t.Errorf("tree shows %d rows, estimate has %d", seen, len(e.Rows))
			}
			if s.tree.IsBranch("post:1") || s.tree.IsBranch("post:10") {
				t.Error("posts 1 and 10 have no rows but are branches")
			}
		})
	}
}

func TestCostsTreeRowNames(t *testing.T) {
	e := panelTestEstimate(true)
	s, _ := newTestCostsScreen(t, "nb", e)
	for uid, want := range map[string][2]string{
		"row:0": {"12 × 2-roms leilighet", "15\u00a0036\u00a0000\u00a0kr"},
		"row:1": {"1 × Fellesbygg", "2\u00a0800\u00a0000\u00a0kr"},
		"row:6": {"Adkomstvei", "360\u00a0000\u00a0kr"},
		"row:9": {"Tomtekostnad", "2\u00a0500\u00a0000\u00a0kr"},
		"pct8":  {"Prosentpåslag av entreprisekostnad", "3\u00a0155\u00a0698\u00a0kr"},
		"p50":   {"P50, simulert basiskostnad", s.l.NOK(*e.P50)},
		"p85":   {"P85, simulert basiskostnad", s.l.NOK(*e.P85)},
	} {
		if name, amount := costNodeText(s, uid); name != want[0] || amount != want[1] {
			t.Errorf("%s: %q %q, want %q %q", uid, name, amount, want[0], want[1])
		}
	}
	if got := s.tree.ChildUIDs("post:8"); len(got) != 2 || got[0] != nodePct8 {
		t.Errorf("post 8 children = %v, want the percentage part first, then the fee", got)
	}
}

func TestCostsWhileSimulating(t *testing.T) {
	e := panelTestEstimate(false)
	s, _ := newTestCostsScreen(t, "nb", e)
	pending := "simulerer …"
	for _, uid := range []string{"post:11", "post:12", "post:13", "total:prosjektkostnad", "total:kostnadsramme", "total:kostnadsramme_inkl_prisregulering"} {
		if _, amount := costNodeText(s, uid); amount != pending {
			t.Errorf("%s while simulating: %q, want %q", uid, amount, pending)
		}
	}
	if _, amount := costNodeText(s, "total:basiskostnad"); amount != s.l.NOK(e.Totals.Basiskostnad) {
		t.Errorf("basiskostnad while simulating: %q", amount)
	}
	if s.curve.points != nil || s.curve.message == "" {
		t.Error("the S-curve should wait for the simulation")
	}
	s.SetProgress(5000, 20000)
	if got, want := s.status.Text, "simulerer … 5\u00a0000 av 20\u00a0000 iterasjoner"; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}

	// The simulated estimate arrives.
	done := panelTestEstimate(true)
	s.SetEstimate(done)
	if _, amount := costNodeText(s, "post:11"); amount != s.l.NOK(done.Posts[11]) {
		t.Errorf("post 11 after the simulation: %q, want %q", amount, s.l.NOK(done.Posts[11]))
	}
	if got, want := s.status.Text, "P50 "+s.l.NOK(*done.P50)+" · P85 "+s.l.NOK(*done.P85); got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
	if got, want := len(s.curve.points), costCurvePoints; got != want {
		t.Errorf("S-curve has %d points, want %d", got, want)
	}
	if len(s.curve.markers) != 2 || s.curve.markers[0].Label != "P50 "+s.l.NOK(*done.P50) || s.curve.markers[1].Label != "P85 "+s.l.NOK(*done.P85) {
		t.Errorf("S-curve markers = %+v", s.curve.markers)
	}

	// With the simulation off, an estimate without P50 is final.
	s.SetProgress(0, 0)
	s.SetEstimate(e)
	if _, amount := costNodeText(s, "post:11"); amount != s.l.NOK(e.Posts[11]) {
		t.Errorf("post 11 with the simulation off: %q, want %q", amount, s.l.NOK(e.Posts[11]))
	}
	if got, want := s.status.Text, "Simuleringen er slått av (0 iterasjoner)"; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
}

func TestCostsBars(t *testing.T) {
	e := panelTestEstimate(true)
	s, _ := newTestCostsScreen(t, "en", e)
	if got, want := len(s.bars.bars), 13; got != want {
		t.Fatalf("%d bars, want %d", got, want)
	}
	for i, b := range s.bars.bars {
		k := i + 1
		if want := s.l.NOK(e.Posts[k]); b.Text != want {
			t.Errorf("bar %d: %q, want %q", k, b.Text, want)
		}
	}
	s.SetEstimate(nil)
	if len(s.bars.bars) != 0 || len(s.tree.ChildUIDs("")) != 0 {
		t.Error("a nil estimate leaves bars or tree rows")
	}
}

func TestCostsPanelMarkup(t *testing.T) {
	s, w := newTestCostsScreen(t, "nb", panelTestEstimate(true))
	s.tree.OpenBranch("post:2")
	s.tree.OpenBranch("post:8")
	test.AssertRendersToMarkup(t, "costs_panel.xml", w.Canvas())

	s.SetEstimate(panelTestEstimate(false))
	s.SetProgress(4000, 20000)
	test.AssertRendersToMarkup(t, "costs_panel_simulating.xml", w.Canvas())
}
