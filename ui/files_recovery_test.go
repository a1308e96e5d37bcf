package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// asInstance makes u act as the window of process pid, which runs as long
// as running says; every window of a test shares the storage folder dir.
func asInstance(u *mainUI, pid int, dir string, running map[int]bool) {
	u.recoveryDir = dir
	u.files.instance = instanceID{PID: pid, Start: "1"}
	u.files.alive = func(m recoveryMeta) bool { return running[m.Instance.PID] }
}

// exists reports whether a file is at p.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestRecoveryPerInstance(t *testing.T) {
	dir := t.TempDir()
	running := map[int]bool{1: true, 2: true}

	// Two windows on the same sample, each with unsaved changes.
	a, b := newTestUI(t), newTestUI(t)
	asInstance(a, 1, dir, running)
	asInstance(b, 2, dir, running)
	if err := a.ed.setCount(0, 17); err != nil {
		t.Fatal(err)
	}
	if err := b.ed.setCount(0, 23); err != nil {
		t.Fatal(err)
	}
	a.autosave()
	b.autosave()
	fileA, _ := a.recoveryPaths()
	fileB, _ := b.recoveryPaths()
	if fileA == fileB {
		t.Fatalf("both windows write %s", fileA)
	}
	if !exists(fileA) || !exists(fileB) {
		t.Fatalf("recovery copies: %v %v, want both", exists(fileA), exists(fileB))
	}

	// Window A undoes its change: its autosave removes its own copy only.
	a.onUndo()
	a.autosave()
	if exists(fileA) {
		t.Error("A's copy stays after A undid every change")
	}
	if !exists(fileB) {
		t.Fatal("A's autosave removed B's copy")
	}

	// A third window started while B runs offers nothing: B is alive.
	c := newTestUI(t)
	asInstance(c, 3, dir, running)
	c.offerRecovery()
	if top := c.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a running window's copy was offered: %s", dialogText(t, c))
	}

	// B is killed: the next window offers B's work and restores it.
	delete(running, 2)
	d := newTestUI(t)
	asInstance(d, 4, dir, running)
	d.offerRecovery()
	d.autosave() // the offer is open: nothing is written or removed
	if !exists(fileB) {
		t.Fatal("the autosave removed the copy on offer before the user answered")
	}
	if !strings.Contains(dialogText(t, d), b.ed.concept().Name) {
		t.Errorf("the offer does not name the concept:\n%s", dialogText(t, d))
	}
	test.Tap(topDialogButton(t, d, d.l.T("ui.recovery.restore")))
	if got := d.ed.variant().Units[0].Count; got != 23 {
		t.Errorf("restored count = %d, want B's 23", got)
	}
	if !d.ed.dirty() {
		t.Error("restored work is not marked unsaved")
	}
	assertFigures(t, d)
	// D adopted the copy: B's files are gone, D's own copy holds the work.
	if exists(fileB) {
		t.Error("B's copy stays after D restored it")
	}
	fileD, _ := d.recoveryPaths()
	if data, err := os.ReadFile(fileD); err != nil || !strings.Contains(string(data), "count: 23") {
		t.Errorf("D's copy: %v\n%s", err, data)
	}

	// A clean exit of D removes its copy.
	d.onCloseRequested()
	test.Tap(topDialogButton(t, d, d.l.T("ui.unsaved.discard")))
	if exists(fileD) {
		t.Error("D's copy stays after a clean exit")
	}
}

func TestRecoveryOffersEveryLeftCopy(t *testing.T) {
	dir := t.TempDir()
	running := map[int]bool{}
	for pid, count := range map[int]int{5: 31, 6: 37} {
		w := newTestUI(t)
		asInstance(w, pid, dir, running)
		if err := w.ed.setCount(0, count); err != nil {
			t.Fatal(err)
		}
		w.autosave()
	}
	u := newTestUI(t)
	asInstance(u, 7, dir, running)
	if got := len(u.leftRecoveries()); got != 2 {
		t.Fatalf("left copies = %d, want 2", got)
	}
	// Discarding the first leaves the other on offer; "later" keeps it.
	u.offerRecovery()
	if !strings.Contains(dialogText(t, u), u.l.T("ui.recovery.message_many", 2)) {
		t.Errorf("the offer does not list both:\n%s", dialogText(t, u))
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.recovery.discard")))
	if got := len(u.leftRecoveries()); got != 1 {
		t.Fatalf("left copies after discarding one = %d, want 1", got)
	}
	test.Tap(topDialogButton(t, u, u.l.T("ui.recovery.later")))
	if got := len(u.leftRecoveries()); got != 1 {
		t.Errorf("left copies after 'later' = %d, want 1 kept", got)
	}
	if u.ed.dirty() {
		t.Error("nothing was restored, yet the concept is unsaved")
	}
}

func TestRecoveryLegacyCopy(t *testing.T) {
	dir := t.TempDir()
	w := newTestUI(t)
	if err := w.ed.setCount(0, 13); err != nil {
		t.Fatal(err)
	}
	w.recoveryDir = t.TempDir()
	if err := w.writeRecovery(); err != nil {
		t.Fatal(err)
	}
	file, _ := w.recoveryPaths()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// The single copy of earlier versions, in the storage folder itself.
	if err := os.WriteFile(filepath.Join(dir, legacyRecoveryFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	asInstance(u, 8, dir, map[int]bool{})
	u.offerRecovery()
	test.Tap(topDialogButton(t, u, u.l.T("ui.recovery.restore")))
	if got := u.ed.variant().Units[0].Count; got != 13 {
		t.Errorf("restored count = %d, want 13", got)
	}
	if exists(filepath.Join(dir, legacyRecoveryFile)) {
		t.Error("the old copy stays after it was restored")
	}
}

func TestInstanceAlive(t *testing.T) {
	me := thisInstance()
	if !instanceAlive(me, time.Now()) {
		t.Errorf("this process (%+v) is not alive", me)
	}
	if instanceAlive(instanceID{PID: 0, Start: me.Start}, time.Now()) {
		t.Error("process id 0 is alive")
	}
	if canTellStart() {
		// The same process id with another start is a later process.
		if instanceAlive(instanceID{PID: me.PID, Start: me.Start + "0"}, time.Now()) {
			t.Error("a process that started at another time is taken for this one")
		}
	} else if instanceAlive(instanceID{PID: me.PID, Start: me.Start}, time.Now().Add(-time.Hour)) {
		t.Error("a copy an hour old is taken for a running window's")
	}
}
