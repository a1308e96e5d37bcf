package tender

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// mustPDF writes the PDF of in, failing the test on error.
func mustPDF(tb testing.TB, in Input) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, in); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// needTool skips the test when a command-line tool is missing.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (apt-get install poppler-utils); skipping", name)
	}
}

// writeTemp writes data to a file in the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var spaces = regexp.MustCompile(`\s+`)

// norm folds the no-break space and every run of white space to one
// space, as text extraction does not keep them apart.
func norm(s string) string {
	return spaces.ReplaceAllString(strings.ReplaceAll(s, "\u00a0", " "), " ")
}

// pdfText extracts the text of a PDF (of pages first to last when > 0).
func pdfText(t *testing.T, path string, first, last int) string {
	t.Helper()
	return pdfTextArgs(t, path, first, last)
}

// pdfTextArgs is pdfText with more pdftotext options.
func pdfTextArgs(t *testing.T, path string, first, last int, more ...string) string {
	t.Helper()
	args := append([]string{"-enc", "UTF-8"}, more...)
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return norm(string(out))
}

// pageCount reads the page count with pdfinfo.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// chapterTitles are the titles every report with several variants has.
func chapterTitles(l *i18n.Locale) []string {
	var out []string
	for i := 1; i <= 8; i++ {
		out = append(out, l.T("tender.ch"+strconv.Itoa(i)+".title"))
	}
	return append(out, l.T("tender.report.title"), l.T("tender.src.title"), l.T("tender.report.internal"),
		l.T("tender.contents.title"), l.T("tender.revisions.title"))
}

// area and pct format an area and a percentage as the documents do: one
// decimal always.
func area(l *i18n.Locale, v decimal.Decimal) string { return l.Fixed(v, 1) + "\u00a0m²" }
func pct(l *i18n.Locale, v decimal.Decimal) string  { return l.PercentFixed(v, 1) }

func TestPDFTextHasChaptersAndFigures(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	for _, sample := range samples {
		for _, lang := range []string{"nb", "en"} {
			t.Run(sample+"/"+lang, func(t *testing.T) {
				in := mustInput(t, sample)
				in.Lang = lang
				path := writeTemp(t, "doc.pdf", mustPDF(t, in))
				text := pdfText(t, path, 0, 0)
				l := i18n.New(lang)
				for _, title := range chapterTitles(l) {
					if !strings.Contains(text, norm(title)) {
						t.Errorf("text lacks %q", title)
					}
				}
				for _, e := range in.Estimates {
					want := []string{
						e.Variant,
						l.NOK(e.Totals.Kostnadsramme),
						l.NOK(e.Totals.Entreprisekostnad),
						l.NOK(e.Totals.Basiskostnad),
						l.NOK(e.Totals.KostnadsrammeInklPrisregulering),
						area(l, e.Area.BTA),
						pct(l, e.Density.BYAPercent),
					}
					if e.P50 != nil {
						want = append(want, l.NOK(*e.P50), l.NOK(*e.P85))
					}
					if e.PerDwelling.Kostnadsramme != nil {
						want = append(want, l.NOK(*e.PerDwelling.Kostnadsramme))
					}
					for _, c := range e.Checks {
						want = append(want, c.Message(l))
					}
					for _, w := range want {
						if !strings.Contains(text, norm(w)) {
							t.Errorf("%s: text lacks %q", e.Variant, w)
						}
					}
				}
				if n := pageCount(t, path); n < 12 || n > 80 {
					t.Errorf("%d pages, want 12 to 80", n)
				}
			})
		}
	}
}

