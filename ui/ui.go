// Package ui is Bokonsept's desktop configurator, built with Fyne: the
// catalogue browser, the site and assumption form, the variants with their
// unit mix, the key figures and checks, the NS 3453 costs and the
// comparison of variants, with files, undo, autosave and recovery.
//
// Every figure the window shows comes from the costing package's Estimate,
// formatted by package i18n; the ui package computes none. Create builds
// the whole window; only package main creates the app:
//
//	a := app.NewWithID("no.hallingdal.bokonsept")
//	w := a.NewWindow("Bokonsept")
//	w.SetContent(ui.Create(a, w, ui.Options{Version: version}))
//	w.ShowAndRun()
package ui

import (
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/i18n"
)

// defaultAutosave is how often unsaved changes are written to the recovery file.
const defaultAutosave = 30 * time.Second

// AutosaveEnv names an environment variable that, when set to a number of
// seconds, replaces the 30-second autosave interval (used by the window test).
const AutosaveEnv = "BOKONSEPT_AUTOSAVE_SECONDS"

// Options configure the window Create builds.
type Options struct {
	// Version is the program version shown in Help → About.
	Version string
	// File is the concept file to open; "" opens the Solenga sample.
	File string
}

// mainUI is the main window: its screens, menus and file handling.
type mainUI struct {
	app      fyne.App
	win      fyne.Window
	l        *i18n.Locale
	settings settings
	version  string
	ed       *editor
	// idle returns unused memory to the system when the edits stop; nil
	// in tests.
	idle *idleRelease

	catalogue *catalogueScreen
	site      *siteScreen
	variants  *variantScreen
	figures   *figuresScreen
	costs     *costsScreen
	compare   *compareScreen
	economics *economicsScreen
	bids      *bidsScreen
	siteplan  *sitePlanScreen
	tabs      *container.AppTabs
	content   fyne.CanvasObject

	undoItem, redoItem *fyne.MenuItem
	// recoveryDir is the storage folder the recovery copies are written in.
	recoveryDir string
	// files is what the window knows of the concept's file and recovery copy.
	files fileState
	// recoveryPending is true while the offer to restore a recovery file
	// is open: the autosave leaves the file alone until it is answered.
	recoveryPending bool
	autosaveStop    chan struct{}
	title           string
}

// Create builds Bokonsept's main window in w: it sets the title, the main
// menu, the shortcuts and the close confirmation, opens opt.File (or the
// Solenga sample), offers to restore unsaved work after a crash, starts the
// autosave, and returns the window's content.
func Create(a fyne.App, w fyne.Window, opt Options) fyne.CanvasObject {
	useFyneLanguage(settings{prefs: a.Preferences()}.Language())
	u := newMainUI(a, w, opt.Version, fyne.Do)
	u.figures.later = u.laterChecks
	u.idle = newIdleRelease()
	if root := a.Storage().RootURI(); root != nil {
		u.recoveryDir = root.Path()
	}
	w.SetCloseIntercept(u.onCloseRequested)
	u.openInitial(opt.File)
	u.offerRecovery()
	u.startAutosave(autosaveInterval())
	return u.content
}

// checksDelay is how long after an edit the window lays out the checks
// (word-wrapped texts that quote the figures, the slowest part of the
// panel): the key figures come in the frame after the keystroke and P50
// and P85 in one of the next few, without the checks in between; several
// edits within the delay lay them out once.
const checksDelay = 100 * time.Millisecond

// laterChecks runs f, which lays out the checks, checksDelay after an
// edit on the UI goroutine, or, while the selected variant's simulation is
// still running then, once it has ended: the frame that shows P50 and P85
// is not to wait for them.
func (u *mainUI) laterChecks(f func()) {
	u.ed.afterFunc(checksDelay, func() {
		u.ed.post(func() {
			if u.ed.selectedSimulating() {
				u.ed.whenSimulated(func() { u.laterChecks(f) })
				return
			}
			f()
		})
	})
}

