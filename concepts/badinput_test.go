package concepts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// MustRead returns the content of a file under testdata.
func MustRead(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// edit replaces the one occurrence of old in s with new.
func edit(tb testing.TB, s, old, new string) string {
	tb.Helper()
	if n := strings.Count(s, old); n != 1 {
		tb.Fatalf("edit: %q occurs %d times", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// writeProject writes the test catalogue, price book and the concept into
// a new folder and returns the concept's path.
func writeProject(tb testing.TB, concept string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, data := range map[string]string{
		"catalogue.yaml": MustRead(tb, "catalogue.yaml"),
		"pricebook.yaml": MustRead(tb, "pricebook.yaml"),
		"concept.yaml":   concept,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return filepath.Join(dir, "concept.yaml")
}

// aliasBomb is the "billion laughs" attack in YAML.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("format: bokonsept/catalogue@1\n")
	b.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	return b.String()
}

func TestBadInput(t *testing.T) {
	cat := MustRead(t, "catalogue.yaml")
	con := MustRead(t, "concept.yaml")
	type kind int
	const (
		catalogue kind = iota // DecodeCatalogue("katalog.yaml", input)
		concept               // DecodeConcept("konsept.yaml", input)
		project               // LoadProject of input next to the test catalogue
		file                  // ValidateFile of input written to a file
	)
	tests := []struct {
		name      string
		kind      kind
		input     string
		line, col int    // position of the expected error (0: none)
		msg       string // part of the expected error's message
		sentinel  error  // the expected error wraps it, when not nil
	}{
		{"unknown field", catalogue, edit(t, cat, "    storeys: 3\n", "    storeys: 3\n    colour: red\n"),
			25, 5, `unit type "solenga-2r": unknown field "colour"`, nil},
		{"misspelt field", catalogue, edit(t, cat, "    storeys: 3\n", "    storey: 3\n"),
			24, 5, `unknown field "storey"; did you mean "storeys"?`, nil},
		{"wrong type", concept, edit(t, con, "count: 12} # twelve", "count: many} # twelve"),
			31, 35, `variant "A - 24 boliger": unit "solenga-2r": count: needs a whole number, not "many"`, nil},
		{"negative count", concept, edit(t, con, "count: 12} # twelve", "count: -2} # twelve"),
			31, 35, `unit "solenga-2r": count -2 is out of range 1 to 10000`, nil},
		{"fractional count", concept, edit(t, con, "count: 12} # twelve", "count: 2.5} # twelve"),
			31, 35, `count: needs a whole number, not 2.5`, nil},
		{"low above likely", catalogue, edit(t, cat, `"2": [17000, 19000, 23000]`, `"2": [21000, 19000, 23000]`),
			29, 12, `unit type "solenga-2r": rates "2": low 21000 is above likely 19000`, nil},
		{"likely above high", catalogue, edit(t, cat, `"2": [17000, 19000, 23000]`, `"2": [17000, 24000, 23000]`),
			29, 12, `rates "2": likely 24000 is above high 23000`, nil},
		{"dangling unit type", project, edit(t, con, "type: solenga-2r, count: 12} # twelve", "type: solenga-9r, count: 12} # twelve"),
			31, 16, `unit type "solenga-9r" is not in catalogue "Testkatalog"`, nil},
		{"dangling site item", project, edit(t, con, "{item: vei, quantity: 120}", "{item: veii, quantity: 120}"),
			34, 16, `site item "veii" is not in catalogue`, nil},
		{"dangling municipality", project, edit(t, con, "municipality: gol", "municipality: oslo"),
			5, 15, `municipality "oslo" is not in catalogue "Testkatalog" (it has gol, hemsedal)`, nil},
		{"dangling family", catalogue, edit(t, cat, "    family: solenga\n    kind: shared", "    family: solengaa\n    kind: shared"),
			37, 13, `unit type "solenga-fellesbygg": family "solengaa" is not in the catalogue's families`, nil},
		{"duplicate id", catalogue, edit(t, cat, "  - id: reveskogen\n", "  - id: solenga\n"),
			13, 9, `family "solenga": id "solenga" is used twice`, nil},
		{"duplicate key", catalogue, edit(t, cat, "    storeys: 3\n", "    storeys: 3\n    storeys: 4\n"),
			25, 5, `"storeys" appears twice (first on line 24)`, nil},
		{"missing required field", catalogue, edit(t, cat, "    storeys: 3\n", ""),
			17, 5, `unit type "solenga-2r": missing required field "storeys"`, nil},
		{"variant without units", concept, edit(t, con, "    units:\n      - {type: solenga-2r, count: 12}\n", "    units: []\n"),
			38, 12, `variant "A priced by Hallingbygg": units is empty`, nil},
		{"missing catalogue file", project, edit(t, con, "catalogue: catalogue.yaml", "catalogue: gone.yaml"),
			4, 12, `catalogue file "gone.yaml" does not exist`, nil},
		{"missing price book file", project, edit(t, con, "pricebook: pricebook.yaml", "pricebook: gone.yaml"),
			37, 16, `variant "A priced by Hallingbygg": price book file "gone.yaml" does not exist`, nil},
		{"quantity needed", project, edit(t, con, "{item: vei, quantity: 120}", "{item: vei}"),
			34, 9, `variant "A - 24 boliger": site item "vei": needs a quantity: it is priced per m, such as {item: vei, quantity: 120}`, nil},
		{"missing format line", concept, edit(t, con, "format: bokonsept/concept@1\n", ""),
			2, 1, `missing format line`, ErrFormat},
		{"wrong format", catalogue, con,
			2, 9, `this is a concept (bokonsept/concept@1), not a catalogue`, ErrFormat},
		{"future version", concept, edit(t, con, "concept@1", "concept@2"),
			2, 9, `made by a newer Bokonsept; this version reads @1`, ErrVersion},
		{"alias bomb", catalogue, aliasBomb(),
			2, 4, `anchor &a is not allowed`, ErrAlias},
		{"alias", concept, edit(t, con, "  area_m2: 6200\n  paved_m2: 800.50", "  area_m2: &a 6200\n  paved_m2: *a"),
			8, 12, `anchor &a is not allowed (aliases using it: 1)`, ErrAlias},
		{"binary garbage", catalogue, "\x7fELF\x02\x01\x01\x00\x00\x00garbage",
			1, 8, `not a text file`, ErrNotText},
		{"invalid UTF-8", concept, edit(t, con, "Første", "F\xf8rste"),
			6, 44, `not a text file`, ErrNotText},
		{"BOM accepted", concept, "\ufeff" + con, 0, 0, "", nil},
		{"BOM keeps positions", concept, "\ufeff" + edit(t, con, "name: Solenga Gol sentrum", "nam: x"),
			3, 1, `unknown field "nam"; did you mean "name"?`, nil},
		{"tabs", catalogue, edit(t, cat, "    storeys: 3\n", "\tstoreys: 3\n"),
			24, 1, `YAML needs spaces for indentation`, ErrSyntax},
		{"empty file", catalogue, "", 0, 0, `the file is empty`, ErrEmpty},
		{"only spaces", concept, " \n\n ", 0, 0, `the file is empty`, ErrEmpty},
		{"only comments", concept, "# nothing yet\n", 0, 0, `only comments`, ErrEmpty},
		{"syntax error", concept, edit(t, con, "  area_m2: 6200", "  area_m2: [6200"),
			8, 0, `YAML syntax: did not find a comma or ] in the [ ] list; does every [ have its ]?`, ErrSyntax},
		{"two documents", concept, con + "---\nformat: x\n", 42, 0, `a second YAML document`, ErrSyntax},
		{"bad date", concept, edit(t, con, "date: 2026-11-27", "date: 2026-13-27"),
			6, 25, `revision: date "2026-13-27" is not a real date`, nil},
		{"bad account", catalogue, edit(t, cat, `account: "76"`, `account: "6"`),
			0, 0, `account "6" is not an NS 3451 code under 7`, nil},
		{"bad rate code", catalogue, edit(t, cat, `"31": [2600`, `"71": [2600`),
			30, 7, `rates "71": "71" is not an NS 3451 code for posts 2-6`, nil},
		{"BRA above BTA", catalogue, edit(t, cat, "bta: 62", "bta: 50"),
			27, 56, `area: BRA 53 (bra_i + bra_e + bra_b) is above bta 50`, nil},
		{"zero BRA-i dwelling", catalogue, edit(t, cat, "bra_i: 48", "bra_i: 0"),
			27, 19, `area: bra_i is 0; a dwelling needs`, nil},
		{"municipality item not derived", catalogue, edit(t, cat, "items: [gol-va]", "items: [vei]"),
			0, 0, `municipality "gol": items: site item "vei" is priced per m`, nil},
		{"iterations out of range", concept, edit(t, con, "iterations: 20000", "iterations: 2000000"),
			24, 28, `iterations 2000000 is out of range 0 to 1000000`, nil},
		{"regional factor zero", concept, edit(t, con, "regional_factor: 1.0", "regional_factor: 0"),
			21, 20, `regional_factor 0 is out of range`, nil},
		{"factor range zero", concept, edit(t, con, "range: [0.95, 1.0, 1.15]", "range: [0, 1.0, 1.15]"),
			26, 83, `uncertainty factor "Markedssituasjon": range: low 0 must be above 0`, nil},
		{"factor code", concept, edit(t, con, `applies_to: ["2", "3",`, `applies_to: ["2", "x3",`),
			26, 50, `applies_to: "x3" is not an NS 3451 code`, nil},
		{"duplicate variant", concept, edit(t, con, "name: A priced by Hallingbygg", "name: A - 24 boliger"),
			36, 11, `name "A - 24 boliger" is used twice`, nil},
		{"site area zero", concept, edit(t, con, "area_m2: 6200", "area_m2: 0"),
			8, 12, `site: area_m2 0 must be above 0`, nil},
		{"number as text", concept, edit(t, con, "area_m2: 6200", "area_m2: stor"),
			8, 12, `site: area_m2: needs a number such as 12.5, not "stor"`, nil},
		{"range of two", catalogue, edit(t, cat, `[17000, 19000, 23000]`, `[17000, 19000]`),
			29, 12, `needs three numbers [low, likely, high], not 2 numbers`, nil},
		{"comma in flow text", catalogue, edit(t, cat, "{nb: Fellesbygg, en: Common house}", "{nb: Fellesbygg, stort, en: Common house}"),
			40, 33, `put text that has a comma in quotes`, nil},
		{"price level outside the index", project, edit(t, con, "  simulation: {", "  price_level: 2030-01\n  simulation: {"),
			24, 16, `assumptions: month "2030-01" is not in the building cost index of catalogue "Testkatalog" (it covers 2025-06 – 2026-11)`, nil},
		{"price level in the index", project, edit(t, con, "  simulation: {", "  price_level: 2026-11\n  simulation: {"), 0, 0, "", nil},
		{"price level not a month", concept, edit(t, con, "  simulation: {", "  price_level: 2026-13\n  simulation: {"),
			24, 16, `price_level "2026-13" is not a month YYYY-MM`, nil},
		{"risk probability above 100", concept, edit(t, con, "variants:\n", "risks:\n  - {name: Fjell, probability_percent: 120, cost: [1, 2, 3]}\nvariants:\n"),
			28, 40, `risk "Fjell": probability_percent 120 is out of range`, nil},
		{"risk low above likely", concept, edit(t, con, "variants:\n", "risks:\n  - {name: Fjell, probability_percent: 25, cost: [900000, 800000, 2000000]}\nvariants:\n"),
			28, 50, `risk "Fjell": cost: low 900000 is above likely 800000`, nil},
		{"risk vat defaults", concept, edit(t, con, "variants:\n", "risks:\n  - {name: Fjell, probability_percent: 25, cost: [300000, 800000, 2000000]}\nvariants:\n"), 0, 0, "", nil},
		{"site item of another municipality", project, edit(t, con, "{item: vei, quantity: 120}", "{item: vei, quantity: 120}\n      - {item: hemsedal-gebyr}"),
			35, 16, `site item "hemsedal-gebyr" belongs to municipality "hemsedal", but the concept is in "gol"`, nil},
		{"municipality lists another's item", catalogue, edit(t, cat, "items: []", "items: [gol-va]"),
			0, 0, `municipality "hemsedal": items: site item "gol-va" belongs to municipality "gol"`, nil},
		{"site item of an unknown municipality", catalogue, edit(t, cat, "    municipality: hemsedal\n", "    municipality: oslo\n"),
			0, 0, `site item "hemsedal-gebyr": municipality "oslo" is not among the catalogue's municipalities`, nil},
		{"cost index lacks the catalogue's level", catalogue, edit(t, cat, `{"2025-06": 100.0, `, `{"2025-07": 100.0, `),
			0, 0, `cost_index: the index lacks the catalogue's own price level "2025-06"`, nil},
		{"cost index bad month", catalogue, edit(t, cat, `"2026-11": 104.1`, `"2026-1": 104.1`),
			0, 0, `"2026-1" is not a month YYYY-MM`, nil},
		{"cost index zero", catalogue, edit(t, cat, `"2026-11": 104.1`, `"2026-11": 0`),
			0, 0, `the index value for "2026-11" is 0`, nil},
		{"land cost too large", concept, edit(t, con, "land_cost: 2500000", "land_cost: 9300000000000000000"),
			10, 14, `site: land_cost 9300000000000000000 is too large: at most 100000000000`, nil},
		{"25-digit rate", catalogue, edit(t, cat, `"2": [17000, 19000, 23000]`, `"2": [17000, 19000, 1000000000000000000000000]`),
			29, 12, `rates "2": 1000000000000000000000000 is too large: at most 10000000`, nil},
		{"quantity too large", concept, edit(t, con, "{item: vei, quantity: 120}", "{item: vei, quantity: 120000000}"),
			34, 31, `site item "vei": quantity 120000000 is too large: at most 10000000`, nil},
		{"area too large", catalogue, edit(t, cat, "bta: 62", "bta: 6200000"),
			27, 56, `area: bta 6200000 is too large: at most 100000`, nil},
		{"control character in a name", concept, edit(t, con, "name: Solenga Gol sentrum", `name: "Solenga\u001b[31m"`),
			3, 7, `name has a control character ("\x1b") that cannot be shown`, nil},
		{"NUL in a variant name", concept, edit(t, con, "name: A - 24 boliger", `name: "A\u0000"`),
			29, 11, `name has a control character ("\x00")`, nil},
		{"name too long", concept, edit(t, con, "name: Solenga Gol sentrum", "name: "+strings.Repeat("x", 201)),
			3, 7, `name has 201 characters; at most 200 are allowed`, nil},
		{"unknown price book unit type", file, edit(t, MustRead(t, "pricebook.yaml"), "format: bokonsept/pricebook@1", "format: bokonsept/pricebook@1\nextra: 1"),
			2, 1, `unknown field "extra"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			mem := measure(func() {
				switch tt.kind {
				case catalogue:
					_, err = DecodeCatalogue("katalog.yaml", []byte(tt.input))
				case concept:
					_, err = DecodeConcept("konsept.yaml", []byte(tt.input))
				case project:
					_, err = LoadProject(writeProject(t, tt.input), LoadOptions{})
				case file:
					path := filepath.Join(t.TempDir(), "fil.yaml")
					if werr := os.WriteFile(path, []byte(tt.input), 0o644); werr != nil {
						t.Fatal(werr)
					}
					err = ValidateFile(path)
				}
			})
			checkLimits(t, mem)
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("want no error, got:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("want an error with %q, got none", tt.msg)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("error does not wrap %v:\n%v", tt.sentinel, err)
			}
			if !hasError(err, tt.line, tt.col, tt.msg) {
				t.Errorf("want an error at %d:%d with %q, got:\n%v", tt.line, tt.col, tt.msg, err)
			}
			checkLocalized(t, err)
		})
	}
}

// hasError reports whether err holds an error at line:col (any position
// when line is 0) whose message has msg.
func hasError(err error, line, col int, msg string) bool {
	for _, e := range Errors(err) {
		if strings.Contains(e.Msg, msg) && (line == 0 || e.Line == line && e.Column == col) {
			return true
		}
	}
	return false
}

// measure returns how long f took and how many bytes it allocated.
// measure runs f and returns the bytes it allocated. How long bad input
// takes is measured by the benchmarks in badinput_bench_test.go, not here.
func measure(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// checkLimits fails when bad input allocated more than 200 MB.
func checkLimits(t *testing.T, mem uint64) {
	t.Helper()
	if mem > 200<<20 {
		t.Errorf("allocated %d MB, want at most 200 MB", mem>>20)
	}
}

func TestBadInputHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stor.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("format: bokonsept/catalogue@1 # padding padding padding padding padding\n")
	chunk := bytes.Repeat(line, 1<<20/len(line)+1)
	for written := 0; written < 50<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func(string) error{
		"LoadCatalogue": func(p string) error { _, err := LoadCatalogue(p); return err },
		"LoadPriceBook": func(p string) error { _, err := LoadPriceBook(p); return err },
		"LoadProject":   func(p string) error { _, err := LoadProject(p, LoadOptions{}); return err },
		"ValidateFile":  ValidateFile,
	} {
		t.Run(name, func(t *testing.T) {
			var err error
			mem := measure(func() { err = load(path) })
			checkLimits(t, mem)
			if !errors.Is(err, ErrTooLarge) || !hasError(err, 0, 0, "the file is 50.0 MiB; Bokonsept reads files up to 4.0 MiB") {
				t.Errorf("want ErrTooLarge naming the sizes, got %v", err)
			}
			if got := Errors(err)[0].File; got != path {
				t.Errorf("error names file %q, want %q", got, path)
			}
		})
	}
	t.Run("DecodeCatalogue", func(t *testing.T) {
		data := make([]byte, MaxFileSize+1)
		_, err := DecodeCatalogue("stor.yaml", data)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("want ErrTooLarge, got %v", err)
		}
	})
}

// manyNodes returns a concept of about size bytes that gives the most
// YAML nodes per byte.
func manyNodes(size int) []byte {
	var b bytes.Buffer
	b.WriteString("format: bokonsept/concept@1\nname: [")
	for b.Len() < size {
		b.WriteString("1,")
	}
	b.WriteString("1]\n")
	return b.Bytes()
}

// TestBadInputManyNodes checks that a file made to give the most YAML
// nodes per byte is rejected before parsing when it is too big, and parses
// within the limits just below the bound.
func TestBadInputManyNodes(t *testing.T) {
	var err error
	mem := measure(func() { _, err = DecodeConcept("nodes.yaml", manyNodes(MaxFileSize-10)) })
	checkLimits(t, mem)
	if !errors.Is(err, ErrTooLarge) || !hasError(err, 0, 0, "too many entries") {
		t.Errorf("want ErrTooLarge, got %v", err)
	}
	mem = measure(func() { _, err = DecodeConcept("nodes.yaml", manyNodes(2*maxStructure-100)) })
	checkLimits(t, mem)
	if !hasError(err, 2, 7, "name: needs a text, not a list") {
		t.Errorf("got %v", err)
	}
	t.Logf("%d nodes: %d MB", maxStructure, mem>>20)
}

func TestDecodeConcept_Seed(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	c, err := DecodeConcept("k.yaml", []byte(edit(t, con, "seed: 1}", "seed: 18446744073709551615}")))
	if err != nil || c.Assumptions.Simulation.Seed != 1<<64-1 {
		t.Errorf("largest seed: %v", err)
	}
	for seed, want := range map[string]string{
		"-1":                   "seed: needs a whole number from 0 to 18446744073709551615, not -1",
		"18446744073709551616": "seed: number too large: at most 18446744073709551615",
		"1e30":                 "seed: number too large: at most 18446744073709551615",
		"1.5":                  "seed: needs a whole number, not 1.5",
		"x":                    `seed: needs a whole number, not "x"`,
	} {
		_, err := DecodeConcept("k.yaml", []byte(edit(t, con, "seed: 1}", "seed: "+seed+"}")))
		if !hasError(err, 24, 41, want) {
			t.Errorf("seed %s: got %v, want %q", seed, err, want)
		}
	}
}

func TestDecodeConcept_Numbers(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	_, err := DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n  zoning:", "  land_cost: \"2_500_000.0\"\n  paved_m2b: 1\n  zoning:")))
	if !hasError(err, 11, 3, `site: unknown field "paved_m2b"; did you mean "paved_m2"?`) {
		t.Errorf("got %v", err)
	}
	_, err = DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: 2_500_000.0\n  zoning:\n")))
	if !hasError(err, 12, 3, `"zoning" appears twice (first on line 11)`) {
		t.Errorf("got %v", err)
	}
	c, err := DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost:\n")))
	if err != nil || !c.Site.LandCost.IsZero() {
		t.Errorf("optional field without value: %v, %v", c, err)
	}
	c, err = DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: 2_500_000.0\n")))
	if err != nil || c.Site.LandCost.String() != "2500000" {
		t.Errorf("2_500_000.0: %v, %v", c, err)
	}
	_, err = DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: 1e3\n")))
	if !hasError(err, 10, 14, `site: land_cost: write the number in digits, with a decimal point if needed, without an exponent: not "1e3"`) {
		t.Errorf("1e3: got %v", err)
	}
	for _, bad := range []string{"0x10", ".inf", ".nan", "[1]", "12,5"} {
		_, err = DecodeConcept("k.yaml", []byte(edit(t, con, "  land_cost: 2500000\n", "  land_cost: "+bad+"\n")))
		if !hasError(err, 10, 14, `site: land_cost: needs a number such as 12.5`) {
			t.Errorf("%s: got %v", bad, err)
		}
	}
}
