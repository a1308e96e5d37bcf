package concepts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hallingdal/bokonsept/i18n"
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
//
// Its message is translatable: Key and Args name the text of the problem
// and Context the place in the document, so Message renders it in the
// user's language; Msg holds the same message in English for logs.
type Error struct {
	// File is the file name as given to the decoder ("builtin" for the
	// built-in catalogue); empty for a document that was never a file.
	File string
	// Line is the 1-based line of the offending node; 0 when unknown.
	Line int
	// Column is the 1-based column of the offending node; 0 when unknown.
	Column int
	// Msg says in English where in the document (the path context, such
	// as `unit type "solenga-2r": rates "2"`) what is wrong and what to do.
	Msg string
	// Context is where in the document the problem is, outermost first,
	// such as unit type "solenga-2r" and rates "2"; empty for problems of
	// the whole document.
	Context []Part
	// Key names the text of the problem itself in the concepts
	// translations (assets/translations/concepts.<lang>.json); empty for
	// an error made from a foreign error, whose Msg is all there is.
	Key string
	// Args are the values Key's text takes. They are strings, ints and
	// i18n.Formatter values (numbers, quoted names, lists, nested Parts),
	// so package i18n formats them for the language.
	Args []any
	// Err is the sentinel error the problem is an instance of, or the
	// error of the file system it comes from (saving); nil when none.
	Err error
}

// Error formats the error as "file:line:col: msg", leaving out the parts
// that are unknown.
func (e *Error) Error() string {
	return e.prefix() + e.Msg
}

// Message formats the error as Error does, in l's language:
//
//	katalog.yaml:42:9: enhetstype «solenga-2r»: rates «2»: lav 21 000 er høyere enn forventet 19 000
func (e *Error) Message(l *i18n.Locale) string {
	return e.prefix() + e.Text(l)
}

// Text is Message without the file and position: where in the document
// and what is wrong, in l's language. An error without a Key gives its Msg.
func (e *Error) Text(l *i18n.Locale) string {
	if e.Key == "" {
		return e.Msg
	}
	parts := make([]string, 0, len(e.Context)+1)
	for _, p := range e.Context {
		if s := p.Format(l); s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, l.T(e.Key, e.Args...))
	return strings.Join(parts, ": ")
}

// prefix returns "file:line:col: " with the parts that are known.
func (e *Error) prefix() string {
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

// Message joins the errors in loc's language, one per line.
func (l ErrorList) Message(loc *i18n.Locale) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Message(loc)
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

// Localize renders err for the user in l's language: an ErrorList or
// *Error one problem per line, as Message does; an error wrapping one with
// the wrapper's own words kept around it; any other error as err.Error().
// It returns "" for nil.
func Localize(err error, l *i18n.Locale) string {
	if err == nil {
		return ""
	}
	var text, msg string
	var list ErrorList
	var e *Error
	switch {
	case errors.As(err, &list):
		text, msg = list.Error(), list.Message(l)
	case errors.As(err, &e):
		text, msg = e.Error(), e.Message(l)
	default:
		return err.Error()
	}
	outer := err.Error()
	if outer == text {
		return msg
	}
	if strings.Contains(outer, text) {
		return strings.Replace(outer, text, msg, 1)
	}
	return msg
}

// within returns err placed in context p: an *Error gets p before its own
// context, any other error is wrapped after p's English text.
func within(p Part, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return fmt.Errorf("%s: %w", p, err)
	}
	out := *e
	out.Context = append([]Part{p}, e.Context...)
	out.Msg = p.String() + ": " + e.Msg
	return &out
}

// errs collects the errors of one file.
type errs struct {
	file string
	list ErrorList
}

// add records a problem at line:col, in context w, with the text key
// takes args.
func (c *errs) add(line, col int, sentinel error, w where, key string, args ...any) {
	c.list = append(c.list, newError(c.file, line, col, sentinel, w, key, args...))
}

// newError returns an *Error with its English Msg.
func newError(file string, line, col int, sentinel error, w where, key string, args ...any) *Error {
	msg := Part{Key: key, Args: args}.String()
	if ctx := w.String(); ctx != "" {
		msg = ctx + ": " + msg
	}
	return &Error{File: file, Line: line, Column: col, Msg: msg, Context: []Part(w), Key: key, Args: args, Err: sentinel}
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
	list = slices.CompactFunc(list, func(a, b *Error) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Msg == b.Msg && a.Err == b.Err
	})
	if len(list) > MaxErrors {
		more := len(list) - MaxErrors
		last := newError(list[0].File, 0, 0, nil, nil, keyMore, more)
		list = append(list[:MaxErrors:MaxErrors], last)
	}
	return list
}
