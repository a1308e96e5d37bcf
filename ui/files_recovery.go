package ui

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// Recovery copies live in the recovery folder of the app's storage
// folder, one pair of files per document and window: the concept as it
// was at the last autosave ("<doc>.<instance>.yaml") and where it belongs
// ("<doc>.<instance>.json", a recoveryMeta). <doc> is "f" and a hash of
// the concept file's path, or "n" and a random id for a concept never
// saved; <instance> is the process id and start of the window's process.
// A window writes and removes only its own copy; at start it offers every
// copy whose window is no longer running.
const (
	recoverySubdir = "recovery"
	recoveryExt    = ".yaml"
	recoveryMetaEx = ".json"
)

// The recovery files of versions that kept one copy for every window, in
// the storage folder itself; a copy left there is offered too.
const (
	legacyRecoveryFile     = "recovery.yaml"
	legacyRecoveryMetaFile = "recovery.json"
)

// recoveryMeta says where a recovered concept belongs and which window
// wrote it.
type recoveryMeta struct {
	// Path is the concept's file, or "" for a concept never saved.
	Path string `json:"path"`
	// Saved is when the recovery file was written.
	Saved time.Time `json:"saved"`
	// Doc is the document part of the copy's name.
	Doc string `json:"doc,omitempty"`
	// Instance is the window's process.
	Instance instanceID `json:"instance"`
	// Disk is the concept file as the window opened or last saved it, so
	// that saving the restored concept notices a change made since.
	Disk diskStamp `json:"disk,omitzero"`
}

// recoveryCopy is a recovery copy left by a window that is gone.
type recoveryCopy struct {
	meta recoveryMeta
	// file and metaFile are its two files.
	file, metaFile string
	// data is the concept's text.
	data []byte
	// name is the concept's name (its file's when it cannot be read).
	name string
}

// recoveryFolder is where recovery copies are written ("" without a
// storage folder).
func (u *mainUI) recoveryFolder() string {
	if u.recoveryDir == "" {
		return ""
	}
	return filepath.Join(u.recoveryDir, recoverySubdir)
}

// instance is this window's process.
func (u *mainUI) instance() instanceID {
	if u.files.instance.PID == 0 {
		u.files.instance = thisInstance()
	}
	return u.files.instance
}

// docKey is the document part of the recovery copy's name.
func (u *mainUI) docKey() string {
	if p := u.ed.project.Path; p != "" {
		sum := sha256.Sum256([]byte(p))
		return "f" + hex.EncodeToString(sum[:8])
	}
	if u.files.newDocID == "" {
		u.files.newDocID = "n" + rand.Text()[:16]
	}
	return u.files.newDocID
}

