//go:build windows

package main

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// showNoOpenGL tells the user in a message box (the program has no console
// when started from the Start menu) and on standard error that the window
// cannot open and why.
func showNoOpenGL(text string) {
	fmt.Fprintln(os.Stderr, text)
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString("Bokonsept")
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, t, c, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
