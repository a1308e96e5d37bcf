package ui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/tender"
)

// savedTestUI is newTestUI with the sample saved as konsept.yaml in a new
// folder, which the file dialogs then start in.
func savedTestUI(t *testing.T) (*mainUI, string) {
	t.Helper()
	u := newTestUI(t)
	dir := t.TempDir()
	if !u.saveTo(filepath.Join(dir, "konsept.yaml")) {
		t.Fatalf("not saved: %s", dialogText(t, u))
	}
	return u, dir
}

// writeFile writes a file for a test.
func writeFile(t *testing.T, p, text string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}

// fileHolds checks that the file at p holds want.
func fileHolds(t *testing.T, p, want string) {
	t.Helper()
	got, err := os.ReadFile(p)
	if err != nil {
		t.Errorf("%s: %v", filepath.Base(p), err)
		return
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", filepath.Base(p), got, want)
	}
}

// chooseInSaveDialog does in the open save dialog (Fyne's own) what a
// user does: types name over the suggested one and presses Save.
func chooseInSaveDialog(t *testing.T, u *mainUI, suggested, name string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog is shown")
	}
	var entry *widget.Entry
	var save *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Entry:
			if w.Text == suggested {
				entry = w
			}
		case *widget.Button:
			if w.Importance == widget.HighImportance {
				save = w
			}
		}
	}
	if entry == nil || save == nil {
		t.Fatalf("no file name entry (%q) or save button in the dialog", suggested)
	}
	entry.SetText(name)
	test.Tap(save)
}

