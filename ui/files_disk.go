package ui

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// fileState is what the window knows about the concept's file and its
// recovery copy.
type fileState struct {
	// disk is the concept file as it was last opened or saved.
	disk diskStamp
	// newDocID names a concept that has no file yet in its recovery
	// copy's name; "" until its first autosave.
	newDocID string
	// instance is this window's process (thisInstance unless a test sets
	// another).
	instance instanceID
	// alive reports whether the process that wrote a recovery copy still
	// runs; nil means instanceAlive.
	alive func(recoveryMeta) bool
	// recoveryBase is the name (without extension) of the recovery copy
	// this window wrote last; "" when it has none.
	recoveryBase string
}

// diskStamp is what a file was when Bokonsept read or wrote it: its
// modification time, size and the SHA-256 of its content.
type diskStamp struct {
	ModTime time.Time `json:"mod_time"`
	Size    int64     `json:"size"`
	SHA256  []byte    `json:"sha256"`
}

// known reports whether the stamp describes a file.
func (s diskStamp) known() bool { return len(s.SHA256) > 0 }

// stampOf is the stamp of the file at path that holds data (just read or
// written); the zero stamp when path cannot be looked at.
func stampOf(path string, data []byte) diskStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return diskStamp{}
	}
	sum := sha256.Sum256(data)
	return diskStamp{ModTime: fi.ModTime(), Size: fi.Size(), SHA256: sum[:]}
}

// changedOnDisk reports whether the file at path now differs from the
// stamp: a file with the same modification time and size is taken as
// unchanged; otherwise its content is compared by hash (a file only
// touched is unchanged). A file that is gone or unreadable is not
// "changed": saving writes it again, or says why it cannot.
func (s diskStamp) changedOnDisk(path string) bool {
	if !s.known() {
		return false
	}
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	if fi.ModTime().Equal(s.ModTime) && fi.Size() == s.Size {
		return false
	}
	// Read only a regular file, never blocking on a pipe swapped in: a
	// file that cannot be read is not the one opened, so ask.
	data, err := concepts.ReadFile(path)
	if err != nil {
		return true
	}
	sum := sha256.Sum256(data)
	return !bytes.Equal(sum[:], s.SHA256)
}

// checkDiskChange runs save at once when the concept's file p is as it
// was opened or last saved. When another program or window changed it
// since, it asks first: load the file again (dropping the changes made
// here), overwrite it, save the changes as another file (then runs after
// that save), or cancel.
func (u *mainUI) checkDiskChange(p string, then, save func()) {
	if p != u.ed.project.Path || !u.files.disk.changedOnDisk(p) {
		save()
		return
	}
	l := u.l
	msg := &widget.Label{Text: l.T("ui.changed.message", filepath.Base(p), filepath.Dir(p)), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(l.T("ui.changed.title"), msg, u.win)
	d.SetIcon(theme.WarningIcon())
	keys := &dialogKeys{}
	reload := newDialogButton(keys, l.T("ui.changed.reload"), theme.ViewRefreshIcon(), widget.MediumImportance, func() {
		d.Hide()
		u.openPath(p)
	})
	overwrite := newDialogButton(keys, l.T("ui.changed.overwrite"), theme.DocumentSaveIcon(), widget.DangerImportance, func() {
		d.Hide()
		save()
	})
	saveAs := newDialogButton(keys, l.T("ui.changed.save_as"), theme.DocumentSaveIcon(), widget.HighImportance, func() {
		d.Hide()
		u.saveAs(then)
	})
	cancel := newDialogButton(keys, l.T("ui.dialog.cancel"), theme.CancelIcon(), widget.MediumImportance, d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, reload, overwrite, saveAs})
	keys.answer(u.win, d, nil)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}
