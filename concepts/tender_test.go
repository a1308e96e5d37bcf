package concepts

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// tenderBlock is a tender section put before the variants of the test
// concept (testdata/concept.yaml), whose "variants:" is on line 27: the
// section takes lines 27-35.
const tenderBlock = `tender:
  procedure: open
  contract: NS 8407
  deadline: 2027-02-15
  valid_until: 2027-05-15
  award_criteria:
    - {name: {nb: Pris, en: Price}, weight: 60}
    - {name: {nb: Klima og miljø, en: Climate and environment}, weight: 30, climate: true}
    - {name: {nb: Gjennomføring, en: Delivery}, weight: 10}
variants:
`

// withTender returns the test concept with tenderBlock.
func withTender(tb testing.TB) string {
	tb.Helper()
	return edit(tb, MustRead(tb, "concept.yaml"), "variants:\n", tenderBlock)
}

// specBlock is a specification added to the catalogue's solenga-2r after
// its requirements (line 35), taking lines 36-38.
const specBlock = `    requirements: {nb: [Trinnfri adkomst.], en: [Step-free access.]}
    specification:
      "21": {nb: Plate på mark med isolert ringmur, en: Insulated slab on ground}
      "23": {nb: "Bindingsverk i tre, U-verdi 0,18", en: "Timber frame, U-value 0.18"}
`

func withSpecification(tb testing.TB) string {
	tb.Helper()
	return edit(tb, MustRead(tb, "catalogue.yaml"), "    requirements: {nb: [Trinnfri adkomst.], en: [Step-free access.]}\n", specBlock)
}

func TestDecodeConcept_Tender(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withTender(t)))
	if err != nil {
		t.Fatal(err)
	}
	td := c.Tender
	if td == nil || len(td.AwardCriteria) != 3 {
		t.Fatalf("tender not decoded: %+v", td)
	}
	if td.Procedure != ProcedureOpen || td.Contract != ContractNS8407 || td.Deadline != "2027-02-15" || td.ValidUntil != "2027-05-15" {
		t.Errorf("tender = %+v", td)
	}
	a := td.AwardCriteria[1]
	if a.Name.In("en") != "Climate and environment" || !a.Weight.Equal(decimal.NewFromInt(30)) || !a.Climate || td.AwardCriteria[0].Climate {
		t.Errorf("criterion 2 = %+v", a)
	}
}

