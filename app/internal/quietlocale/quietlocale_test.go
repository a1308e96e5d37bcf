package quietlocale

import (
	"bytes"
	"log"
	"testing"
)

// TestFilter logs through the filter what Fyne logs for LANG=C.UTF-8,
// between other lines: exactly the report's three records are dropped.
func TestFilter(t *testing.T) {
	var out bytes.Buffer
	l := log.New(&Filter{W: &out}, "", log.LstdFlags)
	l.Println("before")
	// As fyne.LogError writes it (fyne.io/fyne/v2/log.go).
	l.Println("Fyne error: ", "Error parsing user locale C")
	l.Println("  Cause:", "language: tag is not well-formed")
	l.Printf("  At: %s:%d", "/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go", 35)
	l.Println("  Cause: a line of our own after the report")
	l.Println("Fyne error: ", "Failed to load the window icon")
	l.Println("  Cause:", "no such file")
	got := out.String()
	for _, want := range []string{"before\n", "  Cause: a line of our own after the report\n", "Fyne error:  Failed to load the window icon\n", "  Cause: no such file\n"} {
		if !bytes.Contains([]byte(got), []byte(want)) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, gone := range []string{"Error parsing user locale", "not well-formed", "locale.go"} {
		if bytes.Contains([]byte(got), []byte(gone)) {
			t.Errorf("%q not dropped:\n%s", gone, got)
		}
	}
	if n := bytes.Count([]byte(got), []byte("\n")); n != 4 {
		t.Errorf("%d lines, want 4:\n%s", n, got)
	}
}
