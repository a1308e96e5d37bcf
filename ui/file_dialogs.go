package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"github.com/hallingdal/bokonsept/i18n"
)

// yamlExts are the file name endings of Bokonsept's YAML documents.
var yamlExts = []string{".yaml", ".yml"}

// fileDialogSize is the size file dialogs open at: large enough for long
// Norwegian folder and file names.
var fileDialogSize = fyne.NewSize(900, 600)

// showOpenFile asks for a file ending in one of exts, starting in dir (the
// default folder when ""), and calls onPath with the chosen path.
func showOpenFile(l *i18n.Locale, win fyne.Window, dir string, exts []string, onPath func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(l, err, win)
			return
		}
		if r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		onPath(p)
	}, win)
	showFileDialog(win, d, dir, exts)
}

// showSaveFile asks where to save a file, suggesting name in dir, and calls
// onPath with the chosen path, which ends in exts[0] when the user typed
// none of exts.
func showSaveFile(l *i18n.Locale, win fyne.Window, dir, name string, exts []string, onPath func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(l, err, win)
			return
		}
		if w == nil {
			return
		}
		p := w.URI().Path()
		w.Close()
		if !hasExt(p, exts) {
			os.Remove(p) // the dialog created it under the name without ending
			p += exts[0]
		}
		onPath(p)
	}, win)
	d.SetFileName(name)
	showFileDialog(win, d, dir, exts)
}

// showFileDialog filters d by exts, starts it in dir, lets Escape close it
// and shows it.
func showFileDialog(win fyne.Window, d *dialog.FileDialog, dir string, exts []string) {
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	answerKeys(win, d, nil)
	d.Resize(fileDialogSize)
	d.Show()
}

// hasExt reports whether path ends in one of exts, ignoring case.
func hasExt(path string, exts []string) bool {
	lower := strings.ToLower(path)
	for _, e := range exts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}
