package ui

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/assets"
	"github.com/hallingdal/bokonsept/concepts"
)

// save writes the concept to its file (asking for one when it has none)
// and then runs then, if not nil. It asks first when the file changed on
// disk since it was opened or saved, and when it is read-only.
func (u *mainUI) save(then func()) {
	p := u.ed.project.Path
	if p == "" {
		u.saveAs(then)
		return
	}
	s, ok := u.prepareSave(p)
	if !ok {
		return
	}
	u.checkDiskChange(p, then, func() {
		confirmReadOnly(u.l, u.win, p, func() {
			if u.writeSave(s) && then != nil {
				then()
			}
		})
	})
}

// saveAs asks where to save the concept, saves it there and runs then.
// A concept that could not be saved is explained before the dialog opens;
// an existing file is replaced only when the user says so.
func (u *mainUI) saveAs(then func()) {
	check := *u.ed.project
	if err := check.Validate(); err != nil {
		u.showSaveProblems(err)
		return
	}
	showSaveFile(u.l, u.win, u.dialogDir(), fileNameFor(u.ed.concept().Name), yamlExts, func(p string) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if p == u.ed.project.Path {
			u.save(then)
			return
		}
		s, ok := u.prepareSave(p)
		if !ok {
			return
		}
		confirmReplace(u.l, u.win, p, func() {
			if u.writeSave(s) && then != nil {
				then()
			}
		})
	})
}

// fileNameFor suggests a file name for a concept: "solenga-gol-sentrum.yaml".
func fileNameFor(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == 'æ' || r == 'ø' || r == 'å':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		s = "konsept"
	}
	return s + ".yaml"
}

// saveTo writes the concept to p at once, without questions: it is
// prepareSave and writeSave. It reports whether the concept was saved.
func (u *mainUI) saveTo(p string) bool {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	s, ok := u.prepareSave(p)
	return ok && u.writeSave(s)
}

// pendingSave is a concept ready to be written to its file.
type pendingSave struct {
	// path is the file (absolute).
	path string
	// concept and books are the concept and price books with references
	// relative to path's folder.
	concept *concepts.Concept
	books   map[string]*concepts.PriceBook
	// copies are the built-in price books to write beside the file.
	copies []fileCopy
	// data is the file's new text.
	data []byte
}

// prepareSave computes what saving the concept to p writes, without
// writing anything. A concept that would not open again is refused with
// the reasons shown; it reports whether the concept can be saved.
func (u *mainUI) prepareSave(p string) (pendingSave, bool) {
	c, books, copies := u.rebase(p)
	check := *u.ed.project
	check.Path, check.Concept, check.PriceBooks = p, c, books
	if err := check.Validate(); err != nil {
		u.showSaveProblems(err)
		return pendingSave{}, false
	}
	data, err := concepts.EncodeConcept(c, u.ed.original)
	if err != nil {
		showSaveError(u.win, u.l, p, err)
		return pendingSave{}, false
	}
	return pendingSave{path: p, concept: c, books: books, copies: copies, data: data}, true
}

// writeSave writes s: the price books it copies, then the concept file,
// each atomically. It reports whether the concept was saved; a failure is
// shown under a saving title and leaves the file as it was.
func (u *mainUI) writeSave(s pendingSave) bool {
	for _, c := range s.copies {
		if _, err := os.Stat(c.dest); err == nil {
			continue // a file of that name is there already: it is used
		}
		if err := concepts.WriteFileAtomic(c.dest, c.data); err != nil {
			showSaveError(u.win, u.l, c.dest, err)
			return false
		}
	}
	if err := concepts.WriteFileAtomic(s.path, s.data); err != nil {
		showSaveError(u.win, u.l, s.path, err)
		return false
	}
	u.ed.project.Concept, u.ed.project.PriceBooks = s.concept, s.books
	u.ed.markSaved(s.path, s.data)
	u.files.disk = stampOf(s.path, s.data)
	u.removeRecovery()
	u.settings.AddRecentFile(s.path)
	u.refreshMenu()
	return true
}

// showSaveProblems explains why the concept cannot be saved yet.
func (u *mainUI) showSaveProblems(err error) {
	var lines []string
	for _, e := range concepts.Errors(err) {
		lines = append(lines, "• "+e.Text(u.l))
	}
	msg := &widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}
	content := container.NewBorder(widget.NewLabel(u.l.T("ui.save.invalid")), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(620, 200), container.NewVScroll(msg)))
	newCloseDialog(u.win, &dialogKeys{}, u.l.T("ui.save.invalid_title"), u.l.T("ui.dialog.close"), content).Show()
}

// fileCopy is a file to write: a built-in price book copied beside a
// concept saved for the first time.
type fileCopy struct {
	dest string
	data []byte
}

// rebase returns a copy of the concept whose catalogue and price-book
// references are written for a concept file at p (see relRef), the price
// books keyed by those references, and the built-in price books to copy
// next to p (a built-in price book is referred to by its name there; a
// file of that name already there is used instead).
func (u *mainUI) rebase(p string) (*concepts.Concept, map[string]*concepts.PriceBook, []fileCopy) {
	proj := u.ed.project
	newDir := filepath.Dir(p)
	c := proj.Concept.Clone()
	books := make(map[string]*concepts.PriceBook, len(proj.PriceBooks))
	for k, v := range proj.PriceBooks {
		books[k] = v
	}
	if proj.Path != "" && filepath.Dir(proj.Path) == newDir {
		return c, books, nil
	}
	if c.Catalogue != concepts.BuiltinCatalogue && proj.Catalogue != nil {
		c.Catalogue = relRef(newDir, proj.Catalogue.Path)
	}
	var copies []fileCopy
	moved := map[string]string{}
	for i := range c.Variants {
		ref := c.Variants[i].PriceBook
		if ref == "" {
			continue
		}
		if nr, ok := moved[ref]; ok {
			c.Variants[i].PriceBook = nr
			continue
		}
		pb := proj.PriceBooks[ref]
		if pb == nil {
			continue
		}
		var nr string
		if filepath.IsAbs(pb.Path) {
			nr = relRef(newDir, pb.Path)
		} else if data, err := assets.Samples.ReadFile(pb.Path); err == nil {
			dest := filepath.Join(newDir, path.Base(pb.Path))
			copies = append(copies, fileCopy{dest: dest, data: data})
			copied := pb.Clone()
			copied.Path = dest
			pb = copied
			nr = path.Base(pb.Path)
		} else {
			continue
		}
		moved[ref] = nr
		books[nr] = pb
		c.Variants[i].PriceBook = nr
	}
	return c, books, copies
}
