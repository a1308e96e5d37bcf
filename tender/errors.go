package tender

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime/debug"
	"syscall"

	"github.com/hallingdal/bokonsept/i18n"
)

// Error is an error of WritePDF or WriteXLSX. Its Error text is the
// translated message in the document's language, so that a user reads it
// as it is; Unwrap gives the cause (one of the Err values of invalid input,
// the writer's error, or a library's).
type Error struct {
	// Key is the message's translation key (under "tender.err.").
	Key string
	// Args are the message's arguments.
	Args []any
	// Err is the cause, or nil.
	Err error
	// lang is the language of Error's text.
	lang string
}

// Error returns the message in the document's language.
func (e *Error) Error() string { return e.Message(localeFor(e.lang)) }

// Message returns the message in the language of l.
func (e *Error) Message(l *i18n.Locale) string { return l.T(e.Key, e.Args...) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// localeFor returns the locale of lang, the default one when lang is not
// supported.
func localeFor(lang string) *i18n.Locale {
	if !i18n.Supported(lang) {
		lang = i18n.Default
	}
	return i18n.New(lang)
}

// errorIn returns an *Error in the language lang (the default when lang
// is not supported).
func errorIn(lang string, cause error, key string, args ...any) *Error {
	if !i18n.Supported(lang) {
		lang = i18n.Default
	}
	return &Error{Key: key, Args: args, Err: cause, lang: lang}
}

// libraryError wraps an error of gofpdf or excelize (or of the writer)
// met while writing a document of the given kind ("pdf" or "xlsx").
func libraryError(lang, kind string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if cause := systemCause(localeFor(lang), err); cause != "" {
		return errorIn(lang, err, "tender.err.write", cause)
	}
	return errorIn(lang, err, "tender.err."+kind, err.Error())
}

// writeError wraps the error of the writer the document goes to.
func writeError(lang string, err error) error {
	cause := systemCause(localeFor(lang), err)
	if cause == "" {
		cause = err.Error()
	}
	return errorIn(lang, err, "tender.err.write", cause)
}

// systemCause translates the common reasons a file cannot be written, or
// returns "".
func systemCause(l *i18n.Locale, err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return l.T("tender.err.cause.nospace")
	case errors.Is(err, syscall.EDQUOT):
		return l.T("tender.err.cause.quota")
	case errors.Is(err, syscall.EROFS):
		return l.T("tender.err.cause.readonly")
	case errors.Is(err, fs.ErrPermission):
		return l.T("tender.err.cause.permission")
	case errors.Is(err, syscall.EIO):
		return l.T("tender.err.cause.io")
	}
	return ""
}

// recoverPanic turns a panic while writing a document into an *Error in
// err, so that the program goes on and the caller (an atomic writer)
// removes the partial file. It must be deferred directly.
func recoverPanic(err *error, lang, kind string) {
	v := recover()
	if v == nil {
		return
	}
	cause := fmt.Errorf("panic: %v\n%s", v, debug.Stack())
	*err = errorIn(lang, cause, "tender.err.panic."+kind, fmt.Sprint(v))
}
