package concepts

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// WriteFileAtomic writes data to path so that the file is either left as it
// was or replaced whole: it writes a temporary file in the same folder,
// syncs it to disk, renames it over path and syncs the folder. On error no
// temporary file is left behind. A new file gets mode 0644; an existing
// file keeps its mode.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return newError("", 0, 0, nil, nil, "concepts.save.not_regular", path)
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return saveError(path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return saveError(path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return saveError(path, err)
	}
	if err = f.Sync(); err != nil {
		return saveError(path, err)
	}
	if err = f.Close(); err != nil {
		return saveError(path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return saveError(path, err)
	}
	return syncDir(dir)
}

// saveError says that saving path failed with err, which it wraps, in
// plain words for the usual causes.
func saveError(path string, err error) error {
	var why any = err.Error()
	switch {
	case errors.Is(err, os.ErrPermission):
		why = Part{Key: "concepts.save.no_permission"}
	case errors.Is(err, syscall.ENOSPC):
		why = Part{Key: "concepts.save.disk_full"}
	}
	return newError("", 0, 0, err, nil, "concepts.save.failed", path, why)
}

// syncDir makes a rename in dir durable; platforms that cannot sync a
// folder (Windows) are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, os.ErrPermission) {
		return newError("", 0, 0, err, nil, "concepts.save.failed_in", dir, err.Error())
	}
	return nil
}

// SaveProject writes the project's concept to p.Path atomically. The
// comments of original (the file as loaded) are kept; when original is nil,
// those of the file now at p.Path are. Catalogue and price books are not
// written: they are the catalogue author's and the builder's files.
func SaveProject(p *Project, original []byte) error {
	if p == nil || p.Concept == nil {
		return errors.New("concepts: SaveProject of an empty project")
	}
	if p.Path == "" {
		return newError("", 0, 0, nil, nil, "concepts.save.no_path")
	}
	if original == nil {
		if old, err := os.ReadFile(p.Path); err == nil && len(old) <= MaxFileSize {
			original = old
		}
	}
	data, err := EncodeConcept(p.Concept, original)
	if err != nil {
		return err
	}
	return WriteFileAtomic(p.Path, data)
}
