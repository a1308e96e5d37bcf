package ui

import (
	"context"
	"errors"
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
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/hallingdal/bokonsept/tender"
)

// exportKind is a document the File menu exports. The tenderers' documents
// describe one variant and nothing of the estimate; the decision makers'
// report describes every variant and is marked internal (docs/FORMATS.md).
type exportKind struct {
	// key is the menu label's translation key; title the dialogs' title's;
	// about says whom the document is for; file is the suggested file
	// name's ending before ext.
	key, title, about, file string
	// ext is the file extension.
	ext string
	// icon returns the menu item's icon (from the theme, when the app runs).
	icon func() fyne.Resource
	// tenderers is true for a document sent to tenderers: it describes
	// one variant, asked for, which tender.Tenderable must accept unless
	// the user forces it; it needs no simulation.
	tenderers bool
	// forced is true when the user chose to export a refused variant all
	// the same (the document then says so).
	forced bool
	// write writes the document; force writes it for a variant that
	// tender.Tenderable refuses (nil for the report).
	write, force func(w io.Writer, in tender.Input) error
}

// The documents the File menu exports, in its order.
var (
	exportTender = exportKind{
		key: "ui.menu.export_tender", title: "ui.export.tender_title", about: "ui.export.tender_about", file: "ui.export.tender_file",
		ext: ".pdf", icon: theme.DocumentIcon, tenderers: true,
		write: func(w io.Writer, in tender.Input) error { return tender.WriteTender(w, in, tender.TenderOptions{}) },
		force: func(w io.Writer, in tender.Input) error {
			return tender.WriteTender(w, in, tender.TenderOptions{Force: true})
		},
	}
	exportReport = exportKind{
		key: "ui.menu.export_report", title: "ui.export.report_title", about: "ui.export.report_about", file: "ui.export.report_file",
		ext: ".pdf", icon: theme.DocumentPrintIcon, write: tender.WriteReport,
	}
	exportSchedule = exportKind{
		key: "ui.menu.export_schedule", title: "ui.export.schedule_title", about: "ui.export.schedule_about", file: "ui.export.schedule_file",
		ext: ".xlsx", icon: theme.GridIcon, tenderers: true,
		write: func(w io.Writer, in tender.Input) error { return tender.WriteSchedule(w, in, tender.ScheduleOptions{}) },
		force: func(w io.Writer, in tender.Input) error {
			return tender.WriteSchedule(w, in, tender.ScheduleOptions{Force: true})
		},
	}
	exportKinds = []exportKind{exportTender, exportReport, exportSchedule}
)

// forcedKind returns kind writing a variant that tender.Tenderable refuses.
func (kind exportKind) forcedKind() exportKind {
	kind.forced, kind.write = true, kind.force
	return kind
}

// exportItems are the File menu's export items: the two documents for
// tenderers and the internal report, each saying whom it is for.
func (u *mainUI) exportItems() []*fyne.MenuItem {
	items := make([]*fyne.MenuItem, len(exportKinds))
	for i, kind := range exportKinds {
		items[i] = fyne.NewMenuItemWithIcon(u.l.T(kind.key), kind.icon(), func() { u.onExport(kind) })
	}
	return items
}

