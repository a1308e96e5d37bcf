package ui

import (
	"errors"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file with os.Create (which empties
// an existing file) before it calls back, and asks "Overwrite?" in English
// first. Bokonsept writes its files itself, atomically and only after its
// own questions, so while one of its save dialogs is open the file
// repository is guarded: asked for a writer, it hands out a placeholder
// that knows the chosen URI and touches no file; asked whether a file
// exists, it says no, so that the dialog calls back at once and the
// question whether to replace the file is ours (in the user's language,
// with the extension added and a separate question for a read-only file).

// fileRepository is what Fyne's file repository is: every kind of
// repository it implements, so that the guard wrapping it keeps them all.
type fileRepository interface {
	repository.DeleteAllRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.MovableRepository
	repository.CopyableRepository
}

// guardedRepository is the file repository with the save guard.
type guardedRepository struct {
	fileRepository
	// active is true while a save dialog of ours is open.
	active *atomic.Bool
}

// saveGuardActive is true while a save dialog of ours is open; it is the
// one switch of every guardedRepository.
var saveGuardActive atomic.Bool

// errNoGuard says that the file repository could not be guarded.
var errNoGuard = errors.New("the file repository cannot be guarded")

// installSaveGuard wraps the registered file repository with the guard,
// unless it is wrapped already. Drivers (and the test app) register a new
// one when they start, so it is called each time a save dialog opens.
func installSaveGuard() error {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return err
	}
	if _, ok := repo.(*guardedRepository); ok {
		return nil
	}
	inner, ok := repo.(fileRepository)
	if !ok {
		return errNoGuard
	}
	repository.Register("file", &guardedRepository{fileRepository: inner, active: &saveGuardActive})
	return nil
}

// Destroy does nothing: Register destroys the repository it replaces,
// and the wrapped one lives on inside the guard.
func (g *guardedRepository) Destroy(string) {}

// Exists says false while the guard is active (see above).
func (g *guardedRepository) Exists(u fyne.URI) (bool, error) {
	if g.active.Load() {
		return false, nil
	}
	return g.fileRepository.Exists(u)
}

// Writer returns a chosenFile while the guard is active, and the wrapped
// repository's writer otherwise.
func (g *guardedRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if g.active.Load() {
		return chosenFile{uri: u}, nil
	}
	return g.fileRepository.Writer(u)
}

// chosenFile is the writer the guard hands out: it names the chosen file
// and writes nothing.
type chosenFile struct {
	uri fyne.URI
}

// errNotWritten says that a chosenFile was written to; its callers write
// the file themselves.
var errNotWritten = errors.New("the save dialog's writer does not write; write the file atomically")

// URI is the chosen file.
func (c chosenFile) URI() fyne.URI { return c.uri }

// Write refuses: nothing is written through the dialog.
func (c chosenFile) Write([]byte) (int, error) { return 0, errNotWritten }

// Close does nothing.
func (c chosenFile) Close() error { return nil }
