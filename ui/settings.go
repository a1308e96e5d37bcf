package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"github.com/hallingdal/bokonsept/i18n"
)

// The preference keys of Bokonsept's settings.
const (
	prefLanguage    = "language"
	prefTheme       = "theme"
	prefRecentFiles = "recent_files"
)

// maxRecentFiles is the number of recent files the File menu offers.
const maxRecentFiles = 8

// settings is a typed wrapper over the app's preferences. Every setting is
// saved the moment it changes and read back with a fallback.
type settings struct {
	prefs fyne.Preferences
}

// Language returns the user's language (i18n.Default when unset or unknown).
func (s settings) Language() string {
	lang := s.prefs.StringWithFallback(prefLanguage, i18n.Default)
	if !i18n.Supported(lang) {
		return i18n.Default
	}
	return lang
}

// SetLanguage stores the language; it applies at the next start.
func (s settings) SetLanguage(lang string) {
	if i18n.Supported(lang) {
		s.prefs.SetString(prefLanguage, lang)
	}
}

// Theme returns the theme choice: themeSystem (the default), themeLight
// or themeDark.
func (s settings) Theme() string {
	t := s.prefs.StringWithFallback(prefTheme, themeSystem)
	if !slices.Contains(themeChoices, t) {
		return themeSystem
	}
	return t
}

// SetTheme stores the theme choice.
func (s settings) SetTheme(choice string) {
	if slices.Contains(themeChoices, choice) {
		s.prefs.SetString(prefTheme, choice)
	}
}

// RecentFiles returns the recently opened or saved concept files, newest first.
func (s settings) RecentFiles() []string {
	return s.prefs.StringListWithFallback(prefRecentFiles, nil)
}

// AddRecentFile puts path first in the recent files, keeping at most
// maxRecentFiles.
func (s settings) AddRecentFile(path string) {
	list := slices.DeleteFunc(slices.Clone(s.RecentFiles()), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecentFiles {
		list = list[:maxRecentFiles]
	}
	s.prefs.SetStringList(prefRecentFiles, list)
}

// RemoveRecentFile drops path from the recent files (it could not be opened).
func (s settings) RemoveRecentFile(path string) {
	list := slices.DeleteFunc(slices.Clone(s.RecentFiles()), func(p string) bool { return p == path })
	s.prefs.SetStringList(prefRecentFiles, list)
}
