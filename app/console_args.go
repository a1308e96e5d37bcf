package main

import "os"

// wantsConsole reports whether bokonsept started with args runs on the
// command line rather than opening the window: the same choice run makes
// (no arguments, or one that names a file and no command, open the window).
func wantsConsole(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if len(args) == 1 && !isCommand(args[0]) {
		if st, err := os.Stat(args[0]); err == nil && !st.IsDir() {
			return false
		}
	}
	return true
}
