//go:build !windows

package main

import (
	"fmt"
	"os"
)

// showNoOpenGL tells the user on standard error that the window cannot open
// and why.
func showNoOpenGL(text string) {
	fmt.Fprintln(os.Stderr, text)
}
