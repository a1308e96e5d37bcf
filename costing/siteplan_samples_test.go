package costing

import "testing"

// TestSitePlan_Samples: the samples' hand-drawn site plans pass every
// layout check but BYA (information).
func TestSitePlan_Samples(t *testing.T) {
	for _, name := range []string{"solenga-gol.yaml", "reveskogen-hemsedal.yaml"} {
		p := sampleProject(t, name)
		for i, v := range p.Concept.Variants {
			if v.Layout == nil {
				t.Errorf("%s, %s: no layout", name, v.Name)
				continue
			}
			m, err := Compile(p, i)
			if err != nil {
				t.Fatal(err)
			}
			checks, ids := layoutChecks(m.Estimate())
			if len(ids) != 6 {
				t.Errorf("%s, %s: layout checks %v", name, v.Name, ids)
			}
			for _, id := range ids {
				if c := checks[id]; c.Status != StatusPass && id != CheckLayoutBYA {
					t.Errorf("%s, %s: %s is %s: %+v", name, v.Name, id, c.Status, c.Args)
				}
			}
		}
	}
}