func TestBadInputTender(t *testing.T) {
	con := withTender(t)
	tests := []struct {
		name      string
		input     string
		line, col int    // position of the expected error
		msg       string // part of the expected error's message ("" for none)
	}{
		{"valid", con, 0, 0, ""},
		{"unknown procedure", edit(t, con, "procedure: open", "procedure: direct"),
			28, 14, `tender: procedure "direct" is not one of open`},
		{"unknown contract", edit(t, con, "contract: NS 8407", "contract: NS 3430"),
			29, 13, `tender: contract "NS 3430" is not one of "NS 8405"`},
		{"NS 8405", edit(t, con, "contract: NS 8407", "contract: NS 8405"), 0, 0, ""},
		{"deadline not a date", edit(t, con, "deadline: 2027-02-15", "deadline: 15.02.2027"),
			30, 13, `tender: deadline "15.02.2027" is not a date YYYY-MM-DD`},
		{"deadline not a real date", edit(t, con, "deadline: 2027-02-15", "deadline: 2027-02-30"),
			30, 13, `tender: deadline "2027-02-30" is not a real date`},
		{"valid until before deadline", edit(t, con, "valid_until: 2027-05-15", "valid_until: 2027-01-15"),
			31, 16, `valid_until "2027-01-15" (how long a bid binds) is before the deadline "2027-02-15"`},
		{"no criteria", edit(t, con, "  award_criteria:\n    - {name: {nb: Pris, en: Price}, weight: 60}\n    - {name: {nb: Klima og miljø, en: Climate and environment}, weight: 30, climate: true}\n    - {name: {nb: Gjennomføring, en: Delivery}, weight: 10}\n", "  award_criteria: []\n"),
			32, 19, `tender: award_criteria is empty`},
		{"weight 0", edit(t, con, "weight: 10}", "weight: 0}"),
			35, 57, `weight 0 is out of range: above 0 and at most 100`},
		{"weight above 100", edit(t, con, "weight: 60}", "weight: 160}"),
			33, 45, `weight 160 is out of range`},
		{"criterion without a name", edit(t, con, "{nb: Pris, en: Price}", "{}"),
			33, 14, `name is empty`},
		{"unknown key", edit(t, con, "procedure: open", "procedure: open\n  lots: 2"),
			29, 3, `tender: unknown field "lots"`},
		{"deadline missing", edit(t, con, "  deadline: 2027-02-15\n", ""),
			28, 3, `missing required field "deadline"`},
		{"climate not a bool", edit(t, con, "climate: true", "climate: ja"),
			34, 86, `climate: needs true or false, not "ja"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeConcept("konsept.yaml", []byte(tt.input))
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("want no error, got:\n%v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("want an error with %q, got none", tt.msg)
			}
			if !hasError(err, tt.line, tt.col, tt.msg) {
				t.Errorf("want an error at %d:%d with %q, got:\n%v", tt.line, tt.col, tt.msg, err)
			}
			checkLocalized(t, err)
		})
	}
}

func TestEncodeConcept_TenderRoundTrip(t *testing.T) {
	orig := []byte(withTender(t))
	c1, err := DecodeConcept("konsept.yaml", orig)
	if err != nil {
		t.Fatal(err)
	}
	for _, original := range [][]byte{nil, orig} {
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
		// Dates unquoted, criteria in flow style.
		for _, want := range []string{
			"tender:\n  procedure: open\n  contract: NS 8407\n  deadline: 2027-02-15\n  valid_until: 2027-05-15\n  award_criteria:\n",
			"    - {name: {en: Climate and environment, nb: Klima og miljø}, weight: 30, climate: true}\n",
		} {
			if !strings.Contains(string(out), want) {
				t.Errorf("saved file lacks %q:\n%s", want, out)
			}
		}
	}
}

func TestConcept_CloneTender(t *testing.T) {
	c, err := DecodeConcept("konsept.yaml", []byte(withTender(t)))
	if err != nil {
		t.Fatal(err)
	}
	cp := c.Clone()
	if !equalDocs(c, cp) {
		t.Fatal("clone differs")
	}
	cp.Tender.AwardCriteria[0].Name["nb"] = "Endret"
	cp.Tender.AwardCriteria[1].Weight = decimal.NewFromInt(1)
	cp.Tender.Deadline = "2030-01-01"
	orig, _ := DecodeConcept("konsept.yaml", []byte(withTender(t)))
	if !equalDocs(c, orig) {
		t.Error("changing the clone changed the original")
	}
}

func TestDecodeCatalogue_Specification(t *testing.T) {
	cat, err := DecodeCatalogue("katalog.yaml", []byte(withSpecification(t)))
	if err != nil {
		t.Fatal(err)
	}
	u := cat.UnitType("solenga-2r")
	if got := u.Specification["23"].In("en"); got != "Timber frame, U-value 0.18" {
		t.Errorf("specification 23 = %q", got)
	}
	cp := cat.Clone()
	cp.UnitType("solenga-2r").Specification["21"]["nb"] = "Endret"
	if got := u.Specification["21"].In("nb"); got != "Plate på mark med isolert ringmur" {
		t.Errorf("changing the clone changed the original: %q", got)
	}
	for _, tt := range []struct {
		name, old, new string
		line, col      int
		msg            string
	}{
		{"three digits", `"23":`, `"231":`, 38, 7, `unit type "solenga-2r": specification "231": "231" is not an NS 3451 code`},
		{"empty text", `{nb: Plate på mark med isolert ringmur, en: Insulated slab on ground}`, `{}`, 37, 13, `specification "21": the text is empty`},
		{"not per language", `{nb: Plate på mark med isolert ringmur, en: Insulated slab on ground}`, `Plate på mark`, 37, 13, `needs a text per language`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCatalogue("katalog.yaml", []byte(edit(t, withSpecification(t), tt.old, tt.new)))
			if err == nil || !hasError(err, tt.line, tt.col, tt.msg) {
				t.Errorf("want an error at %d:%d with %q, got:\n%v", tt.line, tt.col, tt.msg, err)
			}
		})
	}
}
