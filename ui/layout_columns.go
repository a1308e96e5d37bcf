package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// minHeight is an invisible object that keeps its container at least h high.
func minHeight(h float32) fyne.CanvasObject {
	r := &canvas.Rectangle{FillColor: color.Transparent}
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// columnsLayout places its objects side by side in equal columns when
// they fit, and one under the other when the space is narrower.
type columnsLayout struct{}

// Layout implements fyne.Layout.
func (columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	if !columnsFit(objects, size.Width) {
		y := float32(0)
		for _, o := range objects {
			h := o.MinSize().Height
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
			y += h + pad
		}
		return
	}
	n := float32(len(objects))
	w := (size.Width - pad*(n-1)) / n
	for i, o := range objects {
		o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// MinSize implements fyne.Layout: the widest object, all stacked.
func (columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		min.Width = max(min.Width, m.Width)
		min.Height += m.Height
		if i > 0 {
			min.Height += theme.Padding()
		}
	}
	return min
}

// columnsFit reports whether the objects fit side by side in width.
func columnsFit(objects []fyne.CanvasObject, width float32) bool {
	widest := float32(0)
	for _, o := range objects {
		widest = max(widest, o.MinSize().Width)
	}
	n := float32(len(objects))
	return widest*n+theme.Padding()*(n-1) <= width
}
