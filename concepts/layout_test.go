package concepts

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The site plan's sections put into the test concept (testdata/concept.yaml):
// the boundary on line 18 (after the zoning), the first variant's layout
// on lines 37-40 (after its site items).
const (
	boundaryLine = "    parking_per_dwelling: 1.0\n"
	boundaryText = "  boundary: [[0, 0], [80, 0], [80, 77.5], [0, 77.5]]\n"
	layoutAfter  = "      - {item: va}\n"
	layoutText   = `    layout:
      - {label: Hus A, x: 12, y: 10.50, width: 14, depth: 22, rotation: 0, units: {solenga-fellesbygg: 1, solenga-2r: 3}}
      - {label: Hus B, x: 40, y: 8, rotation: 90, units: {solenga-2r: 9}}
      - {label: P1, x: 2, y: 60, width: 20, depth: 10, kind: parking}
`
)

// withLayout returns the test concept with a boundary and a layout, each
// part replaced as given ("" keeps the default).
func withLayout(tb testing.TB, boundary, layout string) string {
	tb.Helper()
	if boundary == "" {
		boundary = boundaryText
	}
	if layout == "" {
		layout = layoutText
	}
	s := edit(tb, MustRead(tb, "concept.yaml"), boundaryLine, boundaryLine+boundary)
	return edit(tb, s, layoutAfter, layoutAfter+layout)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestDecodeConcept_Layout(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withLayout(t, "", "")))
	if err != nil {
		t.Fatal(err)
	}
	b := c.Site.Boundary
	if len(b) != 4 || !b[2][0].Equal(dec("80")) || !b[2][1].Equal(dec("77.5")) {
		t.Errorf("boundary = %v", b)
	}
	l := c.Variants[0].Layout
	if len(l) != 3 {
		t.Fatalf("layout has %d entries, want 3", len(l))
	}
	a := l[0]
	if a.Label != "Hus A" || a.Y.String() != "10.5" || a.Width == nil || !a.Width.Equal(dec("14")) || a.Units["solenga-2r"] != 3 || a.Kind != LayoutBuilding {
		t.Errorf("entry 1 = %+v", a)
	}
	// The file lists solenga-fellesbygg first though it sorts last: it
	// gives the entry's footprint.
	if got := a.UnitOrder(); !reflect.DeepEqual(got, []string{"solenga-fellesbygg", "solenga-2r"}) {
		t.Errorf("UnitOrder = %v", got)
	}
	if l[1].Width != nil || !l[1].Rotation.Equal(dec("90")) || l[2].Kind != LayoutParking || len(l[2].Units) != 0 {
		t.Errorf("entries 2, 3 = %+v, %+v", l[1], l[2])
	}
	if c.Variants[1].Layout != nil {
		t.Errorf("variant 2 has a layout: %v", c.Variants[1].Layout)
	}
}

func TestLayoutEntry_Size(t *testing.T) {
	cat := &Catalogue{UnitTypes: []UnitType{
		{ID: "a", Footprint: &Footprint{Width: dec("24"), Depth: dec("14")}},
		{ID: "b", Footprint: &Footprint{Width: dec("10"), Depth: dec("8")}},
		{ID: "c"},
	}}
	w6 := dec("6")
	type testCase struct {
		name         string
		e            LayoutEntry
		wantW, wantD string
		ok           bool
	}
	for _, tt := range []testCase{
		{"own size", LayoutEntry{Width: &w6, Depth: &w6, Units: map[string]int{"a": 1}}, "6", "6", true},
		{"sorted first", LayoutEntry{Units: map[string]int{"b": 1, "a": 2}}, "24", "14", true},
		{"listed first", LayoutEntry{Units: map[string]int{"b": 1, "a": 2}, First: "b"}, "10", "8", true},
		{"width only", LayoutEntry{Width: &w6, Units: map[string]int{"b": 1}}, "6", "8", true},
		{"no footprint", LayoutEntry{Units: map[string]int{"c": 1}}, "0", "0", false},
		{"parking without size", LayoutEntry{Kind: LayoutParking}, "0", "0", false},
	} {
		w, d, ok := tt.e.Size(cat)
		if ok != tt.ok || (ok && (!w.Equal(dec(tt.wantW)) || !d.Equal(dec(tt.wantD)))) {
			t.Errorf("%s: Size = %s × %s, %v; want %s × %s, %v", tt.name, w, d, ok, tt.wantW, tt.wantD, tt.ok)
		}
	}
}

