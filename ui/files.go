package ui

import (
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// shortcut is Ctrl (Cmd on macOS) with key and the extra modifiers.
func shortcut(key fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | extra}
}

// makeMenu builds the main menu with its shortcuts.
func (u *mainUI) makeMenu() *fyne.MainMenu {
	l := u.l
	item := func(key string, icon fyne.Resource, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItemWithIcon(l.T(key), icon, action)
		it.Shortcut = sc
		return it
	}
	newItem := item("ui.menu.new", theme.DocumentCreateIcon(), shortcut(fyne.KeyN, 0), u.onNew)
	open := item("ui.menu.open", theme.FolderOpenIcon(), shortcut(fyne.KeyO, 0), u.onOpen)
	recent := fyne.NewMenuItemWithIcon(l.T("ui.menu.recent"), theme.HistoryIcon(), nil)
	recent.ChildMenu = u.recentMenu()
	save := item("ui.menu.save", theme.DocumentSaveIcon(), shortcut(fyne.KeyS, 0), func() { u.save(nil) })
	saveAs := item("ui.menu.save_as", theme.DocumentSaveIcon(), shortcut(fyne.KeyS, fyne.KeyModifierShift), func() { u.saveAs(nil) })
	prefs := item("ui.menu.settings", theme.SettingsIcon(), nil, u.showSettings)
	quit := item("ui.menu.quit", theme.LogoutIcon(), shortcut(fyne.KeyQ, 0), u.onCloseRequested)
	quit.IsQuit = true
	fileItems := []*fyne.MenuItem{newItem, open, recent, fyne.NewMenuItemSeparator(), save, saveAs,
		fyne.NewMenuItemSeparator(), u.catalogueItem(), fyne.NewMenuItemSeparator()}
	fileItems = append(fileItems, u.exportItems()...)
	fileItems = append(fileItems, fyne.NewMenuItemSeparator(), prefs, fyne.NewMenuItemSeparator(), quit)
	file := fyne.NewMenu(l.T("ui.menu.file"), fileItems...)

	u.undoItem = item("ui.menu.undo", theme.ContentUndoIcon(), &fyne.ShortcutUndo{}, u.onUndo)
	u.redoItem = item("ui.menu.redo", theme.ContentRedoIcon(), shortcut(fyne.KeyZ, fyne.KeyModifierShift), u.onRedo)
	edit := fyne.NewMenu(l.T("ui.menu.edit"), u.undoItem, u.redoItem)

	variant := fyne.NewMenu(l.T("ui.menu.variant"),
		item("ui.menu.variant_new", theme.ContentAddIcon(), nil, u.ed.addVariant),
		item("ui.variant.duplicate", theme.ContentCopyIcon(), nil, u.variants.onDuplicateTapped),
		item("ui.variant.rename", theme.DocumentCreateIcon(), nil, u.variants.onRenameTapped),
		item("ui.variant.delete", theme.DeleteIcon(), nil, u.variants.onDeleteTapped),
	)
	help := fyne.NewMenu(l.T("ui.menu.help"), item("ui.menu.about", theme.InfoIcon(), nil, u.showAbout))
	return fyne.NewMainMenu(file, edit, variant, help)
}

