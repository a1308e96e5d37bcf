package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/tender"
)

// dialogText returns the text of every label in the top dialog.
func dialogText(t *testing.T, u *mainUI) string {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	var b strings.Builder
	for _, o := range rendered(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestOpenBadFileKeepsConcept(t *testing.T) {
	u := newTestUI(t)
	before := u.ed.concept()
	name := before.Name
	bad := filepath.Join(t.TempDir(), "feil.yaml")
	text := "format: bokonsept/concept@1\nname: Feil\ncatalogue: builtin\nmunicipality: gol\nrevision: {id: A, date: 2026-11-27}\nsite:\n  area_m2: -5\n  colour: blue\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if u.openPath(bad) {
		t.Fatal("a bad file opened")
	}
	msg := dialogText(t, u)
	if !strings.Contains(msg, bad+":8:3:") && !strings.Contains(msg, bad+":7:") {
		t.Errorf("the error dialog does not give file, line and column:\n%s", msg)
	}
	if u.ed.concept() != before || u.ed.concept().Name != name {
		t.Error("opening a bad file changed the concept being edited")
	}
	assertFigures(t, u)
	if u.ed.dirty() {
		t.Error("opening a bad file marked the concept unsaved")
	}
}

func TestSaveAndReopen(t *testing.T) {
	u := newTestUI(t)
	if err := u.ed.setCount(0, 3); err != nil {
		t.Fatal(err)
	}
	if err := u.ed.renameVariant(0, "A – tre boliger"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "solenga.yaml")
	if !u.saveTo(path) {
		t.Fatalf("not saved: %s", dialogText(t, u))
	}
	if u.ed.dirty() || strings.HasPrefix(u.win.Title(), "•") {
		t.Errorf("saved, but title %q still has the unsaved mark", u.win.Title())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# Solenga Gol sentrum") {
		t.Error("the sample's comments were not kept")
	}
	// The sample's price book was copied next to the concept.
	for _, v := range u.ed.concept().Variants {
		if v.PriceBook != "" {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(v.PriceBook))); err != nil {
				t.Errorf("price book %q: %v", v.PriceBook, err)
			}
		}
	}
	if got := u.settings.RecentFiles(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files = %v, want %s first", got, path)
	}

	v := newTestUI(t)
	if !v.openPath(path) {
		t.Fatalf("the saved file does not open: %s", dialogText(t, v))
	}
	if got, want := v.ed.concept().Variants[0].Name, "A – tre boliger"; got != want {
		t.Errorf("variant = %q, want %q", got, want)
	}
	if got := v.ed.concept().Variants[0].Units[0].Count; got != 3 {
		t.Errorf("count = %d, want 3", got)
	}
	if len(v.ed.concept().Variants) != len(u.ed.concept().Variants) {
		t.Error("variants lost")
	}
	assertFigures(t, v)
	if v.ed.dirty() {
		t.Error("a file just opened is marked unsaved")
	}
}

func TestSaveRefusesInvalidConcept(t *testing.T) {
	u := newTestUI(t)
	u.ed.addVariant() // an empty variant: no units
	path := filepath.Join(t.TempDir(), "x.yaml")
	if u.saveTo(path) {
		t.Fatal("saved a concept with an empty variant")
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was written")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no explanation shown")
	}
}

func TestNewFromEmpty(t *testing.T) {
	u := newTestUI(t)
	u.onNew()
	test.Tap(topDialogButton(t, u, u.l.T("ui.new.create")))
	c := u.ed.concept()
	if c.Name != u.l.T("ui.new.default_name") || u.ed.project.Path != "" {
		t.Errorf("new concept %q at %q", c.Name, u.ed.project.Path)
	}
	if len(c.Variants) != 1 {
		t.Errorf("variants = %d, want 1", len(c.Variants))
	}
	assertFigures(t, u)
	if u.ed.hist.canUndo() {
		t.Error("a new concept inherits the old undo history")
	}
}

func TestNewAsksAboutUnsavedChanges(t *testing.T) {
	u := newTestUI(t)
	if err := u.ed.setCount(0, 2); err != nil {
		t.Fatal(err)
	}
	before := u.ed.concept()
	u.onNew()
	test.Tap(topDialogButton(t, u, u.l.T("ui.dialog.cancel")))
	if u.ed.concept() != before {
		t.Fatal("cancel dropped the changes")
	}
	u.onNew()
	test.Tap(topDialogButton(t, u, u.l.T("ui.unsaved.discard")))
	test.Tap(topDialogButton(t, u, u.l.T("ui.new.create")))
	if u.ed.concept() == before || u.ed.dirty() {
		t.Error("discarding did not start a new concept")
	}
}

func TestSamplesLoad(t *testing.T) {
	list := samples()
	if len(list) < 2 {
		t.Fatalf("samples = %v, want at least Solenga and Reveskogen", list)
	}
	for _, s := range list {
		p, data, err := loadSample(s.file)
		if err != nil {
			t.Errorf("%s: %v", s.file, err)
			continue
		}
		if p.Path != "" || len(data) == 0 || p.Concept.Name != s.name {
			t.Errorf("%s: path %q, %d bytes, name %q", s.file, p.Path, len(data), p.Concept.Name)
		}
	}
}