// TestPDFContentsPageNumbers checks that every heading of the table of
// contents stands on the page the contents give for it.
func TestPDFContentsPageNumbers(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	c, err := in.check()
	if err != nil {
		t.Fatal(err)
	}
	c.kind = kindReport
	d, err := renderPDF(c)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "doc.pdf", b.Bytes())
	if len(d.toc) < 20 {
		t.Fatalf("only %d contents entries", len(d.toc))
	}
	contents := pdfTextArgs(t, path, tocFirstPage, tocFirstPage+d.tocPages-1, "-layout")
	for _, e := range d.toc {
		page := pdfText(t, path, e.Page, e.Page)
		if !strings.Contains(page, norm(e.Title)) {
			t.Errorf("%s %q is not on page %d", e.Num, e.Title, e.Page)
		}
		if line := norm(e.Num + " " + e.Title); !strings.Contains(contents, line) {
			t.Errorf("contents lack %q", line)
		}
	}
	if d.splits != 0 {
		t.Errorf("%d words were too wide for their column and were broken", d.splits)
	}
	// a bookmark for every heading plus the cover, revisions and contents,
	// and a link from every line of the contents
	pdf := b.Bytes()
	if got, want := bytes.Count(pdf, []byte("<</Title ")), len(d.toc)+3; got != want {
		t.Errorf("%d bookmarks, want %d", got, want)
	}
	if got, want := bytes.Count(pdf, []byte("/Subtype /Link")), len(d.toc); got != want {
		t.Errorf("%d links, want %d", got, want)
	}
}

// TestPDFNoBrokenWords checks that no text is too wide for its column in
// any sample and language.
func TestPDFNoBrokenWords(t *testing.T) {
	for _, sample := range samples {
		for _, lang := range []string{"nb", "en"} {
			for _, kind := range []docKind{kindTender, kindReport} {
				in := mustInput(t, sample)
				in.Lang = lang
				if kind == kindTender {
					in.Variants = []int{0}
				}
				c, err := in.check()
				if err != nil {
					t.Fatal(err)
				}
				c.kind = kind
				d, err := renderPDF(c)
				if err != nil {
					t.Fatal(err)
				}
				if d.splits != 0 {
					t.Errorf("%s/%s/%d: %d words broken inside: %q", sample, lang, kind, d.splits, d.splitWords)
				}
			}
		}
	}
}

func TestPDFDeterministic(t *testing.T) {
	for _, sample := range samples {
		in := mustInput(t, sample)
		a, b := mustPDF(t, in), mustPDF(t, mustInput(t, sample))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ (%d and %d bytes)", sample, len(a), len(b))
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20261127")) {
			t.Errorf("%s: creation date is not the revision date", sample)
		}
	}
}

func TestPDFFontsEmbedded(t *testing.T) {
	needTool(t, "pdffonts")
	path := writeTemp(t, "doc.pdf", mustPDF(t, mustInput(t, samples[0])))
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2+3 {
		t.Fatalf("want 3 fonts, pdffonts says:\n%s", out)
	}
	for _, ln := range lines[2:] {
		f := strings.Fields(ln)
		// name type encoding emb sub uni object ID: emb is 5th from the end
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
	}
}

