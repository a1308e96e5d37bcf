package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// newTestCatalogueScreen returns a catalogue screen on the test catalogue
// in a test window, and a pointer to the ids onAdd received.
func newTestCatalogueScreen(t *testing.T, lang string) (*catalogueScreen, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	var added []string
	s := newCatalogueScreen(i18n.New(lang), func(id string) { added = append(added, id) })
	s.SetCatalogue(panelTestCatalogue())
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(1000, 700))
	return s, &added
}

// shownTypes returns the unit type nodes the tree shows, family by family.
func shownTypes(s *catalogueScreen) []string {
	var ids []string
	for _, f := range s.tree.ChildUIDs("") {
		ids = append(ids, s.tree.ChildUIDs(f)...)
	}
	return ids
}

func TestCatalogueSearchFiltersTree(t *testing.T) {
	s, _ := newTestCatalogueScreen(t, "nb")
	if got, want := len(shownTypes(s)), 5; got != want {
		t.Fatalf("without a search the tree shows %d unit types, want %d", got, want)
	}
	for _, tc := range []struct {
		search   string
		families []string
		types    []string
	}{
		{"mikro", []string{"f:solenga", "f:reveskogen"}, []string{"u:solenga-mikro", "u:reveskogen-mikrohus"}},
		{"MIKROHUS", []string{"f:reveskogen"}, []string{"u:reveskogen-mikrohus"}},
		{"solenga-2r", []string{"f:solenga"}, []string{"u:solenga-2r"}},
		{"family house", []string{"f:reveskogen"}, []string{"u:reveskogen-familiehus"}}, // the English name matches too
		{"reveskogen", []string{"f:reveskogen"}, []string{"u:reveskogen-mikrohus", "u:reveskogen-familiehus"}},
		{"finnes ikke", nil, nil},
		{"", []string{"f:solenga", "f:reveskogen"}, []string{"u:solenga-mikro", "u:solenga-2r", "u:solenga-fellesbygg", "u:reveskogen-mikrohus", "u:reveskogen-familiehus"}},
	} {
		s.search.SetText("")
		test.Type(s.search, tc.search)
		if got := s.tree.ChildUIDs(""); !slices.Equal(got, tc.families) {
			t.Errorf("search %q: families %v, want %v", tc.search, got, tc.families)
		}
		if got := shownTypes(s); !slices.Equal(got, tc.types) {
			t.Errorf("search %q: unit types %v, want %v", tc.search, got, tc.types)
		}
		if tc.search != "" {
			for _, f := range tc.families {
				if !s.tree.IsBranchOpen(f) {
					t.Errorf("search %q: family %s is closed, want it open", tc.search, f)
				}
			}
		}
	}
}

