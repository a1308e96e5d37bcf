package tender

import (
	"strings"
	"testing"
	"unicode"
)

// testDoc returns a document of the first sample ready to lay out text.
func testDoc(tb testing.TB) *doc {
	tb.Helper()
	in := mustInput(tb, samples[0])
	c, err := in.check()
	if err != nil {
		tb.Fatal(err)
	}
	d, err := newDoc(c, 1)
	if err != nil {
		tb.Fatal(err)
	}
	d.setFont("", bodySize)
	return d
}

// naiveWrap is the obvious quadratic line breaker, measuring every
// candidate line with gofpdf's own GetStringWidth on the drawn text: an
// independent reference for wrap.
func naiveWrap(d *doc, s string, w float64) []string {
	width := func(t string) float64 { return d.pdf.Fpdf.GetStringWidth(d.pdf.clean(t)) }
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if width(cand) <= w {
				line = cand
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			line = word
			for width(line) > w {
				r := []rune(line)
				if len(r) == 1 {
					break // one character wider than w stays on its line
				}
				n := len(r) - 1
				for n > 1 && width(string(r[:n])) > w {
					n--
				}
				out = append(out, string(r[:n]))
				line = string(r[n:])
			}
		}
		out = append(out, line)
	}
	return out
}

func TestWrapMatchesNaive(t *testing.T) {
	d := testDoc(t)
	texts := []string{
		"",
		"Boenheten skal oppfylle TEK17 § 12-2 krav til tilgjengelig boenhet.",
		"Et  avsnitt\nmed to linjer og\u00a0hardt mellomrom og 2\u00a0500\u00a0000 kr",
		strings.Repeat("ord ", 300),
		strings.Repeat("W", 60) + " kort " + strings.Repeat("i", 90),
		hostile + " " + strings.Repeat("😀東", 20),
	}
	for _, size := range []float64{bodySize, 17} {
		for _, style := range []string{"", "B", "I"} {
			d.setFont(style, size)
			for _, w := range []float64{5, 31.7, contentW} {
				for i, s := range texts {
					got, want := d.wrap(s, w), naiveWrap(d, typeset(s), w)
					if strings.Join(got, "|") != strings.Join(want, "|") {
						t.Errorf("%q %.1fpt w=%.1f text %d: %d lines, want %d:\n%q\n%q", style, size, w, i, len(got), len(want), got, want)
					}
				}
			}
		}
	}
}

// TestWrapLongWordFits lays out one word of 10 000 characters (the width
// that took minutes before) and checks that every line fits and that no
// character is lost.
func TestWrapLongWordFits(t *testing.T) {
	d := testDoc(t)
	word := strings.Repeat("Langtordutenmellomrom\u00e6\u00f8\u00e5W😀", 400)[:10000]
	for _, w := range []float64{contentW, 20, 1} {
		lines := d.wrap(word, w)
		if len(lines) < 2 {
			t.Fatalf("w=%.0f: %d lines", w, len(lines))
		}
		for i, ln := range lines {
			if got := d.pdf.GetStringWidth(ln); got > w && len([]rune(ln)) > 1 {
				t.Errorf("w=%.0f: line %d is %.2f mm wide", w, i, got)
			}
		}
		if got := strings.Join(lines, ""); got != word {
			t.Errorf("w=%.0f: the lines do not join to the word", w)
		}
	}
}

func TestWrapNCuts(t *testing.T) {
	d := testDoc(t)
	s := strings.Repeat("ord og ", 1000)
	lines := d.wrapN(s, 40, 3)
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	last := lines[2]
	if !strings.HasSuffix(last, ellipsis) || d.pdf.GetStringWidth(last) > 40 {
		t.Errorf("last line %q (%.1f mm)", last, d.pdf.GetStringWidth(last))
	}
	if got := d.wrapN("kort", 40, 3); len(got) != 1 || got[0] != "kort" {
		t.Errorf("short text: %q", got)
	}
}

func TestFit(t *testing.T) {
	d := testDoc(t)
	if got := d.fit("Solenga", 50); got != "Solenga" {
		t.Errorf("a short text became %q", got)
	}
	long := "  " + strings.Repeat("Langtordutenmellomrom ", 10000)
	got := d.fit(long, 60)
	if !strings.HasSuffix(got, ellipsis) || d.pdf.GetStringWidth(got) > 60 {
		t.Errorf("%q is %.1f mm", got, d.pdf.GetStringWidth(got))
	}
	// no white space at either end, and as long as fits
	body := strings.TrimSuffix(got, ellipsis)
	if body != strings.TrimFunc(body, unicode.IsSpace) || !strings.HasPrefix(long[2:], body) {
		t.Errorf("%q is not the trimmed start of the text", body)
	}
	next := long[2 : 2+len(body)+1]
	if w := d.pdf.GetStringWidth(strings.TrimSpace(next) + ellipsis); w <= 60 && strings.TrimSpace(next) != body {
		t.Errorf("%q would fit too", next)
	}
}

// TestPDFLongName writes the PDF of a concept whose name, first variant
// and unit types are one word of 200 000 characters.
func TestPDFLongName(t *testing.T) {
	if testing.Short() {
		t.Skip("a long document; skipped in -short mode")
	}
	in := hostileInput(t, strings.Repeat("Langtordutenmellomrom", 200000/21))
	var c countWriter
	if err := WritePDF(&c, in); err != nil {
		t.Fatal(err)
	}
	if c.n == 0 || c.n > 2<<20 {
		t.Errorf("%d bytes", c.n)
	}
}
