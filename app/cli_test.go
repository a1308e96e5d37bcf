package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// runT runs the CLI with args and returns its exit code, stdout and stderr.
func runT(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runCLI(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestEstimateIndependent checks `estimate --json` on a concept written from
// docs/ESTIMATE.md alone (testdata/independent) against figures computed by hand:
//
//	N = 4 hus + 3 mikro = 7; persons 4×3+3×1 = 15; bedrooms 4×2+3×1 = 11
//	P = ceil(7 × 1.5) = 11
//	BTA = 4×72 + 3×30 + 44 = 422; BRA-i = 240+75 = 315; BRA-e = 16+6+40 = 62
//	BRA = 377; TBA = 24; BYA = 4×80+3×32+46 + 18×11 = 462 + 198 = 660
//	%-BYA = 660/10000 = 6.6 %; %-BRA = (377+198)/10000 = 5.75 %
//	dwellings/daa = 7/10 = 0.7; MUA = (10000−660−1200)/7 = 1162.857… → 1162.86
//	r = 1.1:
//	  hus  post 2: 4×1.1×(22000×72 + 60000) = 7 233 600
//	  hus  post 3: 4×1.1×3000×72 = 950 400;  hus post 4: 4×1.1×2000×72 = 633 600
//	  mikro post 2: 3×1.1×24000×30 = 2 376 000; mikro post 3: 3×1.1×3500×30 = 346 500
//	  lager post 2: 1×1.1×10000×44 = 484 000
//	  post 2 = 10 093 600; post 3 = 1 296 900; post 4 = 633 600; 5 = 6 = 0
//	  post 7: vei 150×1.1×3000 = 495 000; va 7×1.1×120000 = 924 000;
//	          parkering 11×1.1×35000 = 423 500 → 1 842 500
//	post 1 = 8 % × 13 866 600 = 1 109 328
//	huskostnad = 13 133 428; entreprisekostnad = 14 975 928
//	post 8 = round(10 % × 14 975 928 = 1 497 592.8) + 1×50 000 = 1 547 593
//	byggekostnad = 16 523 521
//	post 9 = land 1 500 000 + gebyr 7×20 000 + tilknytning 377×156 = 58 812 → 1 698 812
//	post 10 = 25 % × (12 024 100 + 1 109 328 + 1 497 593 + 495 000 + 924 000
//	          + 423 500 + 50 000 = 16 523 521) = 4 130 880.25 → 4 130 880
//	basiskostnad = 16 523 521 + 1 698 812 + 4 130 880 = 22 353 213
//	iterations 0: posts 11 = 12 = 0, p50 = p85 = null;
//	prosjektkostnad = kostnadsramme = 22 353 213
//	post 13 = 3 % × 22 353 213 = 670 596.39 → 670 596; inkl. = 23 023 809
//	per dwelling 22 353 213/7 = 3 193 316.14 → 3 193 316; per m² BRA /377 → 59 292
//	prices: dwelling BRA = 4×64 + 3×27 = 337; hus 22 353 213×64/337 = 4 245 120.57
//	        → 4 245 121; mikro ×27/337 = 1 790 910.24 → 1 790 910; affordable: 3
//	carbon = (4×72×200 + 3×30×180)/377 = 73 800/377 = 195.755… → 195.76
//	checks: density 0.7 < 1 fails; micro info (27 m², one storey); the rest pass;
//	tek17.lift does not apply (no building of 3+ storeys).
func TestEstimateIndependent(t *testing.T) {
	code, out, errOut := runT(t, "estimate", "--json", "testdata/independent/concept.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Concept  string
		Variants []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Variants) != 1 {
		t.Fatalf("got %d variants, want 1", len(got.Variants))
	}
	v := got.Variants[0]
	want := map[string]any{
		"name": "V1", "pricebook": nil, "dwellings": 7.0, "persons": 15.0, "bedrooms": 11.0, "parking_spaces": 11.0,
		"area":                 map[string]any{"bta": 422.0, "bra": 377.0, "bra_i": 315.0, "bra_e": 62.0, "bra_b": 0.0, "tba": 24.0, "bya": 660.0},
		"density":              map[string]any{"bya_percent": 6.6, "bra_percent": 5.75, "dwellings_per_daa": 0.7, "mua_per_dwelling": 1162.86},
		"posts":                map[string]any{"1": 1109328.0, "2": 10093600.0, "3": 1296900.0, "4": 633600.0, "5": 0.0, "6": 0.0, "7": 1842500.0, "8": 1547593.0, "9": 1698812.0, "10": 4130880.0, "11": 0.0, "12": 0.0, "13": 670596.0},
		"totals":               map[string]any{"huskostnad": 13133428.0, "entreprisekostnad": 14975928.0, "byggekostnad": 16523521.0, "basiskostnad": 22353213.0, "prosjektkostnad": 22353213.0, "kostnadsramme": 22353213.0, "kostnadsramme_inkl_prisregulering": 23023809.0},
		"p50":                  nil,
		"p85":                  nil,
		"per_dwelling":         map[string]any{"kostnadsramme": 3193316.0, "prosjektkostnad": 3193316.0},
		"per_m2_bra":           map[string]any{"kostnadsramme": 59292.0},
		"affordable_dwellings": 3.0,
		"dwelling_prices": []any{
			map[string]any{"type": "hus", "count": 4.0, "price": 4245121.0},
			map[string]any{"type": "mikro", "count": 3.0, "price": 1790910.0},
		},
		"carbon_kg_per_m2_bra": 195.76,
	}
	for k, w := range want {
		if g, ok := v[k]; !ok {
			t.Errorf("key %q missing", k)
		} else if gj, wj := mustJSON(t, g), mustJSON(t, w); gj != wj {
			t.Errorf("%s = %s, want %s", k, gj, wj)
		}
	}
	var ids, statuses []string
	for _, c := range v["checks"].([]any) {
		m := c.(map[string]any)
		ids = append(ids, m["id"].(string))
		statuses = append(statuses, m["status"].(string))
		if m["message"].(string) == "" {
			t.Errorf("check %s has no message", m["id"])
		}
	}
	// Completeness passes: the concept prices parking, va (account 73) and vei (76).
	if got, want := strings.Join(ids, " "), "zoning.bya zoning.bra zoning.mua zoning.storeys zoning.density tek17.accessible tek17.micro husbanken.area affordability completeness"; got != want {
		t.Errorf("checks\n got %s\nwant %s", got, want)
	}
	if got, want := strings.Join(statuses, " "), "pass pass pass pass fail pass info pass info pass"; got != want {
		t.Errorf("statuses\n got %s\nwant %s", got, want)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEstimateGolden compares `estimate --json` of every sample with its
// golden file (go test ./app -update rewrites them after a reviewed change).
func TestEstimateGolden(t *testing.T) {
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
			continue // a price book
		}
		n++
		name := strings.TrimSuffix(filepath.Base(s), ".yaml")
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runT(t, "estimate", "--json", s)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./app -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("estimate --json %s differs from %s:\n%s", s, golden, out)
			}
		})
	}
	if n < 2 {
		t.Errorf("found %d sample concepts, want at least 2", n)
	}
}

