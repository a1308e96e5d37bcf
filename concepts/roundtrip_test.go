package concepts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestEncodeConcept_RoundTrip(t *testing.T) {
	orig := []byte(MustRead(t, "concept.yaml"))
	c1, err := DecodeConcept("konsept.yaml", orig)
	if err != nil {
		t.Fatal(err)
	}
	for _, withComments := range []bool{false, true} {
		var original []byte
		if withComments {
			original = orig
		}
		out, err := EncodeConcept(c1, original)
		if err != nil {
			t.Fatal(err)
		}
		c2, err := DecodeConcept("saved.yaml", out)
		if err != nil {
			t.Fatalf("saved concept does not load: %v\n%s", err, out)
		}
		if !equalDocs(c1, c2) {
			t.Errorf("load → save → load changed the concept:\n%s", out)
		}
		again, err := EncodeConcept(c2, out)
		if err != nil || !bytes.Equal(again, out) {
			t.Errorf("saving twice gives different files:\n%s\n---\n%s", out, again)
		}
	}
}

// TestEncodeConcept_Format checks the saved file against docs/FORMATS.md's
// layout: flow style for ranges and small records, plain numbers.
func TestEncodeConcept_Format(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(MustRead(t, "concept.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	out, err := EncodeConcept(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `format: bokonsept/concept@1
name: Solenga Gol sentrum
catalogue: catalogue.yaml
municipality: gol
revision: {id: A, date: 2026-11-27, note: Første utkast}
site:
  area_m2: 6200
  paved_m2: 800.50
  land_cost: 2500000
  zoning:
    max_bya_percent: 35
    max_bra_percent: 90
    min_mua_per_dwelling: 30
    max_storeys: 3
    min_dwellings_per_daa: 2
    parking_per_dwelling: 1.0
assumptions:
  common_costs_percent: 10
  general_costs_percent: 12.50
  regional_factor: 1.0
  price_adjustment_percent: 0
  first_time_buyer_limit: 3000000
  simulation: {iterations: 20000, seed: 1}
  uncertainty_factors:
    - {name: Markedssituasjon, applies_to: ["2", "3", "4", "5", "6", "7"], range: [0.95, 1.0, 1.15]}
variants:
  - name: A - 24 boliger
    units:
      - {type: solenga-2r, count: 12}
      - {type: solenga-fellesbygg, count: 1}
    site_items:
      - {item: vei, quantity: 120}
      - {item: va}
  - name: A priced by Hallingbygg
    pricebook: pricebook.yaml
    units:
      - {type: solenga-2r, count: 12}
`
	if got := string(out); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestEncodeConcept_KeepsComments(t *testing.T) {
	orig := MustRead(t, "concept.yaml")
	c, err := DecodeConcept("konsept.yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	// Unchanged, the file is written back byte for byte, comment
	// alignment included.
	if out, err := EncodeConcept(c, []byte(orig)); err != nil || string(out) != orig {
		t.Errorf("unchanged concept saved differently (%v):\n%s", err, out)
	}
	// Edit the concept as the GUI would: move the variants around, change
	// a count, add a line.
	c.Variants[0], c.Variants[1] = c.Variants[1], c.Variants[0]
	c.Variants[1].Units[0].Count = 14
	q := decimal.NewFromInt(40)
	c.Variants[0].SiteItems = append(c.Variants[0].SiteItems, SiteItemLine{Item: "vei", Quantity: &q})
	out, err := EncodeConcept(c, []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"# Solenga i Gol sentrum: a test concept.\nformat: bokonsept/concept@1\n",
		"catalogue: catalogue.yaml  # next to this file\n",
		"  paved_m2: 800.50 # roads and hard surfaces\n",
		"  # The first variant is the reference.\n  - name: A - 24 boliger\n",
		"      - {type: solenga-2r, count: 14} # twelve flats\n",
		"# Site works come later.\n",
		"# End of concept.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("saved file lacks %q:\n%s", want, got)
		}
	}
	if _, err := DecodeConcept("saved.yaml", out); err != nil {
		t.Errorf("saved file does not load: %v", err)
	}
}

func TestSaveProject(t *testing.T) {
	path := writeProject(t, MustRead(t, "concept.yaml"))
	p, err := LoadProject(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.Concept.Name = "Solenga, revidert"
	if err := SaveProject(p, nil); err != nil {
		t.Fatal(err)
	}
	q, err := LoadProject(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !equalDocs(p.Concept, q.Concept) {
		t.Errorf("saved project differs")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# End of concept.") || !strings.Contains(string(data), "name: Solenga, revidert\n") {
		t.Errorf("saved file:\n%s", data)
	}
	if err := SaveProject(&Project{Concept: p.Concept}, nil); err == nil {
		t.Errorf("saving without a path: want an error")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("content = %q, want %q", got, "new")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
	}
	// Writing into a folder that does not exist fails and leaves nothing.
	if err := WriteFileAtomic(filepath.Join(dir, "no", "b.yaml"), []byte("x")); err == nil {
		t.Errorf("want an error for a missing folder")
	}
	// Writing over a folder fails and leaves no temporary file.
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "sub"), []byte("x")); err == nil {
		t.Errorf("want an error writing over a folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only a.yaml and sub", names)
	}
}

// TestSamples checks that the sample concepts and price books load and
// survive a round trip.
func TestSamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "assets", "samples", "*.yaml"))
	if len(paths) == 0 {
		t.Skip("no samples yet")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if err := ValidateFile(path); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f, _ := DetectFormat(data); f != ConceptFormat {
				return
			}
			c, err := DecodeConcept(path, data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := EncodeConcept(c, data)
			if err != nil {
				t.Fatal(err)
			}
			c2, err := DecodeConcept("saved.yaml", out)
			if err != nil || !equalDocs(c, c2) {
				t.Errorf("round trip failed: %v\n%s", err, out)
			}
		})
	}
}

// TestEncodeConcept_AwkwardText checks that text YAML would read as
// something else survives a round trip.
func TestEncodeConcept_AwkwardText(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(MustRead(t, "concept.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"A: b", "# not a comment", " leading", "trailing ", "yes", "no", "on", "null", "~", "123", "1.50", "0x10",
		"2026-11-27", "[1, 2]", "{a: b}", "line\nbreak", "tab\there", "quote \" and ' both", "æøå ÆØÅ", "- dash", "&anchor", "*alias", "!tag", "@at", "`tick`",
	} {
		// Names refuse control characters; a note may have line breaks and tabs.
		name := strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
		c.Name = name
		c.Revision.Note = s
		c.Revision.ID = name
		c.Variants[1].Name = name
		c.Variants[1].PriceBook = s
		out, err := EncodeConcept(c, nil)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		c2, err := DecodeConcept("saved.yaml", out)
		if err != nil {
			t.Fatalf("%q: saved concept does not load: %v\n%s", s, err, out)
		}
		if !equalDocs(c, c2) {
			t.Errorf("%q: round trip changed the concept:\n%s", s, out)
		}
	}
}
