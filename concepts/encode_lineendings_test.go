package concepts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEncodeConcept_LineEndings saves files written on Windows the way
// they came: CRLF stays CRLF (every line break, none left bare), a byte
// order mark stays, and a Unix file stays LF without a mark.
func TestEncodeConcept_LineEndings(t *testing.T) {
	lf := MustRead(t, "concept.yaml")
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	type testCase struct {
		name     string
		original string
		crlf     bool
		bom      bool
	}
	for _, tc := range []testCase{
		{name: "LF", original: lf},
		{name: "CRLF", original: crlf, crlf: true},
		{name: "CRLF with BOM", original: "\xEF\xBB\xBF" + crlf, crlf: true, bom: true},
		{name: "LF with BOM", original: "\xEF\xBB\xBF" + lf, bom: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := DecodeConcept("konsept.yaml", []byte(tc.original))
			if err != nil {
				t.Fatal(err)
			}
			// Unchanged, the file is written back byte for byte.
			if out, err := EncodeConcept(c, []byte(tc.original)); err != nil || string(out) != tc.original {
				t.Errorf("unchanged concept saved differently (%v):\n%q", err, out)
			}
			c.Name = "Solenga, revidert"
			out, err := EncodeConcept(c, []byte(tc.original))
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.HasPrefix(out, bom); got != tc.bom {
				t.Errorf("byte order mark: got %v, want %v", got, tc.bom)
			}
			breaks := bytes.Count(out, []byte("\n"))
			crlfs := bytes.Count(out, []byte("\r\n"))
			if breaks == 0 {
				t.Fatal("no line breaks")
			}
			if tc.crlf && crlfs != breaks {
				t.Errorf("%d of %d line breaks are CRLF, want all", crlfs, breaks)
			}
			if !tc.crlf && crlfs != 0 {
				t.Errorf("%d CRLF line breaks in a LF file", crlfs)
			}
			nl := "\n"
			if tc.crlf {
				nl = "\r\n"
			}
			if want := "name: Solenga, revidert" + nl; !bytes.Contains(out, []byte(want)) {
				t.Errorf("saved file lacks %q", want)
			}
			c2, err := DecodeConcept("saved.yaml", out)
			if err != nil {
				t.Fatalf("saved file does not load: %v", err)
			}
			if !equalDocs(c, c2) {
				t.Errorf("saving changed the concept")
			}
		})
	}
}

// TestSaveProject_KeepsCRLF saves a project whose file on disk (not handed
// in) has CRLF line endings and a Norwegian name with a space.
func TestSaveProject_KeepsCRLF(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"catalogue.yaml", "pricebook.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(MustRead(t, name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "Solenga på Gol æøå.yaml")
	crlf := strings.ReplaceAll(MustRead(t, "concept.yaml"), "\n", "\r\n")
	if err := os.WriteFile(path, []byte(crlf), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadProject(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.Concept.Name = "Solenga, revidert"
	if err := SaveProject(p, nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, m := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); n == 0 || n != m {
		t.Errorf("%d of %d line breaks are CRLF, want all", m, n)
	}
	if !bytes.Contains(data, []byte("name: Solenga, revidert\r\n")) {
		t.Errorf("saved file lacks the new name:\n%q", data)
	}
}
