package tender

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
)

// TestReportHasEconomics: the report of a concept with an economics
// section has the chapter "Hvem har råd?" with every household by name,
// every dwelling type's monthly cost and at stress, the subsidy gap in
// total and, for a household that cannot buy a type, what it lacks; the
// tenderers' PDF of the same concept has none of it.
func TestReportHasEconomics(t *testing.T) {
	needTool(t, "pdftotext")
	for _, sample := range samples {
		for _, lang := range []string{"nb", "en"} {
			t.Run(sample+"/"+lang, func(t *testing.T) {
				in := mustInput(t, sample)
				in.Lang = lang
				l := i18n.New(lang)
				x := in.Estimates[0].Economics
				if x == nil || len(x.Households) < 3 || len(x.Types) == 0 {
					t.Fatalf("sample %s has no economics to show", sample)
				}
				var b bytes.Buffer
				if err := WriteReport(&b, in); err != nil {
					t.Fatal(err)
				}
				report := pdfText(t, writeTemp(t, "report.pdf", b.Bytes()), 0, 0)
				want := []string{l.T("tender.econ.title"), l.T("tender.econ.matrix"), l.NOK(x.SubsidyGap.Decimal())}
				for _, ty := range x.Types {
					want = append(want, l.NOK(ty.Monthly.Decimal()), l.NOK(ty.MonthlyStress.Decimal()), l.NOK(ty.SalePrice.Decimal()))
				}
				for h, he := range x.Households {
					want = append(want, he.Household.Name.In(lang), l.NOK(x.Carry(h).Decimal()))
				}
				// the first household that cannot buy the first type: what it lacks
				for h, he := range x.Households {
					if he.Can[0] {
						continue
					}
					equity, income := x.Shortfall(h, 0)
					if equity.IsPositive() {
						want = append(want, l.T("tender.econ.short.equity", l.NOK(equity)))
					}
					if income.IsPositive() {
						want = append(want, l.T("tender.econ.short.income", l.NOK(income)))
					}
					break
				}
				for _, w := range want {
					if !strings.Contains(report, norm(w)) {
						t.Errorf("the report lacks %q", w)
					}
				}

				b.Reset()
				in.Variants = []int{0}
				if err := WriteTender(&b, in, TenderOptions{Force: true}); err != nil {
					t.Fatal(err)
				}
				tender := pdfText(t, writeTemp(t, "tender.pdf", b.Bytes()), 0, 0)
				never := []string{l.T("tender.econ.title"), l.T("tender.econ.col.carry"), l.NOK(x.Types[0].Monthly.Decimal()),
					l.NOK(x.Types[0].SalePrice.Decimal()), l.NOK(x.SubsidyGap.Decimal())}
				for h := range x.Households {
					never = append(never, l.NOK(x.Carry(h).Decimal()))
				}
				for _, w := range never {
					if strings.Contains(tender, norm(w)) {
						t.Errorf("the tenderers' PDF shows %q", w)
					}
				}
				// and it is the same file without the economics section
				in.Project.Concept.Economics = nil
				for _, e := range in.Estimates {
					e.Economics = nil
				}
				var without bytes.Buffer
				if err := WriteTender(&without, in, TenderOptions{Force: true}); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(b.Bytes(), without.Bytes()) {
					t.Error("the tenderers' PDF changes with the economics section")
				}
			})
		}
	}
}

// TestReportWithoutEconomics: a concept without an economics section has
// no such chapter.
func TestReportWithoutEconomics(t *testing.T) {
	needTool(t, "pdftotext")
	in := mustInput(t, samples[0])
	in.Project.Concept.Economics = nil
	for _, e := range in.Estimates {
		e.Economics = nil
	}
	var b bytes.Buffer
	if err := WriteReport(&b, in); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, writeTemp(t, "report.pdf", b.Bytes()), 0, 0)
	if title := i18n.New("nb").T("tender.econ.title"); strings.Contains(text, title) {
		t.Errorf("a report without economics has %q", title)
	}
}
