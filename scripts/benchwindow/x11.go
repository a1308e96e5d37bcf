//go:build linux && cgo

package main

/*
#cgo LDFLAGS: -lX11 -l:libXtst.so.6
#include <stdint.h>
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>

// From X11/extensions/XTest.h (libxtst-dev), declared here so that only the
// library is needed: xdotool depends on it.
extern int XTestFakeKeyEvent(Display *, unsigned int, Bool, unsigned long);
extern int XTestFakeButtonEvent(Display *, unsigned int, Bool, unsigned long);
extern int XTestFakeMotionEvent(Display *, int, int, int, unsigned long);

// grabHash reads a rectangle of the root window and returns the FNV-1a
// hash of its pixels (0 when it cannot be read).
static uint64_t grabHash(Display *d, int x, int y, int w, int h) {
	XImage *img = XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
	if (!img) return 0;
	uint64_t hash = 1469598103934665603ULL;
	const uint64_t *p = (const uint64_t *)img->data;
	size_t n = (size_t)img->bytes_per_line * img->height / 8;
	for (size_t i = 0; i < n; i++) {
		hash ^= p[i];
		hash *= 1099511628211ULL;
	}
	XDestroyImage(img);
	return hash;
}

// grabBands reads the rectangle (x, y, w, h) of the root window once and
// writes the FNV-1a hash of each band of rows [y0[i], y1[i]) (relative to
// y) to out; it returns 0 when the rectangle cannot be read.
static int grabBands(Display *d, int x, int y, int w, int h, int n, const int *y0, const int *y1, uint64_t *out) {
	XImage *img = XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
	if (!img) return 0;
	for (int b = 0; b < n; b++) {
		uint64_t hash = 1469598103934665603ULL;
		int from = y0[b] < 0 ? 0 : y0[b], to = y1[b] > h ? h : y1[b];
		const uint64_t *p = (const uint64_t *)(img->data + (size_t)img->bytes_per_line * from);
		size_t words = (size_t)img->bytes_per_line * (to > from ? to - from : 0) / 8;
		for (size_t i = 0; i < words; i++) {
			hash ^= p[i];
			hash *= 1099511628211ULL;
		}
		out[b] = hash;
	}
	XDestroyImage(img);
	return 1;
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// display is a connection to the X server the app runs on.
type display struct{ d *C.Display }

func openDisplay(name string) (*display, error) {
	var cname *C.char
	if name != "" {
		cname = C.CString(name)
		defer C.free(unsafe.Pointer(cname))
	}
	d := C.XOpenDisplay(cname)
	if d == nil {
		return nil, fmt.Errorf("cannot open display %q", name)
	}
	return &display{d: d}, nil
}

// hash returns a hash of the pixels in r.
func (x *display) hash(r rect) uint64 {
	return uint64(C.grabHash(x.d, C.int(r.X), C.int(r.Y), C.int(r.W), C.int(r.H)))
}

// bands reads r once and returns a hash of each band of its rows.
func (x *display) bands(r rect, bands []band) []uint64 {
	n := len(bands)
	y0 := make([]C.int, n)
	y1 := make([]C.int, n)
	for i, b := range bands {
		y0[i], y1[i] = C.int(b.From-r.Y), C.int(b.To-r.Y)
	}
	out := make([]C.uint64_t, n)
	C.grabBands(x.d, C.int(r.X), C.int(r.Y), C.int(r.W), C.int(r.H), C.int(n), &y0[0], &y1[0], &out[0])
	hs := make([]uint64, n)
	for i := range out {
		hs[i] = uint64(out[i])
	}
	return hs
}

func (x *display) keycode(keysym string) (C.uint, error) {
	cs := C.CString(keysym)
	defer C.free(unsafe.Pointer(cs))
	sym := C.XStringToKeysym(cs)
	if sym == C.NoSymbol {
		return 0, fmt.Errorf("unknown key %q", keysym)
	}
	return C.uint(C.XKeysymToKeycode(x.d, sym)), nil
}

// keyEvent presses (down) or releases a key by its keysym name ("1",
// "Tab", "Control_L") through XTest and flushes the request.
func (x *display) keyEvent(keysym string, down bool) error {
	code, err := x.keycode(keysym)
	if err != nil {
		return err
	}
	var press C.Bool
	if down {
		press = 1
	}
	C.XTestFakeKeyEvent(x.d, code, press, 0)
	C.XFlush(x.d)
	return nil
}

// click moves the pointer to (px, py) and clicks the first button.
func (x *display) click(px, py int) {
	C.XTestFakeMotionEvent(x.d, -1, C.int(px), C.int(py), 0)
	C.XTestFakeButtonEvent(x.d, 1, 1, 0)
	C.XTestFakeButtonEvent(x.d, 1, 0, 0)
	C.XFlush(x.d)
}

func (x *display) close() { C.XCloseDisplay(x.d) }