// autosaveInterval returns the autosave interval, from AutosaveEnv when set.
func autosaveInterval() time.Duration {
	if s := os.Getenv(AutosaveEnv); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return time.Duration(n) * time.Second
		}
	}
	return defaultAutosave
}

// newMainUI builds the window's screens on an empty project; post runs a
// function on the UI goroutine. Create passes fyne.Do: it is the only place
// that names it, so that every goroutine (simulation, autosave, export)
// reaches the window through the editor's post, and tests can run them
// step by step.
func newMainUI(a fyne.App, w fyne.Window, version string, post func(func())) *mainUI {
	s := settings{prefs: a.Preferences()}
	l := i18n.New(s.Language())
	if t := s.Theme(); t != themeSystem {
		applyTheme(a, t)
	}
	u := &mainUI{app: a, win: w, l: l, settings: s, version: version, ed: newEditor(l, post)}
	u.buildUI()
	return u
}

func (u *mainUI) buildUI() {
	l := u.l
	u.ed.project = emptyProject("")
	u.catalogue = newCatalogueScreen(l, u.ed.addUnit)
	u.site = newSiteScreen(u.ed, u.win)
	u.variants = newVariantScreen(u.ed, u.win)
	u.figures = newFiguresScreen(l)
	u.figures.later = u.ed.post
	u.costs = newCostsScreen(l)
	u.economics = newEconomicsScreen(u.ed, u.win)
	u.siteplan = newSitePlanScreen(u.ed, u.win)
	u.compare = newCompareScreen(u.ed)
	u.bids = newBidsScreen(u.ed, u.win, bidsHost{dir: u.dialogDir, save: u.saveDocument, exported: u.showExported, version: u.version})
	u.ed.onChange(u.onEditorChanged)

	catalogue := container.NewBorder(sectionTitle(l.T("ui.catalogue")), nil, nil, nil, u.catalogue.Content())
	variants := container.NewHSplit(catalogue, u.variants.Content())
	variants.Offset = 0.3
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(l.T("ui.tab.variants"), theme.GridIcon(), variants),
		container.NewTabItemWithIcon(l.T("ui.tab.site"), theme.HomeIcon(), u.site.Content()),
		container.NewTabItemWithIcon(l.T("ui.tab.siteplan"), theme.MediaStopIcon(), u.siteplan.Content()),
		container.NewTabItemWithIcon(l.T("ui.tab.costs"), theme.ListIcon(), u.costs.Content()),
		container.NewTabItemWithIcon(l.T("ui.tab.economics"), theme.AccountIcon(), u.economics.Content()),
		container.NewTabItemWithIcon(l.T("ui.tab.compare"), theme.ViewRestoreIcon(), u.compare.Content()),
		container.NewTabItemWithIcon(l.T("ui.tab.bids"), theme.MailComposeIcon(), u.bids.Content()),
	)
	u.tabs.OnSelected = u.onTabSelected
	u.onTabSelected(u.tabs.Selected())
	right := container.NewBorder(nil, nil, widget.NewSeparator(), nil, u.figures.Content())
	split := container.NewHSplit(u.tabs, right)
	split.Offset = 0.76
	u.content = split
	u.win.SetMainMenu(u.makeMenu())
	u.addShortcuts()
}

// onTabSelected tells the screens that skip their refreshes while hidden
// whether they are shown: an edit then redraws only what is on screen.
func (u *mainUI) onTabSelected(t *container.TabItem) {
	u.costs.setShown(t != nil && t.Content == u.costs.Content())
	u.compare.setShown(t != nil && t.Content == u.compare.Content())
	u.economics.setShown(t != nil && t.Content == u.economics.Content())
	u.siteplan.setShown(t != nil && t.Content == u.siteplan.Content())
	u.bids.setShown(t != nil && t.Content == u.bids.Content())
	u.site.setShown(t != nil && t.Content == u.site.Content())
}

