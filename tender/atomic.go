package tender

import (
	"io"

	"github.com/hallingdal/bokonsept/concepts"
)

// WriteFileAtomic writes a document through write into path the one way
// Bokonsept writes every file (concepts.WriteAtomic): into a temporary
// file in the same folder, synced and renamed over path when write
// succeeds, keeping the mode of the file it replaces and writing the
// target of a symbolic link. On any error the temporary file is removed
// and path is left as it was, so a reader never sees a half-written
// document.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return concepts.WriteAtomic(path, write)
}
