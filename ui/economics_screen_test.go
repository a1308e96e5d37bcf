package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/shopspring/decimal"
)

// showEconomics selects the Økonomi tab, so that its tables are laid out.
func showEconomics(tb testing.TB, u *mainUI) {
	tb.Helper()
	showTab(tb, u, u.economics.Content())
}

// showTab selects the main tab whose content is content, as a click on
// it does: a screen skips the refreshes of edits while its tab is hidden.
func showTab(tb testing.TB, u *mainUI, content fyne.CanvasObject) {
	tb.Helper()
	for i, it := range u.tabs.Items {
		if it.Content == content {
			u.tabs.SelectIndex(i)
			return
		}
	}
	tb.Fatal("no such tab")
}

// householdEntry returns the rendered entry of the household table at row
// and col.
func householdEntry(tb testing.TB, u *mainUI, row, col int) *formEntry {
	tb.Helper()
	for _, o := range rendered(u.economics.households) {
		if c, ok := o.(*householdCell); ok && c.row == row && c.col == col && c.entry.Visible() {
			return c.entry
		}
	}
	tb.Fatalf("no household entry at row %d, column %d", row, col)
	return nil
}

// matrixShows returns the rendered matrix cell of household row and
// column col (0 the household, 1… the types, last the dwellings).
func matrixShows(tb testing.TB, u *mainUI, row, col int) *matrixCell {
	tb.Helper()
	for _, o := range rendered(u.economics.matrix) {
		if c, ok := o.(*matrixCell); ok && c.row == row && c.col == col {
			return c
		}
	}
	tb.Fatalf("no matrix cell at row %d, column %d", row, col)
	return nil
}

// typeCell is what the dwelling-type table shows at row and col.
func typeCell(u *mainUI, row, col int) string {
	lbl := newEconomicsLabel().(*widget.Label)
	u.economics.updateTypeCell(widget.TableCellID{Row: row, Col: col}, lbl)
	return lbl.Text
}

// householdIndex returns the index of the household with id.
func householdIndex(tb testing.TB, u *mainUI, id string) int {
	tb.Helper()
	for i, h := range u.ed.concept().Economics.Households {
		if h.ID == id {
			return i
		}
	}
	tb.Fatalf("no household %q", id)
	return -1
}

// canBuy is the rule of docs/ESTIMATE.md, "Buyer economics", written out
// apart from costing: equity Q reaches 10 % of the sale price S (rounded)
// and the loan S − Q is at most 5 × income (the Solenga sample's terms;
// no startlån).
func canBuy(s costing.Kroner, income, equity int64) bool {
	return canBuyWith(s, income, equity, false)
}

// canBuyWith is canBuy for a household with or without startlån, which
// in Solenga needs no equity of its own (startlan_equity_percent 0).
func canBuyWith(s costing.Kroner, income, equity int64, startlan bool) bool {
	need := s.Decimal().Mul(decimal.RequireFromString("0.1")).Round(0)
	if startlan {
		need = decimal.Zero
	}
	return decimal.NewFromInt(equity).GreaterThanOrEqual(need) && int64(s)-equity <= 5*income
}

