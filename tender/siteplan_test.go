package tender

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// TestSitePlanInBothDocuments: both documents of each sample (every
// variant has a layout) have a chapter titled "Situasjonsplan", drawn at
// the scale worked out by hand, with the boundary's dimensions and the
// buildings' labels.
//
// Solenga's plot is 80 × 77.5 m: at 1:500 that is 160 × 155 mm, inside
// the 161 mm the page leaves (170 mm less 2 × 4.5 mm) and 175 mm high;
// 1:200 would be 400 mm wide. Reveskogen's is 125 × 100 m: 250 mm at
// 1:500 is too wide, 125 × 100 mm at 1:1000 fits. Reveskogen's cut corner
// runs from (125, 70) to (90, 100): √(35² + 30²) = √2125 = 46.1 m.
func TestSitePlanInBothDocuments(t *testing.T) {
	needTool(t, "pdftotext")
	type testCase struct {
		sample string
		scale  string
		edges  []string
		labels []string
	}
	for _, tc := range []testCase{
		{"solenga-gol", "500", []string{"80,0 m", "77,5 m"}, []string{"Hus A", "Hus B", "Fellesbygg"}},
		{"reveskogen-hemsedal", "1 000", []string{"125,0 m", "70,0 m", "90,0 m", "100,0 m"}, []string{"Låve"}},
	} {
		in := mustInput(t, tc.sample)
		l := i18n.New("nb")
		var report, tender bytes.Buffer
		if err := WriteReport(&report, in); err != nil {
			t.Fatal(err)
		}
		in.Variants = []int{0}
		if err := WriteTender(&tender, in, TenderOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		for name, pdf := range map[string][]byte{"report": report.Bytes(), "tender": tender.Bytes()} {
			path := writeTemp(t, name+".pdf", pdf)
			text := pdfText(t, path, 0, 0)
			// pdftotext breaks a slanted line apart but for -raw
			if tc.sample == "reveskogen-hemsedal" && !strings.Contains(pdfTextArgs(t, path, 0, 0, "-raw"), "46,1") {
				t.Errorf("%s %s lacks the cut corner's 46,1 m", tc.sample, name)
			}
			want := append([]string{l.T("tender.site.title"), l.T("tender.site.scale", tc.scale)}, tc.edges...)
			for _, w := range append(want, tc.labels...) {
				if !strings.Contains(text, norm(w)) {
					t.Errorf("%s %s lacks %q", tc.sample, name, w)
				}
			}
		}
	}
}

// TestSitePlanBreach: a building moved to 2.5 m from the boundary is
// drawn with its distance in red on the plan of both documents: Solenga's
// Hus A (26 × 14 m turned 90° about its corner at x = 18.5) spans x from
// 18.5 − 14 = 4.5 m; placed at x = 16.5 it stands 16.5 − 14 = 2.5 m from
// the plot's west edge. The distance is then on the plan and in the
// check's message, twice where it was nowhere.
func TestSitePlanBreach(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	in.Variants = []int{0}
	count := func(in Input) int {
		var b bytes.Buffer
		if err := WriteTender(&b, in, TenderOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		return strings.Count(pdfText(t, writeTemp(t, "tender.pdf", b.Bytes()), 0, 0), "2,5 m")
	}
	before := count(in)
	in.Project.Concept.Variants[0].Layout[0].X = decimal.RequireFromString("16.5")
	e, err := costing.Run(context.Background(), in.Project, 0)
	if err != nil {
		t.Fatal(err)
	}
	in.Estimates[0] = e
	sp := costing.SitePlanOf(e)
	if len(sp.Breaches) != 1 || sp.Breaches[0].A != 0 || sp.Breaches[0].B != -1 {
		t.Fatalf("breaches %+v, want Hus A to the boundary", sp.Breaches)
	}
	if got := count(in); got != before+2 {
		t.Errorf("\"2,5 m\" %d times with the breach, %d without; want 2 more (plan and check)", got, before)
	}
}

// TestSitePlanScale: the largest standard scale that fits.
func TestSitePlanScale(t *testing.T) {
	type testCase struct {
		w, h, availW, availH, want float64
	}
	for _, tc := range []testCase{
		{80, 77.5, 161, 175, 500},    // 160 × 155 mm
		{125, 100, 161, 175, 1000},   // 250 mm at 1:500
		{20, 10, 161, 175, 200},      // 100 × 50 mm
		{5000, 100, 161, 175, 40000}, // 1:20 000 is 250 mm: doubled
	} {
		if got := sitePlanScale(tc.w, tc.h, tc.availW, tc.availH); got != tc.want {
			t.Errorf("sitePlanScale(%v, %v) = %v, want %v", tc.w, tc.h, got, tc.want)
		}
	}
}

// TestNoSitePlanWithoutLayout: a variant without a layout has no site
// plan chapter in either document.
func TestNoSitePlanWithoutLayout(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[1])
	for i := range in.Project.Concept.Variants {
		in.Project.Concept.Variants[i].Layout = nil
		e, err := costing.Run(context.Background(), in.Project, i)
		if err != nil {
			t.Fatal(err)
		}
		in.Estimates[i] = e
	}
	var b bytes.Buffer
	if err := WriteReport(&b, in); err != nil {
		t.Fatal(err)
	}
	title := i18n.New("nb").T("tender.site.scale", "")
	if text := pdfText(t, writeTemp(t, "report.pdf", b.Bytes()), 0, 0); strings.Contains(text, norm(title)) {
		t.Errorf("a report without layouts has %q", title)
	}
}