// TestEstimateReport checks the readable report: Norwegian by default, with
// the engine's figures formatted the Norwegian way.
func TestEstimateReport(t *testing.T) {
	code, out, errOut := runT(t, "estimate", "testdata/independent/concept.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Uavhengig kontroll — V1",
		"Felleskostnader", "1\u00a0109\u00a0328\u00a0kr",
		"Kostnadsramme", "22\u00a0353\u00a0213\u00a0kr",
		"Merverdiavgift", "4\u00a0130\u00a0880\u00a0kr",
		"6,6\u00a0%", "[Brudd]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runT(t, "estimate", "--lang", "en", "testdata/independent/concept.yaml")
	if code != exitOK || !strings.Contains(out, "NOK 22,353,213") || !strings.Contains(out, "Common costs") {
		t.Errorf("English report: exit %d\n%s", code, out)
	}
}

// TestExitCodes checks 0 fine, 1 invalid input, 2 wrong use.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("format: bokonsept/concept@1\nname: x\nbogus: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args    []string
		code    int
		errWant string
	}{
		{[]string{}, exitUsage, ""},
		{[]string{"frobnicate"}, exitUsage, ""},
		{[]string{"help"}, exitOK, ""},
		{[]string{"version"}, exitOK, ""},
		{[]string{"estimate"}, exitUsage, ""},
		{[]string{"estimate", "--nope", "x.yaml"}, exitUsage, ""},
		{[]string{"estimate", "--lang", "de", "x.yaml"}, exitUsage, "de"},
		{[]string{"estimate", filepath.Join(dir, "missing.yaml")}, exitInvalid, "missing.yaml"},
		{[]string{"estimate", bad}, exitInvalid, "bad.yaml:3:1"},
		{[]string{"estimate", "--variant", "Z", "testdata/independent/concept.yaml"}, exitInvalid, `"Z"`},
		{[]string{"validate", bad}, exitInvalid, "bad.yaml:3:1"},
		{[]string{"validate", "testdata/independent/catalogue.yaml", "testdata/independent/concept.yaml"}, exitOK, ""},
		{[]string{"catalogue"}, exitOK, ""},
		{[]string{"catalogue", "testdata/independent/catalogue.yaml"}, exitOK, ""},
		{[]string{"tender", "testdata/independent/concept.yaml"}, exitUsage, ""},
		{[]string{"tender", "testdata/independent/concept.yaml", "--variant", "Z", "-o", filepath.Join(dir, "x.pdf")}, exitInvalid, `"Z"`},
	} {
		code, _, errOut := runT(t, tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.code, errOut)
		}
		if !strings.Contains(errOut, tc.errWant) {
			t.Errorf("%v: stderr %q lacks %q", tc.args, errOut, tc.errWant)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); !os.IsNotExist(err) {
		t.Errorf("a failed tender left %s behind", filepath.Join(dir, "x.pdf"))
	}
}

