package costing_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
)

// samplePaths are the sample concepts in assets/samples.
var samplePaths = []string{"solenga-gol.yaml", "reveskogen-hemsedal.yaml"}

// loadSample loads a sample concept; it skips the test while the samples or
// the loader are not there.
func loadSample(tb testing.TB, name string) *concepts.Project {
	tb.Helper()
	path := filepath.Join("..", "assets", "samples", name)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("sample %s: %v", name, err)
	}
	p, err := concepts.LoadProject(path, concepts.LoadOptions{})
	if err != nil {
		tb.Skipf("sample %s does not load: %v", name, err)
	}
	return p
}

// TestSamples estimates and simulates every variant of the samples and
// checks the sums and the simulation's invariants.
func TestSamples(t *testing.T) {
	for _, name := range samplePaths {
		t.Run(name, func(t *testing.T) {
			p := loadSample(t, name)
			for i, v := range p.Concept.Variants {
				e, err := costing.Run(context.Background(), p, i)
				if err != nil {
					t.Fatalf("variant %q: %v", v.Name, err)
				}
				checkAddsUp(t, e)
				if p.Concept.Assumptions.Simulation.Iterations > 0 && (e.P50 == nil || e.P85 == nil) {
					t.Errorf("variant %q: not simulated", v.Name)
				}
				if len(e.Checks) == 0 {
					t.Errorf("variant %q: no checks", v.Name)
				}
				t.Logf("%s: %d dwellings, basiskostnad %s, P50 %s, P85 %s, kostnadsramme/bolig %s", v.Name, e.Dwellings,
					e.Totals.Basiskostnad, e.P50, e.P85, e.PerDwelling.Kostnadsramme)
			}
		})
	}
}
