package ui

import (
	"context"
	"io"
	"maps"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/tender"
)

// exportKind is a tender document the File menu exports.
type exportKind struct {
	// key is the menu label's translation key; title the dialogs' title's.
	key, title string
	// ext is the file extension.
	ext string
	// write writes the document.
	write func(w io.Writer, in tender.Input) error
}

// The documents the File menu exports.
var (
	exportPDF  = exportKind{key: "ui.menu.export_pdf", title: "ui.export.pdf_title", ext: ".pdf", write: tender.WritePDF}
	exportXLSX = exportKind{key: "ui.menu.export_xlsx", title: "ui.export.xlsx_title", ext: ".xlsx", write: tender.WriteXLSX}
)

// exportItems are the File menu's export items.
func (u *mainUI) exportItems() []*fyne.MenuItem {
	pdf := fyne.NewMenuItemWithIcon(u.l.T(exportPDF.key), theme.DocumentIcon(), func() { u.onExport(exportPDF) })
	xlsx := fyne.NewMenuItemWithIcon(u.l.T(exportXLSX.key), theme.GridIcon(), func() { u.onExport(exportXLSX) })
	return []*fyne.MenuItem{pdf, xlsx}
}

// onExport asks which variants the document describes, finishes their
// estimates (the simulation), and only then asks where to save it: a
// variant that cannot be estimated is explained before any file dialog
// opens, and no file is touched until the document is ready to write.
func (u *mainUI) onExport(kind exportKind) {
	l := u.l
	selected := l.T("ui.export.selected", u.ed.variant().Name)
	all := l.T("ui.export.all", len(u.ed.concept().Variants))
	keys := &dialogKeys{}
	choice := newDialogRadio(keys, []string{selected, all}, selected)
	content := container.NewVBox(widget.NewLabel(l.T("ui.export.which")), choice)
	d := newConfirmDialog(u.win, keys, l.T(kind.title), l.T("ui.export.next"), l.T("ui.dialog.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		variants := []int{u.ed.selected}
		if choice.Selected == all {
			variants = variants[:0]
			for i := range u.ed.concept().Variants {
				variants = append(variants, i)
			}
		}
		u.prepareExport(kind, variants, func(in tender.Input) { u.chooseExportFile(kind, in) })
	})
	d.Show()
}

// chooseExportFile asks where to save the document (asking before it
// replaces a file) and then writes it.
func (u *mainUI) chooseExportFile(kind exportKind, in tender.Input) {
	name := strings.TrimSuffix(fileNameFor(u.ed.concept().Name), ".yaml") + kind.ext
	showSaveFile(u.l, u.win, u.dialogDir(), name, []string{kind.ext}, func(p string) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		confirmReplace(u.l, u.win, p, func() { u.writeExport(kind, in, p) })
	})
}

// prepareExport computes what the document of variants shows, and calls
// ready with it on the UI goroutine. A variant the engine cannot estimate
// is explained instead. The simulations still missing run on a goroutine
// with a progress dialog that can cancel them; every change of the window
// goes to the UI goroutine through u.ed.post (fyne.Do).
func (u *mainUI) prepareExport(kind exportKind, variants []int, ready func(tender.Input)) {
	l := u.l
	proj := *u.ed.project
	proj.PriceBooks = maps.Clone(u.ed.project.PriceBooks)
	models := append([]*costing.Model(nil), u.ed.models...)
	estimates := append([]*costing.Estimate(nil), u.ed.estimates...)
	for _, i := range variants {
		if estimates[i] == nil {
			showWriteError(u.win, l, l.T("ui.export.error_title"), proj.Concept.Variants[i].Name, u.ed.errs[i])
			return
		}
	}
	in := tender.Input{Project: &proj, Estimates: estimates, Variants: variants, Lang: l.Lang(), Version: u.version}
	iterations := proj.Concept.Assumptions.Simulation.Iterations
	if !needsSimulation(models, estimates, variants, iterations) {
		ready(in)
		return
	}

	bar := widget.NewProgressBar()
	status := widget.NewLabel(l.T("ui.export.simulating"))
	ctx, cancel := context.WithCancel(context.Background())
	progress := dialog.NewCustomWithoutButtons(l.T(kind.title), container.NewVBox(status, bar), u.win)
	keys := &dialogKeys{}
	progress.SetButtons([]fyne.CanvasObject{newDialogButton(keys, l.T("ui.dialog.cancel"), theme.CancelIcon(), widget.MediumImportance, progress.Hide)})
	keys.answer(u.win, progress, nil)
	progress.SetOnClosed(cancel)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()

	post := u.ed.post
	go func() {
		err := simulateAll(ctx, models, estimates, variants, iterations, func(f float64) {
			post(func() { bar.SetValue(f) })
		})
		post(func() {
			if ctx.Err() != nil {
				return // cancelled: the dialog is gone, nothing was written
			}
			progress.Hide()
			if err != nil {
				showWriteError(u.win, l, l.T("ui.export.error_title"), l.T(kind.title), err)
				return
			}
			ready(in)
		})
	}()
}

