package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The focusable widgets of Bokonsept's dialogs. Fyne hands a key to the
// focused widget alone, and the canvas's key handler hears it only while
// nothing has the focus; Fyne's own entries, selects, radio buttons and
// buttons drop Escape and Return. So every widget that can take the focus
// in a dialog is one of these, and passes the dialog's keys on to its
// dialogKeys.

// dialogEntry is an entry for a dialog's form: Return or Enter submits
// the dialog and Escape cancels it, as they do when no entry has the focus.
type dialogEntry struct {
	widget.Entry
	keys *dialogKeys
}

// newDialogEntry returns an entry with text and validator for the dialog
// that keys answer.
func newDialogEntry(keys *dialogKeys, text string, validator fyne.StringValidator) *dialogEntry {
	e := &dialogEntry{keys: keys}
	e.Text = text
	e.Validator = validator
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.MultiLine && ev.Name != fyne.KeyEscape || !e.keys.typedKey(ev) {
		e.Entry.TypedKey(ev)
	}
}

// dialogSelect is a widget.Select for a dialog: Escape cancels the dialog
// and Return or Enter confirms it while the select has the focus (with its
// list open, Escape closes the list first).
type dialogSelect struct {
	widget.Select
	keys *dialogKeys
}

// newDialogSelect returns a select of options for the dialog that keys answer.
func newDialogSelect(keys *dialogKeys, options []string) *dialogSelect {
	s := &dialogSelect{keys: keys}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *dialogSelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.keys.typedKey(ev) {
		s.Select.TypedKey(ev)
	}
}

// dialogButton is a widget.Button for a dialog: Escape cancels the dialog
// while the button has the focus, and Return or Enter taps the button.
type dialogButton struct {
	widget.Button
	keys *dialogKeys
}

// newDialogButton returns a button with text, icon and importance that
// calls tapped, for the dialog that keys answer.
func newDialogButton(keys *dialogKeys, text string, icon fyne.Resource, importance widget.Importance, tapped func()) *dialogButton {
	b := &dialogButton{keys: keys}
	b.Text, b.Icon, b.Importance, b.OnTapped = text, icon, importance, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		b.keys.typedKey(ev)
	default:
		b.Button.TypedKey(ev)
	}
}

// dialogRadio is a group of radio buttons for a dialog, one of which is
// always selected, as widget.RadioGroup with Required set. Unlike the
// RadioGroup's buttons, which swallow every key but Space, its buttons
// let Escape cancel the dialog and Return or Enter confirm it; the arrow
// keys move the selection.
type dialogRadio struct {
	widget.BaseWidget
	// Options are the buttons' labels.
	Options []string
	// Selected is the selected option.
	Selected string
	// Horizontal puts the buttons side by side.
	Horizontal bool
	// OnChanged is called with the option the user selects.
	OnChanged func(string)

	keys  *dialogKeys
	items []*dialogRadioItem
}

// newDialogRadio returns radio buttons of options, with selected selected,
// for the dialog that keys answer.
func newDialogRadio(keys *dialogKeys, options []string, selected string) *dialogRadio {
	r := &dialogRadio{Options: options, Selected: selected, keys: keys}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected selects option, calls OnChanged when that changes the
// selection, and redraws.
func (r *dialogRadio) SetSelected(option string) {
	if r.Selected == option {
		return
	}
	r.Selected = option
	r.Refresh()
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
}

// CreateRenderer implements fyne.Widget.
func (r *dialogRadio) CreateRenderer() fyne.WidgetRenderer {
	g := &dialogRadioRenderer{radio: r}
	g.Refresh()
	return g
}

type dialogRadioRenderer struct {
	radio   *dialogRadio
	objects []fyne.CanvasObject
}

// Destroy implements fyne.WidgetRenderer.
func (g *dialogRadioRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (g *dialogRadioRenderer) Objects() []fyne.CanvasObject { return g.objects }

// itemSize is the size of each button: all the same, as large as the largest.
func (g *dialogRadioRenderer) itemSize() fyne.Size {
	var s fyne.Size
	for _, it := range g.radio.items {
		s = s.Max(it.MinSize())
	}
	return s
}

// MinSize implements fyne.WidgetRenderer.
func (g *dialogRadioRenderer) MinSize() fyne.Size {
	s, n := g.itemSize(), float32(len(g.radio.items))
	if g.radio.Horizontal {
		return fyne.NewSize(s.Width*n, s.Height)
	}
	return fyne.NewSize(s.Width, s.Height*n)
}

// Layout implements fyne.WidgetRenderer.
func (g *dialogRadioRenderer) Layout(fyne.Size) {
	s := g.itemSize()
	var pos fyne.Position
	for _, it := range g.radio.items {
		it.Resize(s)
		it.Move(pos)
		if g.radio.Horizontal {
			pos.X += s.Width
		} else {
			pos.Y += s.Height
		}
	}
}

// Refresh implements fyne.WidgetRenderer.
func (g *dialogRadioRenderer) Refresh() {
	r := g.radio
	for len(r.items) < len(r.Options) {
		it := &dialogRadioItem{radio: r, index: len(r.items)}
		it.ExtendBaseWidget(it)
		r.items = append(r.items, it)
	}
	r.items = r.items[:len(r.Options)]
	g.objects = g.objects[:0]
	for _, it := range r.items {
		g.objects = append(g.objects, it)
		it.Refresh()
	}
	g.Layout(r.Size())
	canvas.Refresh(r)
}

// dialogRadioItem is one button of a dialogRadio.
type dialogRadioItem struct {
	widget.BaseWidget
	radio            *dialogRadio
	index            int
	focused, hovered bool
}

var (
	_ fyne.Focusable    = (*dialogRadioItem)(nil)
	_ fyne.Tappable     = (*dialogRadioItem)(nil)
	_ desktop.Hoverable = (*dialogRadioItem)(nil)
)

func (i *dialogRadioItem) label() string { return i.radio.Options[i.index] }

// selectOffset selects the option off places after this one, wrapping
// around, and moves the focus to its button.
func (i *dialogRadioItem) selectOffset(off int) {
	n := len(i.radio.Options)
	j := ((i.index+off)%n + n) % n
	i.radio.SetSelected(i.radio.Options[j])
	if c := fyne.CurrentApp().Driver().CanvasForObject(i); c != nil && j < len(i.radio.items) {
		c.Focus(i.radio.items[j])
	}
}

// Tapped selects the button's option and gives it the focus.
func (i *dialogRadioItem) Tapped(*fyne.PointEvent) {
	if !fyne.CurrentDevice().IsMobile() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(i); c != nil {
			c.Focus(i)
		}
	}
	i.radio.SetSelected(i.label())
}

// FocusGained implements fyne.Focusable.
func (i *dialogRadioItem) FocusGained() { i.focused = true; i.Refresh() }

// FocusLost implements fyne.Focusable.
func (i *dialogRadioItem) FocusLost() { i.focused = false; i.Refresh() }

// TypedRune implements fyne.Focusable: Space selects the button's option.
func (i *dialogRadioItem) TypedRune(r rune) {
	if r == ' ' {
		i.radio.SetSelected(i.label())
	}
}

// TypedKey implements fyne.Focusable: Escape, Return and Enter answer the
// dialog, the arrow keys select the previous or next option.
func (i *dialogRadioItem) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyLeft:
		i.selectOffset(-1)
	case fyne.KeyDown, fyne.KeyRight:
		i.selectOffset(1)
	default:
		i.radio.keys.typedKey(ev)
	}
}