func TestCatalogueSelectFillsCard(t *testing.T) {
	s, _ := newTestCatalogueScreen(t, "nb")
	l := s.l
	if s.card.body.Visible() || !s.card.empty.Visible() {
		t.Fatal("before a selection the card should show the hint only")
	}
	if !s.add.Disabled() {
		t.Error("the add button is enabled with nothing selected")
	}
	s.tree.Select("u:solenga-2r")
	ut := s.cat.UnitType("solenga-2r")
	if !s.card.body.Visible() || s.card.empty.Visible() {
		t.Fatal("after a selection the card should show the unit type")
	}
	if got, want := s.card.title.Text, "2-roms leilighet"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	for key, want := range map[string]string{
		"kind":       "Bolig",
		"form":       "Leilighet",
		"bedrooms":   "1",
		"persons":    "2",
		"storeys":    "3",
		"lift":       "Ja",
		"accessible": "Ja",
		"carbon":     "210 kg CO₂e/m² BTA",
		"bra_i":      "48\u00a0m²",
		"bra_e":      "5\u00a0m²",
		"bra_b":      "0\u00a0m²",
		"bra":        "53\u00a0m²",
		"tba":        "8\u00a0m²",
		"bta":        "62\u00a0m²",
		"bya":        "21\u00a0m²",
	} {
		if got := s.card.facts[key].Text; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	// Rates in code order: code with its post, then likely (low–high).
	var rates []string
	for _, o := range s.card.rates.Objects {
		rates = append(rates, o.(*widget.Label).Text)
	}
	wantRates := []string{
		"2 (Bygning)", "19\u00a0000\u00a0kr/m² (17\u00a0000–23\u00a0000)",
		"31 (VVS-installasjoner)", "3\u00a0000\u00a0kr/m² (2\u00a0600–3\u00a0800)",
		"36 (VVS-installasjoner)", "1\u00a0000\u00a0kr/m² (900–1\u00a0300)",
		"4 (Elkraftinstallasjoner)", "1\u00a0700\u00a0kr/m² (1\u00a0500–2\u00a0100)",
		"5 (Tele og automatisering)", "450\u00a0kr/m² (400–600)",
		"6 (Andre installasjoner)", "800\u00a0kr/m² (700–1\u00a0000)",
	}
	if !slices.Equal(rates, wantRates) {
		t.Errorf("rates = %q, want %q", rates, wantRates)
	}
	if got, want := len(s.card.fixed.Objects), 2; got != want || s.card.fixed.Objects[1].(*widget.Label).Text != "75\u00a0000\u00a0kr (60\u00a0000–110\u00a0000)" {
		t.Errorf("fixed amounts = %d labels, want %d with 75 000 kr (60 000–110 000)", got, want)
	}
	if got, want := s.card.requirements.Text, "• Boenheten skal være tilgjengelig etter TEK17 § 12-2.\n• Bod på minst 5 m² BRA-e i kjeller."; got != want {
		t.Errorf("requirements = %q, want %q", got, want)
	}
	plan := costing.PlanOf(ut)
	if got, want := s.card.sketch.plan, plan; !got.Width.Equal(want.Width) || !got.Depth.Equal(want.Depth) || len(got.Bands) != len(want.Bands) {
		t.Errorf("sketch plan = %+v, want %+v", got, want)
	}
	if got, want := s.card.sketch.texts.Width, l.Number(plan.Width, 1)+" m"; got != want {
		t.Errorf("sketch width label = %q, want %q", got, want)
	}
	if got, want := s.card.sketch.texts.Depth, "6,2 m"; got != want {
		t.Errorf("sketch depth label = %q, want %q", got, want)
	}
	if s.add.Disabled() {
		t.Error("the add button is disabled with a unit type selected")
	}

	// A type without fixed amounts hides that heading; one without carbon says so.
	s.tree.Select("u:reveskogen-familiehus")
	if s.card.fixedHeader.Visible() || len(s.card.fixed.Objects) != 0 {
		t.Error("fixed amounts shown for a type without any")
	}
	if got, want := s.card.facts["carbon"].Text, "ikke oppgitt"; got != want {
		t.Errorf("carbon = %q, want %q", got, want)
	}
	if got, want := s.card.sketch.texts.Caption, "Én av 2 etasjer (BTA fordelt likt)"; got != want {
		t.Errorf("caption = %q, want %q", got, want)
	}
}

func TestCatalogueSelectionSurvivesNewCatalogue(t *testing.T) {
	s, _ := newTestCatalogueScreen(t, "en")
	s.tree.Select("u:solenga-2r")
	s.SetCatalogue(panelTestCatalogue())
	if got, want := s.card.title.Text, "One-bedroom flat"; got != want {
		t.Errorf("title after reload = %q, want %q", got, want)
	}
	cat := panelTestCatalogue()
	cat.UnitTypes = cat.UnitTypes[2:]
	s.SetCatalogue(cat)
	if s.card.body.Visible() || s.selected != "" || !s.add.Disabled() {
		t.Error("a unit type missing from the new catalogue is still shown")
	}
	s.SetCatalogue(nil)
	if got := s.tree.ChildUIDs(""); len(got) != 0 {
		t.Errorf("no catalogue: tree shows %v", got)
	}
}

func TestCatalogueAdd(t *testing.T) {
	s, added := newTestCatalogueScreen(t, "nb")

	// A double tap on a unit type's row adds it and selects it.
	node := s.tree.CreateNode(false)
	s.tree.UpdateNode("u:reveskogen-mikrohus", false, node)
	row := node.(*catalogueRow)
	if got, want := row.name.Text, "Mikrohus"; got != want {
		t.Errorf("row name = %q, want %q", got, want)
	}
	if got, want := row.extra.Text, "28\u00a0m² BRA"; got != want {
		t.Errorf("row area = %q, want %q", got, want)
	}
	test.DoubleTap(row)
	if got, want := *added, []string{"reveskogen-mikrohus"}; !slices.Equal(got, want) {
		t.Fatalf("double tap added %v, want %v", got, want)
	}
	if got, want := s.card.title.Text, "Mikrohus"; got != want {
		t.Errorf("card after double tap = %q, want %q", got, want)
	}

	// A single tap selects without adding; the button adds the selection.
	s.tree.UpdateNode("u:solenga-2r", false, node)
	test.Tap(row)
	if len(*added) != 1 {
		t.Errorf("a single tap added: %v", *added)
	}
	test.Tap(s.add)
	if got, want := *added, []string{"reveskogen-mikrohus", "solenga-2r"}; !slices.Equal(got, want) {
		t.Errorf("button added %v, want %v", got, want)
	}

	// A double tap on a family opens or closes it and adds nothing.
	fam := s.tree.CreateNode(true)
	s.tree.UpdateNode("f:solenga", true, fam)
	open := s.tree.IsBranchOpen("f:solenga")
	test.DoubleTap(fam.(*catalogueRow))
	if s.tree.IsBranchOpen("f:solenga") == open {
		t.Error("double tap on a family did not toggle it")
	}
	if len(*added) != 2 {
		t.Errorf("double tap on a family added: %v", *added)
	}
}

// TestPlanSketchLegendWraps checks that the legend breaks its entries into
// lines in a narrow card instead of widening it: at 1280×800 the catalogue
// pane is under 300 pixels wide.
func TestPlanSketchLegendWraps(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		t.Run(lang, func(t *testing.T) {
			s, _ := newTestCatalogueScreen(t, lang)
			s.tree.Select("u:solenga-2r")
			const width = 280
			fyne.CurrentApp().Driver().CanvasForObject(s.Content()).(test.WindowlessCanvas).Resize(fyne.NewSize(width, 800))
			// Let the sketch's width-dependent height settle, as the window does.
			for range 3 {
				s.card.body.Refresh()
				s.Content().Refresh()
			}
			sk := s.card.sketch
			if got, limit := s.card.body.MinSize().Width+2*theme.Padding(), s.card.content.Size().Width; got > limit {
				t.Errorf("the card needs %v pixels, more than its pane's %v", got, limit)
			}
			if got, limit := sk.MinSize().Width, sk.Size().Width; got > limit {
				t.Errorf("the sketch needs %v pixels, more than its %v", got, limit)
			}
			r := test.TempWidgetRenderer(t, sk).(*planRenderer)
			if got, min := len(r.legend), len(sk.texts.Legend); lang == "nb" && got <= min {
				t.Errorf("%d legend lines for %d entries: nothing wrapped at width %v", got, min, sk.Size().Width)
			}
			for _, line := range r.legend {
				if line.Position().X+line.MinSize().Width > sk.Size().Width {
					t.Errorf("legend line %q ends at %v, past the sketch's width %v", line.Text, line.Position().X+line.MinSize().Width, sk.Size().Width)
				}
			}
		})
	}
}

func TestWrapWords(t *testing.T) {
	size := float32(14)
	wide := fyne.MeasureText("BRA-i, innvendig:", size, fyne.TextStyle{}).Width
	for _, tc := range []struct {
		text  string
		width float32
		want  []string
	}{
		{"BRA-i, innvendig: 48\u00a0m²", 1000, []string{"BRA-i, innvendig: 48\u00a0m²"}},
		{"BRA-i, innvendig: 48\u00a0m²", wide, []string{"BRA-i, innvendig:", "48\u00a0m²"}},
		{"ord", 1, []string{"ord"}},
		{"", 100, []string{""}},
	} {
		if got := wrapWords(tc.text, tc.width, size); !slices.Equal(got, tc.want) {
			t.Errorf("wrapWords(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}
