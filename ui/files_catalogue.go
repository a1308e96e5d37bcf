package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/hallingdal/bokonsept/concepts"
)

// catalogueItem is the File menu's catalogue submenu: open a catalogue
// file, or go back to the built-in catalogue.
func (u *mainUI) catalogueItem() *fyne.MenuItem {
	l := u.l
	open := fyne.NewMenuItemWithIcon(l.T("ui.menu.catalogue_open"), theme.FolderOpenIcon(), u.onOpenCatalogue)
	builtin := fyne.NewMenuItem(l.T("ui.menu.catalogue_builtin"), func() {
		cat, err := concepts.Builtin()
		if err != nil {
			showFileError(u.win, l, concepts.BuiltinCatalogue, err)
			return
		}
		u.useCatalogue(cat, concepts.BuiltinCatalogue)
	})
	item := fyne.NewMenuItemWithIcon(l.T("ui.menu.catalogue"), theme.StorageIcon(), nil)
	item.ChildMenu = fyne.NewMenu("", open, builtin)
	return item
}

func (u *mainUI) onOpenCatalogue() {
	showOpenFile(u.l, u.win, u.dialogDir(), yamlExts, u.openCatalogue)
}

// openCatalogue reads the catalogue file at path and uses it for the
// concept; the concept refers to it relative to the concept file.
func (u *mainUI) openCatalogue(path string) {
	cat, err := concepts.LoadCatalogue(path)
	if err != nil {
		showFileError(u.win, u.l, path, err)
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	ref := filepath.ToSlash(path)
	if p := u.ed.project.Path; p != "" {
		ref = relRef(filepath.Dir(p), path)
	}
	u.useCatalogue(cat, ref)
}

// useCatalogue makes cat (written ref in the concept) the concept's
// catalogue when the concept and its price books fit it; otherwise it
// shows what does not fit and keeps the old one. Switching catalogues
// starts a new undo history, and leaves the concept unsaved.
func (u *mainUI) useCatalogue(cat *concepts.Catalogue, ref string) {
	next := *u.ed.project
	next.Catalogue = cat
	next.Concept = u.ed.concept().Clone()
	next.Concept.Catalogue = ref
	if err := next.Validate(); err != nil {
		showFileError(u.win, u.l, cat.Path, err)
		return
	}
	u.ed.replaceProject(&next)
	u.updateTitle()
	u.updateMenuState()
}
