package tender

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write: into a temporary file in the
// same directory, synced and renamed over path when write succeeds. On any
// error the temporary file is removed and path is left as it was, so a
// reader never sees a half-written document.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		// Sync the directory so the rename survives a crash; not every
		// platform supports it, so its error is not the write's.
		_ = errors.Join(d.Sync(), d.Close())
	}
	return nil
}