// TestEconomicsIncomeChangesMatrix types a lower income for the family
// of the Solenga sample and sees the matrix say, at once, that it can no
// longer buy the cheapest flat and by how much its income falls short;
// undo brings the old answer back.
func TestEconomicsIncomeChangesMatrix(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	h := householdIndex(t, u, "familie") // income 1 150 000, equity 450 000
	x := u.economics.x
	cheap := x.Cheapest()
	s := x.Types[cheap].SalePrice
	if !canBuy(s, 1_150_000, 450_000) {
		t.Fatalf("the family cannot buy the cheapest flat at %s to start with", s)
	}
	if got, want := matrixShows(t, u, h, 1+cheap).head.Text, u.l.T("panel.economics.can"); got != want {
		t.Fatalf("matrix says %q, want %q", got, want)
	}

	typeInto(&householdEntry(t, u, h, hhColIncome).Entry, "300000")
	if got := u.ed.concept().Economics.Households[h].Income; !got.Equal(decimal.NewFromInt(300_000)) {
		t.Fatalf("income = %s, want 300000", got)
	}
	// 300 000 × 5 + 450 000 falls short of the price: the income a loan
	// of S − 450 000 needs is (S − 450 000) / 5, rounded up to the krone,
	// and 300 000 of it is there.
	if canBuy(s, 300_000, 450_000) {
		t.Fatalf("the cheapest flat at %s is within reach of 300 000 a year", s)
	}
	short := decimal.NewFromInt(int64(s) - 450_000).Div(decimal.NewFromInt(5)).Ceil().Sub(decimal.NewFromInt(300_000))
	cell := matrixShows(t, u, h, 1+cheap)
	if got, want := cell.head.Text, u.l.T("panel.economics.cannot"); got != want {
		t.Errorf("after the edit the matrix says %q, want %q", got, want)
	}
	if got, want := cell.line1.Text, u.l.T("panel.economics.short_income", u.l.Number(short, 0)); got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	// The dwellings it can buy: the counts of the types within reach.
	n, all := 0, 0
	for _, ty := range x.Types {
		all += ty.Count
	}
	for _, ty := range u.economics.x.Types {
		if canBuy(ty.SalePrice, 300_000, 450_000) {
			n += ty.Count
		}
	}
	if got, want := matrixShows(t, u, h, 1+len(x.Types)).head.Text, u.l.T("panel.economics.dwellings", n, all); got != want {
		t.Errorf("dwellings %q, want %q", got, want)
	}

	if !u.ed.undo() {
		t.Fatal("the income edit is not an undo step")
	}
	if got := u.ed.concept().Economics.Households[h].Income; !got.Equal(decimal.NewFromInt(1_150_000)) {
		t.Errorf("after undo the income is %s", got)
	}
	if got, want := matrixShows(t, u, h, 1+cheap).head.Text, u.l.T("panel.economics.can"); got != want {
		t.Errorf("after undo the matrix says %q, want %q", got, want)
	}
	if got, want := householdEntry(t, u, h, hhColIncome).Text, "1\u00a0150\u00a0000"; got != want {
		t.Errorf("after undo the income entry shows %q, want %q", got, want)
	}
}

// TestEconomicsTenureSwitch switches Solenga's variant from the concept's
// cooperative tenure to owner: the common debt goes, and undo brings it
// back.
func TestEconomicsTenureSwitch(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	s := u.economics
	if s.x.Tenure != concepts.TenureCooperative || s.variantTenure.SelectedIndex() != 0 {
		t.Fatalf("Solenga starts as %q, select at %d", s.x.Tenure, s.variantTenure.SelectedIndex())
	}
	// Common debt: 60 % of the sale price, rounded.
	sale := s.x.Types[0].SalePrice.Decimal()
	debt := u.l.NOK(sale.Mul(decimal.NewFromInt(60)).Div(decimal.NewFromInt(100)).Round(0))
	if got := typeCell(u, ecoRowCommonDebt, 1); got != debt {
		t.Fatalf("common debt %q, want %q", got, debt)
	}
	coopMonthly := s.x.Types[0].Monthly

	s.variantTenure.SetSelectedIndex(1)
	if got := u.ed.variant().Tenure; got != concepts.TenureOwner {
		t.Fatalf("variant tenure = %q, want owner", got)
	}
	if got := s.x.Tenure; got != concepts.TenureOwner {
		t.Errorf("economics shown for %q", got)
	}
	if got := typeCell(u, ecoRowCommonDebt, 1); got != "–" {
		t.Errorf("an owner's common debt reads %q, want –", got)
	}
	// An owner borrows the whole loan at 5,4 % over 30 years instead of
	// 40 % of it at 5,4 % and 60 % at 5 % over 40: another monthly cost.
	ownerMonthly := engineEstimate(t, u, u.ed.selected).Economics.Types[0].Monthly
	if ownerMonthly == coopMonthly {
		t.Errorf("the monthly cost %s did not change with the tenure", ownerMonthly)
	}
	if got, want := typeCell(u, ecoRowMonthly, 1), u.l.NOK(ownerMonthly.Decimal()); got != want {
		t.Errorf("monthly %q, want %q", got, want)
	}

	if !u.ed.undo() {
		t.Fatal("the tenure switch is not an undo step")
	}
	if got := u.ed.variant().Tenure; got != "" {
		t.Errorf("after undo the variant's tenure is %q", got)
	}
	if got := s.variantTenure.SelectedIndex(); got != 0 {
		t.Errorf("after undo the select shows option %d", got)
	}
	if got := typeCell(u, ecoRowCommonDebt, 1); got != debt {
		t.Errorf("after undo the common debt reads %q, want %q", got, debt)
	}
}