// onExport says whom the document is for and, for a tenderers' document,
// asks which variant it describes (the report describes every variant).
// Then the variant is checked (tender.Tenderable, with a choice to export
// all the same), the estimates are finished (the simulation) and only then
// is the user asked where to save it: a variant that cannot be estimated
// is explained before any file dialog opens, and no file is touched until
// the document is ready to write.
func (u *mainUI) onExport(kind exportKind) {
	l := u.l
	keys := &dialogKeys{}
	about := &widget.Label{Text: l.T(kind.about), Wrapping: fyne.TextWrapWord}
	content := container.NewVBox(about)
	var choice *dialogSelect
	names := make([]string, len(u.ed.concept().Variants))
	for i, v := range u.ed.concept().Variants {
		names[i] = v.Name
	}
	if kind.tenderers {
		choice = newDialogSelect(keys, names)
		choice.SetSelectedIndex(u.ed.selected)
		content.Add(widget.NewLabel(l.T("ui.export.which_one")))
		content.Add(choice)
	} else {
		content.Add(widget.NewLabel(l.T("ui.export.every", len(names))))
	}
	d := newConfirmDialog(u.win, keys, l.T(kind.title), l.T("ui.export.next"), l.T("ui.dialog.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		var variants []int
		if choice != nil {
			variants = []int{max(choice.SelectedIndex(), 0)}
		} else {
			for i := range names {
				variants = append(variants, i)
			}
		}
		u.checkTenderable(kind, variants, func(kind exportKind) {
			u.prepareExport(kind, variants, func(in tender.Input) { u.chooseExportFile(kind, in) })
		})
	})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// checkTenderable calls next with kind at once, unless kind is for
// tenderers and tender.Tenderable refuses its variant (priced with a price
// book, or failing a check): then it says why and offers to export it all
// the same, calling next with the forced kind, whose document says so on
// its cover.
func (u *mainUI) checkTenderable(kind exportKind, variants []int, next func(exportKind)) {
	if !kind.tenderers || len(variants) != 1 {
		next(kind)
		return
	}
	e, _ := u.ed.estimateOf(variants[0])
	if e == nil {
		next(kind) // prepareExport explains why there is no estimate
		return
	}
	err := tender.Tenderable(e)
	if err == nil {
		next(kind)
		return
	}
	u.showRefused(kind, err, func() { next(kind.forcedKind()) })
}

// showRefused says why the variant must not be sent to tenderers, and
// offers to export it all the same (force).
func (u *mainUI) showRefused(kind exportKind, err error, force func()) {
	l := u.l
	reason := upperFirst(tenderMessage(l, err))
	content := container.NewVBox(
		&widget.Label{Text: reason, Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: l.T("ui.export.refused_force"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
	)
	keys := &dialogKeys{}
	d := dialog.NewCustomWithoutButtons(l.T("ui.export.refused_title"), content, u.win)
	d.SetIcon(theme.WarningIcon())
	cancel := newDialogButton(keys, l.T("ui.dialog.cancel"), theme.CancelIcon(), widget.HighImportance, d.Hide)
	anyway := newDialogButton(keys, l.T("ui.export.force"), theme.WarningIcon(), widget.WarningImportance, func() {
		d.Hide()
		force()
	})
	d.SetButtons([]fyne.CanvasObject{anyway, cancel})
	keys.answer(u.win, d, d.Hide)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// tenderMessage is err in the language of l when it is the tender
// package's (*tender.Error, tender.BidErrors), else its text.
func tenderMessage(l *i18n.Locale, err error) string {
	var te *tender.Error
	var be tender.BidErrors
	switch {
	case errors.As(err, &be):
		return be.Message(l)
	case errors.As(err, &te):
		return te.Message(l)
	}
	return concepts.Localize(err, l)
}

// chooseExportFile asks where to save the document (asking before it
// replaces a file) and then writes it.
func (u *mainUI) chooseExportFile(kind exportKind, in tender.Input) {
	u.saveDocument(u.l.T(kind.title), u.exportFileName(kind, in), kind.ext,
		func(w io.Writer) error { return kind.write(w, in) }, u.showExported)
}

// saveDocument asks where to save a document, suggesting name in the
// concept's folder and ending in ext, asks before it replaces a file, and
// writes it with writeDocument under title; done is called with the path
// once it is written.
func (u *mainUI) saveDocument(title, name, ext string, write func(io.Writer) error, done func(path string)) {
	showSaveFile(u.l, u.win, u.dialogDir(), name, []string{ext}, func(p string) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		confirmReplace(u.l, u.win, p, func() { u.writeDocument(title, p, write, done) })
	})
}

// exportFileName suggests a file name for the document of in: the
// concept's name, the document's and, for one variant of several, the
// variant's.
func (u *mainUI) exportFileName(kind exportKind, in tender.Input) string {
	c := u.ed.concept()
	name := c.Name + " " + u.l.T(kind.file)
	if kind.tenderers && len(in.Variants) == 1 && len(c.Variants) > 1 {
		name += " " + c.Variants[in.Variants[0]].Name
	}
	return strings.TrimSuffix(fileNameFor(name), ".yaml") + kind.ext
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
	if kind.tenderers {
		iterations = 0 // nothing of the simulation goes to tenderers
	}
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

// writeExport writes the document to path (writeDocument) and offers to
// open its folder.
func (u *mainUI) writeExport(kind exportKind, in tender.Input, path string) {
	u.writeDocument(u.l.T(kind.title), path, func(w io.Writer) error { return kind.write(w, in) }, u.showExported)
}

// writeDocument writes a document to path on a goroutine, with a dialog
// under title saying so, atomically: a failure leaves a file at path as it
// was, and says why. When done it calls done with path on the UI
// goroutine (through u.ed.post).
func (u *mainUI) writeDocument(title, path string, write func(io.Writer) error, done func(path string)) {
	l := u.l
	bar := widget.NewProgressBarInfinite()
	status := widget.NewLabel(l.T("ui.export.writing"))
	progress := dialog.NewCustomWithoutButtons(title, container.NewVBox(status, bar), u.win)
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()
	post := u.ed.post
	go func() {
		err := tender.WriteFileAtomic(path, write)
		post(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				showWriteError(u.win, l, l.T("ui.export.error_title"), path, err)
				return
			}
			done(path)
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
