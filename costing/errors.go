package costing

import (
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
)

// english renders the English Msg of the engine's errors, for logs and for
// callers that do not localise.
var english = i18n.New("en")

// errorf returns an engine error whose text is the translation key with
// args (assets/translations/checks.<lang>.json), so that the window and the
// command line show it in the user's language (concepts.Localize).
func errorf(key string, args ...any) error {
	return &concepts.Error{Key: key, Args: args, Msg: english.T(key, args...)}
}