// TestEconomicsAddAndRemoveSection removes the economics, adds it back
// with the defaults and undoes both.
func TestEconomicsAddAndRemoveSection(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	s := u.economics
	u.ed.apply("", func(c *concepts.Concept) error { c.Variants[0].Tenure = concepts.TenureOwner; return nil })

	test.Tap(s.remove)
	if c := u.ed.concept(); c.Economics != nil || c.Variants[0].Tenure != "" {
		t.Fatalf("after remove: economics %v, tenure %q", c.Economics, c.Variants[0].Tenure)
	}
	if s.body.Visible() || !s.none.Visible() {
		t.Error("without economics the tab still shows the tables")
	}
	if !s.variantTenure.Disabled() {
		t.Error("the tenure can be chosen without economics")
	}

	test.Tap(s.add)
	ec := u.ed.concept().Economics
	if ec == nil || len(ec.Households) != 1 || ec.Households[0].Name["nb"] != "Førstegangskjøper" || ec.Households[0].Name["en"] != "First-time buyer" {
		t.Fatalf("added economics: %+v", ec)
	}
	if ec.DeveloperMarginPercent != nil || ec.Loan != nil || ec.MarketValuePerM2 != nil {
		t.Errorf("the added section sets values the defaults give: %+v", ec)
	}
	if !s.body.Visible() || s.none.Visible() {
		t.Error("with economics the tab does not show the tables")
	}
	// Defaults: 8 % margin and 3 % sales costs on the cost price.
	e := engineEstimate(t, u, 0)
	want := u.l.NOK(e.DwellingPrices[0].Price.Mul(decimal.RequireFromString("1.11")).Round(0))
	if got := typeCell(u, ecoRowSale, 1); got != want {
		t.Errorf("sale price %q, want %q", got, want)
	}
	// No market value by default: no gap and no subsidy figure.
	if got := typeCell(u, ecoRowGap, 1); got != "–" {
		t.Errorf("gap without a market value reads %q", got)
	}
	if got, want := s.gap.Text, u.l.T("panel.economics.gap_none"); got != want {
		t.Errorf("gap line %q, want %q", got, want)
	}

	u.ed.undo()
	u.ed.undo()
	if c := u.ed.concept(); c.Economics == nil || len(c.Economics.Households) != 5 || c.Variants[0].Tenure != concepts.TenureOwner {
		t.Errorf("undo did not bring the sample's economics back")
	}
	if !s.body.Visible() {
		t.Error("after undo the tables are hidden")
	}
}