// onEditorChanged passes the editor's changes on to the screens that do
// not listen themselves, the title and the menu.
func (u *mainUI) onEditorChanged(ch change) {
	u.idle.touch()
	if ch&changeCatalogue != 0 {
		u.catalogue.SetCatalogue(u.ed.catalogue())
	}
	if ch&(changeConcept|changeSelection|changeEstimate|changeReload) != 0 {
		e, err := u.ed.estimate()
		u.figures.SetEstimate(u.ed.concept(), e, err)
		u.costs.SetEstimate(e)
	}
	if ch&(changeSimulation|changeConcept|changeSelection|changeReload) != 0 {
		it := u.ed.concept().Assumptions.Simulation.Iterations
		u.figures.SetSimulation(u.ed.simRunning, u.ed.simFraction, it, u.ed.simErr)
		switch {
		case it <= 0:
			u.costs.SetProgress(0, 0)
		case u.ed.simRunning:
			u.costs.SetProgress(int(u.ed.simFraction*float64(it)), it)
		}
	}
	if ch&(changeFile|changeConcept|changeReload) != 0 {
		u.updateTitle()
		u.updateMenuState()
	}
}

// updateTitle shows the concept's name, with "•" while it has unsaved changes.
func (u *mainUI) updateTitle() {
	name := u.ed.concept().Name
	title := u.l.T("ui.title", name)
	if u.ed.dirty() {
		title = u.l.T("ui.title_unsaved", name)
	}
	if title != u.title {
		u.title = title
		u.win.SetTitle(title)
	}
}

// addShortcuts registers the shortcuts that must work wherever the focus
// is, in addition to the menu's (Ctrl+Y redoes too).
func (u *mainUI) addShortcuts() {
	u.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.onRedo() })
}

func (u *mainUI) onUndo() {
	if u.ed.undo() {
		u.updateMenuState()
	}
}

func (u *mainUI) onRedo() {
	if u.ed.redo() {
		u.updateMenuState()
	}
}

// showAbout shows the program's name, version and purpose.
func (u *mainUI) showAbout() {
	l := u.l
	icon := widget.NewIcon(Icon())
	iconBox := container.NewGridWrap(fyne.NewSquareSize(96), icon)
	text := container.NewVBox(
		&widget.Label{Text: l.T("ui.about.name"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		widget.NewLabel(l.T("ui.about.version", u.version)),
		&widget.Label{Text: l.T("ui.about.text"), Wrapping: fyne.TextWrapWord},
	)
	content := container.NewBorder(nil, nil, container.NewVBox(iconBox), nil, text)
	d := newCloseDialog(u.win, &dialogKeys{}, l.T("ui.about.title"), l.T("ui.dialog.close"), content)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// showSettings lets the user choose the language (it applies at the next
// start) and the theme (at once).
func (u *mainUI) showSettings() {
	l := u.l
	names := map[string]string{"nb": l.T("ui.settings.lang_nb"), "en": l.T("ui.settings.lang_en")}
	var options []string
	for _, code := range i18n.Languages {
		options = append(options, names[code])
	}
	keys := &dialogKeys{}
	lang := newDialogSelect(keys, options)
	lang.SetSelected(names[u.settings.Language()])
	lang.OnChanged = func(s string) {
		for code, name := range names {
			if name == s {
				u.settings.SetLanguage(code)
			}
		}
	}
	themeNames := make([]string, len(themeChoices))
	for i, c := range themeChoices {
		themeNames[i] = l.T("ui.settings.theme_" + c)
	}
	themes := newDialogRadio(keys, themeNames, l.T("ui.settings.theme_"+u.settings.Theme()))
	themes.Horizontal = true
	themes.OnChanged = func(s string) {
		for _, c := range themeChoices {
			if l.T("ui.settings.theme_"+c) == s {
				u.settings.SetTheme(c)
				applyTheme(u.app, c)
			}
		}
	}
	content := container.NewVBox(
		widget.NewForm(
			widget.NewFormItem(l.T("ui.settings.language"), lang),
			widget.NewFormItem(l.T("ui.settings.theme"), themes),
		),
		&widget.Label{Text: l.T("ui.settings.restart"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
	)
	d := newCloseDialog(u.win, keys, l.T("ui.settings.title"), l.T("ui.dialog.close"), content)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}
