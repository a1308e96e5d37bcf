package tender

import (
	"errors"
	"strings"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// The reasons a variant is not sent out for tender; the errors of
// Tenderable (of type *Error) wrap them.
var (
	// ErrPriceBook is returned for a variant priced with a price book: its
	// rates are a builder's, and the other tenderers must not see them.
	ErrPriceBook = errors.New("tender: the variant is priced with a price book")
	// ErrFailing is returned for a variant that fails a check (it breaks
	// the zoning plan or TEK17): it cannot be built as described.
	ErrFailing = errors.New("tender: the variant fails a check")
)

// Tenderable reports whether the variant of e may be sent out for tender:
// nil, or an *Error wrapping ErrPriceBook when e is priced with a price
// book, or ErrFailing when one of its checks fails (naming the checks and
// their messages). The tenderers' documents (the PDF and the XLSX price
// schedule) share this rule; the user may override it (--force), and the
// documents then say so.
func Tenderable(e *costing.Estimate) error {
	if e == nil {
		return errorIn(i18n.Default, ErrEstimates, "tender.err.estimates")
	}
	if e.PriceBook != "" {
		return errorIn(i18n.Default, ErrPriceBook, "tender.err.tenderable.pricebook", e.Variant, e.PriceBook)
	}
	if failed := e.Failed(); len(failed) > 0 {
		return errorIn(i18n.Default, ErrFailing, "tender.err.tenderable.failing", e.Variant, failedChecks(failed))
	}
	return nil
}

// failedChecks is a message argument: the failing checks, each with its
// id and message, in the locale's language.
type failedChecks []costing.Check

// Format lists the checks as "id: message", separated by semicolons.
func (f failedChecks) Format(l *i18n.Locale) string {
	parts := make([]string, len(f))
	for i, c := range f {
		parts[i] = c.ID + ": " + c.Message(l)
	}
	return strings.Join(parts, "; ")
}
