package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// economicsJSON is the economics key of a variant in `estimate --json`.
type economicsJSON struct {
	Tenure     string `json:"tenure"`
	SubsidyGap *int64 `json:"subsidy_gap"`
	Types      []struct {
		Type          string `json:"type"`
		Count         int    `json:"count"`
		CostPrice     int64  `json:"cost_price"`
		SalePrice     int64  `json:"sale_price"`
		MarketValue   *int64 `json:"market_value"`
		Gap           *int64 `json:"gap"`
		EquityNeeded  int64  `json:"equity_needed"`
		IncomeNeeded  int64  `json:"income_needed"`
		CommonDebt    int64  `json:"common_debt"`
		Monthly       int64  `json:"monthly"`
		MonthlyStress int64  `json:"monthly_stress"`
	} `json:"types"`
	Households []struct {
		ID        string   `json:"id"`
		Dwellings int      `json:"dwellings"`
		Types     []string `json:"types"`
	} `json:"households"`
}

// variantJSON is the part of a variant of `estimate --json` these tests read.
type variantJSON struct {
	Name      string `json:"name"`
	Dwellings int    `json:"dwellings"`
	Checks    []struct {
		ID, Status, Message string
	} `json:"checks"`
	Economics *economicsJSON `json:"economics"`
}

