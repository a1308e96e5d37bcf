package tender

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// tenderHoldout loads the hold-out concept of testdata (not a sample) and
// estimates every variant: 0 passes every check, 1 breaks the zoning
// plan's BYA, 2 is priced with a price book.
func tenderHoldout(tb testing.TB) Input {
	tb.Helper()
	p, err := concepts.LoadProject("testdata/tender-holdout.yaml", concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	in := Input{Project: p, Lang: "nb", Version: "test"}
	for i := range p.Concept.Variants {
		e, err := costing.Run(context.Background(), p, i)
		if err != nil {
			tb.Fatal(err)
		}
		in.Estimates = append(in.Estimates, e)
	}
	return in
}

// estimateFigures are the texts of the municipality's estimate of e that
// must never reach the tenderers: the totals, P50 and P85, every post and
// row amount, and every likely unit price of the catalogue (and with the
// regional factor), each as an amount ("1 234 kr") and as a bare number.
func estimateFigures(l *i18n.Locale, p *concepts.Project, e *costing.Estimate) map[string]string {
	out := map[string]string{}
	add := func(what string, v decimal.Decimal) {
		if v.Abs().LessThan(decimal.NewFromInt(10000)) {
			return // too short to be told from a quantity or a year
		}
		out[l.NOK(v)] = what
		out[l.Number(v, 0)] = what
	}
	t := e.Totals
	add("huskostnad", t.Huskostnad)
	add("entreprisekostnad", t.Entreprisekostnad)
	add("byggekostnad", t.Byggekostnad)
	add("basiskostnad", t.Basiskostnad)
	add("prosjektkostnad", t.Prosjektkostnad)
	add("kostnadsramme", t.Kostnadsramme)
	add("kostnadsramme inkl. prisregulering", t.KostnadsrammeInklPrisregulering)
	add("P50", *e.P50)
	add("P85", *e.P85)
	for post, v := range e.Posts {
		add(fmt.Sprintf("post %d", post), v)
	}
	for _, r := range e.Rows {
		add("row amount", r.Amount)
	}
	rf := p.Concept.Assumptions.RegionalFactor
	for _, u := range p.Catalogue.UnitTypes {
		for code, r := range u.Rates {
			add("likely rate "+u.ID+" "+code, r.Likely)
			add("likely rate × r "+u.ID+" "+code, r.Likely.Mul(rf))
		}
		for code, r := range u.Fixed {
			add("likely fixed "+u.ID+" "+code, r.Likely)
			add("likely fixed × r "+u.ID+" "+code, r.Likely.Mul(rf))
		}
	}
	for _, s := range p.Catalogue.SiteItems {
		add("likely rate "+s.ID, s.Rate.Likely)
		add("likely rate × r "+s.ID, s.Rate.Likely.Mul(rf))
	}
	return out
}

// TestTenderHasNoEstimate: the tenderers' PDF of the hold-out concept holds
// none of the estimate's figures and does hold the competition's facts;
// the report holds the figures.
func TestTenderHasNoEstimate(t *testing.T) {
	needTool(t, "pdftotext")
	for _, lang := range []string{"nb", "en"} {
		in := tenderHoldout(t)
		in.Lang = lang
		l := i18n.New(lang)
		e := in.Estimates[0]
		in.Variants = []int{0}
		var b bytes.Buffer
		if err := WriteTender(&b, in, TenderOptions{}); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, writeTemp(t, "tender.pdf", b.Bytes()), 0, 0)
		flat := strings.Join(strings.Fields(text), " ")
		for fig, what := range estimateFigures(l, in.Project, e) {
			if strings.Contains(flat, norm(fig)) {
				t.Errorf("%s: the tenderers' PDF shows %s (%q)", lang, what, fig)
			}
		}
		for _, word := range []string{"P50", "P85", l.T("total.kostnadsramme"), l.T("total.entreprisekostnad"), "Kontrollbygg"} {
			if strings.Contains(flat, word) {
				t.Errorf("%s: the tenderers' PDF names %q", lang, word)
			}
		}
		// the competition: 15.02.2027-style dates, NS 8407, the criteria
		deadline, valid := "19.03.2027", "18.06.2027"
		if lang == "en" {
			deadline, valid = "19 March 2027", "18 June 2027"
		}
		for _, want := range []string{"NS 8407", deadline, valid, l.T("tender.procedure.open"),
			in.Project.Concept.Tender.AwardCriteria[1].Name.In(lang), l.PercentFixed(decimal.NewFromInt(55), 1),
			// the specification and the quantities a builder prices by:
			// 18 flats in 3 storeys, 4 a floor per lift: ceil(18 / 12) = 2 lifts;
			// the plant for 18 × 3 = 54 persons; 145 m of road
			in.Project.Catalogue.UnitTypes[0].Specification["23"].In(lang),
			l.T("tender.qty.pieces", "2"), l.T("tender.qty.sewage.capacity", "54"), l.Fixed(decimal.NewFromInt(145), 1),
		} {
			if !strings.Contains(flat, norm(want)) {
				t.Errorf("%s: the tenderers' PDF lacks %q", lang, want)
			}
		}

		b.Reset()
		in.Variants = []int{0, 1, 2}
		if err := WriteReport(&b, in); err != nil {
			t.Fatal(err)
		}
		report := strings.Join(strings.Fields(pdfText(t, writeTemp(t, "report.pdf", b.Bytes()), 0, 0)), " ")
		for _, want := range []string{l.NOK(e.Totals.Kostnadsramme), l.NOK(e.Totals.Entreprisekostnad), l.NOK(*e.P50), l.NOK(*e.P85),
			l.NOK(e.Posts[2]), l.T("tender.report.internal"), "Fjell i grunnen", "Kontrollbygg AS"} {
			if !strings.Contains(report, norm(want)) {
				t.Errorf("%s: the report lacks %q", lang, want)
			}
		}
		pages := pageCount(t, writeTemp(t, "report.pdf", b.Bytes()))
		if got := strings.Count(report, norm(l.T("tender.report.internal"))); got < pages {
			t.Errorf("%s: the report is marked internal %d times on %d pages", lang, got, pages)
		}
	}
}

