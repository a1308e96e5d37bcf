package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// The recovery files in the app's storage folder: the concept as it was at
// the last autosave, and where it came from.
const (
	recoveryFile     = "recovery.yaml"
	recoveryMetaFile = "recovery.json"
)

// recoveryMeta says where a recovered concept belongs.
type recoveryMeta struct {
	// Path is the concept's file, or "" for a concept never saved.
	Path string `json:"path"`
	// Saved is when the recovery file was written.
	Saved time.Time `json:"saved"`
}

// recoveryPaths returns the recovery file and its metadata file, or "" when
// the app has no storage folder.
func (u *mainUI) recoveryPaths() (string, string) {
	if u.recoveryDir == "" {
		return "", ""
	}
	return filepath.Join(u.recoveryDir, recoveryFile), filepath.Join(u.recoveryDir, recoveryMetaFile)
}

// startAutosave writes unsaved changes to the recovery file every interval
// until stopAutosave. The ticker runs on its own goroutine and hands the
// work to the UI goroutine (u.ed.post, which is fyne.Do).
func (u *mainUI) startAutosave(every time.Duration) {
	stop := make(chan struct{})
	u.autosaveStop = stop
	post := u.ed.post
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				post(func() {
					select {
					case <-stop:
					default:
						u.autosave()
					}
				})
			}
		}
	}()
}

// stopAutosave ends the autosave.
func (u *mainUI) stopAutosave() {
	if u.autosaveStop != nil {
		close(u.autosaveStop)
		u.autosaveStop = nil
	}
}

// autosave writes the concept to the recovery file while it has unsaved
// changes, and removes the recovery file once it has none.
func (u *mainUI) autosave() {
	if u.recoveryPending {
		return // the offer to restore it is still open
	}
	if !u.ed.dirty() {
		u.removeRecovery()
		return
	}
	if err := u.writeRecovery(); err != nil {
		fyne.LogError("autosave", err)
	}
}

// writeRecovery writes the recovery file and its metadata.
func (u *mainUI) writeRecovery() error {
	file, meta := u.recoveryPaths()
	if file == "" {
		return errors.New("no storage folder for the recovery file")
	}
	if err := os.MkdirAll(u.recoveryDir, 0o755); err != nil {
		return err
	}
	data, err := concepts.EncodeConcept(u.ed.concept(), u.ed.original)
	if err != nil {
		return err
	}
	m, err := json.Marshal(recoveryMeta{Path: u.ed.project.Path, Saved: time.Now()})
	if err != nil {
		return err
	}
	if err := concepts.WriteFileAtomic(meta, m); err != nil {
		return err
	}
	return concepts.WriteFileAtomic(file, data)
}

// removeRecovery deletes the recovery files (saved, or a clean exit).
func (u *mainUI) removeRecovery() {
	file, meta := u.recoveryPaths()
	if file == "" {
		return
	}
	for _, f := range []string{file, meta} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			fyne.LogError("removing recovery file", err)
		}
	}
}

// offerRecovery asks, when a recovery file was left by a run that did not
// end cleanly, whether to restore it.
func (u *mainUI) offerRecovery() {
	file, metaFile := u.recoveryPaths()
	if file == "" {
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return
	}
	var meta recoveryMeta
	if m, err := os.ReadFile(metaFile); err == nil {
		_ = json.Unmarshal(m, &meta)
	}
	name := meta.Path
	if c, err := concepts.DecodeConcept(recoveryFile, data); err == nil {
		name = c.Name
	}
	when := meta.Saved.Local().Format("2006-01-02 15:04")
	u.recoveryPending = true
	msg := &widget.Label{Text: u.l.T("ui.recovery.message", name, when), Wrapping: fyne.TextWrapWord}
	d := newConfirmDialog(u.win, &dialogKeys{}, u.l.T("ui.recovery.title"), u.l.T("ui.recovery.restore"), u.l.T("ui.recovery.discard"), msg, func(ok bool) {
		u.recoveryPending = false
		if !ok {
			u.removeRecovery()
			return
		}
		u.restoreRecovery(data, meta)
	})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// restoreRecovery opens the recovered concept as unsaved changes to the
// file it belongs to.
func (u *mainUI) restoreRecovery(data []byte, meta recoveryMeta) {
	dir := ""
	if meta.Path != "" {
		dir = filepath.Dir(meta.Path)
	}
	p, err := decodeProject(recoveryFile, data, dir)
	if err != nil {
		showFileError(u.win, u.l, recoveryFile, err)
		return
	}
	p.Path = meta.Path
	var original []byte
	if meta.Path != "" {
		original, _ = os.ReadFile(meta.Path)
	}
	u.setProject(p, original, false)
	if err := u.writeRecovery(); err != nil {
		fyne.LogError("recovery", err)
	}
}