// recoveryPaths returns the recovery file of the concept being edited and
// its metadata file, or "" when the app has no storage folder.
func (u *mainUI) recoveryPaths() (string, string) {
	dir := u.recoveryFolder()
	if dir == "" {
		return "", ""
	}
	base := filepath.Join(dir, u.docKey()+"."+u.instance().key())
	return base + recoveryExt, base + recoveryMetaEx
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

// autosave writes the concept to this window's recovery copy while it
// has unsaved changes, and removes the copy once it has none.
func (u *mainUI) autosave() {
	if u.recoveryPending {
		return // the offer to restore a copy is still open
	}
	if !u.ed.dirty() {
		u.removeRecovery()
		return
	}
	if err := u.writeRecovery(); err != nil {
		fyne.LogError("autosave", err)
	}
}

// writeRecovery writes this window's recovery copy of the concept, and
// removes the copy it wrote of another document before.
func (u *mainUI) writeRecovery() error {
	file, metaFile := u.recoveryPaths()
	if file == "" {
		return errors.New("no storage folder for the recovery file")
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	data, err := concepts.EncodeConcept(u.ed.concept(), u.ed.original)
	if err != nil {
		return err
	}
	m, err := json.Marshal(recoveryMeta{Path: u.ed.project.Path, Saved: time.Now(), Doc: u.docKey(),
		Instance: u.instance(), Disk: u.files.disk})
	if err != nil {
		return err
	}
	// The concept first: a metadata file always has its concept.
	if err := concepts.WriteFileAtomic(file, data); err != nil {
		return err
	}
	if err := concepts.WriteFileAtomic(metaFile, m); err != nil {
		return err
	}
	base := strings.TrimSuffix(file, recoveryExt)
	if old := u.files.recoveryBase; old != "" && old != base {
		removeFiles(old+recoveryMetaEx, old+recoveryExt)
	}
	u.files.recoveryBase = base
	return nil
}

// removeRecovery deletes this window's recovery copy (saved, no changes
// left, or a clean exit); other windows' copies stay.
func (u *mainUI) removeRecovery() {
	if old := u.files.recoveryBase; old != "" {
		removeFiles(old+recoveryMetaEx, old+recoveryExt)
		u.files.recoveryBase = ""
	}
	if file, metaFile := u.recoveryPaths(); file != "" {
		removeFiles(metaFile, file)
	}
}

// removeFiles removes files that may not exist.
func removeFiles(files ...string) {
	for _, f := range files {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			fyne.LogError("removing recovery file", err)
		}
	}
}

// isAlive reports whether the window that wrote a copy still runs.
func (u *mainUI) isAlive(m recoveryMeta) bool {
	if u.files.alive != nil {
		return u.files.alive(m)
	}
	return instanceAlive(m.Instance, m.Saved)
}

// leftRecoveries returns the recovery copies of windows that are no
// longer running, newest first.
func (u *mainUI) leftRecoveries() []recoveryCopy {
	dir := u.recoveryFolder()
	if dir == "" {
		return nil
	}
	var out []recoveryCopy
	metas, _ := filepath.Glob(filepath.Join(dir, "*"+recoveryMetaEx))
	for _, metaFile := range metas {
		var m recoveryMeta
		raw, err := os.ReadFile(metaFile)
		if err != nil || json.Unmarshal(raw, &m) != nil {
			continue
		}
		if m.Instance == u.instance() || u.isAlive(m) {
			continue
		}
		file := strings.TrimSuffix(metaFile, recoveryMetaEx) + recoveryExt
		if c, ok := readRecoveryCopy(file, metaFile, m); ok {
			out = append(out, c)
		}
	}
	// A copy from a version that kept one for all windows.
	legacy := filepath.Join(u.recoveryDir, legacyRecoveryFile)
	legacyMeta := filepath.Join(u.recoveryDir, legacyRecoveryMetaFile)
	var m recoveryMeta
	if raw, err := os.ReadFile(legacyMeta); err == nil {
		_ = json.Unmarshal(raw, &m)
	}
	if c, ok := readRecoveryCopy(legacy, legacyMeta, m); ok {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b recoveryCopy) int { return b.meta.Saved.Compare(a.meta.Saved) })
	return out
}

// readRecoveryCopy reads the copy in file, described by m.
func readRecoveryCopy(file, metaFile string, m recoveryMeta) (recoveryCopy, bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return recoveryCopy{}, false
	}
	name := filepath.Base(m.Path)
	if c, err := concepts.DecodeConcept(file, data); err == nil {
		name = c.Name
	}
	return recoveryCopy{meta: m, file: file, metaFile: metaFile, data: data, name: name}, true
}