func TestEncodeConcept_LayoutRoundTrip(t *testing.T) {
	src := withLayout(t, "", "")
	c, err := DecodeConcept("konsept.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := EncodeConcept(c, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"boundary: [[0, 0], [80, 0], [80, 77.5], [0, 77.5]]",
		"- {label: Hus A, x: 12, y: 10.50, width: 14, depth: 22, rotation: 0, units: {solenga-fellesbygg: 1, solenga-2r: 3}}",
		"- {label: Hus B, x: 40, y: 8, rotation: 90, units: {solenga-2r: 9}}",
		"- {label: P1, x: 2, y: 60, width: 20, depth: 10, rotation: 0, kind: parking}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("saved concept lacks %q:\n%s", want, text)
		}
	}
	back, err := DecodeConcept("konsept.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if !equalDocs(c, back) {
		t.Errorf("round trip changed the site plan:\n%+v\n%+v", back.Variants[0].Layout, c.Variants[0].Layout)
	}
}

func TestConcept_CloneLayout(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withLayout(t, "", "")))
	if err != nil {
		t.Fatal(err)
	}
	cp := c.Clone()
	cp.Site.Boundary[0][0] = dec("5")
	cp.Variants[0].Layout[0].Units["solenga-2r"] = 7
	*cp.Variants[0].Layout[0].Width = dec("99")
	cp.Variants[0].Layout[1].X = dec("1")
	if !c.Site.Boundary[0][0].IsZero() || c.Variants[0].Layout[0].Units["solenga-2r"] != 3 ||
		!c.Variants[0].Layout[0].Width.Equal(dec("14")) || !c.Variants[0].Layout[1].X.Equal(dec("40")) {
		t.Error("changing the clone changed the original")
	}
	cat := &Catalogue{UnitTypes: []UnitType{{ID: "a", Footprint: &Footprint{Width: dec("1"), Depth: dec("2")}}}}
	cc := cat.Clone()
	cc.UnitTypes[0].Footprint.Width = dec("3")
	if !cat.UnitTypes[0].Footprint.Width.Equal(dec("1")) {
		t.Error("changing the catalogue's clone changed its footprint")
	}
}

