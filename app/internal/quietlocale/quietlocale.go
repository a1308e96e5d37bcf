// Package quietlocale keeps Fyne's complaint about the system locale off
// standard error.
//
// Fyne's lang package reads the locale from the environment when the
// program starts (in its init function) and logs three lines ("Fyne error:
// Error parsing user locale C" with its cause and place) for a locale it
// cannot parse, such as LANG=C.UTF-8. Bokonsept speaks its own language
// setting, not the system's, so the complaint is noise, and it would land in
// every command line run. Importing this package (blank, from package
// main) sends the standard logger through a filter that drops exactly that
// report and passes every other line to standard error unchanged.
//
// The filter must be in place before Fyne's lang package is initialised.
// Go initialises packages in import-path order as soon as their imports
// are: this package imports only io, log, os, strings and sync, so it is
// ready long before lang, whose own imports (go-locale, go-i18n,
// golang.org/x/text) sort after it. The command's test under LANG=C.UTF-8
// guards this.
package quietlocale

import (
	"io"
	"log"
	"os"
	"strings"
	"sync"
)

func init() {
	log.SetOutput(&Filter{W: os.Stderr})
}

// Filter is an io.Writer for the standard logger that drops Fyne's report
// of a locale it cannot parse and passes everything else on to W. The
// logger writes one record per call, so a report's three records arrive as
// three writes.
type Filter struct {
	// W receives every record that is not part of the dropped report.
	W io.Writer

	mu   sync.Mutex
	next int // the records of a dropped report still to come: 2 Cause and At, 1 At, 0 none
}

// Write passes p on to W unless it belongs to Fyne's locale report (its
// "Fyne error:" record, then its "  Cause:" and "  At:" records, as
// fyne.LogError writes them); it always reports the whole of p as written.
func (f *Filter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := string(p)
	next := f.next
	f.next = 0
	switch {
	case strings.Contains(s, "Fyne error: ") && strings.Contains(s, "Error parsing user locale"):
		f.next = 2
		return len(p), nil
	case next == 2 && strings.Contains(s, "  Cause: "):
		f.next = 1
		return len(p), nil
	case next >= 1 && strings.Contains(s, "  At: "):
		return len(p), nil
	}
	return f.W.Write(p)
}
