package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitColumns is the layout of a container holding one table: it fills the
// container with the table and gives the flexible columns the width left
// by the fixed ones, in proportion to their base widths and never below
// their minimum; a column held at its minimum leaves the others less, so
// the columns fit whenever their minimums do (else the table scrolls
// sideways).
type fitColumns struct {
	table *widget.Table
	// base, min and flex give each column's base width, its minimum and
	// whether it takes a share of the space.
	base, min []float32
	flex      []bool
	last      float32
}

// Layout implements fyne.Layout.
func (f *fitColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width == f.last {
		return
	}
	f.last = size.Width
	// The table puts a padding after every column and keeps room for
	// its vertical scroll bar.
	width := size.Width - theme.Padding()*float32(len(f.base)) - theme.ScrollBarSize()
	for col, w := range f.widths(width) {
		f.table.SetColumnWidth(col, w)
	}
}

// widths returns the column widths for a table width.
func (f *fitColumns) widths(width float32) []float32 {
	out := append([]float32(nil), f.base...)
	if width <= 0 {
		return out
	}
	atMin := make([]bool, len(f.base))
	for {
		left, flexBase := width, float32(0)
		for i, b := range f.base {
			switch {
			case !f.flex[i]:
				left -= b
			case atMin[i]:
				left -= f.min[i]
			default:
				flexBase += b
			}
		}
		if flexBase == 0 {
			return out
		}
		share, again := left/flexBase, false
		for i, b := range f.base {
			if !f.flex[i] || atMin[i] {
				continue
			}
			out[i] = float32(int(b * share))
			if out[i] < f.min[i] {
				out[i], atMin[i], again = f.min[i], true, true
			}
		}
		if !again {
			return out
		}
	}
}

// MinSize implements fyne.Layout: the table's own minimum.
func (f *fitColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}