func TestPDFMetadata(t *testing.T) {
	needTool(t, "pdfinfo")
	in := mustInput(t, samples[0])
	path := writeTemp(t, "doc.pdf", mustPDF(t, in))
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	info := string(out)
	for _, want := range []string{
		"Title:           Beslutningsgrunnlag – " + in.Project.Concept.Name,
		"Author:          Gol kommune",
		"Creator:         Bokonsept 1.0.0-test",
		"Keywords:        konkurransegrunnlag",
		"Subject:         " + in.Project.Concept.Name + ": ",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// TestPDFValidate runs pdfcpu validate on both samples. It fetches pdfcpu
// through the Go module proxy and skips when that is not possible.
func TestPDFValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("pdfcpu validation is slow; skipped in -short mode")
	}
	dir := t.TempDir()
	var paths []string
	for _, sample := range samples {
		p := filepath.Join(dir, sample+".pdf")
		if err := os.WriteFile(p, mustPDF(t, mustInput(t, sample)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cmd := exec.Command("go", append([]string{"run", "github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.11.1", "validate"}, paths...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	s := string(out)
	if err != nil && !strings.Contains(s, "validating") {
		t.Skipf("cannot run pdfcpu v0.11.1 (no module proxy?): %v\n%s", err, s)
	}
	if err != nil || strings.Count(s, "validation ok") != len(paths) {
		t.Fatalf("pdfcpu validate: %v\n%s", err, s)
	}
}

// TestFontCoversTexts checks that the embedded fonts have a glyph for every
// character of every translation (the documents' own texts, the check
// messages and the names) and of the number formats.
func TestFontCoversTexts(t *testing.T) {
	var texts []string
	// the areas of the translations the documents use
	areas := []string{"tender.", "check.", "post.", "total.", "kind.", "form.", "unit.", "setting.", "status."}
	for _, lang := range i18n.Languages {
		tab, err := i18n.Table(lang)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range tab {
			for _, a := range areas {
				if strings.HasPrefix(k, a) {
					texts = append(texts, v)
				}
			}
		}
	}
	texts = append(texts, "æøåÆØÅ – « » ² § ≤ ≥ • … \u00a0\u2212 CO₂")
	for _, sample := range samples {
		in := mustInput(t, sample)
		for _, u := range in.Project.Catalogue.UnitTypes {
			texts = append(texts, u.Name.In("nb"), u.Name.In("en"))
			texts = append(texts, u.Requirements.In("nb")...)
			texts = append(texts, u.Requirements.In("en")...)
		}
		for _, f := range in.Project.Catalogue.Families {
			texts = append(texts, f.Name, f.Summary.In("nb"), f.Summary.In("en"))
		}
		texts = append(texts, in.Project.Concept.Name, in.Project.Concept.Revision.Note)
	}
	cover := loadFonts()
	if cover.err != nil {
		t.Fatal(cover.err)
	}
	missing := map[rune]bool{}
	for _, s := range texts {
		for _, r := range s {
			if r == '\n' || missing[r] {
				continue
			}
			for _, ff := range fontFiles {
				if !cover.has(ff.style, r) {
					missing[r] = true
					t.Errorf("no glyph for %q (U+%04X) in style %q", r, r, ff.style)
				}
			}
		}
	}
}

// trimmed returns a copy of p with only its first n variants.
func trimmed(p *concepts.Project, n int) *concepts.Project {
	c := *p.Concept
	c.Variants = c.Variants[:n]
	q := *p
	q.Concept = &c
	return &q
}

func TestPDFOneVariantHasNoComparison(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	in.Project = trimmed(in.Project, 1)
	in.Estimates, in.Variants = in.Estimates[:1], []int{0}
	text := pdfText(t, writeTemp(t, "one.pdf", mustPDF(t, in)), 0, 0)
	l := i18n.New("nb")
	if strings.Contains(text, l.T("tender.ch8.title")) {
		t.Error("a concept with one variant has a comparison chapter")
	}
	if !strings.Contains(text, l.T("tender.src.title")) || !strings.Contains(text, norm(l.NOK(in.Estimates[0].Totals.Kostnadsramme))) {
		t.Error("the report lacks its sources or kostnadsramme")
	}
}

// TestPDFWithoutDwellings writes a variant of shared units only: the
// figures per dwelling are absent and print as "–".
func TestPDFWithoutDwellings(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	p := trimmed(in.Project, 1)
	v := p.Concept.Variants[0]
	var shared []concepts.UnitLine
	for _, u := range v.Units {
		if ut := p.Catalogue.UnitType(u.Type); ut != nil && ut.Kind != concepts.KindDwelling {
			shared = append(shared, u)
		}
	}
	if len(shared) == 0 {
		t.Fatal("the sample has no shared unit")
	}
	v.Units, v.SiteItems = shared, nil
	p.Concept.Variants = []concepts.Variant{v}
	p.Concept.Site.Zoning = nil
	e, err := costing.Run(context.Background(), p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.Dwellings != 0 || e.PerDwelling.Kostnadsramme != nil {
		t.Fatalf("want a variant without dwellings, have %d", e.Dwellings)
	}
	in = Input{Project: p, Estimates: []*costing.Estimate{e}, Variants: []int{0}}
	text := pdfText(t, writeTemp(t, "shared.pdf", mustPDF(t, in)), 0, 0)
	l := i18n.New("nb")
	for _, want := range []string{l.T("tender.ch6.perdwelling.kostnadsramme") + " –", norm(l.NOK(e.Totals.Kostnadsramme))} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestPDFWithoutSimulation(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	for i := range in.Estimates {
		m, err := costing.Compile(in.Project, i)
		if err != nil {
			t.Fatal(err)
		}
		in.Estimates[i] = m.Estimate()
	}
	in.Variants = []int{1}
	text := pdfText(t, writeTemp(t, "nosim.pdf", mustPDF(t, in)), 0, 0)
	if want := i18n.New("nb").T("tender.ch7.nosim"); !strings.Contains(text, norm(want)) {
		t.Errorf("text lacks %q", want)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestBadInput(t *testing.T) {
	good := mustInput(t, samples[0])
	n := len(good.Estimates)
	for _, tc := range []struct {
		name string
		edit func(in *Input)
		want error
	}{
		{"NoProject", func(in *Input) { in.Project = nil }, ErrNoProject},
		{"NoVariant", func(in *Input) { in.Variants = nil }, ErrVariant},
		{"NegativeVariant", func(in *Input) { in.Variants = []int{-1} }, ErrVariant},
		{"UnknownVariant", func(in *Input) { in.Variants = []int{n} }, ErrVariant},
		{"VariantTwice", func(in *Input) { in.Variants = []int{0, 0} }, ErrVariant},
		{"TooFewEstimates", func(in *Input) { in.Estimates = in.Estimates[:n-1] }, ErrEstimates},
		{"NilEstimate", func(in *Input) { in.Estimates = append([]*costing.Estimate{nil}, in.Estimates[1:]...) }, ErrEstimates},
		{"Language", func(in *Input) { in.Lang = "de" }, ErrLang},
		{"RevisionDate", func(in *Input) {
			c := *in.Project.Concept
			c.Revision.Date = "27.11.2026"
			p := *in.Project
			p.Concept = &c
			in.Project = &p
		}, ErrRevisionDate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := good
			in.Variants = append([]int(nil), good.Variants...)
			in.Estimates = append([]*costing.Estimate(nil), good.Estimates...)
			tc.edit(&in)
			var b bytes.Buffer
			if err := WritePDF(&b, in); !errors.Is(err, tc.want) {
				t.Errorf("WritePDF: got %v, want %v", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("WritePDF wrote %d bytes on error", b.Len())
			}
			if err := WriteXLSX(&b, in); !errors.Is(err, tc.want) {
				t.Errorf("WriteXLSX: got %v, want %v", err, tc.want)
			}
		})
	}
	t.Run("FailingWriter", func(t *testing.T) {
		if err := WritePDF(failWriter{}, good); !errors.Is(err, errDiskFull) {
			t.Errorf("WritePDF: got %v, want %v", err, errDiskFull)
		}
		if err := WriteXLSX(failWriter{}, good); !errors.Is(err, errDiskFull) {
			t.Errorf("WriteXLSX: got %v, want %v", err, errDiskFull)
		}
	})
}

// TestPDFSize keeps the largest document within the budget of 2 MB.
func TestPDFSize(t *testing.T) {
	for _, sample := range samples {
		if n := len(mustPDF(t, mustInput(t, sample))); n > 2<<20 {
			t.Errorf("%s: %d bytes, budget 2 MB", sample, n)
		}
	}
}