func TestDecodeConcept_LayoutErrors(t *testing.T) {
	type testCase struct {
		name             string
		boundary, layout string
		line             int
		key              string
	}
	entry := func(s string) string { return "    layout:\n      - " + s + "\n" }
	for _, tt := range []testCase{
		{"two points", "  boundary: [[0, 0], [80, 0]]\n", "", 18, "concepts.boundary.too_few"},
		{"no points", "  boundary: []\n", "", 18, "concepts.boundary.too_few"},
		{"bow tie", "  boundary: [[0, 0], [80, 0], [0, 80], [80, 80]]\n", "", 18, "concepts.boundary.self_intersecting"},
		{"point twice", "  boundary: [[0, 0], [80, 0], [80, 0], [0, 80]]\n", "", 18, "concepts.boundary.self_intersecting"},
		{"point on an edge", "  boundary: [[0, 0], [80, 0], [40, 0], [40, 50]]\n", "", 18, "concepts.boundary.self_intersecting"},
		{"collinear", "  boundary: [[0, 0], [10, 0], [20, 0]]\n", "", 18, "concepts.boundary.self_intersecting"},
		{"three numbers", "  boundary: [[0, 0, 1], [80, 0], [0, 80]]\n", "", 18, "concepts.decode.point"},
		{"UTM not local", "  boundary: [[512000, 6700000], [512080, 6700000], [512000, 6700080]]\n", "", 18, "concepts.boundary.point_limit"},
		{"zero width", "", entry("{label: A, x: 1, y: 1, width: 0, depth: 10, units: {solenga-2r: 1}}"), 38, "concepts.not_positive"},
		{"negative depth", "", entry("{label: A, x: 1, y: 1, width: 10, depth: -2, units: {solenga-2r: 1}}"), 38, "concepts.not_positive"},
		{"no units", "", entry("{label: A, x: 1, y: 1, width: 10, depth: 10}"), 38, "concepts.layout.no_units"},
		{"empty units", "", entry("{label: A, x: 1, y: 1, width: 10, depth: 10, units: {}}"), 38, "concepts.layout.no_units"},
		{"parking with units", "", entry("{label: P, x: 1, y: 1, width: 10, depth: 10, kind: parking, units: {solenga-2r: 1}}"), 38, "concepts.layout.parking_units"},
		{"parking without size", "", entry("{label: P, x: 1, y: 1, kind: parking}"), 38, "concepts.layout.parking_size"},
		{"unknown kind", "", entry("{label: G, x: 1, y: 1, width: 10, depth: 10, kind: garage, units: {solenga-2r: 1}}"), 38, "concepts.layout.kind"},
		{"no label", "", entry("{label: '', x: 1, y: 1, units: {solenga-2r: 1}}"), 38, "concepts.layout.label_empty"},
		{"label twice", "", "    layout:\n      - {label: A, x: 1, y: 1, units: {solenga-2r: 1}}\n      - {label: A, x: 40, y: 1, units: {solenga-2r: 1}}\n", 39, "concepts.layout.label_twice"},
		{"count zero", "", entry("{label: A, x: 1, y: 1, units: {solenga-2r: 0}}"), 38, "concepts.out_of_range"},
		{"x too far", "", entry("{label: A, x: 1000000, y: 1, units: {solenga-2r: 1}}"), 38, "concepts.limit.too_large_field"},
		{"rotation beyond a turn", "", entry("{label: A, x: 1, y: 1, rotation: 720, units: {solenga-2r: 1}}"), 38, "concepts.limit.too_large_field"},
		{"unknown field", "", entry("{label: A, x: 1, y: 1, angle: 5, units: {solenga-2r: 1}}"), 38, "concepts.decode.unknown_field_known"},
		{"missing x", "", entry("{label: A, y: 1, units: {solenga-2r: 1}}"), 38, "concepts.decode.missing_field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeConcept("konsept.yaml", []byte(withLayout(t, tt.boundary, tt.layout)))
			list := Errors(err)
			for _, e := range list {
				if e.Key == tt.key {
					if e.Line != tt.line || e.File != "konsept.yaml" {
						t.Errorf("%s at %s:%d, want line %d", tt.key, e.File, e.Line, tt.line)
					}
					return
				}
			}
			t.Errorf("no %s among %v", tt.key, list)
		})
	}
}

