package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mainEnv, set to 1, makes the test binary run bokonsept's main instead of
// the tests. The test binary links the same packages as bokonsept, Fyne
// included, so its start-up writes to stderr what bokonsept's would.
const mainEnv = "BOKONSEPT_TEST_RUN_MAIN"

// TestMain runs main when a test re-executes the test binary (see
// runMain), and the tests otherwise.
func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// runMain runs bokonsept as a process with args and the locale settings
// locale (such as "LANG=C"; every other locale variable is removed) and
// returns its exit code, stdout and stderr.
func runMain(t *testing.T, locale []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") || name == "BOKONSEPT_LANG" {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, mainEnv+"=1")
	cmd.Env = append(cmd.Env, locale...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// locales are the locale settings a command must stay quiet under: the C
// locale in its spellings (Fyne cannot parse "C.UTF-8" and used to log
// three lines about it), none at all, and a Norwegian one.
var locales = [][]string{
	{"LANG=C"},
	{"LANG=C.UTF-8"},
	{"LANG=C.utf8"},
	{},
	{"LC_ALL=C"},
	{"LC_ALL=C.UTF-8"},
	{"LANG=POSIX"},
	{"LANG=nb_NO.UTF-8"},
}

// TestQuietStderr checks that the commands write nothing to stderr when
// they succeed, whatever the locale.
func TestQuietStderr(t *testing.T) {
	concept := filepath.Join("testdata", "independent", "concept.yaml")
	commands := [][]string{
		{"estimate", concept},
		{"estimate", "--json", concept},
		{"validate", concept},
		{"catalogue"},
		{"version"},
	}
	for _, locale := range locales {
		for _, args := range commands {
			name := strings.Join(locale, " ") + " " + strings.Join(args, " ")
			t.Run(name, func(t *testing.T) {
				code, out, errOut := runMain(t, locale, args...)
				if code != exitOK || errOut != "" {
					t.Errorf("exit %d, stderr:\n%s", code, errOut)
				}
				if out == "" {
					t.Error("nothing on stdout")
				}
			})
		}
	}
}

// TestQuietStderrDocuments checks the commands that write documents, under
// the locale Fyne used to complain about.
func TestQuietStderrDocuments(t *testing.T) {
	concept := filepath.Join("testdata", "independent", "concept.yaml")
	dir := t.TempDir()
	for _, args := range [][]string{
		{"tender", concept, "--variant", "V1", "--force", "-o", filepath.Join(dir, "anbud.pdf")},
		{"prices", concept, "--variant", "V1", "--force", "-o", filepath.Join(dir, "prisskjema.xlsx")},
		{"report", concept, "-o", filepath.Join(dir, "beslutningsgrunnlag.pdf")},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errOut := runMain(t, []string{"LANG=C.UTF-8"}, args...)
			if code != exitOK || errOut != "" {
				t.Errorf("exit %d, stderr:\n%s", code, errOut)
			}
			if fi, err := os.Stat(args[len(args)-1]); err != nil || fi.Size() == 0 {
				t.Errorf("no document written: %v", err)
			}
		})
	}
}

// TestStderrOwnMessages checks that the command's own messages still reach
// stderr under the C locale, and nothing else: a missing file gives exactly
// the one Norwegian line that says so.
func TestStderrOwnMessages(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "borte.yaml")
	want := missing + ": kan ikke lese filen: filen finnes ikke\n" +
		"1 av 1 filer har feil\n"
	code, _, errOut := runMain(t, []string{"LANG=C.UTF-8"}, "validate", missing)
	if code != exitInvalid || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, exitInvalid, want)
	}
}
