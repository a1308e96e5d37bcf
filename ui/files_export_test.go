package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/hallingdal/bokonsept/tender"
)

// The File menu offers both documents and says which is which.
func TestExportMenuNamesReaders(t *testing.T) {
	u := newTestUI(t)
	var labels []string
	for _, it := range u.exportItems() {
		labels = append(labels, it.Label)
	}
	want := []string{u.l.T("ui.menu.export_tender"), u.l.T("ui.menu.export_report"), u.l.T("ui.menu.export_schedule")}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("export items %q, want %q", labels, want)
	}
	if !strings.Contains(want[0], "tilbydere") || !strings.Contains(want[1], "internt") {
		t.Errorf("the labels %q do not say who reads them", want)
	}
}

// pricedVariant returns the index of the sample's variant priced with a
// price book.
func pricedVariant(t *testing.T, u *mainUI) int {
	t.Helper()
	for i, v := range u.ed.concept().Variants {
		if v.PriceBook != "" {
			return i
		}
	}
	t.Fatal("no variant of the sample is priced with a price book")
	return -1
}

// The tenderers' documents refuse a variant priced with a price book,
// saying why, and offer to export it all the same; forced, the document
// is written.
func TestExportRefusesPriceBookVariant(t *testing.T) {
	for _, kind := range []exportKind{exportTender, exportSchedule} {
		t.Run(kind.ext, func(t *testing.T) {
			u, dir := savedTestUI(t)
			posted := make(chan func(), 1000)
			u.ed.post = func(f func()) { posted <- f }
			v := pricedVariant(t, u)
			u.onExport(kind)
			var choice *dialogSelect
			for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
				if s, ok := o.(*dialogSelect); ok {
					choice = s
				}
			}
			if choice == nil {
				t.Fatal("the tenderers' document does not ask which variant")
			}
			choice.SetSelectedIndex(v)
			test.Tap(topDialogButton(t, u, u.l.T("ui.export.next")))

			msg := dialogText(t, u)
			e, _ := u.ed.estimateOf(v)
			book := e.PriceBook // the price book's name
			if !strings.Contains(msg, book) || !strings.Contains(msg, u.ed.concept().Variants[v].Name) {
				t.Errorf("the refusal does not name the variant and its price book %q:\n%s", book, msg)
			}
			// Export anyway: the save dialog, and the document is written.
			test.Tap(topDialogButton(t, u, u.l.T("ui.export.force")))
			in := tender.Input{Project: u.ed.project, Estimates: u.ed.estimates, Variants: []int{v}, Lang: "nb", Version: "test"}
			chooseInSaveDialog(t, u, u.exportFileName(kind, in), "anbud"+kind.ext)
			path := filepath.Join(dir, "anbud"+kind.ext)
			pumpUntil(t, posted, func() bool {
				top := u.win.Canvas().Overlays().Top()
				return top != nil && strings.Contains(dialogText(t, u), path)
			})
			if msg := dialogText(t, u); !strings.Contains(msg, u.l.T("ui.export.done", path)) {
				t.Errorf("forced: no done dialog:\n%s", msg)
			}
			if data, err := os.ReadFile(path); err != nil || len(data) < 100 {
				t.Errorf("forced: %s not written (%v)", path, err)
			}

			// The plain writer refuses it; the forced one writes it.
			var b bytes.Buffer
			if err := kind.write(&b, in); !errors.Is(err, tender.ErrPriceBook) {
				t.Errorf("unforced: %v, want ErrPriceBook", err)
			}
			forced := kind.forcedKind()
			if !forced.forced {
				t.Error("the forced kind does not say so")
			}
			b.Reset()
			if err := forced.write(&b, in); err != nil || b.Len() == 0 {
				t.Errorf("forced: %v, %d bytes", err, b.Len())
			}
		})
	}
}

// The report is never refused: it describes every variant, and asks no
// variant.
func TestExportReportDescribesEveryVariant(t *testing.T) {
	u := newTestUI(t)
	u.onExport(exportReport)
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if _, ok := o.(*dialogSelect); ok {
			t.Fatal("the report asks for a variant")
		}
	}
	if msg := dialogText(t, u); !strings.Contains(msg, u.l.T("ui.export.every", len(u.ed.concept().Variants))) {
		t.Errorf("the report's dialog does not say it describes every variant:\n%s", msg)
	}
}
