//go:build unix

package concepts

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without blocking: a named pipe (FIFO)
// swapped in after readFile's first look opens at once, instead of waiting
// for a writer, so that readFile can refuse it. For a regular file the flag
// changes nothing.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
