package tender

import (
	"errors"
	"strings"
	"testing"

	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

func TestTenderable(t *testing.T) {
	in := mustInput(t, "solenga-gol")
	// variant A is the catalogue's and passes every check; variant C is
	// priced with the Hallingbygg price book
	if err := Tenderable(in.Estimates[0]); err != nil {
		t.Errorf("A: %v, want nil", err)
	}
	err := Tenderable(in.Estimates[2])
	if !errors.Is(err, ErrPriceBook) {
		t.Fatalf("C: %v, want ErrPriceBook", err)
	}
	if !strings.Contains(err.Error(), in.Estimates[2].PriceBook) {
		t.Errorf("C: %q does not name the price book", err)
	}
}

func TestTenderableFailing(t *testing.T) {
	in := mustInput(t, "solenga-gol")
	e := *in.Estimates[0]
	e.Checks = append([]costing.Check{{ID: "zoning.bya", Status: costing.StatusFail, Key: "check.zoning.bya.fail", Args: []any{"40", "35"}}}, e.Checks...)
	err := Tenderable(&e)
	if !errors.Is(err, ErrFailing) {
		t.Fatalf("%v, want ErrFailing", err)
	}
	var te *Error
	if !errors.As(err, &te) {
		t.Fatal("not an *Error")
	}
	for _, lang := range []string{"nb", "en"} {
		if msg := te.Message(i18n.New(lang)); !strings.Contains(msg, "zoning.bya") || !strings.Contains(msg, e.Variant) {
			t.Errorf("%s: %q names neither the check nor the variant", lang, msg)
		}
	}
	if err := Tenderable(nil); !errors.Is(err, ErrEstimates) {
		t.Errorf("nil: %v", err)
	}
}