// MouseIn implements desktop.Hoverable.
func (i *dialogRadioItem) MouseIn(*desktop.MouseEvent) { i.hovered = true; i.Refresh() }

// MouseMoved implements desktop.Hoverable.
func (i *dialogRadioItem) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (i *dialogRadioItem) MouseOut() { i.hovered = false; i.Refresh() }

// CreateRenderer implements fyne.Widget: it draws the button as Fyne's
// radio buttons look.
func (i *dialogRadioItem) CreateRenderer() fyne.WidgetRenderer {
	r := &dialogRadioItemRenderer{item: i, focus: &canvas.Circle{}, in: &canvas.Image{}, out: &canvas.Image{}, text: &canvas.Text{}}
	r.Refresh()
	return r
}

type dialogRadioItemRenderer struct {
	item    *dialogRadioItem
	focus   *canvas.Circle
	in, out *canvas.Image
	text    *canvas.Text
}

// Destroy implements fyne.WidgetRenderer.
func (r *dialogRadioItemRenderer) Destroy() {}

// Objects implements fyne.WidgetRenderer.
func (r *dialogRadioItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.focus, r.in, r.out, r.text}
}

// MinSize implements fyne.WidgetRenderer.
func (r *dialogRadioItemRenderer) MinSize() fyne.Size {
	inner := theme.Size(theme.SizeNameInnerPadding) * 2
	return r.text.MinSize().AddWidthHeight(inner+theme.Size(theme.SizeNameInlineIcon)+theme.Padding(), inner)
}

// Layout implements fyne.WidgetRenderer.
func (r *dialogRadioItemRenderer) Layout(size fyne.Size) {
	inner, border, icon := theme.Size(theme.SizeNameInnerPadding), theme.Size(theme.SizeNameInputBorder), theme.Size(theme.SizeNameInlineIcon)
	focus := fyne.NewSquareSize(icon + inner)
	r.focus.Resize(focus)
	r.focus.Move(fyne.NewPos(border, (size.Height-focus.Height)/2))
	r.text.Resize(size)
	r.text.Move(fyne.NewPos(focus.Width+theme.Padding(), 0))
	pos := fyne.NewPos(inner/2+border, (size.Height-icon)/2)
	for _, img := range []*canvas.Image{r.in, r.out} {
		img.Resize(fyne.NewSquareSize(icon))
		img.Move(pos)
	}
}

// Refresh implements fyne.WidgetRenderer.
func (r *dialogRadioItemRenderer) Refresh() {
	it := r.item
	r.text.Text, r.text.TextSize, r.text.Color = it.label(), theme.TextSize(), theme.Color(theme.ColorNameForeground)
	out := theme.NewThemedResource(theme.RadioButtonIcon())
	out.ColorName = theme.ColorNameInputBorder
	in := theme.NewThemedResource(theme.RadioButtonFillIcon())
	in.ColorName = theme.ColorNameInputBackground
	if it.radio.Selected == it.label() {
		in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
	}
	r.in.Resource, r.out.Resource = in, out
	switch {
	case it.focused:
		r.focus.FillColor = theme.Color(theme.ColorNameFocus)
	case it.hovered:
		r.focus.FillColor = theme.Color(theme.ColorNameHover)
	default:
		r.focus.FillColor = nil
	}
	r.Layout(it.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
