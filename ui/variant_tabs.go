package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// minTabText is the narrowest a variant tab's text is made, in points.
const minTabText = 60

// tabNamesLayout holds the variant tabs and shortens their names, with an
// ellipsis, so that every tab fits the width the screen has (at 1366×768
// the last tab was cut in the middle of a word with no sign). The full
// name stays in the key-figure panel's title and the rename dialog.
type tabNamesLayout struct {
	s    *variantScreen
	last float32
}

// Layout implements fyne.Layout.
func (t *tabNamesLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != t.last {
		t.last = size.Width
		t.s.fitTabNames()
	}
}

// MinSize implements fyne.Layout.
func (t *tabNamesLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// fitTabNames gives every tab the variant's name, shortened to the share
// of the width each tab has: the width less the add and menu buttons,
// divided among the tabs, less each tab's padding and close button.
func (s *variantScreen) fitTabNames() {
	n := len(s.tabNames)
	width := s.tabsLayout.last
	if n == 0 || width <= 0 || len(s.tabs.Items) != n {
		return
	}
	icon, pad := theme.IconInlineSize(), theme.InnerPadding()
	buttons := 2 * (icon + 2*pad)
	perTab := (width-buttons)/float32(n) - (icon + 4*pad)
	perTab = max(perTab, minTabText)
	changed := false
	for i, name := range s.tabNames {
		text := ellipsize(name, perTab, theme.TextSize(), fyne.TextStyle{})
		if s.tabs.Items[i].Text != text {
			s.tabs.Items[i].Text = text
			changed = true
		}
	}
	if changed {
		s.tabs.Refresh()
	}
}

// ellipsize returns text, or its longest beginning followed by "…" that
// is at most width wide in the given size and style.
func ellipsize(text string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // r[:lo]+"…" fits; r[:hi]+"…" may not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for lo > 0 && r[lo-1] == ' ' {
		lo--
	}
	return string(r[:lo]) + "…"
}