// TestEconomicsAssumptionFields types a developer's margin, clears it to
// the default, and types one the format refuses.
func TestEconomicsAssumptionFields(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	s := u.economics
	margin := s.fields[0] // the form's order: margin first
	if got, want := margin.entry.Text, "5"; got != want {
		t.Fatalf("margin shows %q, want the sample's %q", got, want)
	}
	cost := s.x.Types[0].CostPrice
	for _, tc := range []struct {
		text string
		// factor is 1 + (margin + 2 % sales costs) / 100.
		factor string
	}{
		{"12", "1.14"},
		{"", "1.10"}, // empty: the default margin of 8 %
		{"7,5", "1.095"},
	} {
		typeInto(&margin.entry.Entry, tc.text)
		want := u.l.NOK(cost.Mul(decimal.RequireFromString(tc.factor)).Round(0))
		if got := typeCell(u, ecoRowSale, 1); got != want {
			t.Errorf("margin %q: sale price %q, want %q", tc.text, got, want)
		}
	}
	if got := u.ed.concept().Economics.DeveloperMarginPercent; got == nil || !got.Equal(decimal.RequireFromString("7.5")) {
		t.Errorf("margin in the concept = %v, want 7.5", got)
	}
	margin.entry.SetText("101")
	if got := u.ed.concept().Economics.DeveloperMarginPercent; got == nil || !got.Equal(decimal.RequireFromString("7.5")) {
		t.Errorf("a margin of 101 %% was taken: %v", got)
	}
	if margin.entry.Validate() == nil {
		t.Error("101 % is not marked as wrong")
	}
	// Typing into one field, until it loses the focus, is one undo step.
	margin.entry.FocusLost()
	if got := margin.entry.Text; got != "7,5" {
		t.Errorf("after leaving the field it shows %q, want the 7,5 kept", got)
	}
	if !u.ed.undo() {
		t.Fatal("the margin edits are no undo step")
	}
	if got := u.ed.concept().Economics.DeveloperMarginPercent; got == nil || !got.Equal(decimal.NewFromInt(5)) {
		t.Errorf("after undo the margin is %v, want 5", got)
	}
}

// TestEconomicsVariantSelect chooses another variant in the tab's own
// select: the editor selects it, and the tables show its types.
func TestEconomicsVariantSelect(t *testing.T) {
	u := newTestUI(t)
	showEconomics(t, u)
	if len(u.ed.concept().Variants) < 2 {
		t.Skip("the sample has one variant")
	}
	u.economics.variant.SetSelectedIndex(1)
	if u.ed.selected != 1 {
		t.Fatalf("selected %d, want 1", u.ed.selected)
	}
	want := engineEstimate(t, u, 1)
	if got := u.economics.e.Variant; got != want.Variant {
		t.Errorf("tab shows %q, want %q", got, want.Variant)
	}
	if got, wantN := u.economics.typeRows(), len(want.Economics.Types); got != wantN {
		t.Errorf("%d types shown, want %d", got, wantN)
	}
}

// TestEconomicsEnglish opens Solenga with the window in English: the tab,
// the rows, the amounts and the households' names read in English.
func TestEconomicsEnglish(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	w := test.NewTempWindow(t, nil)
	u := newMainUI(a, w, "test", func(f func()) { f() })
	u.ed.simulateEnabled = false
	u.recoveryDir = t.TempDir()
	w.SetContent(u.content)
	w.Resize(fyne.NewSize(1600, 1000))
	u.openInitial("")
	showEconomics(t, u)
	if got := u.tabs.Selected().Text; got != "Economics" {
		t.Errorf("tab %q, want Economics", got)
	}
	if got := typeCell(u, ecoRowSale, 0); got != "Sale price" {
		t.Errorf("row %q, want Sale price", got)
	}
	sale := u.economics.x.Types[0].SalePrice
	if got, want := typeCell(u, ecoRowSale, 1), "NOK "+u.l.Int(int64(sale)); got != want {
		t.Errorf("sale price %q, want %q", got, want)
	}
	h := householdIndex(t, u, "forstegang")
	if got := matrixShows(t, u, h, 0).head.Text; got != "First-time buyer" {
		t.Errorf("household %q, want First-time buyer", got)
	}
	if got := householdEntry(t, u, h, hhColName).Text; got != "First-time buyer" {
		t.Errorf("household entry %q, want First-time buyer", got)
	}
}
