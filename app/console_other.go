//go:build !windows

package main

// On other systems a program started from a terminal has the terminal as
// its standard output and standard error already, so there is no console
// to attach (console_windows.go does that on Windows).
