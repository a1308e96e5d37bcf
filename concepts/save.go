package concepts

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// TempPrefix and TempSuffix frame the names of the temporary files
// WriteAtomic writes beside the file it replaces
// (".~bokonsept-anbud.pdf-123456.tmp"), so that CleanStale can tell them
// from every other file in a folder.
const (
	TempPrefix = ".~bokonsept-"
	TempSuffix = ".tmp"
)

// maxTempBase is the most bytes of the target's name a temporary file's
// name repeats, so that a long file name (up to the usual 255 bytes) still
// leaves room for the prefix and the random part.
const maxTempBase = 120

// maxLinks is the most symbolic links WriteAtomic follows to the file it
// writes.
const maxLinks = 40

// WriteFileAtomic writes data to path as WriteAtomic does.
func WriteFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic writes a file through write so that the file is either left
// as it was or replaced whole, never emptied or half written:
//
//   - a symbolic link is followed, and the file it points to is written
//     (a link to a file not there yet creates that file);
//   - write fills a temporary file in the same folder (named with
//     TempPrefix), which is synced to disk, given the mode of the file it
//     replaces (0644 for a new file), renamed over it, and the folder is
//     synced so that the rename survives a crash;
//   - on any error the temporary file is removed and the file is left as
//     it was.
//
// Only a regular file (or none) is replaced. Errors of the file system are
// *Error values that say in plain words why (disk full, no permission, a
// read-only disk, a missing folder …) and wrap the system's error; an
// error write returns of its own is returned as it is.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
	target, err := linkTarget(path)
	if err != nil {
		return saveError(path, err)
	}
	dir := filepath.Dir(target)
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return newError("", 0, 0, nil, nil, "concepts.save.not_regular", path)
		}
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, tempPattern(filepath.Base(target)))
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
	if err = write(f); err != nil {
		if isSystemError(err) {
			return saveError(path, err)
		}
		return err
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
	if err = os.Rename(tmp, target); err != nil {
		return saveError(path, err)
	}
	return syncDir(dir)
}

// tempPattern is the os.CreateTemp pattern of a temporary file for base.
func tempPattern(base string) string {
	if len(base) > maxTempBase {
		cut := maxTempBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return TempPrefix + strings.ReplaceAll(base, "*", "_") + "-*" + TempSuffix
}

// IsTempName reports whether name (a file name without folder) is the name
// of one of WriteAtomic's temporary files.
func IsTempName(name string) bool {
	return strings.HasPrefix(name, TempPrefix) && strings.HasSuffix(name, TempSuffix) &&
		len(name) > len(TempPrefix)+len(TempSuffix)
}

// CleanStale removes the temporary files WriteAtomic left in dir when the
// program was killed or crashed while saving: regular files named as
// IsTempName says and last written more than olderThan ago (a save in
// progress in another window keeps its file). Every other file is left
// alone. It returns the paths it removed; a folder that cannot be read
// is no error (there is nothing to clean that we can see).
func CleanStale(dir string, olderThan time.Duration) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			return nil, nil
		}
		return nil, err
	}
	cutoff := time.Now().Add(-olderThan)
	var removed []string
	var errs []error
	for _, e := range entries {
		if !IsTempName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || !fi.ModTime().Before(cutoff) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, p)
	}
	return removed, errors.Join(errs...)
}

// linkTarget follows path while it is a symbolic link and returns the
// file the last link names (path itself when it is no link, or when it
// does not exist).
func linkTarget(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", &os.PathError{Op: "readlink", Path: path, Err: syscall.ELOOP}
}

// isSystemError reports whether err comes from the operating system (a
// failed write of the temporary file) rather than from what was written.
func isSystemError(err error) bool {
	var pe *os.PathError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &errno)
}

// saveError says that saving path failed with err, which it wraps, in
// plain words for the usual causes; it never shows the temporary file's
// name.
func saveError(path string, err error) error {
	var why any
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = Part{Key: "concepts.save.disk_full"}
	case errors.Is(err, syscall.EDQUOT):
		why = Part{Key: "concepts.save.quota"}
	case errors.Is(err, syscall.EROFS):
		why = Part{Key: "concepts.save.read_only_disk"}
	case errors.Is(err, os.ErrPermission):
		why = Part{Key: "concepts.save.no_permission"}
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, os.ErrNotExist):
		why = Part{Key: "concepts.save.no_folder", Args: []any{filepath.Dir(path)}}
	case errors.Is(err, syscall.ENAMETOOLONG):
		why = Part{Key: "concepts.save.name_too_long"}
	case errors.Is(err, syscall.ELOOP):
		why = Part{Key: "concepts.save.link_loop"}
	case errors.Is(err, syscall.EISDIR):
		return newError("", 0, 0, err, nil, "concepts.save.not_regular", path)
	case errors.Is(err, syscall.EIO):
		why = Part{Key: "concepts.save.io_error"}
	default:
		why = systemText(err)
	}
	return newError("", 0, 0, err, nil, "concepts.save.failed", path, why)
}

// systemText is the system's own words for err, without the file name a
// *os.PathError or *os.LinkError puts before them.
func systemText(err error) string {
	var pe *os.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	case errors.As(err, &se):
		return se.Err.Error()
	}
	return err.Error()
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
		return newError("", 0, 0, err, nil, "concepts.save.failed_in", dir, systemText(err))
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
