package tender

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	unorm "golang.org/x/text/unicode/norm"
)

// hostile holds what a user may type or paste into a name: Norwegian
// letters, emoji (outside the Basic Multilingual Plane, one a ZWJ
// sequence), Hebrew and Arabic (right to left), Chinese, combining marks,
// control characters (NUL, ESC, BEL, DEL, a C1 control), a right-to-left
// override, a private-use character, a noncharacter and an invalid byte.
const hostile = "Tøn 😀👩\u200d👩\u200d👧 שלום مرحبا 東京住宅 e\u0301a\u0308 \x00\x1b[31m\x07\x7f\u0085 \u202Eabc\u202C \uE000\uFFFF \xff"

// hostileInput returns the input of the first sample with name as the
// concept's name, as the first variant's name (with " V") and as the name
// of every unit type the first variant uses (with " U"), estimated again.
func hostileInput(tb testing.TB, name string) Input {
	tb.Helper()
	p, err := concepts.LoadProject("../assets/samples/"+samples[0]+".yaml", concepts.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	p.Concept.Name = name
	v := &p.Concept.Variants[0]
	v.Name = name + " V"
	for _, u := range v.Units {
		if ut := p.Catalogue.UnitType(u.Type); ut != nil {
			ut.Name = concepts.Text{"nb": name + " U", "en": name + " U"}
		}
	}
	in := Input{Project: p, Lang: "nb", Version: "1.0.0-test"}
	for i := range p.Concept.Variants {
		e, err := costing.Run(context.Background(), p, i)
		if err != nil {
			tb.Fatal(err)
		}
		in.Estimates = append(in.Estimates, e)
	}
	in.Variants = []int{0}
	return in
}

// drawn returns what the PDF shows for s in the regular style: each
// character the font has, the substitute for each other, a space for tab
// and newline.
func drawn(s string) string {
	cover := loadFonts()
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(cover.pdfRune("", r))
	}
	return b.String()
}

func TestPDFAnyText(t *testing.T) {
	needTool(t, "pdftotext")
	in := hostileInput(t, hostile)
	var b bytes.Buffer
	if err := WritePDF(&b, in); err != nil {
		t.Fatal(err)
	}
	text := unorm.NFD.String(pdfText(t, writeTemp(t, "hostile.pdf", b.Bytes()), 0, 0))
	want := drawn(hostile)
	// by hand: emoji, CJK, controls, the private-use character and the
	// invalid byte have no glyph; Hebrew, Arabic and the marks have one
	for _, r := range "😀東\x00\x1b\uE000\uFFFF" {
		if strings.ContainsRune(want, r) {
			t.Errorf("%U is drawn, want it substituted", r)
		}
	}
	for _, r := range "øשمe\u0301" {
		if !strings.ContainsRune(want, r) {
			t.Errorf("%U is substituted, want it drawn", r)
		}
	}
	if !strings.ContainsRune(want, substitute) {
		t.Errorf("no substitute in %q", want)
	}
	for _, r := range unorm.NFD.String(want) {
		if r != ' ' && !strings.ContainsRune(text, r) {
			t.Errorf("the text lacks %q (U+%04X)", r, r)
		}
	}
	for _, marker := range []string{"Tøn", " V", " U"} {
		if !strings.Contains(text, marker) {
			t.Errorf("the text lacks %q", marker)
		}
	}
}

func TestXLSXAnyText(t *testing.T) {
	in := hostileInput(t, hostile)
	f := mustXLSX(t, in)
	sheet, _ := SheetNames(in, 0)
	title, err := f.GetCellValue(sheet, xlsxTitleCell)
	if err != nil {
		t.Fatal(err)
	}
	// every character but the control characters, the noncharacter and
	// the invalid byte is kept, emoji too
	want := strings.NewReplacer("\x00", "\uFFFD", "\x1b", "\uFFFD", "\x07", "\uFFFD", "\x7f", "\uFFFD",
		"\u0085", "\uFFFD", "\uFFFF", "\uFFFD", "\xff", "\uFFFD").Replace(hostile)
	if !strings.Contains(title, want) {
		t.Errorf("the title is %q, want it to hold %q", title, want)
	}
}

// panicWriter panics on every write.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("boom") }

func TestWritePanicIsError(t *testing.T) {
	in := mustInput(t, samples[0])
	for _, tc := range []struct {
		name  string
		write func(Input) error
		key   string
	}{
		{"PDF", func(in Input) error { return WritePDF(panicWriter{}, in) }, "tender.err.panic.pdf"},
		{"XLSX", func(in Input) error { return WriteXLSX(panicWriter{}, in) }, "tender.err.panic.xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.write(in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if e.Key != tc.key {
				t.Errorf("key %q, want %q", e.Key, tc.key)
			}
			if got, want := err.Error(), i18n.New("nb").T(tc.key, "boom"); got != want {
				t.Errorf("message %q, want %q", got, want)
			}
		})
	}
}

func TestErrorsTranslated(t *testing.T) {
	good := mustInput(t, samples[0])
	for _, lang := range []string{"nb", "en"} {
		l := i18n.New(lang)
		in := good
		in.Lang, in.Variants = lang, nil
		err := WritePDF(&bytes.Buffer{}, in)
		if !errors.Is(err, ErrVariant) {
			t.Fatalf("%s: got %v, want ErrVariant", lang, err)
		}
		if got, want := err.Error(), l.T("tender.err.novariant"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// a write error keeps its cause and names it in the document's
	// language, without the temporary file's name
	full := &fs.PathError{Op: "write", Path: "/x/.a.pdf.1.tmp", Err: syscall.ENOSPC}
	err := writeError("nb", full)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("%v does not wrap ENOSPC", err)
	}
	if got, want := err.Error(), "dokumentet ble ikke skrevet ferdig: disken er full"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
