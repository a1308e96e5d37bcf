package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// siteField is one entry of the site form bound to a value of the concept.
type siteField struct {
	entry *formEntry
	// text returns the model's value as the entry shows it.
	text func(c *concepts.Concept) string
	// check parses the entry's text without changing anything.
	check func(s string) error
	// set parses s and stores it in c.
	set func(c *concepts.Concept, s string) error
}

// item makes a form row with the label and help text of key.
func (s *siteScreen) item(key string, f *siteField) *widget.FormItem {
	it := widget.NewFormItem(s.l.T(key), f.entry)
	if hint := key + ".hint"; s.l.Has(hint) {
		it.HintText = s.l.T(hint)
	}
	return it
}

// bind creates the entry of a field and wires it to the editor.
func (s *siteScreen) bind(key string, f *siteField) *siteField {
	f.entry = newFormEntry()
	f.entry.Validator = f.check
	f.entry.onFocusLost = func() { s.onFieldFocusLost(f) }
	f.entry.OnChanged = func(text string) {
		if s.loading || f.check(text) != nil {
			return
		}
		if err := s.ed.apply("site/"+key, func(c *concepts.Concept) error { return f.set(c, text) }); err != nil {
			f.entry.SetValidationError(err)
		}
	}
	f.entry.OnSubmitted = func(string) { s.ed.breakMerge() }
	s.fields = append(s.fields, f)
	return f
}

// onFieldFocusLost ends the field's undo step and shows the model's value
// the way the form writes it ("12000" becomes "12 000"). A text the field
// refused gives way to the value the model kept, so that the screen shows
// what the estimate computes with.
func (s *siteScreen) onFieldFocusLost(f *siteField) {
	s.ed.breakMerge()
	if want := f.text(s.ed.concept()); f.entry.Text != want {
		s.loading = true
		f.entry.SetText(want)
		s.loading = false
	}
}

// formEntry is an entry that reports when it loses the focus.
type formEntry struct {
	widget.Entry
	onFocusLost func()
}

// newFormEntry returns an entry that always shows its validation error.
func newFormEntry() *formEntry {
	e := &formEntry{}
	e.AlwaysShowValidationError = true
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost implements fyne.Focusable.
func (e *formEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// textField is a text that check accepts (a name, or a note).
func (s *siteScreen) textField(key string, check func(string) error, get func(*concepts.Concept) string, put func(*concepts.Concept, string)) *siteField {
	return s.bind(key, &siteField{
		text:  get,
		check: check,
		set: func(c *concepts.Concept, text string) error {
			if err := check(text); err != nil {
				return err
			}
			put(c, strings.TrimSpace(text))
			return nil
		},
	})
}

// dateField is the revision date, YYYY-MM-DD.
func (s *siteScreen) dateField() *siteField {
	check := func(text string) error { return s.in.date(text) }
	return s.bind("revision.date", &siteField{
		text:  func(c *concepts.Concept) string { return c.Revision.Date },
		check: check,
		set: func(c *concepts.Concept, text string) error {
			if err := check(text); err != nil {
				return err
			}
			c.Revision.Date = strings.TrimSpace(text)
			return nil
		},
	})
}

// decimalField is a required number.
func (s *siteScreen) decimalField(key string, parse func(string) (decimal.Decimal, error), get func(*concepts.Concept) decimal.Decimal, put func(*concepts.Concept, decimal.Decimal)) *siteField {
	return s.bind(key, &siteField{
		text:  func(c *concepts.Concept) string { return s.in.text(get(c)) },
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			d, err := parse(text)
			if err != nil {
				return err
			}
			put(c, d)
			return nil
		},
	})
}

// intField is a required whole number that parse reads.
func (s *siteScreen) intField(key string, parse func(string) (int64, error), get func(*concepts.Concept) int64, put func(*concepts.Concept, int64)) *siteField {
	return s.bind(key, &siteField{
		text:  func(c *concepts.Concept) string { return s.in.text(decimal.NewFromInt(get(c))) },
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			n, err := parse(text)
			if err != nil {
				return err
			}
			put(c, n)
			return nil
		},
	})
}

// limitField is an optional zoning limit: an empty entry removes it.
func (s *siteScreen) limitField(key string, parse func(string) (decimal.Decimal, error), ref func(*concepts.Zoning) **decimal.Decimal) *siteField {
	return s.bind(key, &siteField{
		text: func(c *concepts.Concept) string {
			if c.Site.Zoning == nil {
				return ""
			}
			return s.in.optText(*ref(c.Site.Zoning))
		},
		check: func(text string) error { _, err := s.in.optional(text, parse); return err },
		set: func(c *concepts.Concept, text string) error {
			d, err := s.in.optional(text, parse)
			if err != nil {
				return err
			}
			setZoning(c, func(z *concepts.Zoning) { *ref(z) = d })
			return nil
		},
	})
}

// storeysField is the optional limit on storeys.
func (s *siteScreen) storeysField() *siteField {
	parse := func(text string) (*int, error) {
		if clean(text) == "" {
			return nil, nil
		}
		n, err := s.in.whole(text, concepts.LimitStoreys)
		if err != nil {
			return nil, err
		}
		return &n, nil
	}
	return s.bind("ui.zoning.max_storeys", &siteField{
		text: func(c *concepts.Concept) string {
			if c.Site.Zoning == nil || c.Site.Zoning.MaxStoreys == nil {
				return ""
			}
			return s.in.text(decimal.NewFromInt(int64(*c.Site.Zoning.MaxStoreys)))
		},
		check: func(text string) error { _, err := parse(text); return err },
		set: func(c *concepts.Concept, text string) error {
			n, err := parse(text)
			if err != nil {
				return err
			}
			setZoning(c, func(z *concepts.Zoning) { z.MaxStoreys = n })
			return nil
		},
	})
}

// setZoning changes the concept's zoning with f, dropping the zoning
// section when no limit is left.
func setZoning(c *concepts.Concept, f func(z *concepts.Zoning)) {
	z := concepts.Zoning{}
	if c.Site.Zoning != nil {
		z = *c.Site.Zoning
	}
	f(&z)
	if z == (concepts.Zoning{}) {
		c.Site.Zoning = nil
		return
	}
	c.Site.Zoning = &z
}
