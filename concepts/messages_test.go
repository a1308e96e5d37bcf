package concepts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
)

// TestMessages_KeysTranslated checks that every message key in the
// package's source has a text in every language, and that every text of
// the concepts translations is used.
func TestMessages_KeysTranslated(t *testing.T) {
	keyRe := regexp.MustCompile(`"(concepts\.[a-z0-9_.]*[a-z0-9_])"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in the source", len(used))
	}
	for _, lang := range i18n.Languages {
		table, err := i18n.Table(lang)
		if err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if _, ok := table[k]; !ok {
				t.Errorf("%s: key %q has no text", lang, k)
			}
		}
		for k := range table {
			if strings.HasPrefix(k, "concepts.") && !used[k] {
				t.Errorf("%s: key %q is not used", lang, k)
			}
		}
	}
}

// checkLocalized fails when a problem in err does not render in every
// language: a missing key, a key shown instead of its text, or a fmt error
// ("%!s(…)") from arguments that do not fit the text.
func checkLocalized(t *testing.T, err error) {
	t.Helper()
	for _, lang := range i18n.Languages {
		l := i18n.New(lang)
		for _, e := range Errors(err) {
			if e.Key == "" {
				t.Errorf("%s: no key: %v", lang, e)
				continue
			}
			msg := e.Text(l)
			if got, want := e.Message(l), e.prefix()+msg; got != want {
				t.Errorf("%s: Message %q, want %q", lang, got, want)
			}
			if strings.Contains(msg, "concepts.") || strings.Count(msg, "%!") > strings.Count(e.Msg, "%!") {
				t.Errorf("%s: badly rendered: %q (Msg %q)", lang, msg, e.Msg)
			}
		}
	}
}

func TestMessage_Norwegian(t *testing.T) {
	nb := i18n.New("nb")
	cat := MustRead(t, "catalogue.yaml")
	con := MustRead(t, "concept.yaml")
	decodeCat := func(s string) error { _, err := DecodeCatalogue("katalog.yaml", []byte(s)); return err }
	decodeCon := func(s string) error { _, err := DecodeConcept("konsept.yaml", []byte(s)); return err }
	project := func(s string) error { _, err := LoadProject(writeProject(t, s), LoadOptions{}); return err }
	for _, tt := range []struct {
		name string
		err  error
		want string // the message of the first error, after the file name
	}{
		{"low above likely", decodeCat(edit(t, cat, `"2": [17000, 19000, 23000]`, `"2": [21000, 19000, 23000]`)),
			"29:12: enhetstype «solenga-2r»: rates «2»: lav 21\u00a0000 er høyere enn forventet 19\u00a0000"},
		{"unknown field", decodeCat(edit(t, cat, "    storeys: 3\n", "    storey: 3\n")),
			"17:5: enhetstype «solenga-2r»: mangler det påkrevde feltet «storeys»"},
		{"wrong type", decodeCon(edit(t, con, "count: 12} # twelve", "count: many} # twelve")),
			"31:35: variant «A - 24 boliger»: enhet «solenga-2r»: count: trenger et heltall, ikke «many»"},
		{"count", decodeCon(edit(t, con, "count: 12} # twelve", "count: 12000} # twelve")),
			"31:35: variant «A - 24 boliger»: enhet «solenga-2r»: count 12\u00a0000 er utenfor området 1 til 10\u00a0000"},
		{"decimal comma", decodeCon(edit(t, con, "area_m2: 6200", "area_m2: 6200,5")),
			"8:12: site: area_m2: trenger et tall med desimalpunktum, for eksempel 12.5, ikke «6200,5»"},
		{"paved area", decodeCon(edit(t, con, "paved_m2: 800.50", "paved_m2: 6200.50")),
			"9:13: site: paved_m2 6\u00a0200,5 er større enn tomtens area_m2 6\u00a0200"},
		{"dangling unit type", project(edit(t, con, "type: solenga-2r, count: 12} # twelve", "type: nope, count: 12} # twelve")),
			"31:16: variant «A - 24 boliger»: enhet «nope»: enhetstypen «nope» finnes ikke i katalogen «Testkatalog»; sjekk stavemåten"},
		{"dangling municipality", project(edit(t, con, "municipality: gol", "municipality: oslo")),
			"5:15: kommunen «oslo» finnes ikke i katalogen «Testkatalog» (den har gol og hemsedal)"},
		{"wrong kind", decodeCon(cat),
			"2:9: dette er en katalog (bokonsept/catalogue@1), ikke et konsept (bokonsept/concept@1)"},
		{"missing price book", project(edit(t, con, "pricebook: pricebook.yaml", "pricebook: borte.yaml")),
			"37:16: variant «A priced by Hallingbygg»: prisbokfilen «borte.yaml» finnes ikke (stier regnes fra mappen konseptfilen ligger i)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Errors(tt.err)
			if len(l) == 0 {
				t.Fatal("no error")
			}
			got := l[0].Message(nb)
			if _, after, _ := strings.Cut(got, ".yaml:"); after != tt.want {
				t.Errorf("got  %q\nwant %q", after, tt.want)
			}
			checkLocalized(t, tt.err)
		})
	}
}

func TestMessage_FileProblems(t *testing.T) {
	nb := i18n.New("nb")
	_, err := LoadCatalogue(filepath.Join(t.TempDir(), "borte.yaml"))
	if got, want := Errors(err)[0].Message(nb), "kan ikke lese filen: filen finnes ikke"; !strings.HasSuffix(got, want) {
		t.Errorf("got %q, want … %q", got, want)
	}
	_, err = DecodeCatalogue("stor.yaml", make([]byte, MaxFileSize+1))
	if got, want := Localize(err, nb), "stor.yaml: filen er på 4,0\u00a0MiB; Bokonsept leser filer på opptil 4,0\u00a0MiB: er dette riktig fil?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var b strings.Builder
	b.WriteString("format: bokonsept/concept@1\n")
	for i := range MaxErrors + 10 {
		fmt.Fprintf(&b, "extra%d: 1\n", i)
	}
	_, err = DecodeConcept("k.yaml", []byte(b.String()))
	l := Errors(err)
	if got, want := l[len(l)-1].Message(nb), "k.yaml: … og 11 feil til"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	checkLocalized(t, err)
}

func TestLocalize(t *testing.T) {
	nb := i18n.New("nb")
	_, err := DecodeConcept("k.yaml", []byte("format: bokonsept/concept@2\n"))
	want := "k.yaml:1:9: bokonsept/concept@2 er laget av en nyere Bokonsept; denne versjonen leser @1: oppdater Bokonsept"
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"plain", errors.New("noe gikk galt"), "noe gikk galt"},
		{"list", err, want},
		{"one error", Errors(err)[0], want},
		{"wrapped", fmt.Errorf("åpner prosjektet: %w", err), "åpner prosjektet: " + want},
		{"wrapped one", fmt.Errorf("%w (prøv igjen)", Errors(err)[0]), want + " (prøv igjen)"},
		{"foreign in list", ErrorList{{File: "a.yaml", Line: 2, Msg: "m"}}, "a.yaml:2: m"},
	} {
		if got := Localize(tt.err, nb); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got, want := Localize(err, i18n.New("en")), err.Error(); got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
}

// TestValidateFile_StructureAndReferences checks that a concept's
// references to its catalogue are reported together with the problems of
// its structure.
func TestValidateFile_StructureAndReferences(t *testing.T) {
	con := MustRead(t, "concept.yaml")
	con = edit(t, con, "municipality: gol", "municipality: oslo")
	con = edit(t, con, "date: 2026-11-27", "date: [2026, 11, 27]")
	con = edit(t, con, "{item: vei, quantity: 120}", "{item: veii, quantity: 120}")
	con = edit(t, con, "  paved_m2: 800.50", "  paved_m2: 800,50")
	path := writeProject(t, con)
	err := ValidateFile(path)
	want := []string{
		path + `:5:15: municipality "oslo" is not in catalogue "Testkatalog" (it has gol, hemsedal)`,
		path + `:6:25: revision: date: needs a text, not a list`,
		path + `:9:13: site: paved_m2: needs a number such as 12.5, not "800,50"`,
		path + `:34:16: variant "A - 24 boliger": site item "veii": site item "veii" is not in catalogue "Testkatalog"; check the spelling`,
	}
	if got := fmt.Sprint(err); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	checkLocalized(t, err)
}

// TestLoadProject_PriceBookStructureAndReferences checks that a price
// book's entries the catalogue does not have are reported together with
// the problems of its structure.
func TestLoadProject_PriceBookStructureAndReferences(t *testing.T) {
	dir := filepath.Dir(writeProject(t, MustRead(t, "concept.yaml")))
	pb := MustRead(t, "pricebook.yaml")
	pb = edit(t, pb, "price_level: 2026-11", "price_level: [2026, 11]")
	pb = edit(t, pb, "  solenga-2r:\n", "  solenga-9r:\n")
	pb = edit(t, pb, "  vei: {rate: [2800, 2900, 3300]}", "  veg: {rate: [2800, 2900]}")
	if err := os.WriteFile(filepath.Join(dir, "pricebook.yaml"), []byte(pb), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadProject(filepath.Join(dir, "concept.yaml"), LoadOptions{})
	file := filepath.Join(dir, "pricebook.yaml")
	want := []string{
		file + `:3:14: price_level: needs a text, not a list`,
		file + `:5:3: unit type "solenga-9r": is not a unit type of catalogue "Testkatalog"; check the spelling`,
		file + `:9:3: site item "veg": is not a site item of catalogue "Testkatalog"; check the spelling`,
		file + `:9:15: site item "veg": rate: needs three numbers [low, likely, high], not 2 numbers`,
	}
	if got := fmt.Sprint(err); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	checkLocalized(t, err)
}

func TestMessage_OverlayAndSave(t *testing.T) {
	nb := i18n.New("nb")
	p := MustLoadProject(t)
	pb := p.PriceBooks["pricebook.yaml"].Clone()
	pb.UnitTypes["nope"] = pb.UnitTypes["solenga-2r"]
	p.PriceBooks["pricebook.yaml"] = pb
	_, _, err := p.VariantCatalogue(1)
	if got, want := Localize(err, nb), `variant «A priced by Hallingbygg»: prisbok «Hallingbygg AS, tilbud november 2026»: enhetstypen «nope» finnes ikke i katalogen «Testkatalog»`; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got, want := err.Error(), `variant "A priced by Hallingbygg": price book "Hallingbygg AS, tilbud november 2026": unit type "nope" is not in catalogue "Testkatalog"`; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	_, _, err = p.VariantCatalogue(7)
	if got, want := Localize(err, nb), `konseptet «Solenga Gol sentrum» har ingen variant 8`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	dir := t.TempDir()
	err = WriteFileAtomic(dir, []byte("x"))
	if got, want := Localize(err, nb), "kunne ikke lagre "+dir+": det er ikke en vanlig fil"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	checkLocalized(t, err)
}
