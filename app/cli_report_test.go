package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfWords returns the text of a PDF with white space collapsed.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestCLIReportAndTender: the report is marked internal and holds the
// estimate; the tenderers' document of a variant that fails a check is
// refused, leaving no file, and written with --force, its cover saying why.
// The independent concept's variant V1 fails zoning.density.
func TestCLIReportAndTender(t *testing.T) {
	concept := filepath.Join("testdata", "independent", "concept.yaml")
	dir := t.TempDir()
	report := filepath.Join(dir, "beslutningsgrunnlag.pdf")
	if code, _, errOut := runT(t, "report", concept, "-o", report); code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	if text := pdfWords(t, report); !strings.Contains(text, "Internt – ikke del av konkurransegrunnlaget") || !strings.Contains(text, "Kostnadsramme") {
		t.Errorf("the report is not marked internal or lacks kostnadsramme:\n%.500s", text)
	}

	pdf := filepath.Join(dir, "beskrivelse.pdf")
	code, _, errOut := runT(t, "tender", concept, "--variant", "V1", "-o", pdf)
	if code != exitInvalid || !strings.Contains(errOut, "zoning.density") || !strings.Contains(errOut, "--force") {
		t.Errorf("tender of a failing variant: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a refused tender left a file")
	}
	if code, _, errOut := runT(t, "tender", concept, "-o", pdf); code != exitUsage {
		t.Errorf("tender without --variant: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runT(t, "tender", concept, "--variant", "V1", "--force", "-o", pdf); code != exitOK {
		t.Fatalf("tender --force: exit %d: %s", code, errOut)
	}
	text := pdfWords(t, pdf)
	if !strings.Contains(text, "skulle ikke vært sendt ut på anbud") {
		t.Error("the forced document's cover does not say so")
	}
	if strings.Contains(text, "Kostnadsramme") || strings.Contains(text, "P85") {
		t.Error("the tenderers' document shows the estimate")
	}
}
