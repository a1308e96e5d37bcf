package concepts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel errors. Every *Error of these kinds wraps one of them, so callers
// can test with errors.Is on an *Error or on a whole ErrorList.
var (
	// ErrEmpty is reported for an empty file.
	ErrEmpty = errors.New("empty file")
	// ErrNotText is reported for a file with NUL bytes or invalid UTF-8.
	ErrNotText = errors.New("not a text file")
	// ErrTooLarge is reported for a file larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrFormat is reported when the format line is missing, unknown, or
	// names another kind of document than the one expected.
	ErrFormat = errors.New("wrong or missing format")
	// ErrVersion is reported for a file written by a newer Bokonsept.
	ErrVersion = errors.New("newer format version")
	// ErrSyntax is reported for YAML that cannot be parsed (including tabs
	// used for indentation).
	ErrSyntax = errors.New("YAML syntax error")
	// ErrAlias is reported for YAML anchors and aliases, which the formats
	// do not allow.
	ErrAlias = errors.New("YAML anchors and aliases are not allowed")
)

// MaxErrors is the most errors reported for one file; further errors are
// summed up in a last "… and N more errors" entry.
const MaxErrors = 50

// Error is one problem in a file, with its position when known.
type Error struct {
	// File is the file name as given to the decoder ("builtin" for the
	// built-in catalogue); empty for a document that was never a file.
	File string
	// Line is the 1-based line of the offending node; 0 when unknown.
	Line int
	// Column is the 1-based column of the offending node; 0 when unknown.
	Column int
	// Msg says where in the document (the path context, such as
	// `unit type "solenga-2r": rates "2"`) what is wrong and what to do.
	Msg string
	// Err is the sentinel error the problem is an instance of, or nil.
	Err error
}

// Error formats the error as "file:line:col: msg", leaving out the parts
// that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, "%d:", e.Column)
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel error, if any.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in one or more files, in file order.
type ErrorList []*Error

// Error joins the errors, one per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors of the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Errors returns the problems in err as a list: the list itself for an
// ErrorList, a one-element list for any other error, nil for nil.
func Errors(err error) ErrorList {
	if err == nil {
		return nil
	}
	var l ErrorList
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return ErrorList{e}
	}
	return ErrorList{{Msg: err.Error()}}
}

// errs collects the errors of one file.
type errs struct {
	file string
	list ErrorList
}

func (c *errs) add(line, col int, sentinel error, msg string) {
	c.list = append(c.list, &Error{File: c.file, Line: line, Column: col, Msg: msg, Err: sentinel})
}

// err sorts the errors by position (errors without one last), caps them at
// MaxErrors and returns them as an error, or nil when there are none.
func (c *errs) err() error {
	return finish(c.list)
}

func finish(list ErrorList) error {
	if len(list) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(a, b *Error) int {
		if a.File != b.File {
			return 0
		}
		if (a.Line == 0) != (b.Line == 0) {
			if a.Line == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	list = slices.CompactFunc(list, func(a, b *Error) bool { return *a == *b })
	if len(list) > MaxErrors {
		more := len(list) - MaxErrors
		last := &Error{File: list[0].File, Msg: fmt.Sprintf("… and %d more errors", more)}
		list = append(list[:MaxErrors:MaxErrors], last)
	}
	return list
}