func TestProjectValidate_LayoutAgainstCatalogue(t *testing.T) {
	cat, err := DecodeCatalogue("katalog.yaml", []byte(MustRead(t, "catalogue.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	type testCase struct {
		name, layout string
		key          string
		args         string
	}
	for _, tt := range []testCase{
		{"unknown unit type", "    layout:\n      - {label: A, x: 1, y: 1, width: 10, depth: 10, units: {solenga-9r: 2}}\n",
			"concepts.variant.type_unknown", `"solenga-9r"`},
		{"no footprint", "    layout:\n      - {label: A, x: 1, y: 1, units: {solenga-2r: 2}}\n",
			"concepts.layout.no_footprint", `"solenga-2r"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := new(Concept)
			src, derrs, err := decodeDoc("konsept.yaml", []byte(withLayout(t, "", tt.layout)), ConceptFormat, c)
			if err != nil || len(derrs.list) > 0 {
				t.Fatal(err, derrs.list)
			}
			c.src = src
			for _, e := range c.check(cat).list {
				if e.Key == tt.key {
					if e.Line != 38 || !strings.Contains(e.Msg, tt.args) {
						t.Errorf("%s: line %d, %s", tt.key, e.Line, e.Msg)
					}
					return
				}
			}
			t.Errorf("no %s", tt.key)
		})
	}
}

func TestCatalogueValidate_Footprint(t *testing.T) {
	src := MustRead(t, "catalogue.yaml")
	i := strings.Index(src, "  - id: solenga-2r\n")
	if i < 0 {
		t.Fatal("test catalogue lacks solenga-2r")
	}
	line := strings.Count(src[:i], "\n") + 2
	bad := src[:i] + "  - id: solenga-2r\n    footprint: {width: 0, depth: 14}\n" + src[i+len("  - id: solenga-2r\n"):]
	_, err := DecodeCatalogue("katalog.yaml", []byte(bad))
	for _, e := range Errors(err) {
		if e.Key == "concepts.not_positive" && e.Line == line {
			return
		}
	}
	t.Errorf("no not_positive at line %d: %v", line, err)
}

func TestBoundaryFromGeoJSON(t *testing.T) {
	// A 40 × 30 m plot in UTM zone 32 with a closing point; local metres
	// subtract x 512000.5 and y 6712000 exactly.
	const ring = `[[[512000.5, 6712000], [512040.5, 6712000], [512040.5, 6712030.25], [512000.5, 6712030.25], [512000.5, 6712000]]]`
	want := []Point{{dec("0"), dec("0")}, {dec("40"), dec("0")}, {dec("40"), dec("30.25")}, {dec("0"), dec("30.25")}}
	type testCase struct{ name, in string }
	for _, tt := range []testCase{
		{"polygon", `{"type": "Polygon", "coordinates": ` + ring + `}`},
		{"crs 25832", `{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}, "coordinates": ` + ring + `}`},
		{"crs 25833", `{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "EPSG:25833"}}, "coordinates": ` + ring + `}`},
		{"feature", `{"type": "Feature", "properties": {"gnr": 1}, "geometry": {"type": "Polygon", "coordinates": ` + ring + `}}`},
		{"collection", `{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": ` + ring + `}}]}`},
	} {
		got, err := BoundaryFromGeoJSON([]byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(got) != len(want) {
			t.Errorf("%s: %v", tt.name, got)
			continue
		}
		for i := range want {
			if !got[i][0].Equal(want[i][0]) || !got[i][1].Equal(want[i][1]) {
				t.Errorf("%s: point %d = %v, want %v", tt.name, i+1, got[i], want[i])
			}
		}
	}
}

func TestBoundaryFromGeoJSON_Errors(t *testing.T) {
	const ring = `[[512000, 6712000], [512040, 6712000], [512040, 6712030], [512000, 6712000]]`
	type testCase struct{ name, in, key string }
	for _, tt := range []testCase{
		{"not JSON", `{"type": "Polygon",`, "concepts.geojson.syntax"},
		{"degrees", `{"type": "Polygon", "coordinates": [[[8.94, 60.70], [8.95, 60.70], [8.95, 60.71], [8.94, 60.70]]]}`, "concepts.geojson.degrees"},
		{"crs in degrees", `{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}, "coordinates": [` + ring + `]}`, "concepts.geojson.crs"},
		{"crs UTM 35", `{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "EPSG:25835"}}, "coordinates": [` + ring + `]}`, "concepts.geojson.crs"},
		{"point", `{"type": "Point", "coordinates": [512000, 6712000]}`, "concepts.geojson.not_polygon"},
		{"multipolygon", `{"type": "MultiPolygon", "coordinates": [[` + ring + `]]}`, "concepts.geojson.not_polygon"},
		{"feature of a line", `{"type": "Feature", "geometry": {"type": "LineString", "coordinates": ` + ring + `}}`, "concepts.geojson.not_polygon"},
		{"feature without geometry", `{"type": "Feature", "geometry": null}`, "concepts.geojson.no_geometry"},
		{"two features", `{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [` + ring + `]}}, {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [` + ring + `]}}]}`, "concepts.geojson.features"},
		{"no features", `{"type": "FeatureCollection", "features": []}`, "concepts.geojson.features"},
		{"hole", `{"type": "Polygon", "coordinates": [` + ring + `, [[512010, 6712005], [512020, 6712005], [512020, 6712010], [512010, 6712005]]]}`, "concepts.geojson.holes"},
		{"two points", `{"type": "Polygon", "coordinates": [[[512000, 6712000], [512040, 6712000], [512000, 6712000]]]}`, "concepts.geojson.too_few"},
		{"bow tie", `{"type": "Polygon", "coordinates": [[[512000, 6712000], [512040, 6712000], [512000, 6712040], [512040, 6712040], [512000, 6712000]]]}`, "concepts.boundary.self_intersecting"},
		{"text coordinates", `{"type": "Polygon", "coordinates": [[["a", "b"], [1, 2], [3, 4]]]}`, "concepts.geojson.coordinates"},
		{"one number", `{"type": "Polygon", "coordinates": [[[512000], [512040, 6712000], [512040, 6712030]]]}`, "concepts.geojson.position"},
	} {
		_, err := BoundaryFromGeoJSON([]byte(tt.in))
		var e *Error
		if !errors.As(err, &e) || e.Key != tt.key || !errors.Is(err, ErrGeoJSON) {
			t.Errorf("%s: error %v, want key %s", tt.name, err, tt.key)
		}
	}
}
