package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// riskList is the list of the concept's event risks (hendelsesusikkerhet)
// beside the uncertainty factors: each risk with its probability, its
// low / likely / high cost and whether VAT comes on top, with buttons to
// add, edit and remove. Every change is one undo step.
type riskList struct {
	ed  *editor
	in  inputs
	win fyne.Window

	list    *widget.List
	none    *widget.Label
	content fyne.CanvasObject
}

// newRiskList builds the risk list of the editor's concept.
func newRiskList(ed *editor, win fyne.Window) *riskList {
	r := &riskList{ed: ed, in: inputs{ed.l}, win: win}
	r.buildUI()
	return r
}

// Content returns the list with its help text and add button.
func (r *riskList) Content() fyne.CanvasObject { return r.content }

func (r *riskList) buildUI() {
	l := r.ed.l
	r.list = &widget.List{
		Length:     func() int { return len(r.ed.concept().Risks) },
		CreateItem: r.createRow,
		UpdateItem: r.updateRow,
	}
	r.none = &widget.Label{Text: l.T("panel.risks.none"), Importance: widget.LowImportance}
	add := &widget.Button{Text: l.T("panel.risks.add"), Icon: theme.ContentAddIcon(), OnTapped: r.onAddTapped}
	r.content = container.NewBorder(
		&widget.Label{Text: l.T("panel.risks.help"), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance},
		container.NewHBox(add), nil, nil,
		container.NewStack(minHeight(4*theme.Size(theme.SizeNameText)*2.2), r.none, r.list))
	r.Refresh()
}

// Refresh shows the concept's risks again.
func (r *riskList) Refresh() {
	if len(r.ed.concept().Risks) == 0 {
		r.none.Show()
	} else {
		r.none.Hide()
	}
	r.list.Refresh()
}

// createRow makes a row: the risk in one line (cut with an ellipsis when
// the column is narrow; the edit dialog shows it whole) and its buttons.
func (r *riskList) createRow() fyne.CanvasObject {
	edit := &widget.Button{Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance}
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), label)
}

func (r *riskList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	risks := r.ed.concept().Risks
	if id >= len(risks) {
		return
	}
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(r.rowText(risks[id]))
	buttons := row.Objects[1].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = func() { r.showDialog(id) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { r.remove(id) }
}

// rowText is a risk in one line: "Fjell i grunnen · 25,0 % · 300 000 /
// 800 000 / 2 000 000 kr + mva". Probabilities keep one decimal, so that
// the rows read alike.
func (r *riskList) rowText(k concepts.Risk) string {
	l := r.ed.l
	vat := l.T("panel.risks.row_no_vat")
	if k.VATLiable() {
		vat = l.T("panel.risks.row_vat")
	}
	return l.T("panel.risks.row", k.Name, l.PercentFixed(k.ProbabilityPercent, 1),
		l.Number(k.Cost.Low, 0), l.Number(k.Cost.Likely, 0), l.Number(k.Cost.High, 0), vat)
}

func (r *riskList) onAddTapped() { r.showDialog(-1) }

// remove deletes risk i.
func (r *riskList) remove(i int) {
	_ = r.ed.apply("", func(c *concepts.Concept) error {
		if i < len(c.Risks) {
			c.Risks = append(c.Risks[:i:i], c.Risks[i+1:]...)
		}
		if len(c.Risks) == 0 {
			c.Risks = nil
		}
		return nil
	})
}

// set puts k in place of risk i, or appends it when i is -1.
func (r *riskList) set(i int, k concepts.Risk) error {
	return r.ed.apply("", func(c *concepts.Concept) error {
		if i >= 0 && i < len(c.Risks) {
			c.Risks[i] = k
		} else {
			c.Risks = append(c.Risks, k)
		}
		return nil
	})
}

// showDialog edits risk i, or adds one when i is -1.
func (r *riskList) showDialog(i int) {
	l, in := r.ed.l, r.in
	k := concepts.Risk{Name: l.T("panel.risks.default_name"), ProbabilityPercent: decimal.NewFromInt(25),
		Cost: concepts.Range{Low: decimal.NewFromInt(300_000), Likely: decimal.NewFromInt(800_000), High: decimal.NewFromInt(2_000_000)}}
	if risks := r.ed.concept().Risks; i >= 0 && i < len(risks) {
		k = risks[i]
	} else {
		k.Name = uniqueName(k.Name, func(n string) bool {
			return slices.ContainsFunc(risks, func(x concepts.Risk) bool { return x.Name == n })
		})
	}
	keys := &dialogKeys{}
	name := newDialogEntry(keys, k.Name, func(t string) error {
		return in.name(t, func(n string) bool {
			for j, x := range r.ed.concept().Risks {
				if j != i && x.Name == n {
					return true
				}
			}
			return false
		})
	})
	prob := newDialogEntry(keys, in.text(k.ProbabilityPercent), func(t string) error { _, err := in.riskProbability(t); return err })
	cost := func(d decimal.Decimal) *dialogEntry {
		return newDialogEntry(keys, in.text(d), func(t string) error { _, err := in.riskCost(t); return err })
	}
	low, likely, high := cost(k.Cost.Low), cost(k.Cost.Likely), cost(k.Cost.High)
	yes, no := l.T("panel.yes"), l.T("panel.no")
	selected := no
	if k.VATLiable() {
		selected = yes
	}
	vat := newDialogRadio(keys, []string{yes, no}, selected)
	vat.Horizontal = true
	items := []*widget.FormItem{
		widget.NewFormItem(l.T("panel.risks.name"), name),
		widget.NewFormItem(l.T("panel.risks.probability"), prob),
		{Text: l.T("panel.risks.low"), Widget: low, HintText: l.T("panel.risks.cost.hint")},
		widget.NewFormItem(l.T("panel.risks.likely"), likely),
		widget.NewFormItem(l.T("panel.risks.high"), high),
		widget.NewFormItem(l.T("panel.risks.vat"), vat),
	}
	title := l.T("panel.risks.add")
	if i >= 0 {
		title = l.T("panel.risks.edit")
	}
	d := newFormDialog(r.win, keys, title, l.T("ui.dialog.ok"), l.T("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p, _ := in.riskProbability(prob.Text)
		lo, _ := in.riskCost(low.Text)
		li, _ := in.riskCost(likely.Text)
		hi, _ := in.riskCost(high.Text)
		if lo.GreaterThan(li) || li.GreaterThan(hi) {
			showError(l, errors.New(l.T("ui.error.range_order")), r.win)
			return
		}
		nk := concepts.Risk{Name: strings.TrimSpace(name.Text), ProbabilityPercent: p, Cost: concepts.Range{Low: lo, Likely: li, High: hi}}
		// An unchanged choice keeps the file's way of writing it (left
		// out, or written out).
		if liable := vat.Selected == yes; liable == k.VATLiable() {
			nk.VAT = k.VAT
		} else {
			nk.VAT = &liable
		}
		if err := r.set(i, nk); err != nil {
			showError(l, err, r.win)
		}
	})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
