package tender

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFileAtomicOK(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anbud.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q, want %q", got, "new")
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("directory holds %v, want only anbud.pdf", got)
	}
}

func TestWriteFileAtomicErrWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anbud.pdf")
	errBoom := errors.New("boom")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half a document")
		return errBoom
	})
	if !errors.Is(err, errBoom) {
		t.Fatalf("got %v, want %v", err, errBoom)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("directory holds %v after a failed write, want nothing", got)
	}
	// an existing file is left as it was
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := mustInput(t, samples[0])
	in.Variants = []int{99}
	if err := WriteFileAtomic(path, func(w io.Writer) error { return WritePDF(w, in) }); !errors.Is(err, ErrVariant) {
		t.Fatalf("got %v, want ErrVariant", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file holds %q after a failed write, want %q", got, "old")
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("directory holds %v, want only anbud.pdf", got)
	}
}

func TestWriteFileAtomicErrUnwritable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "anbud.pdf")
	called := false
	err := WriteFileAtomic(path, func(io.Writer) error { called = true; return nil })
	if err == nil {
		t.Fatal("no error for a missing directory")
	}
	if called {
		t.Error("write was called although no file could be created")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stat: %v, want not exist", err)
	}
}

// WriteFileAtomic is concepts.WriteAtomic: it keeps the mode of the
// document it replaces (a new one gets 0644), as every save in Bokonsept does.
func TestWriteFileAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anbud.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	if err := WriteFileAtomic(path, write); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640 kept", fi.Mode().Perm())
	}
	fresh := filepath.Join(dir, "ny.pdf")
	if err := WriteFileAtomic(fresh, write); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file's mode = %v, want 0644", fi.Mode().Perm())
	}
}