// TestEstimateOverrides checks --pricebook and --catalogue: Solenga's
// variant A with the Hallingbygg price book laid over it by flag must cost
// exactly what variant C (the same units and site items, with that price
// book named in the file) costs; and naming the concept's own catalogue
// changes nothing.
func TestEstimateOverrides(t *testing.T) {
	posts := func(args ...string) map[string]any {
		t.Helper()
		code, out, errOut := runT(t, append([]string{"estimate", "--json"}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var r struct{ Variants []map[string]any }
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.Variants[0]
	}
	const sample = "../assets/samples/solenga-gol.yaml"
	a := posts("--variant", "A – 24 boliger", "--pricebook", "../assets/samples/hallingbygg-2026.yaml", sample)
	c := posts("--variant", "C – A priset av Hallingbygg", sample)
	if got, want := mustJSON(t, a["posts"]), mustJSON(t, c["posts"]); got != want {
		t.Errorf("A with --pricebook: posts %s\nC with the price book in the file: %s", got, want)
	}
	if a["pricebook"] == nil || a["pricebook"] != c["pricebook"] {
		t.Errorf("pricebook: %v and %v", a["pricebook"], c["pricebook"])
	}
	same := posts("--catalogue", "testdata/independent/catalogue.yaml", "testdata/independent/concept.yaml")
	if got := mustJSON(t, same["totals"]); !strings.Contains(got, `"basiskostnad":22353213`) {
		t.Errorf("--catalogue with the concept's own catalogue: totals %s", got)
	}
	code, _, errOut := runT(t, "estimate", "--catalogue", "testdata/independent/catalogue.yaml", sample)
	if code != exitInvalid || !strings.Contains(errOut, "solenga") {
		t.Errorf("Solenga against a catalogue without its types: exit %d, %s", code, errOut)
	}
}
