//go:build cgo

package main

import (
	"fmt"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// probeOpenGL opens an invisible window with the OpenGL 2.1 context the
// window's drawing needs (the version Fyne asks GLFW for) and closes it
// again. Where the graphics driver offers less, as remote desktop and
// Citrix sessions often do (GDI's OpenGL 1.1), Fyne would log an error and
// quit without a window; the probe's error says what GLFW found instead.
// GLFW stays initialised for Fyne, which initialises it again at no cost.
// It must run on the main thread, as main does.
func probeOpenGL() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if err := glfw.Init(); err != nil {
		return err
	}
	glfw.DefaultWindowHints()
	defer glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	// Not titled "Bokonsept": scripts that wait for the window find it by
	// that name (xdotool search --name), and must not find this one.
	w, err := glfw.CreateWindow(16, 16, "opengl-probe", nil, nil)
	if err != nil {
		return err
	}
	w.Destroy()
	return nil
}
