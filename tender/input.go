package tender

import (
	"errors"
	"fmt"
	"time"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/costing"
	"github.com/hallingdal/bokonsept/i18n"
)

// Input is what a tender document describes.
type Input struct {
	// Project is the loaded concept with its catalogue.
	Project *concepts.Project
	// Estimates holds one estimate per variant of Project.Concept, in
	// order, simulated where the concept's iterations are above 0.
	Estimates []*costing.Estimate
	// Variants are the indexes of the variants the document describes (one,
	// or all). Chapter 8 compares all Estimates when there is more than one.
	Variants []int
	// Lang is "nb" (the default when empty) or "en".
	Lang string
	// Version is the program version written in the PDF creator field.
	Version string
}

// The errors of invalid input; the returned errors (of type *Error) wrap
// them.
var (
	// ErrNoProject is returned when Input.Project or its concept or
	// catalogue is missing.
	ErrNoProject = errors.New("tender: no project")
	// ErrEstimates is returned when Input.Estimates does not hold one
	// estimate per variant.
	ErrEstimates = errors.New("tender: estimates do not match the variants")
	// ErrVariant is returned when Input.Variants is empty or names a
	// variant the concept does not have.
	ErrVariant = errors.New("tender: unknown variant")
	// ErrLang is returned for a language i18n does not support.
	ErrLang = errors.New("tender: unsupported language")
	// ErrRevisionDate is returned when the revision date is not YYYY-MM-DD.
	ErrRevisionDate = errors.New("tender: bad revision date")
)

// checked is a validated Input with what every writer needs.
type checked struct {
	Input
	l      *i18n.Locale
	lang   string
	date   time.Time
	muni   string
	family *concepts.Family
	// kind is the document's reader; forced, in a tenderers' document, is
	// why Tenderable refused the variant that was written all the same.
	kind   docKind
	forced error
	// typeset holds every text typeset so far, with its result: a
	// document repeats the same texts (figures, units, headings) in every
	// variant and in every pass of renderPDF.
	typeset map[string]string
}

func (in Input) check() (*checked, error) {
	p := in.Project
	if p == nil || p.Concept == nil || p.Catalogue == nil {
		return nil, errorIn(in.Lang, ErrNoProject, "tender.err.noproject")
	}
	lang := in.Lang
	if lang == "" {
		lang = i18n.Default
	}
	if !i18n.Supported(lang) {
		return nil, errorIn(lang, fmt.Errorf("%w: %q", ErrLang, in.Lang), "tender.err.lang", in.Lang)
	}
	n := len(p.Concept.Variants)
	if len(in.Estimates) != n {
		return nil, errorIn(lang, fmt.Errorf("%w: %d estimates for %d variants", ErrEstimates, len(in.Estimates), n), "tender.err.estimates")
	}
	for i, e := range in.Estimates {
		if e == nil {
			return nil, errorIn(lang, fmt.Errorf("%w: estimate %d is missing", ErrEstimates, i+1), "tender.err.estimates")
		}
	}
	if len(in.Variants) == 0 {
		return nil, errorIn(lang, fmt.Errorf("%w: no variant chosen", ErrVariant), "tender.err.novariant")
	}
	seen := make(map[int]bool)
	for _, v := range in.Variants {
		if v < 0 || v >= n {
			return nil, errorIn(lang, fmt.Errorf("%w: concept %q has no variant %d", ErrVariant, p.Concept.Name, v+1), "tender.err.variant", v+1)
		}
		if seen[v] {
			return nil, errorIn(lang, fmt.Errorf("%w: variant %d chosen twice", ErrVariant, v+1), "tender.err.twice", v+1)
		}
		seen[v] = true
	}
	date, err := time.Parse(time.DateOnly, p.Concept.Revision.Date)
	if err != nil {
		return nil, errorIn(lang, fmt.Errorf("%w: %q", ErrRevisionDate, p.Concept.Revision.Date), "tender.err.date", p.Concept.Revision.Date)
	}
	c := &checked{Input: in, l: i18n.New(lang), lang: lang, date: date}
	c.muni = p.Concept.Municipality
	if m := p.Catalogue.Municipality(p.Concept.Municipality); m != nil {
		c.muni = m.Name
	}
	c.family = c.findFamily()
	return c, nil
}

// findFamily returns the family of the described variants' first dwelling
// unit type (or of their first unit type), or nil.
func (c *checked) findFamily() *concepts.Family {
	var first *concepts.UnitType
	for _, v := range c.Variants {
		for _, ln := range c.Estimates[v].Lines {
			if ln.Type == nil {
				continue
			}
			if ln.Type.Kind == concepts.KindDwelling {
				return c.Project.Catalogue.Family(ln.Type.Family)
			}
			if first == nil {
				first = ln.Type
			}
		}
	}
	if first != nil {
		return c.Project.Catalogue.Family(first.Family)
	}
	return nil
}

// described returns the estimates of the described variants.
func (c *checked) described() []*costing.Estimate {
	out := make([]*costing.Estimate, len(c.Variants))
	for i, v := range c.Variants {
		out[i] = c.Estimates[v]
	}
	return out
}

// first returns the estimate of the first described variant.
func (c *checked) first() *costing.Estimate { return c.Estimates[c.Variants[0]] }

// dateText formats the revision date for the document's language.
func (c *checked) dateText() string {
	if c.lang == "en" {
		return c.date.Format("2 January 2006")
	}
	return c.date.Format("02.01.2006")
}

// unitTypes returns the unit types used by the described variants, in
// order of first use, each once.
func (c *checked) unitTypes() []*concepts.UnitType {
	var out []*concepts.UnitType
	seen := make(map[string]bool)
	for _, e := range c.described() {
		for _, ln := range e.Lines {
			// a variant with a price book has its own copy of each type
			if ln.Type != nil && !seen[ln.Type.ID] {
				seen[ln.Type.ID] = true
				out = append(out, ln.Type)
			}
		}
	}
	return out
}