// tempFiles lists the temporary files of saves left in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if concepts.IsTempName(e.Name()) || strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Fyne's save dialog opens the chosen file with os.Create before it calls
// back; Bokonsept's guard keeps it from doing so, so an existing file is
// untouched until the user says to replace it, and stays so when not.
func TestSaveAsNeverEmptiesChosenFile(t *testing.T) {
	u, dir := savedTestUI(t)
	other := filepath.Join(dir, "annen.yaml")
	writeFile(t, other, "keep me", 0o644)
	suggested := fileNameFor(u.ed.concept().Name)

	u.saveAs(nil)
	chooseInSaveDialog(t, u, suggested, "annen.yaml")
	// The question is open: Fyne has been through its callback, the file
	// is as it was.
	fileHolds(t, other, "keep me")
	if saveGuardActive.Load() {
		t.Error("the guard is still on after the dialog called back")
	}
	if !strings.Contains(dialogText(t, u), u.l.T("ui.replace.message", "annen.yaml", dir)) {
		t.Fatalf("no question about replacing annen.yaml:\n%s", dialogText(t, u))
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	fileHolds(t, other, "keep me")
	if u.ed.project.Path != filepath.Join(dir, "konsept.yaml") {
		t.Errorf("after cancelling, the concept's file is %s", u.ed.project.Path)
	}

	// Saying yes replaces it whole.
	u.saveAs(nil)
	chooseInSaveDialog(t, u, suggested, "annen.yaml")
	test.Tap(topDialogButton(t, u, u.l.T("ui.replace.confirm")))
	data, _ := os.ReadFile(other)
	if !bytes.HasPrefix(data, []byte("# Solenga")) || u.ed.project.Path != other {
		t.Errorf("after replacing, annen.yaml holds %.40q and the concept's file is %s", data, u.ed.project.Path)
	}
	if got := tempFiles(t, dir); len(got) != 0 {
		t.Errorf("temporary files left: %v", got)
	}
}

// A name typed without its ending is saved with it: the question is
// about that file, and the file called just the name is left alone.
func TestSaveAsAddsExtensionAndAsks(t *testing.T) {
	u, dir := savedTestUI(t)
	bare, full := filepath.Join(dir, "navn"), filepath.Join(dir, "navn.yaml")
	writeFile(t, bare, "not a concept", 0o644)
	writeFile(t, full, "old", 0o644)

	u.saveAs(nil)
	chooseInSaveDialog(t, u, fileNameFor(u.ed.concept().Name), "navn")
	if !strings.Contains(dialogText(t, u), u.l.T("ui.replace.message", "navn.yaml", dir)) {
		t.Fatalf("no question about navn.yaml:\n%s", dialogText(t, u))
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	fileHolds(t, full, "old")
	fileHolds(t, bare, "not a concept")

	// A new name gets its ending without a question; nothing else appears.
	u.saveAs(nil)
	chooseInSaveDialog(t, u, fileNameFor(u.ed.concept().Name), "ny")
	if u.ed.project.Path != filepath.Join(dir, "ny.yaml") {
		t.Errorf("saved to %s, want ny.yaml", u.ed.project.Path)
	}
	if exists(filepath.Join(dir, "ny")) {
		t.Error("a file without the ending was made")
	}
	fileHolds(t, bare, "not a concept")
}

// Escape cancels the save dialog as its button does: the guard is lifted.
func TestSaveDialogEscapeLiftsGuard(t *testing.T) {
	u, dir := savedTestUI(t)
	u.saveAs(nil)
	if !saveGuardActive.Load() {
		t.Fatal("the guard is off while the save dialog is open")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if saveGuardActive.Load() {
		t.Error("the guard is still on after Escape closed the dialog")
	}
	if ok, err := storage.Exists(storage.NewFileURI(filepath.Join(dir, "konsept.yaml"))); !ok || err != nil {
		t.Errorf("after the dialog, the repository says the concept file does not exist: %v", err)
	}
}

// The guard hands out a writer that writes nothing while it is on, and
// the real one when it is off.
func TestSaveGuardRepository(t *testing.T) {
	test.NewTempApp(t)
	if err := installSaveGuard(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	writeFile(t, p, "old", 0o644)
	uri := storage.NewFileURI(p)
	saveGuardActive.Store(true)
	w, err := storage.Writer(uri)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w.(chosenFile); !ok || w.URI().Path() != p {
		t.Errorf("writer %T for %s while guarded", w, w.URI())
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("the guarded writer wrote")
	}
	w.Close()
	saveGuardActive.Store(false)
	fileHolds(t, p, "old")
	w, err = storage.Writer(uri)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w.(chosenFile); ok {
		t.Error("the guard is in the way when off")
	}
	w.Close()
	fileHolds(t, p, "") // the real writer truncates: that is what is guarded against
}

// A concept that would not open again is refused before any dialog
// opens, and the file on disk is left as it was.
func TestSaveInvalidConceptLeavesFile(t *testing.T) {
	u, dir := savedTestUI(t)
	p := filepath.Join(dir, "konsept.yaml")
	before, _ := os.ReadFile(p)
	u.ed.addVariant() // an empty variant: no units
	for _, save := range []func(func()){u.save, u.saveAs} {
		save(nil)
		if !strings.Contains(dialogText(t, u), u.l.T("ui.save.invalid")) {
			t.Fatalf("no explanation, but:\n%s", dialogText(t, u))
		}
		u.win.Canvas().Overlays().Top().Hide()
		if saveGuardActive.Load() {
			t.Error("a save dialog was opened for an invalid concept")
		}
		fileHolds(t, p, string(before))
	}
}

func TestSaveAsksBeforeReplacingReadOnly(t *testing.T) {
	u, dir := savedTestUI(t)
	p := filepath.Join(dir, "konsept.yaml")
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	if err := u.ed.setCount(0, 5); err != nil {
		t.Fatal(err)
	}
	u.save(nil)
	if !strings.Contains(dialogText(t, u), u.l.T("ui.readonly.message", "konsept.yaml")) {
		t.Fatalf("no question about the read-only file:\n%s", dialogText(t, u))
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	fileHolds(t, p, string(before))
	if !u.ed.dirty() {
		t.Error("cancelled, yet marked saved")
	}
	u.save(nil)
	test.Tap(topDialogButton(t, u, u.l.T("ui.readonly.confirm")))
	if data, _ := os.ReadFile(p); !strings.Contains(string(data), "count: 5") {
		t.Error("replacing the read-only file did not write the concept")
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode = %v, want 0444 kept", fi.Mode().Perm())
	}

	// Save as over another read-only file asks twice: replace, read-only.
	other := filepath.Join(dir, "låst.yaml")
	writeFile(t, other, "locked", 0o444)
	u.saveAs(nil)
	chooseInSaveDialog(t, u, fileNameFor(u.ed.concept().Name), "låst.yaml")
	test.Tap(topDialogButton(t, u, u.l.T("ui.replace.confirm")))
	if !strings.Contains(dialogText(t, u), u.l.T("ui.readonly.message", "låst.yaml")) {
		t.Fatalf("no second question about the read-only file:\n%s", dialogText(t, u))
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	fileHolds(t, other, "locked")
}

// Two windows on one file: the second to save is asked, and each answer
// does what it says.
func TestSaveNoticesChangeOnDisk(t *testing.T) {
	a, dir := savedTestUI(t)
	p := filepath.Join(dir, "konsept.yaml")
	b := newTestUI(t)
	if !b.openPath(p) {
		t.Fatal(dialogText(t, b))
	}
	if err := b.ed.setCount(0, 7); err != nil {
		t.Fatal(err)
	}
	b.save(nil) // b's file is as b opened it: no question
	if b.ed.dirty() {
		t.Fatalf("b did not save: %s", dialogText(t, b))
	}
	fromB, _ := os.ReadFile(p)

	if err := a.ed.setCount(0, 9); err != nil {
		t.Fatal(err)
	}
	a.save(nil)
	if !strings.Contains(dialogText(t, a), a.l.T("ui.changed.message", "konsept.yaml", dir)) {
		t.Fatalf("a was not asked about b's change:\n%s", dialogText(t, a))
	}
	fileHolds(t, p, string(fromB))
	test.Tap(topDialogButton(t, a, a.l.T("ui.dialog.cancel")))
	fileHolds(t, p, string(fromB))

	// Overwrite writes a's concept.
	a.save(nil)
	test.Tap(topDialogButton(t, a, a.l.T("ui.changed.overwrite")))
	if data, _ := os.ReadFile(p); !strings.Contains(string(data), "count: 9") || a.ed.dirty() {
		t.Error("overwrite did not save a's concept")
	}

	// Now b is the one behind; it loads the file again.
	if err := b.ed.setCount(0, 4); err != nil {
		t.Fatal(err)
	}
	b.save(nil)
	test.Tap(topDialogButton(t, b, b.l.T("ui.changed.reload")))
	if got := b.ed.variant().Units[0].Count; got != 9 || b.ed.dirty() {
		t.Errorf("after reloading b shows count %d (dirty %v), want a's 9", got, b.ed.dirty())
	}

	// A file only touched (same content) is no change.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if err := b.ed.setCount(0, 3); err != nil {
		t.Fatal(err)
	}
	b.save(nil)
	if b.ed.dirty() {
		t.Errorf("a touched file stopped the save: %s", dialogText(t, b))
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	_, dir := savedTestUI(t)
	real := filepath.Join(dir, "konsept.yaml")
	link := filepath.Join(dir, "lenke.yaml")
	if err := os.Symlink("konsept.yaml", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	v := newTestUI(t)
	if !v.openPath(link) {
		t.Fatal(dialogText(t, v))
	}
	if err := v.ed.setCount(0, 6); err != nil {
		t.Fatal(err)
	}
	v.save(nil)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v", err)
	}
	if data, _ := os.ReadFile(real); !strings.Contains(string(data), "count: 6") {
		t.Error("the link's target was not written")
	}
}

// Saving errors are shown under a saving title, in the user's language,
// without the temporary file's name.
func TestSaveErrorMessage(t *testing.T) {
	u, dir := savedTestUI(t)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := u.ed.setCount(0, 4); err != nil {
		t.Fatal(err)
	}
	u.save(nil)
	if !u.ed.dirty() {
		t.Fatal("saved into a folder that is gone")
	}
	text := dialogText(t, u)
	for _, want := range []string{u.l.T("ui.save.error_title"), u.l.T("ui.save.error_intro", "konsept.yaml"), "mappen " + dir + " finnes ikke"} {
		if !strings.Contains(text, want) {
			t.Errorf("the message lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, ".tmp") || strings.Contains(text, u.l.T("ui.error.file_title")) {
		t.Errorf("the message names a temporary file or speaks of opening:\n%s", text)
	}
}

// An export that fails or is refused leaves an existing document as it
// was, and says so under an export title.
func TestExportNeverHarmsExistingFile(t *testing.T) {
	u, dir := savedTestUI(t)
	posted := make(chan func(), 10000)
	u.ed.post = func(f func()) { posted <- f }
	pdf := filepath.Join(dir, "anbud.pdf")
	writeFile(t, pdf, "old pdf", 0o644)
	var in tender.Input
	u.prepareExport(exportReport, []int{0}, func(got tender.Input) { in = got })
	for in.Project == nil {
		select {
		case f := <-posted:
			f()
		case <-time.After(60 * time.Second):
			t.Fatal("the simulation did not finish in 60 s")
		}
	}
	if in.Estimates[0].P50 == nil {
		t.Fatal("the export's estimate was not simulated before the file dialog")
	}
	name := u.exportFileName(exportReport, in)

	// Typed without its ending: asked about anbud.pdf; cancelled.
	u.chooseExportFile(exportReport, in)
	chooseInSaveDialog(t, u, name, "anbud")
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	fileHolds(t, pdf, "old pdf")
	if exists(filepath.Join(dir, "anbud")) {
		t.Error("a file without the ending was made")
	}

	// A writer that fails.
	failing := exportReport
	failing.write = func(w io.Writer, in tender.Input) error {
		io.WriteString(w, "half")
		return errors.New("boom")
	}
	u.writeExport(failing, in, pdf)
	for u.win.Canvas().Overlays().Top() == nil || !strings.Contains(dialogText(t, u), "Boom") {
		select {
		case f := <-posted:
			f()
		case <-time.After(60 * time.Second):
			t.Fatal("no error in 60 s")
		}
	}
	if !strings.Contains(dialogText(t, u), u.l.T("ui.export.error_title")) {
		t.Errorf("the error is not under the export title:\n%s", dialogText(t, u))
	}
	fileHolds(t, pdf, "old pdf")
	if got := tempFiles(t, dir); len(got) != 0 {
		t.Errorf("temporary files left: %v", got)
	}
}

// The export's progress moves in steps while the simulation runs, not only
// at its end (a simulation's progress comes in chunks of 1 024 iterations,
// which never fall on a fiftieth of 20 000).
func TestSimulateAllReportsProgress(t *testing.T) {
	u := newTestUI(t)
	models := append([]*costing.Model(nil), u.ed.models...)
	estimates := append([]*costing.Estimate(nil), u.ed.estimates...)
	var got []float64
	progress := make(chan float64, 1000)
	err := simulateAll(t.Context(), models, estimates, []int{0}, 20000, func(f float64) { progress <- f })
	if err != nil {
		t.Fatal(err)
	}
	close(progress)
	for f := range progress {
		got = append(got, f)
	}
	// 20 000 iterations are 20 chunks: about 20 steps between 0 and 1.
	if len(got) < 10 || got[0] != 0 || got[len(got)-1] != 1 {
		t.Errorf("progress %v: want 0, at least 8 steps between, and 1", got)
	}
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if !slices.Equal(got, slices.Compact(sorted)) {
		t.Errorf("progress %v does not rise step by step", got)
	}
	if estimates[0].P50 == nil {
		t.Error("no P50 after the simulation")
	}
}

func TestOpenInitialLastFile(t *testing.T) {
	u, dir := savedTestUI(t)
	if err := u.ed.setCount(0, 2); err != nil {
		t.Fatal(err)
	}
	u.save(nil)
	p := filepath.Join(dir, "konsept.yaml")

	// The next start (same preferences) opens the last file.
	v := newTestUI(t)
	v.settings = u.settings
	v.openInitial("")
	if v.ed.project.Path != p || v.ed.variant().Units[0].Count != 2 {
		t.Errorf("opened %q (count %d), want %s", v.ed.project.Path, v.ed.variant().Units[0].Count, p)
	}
	// Gone: the sample opens, without a message.
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	w := newTestUI(t)
	w.settings = u.settings
	w.openInitial("")
	if w.ed.project.Path != "" || w.win.Canvas().Overlays().Top() != nil {
		t.Errorf("with the last file gone: path %q, dialog %v", w.ed.project.Path, w.win.Canvas().Overlays().Top() != nil)
	}
}

// A sample's price book is the built-in one, whatever the working folder
// holds, so saving never refers to "../somewhere/hallingbygg-2026.yaml".
func TestSampleIgnoresWorkingFolder(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	writeFile(t, filepath.Join(wd, "hallingbygg-2026.yaml"), "not a price book", 0o644)
	p, _, err := loadSample(defaultSample)
	if err != nil {
		t.Fatalf("the sample does not load beside a stray file: %v", err)
	}
	for ref, pb := range p.PriceBooks {
		if filepath.IsAbs(pb.Path) || !strings.HasPrefix(pb.Path, "samples/") {
			t.Errorf("price book %s comes from %s, want the built-in sample", ref, pb.Path)
		}
	}
}

func TestStaleTempsCleanedInRecentFolders(t *testing.T) {
	u, dir := savedTestUI(t)
	stale := filepath.Join(dir, concepts.TempPrefix+"konsept.yaml-1"+concepts.TempSuffix)
	writeFile(t, stale, "half", 0o600)
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(u.staleTempDirs(), dir) {
		t.Fatalf("folders %v lack the recent file's %s", u.staleTempDirs(), dir)
	}
	cleanStaleTemps(u.staleTempDirs())
	if exists(stale) {
		t.Error("the stale temporary file is still there")
	}
	if !exists(filepath.Join(dir, "konsept.yaml")) {
		t.Error("the concept file went too")
	}
}