// offerRecovery offers to restore the work of windows that did not end
// cleanly: one copy with a question, several as a list to choose from.
// Restoring one opens it here; the others stay for the next start.
// Discarding one removes it and offers the rest.
func (u *mainUI) offerRecovery() {
	left := u.leftRecoveries()
	if len(left) == 0 {
		return
	}
	l := u.l
	labels := make([]string, len(left))
	for i, c := range left {
		where := l.T("ui.recovery.never_saved")
		if c.meta.Path != "" {
			where = c.meta.Path
		}
		labels[i] = l.T("ui.recovery.item", c.name, where, c.meta.Saved.Local().Format("2006-01-02 15:04"))
	}
	keys := &dialogKeys{}
	var content fyne.CanvasObject
	var choice *dialogRadio
	if len(left) == 1 {
		c := left[0]
		content = &widget.Label{Text: l.T("ui.recovery.message", c.name, c.meta.Saved.Local().Format("2006-01-02 15:04")), Wrapping: fyne.TextWrapWord}
	} else {
		choice = newDialogRadio(keys, labels, labels[0])
		content = container.NewVBox(&widget.Label{Text: l.T("ui.recovery.message_many", len(left)), Wrapping: fyne.TextWrapWord}, choice)
	}
	selected := func() recoveryCopy {
		if choice != nil {
			if i := slices.Index(labels, choice.Selected); i >= 0 {
				return left[i]
			}
		}
		return left[0]
	}
	u.recoveryPending = true
	d := dialog.NewCustomWithoutButtons(l.T("ui.recovery.title"), content, u.win)
	restore := newDialogButton(keys, l.T("ui.recovery.restore"), theme.HistoryIcon(), widget.HighImportance, func() {
		c := selected()
		d.Hide()
		u.restoreRecovery(c)
	})
	discard := newDialogButton(keys, l.T("ui.recovery.discard"), theme.DeleteIcon(), widget.DangerImportance, func() {
		c := selected()
		d.Hide()
		removeFiles(c.metaFile, c.file)
		u.offerRecovery()
	})
	later := newDialogButton(keys, l.T("ui.recovery.later"), theme.CancelIcon(), widget.MediumImportance, d.Hide)
	d.SetButtons([]fyne.CanvasObject{later, discard, restore})
	keys.answer(u.win, d, restore.OnTapped)
	d.SetOnClosed(func() { u.recoveryPending = false })
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// restoreRecovery opens the recovered concept as unsaved changes to the
// file it belongs to; this window's own recovery copy takes its place.
func (u *mainUI) restoreRecovery(c recoveryCopy) {
	meta := c.meta
	dir := ""
	if meta.Path != "" {
		dir = filepath.Dir(meta.Path)
	}
	p, err := decodeProject(c.file, c.data, dir)
	if err != nil {
		showFileError(u.win, u.l, c.file, err)
		return
	}
	p.Path = meta.Path
	var original []byte
	if meta.Path != "" {
		original, _ = concepts.ReadFile(meta.Path)
	}
	u.setProject(p, original, false)
	u.files.disk = meta.Disk
	if meta.Path == "" && meta.Doc != "" {
		u.files.newDocID = meta.Doc
	}
	if err := u.writeRecovery(); err != nil {
		fyne.LogError("recovery", err)
		return // keep the left copy: ours could not be written
	}
	removeFiles(c.metaFile, c.file)
}

// staleTempDirs are the folders where a killed save may have left
// temporary files: those of the recent files, the recovery folder and the
// folder the file dialogs start in.
func (u *mainUI) staleTempDirs() []string {
	var dirs []string
	add := func(d string) {
		if d != "" && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	for _, p := range u.settings.RecentFiles() {
		add(filepath.Dir(p))
	}
	add(u.recoveryFolder())
	add(u.dialogDir())
	return dirs
}

// staleTempAge is how old a temporary file of a save is before it is
// taken as left by a killed save: no save takes that long.
const staleTempAge = time.Minute

// cleanStaleTemps removes the temporary files killed saves left in dirs.
// It runs on its own goroutine at start and touches no widget.
func cleanStaleTemps(dirs []string) {
	for _, d := range dirs {
		if _, err := concepts.CleanStale(d, staleTempAge); err != nil {
			fyne.LogError("removing temporary files in "+d, err)
		}
	}
}