// estimateJSON runs `estimate --json` on path and decodes its variants.
func estimateJSON(t *testing.T, path string) []variantJSON {
	t.Helper()
	code, out, errOut := runT(t, "estimate", "--json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct{ Variants []variantJSON }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return got.Variants
}

// TestEstimateIndependentEconomics checks the buyer economics of
// `estimate --json` on testdata/independent/economics.yaml against figures
// worked out by hand from the rules of docs/ESTIMATE.md, "Buyer economics".
// The concept is concept.yaml's (iterations 0), so the cost prices are the
// ones TestEstimateIndependent works out: hus C = 4 245 121 (BRA 64 m²),
// mikro C = 1 790 910 (BRA 27 m²).
//
//	terms: margin 7 % + sales 2 %; market 50 000/m²; running 240/m² a year;
//	  loan 6 % over 25 years (n = 300), stress max(6 + 3, 7) = 9 %; equity 15 %;
//	  debt ≤ 5 × income; startlån equity 2 %; cooperative 50 % common debt at
//	  4.8 % over 30 years (n = 360), stress max(4.8 + 3, 7) = 7.8 %
//	sale price S = round(C × 1.09):
//	  hus 4 627 181.89 → 4 627 182; mikro 1 952 091.9 → 1 952 092
//	market value M: hus 50 000 × 64 = 3 200 000; mikro × 27 = 1 350 000
//	gap: hus 1 427 182; mikro 602 092; subsidy gap 4 × 1 427 182 + 3 × 602 092 = 7 515 004
//	equity E = round(15 % × S): hus 694 077.3 → 694 077; mikro 292 813.8 → 292 814
//	loan L = S − E: hus 3 933 105; mikro 1 659 278
//	income I = round(L / 5): hus 786 621; mikro 331 855.6 → 331 856
//	startlån equity round(2 % × S): hus 92 543.64 → 92 544; mikro 39 041.84 → 39 042
//	running costs a month: hus 240 × 64 / 12 = 1 280; mikro 240 × 27 / 12 = 540
//	pmt(L, r, y) = L × i / (1 − (1+i)^−n), i = r/1200:
//	  1.005^300 = 4.464969812…; 1.0075^300 = 9.408414529…
//	  1.004^360 = 4.208589925…; 1.0065^360 = 10.302924584…
//	V1, owner:
//	  hus   pmt(3 933 105, 6) = 25 341.05 + 1 280 = 26 621.05 → 26 621
//	        pmt(3 933 105, 9) = 33 006.47 + 1 280 = 34 286.47 → 34 286
//	  mikro pmt(1 659 278, 6) = 10 690.75 + 540 = 11 230.75 → 11 231
//	        pmt(1 659 278, 9) = 13 924.60 + 540 = 14 464.60 → 14 465
//	V2, cooperative: common debt D = round(50 % × S): hus 2 313 591, mikro 976 046;
//	  own loan L − D: hus 1 619 514, mikro 683 232
//	  hus   pmt(1 619 514, 6) 10 434.55 + pmt(2 313 591, 4.8) 12 138.61 + 1 280
//	        = 23 853.16 → 23 853; stress 13 590.90 + 16 654.86 + 1 280 = 31 525.76 → 31 526
//	  mikro 4 402.07 + 5 120.98 + 540 = 10 063.05 → 10 063;
//	        stress 5 733.66 + 7 026.27 + 540 = 13 299.93 → 13 300
//	households (same in both tenures: banks count the common debt):
//	  ung (332 000, 292 814): mikro: equity 292 814 ≥ 292 814, loan 1 659 278 ≤ 1 660 000;
//	    hus: equity short → 3 [mikro]
//	  start (900 000, 100 000, startlån): mikro: 100 000 ≥ 39 042, loan 1 852 092 ≤ 4 500 000;
//	    hus: 100 000 ≥ 92 544 but loan 4 527 182 > 4 500 000 → 3 [mikro]
//	  senior (300 000, 3 000 000): mikro: loan 0; hus: loan 1 627 182 > 1 500 000 → 3 [mikro]
//	  familie (800 000, 700 000): hus: 700 000 ≥ 694 077, loan 3 927 182 ≤ 4 000 000;
//	    mikro too → 7 [hus, mikro]
//	  student (200 000, 100 000): 100 000 < 292 814 → 0 []
//	check: the cheapest type is mikro, its monthly 11 231 (14 465) in V1,
//	10 063 (13 300) in V2.
func TestEstimateIndependentEconomics(t *testing.T) {
	variants := estimateJSON(t, "testdata/independent/economics.yaml")
	if len(variants) != 2 {
		t.Fatalf("got %d variants, want 2", len(variants))
	}
	households := `[{"id":"ung","dwellings":3,"types":["mikro"]},{"id":"start","dwellings":3,"types":["mikro"]},` +
		`{"id":"senior","dwellings":3,"types":["mikro"]},{"id":"familie","dwellings":7,"types":["hus","mikro"]},` +
		`{"id":"student","dwellings":0,"types":[]}]`
	want := []string{
		`{"tenure":"owner","subsidy_gap":7515004,"types":[` +
			`{"type":"hus","count":4,"cost_price":4245121,"sale_price":4627182,"market_value":3200000,"gap":1427182,"equity_needed":694077,"income_needed":786621,"common_debt":0,"monthly":26621,"monthly_stress":34286},` +
			`{"type":"mikro","count":3,"cost_price":1790910,"sale_price":1952092,"market_value":1350000,"gap":602092,"equity_needed":292814,"income_needed":331856,"common_debt":0,"monthly":11231,"monthly_stress":14465}],` +
			`"households":` + households + `}`,
		`{"tenure":"cooperative","subsidy_gap":7515004,"types":[` +
			`{"type":"hus","count":4,"cost_price":4245121,"sale_price":4627182,"market_value":3200000,"gap":1427182,"equity_needed":694077,"income_needed":786621,"common_debt":2313591,"monthly":23853,"monthly_stress":31526},` +
			`{"type":"mikro","count":3,"cost_price":1790910,"sale_price":1952092,"market_value":1350000,"gap":602092,"equity_needed":292814,"income_needed":331856,"common_debt":976046,"monthly":10063,"monthly_stress":13300}],` +
			`"households":` + households + `}`,
	}
	monthly := [][2]string{{"11 231", "14 465"}, {"10 063", "13 300"}}
	for i, v := range variants {
		if got := mustJSON(t, v.Economics); got != want[i] {
			t.Errorf("%s economics\n got %s\nwant %s", v.Name, got, want[i])
		}
		var ids []string
		for _, c := range v.Checks {
			ids = append(ids, c.ID)
			if c.ID != "economics.households" {
				continue
			}
			msg := strings.ReplaceAll(c.Message, "\u00a0", " ")
			for _, part := range []string{"Ung nykommer: 3 av 7 boliger", "Familie: 7 av 7 boliger", "Student: ingen av 7 boliger",
				"Mikrohus, koster " + monthly[i][0] + " kr i måneden (" + monthly[i][1] + " kr"} {
				if !strings.Contains(msg, part) || c.Status != "info" {
					t.Errorf("%s: check %s %q lacks %q", v.Name, c.Status, msg, part)
				}
			}
		}
		if got, want := strings.Join(ids, " "), "affordability economics.households completeness"; !strings.Contains(got, want) {
			t.Errorf("%s checks %s, want … %s …", v.Name, got, want)
		}
	}
}

// TestSamplesEconomics checks every built-in sample variant: economics for
// at least 3 households, and what must hold whatever the figures: the
// stress-test cost at least the normal one, equity and income needed
// within the price, a cooperative's common debt within the loan, and a
// household that can buy a type can buy every type with a lower or equal
// sale price (equity and debt needed both grow with the price).
func TestSamplesEconomics(t *testing.T) {
	samples, err := filepath.Glob("../assets/samples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range samples {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("bokonsept/concept@1")) {
			continue
		}
		for _, v := range estimateJSON(t, s) {
			n++
			x := v.Economics
			if x == nil || len(x.Households) < 3 || len(x.Types) == 0 {
				t.Errorf("%s %s: economics %+v, want at least 3 households", s, v.Name, x)
				continue
			}
			sale := map[string]int64{}
			for _, ty := range x.Types {
				sale[ty.Type] = ty.SalePrice
				if ty.MonthlyStress < ty.Monthly || ty.SalePrice < ty.CostPrice || ty.EquityNeeded > ty.SalePrice {
					t.Errorf("%s %s %s: %+v", s, v.Name, ty.Type, ty)
				}
				if (x.Tenure == "owner") != (ty.CommonDebt == 0) || ty.CommonDebt > ty.SalePrice-ty.EquityNeeded {
					t.Errorf("%s %s %s: tenure %s, common debt %d", s, v.Name, ty.Type, x.Tenure, ty.CommonDebt)
				}
				if ty.MarketValue == nil || ty.Gap == nil {
					t.Errorf("%s %s %s: no market value", s, v.Name, ty.Type)
				}
			}
			for _, h := range x.Households {
				for _, ty := range x.Types {
					can := strings.Contains(" "+strings.Join(h.Types, " ")+" ", " "+ty.Type+" ")
					for _, other := range h.Types {
						// Equity and debt needed both grow with the price.
						if !can && sale[other] >= ty.SalePrice {
							t.Errorf("%s %s: %s can buy %s but not the cheaper %s", s, v.Name, h.ID, other, ty.Type)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no sample variants")
	}
}
