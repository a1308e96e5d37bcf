// Command genconcepts writes the large concepts the window benchmark
// (scripts/bench_window.sh) opens, into a folder:
//
//	go run ./scripts/genconcepts -out /tmp/concepts
//
// It writes catalogue.yaml, the built-in catalogue with generated unit
// types and site items beside its own (copies of the Solenga flats and of
// the site items priced per metre, square metre or piece, under new ids);
// big.yaml, the Solenga sample with one variant of 5 000 dwellings on 100
// unit lines and 200 site items from that catalogue; and variants50.yaml,
// the Solenga sample with 50 variants (variants A and B of the sample,
// each with its own counts). Every file is checked by loading it as the
// window does.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// The sizes of the generated concepts.
const (
	bigLines     = 100
	bigDwellings = 5000
	bigSiteItems = 200
	variants     = 50
)

func main() {
	out := flag.String("out", "", "folder to write the concepts into (created when missing)")
	root := flag.String("root", ".", "the repository's root, where assets/ is")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genconcepts: -out is required")
		os.Exit(2)
	}
	if err := run(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genconcepts:", err)
		os.Exit(1)
	}
}

func run(root, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	units, items, err := writeCatalogue(filepath.Join(root, "assets", "catalogue.yaml"), filepath.Join(out, "catalogue.yaml"))
	if err != nil {
		return err
	}
	sample, err := os.ReadFile(filepath.Join(root, "assets", "samples", "solenga-gol.yaml"))
	if err != nil {
		return err
	}
	if err := writeConcept(sample, filepath.Join(out, "big.yaml"), func(c *concepts.Concept) {
		bigConcept(c, units, items)
	}); err != nil {
		return err
	}
	return writeConcept(sample, filepath.Join(out, "variants50.yaml"), manyVariants)
}

// writeCatalogue copies the catalogue at src to dst with generated unit
// types and site items added, and returns the ids of the unit types (at
// least bigLines) and site items (at least bigSiteItems) a concept may use
// with any count or quantity.
func writeCatalogue(src, dst string) (units, items []string, err error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	top := doc.Content[0]
	unitSeq, itemSeq := mapValue(top, "unit_types"), mapValue(top, "site_items")
	if unitSeq == nil || itemSeq == nil {
		return nil, nil, fmt.Errorf("%s: no unit_types or site_items", src)
	}
	var flats, quantified []*yaml.Node
	for _, n := range unitSeq.Content {
		if scalar(n, "kind") == "dwelling" && scalar(n, "family") == "solenga" {
			flats = append(flats, n)
		}
	}
	for _, n := range itemSeq.Content {
		switch scalar(n, "unit") {
		case "m", "m2", "piece":
			if mapValue(n, "available_in") == nil {
				quantified = append(quantified, n)
			}
		}
	}
	if len(flats) == 0 || len(quantified) == 0 {
		return nil, nil, fmt.Errorf("%s: no Solenga flats or site items by quantity to copy", src)
	}
	for k := 0; len(units) < bigLines; k++ {
		n := copyWithID(flats[k%len(flats)], fmt.Sprintf("-g%03d", k))
		unitSeq.Content = append(unitSeq.Content, n)
		units = append(units, scalar(n, "id"))
	}
	for k := 0; len(items) < bigSiteItems; k++ {
		n := copyWithID(quantified[k%len(quantified)], fmt.Sprintf("-g%03d", k))
		itemSeq.Content = append(itemSeq.Content, n)
		items = append(items, scalar(n, "id"))
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, nil, err
	}
	if _, err := concepts.DecodeCatalogue(dst, buf.Bytes()); err != nil {
		return nil, nil, err
	}
	return units, items, os.WriteFile(dst, buf.Bytes(), 0o644)
}

// bigConcept makes variant A of c the 5 000-dwelling variant on the
// generated catalogue and drops the other variants.
func bigConcept(c *concepts.Concept, units, items []string) {
	c.Name = "Generert: 5 000 boliger"
	c.Catalogue = "catalogue.yaml"
	// A site large enough for the dwellings to pass the zoning checks.
	c.Site.AreaM2 = decimal.NewFromInt(900_000)
	v := concepts.Variant{Name: "A – 5 000 boliger"}
	total := 0
	for i, id := range units[:bigLines] {
		n := bigDwellings/bigLines + i%3 - 1
		v.Units = append(v.Units, concepts.UnitLine{Type: id, Count: n})
		total += n
	}
	v.Units[bigLines-1].Count += bigDwellings - total
	for i, id := range items[:bigSiteItems] {
		q := decimal.NewFromInt(int64(1 + i%7))
		v.SiteItems = append(v.SiteItems, concepts.SiteItemLine{Item: id, Quantity: &q})
	}
	c.Variants = []concepts.Variant{v}
}

// manyVariants gives c 50 variants, copies of its variants without a price
// book, each with another count on its last line, so that no two simulate
// alike and a count typed on the first line of the first variant gives a
// model no other variant has.
func manyVariants(c *concepts.Concept) {
	var base []concepts.Variant
	for _, v := range c.Variants {
		if v.PriceBook == "" {
			base = append(base, v)
		}
	}
	c.Name = "Generert: 50 varianter"
	c.Variants = nil
	for k := range variants {
		v := base[k%len(base)]
		v.Name = fmt.Sprintf("V%02d – %s", k+1, v.Name)
		v.Units = append([]concepts.UnitLine(nil), v.Units...)
		v.Units[len(v.Units)-1].Count += k / len(base)
		v.SiteItems = append([]concepts.SiteItemLine(nil), v.SiteItems...)
		v.Layout = nil
		c.Variants = append(c.Variants, v)
	}
}

// writeConcept decodes sample, changes it with edit, writes it to dst and
// checks that it loads.
func writeConcept(sample []byte, dst string, edit func(*concepts.Concept)) error {
	c, err := concepts.DecodeConcept(dst, sample)
	if err != nil {
		return err
	}
	edit(c)
	data, err := concepts.EncodeConcept(c, nil)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	_, err = concepts.LoadProject(dst, concepts.LoadOptions{})
	return err
}

// mapValue returns the value of key in the mapping node m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// scalar returns the scalar value of key in m, or "".
func scalar(m *yaml.Node, key string) string {
	if v := mapValue(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// copyWithID deep-copies the mapping node n, appends suffix to its id and
// to its names in every language.
func copyWithID(n *yaml.Node, suffix string) *yaml.Node {
	c := deepCopy(n)
	if id := mapValue(c, "id"); id != nil {
		id.Value += suffix
	}
	if name := mapValue(c, "name"); name != nil {
		for i := 1; i < len(name.Content); i += 2 {
			name.Content[i].Value += " " + suffix[1:]
		}
	}
	return c
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = deepCopy(k)
	}
	return &c
}