// TestTenderRefused: a variant that breaks the zoning plan and one priced
// with a price book are refused, and written with Force, whose cover says
// why; several variants are refused too.
func TestTenderRefused(t *testing.T) {
	needTool(t, "pdftotext")
	in := tenderHoldout(t)
	for _, tc := range []struct {
		variant int
		want    error
		cause   string
	}{
		{1, ErrFailing, "zoning.bya"},
		{2, ErrPriceBook, "Kontrollbygg AS"},
	} {
		in.Variants = []int{tc.variant}
		var b bytes.Buffer
		err := WriteTender(&b, in, TenderOptions{})
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.cause) {
			t.Errorf("variant %d: %v, want %v naming %q", tc.variant, err, tc.want, tc.cause)
		}
		if b.Len() != 0 {
			t.Errorf("variant %d: %d bytes written when refused", tc.variant, b.Len())
		}
		if err := WriteTender(&b, in, TenderOptions{Force: true}); err != nil {
			t.Fatalf("variant %d with Force: %v", tc.variant, err)
		}
		cover := strings.Join(strings.Fields(pdfText(t, writeTemp(t, "forced.pdf", b.Bytes()), 1, 1)), " ")
		if !strings.Contains(cover, "skulle ikke vært sendt ut på anbud") || !strings.Contains(cover, tc.cause) {
			t.Errorf("variant %d: the cover does not say why it was forced:\n%s", tc.variant, cover)
		}
	}
	in.Variants = []int{0, 1}
	if err := WriteTender(&bytes.Buffer{}, in, TenderOptions{Force: true}); !errors.Is(err, ErrVariant) {
		t.Errorf("two variants: %v, want ErrVariant", err)
	}
}

// TestPDFPagesFilled: no page of either document of either sample is less
// than a third full, except the cover, the contents, the last page and a
// page before a chapter that starts on a new page; and no section heading
// is the last thing on its page.
func TestPDFPagesFilled(t *testing.T) {
	third := marginTop + (bottomLimit-marginTop)/3
	for _, sample := range samples {
		for _, kind := range []docKind{kindTender, kindReport} {
			in := mustInput(t, sample)
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
			last := d.pdf.PageCount()
			for p := tocFirstPage + d.tocPages; p < last; p++ {
				if d.fill[p] < third && !d.chapterStart[p+1] {
					t.Errorf("%s/%d: page %d is filled to %.0f mm of %.0f, and page %d starts no chapter",
						sample, kind, p, d.fill[p]-marginTop, bottomLimit-marginTop, p+1)
				}
			}
			for _, e := range d.toc {
				if e.Level == 1 && e.Y > bottomLimit-20 {
					t.Errorf("%s/%d: heading %s %q stands at the foot of page %d", sample, kind, e.Num, e.Title, e.Page)
				}
			}
		}
	}
}

// TestPDFLang: the catalogue names the document's language, and the file
// still reads (the cross-reference offset moved with it).
func TestPDFLang(t *testing.T) {
	needTool(t, "pdfinfo")
	for _, lang := range []string{"nb", "en"} {
		in := mustInput(t, samples[1])
		in.Lang = lang
		pdf := mustPDF(t, in)
		want := map[string]string{"nb": "/Lang (nb-NO)", "en": "/Lang (en-GB)"}[lang]
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("%s: no %s", lang, want)
		}
		out, err := runTool("pdfinfo", writeTemp(t, "lang.pdf", pdf))
		if err != nil || strings.Contains(out, "rror") {
			t.Errorf("%s: pdfinfo: %v\n%s", lang, err, out)
		}
	}
}

func TestTypeset(t *testing.T) {
	type testCase struct{ in, want string }
	for _, tc := range []testCase{
		{"Sum eks. mva. i kapittel 2", "Sum eks.\u00a0mva. i kapittel\u00a02"},
		{"120 m vei og 60 PE", "120\u00a0m vei og 60\u00a0PE"},
		{"TEK17 § 12-3 og post 1–7", "TEK17 §\u00a012-3 og post\u00a01–7"},
		{"minst 30 % klima", "minst 30\u00a0% klima"},
		{"Ingen tall her", "Ingen tall her"},
		{"3 mål", "3 mål"},
	} {
		if got := typeset(tc.in); got != tc.want {
			t.Errorf("typeset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// runTool runs a command-line tool and returns its output and error
// output together.
func runTool(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}