// recentMenu lists the recent files.
func (u *mainUI) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range u.settings.RecentFiles() {
		label := filepath.FromSlash(p) // as the system writes paths (C:\Users\…)
		items = append(items, fyne.NewMenuItem(label, func() { u.confirmDiscard(func() { u.openPath(p) }) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(u.l.T("ui.menu.recent_none"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	return fyne.NewMenu("", items...)
}

// refreshMenu rebuilds the main menu (the recent files changed).
func (u *mainUI) refreshMenu() {
	u.win.SetMainMenu(u.makeMenu())
	u.updateMenuState()
}

// updateMenuState enables undo and redo when there is a step.
func (u *mainUI) updateMenuState() {
	if u.undoItem == nil {
		return
	}
	undo, redo := !u.ed.hist.canUndo(), !u.ed.hist.canRedo()
	if u.undoItem.Disabled == undo && u.redoItem.Disabled == redo {
		return
	}
	u.undoItem.Disabled, u.redoItem.Disabled = undo, redo
	if m := u.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// confirmDiscard runs action at once when there are no unsaved changes;
// otherwise it asks whether to save them first, drop them, or cancel.
func (u *mainUI) confirmDiscard(action func()) {
	if !u.ed.dirty() {
		action()
		return
	}
	l := u.l
	msg := &widget.Label{Text: l.T("ui.unsaved.message", u.ed.concept().Name), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(l.T("ui.unsaved.title"), msg, u.win)
	keys := &dialogKeys{}
	save := newDialogButton(keys, l.T("ui.unsaved.save"), theme.DocumentSaveIcon(), widget.HighImportance, func() { d.Hide(); u.save(action) })
	discard := newDialogButton(keys, l.T("ui.unsaved.discard"), theme.DeleteIcon(), widget.DangerImportance, func() { d.Hide(); action() })
	cancel := newDialogButton(keys, l.T("ui.dialog.cancel"), theme.CancelIcon(), widget.MediumImportance, d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	keys.answer(u.win, d, save.OnTapped)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// onCloseRequested closes the window (and so quits) once unsaved changes
// are saved or dropped; a clean exit removes the recovery file.
func (u *mainUI) onCloseRequested() {
	u.confirmDiscard(func() {
		u.stopAutosave()
		u.removeRecovery()
		u.ed.stop()
		u.win.Close()
	})
}

// openInitial opens file; when file is "" it opens the file the user had
// open last (the newest recent file) if it is still there, and otherwise
// the default sample. A file that cannot be opened shows why, and the
// sample opens instead. It also removes the temporary files a killed save
// left in the folders Bokonsept writes to.
func (u *mainUI) openInitial(file string) {
	go cleanStaleTemps(u.staleTempDirs())
	if file == "" {
		if r := u.settings.RecentFiles(); len(r) > 0 {
			if fi, err := os.Stat(r[0]); err == nil && fi.Mode().IsRegular() {
				file = r[0]
			}
		}
	}
	if file != "" && u.openPath(file) {
		return
	}
	p, data, err := loadSample(defaultSample)
	if err != nil {
		showFileError(u.win, u.l, defaultSample, err)
		p, data = emptyProject(""), nil
	}
	u.setProject(p, data, true)
}

// setProject shows a new project and forgets the old one's undo history.
func (u *mainUI) setProject(p *concepts.Project, original []byte, clean bool) {
	u.files.disk = diskStamp{}
	u.files.newDocID = ""
	u.ed.setProject(p, original, clean)
	// Show the family the concept is built from in the catalogue.
	if units := u.ed.variant().Units; len(units) > 0 {
		u.catalogue.ScrollToFamilyOf(units[0].Type)
	}
	u.updateTitle()
	u.updateMenuState()
}

func (u *mainUI) onNew() { u.confirmDiscard(u.showNewDialog) }

// showNewDialog offers an empty concept or one of the samples.
func (u *mainUI) showNewDialog() {
	l := u.l
	list := samples()
	// An empty concept of each family of the current catalogue, then the samples.
	var families []string
	var options []string
	for _, f := range u.ed.project.Catalogue.Families {
		families = append(families, f.ID)
		options = append(options, l.T("ui.new.empty_family", f.Name))
	}
	if len(families) == 0 {
		families = []string{""}
		options = []string{l.T("ui.new.empty")}
	}
	for _, s := range list {
		options = append(options, l.T("ui.new.sample", s.name))
	}
	keys := &dialogKeys{}
	choice := newDialogRadio(keys, options, options[0])
	content := container.NewVBox(widget.NewLabel(l.T("ui.new.message")), choice)
	d := newConfirmDialog(u.win, keys, l.T("ui.new.title"), l.T("ui.new.create"), l.T("ui.dialog.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		for i, o := range options {
			if o != choice.Selected {
				continue
			}
			if i < len(families) {
				p := emptyProject(families[i])
				p.Concept.Name = l.T("ui.new.default_name")
				u.setProject(p, nil, true)
				return
			}
			file := list[i-len(families)].file
			p, data, err := loadSample(file)
			if err != nil {
				showFileError(u.win, l, file, err)
				return
			}
			u.setProject(p, data, true)
		}
	})
	d.Show()
}

func (u *mainUI) onOpen() {
	u.confirmDiscard(func() {
		showOpenFile(u.l, u.win, u.dialogDir(), yamlExts, func(p string) { u.openPath(p) })
	})
}

// dialogDir is the folder file dialogs start in: the current file's, or
// the most recent file's ("" when there is none).
func (u *mainUI) dialogDir() string {
	if p := u.ed.project.Path; p != "" {
		return filepath.Dir(p)
	}
	if r := u.settings.RecentFiles(); len(r) > 0 {
		return filepath.Dir(r[0])
	}
	return ""
}

// openPath opens the concept file at path. A file that cannot be read or
// is not valid shows every problem with its file, line and column, and the
// concept being edited stays as it was. It reports whether it opened.
func (u *mainUI) openPath(p string) bool {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs // so that the catalogue's and price books' paths are absolute too
	}
	proj, err := concepts.LoadProject(p, concepts.LoadOptions{})
	if err != nil {
		if _, statErr := os.Stat(p); errors.Is(statErr, os.ErrNotExist) {
			u.settings.RemoveRecentFile(p)
			u.refreshMenu()
		}
		showFileError(u.win, u.l, p, err)
		return false
	}
	data, err := concepts.ReadFile(p)
	if err != nil {
		showFileError(u.win, u.l, p, err)
		return false
	}
	proj.Path = p
	u.setProject(proj, data, true)
	u.files.disk = stampOf(proj.Path, data)
	u.settings.AddRecentFile(proj.Path)
	u.refreshMenu()
	return true
}

// relRef writes file as the reference a concept file in dir keeps to it,
// with forward slashes: relative when file is in dir or a folder below it
// (the two move together, as a project folder does), else absolute (a
// path that climbs out of the concept's folder, such as
// "../../bk/assets/prisbok.yaml", breaks as soon as either file moves).
func relRef(dir, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	if absDir, err := filepath.Abs(dir); err == nil {
		dir = absDir
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}
