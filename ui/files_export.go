package ui

import (
	"context"
	"io"
	"maps"
	"net/url"
	"path/filepath"
	"strings"

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

// onExport asks which variants the document describes, then where to save it.
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
		u.chooseExportFile(kind, variants)
	})
	d.Show()
}

// chooseExportFile asks where to save the document and then exports it.
func (u *mainUI) chooseExportFile(kind exportKind, variants []int) {
	name := strings.TrimSuffix(fileNameFor(u.ed.concept().Name), ".yaml") + kind.ext
	showSaveFile(u.l, u.win, u.dialogDir(), name, []string{kind.ext}, func(p string) {
		u.export(kind, variants, p)
	})
}

// export writes the document to path on a goroutine, with a progress
// dialog: the variants still waiting for their simulation are simulated
// first. When done it offers to open the folder. The goroutine hands every
// change of the window to the UI goroutine (u.ed.post, which is fyne.Do).
func (u *mainUI) export(kind exportKind, variants []int, path string) {
	l := u.l
	proj := *u.ed.project
	proj.PriceBooks = maps.Clone(u.ed.project.PriceBooks)
	models := append([]*costing.Model(nil), u.ed.models...)
	estimates := append([]*costing.Estimate(nil), u.ed.estimates...)
	for i, e := range estimates {
		if e == nil {
			showFileError(u.win, l, path, u.ed.errs[i])
			return
		}
	}
	in := tender.Input{Project: &proj, Estimates: estimates, Variants: variants, Lang: l.Lang(), Version: u.version}

	bar := widget.NewProgressBar()
	status := widget.NewLabel(l.T("ui.export.simulating"))
	ctx, cancel := context.WithCancel(context.Background())
	progress := dialog.NewCustomWithoutButtons(l.T(kind.title), container.NewVBox(status, bar), u.win)
	progress.SetButtons([]fyne.CanvasObject{&widget.Button{Text: l.T("ui.dialog.cancel"), OnTapped: cancel}})
	progress.Resize(fyne.NewSize(420, 0))
	progress.Show()

	post := u.ed.post
	go func() {
		defer cancel()
		err := simulateAll(ctx, models, estimates, proj.Concept.Assumptions.Simulation.Iterations, func(f float64) {
			post(func() { bar.SetValue(f) })
		})
		if err == nil {
			post(func() { status.SetText(l.T("ui.export.writing")) })
			err = tender.WriteFileAtomic(path, func(w io.Writer) error { return kind.write(w, in) })
		}
		post(func() {
			progress.Hide()
			switch {
			case ctx.Err() != nil && err != nil:
			case err != nil:
				showFileError(u.win, l, path, err)
			default:
				u.showExported(path)
			}
		})
	}()
}

// simulateAll fills in the simulation of every estimate that lacks one
// (in place), reporting progress from 0 to 1. It runs off the UI goroutine.
func simulateAll(ctx context.Context, models []*costing.Model, estimates []*costing.Estimate, iterations int, progress func(float64)) error {
	if iterations <= 0 {
		return nil
	}
	var todo []int
	for i, e := range estimates {
		if e.P50 == nil && models[i] != nil {
			todo = append(todo, i)
		}
	}
	for k, i := range todo {
		d, err := models[i].Simulate(ctx, func(done, total int) {
			if total > 0 && done%(max(total/50, 1)) == 0 {
				progress((float64(k) + float64(done)/float64(total)) / float64(len(todo)))
			}
		})
		if err != nil {
			return err
		}
		if d != nil {
			estimates[i] = estimates[i].WithSimulation(d)
		}
	}
	progress(1)
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
