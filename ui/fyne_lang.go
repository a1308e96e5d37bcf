package ui

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneTranslations holds Norwegian texts for Fyne's own widgets and
// dialogs (Yes/No, the file dialog, the entry menu), which Fyne does not
// ship. It uses Fyne's translation format (with plural forms), so it lives
// here rather than with Bokonsept's flat i18n files.
//
//go:embed translations/fyne.nb.json
var fyneTranslations embed.FS

// useFyneLanguage makes Fyne's own widgets speak the app's language rather
// than the system's: Fyne picks its language from the locale environment,
// so the app's language is put first there (LANGUAGE, and LC_MESSAGES when
// the locale would otherwise make Fyne ignore LANGUAGE).
func useFyneLanguage(code string) {
	_ = os.Setenv("LANGUAGE", code)
	first := ""
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if first = os.Getenv(env); first != "" {
			break
		}
	}
	if first == "" || first == "C" || first == "POSIX" {
		_ = os.Setenv("LC_MESSAGES", code)
	}
	data, err := fyneTranslations.ReadFile("translations/fyne.nb.json")
	if err != nil {
		fyne.LogError("Fyne translations", err)
		return
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale("nb")); err != nil {
		fyne.LogError("Fyne translations", err)
	}
}
