package ui

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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

// TestThemeSetting checks that the theme choice is stored, that an unknown
// stored value falls back to the system's, and that applying a choice holds
// the app's colours to that variant.
func TestThemeSetting(t *testing.T) {
	a := test.NewTempApp(t)
	s := settings{prefs: a.Preferences()}
	if got := s.Theme(); got != themeSystem {
		t.Errorf("default theme %q, want %q", got, themeSystem)
	}
	s.SetTheme(themeDark)
	if got := s.Theme(); got != themeDark {
		t.Errorf("theme %q after SetTheme(dark)", got)
	}
	a.Preferences().SetString(prefTheme, "purple")
	if got := s.Theme(); got != themeSystem {
		t.Errorf("unknown stored theme gives %q, want %q", got, themeSystem)
	}
	applyTheme(a, themeDark)
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Errorf("dark theme background %v, want %v", got, dark)
	}
	applyTheme(a, themeLight)
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Errorf("light theme background %v, want %v", got, light)
	}
}
