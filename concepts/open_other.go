//go:build !unix

package concepts

import "os"

// openNoWait opens path for reading. Outside Unix a named pipe cannot be
// put in place of a file, so a plain open never waits for a writer.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
