package ui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsLanguage(t *testing.T) {
	s := settings{prefs: test.NewTempApp(t).Preferences()}
	if got := s.Language(); got != "nb" {
		t.Errorf("default language = %q, want nb", got)
	}
	s.SetLanguage("en")
	if got := s.Language(); got != "en" {
		t.Errorf("language = %q, want en", got)
	}
	s.SetLanguage("de")
	if got := s.Language(); got != "en" {
		t.Errorf("an unsupported language was stored: %q", got)
	}
	s.prefs.SetString(prefLanguage, "xx")
	if got := s.Language(); got != "nb" {
		t.Errorf("unknown stored language gives %q, want nb", got)
	}
}

func TestSettingsRecentFiles(t *testing.T) {
	s := settings{prefs: test.NewTempApp(t).Preferences()}
	for i := range maxRecentFiles + 3 {
		s.AddRecentFile(fmt.Sprintf("/k/%d.yaml", i))
	}
	s.AddRecentFile("/k/5.yaml")
	got := s.RecentFiles()
	if len(got) != maxRecentFiles {
		t.Fatalf("recent files = %d, want %d", len(got), maxRecentFiles)
	}
	if got[0] != "/k/5.yaml" || got[1] != fmt.Sprintf("/k/%d.yaml", maxRecentFiles+2) {
		t.Errorf("order = %v", got)
	}
	if slices.Index(got[1:], "/k/5.yaml") >= 0 {
		t.Error("a file is listed twice")
	}
	s.RemoveRecentFile("/k/5.yaml")
	if slices.Contains(s.RecentFiles(), "/k/5.yaml") {
		t.Error("not removed")
	}
}
