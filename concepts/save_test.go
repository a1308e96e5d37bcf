package concepts

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hallingdal/bokonsept/i18n"
)

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
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

func TestWriteAtomicKeepsReadOnlyMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("content = %q, want %q", got, "new")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode = %v, want 0444 kept", fi.Mode().Perm())
	}
}

func TestWriteAtomicFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "konsept.yaml")
	if err := os.Mkdir(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "lenke.yaml")
	if err := os.Symlink(filepath.Join("real", "konsept.yaml"), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target holds %q, want %q", got, "new")
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("target mode = %v, want 0600 kept", fi.Mode().Perm())
	}
	// No temporary file is left in either folder.
	if got := dirNames(t, filepath.Dir(real)); !slices.Equal(got, []string{"konsept.yaml"}) {
		t.Errorf("target folder holds %v", got)
	}

	// A dangling link creates its target.
	dangling := filepath.Join(dir, "ny.yaml")
	if err := os.Symlink("ny-mål.yaml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(dangling, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "ny-mål.yaml")); string(got) != "x" {
		t.Errorf("dangling link's target holds %q, want %q", got, "x")
	}

	// A loop of links is an error that says so.
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	if err := errors.Join(os.Symlink(b, a), os.Symlink(a, b)); err != nil {
		t.Fatal(err)
	}
	err = WriteFileAtomic(a, []byte("x"))
	if !errors.Is(err, syscall.ELOOP) {
		t.Errorf("loop: %v, want ELOOP", err)
	}
}

func TestWriteAtomicErrWriteLeavesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anbud.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if err != boom {
		t.Fatalf("err = %v, want the writer's own error unchanged", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file holds %q after a failed write, want %q", got, "old")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"anbud.pdf"}) {
		t.Errorf("folder holds %v, want only anbud.pdf", got)
	}
}

func TestWriteAtomicTempName(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("æ", 120) + ".yaml" // 245 bytes: a legal name
	var tmp string
	err := WriteAtomic(filepath.Join(dir, long), func(w io.Writer) error {
		tmp = w.(*os.File).Name()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if base := filepath.Base(tmp); !IsTempName(base) || !utf8Valid(base) {
		t.Errorf("temporary name %q is not one CleanStale recognises", base)
	}
	if filepath.Dir(tmp) != dir {
		t.Errorf("temporary file in %s, want the target's folder %s", filepath.Dir(tmp), dir)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "?") == s }

func TestSaveErrorMessages(t *testing.T) {
	nb := i18n.New("nb")
	type testCase struct {
		name string
		err  error
		want string
	}
	dir := filepath.Join("srv", "prosjekt")
	path := filepath.Join(dir, "x.pdf")
	tmp := filepath.Join(dir, ".~bokonsept-x.pdf-123.tmp")
	for _, tc := range []testCase{
		{"disk full", &os.PathError{Op: "write", Path: tmp, Err: syscall.ENOSPC}, "kunne ikke lagre " + path + ": disken er full"},
		{"no permission", &os.PathError{Op: "open", Path: tmp, Err: syscall.EACCES}, "kunne ikke lagre " + path + ": du har ikke tilgang til å skrive der"},
		{"not permitted", &os.LinkError{Op: "rename", Old: tmp, New: path, Err: syscall.EPERM}, "kunne ikke lagre " + path + ": du har ikke tilgang til å skrive der"},
		{"read-only disk", &os.PathError{Op: "open", Path: tmp, Err: syscall.EROFS}, "kunne ikke lagre " + path + ": disken eller mappen er skrivebeskyttet"},
		{"missing folder", &os.PathError{Op: "open", Path: tmp, Err: syscall.ENOENT}, "kunne ikke lagre " + path + ": mappen " + dir + " finnes ikke"},
		{"quota", &os.PathError{Op: "write", Path: tmp, Err: syscall.EDQUOT}, "kunne ikke lagre " + path + ": kvoten din på disken er brukt opp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := saveError(path, tc.err)
			if got := Localize(err, nb); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if strings.Contains(err.Error(), ".tmp") {
				t.Errorf("the message names the temporary file: %q", err.Error())
			}
			if !errors.Is(err, tc.err.(interface{ Unwrap() error }).Unwrap()) {
				t.Errorf("%v does not wrap the system's error", err)
			}
		})
	}
}

func TestWriteAtomicErrMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "finnes-ikke")
	called := false
	err := WriteAtomic(filepath.Join(dir, "x.pdf"), func(io.Writer) error { called = true; return nil })
	if called {
		t.Error("write was called although no file could be made")
	}
	if got, want := Localize(err, i18n.New("nb")), "kunne ikke lagre "+filepath.Join(dir, "x.pdf")+": mappen "+dir+" finnes ikke"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	write := func(name string, mod time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	write(".~bokonsept-konsept.yaml-4711.tmp", old)                                      // ours, stale: removed
	write(".~bokonsept-anbud.pdf-99.tmp", time.Now())                                    // ours, a save in progress: kept
	write(".konsept.yaml.2116019578.tmp", old)                                           // someone else's pattern: kept
	write("konsept.yaml", old)                                                           // the user's file: kept
	write(".~bokonsept-notes.txt", old)                                                  // our prefix, not our suffix: kept
	if err := os.Mkdir(filepath.Join(dir, ".~bokonsept-dir-1.tmp"), 0o755); err != nil { // a folder: kept
		t.Fatal(err)
	}
	removed, err := CleanStale(dir, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, ".~bokonsept-konsept.yaml-4711.tmp")}; !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	want := []string{".konsept.yaml.2116019578.tmp", ".~bokonsept-anbud.pdf-99.tmp", ".~bokonsept-dir-1.tmp", ".~bokonsept-notes.txt", "konsept.yaml"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %v\nwant %v", got, want)
	}
	// A folder that does not exist has nothing to clean.
	if removed, err := CleanStale(filepath.Join(dir, "nei"), time.Minute); err != nil || removed != nil {
		t.Errorf("missing folder: %v, %v", removed, err)
	}
}
