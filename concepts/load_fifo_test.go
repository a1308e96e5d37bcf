//go:build unix

package concepts

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hallingdal/bokonsept/i18n"
)

// guard fails the test if load has not returned after a generous while,
// and then opens the FIFO at fifo for writing, which releases a reader
// that waits for a writer: a load that blocks fails instead of hanging.
// It is a guard against a hang, not a measure of speed.
func guard(t *testing.T, fifo string, load func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		load()
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Errorf("reading %s waited for a writer", fifo)
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-done
	}
}

// replaceWith puts a FIFO (or a folder, when dir is set) in place of the
// file at path.
func replaceWith(t *testing.T, path string, dir bool) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	var err error
	if dir {
		err = os.Mkdir(path, 0o755)
	} else {
		err = syscall.Mkfifo(path, 0o644)
	}
	if err != nil {
		t.Skipf("cannot make a special file here: %v", err)
	}
}

// TestLoadProject_NotRegular puts a FIFO or a folder where the catalogue,
// the price book or the concept itself should be: each is refused at once
// with its position in the concept (for the files it names) and what it is.
func TestLoadProject_NotRegular(t *testing.T) {
	// concept.yaml line 4 is "catalogue: catalogue.yaml", the value at
	// column 12; line 37 is "    pricebook: pricebook.yaml", the value at
	// column 16 (see TestLoadProject_AllErrorsTogether).
	const (
		fifo   = "is a named pipe (FIFO), not a regular file: Bokonsept reads only regular files; choose the YAML file itself"
		folder = "is a folder, not a file: choose the YAML file itself"
	)
	for _, tt := range []struct {
		name, file string
		dir        bool
		line, col  int
		msg        string
	}{
		{"catalogue FIFO", "catalogue.yaml", false, 4, 12, `catalogue file "catalogue.yaml": ` + fifo},
		{"price book FIFO", "pricebook.yaml", false, 37, 16, `variant "A priced by Hallingbygg": price book file "pricebook.yaml": ` + fifo},
		{"concept FIFO", "concept.yaml", false, 0, 0, fifo},
		{"catalogue folder", "catalogue.yaml", true, 4, 12, `catalogue file "catalogue.yaml": ` + folder},
		{"price book folder", "pricebook.yaml", true, 37, 16, `variant "A priced by Hallingbygg": price book file "pricebook.yaml": ` + folder},
		{"concept folder", "concept.yaml", true, 0, 0, folder},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := writeProject(t, MustRead(t, "concept.yaml"))
			special := filepath.Join(filepath.Dir(path), tt.file)
			replaceWith(t, special, tt.dir)
			var err error
			guard(t, special, func() { _, err = LoadProject(path, LoadOptions{}) })
			l := Errors(err)
			if len(l) != 1 {
				t.Fatalf("want 1 error, got:\n%v", err)
			}
			e := l[0]
			if e.File != path || e.Line != tt.line || e.Column != tt.col || e.Msg != tt.msg {
				t.Errorf("got  %s:%d:%d: %s\nwant %s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg, path, tt.line, tt.col, tt.msg)
			}
			checkLocalized(t, err)
		})
	}
}

// TestLoad_NotRegular gives a FIFO, a folder and a device to every loader
// directly (as the command line's --catalogue and --pricebook do).
func TestLoad_NotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "katalog.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	loaders := map[string]func(string) error{
		"LoadCatalogue": func(p string) error { _, err := LoadCatalogue(p); return err },
		"LoadPriceBook": func(p string) error { _, err := LoadPriceBook(p); return err },
		"LoadProject":   func(p string) error { _, err := LoadProject(p, LoadOptions{}); return err },
		"ValidateFile":  ValidateFile,
		"ReadFile":      func(p string) error { _, err := ReadFile(p); return err },
		"override catalogue": func(p string) error {
			_, err := LoadProject(filepath.Join("testdata", "concept.yaml"), LoadOptions{Catalogue: p})
			return err
		},
		"override price book": func(p string) error {
			_, err := LoadProject(filepath.Join("testdata", "concept.yaml"), LoadOptions{PriceBook: p})
			return err
		},
	}
	for _, special := range []struct{ path, what string }{
		{fifo, "is a named pipe (FIFO), not a regular file"},
		{dir, "is a folder, not a file"},
		{"/dev/null", "is a device, not a regular file"},
	} {
		for name, load := range loaders {
			t.Run(name+" "+special.path, func(t *testing.T) {
				var err error
				guard(t, special.path, func() { err = load(special.path) })
				l := Errors(err)
				if len(l) != 1 || l[0].File != special.path || l[0].Line != 0 || !strings.HasPrefix(l[0].Msg, special.what) {
					t.Errorf("want one error %q naming %s, got:\n%v", special.what, special.path, err)
				}
				checkLocalized(t, err)
			})
		}
	}
}

// TestOpenNoWait checks what guards a FIFO swapped in between readFile's
// look and its open: the open returns at once, and the opened file is
// refused before anything is read.
func TestOpenNoWait(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "konsept.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	var f *os.File
	var err error
	guard(t, fifo, func() { f, err = openNoWait(fifo) })
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	err = regular(fifo, fi)
	if !hasError(err, 0, 0, "is a named pipe (FIFO)") {
		t.Errorf("want the FIFO refused, got %v", err)
	}
}

// TestReadFile_Norwegian checks the Norwegian text a user reads for a FIFO.
func TestReadFile_Norwegian(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "katalog.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	var err error
	guard(t, fifo, func() { _, err = LoadCatalogue(fifo) })
	want := fifo + ": er et navngitt rør (FIFO), ikke en vanlig fil: Bokonsept leser bare vanlige filer; velg selve YAML-filen"
	if got := Localize(err, i18n.New("nb")); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
