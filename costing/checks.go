package costing

import "github.com/hallingdal/bokonsept/i18n"

// Status is the outcome of a check.
type Status string

// The statuses of a check.
const (
	StatusPass Status = "pass"
	StatusWarn Status = "warn"
	StatusFail Status = "fail"
	StatusInfo Status = "info"
)

// Check is the outcome of one rule of DESIGN section 6 for a variant.
type Check struct {
	// ID is the check's stable id, such as "zoning.bya".
	ID     string
	Status Status
	// Key and Args give the message: a translation key and its arguments.
	Key  string
	Args []any
}

// Message returns the check's message in the locale's language.
func (c Check) Message(l *i18n.Locale) string { return l.T(c.Key, c.Args...) }