func TestFileNameFor(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Solenga Gol sentrum", "solenga-gol-sentrum.yaml"},
		{"Reveskogen – Hemsedal (B)", "reveskogen-hemsedal-b.yaml"},
		{"Ål småbruk", "ål-småbruk.yaml"},
		{"???", "konsept.yaml"},
	} {
		if got := fileNameFor(tc.name); got != tc.want {
			t.Errorf("fileNameFor(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestRelRef(t *testing.T) {
	root := t.TempDir()
	type testCase struct {
		name      string
		dir, file string
		want      string
	}
	for _, tc := range []testCase{
		{"beside", "prosjekt", "prosjekt/prisbok.yaml", "prisbok.yaml"},
		{"below", "prosjekt", "prosjekt/priser/2026/prisbok.yaml", "priser/2026/prisbok.yaml"},
		// Climbing out of the concept's folder breaks when either moves:
		// such a file is referred to by its absolute path.
		{"sibling folder", "prosjekt", "bk/assets/prisbok.yaml", filepath.ToSlash(filepath.Join(root, "bk", "assets", "prisbok.yaml"))},
		{"parent folder", "prosjekt/a", "prosjekt/prisbok.yaml", filepath.ToSlash(filepath.Join(root, "prosjekt", "prisbok.yaml"))},
		{"name starting with dots", "prosjekt", "prosjekt/..prisbok.yaml", "..prisbok.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := relRef(filepath.Join(root, filepath.FromSlash(tc.dir)), filepath.Join(root, filepath.FromSlash(tc.file)))
			if got != tc.want {
				t.Errorf("relRef = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestExportDocuments(t *testing.T) {
	u := newTestUI(t)
	posted := make(chan func(), 10000)
	u.ed.post = func(f func()) { posted <- f }
	dir := t.TempDir()
	for _, tc := range []struct {
		kind  exportKind
		magic string
	}{
		{exportReport, "%PDF"},
		{exportTender, "%PDF"},
		{exportSchedule, "PK"},
	} {
		path := filepath.Join(dir, "anbud"+tc.kind.ext)
		u.prepareExport(tc.kind, []int{0}, func(in tender.Input) { u.writeExport(tc.kind, in, path) })
		deadline := time.After(60 * time.Second)
	wait:
		for {
			select {
			case f := <-posted:
				f()
				if top := u.win.Canvas().Overlays().Top(); top != nil && strings.Contains(dialogText(t, u), path) {
					break wait
				}
			case <-deadline:
				t.Fatalf("%s: no done dialog in 60 s", path)
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), tc.magic) {
			t.Errorf("%s does not start with %q", path, tc.magic)
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
}

func TestUseAnotherCatalogue(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	// A copy of the built-in catalogue with a higher rate for one type.
	data, err := os.ReadFile("../assets/catalogue.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "katalog.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	u.openCatalogue(path)
	if u.ed.catalogue().Path != path && u.ed.catalogue().Path != filepath.Clean(path) {
		t.Fatalf("catalogue = %q, want %q", u.ed.catalogue().Path, path)
	}
	if got := u.ed.concept().Catalogue; got != filepath.ToSlash(path) {
		t.Errorf("concept refers to %q, want the absolute path (not saved yet)", got)
	}
	if !u.ed.dirty() {
		t.Error("switching catalogues is not an unsaved change")
	}
	assertFigures(t, u)

	// A catalogue the concept does not fit is refused.
	bad := filepath.Join(dir, "tom.yaml")
	if err := os.WriteFile(bad, []byte("format: bokonsept/catalogue@1\nname: Tom\ncurrency: NOK\nprice_level: 2025-06\nvat_percent: 25\nfamilies: []\nunit_types: []\nsite_items: []\nmunicipalities: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := u.ed.catalogue()
	u.openCatalogue(bad)
	if u.ed.catalogue() != before {
		t.Error("a catalogue without the concept's unit types was taken")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no explanation shown")
	}

	// Saving next to it writes a relative reference.
	out := filepath.Join(dir, "konsept.yaml")
	if !u.saveTo(out) {
		t.Fatalf("not saved: %s", dialogText(t, u))
	}
	if got := u.ed.concept().Catalogue; got != "katalog.yaml" {
		t.Errorf("saved catalogue ref = %q, want katalog.yaml", got)
	}
	v := newTestUI(t)
	if !v.openPath(out) {
		t.Fatalf("does not reopen: %s", dialogText(t, v))
	}
	assertFigures(t, v)
}

func TestAutosaveTicker(t *testing.T) {
	u := newTestUI(t)
	posted := make(chan func(), 100)
	u.ed.post = func(f func()) { posted <- f }
	file, _ := u.recoveryPaths()
	if err := u.ed.setCount(0, 11); err != nil {
		t.Fatal(err)
	}
	u.startAutosave(20 * time.Millisecond)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case f := <-posted:
			f()
		case <-deadline:
			t.Fatal("no autosave within 10 s")
		}
		if _, err := os.Stat(file); err == nil {
			break
		}
	}
	u.stopAutosave()
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), "count: 11") {
		t.Errorf("recovery file: %v\n%s", err, data)
	}
}
