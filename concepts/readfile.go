package concepts

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ReadFile reads the file at path the way every loader does: only a
// regular file of at most MaxFileSize bytes, never waiting on a named pipe
// (FIFO) or device. Its errors are positioned and translatable, as the
// loaders' are. Code that reads a document again after loading it (to
// keep its bytes or compare them with the disk) uses it too.
func ReadFile(path string) ([]byte, error) { return readFile(path) }

// readFile reads a file of at most MaxFileSize bytes; a larger one is
// rejected before it is read. Only regular files are read: a folder, named
// pipe (FIFO), device or socket is refused at once, before it is opened and
// again after (it may have been swapped in between), and the file is opened
// without waiting for a writer, so that a FIFO never blocks.
func readFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fileError(path, err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileSize {
		return nil, ErrorList{newError(path, 0, 0, ErrTooLarge, nil, "concepts.file.too_large", size(fi.Size()), size(MaxFileSize))}
	}
	// The file may grow while it is read: never read more than the limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if len(data) > MaxFileSize {
		return precheck(path, data)
	}
	return data, nil
}

// regular refuses what is not a regular file, saying what it is.
func regular(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return ErrorList{newError(path, 0, 0, nil, nil, "concepts.file.folder")}
	case m&fs.ModeNamedPipe != 0:
		what = "concepts.file.what.pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		what = "concepts.file.what.device"
	case m&fs.ModeSocket != 0:
		what = "concepts.file.what.socket"
	default:
		what = "concepts.file.what.special"
	}
	return ErrorList{newError(path, 0, 0, nil, nil, "concepts.file.not_regular", Part{Key: what})}
}

// fileError describes a file that cannot be read, in plain words.
func fileError(path string, err error) error {
	var why any = err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		why = pe.Err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = Part{Key: keyNotExist}
	case errors.Is(err, fs.ErrPermission):
		why = Part{Key: "concepts.file.no_permission"}
	case errors.Is(err, syscall.ENOTDIR):
		why = Part{Key: "concepts.file.not_dir"}
	case errors.Is(err, syscall.ELOOP):
		why = Part{Key: "concepts.file.loop"}
	case errors.Is(err, syscall.ENAMETOOLONG):
		why = Part{Key: "concepts.file.name_too_long"}
	case errors.Is(err, syscall.EIO):
		why = Part{Key: "concepts.file.io"}
	}
	return ErrorList{newError(path, 0, 0, nil, nil, keyCannotRead, why)}
}
