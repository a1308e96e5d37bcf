package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
)

// openSample opens the sample file in u as the New dialog does.
func openSample(t *testing.T, u *mainUI, file string) {
	t.Helper()
	p, data, err := loadSample(file)
	if err != nil {
		t.Fatal(err)
	}
	u.setProject(p, data, true)
}

func TestSiteChoicesLeaveOutOtherMunicipalities(t *testing.T) {
	u := newTestUI(t)
	openSample(t, u, "samples/reveskogen-hemsedal.yaml")
	cat := u.ed.catalogue()
	if got, want := u.ed.concept().Municipality, "hemsedal"; got != want {
		t.Fatalf("the sample is in %q, want %q", got, want)
	}
	offered := map[string]bool{}
	for _, id := range u.variants.siteIDs {
		offered[id] = true
	}
	others := 0
	for _, m := range cat.Municipalities {
		for _, id := range m.Items {
			if offered[id] {
				t.Errorf("%q of %s is offered in a Hemsedal concept", id, m.Name)
			}
			others++
		}
	}
	if others == 0 || !slices.Contains(cat.Municipality("gol").Items, "gol-vann") {
		t.Fatal("the catalogue has no other municipality's fees to test with")
	}
	if len(u.variants.siteIDs) == 0 {
		t.Fatal("no site items offered at all")
	}
	for _, o := range u.variants.addSite.Options {
		if o == u.l.T("ui.sites.choice", cat.SiteItem("gol-vann").Name.In(u.l.Lang()), u.l.T("unit."+string(cat.SiteItem("gol-vann").Unit))) {
			t.Errorf("the picker offers %q", o)
		}
	}
}

// TestSiteItemOfOtherMunicipalityStaysInTable checks that a variant that
// already has another municipality's fee keeps it in its table, where it
// can be removed, though the picker does not offer it.
func TestSiteItemOfOtherMunicipalityStaysInTable(t *testing.T) {
	u := newTestUI(t)
	openSample(t, u, "samples/reveskogen-hemsedal.yaml")
	u.ed.addSiteItem("gol-vann")
	v := u.ed.variant()
	row := slices.IndexFunc(v.SiteItems, func(l concepts.SiteItemLine) bool { return l.Item == "gol-vann" })
	if row < 0 {
		t.Fatal("the variant did not take gol-vann")
	}
	if slices.Contains(u.variants.siteIDs, "gol-vann") {
		t.Error("gol-vann is offered while the variant has it")
	}
	if rows := u.variants.siteRows(); row >= rows {
		t.Fatalf("the table has %d rows, not the variant's line %d", rows, row)
	}
	cell := u.variants.newCell().(*tableCell)
	u.variants.updateSiteCell(widget.TableCellID{Row: row, Col: siteColItem}, cell)
	if got, want := cell.label.Text, u.ed.catalogue().SiteItem("gol-vann").Name.In(u.l.Lang()); got != want {
		t.Errorf("row %d shows %q, want %q", row, got, want)
	}
	u.variants.updateSiteCell(widget.TableCellID{Row: row, Col: siteColRemove}, cell)
	if !cell.remove.Visible() {
		t.Fatal("the line has no remove button")
	}
	cell.remove.OnTapped()
	if slices.ContainsFunc(u.ed.variant().SiteItems, func(l concepts.SiteItemLine) bool { return l.Item == "gol-vann" }) {
		t.Error("the remove button left gol-vann in the variant")
	}
	if slices.Contains(u.variants.siteIDs, "gol-vann") {
		t.Error("gol-vann is offered after its line was removed")
	}
}
