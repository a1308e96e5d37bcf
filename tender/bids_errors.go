package tender

import (
	"errors"
	"strings"

	"github.com/hallingdal/bokonsept/i18n"
)

// The reasons a returned schedule is refused; every *BidError wraps one.
var (
	ErrBidTooLarge      = errors.New("tender: bid file too large")
	ErrBidZipBomb       = errors.New("tender: bid file unpacks to too much")
	ErrBidEncrypted     = errors.New("tender: bid file is password-protected")
	ErrBidCorrupt       = errors.New("tender: bid file is not a readable XLSX workbook")
	ErrBidNotSchedule   = errors.New("tender: bid file is not a price schedule")
	ErrBidSeveral       = errors.New("tender: bid file holds several price schedules")
	ErrBidSameFile      = errors.New("tender: the same bid file given twice")
	ErrBidMissingLine   = errors.New("tender: a line of the schedule is missing")
	ErrBidUnknownLine   = errors.New("tender: an unknown line")
	ErrBidLineTwice     = errors.New("tender: a line is in the schedule twice")
	ErrBidQuantity      = errors.New("tender: a quantity was changed")
	ErrBidUnit          = errors.New("tender: a unit was changed")
	ErrBidPriceFormula  = errors.New("tender: a unit price is a formula")
	ErrBidPriceText     = errors.New("tender: a unit price is not a number")
	ErrBidPriceNegative = errors.New("tender: a unit price is negative")
	ErrBidPriceEmpty    = errors.New("tender: a unit price is empty")
)

// BidError is a problem of one returned schedule, naming the file and,
// where it lies in a cell, the sheet and the cell.
type BidError struct {
	File, Sheet, Cell string
	// Key and Args give the message (a translation key under "bids.err.").
	Key  string
	Args []any
	// Err is one of the ErrBid values.
	Err error
}

// Error returns the message in bokmål.
func (e *BidError) Error() string { return e.Message(i18n.New(i18n.Default)) }

// Message returns "file: sheet!cell: message" in the language of l.
func (e *BidError) Message(l *i18n.Locale) string {
	where := e.File
	switch {
	case e.Sheet != "" && e.Cell != "":
		where = l.T("bids.err.where.cell", e.File, e.Sheet, e.Cell)
	case e.Sheet != "":
		where = l.T("bids.err.where.sheet", e.File, e.Sheet)
	}
	return where + ": " + l.T(e.Key, e.Args...)
}

// Unwrap returns the reason.
func (e *BidError) Unwrap() error { return e.Err }

// BidErrors are all the problems of the returned schedules, in the order
// of the files and their rows.
type BidErrors []*BidError

// Error returns the messages in bokmål, one a line.
func (es BidErrors) Error() string { return es.Message(i18n.New(i18n.Default)) }

// Message returns the messages in the language of l, one a line.
func (es BidErrors) Message(l *i18n.Locale) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Message(l)
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, so that errors.Is finds each reason.
func (es BidErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// maxBidErrors is the most problems told of one file.
const maxBidErrors = 50