// writeExport writes the document to path on a goroutine, with a dialog
// saying so, atomically: a failure leaves a file at path as it was. When
// done it offers to open the folder.
func (u *mainUI) writeExport(kind exportKind, in tender.Input, path string) {
	l := u.l
	bar := widget.NewProgressBarInfinite()
	status := widget.NewLabel(l.T("ui.export.writing"))
	progress := dialog.NewCustomWithoutButtons(l.T(kind.title), container.NewVBox(status, bar), u.win)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()
	post := u.ed.post
	go func() {
		err := tender.WriteFileAtomic(path, func(w io.Writer) error { return kind.write(w, in) })
		post(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				showWriteError(u.win, l, l.T("ui.export.error_title"), path, err)
				return
			}
			u.showExported(path)
		})
	}()
}

// needsSimulation reports whether a variant of the document still lacks
// its simulation.
func needsSimulation(models []*costing.Model, estimates []*costing.Estimate, variants []int, iterations int) bool {
	if iterations <= 0 {
		return false
	}
	for _, i := range variants {
		if estimates[i].P50 == nil && models[i] != nil {
			return true
		}
	}
	return false
}

// simulateAll fills in the simulation of every estimate of variants that
// lacks one (in place), reporting progress from 0 to 1 in steps of about
// a percent. It runs off the UI goroutine; progress is called from the
// simulation's workers, never twice with the same value.
func simulateAll(ctx context.Context, models []*costing.Model, estimates []*costing.Estimate, variants []int, iterations int, progress func(float64)) error {
	if iterations <= 0 {
		return nil
	}
	var todo []int
	for _, i := range variants {
		if estimates[i].P50 == nil && models[i] != nil {
			todo = append(todo, i)
		}
	}
	var shown atomic.Int64 // the last percentage reported
	shown.Store(-1)
	report := func(f float64) {
		pct := int64(f * 100)
		for {
			last := shown.Load()
			if pct <= last {
				return
			}
			if shown.CompareAndSwap(last, pct) {
				progress(float64(pct) / 100)
				return
			}
		}
	}
	report(0)
	for k, i := range todo {
		d, err := models[i].Simulate(ctx, func(done, total int) {
			if total > 0 {
				report((float64(k) + float64(done)/float64(total)) / float64(len(todo)))
			}
		})
		if err != nil {
			return err
		}
		if d != nil {
			estimates[i] = estimates[i].WithSimulation(d)
		}
	}
	report(1)
	return nil
}

// showExported says where the document went and offers to open its folder.
func (u *mainUI) showExported(path string) {
	l := u.l
	msg := &widget.Label{Text: l.T("ui.export.done", path), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(l.T("ui.export.done_title"), msg, u.win)
	keys := &dialogKeys{}
	open := newDialogButton(keys, l.T("ui.export.open_folder"), theme.FolderOpenIcon(), widget.HighImportance, func() {
		d.Hide()
		folder := &url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Dir(path))}
		if err := u.app.OpenURL(folder); err != nil {
			showError(u.l, err, u.win)
		}
	})
	d.SetButtons([]fyne.CanvasObject{newDialogButton(keys, l.T("ui.dialog.close"), nil, widget.MediumImportance, d.Hide), open})
	keys.answer(u.win, d, d.Hide)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
