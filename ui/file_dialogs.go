package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
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
		// A URI's path has forward slashes on Windows too: show and keep
		// the system's own (C:\Users\…).
		p := filepath.FromSlash(r.URI().Path())
		r.Close()
		onPath(p)
	}, win)
	showFileDialog(win, d, d, dir, exts)
}

// showSaveFile asks where to save a file, suggesting name in dir, and calls
// onPath with the chosen path, which ends in exts[0] when the user typed
// none of exts. It writes nothing and never touches the chosen file, nor a
// file of the name typed without its ending (see files_saveguard.go):
// whether to replace an existing file is for onPath to ask
// (confirmReplace), and the file is written atomically after that.
func showSaveFile(l *i18n.Locale, win fyne.Window, dir, name string, exts []string, onPath func(path string)) {
	if err := installSaveGuard(); err != nil {
		fyne.LogError("save dialog", err)
	}
	saveGuardActive.Store(true)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		saveGuardActive.Store(false)
		if err != nil {
			showSaveError(win, l, name, err)
			return
		}
		if w == nil {
			return
		}
		p := filepath.FromSlash(w.URI().Path())
		if _, ok := w.(chosenFile); !ok {
			// Not guarded: Fyne opened the file itself. Close it at once;
			// the file is written atomically over it all the same.
			w.Close()
		}
		if !hasExt(p, exts) {
			p += exts[0]
		}
		onPath(p)
	}, win)
	d.SetFileName(name)
	showFileDialog(win, saveDialog{d}, d, dir, exts)
}

// saveDialog is a save dialog that Escape closes as its Cancel button
// does, so that its callback always runs (and the guard is lifted).
type saveDialog struct {
	*dialog.FileDialog
}

// Hide cancels the dialog.
func (d saveDialog) Hide() { d.Dismiss() }

// showFileDialog filters d by exts, starts it in dir, lets Escape close it
// (through keys, d itself or a saveDialog) and shows it.
func showFileDialog(win fyne.Window, keys closable, d *dialog.FileDialog, dir string, exts []string) {
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	answerKeys(win, keys, nil)
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

// confirmReplace runs replace at once when there is no file at p. When
// there is, it asks whether to replace it, and when that file is
// read-only it asks that separately too; a folder (or anything else that
// is not a file) is never replaced, and saying why is all it does.
func confirmReplace(l *i18n.Locale, win fyne.Window, p string, replace func()) {
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		replace() // nothing there (or nothing we can see: writing says why)
	case !fi.Mode().IsRegular():
		showInformation(l, l.T("ui.save.error_title"), l.T("ui.save.not_file", filepath.Base(p)), win)
	default:
		q := newQuestionDialog(win, l.T("ui.replace.title"), l.T("ui.replace.message", filepath.Base(p), filepath.Dir(p)),
			l.T("ui.replace.confirm"), l.T("ui.dialog.cancel"), func(ok bool) {
				if ok {
					confirmReadOnly(l, win, p, replace)
				}
			})
		q.Show()
	}
}

// confirmReadOnly runs replace at once unless the file at p is read-only
// (no one may write it); then it asks first. The file stays read-only.
func confirmReadOnly(l *i18n.Locale, win fyne.Window, p string, replace func()) {
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm()&0o222 != 0 {
		replace()
		return
	}
	q := newQuestionDialog(win, l.T("ui.readonly.title"), l.T("ui.readonly.message", filepath.Base(p)),
		l.T("ui.readonly.confirm"), l.T("ui.dialog.cancel"), func(ok bool) {
			if ok {
				replace()
			}
		})
	q.Show()
}

// showSaveError says why saving p failed, under a saving title, in the
// user's language (concepts.WriteAtomic's errors name the cause: a full
// disk, no permission, a read-only disk, a missing folder …).
func showSaveError(win fyne.Window, l *i18n.Locale, p string, err error) {
	showWriteError(win, l, l.T("ui.save.error_title"), p, err)
}

// showWriteError shows err, the reason writing p failed, under title.
func showWriteError(win fyne.Window, l *i18n.Locale, title, p string, err error) {
	text := upperFirst(concepts.Localize(err, l))
	msg := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	content := container.NewVBox(widget.NewLabel(l.T("ui.save.error_intro", filepath.Base(p))), msg)
	d := newCloseDialog(win, &dialogKeys{}, title, l.T("ui.dialog.close"), content)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
