package concepts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/assets"
	"github.com/shopspring/decimal"
)

// MustLoadProject loads the test concept and its references.
func MustLoadProject(tb testing.TB) *Project {
	tb.Helper()
	p, err := LoadProject(filepath.Join("testdata", "concept.yaml"), LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestLoadProject_OK(t *testing.T) {
	p := MustLoadProject(t)
	c := p.Concept
	if got, want := c.Name, "Solenga Gol sentrum"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	if got, want := c.Assumptions.GeneralCostsPercent.String(), "12.5"; got != want {
		t.Errorf("general_costs_percent = %s, want %s", got, want)
	}
	if got, want := c.Site.PavedM2.Exponent(), int32(-2); got != want {
		t.Errorf("paved_m2 exponent = %d, want %d (12.50 keeps its decimals)", got, want)
	}
	if got, want := c.Revision.Date, "2026-11-27"; got != want {
		t.Errorf("revision date = %q, want %q", got, want)
	}
	if got, want := *c.Site.Zoning.MaxStoreys, 3; got != want {
		t.Errorf("max_storeys = %d, want %d", got, want)
	}
	if c.Variants[0].SiteItems[1].Quantity != nil {
		t.Errorf("derived quantity should be nil")
	}
	if got, want := p.Catalogue.UnitType("reveskogen-mikro").Area.BRAi.String(), "25.5"; got != want {
		t.Errorf("bra_i = %s, want %s", got, want)
	}
	pb := p.PriceBooks["pricebook.yaml"]
	if pb == nil {
		t.Fatalf("price book not loaded: %v", p.PriceBooks)
	}
	cat, gotPB, err := p.VariantCatalogue(1)
	if err != nil || gotPB != pb {
		t.Fatalf("VariantCatalogue(1) = %v, %v", gotPB, err)
	}
	if got, want := cat.UnitType("solenga-2r").Rates["2"], NewRange(18000, 18500, 20000); !got.Low.Equal(want.Low) || !got.High.Equal(want.High) {
		t.Errorf("overlaid rate = %v, want %v", got, want)
	}
	if got := p.Catalogue.UnitType("solenga-2r").Rates["2"].Likely.String(); got != "19000" {
		t.Errorf("catalogue rate changed by the overlay: %s", got)
	}
}

func TestLoadProject_Overrides(t *testing.T) {
	pbPath := filepath.Join(t.TempDir(), "other.yaml")
	pb := edit(t, MustRead(t, "pricebook.yaml"), "[18000, 18500, 20000]", "[1, 2, 3]")
	if err := os.WriteFile(pbPath, []byte(pb), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadProject(filepath.Join("testdata", "concept.yaml"), LoadOptions{
		Catalogue: filepath.Join("testdata", "catalogue.yaml"),
		PriceBook: pbPath,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Concept.Variants {
		cat, got, err := p.VariantCatalogue(i)
		if err != nil {
			t.Fatal(err)
		}
		if got == nil || got.Path != pbPath {
			t.Errorf("variant %d: price book %v, want the override", i, got)
		}
		if r := cat.UnitType("solenga-2r").Rates["2"]; r.Likely.IntPart() != 2 {
			t.Errorf("variant %d: rate %v, want the override's", i, r)
		}
	}
	_, err = LoadProject(filepath.Join("testdata", "concept.yaml"), LoadOptions{PriceBook: "gone.yaml"})
	if !hasError(err, 0, 0, "cannot read the file: the file does not exist") || Errors(err)[0].File != "gone.yaml" {
		t.Errorf("missing override: got %v", err)
	}
}

func TestLoadProject_ErrPriceBookAgainstCatalogue(t *testing.T) {
	dir := filepath.Dir(writeProject(t, MustRead(t, "concept.yaml")))
	pb := edit(t, MustRead(t, "pricebook.yaml"), "  vei: {rate:", "  veg: {rate:")
	pb = edit(t, pb, `fixed: {"27":`, `fixed: {"28":`)
	if err := os.WriteFile(filepath.Join(dir, "pricebook.yaml"), []byte(pb), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadProject(filepath.Join(dir, "concept.yaml"), LoadOptions{})
	l := Errors(err)
	if len(l) != 2 {
		t.Fatalf("want 2 errors, got:\n%v", err)
	}
	for i, want := range []struct {
		line, col int
		msg       string
	}{
		{7, 13, `unit type "solenga-2r": fixed "28": the catalogue has no fixed amount for this code`},
		{9, 3, `site item "veg": is not a site item of catalogue "Testkatalog"`},
	} {
		if e := l[i]; e.Line != want.line || e.Column != want.col || !strings.Contains(e.Msg, want.msg) || !strings.HasSuffix(e.File, "pricebook.yaml") {
			t.Errorf("error %d = %v, want %d:%d %q in pricebook.yaml", i, e, want.line, want.col, want.msg)
		}
	}
}

func TestLoadProject_AllErrorsTogether(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	con = edit(t, con, "municipality: gol", "municipality: oslo")
	con = edit(t, con, "date: 2026-11-27", "date: 2026-02-30")
	con = edit(t, con, "type: solenga-2r, count: 12} # twelve", "type: solenga-9r, count: 12} # twelve")
	con = edit(t, con, "pricebook: pricebook.yaml", "pricebook: gone.yaml")
	path := writeProject(t, con)
	_, err := LoadProject(path, LoadOptions{})
	want := []string{
		path + `:5:15: municipality "oslo" is not in catalogue "Testkatalog" (it has gol, hemsedal)`,
		path + `:6:25: revision: date "2026-02-30" is not a real date`,
		path + `:31:16: variant "A - 24 boliger": unit "solenga-9r": unit type "solenga-9r" is not in catalogue "Testkatalog"; check the spelling`,
		path + `:37:16: variant "A priced by Hallingbygg": price book file "gone.yaml" does not exist (paths are relative to the concept file)`,
	}
	if got := fmt.Sprint(err); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	checkLocalized(t, err)
}

func TestDecodeCatalogue_AllErrorsTogether(t *testing.T) {
	cat := MustRead(t, "catalogue.yaml")
	cat = edit(t, cat, "price_level: 2025-06", "price_level: juni")
	cat = edit(t, cat, "    storeys: 3\n", "    storeys: tre\n")
	cat = edit(t, cat, `"2": [17000, 19000, 23000]`, `"2": [21000, 19000, 23000]`)
	cat = edit(t, cat, "  - id: reveskogen\n", "  - id: solenga\n")
	cat = edit(t, cat, "    items: []\n", "    items: []\n    colour: red\n")
	_, err := DecodeCatalogue("katalog.yaml", []byte(cat))
	want := []string{
		`katalog.yaml:5:14: price_level "juni" is not a month YYYY-MM, such as 2025-06`,
		`katalog.yaml:13:9: family "solenga": id "solenga" is used twice; ids must be unique`,
		`katalog.yaml:24:14: unit type "solenga-2r": storeys: needs a whole number, not "tre"`,
		`katalog.yaml:29:12: unit type "solenga-2r": rates "2": low 21000 is above likely 19000`,
		`katalog.yaml:50:13: unit type "reveskogen-mikro": family "reveskogen" is not in the catalogue's families`,
		`katalog.yaml:96:5: municipality "hemsedal": unknown field "colour"; known fields are id, name, items`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	checkLocalized(t, err)
}

func TestDecodeConcept_ErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: bokonsept/concept@1\n")
	for i := range MaxErrors + 10 {
		fmt.Fprintf(&b, "extra%d: 1\n", i)
	}
	_, err := DecodeConcept("k.yaml", []byte(b.String()))
	l := Errors(err)
	if got, want := len(l), MaxErrors+1; got != want {
		t.Fatalf("got %d errors, want %d", got, want)
	}
	// 60 unknown fields and the missing required fields: 61 errors.
	if got, want := l[MaxErrors].Error(), "k.yaml: … and 11 more errors"; got != want {
		t.Errorf("last error = %q, want %q", got, want)
	}
}

func TestError_Format(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "a.yaml", Line: 4, Column: 2, Msg: "m"}, "a.yaml:4:2: m"},
		{Error{File: "a.yaml", Line: 4, Msg: "m"}, "a.yaml:4: m"},
		{Error{File: "a.yaml", Msg: "m"}, "a.yaml: m"},
		{Error{Msg: "m"}, "m"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	for _, tt := range []struct {
		file, want string
	}{
		{"catalogue.yaml", CatalogueFormat},
		{"pricebook.yaml", PriceBookFormat},
		{"concept.yaml", ConceptFormat},
	} {
		got, err := DetectFormat([]byte(MustRead(t, tt.file)))
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.file, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		data string
		err  error
	}{
		{"name: x\n", ErrFormat},
		{"format: bokonsept/tender@1\n", ErrFormat},
		{"format: something/else\n", ErrFormat},
		{"format: bokonsept/pricebook@7\n", ErrVersion},
		{"", ErrEmpty},
	} {
		if _, err := DetectFormat([]byte(tt.data)); !errors.Is(err, tt.err) {
			t.Errorf("%q: got %v, want %v", tt.data, err, tt.err)
		}
	}
}

func TestValidateFile(t *testing.T) {
	for _, name := range []string{"catalogue.yaml", "pricebook.yaml", "concept.yaml"} {
		if err := ValidateFile(filepath.Join("testdata", name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	err := ValidateFile(filepath.Join("testdata", "nothing.yaml"))
	if !hasError(err, 0, 0, "the file does not exist") {
		t.Errorf("missing file: got %v", err)
	}
	path := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(path, []byte("name: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ValidateFile(path); !errors.Is(err, ErrFormat) || Errors(err)[0].File != path {
		t.Errorf("no format: got %v", err)
	}
}

func TestBuiltin(t *testing.T) {
	if len(strings.TrimSpace(string(assets.CatalogueYAML))) == 0 {
		t.Skip("assets/catalogue.yaml is still empty")
	}
	cat, err := Builtin()
	if err != nil {
		t.Fatalf("the built-in catalogue is invalid:\n%v", err)
	}
	if cat.Path != BuiltinCatalogue {
		t.Errorf("Path = %q, want %q", cat.Path, BuiltinCatalogue)
	}
	for _, id := range []string{"solenga", "reveskogen"} {
		if cat.Family(id) == nil {
			t.Errorf("family %q missing", id)
		}
	}
	for _, id := range []string{"fla", "nesbyen", "gol", "hemsedal", "al", "hol"} {
		if cat.Municipality(id) == nil {
			t.Errorf("municipality %q missing", id)
		}
	}
	cat.UnitTypes[0].Rates["2"] = NewRange(1, 2, 3)
	cat.UnitTypes = nil
	again, err := Builtin()
	if err != nil || len(again.UnitTypes) == 0 || again.UnitTypes[0].Rates["2"].High.IntPart() == 3 {
		t.Errorf("changing a Builtin() copy changed the next one")
	}
	if err := NewProject(again).Validate(); err != nil {
		t.Errorf("NewProject on the built-in catalogue is invalid:\n%v", err)
	}
}

func TestNewProject(t *testing.T) {
	cat, err := LoadCatalogue(filepath.Join("testdata", "catalogue.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := NewProject(cat)
	if err := p.Validate(); err != nil {
		t.Fatalf("new project is invalid:\n%v", err)
	}
	a := p.Concept.Assumptions
	for _, tt := range []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"common", a.CommonCostsPercent, decimal.NewFromInt(10)},
		{"general", a.GeneralCostsPercent, decimal.NewFromInt(12)},
		{"factor", a.RegionalFactor, decimal.NewFromInt(1)},
		{"limit", a.FirstTimeBuyerLimit, decimal.NewFromInt(3_000_000)},
	} {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s = %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if got, want := a.Simulation, (Simulation{Iterations: 20000, Seed: 1}); got != want {
		t.Errorf("simulation = %+v, want %+v", got, want)
	}
	if len(p.Concept.Variants) != 1 || p.Concept.Variants[0].Units[0].Type != "solenga-2r" {
		t.Errorf("variants = %+v", p.Concept.Variants)
	}
	if got, want := p.Concept.Municipality, "gol"; got != want {
		t.Errorf("municipality = %q, want %q", got, want)
	}
}

func TestValidate_InMemory(t *testing.T) {
	p := MustLoadProject(t)
	c := p.Concept.Clone()
	c.Variants[0].Units[0].Count = 0
	c.Variants[1].Units = nil
	c.Assumptions.Simulation.Iterations = -1
	want := []string{
		`assumptions: simulation: iterations -1 is out of range 0 to 1000000 (0 turns the simulation off)`,
		`variant "A - 24 boliger": unit "solenga-2r": count 0 is out of range 1 to 10000`,
		`variant "A priced by Hallingbygg": units is empty; a variant needs at least one unit line such as {type: solenga-2r, count: 12}`,
	}
	if got := c.Validate(); got == nil || got.Error() != strings.Join(want, "\n") {
		t.Errorf("got:\n%v\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	c = p.Concept.Clone()
	c.Variants[0].Units[0].Type = "nope"
	q := &Project{Path: "ny.yaml", Concept: c, Catalogue: p.Catalogue, PriceBooks: p.PriceBooks}
	err := q.Validate()
	if got, want := err.Error(), `ny.yaml: variant "A - 24 boliger": unit "nope": unit type "nope" is not in catalogue "Testkatalog"; check the spelling`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	cat := p.Catalogue.Clone()
	cat.UnitTypes[0].Area.BRAi = decimal.NewFromInt(-1)
	cat.SiteItems[0].Unit = "km"
	want = []string{
		`unit type "solenga-2r": area: bra_i -1 is below 0`,
		`site item "vei": unit "km" is not one of m, m2, piece, dwelling, parking, site_m2, bra_m2`,
	}
	if got := cat.Validate(); got == nil || got.Error() != strings.Join(want, "\n") {
		t.Errorf("got:\n%v\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	// A document as loaded keeps its positions.
	pb := p.PriceBooks["pricebook.yaml"]
	pb.SiteItems["vei"] = PriceBookSiteItem{Rate: NewRange(3, 2, 1)}
	want = []string{
		filepath.Join("testdata", "pricebook.yaml") + `:9:15: site item "vei": rate: low 3 is above likely 2`,
		filepath.Join("testdata", "pricebook.yaml") + `:9:15: site item "vei": rate: likely 2 is above high 1`,
	}
	if got := pb.Validate(); got == nil || got.Error() != strings.Join(want, "\n") {
		t.Errorf("got:\n%v\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestClone(t *testing.T) {
	p := MustLoadProject(t)
	orig := p.Concept
	c := orig.Clone()
	if !equalDocs(orig, c) {
		t.Fatalf("clone differs from the original")
	}
	c.Variants[0].Units[0].Count = 99
	*c.Variants[0].SiteItems[0].Quantity = decimal.NewFromInt(1)
	*c.Site.Zoning.MaxStoreys = 9
	*c.Site.Zoning.MaxBYAPercent = decimal.NewFromInt(1)
	c.Assumptions.UncertaintyFactors[0].AppliesTo[0] = "9"
	c.Variants = append(c.Variants, Variant{Name: "ny"})
	if orig.Variants[0].Units[0].Count != 12 || orig.Variants[0].SiteItems[0].Quantity.IntPart() != 120 ||
		*orig.Site.Zoning.MaxStoreys != 3 || orig.Site.Zoning.MaxBYAPercent.IntPart() != 35 ||
		orig.Assumptions.UncertaintyFactors[0].AppliesTo[0] != "2" || len(orig.Variants) != 2 {
		t.Errorf("changing the clone changed the original")
	}
	pb := p.PriceBooks["pricebook.yaml"]
	pc := pb.Clone()
	pc.UnitTypes["solenga-2r"].Rates["2"] = NewRange(1, 1, 1)
	pc.SiteItems["vei"] = PriceBookSiteItem{}
	if !equalDocs(pb, MustLoadProject(t).PriceBooks["pricebook.yaml"]) {
		t.Errorf("changing a price book clone changed the original")
	}
	if (*Concept)(nil).Clone() != nil {
		t.Errorf("nil clone")
	}
}

// equalDocs compares two documents field by field, decimals by value and
// number of decimals, ignoring unexported fields.
func equalDocs(a, b any) bool {
	return equalValues(reflect.ValueOf(a), reflect.ValueOf(b))
}

func equalValues(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	if a.Type() == decimalType {
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		return x.Equal(y) && (x.IsZero() || x.Exponent() == y.Exponent())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValues(a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !equalValues(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValues(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !b.MapIndex(k).IsValid() || !equalValues(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}

// TestNewProjectFor checks that a new concept starts with the chosen
// family's first dwelling type, and that it passes validation.
func TestNewProjectFor(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for family, want := range map[string]string{"reveskogen": "reveskogen-mikrohus", "solenga": "solenga-mikro", "": "solenga-mikro", "nope": "solenga-mikro"} {
		p := NewProjectFor(cat, family)
		if got := p.Concept.Variants[0].Units[0].Type; got != want {
			t.Errorf("family %q: first unit %q, want %q", family, got, want)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("family %q: %v", family, err)
		}
	}
}
