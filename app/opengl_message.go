package main

import (
	"os"
	"path/filepath"
	"runtime"

	"github.com/hallingdal/bokonsept/i18n"
)

// noOpenGLText says, in the command line's language, that the window
// cannot open because the graphics driver lacks OpenGL 2.1 (found is what
// it reported), and that the command line still works.
func noOpenGLText(lang, found string) string {
	return i18n.New(lang).T("cli.err.no_opengl", found, programName())
}

// programName is how the user starts this program from a command line:
// Bokonsept.exe on Windows, bokonsept elsewhere.
func programName() string {
	if runtime.GOOS == "windows" {
		if exe, err := os.Executable(); err == nil {
			return filepath.Base(exe)
		}
		return "Bokonsept.exe"
	}
	return "bokonsept"
}
