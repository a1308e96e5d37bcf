package ui

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

func (s *variantScreen) onTabCreate() *container.TabItem {
	s.ed.addVariant()
	return nil
}

func (s *variantScreen) onTabClose(item *container.TabItem) {
	for i, t := range s.tabs.Items {
		if t == item {
			s.confirmDelete(i)
			return
		}
	}
}

func (s *variantScreen) onTabSelected(item *container.TabItem) {
	if s.selecting {
		return
	}
	for i, t := range s.tabs.Items {
		if t == item {
			s.ed.selectVariant(i)
			return
		}
	}
}

func (s *variantScreen) onRenameTapped() {
	i := s.ed.selected
	keys := &dialogKeys{}
	entry := newDialogEntry(keys, s.ed.concept().Variants[i].Name, nil)
	entry.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New(s.l.T("ui.error.name_empty"))
		}
		if j := s.ed.concept().Variant(strings.TrimSpace(t)); j >= 0 && j != i {
			return errors.New(s.l.T("ui.error.name_taken", strings.TrimSpace(t)))
		}
		return s.in.name(t, nil)
	}
	d := newFormDialog(s.win, keys, s.l.T("ui.variant.rename_title"), s.l.T("ui.dialog.ok"), s.l.T("ui.dialog.cancel"),
		[]*widget.FormItem{widget.NewFormItem(s.l.T("ui.variant.name"), entry)}, func(ok bool) {
			if !ok {
				return
			}
			if err := s.ed.renameVariant(i, entry.Text); err != nil {
				showError(s.l, err, s.win)
			}
		})
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	s.win.Canvas().Focus(entry)
}

func (s *variantScreen) onDuplicateTapped() { s.ed.duplicateVariant(s.ed.selected) }

func (s *variantScreen) onDeleteTapped() { s.confirmDelete(s.ed.selected) }

// confirmDelete asks before deleting variant i.
func (s *variantScreen) confirmDelete(i int) {
	c := s.ed.concept()
	if len(c.Variants) <= 1 {
		showInformation(s.l, s.l.T("ui.variant.delete_title"), s.l.T("ui.variant.delete_last"), s.win)
		return
	}
	question := s.l.T("ui.variant.delete_confirm", c.Variants[i].Name)
	newQuestionDialog(s.win, s.l.T("ui.variant.delete_title"), question, s.l.T("ui.variant.delete"), s.l.T("ui.dialog.cancel"), func(ok bool) {
		if ok {
			if err := s.ed.deleteVariant(i); err != nil {
				showError(s.l, err, s.win)
			}
		}
	}).Show()
}

func (s *variantScreen) onPriceBookTapped() {
	dir := ""
	if p := s.ed.project.Path; p != "" {
		dir = filepath.Dir(p)
	}
	showOpenFile(s.l, s.win, dir, yamlExts, s.choosePriceBook)
}

// choosePriceBook loads the price book at path and gives it to the
// selected variant; the concept refers to it relative to the concept file.
func (s *variantScreen) choosePriceBook(path string) {
	pb, err := concepts.LoadPriceBook(path)
	if err != nil {
		showFileError(s.win, s.l, path, err)
		return
	}
	ref := path
	if p := s.ed.project.Path; p != "" {
		if rel, err := filepath.Rel(filepath.Dir(p), path); err == nil {
			ref = filepath.ToSlash(rel)
		}
	}
	if err := s.ed.setPriceBook(ref, pb); err != nil {
		showFileError(s.win, s.l, path, err)
	}
}

func (s *variantScreen) onNoPriceBookTapped() { _ = s.ed.setPriceBook("", nil) }

// showFileError shows a problem with a file: every error with its file,
// line and column.
func showFileError(win fyne.Window, l *i18n.Locale, path string, err error) {
	text := concepts.Localize(err, l)
	msg := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	content := container.NewBorder(widget.NewLabel(l.T("ui.error.file_intro", filepath.Base(path))), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(620, 220), container.NewVScroll(msg)))
	newCloseDialog(win, &dialogKeys{}, l.T("ui.error.file_title"), l.T("ui.dialog.close"), content).Show()
}
