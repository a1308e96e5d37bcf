package tender

import (
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/i18n"
)

func TestHeaderFooter(t *testing.T) {
	type testCase struct {
		name, left, right, want string
	}
	for _, tc := range []testCase{
		{"Short", "Solenga", "Prisskjema", "&LSolenga&RPrisskjema"},
		{"Ampersand", "Hus & hage", "Side &P av &N", "&LHus && hage&RSide &P av &N"},
		{"Control", "A\x00B", "X", "&LA\uFFFDB&RX"},
		// 255 - 4 ("&L&R") - 1 ("X") = 250 units are left for the name:
		// 249 "a" and "…", 255 units in all
		{"Long", strings.Repeat("a", 300), "X", "&L" + strings.Repeat("a", 249) + "…&RX"},
		// each "&" costs two units: 124 of them (248) and "…"
		{"LongAmpersands", strings.Repeat("&", 300), "X", "&L" + strings.Repeat("&&", 124) + "…&RX"},
		// an emoji costs two units and is never split: 124 and "…"
		{"LongEmoji", strings.Repeat("😀", 200), "X", "&L" + strings.Repeat("😀", 124) + "…&RX"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := headerFooter(tc.left, tc.right)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if n := utf16Count(got); n > maxHeaderFooterUnits {
				t.Errorf("%d units", n)
			}
		})
	}
}

func TestPageField(t *testing.T) {
	for lang, want := range map[string]string{"nb": "Side &P av &N", "en": "Page &P of &N"} {
		if got := pageField(i18n.New(lang)); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestCleanXLSX(t *testing.T) {
	type testCase struct {
		name, in, want string
	}
	for _, tc := range []testCase{
		{"Plain", "Tøn 😀 שלום 東京 e\u0301", "Tøn 😀 שלום 東京 e\u0301"},
		{"Controls", "a\x00b\x1bc\td\ne\x7f\u0085\uFFFF\xff", "a\uFFFDb\uFFFDc\td\ne\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"Long", strings.Repeat("b", maxCellUnits+5), strings.Repeat("b", maxCellUnits-1) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanXLSX(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", clip(got, 80), clip(tc.want, 80))
			}
		})
	}
}

// TestXLSXLongName writes the workbook of a concept whose name is longer
// than a header holds, with ampersands and emoji, and checks the header
// and the footer of every sheet.
func TestXLSXLongName(t *testing.T) {
	name := strings.Repeat("Hus & hage 😀 ", 30)
	in := hostileInput(t, name)
	f := mustXLSX(t, in)
	for _, sheet := range f.GetSheetList() {
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if n := utf16Count(hf.OddHeader); n > maxHeaderFooterUnits || !strings.HasPrefix(hf.OddHeader, "&LHus && hage") ||
			!strings.HasSuffix(hf.OddHeader, "…&R"+escapeHF(sheet)) {
			t.Errorf("%s: header %q (%d units)", sheet, hf.OddHeader, n)
		}
		if !strings.HasSuffix(hf.OddFooter, "&RSide &P av &N") {
			t.Errorf("%s: footer %q", sheet, hf.OddFooter)
		}
	}
}
