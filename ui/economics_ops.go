package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// The editor's edits of the buyer economics (docs/FORMATS.md, "Concept":
// the economics section and a variant's tenure). Each is one undo step;
// typing into one field merges into one.

// defaultHouseholdIncome and defaultHouseholdEquity are a new household's
// yearly income and equity: the format's example of a first-time buyer.
var (
	defaultHouseholdIncome = decimal.NewFromInt(600_000)
	defaultHouseholdEquity = decimal.NewFromInt(150_000)
)

// bothLanguages returns the text of key in every language, so that a
// household the window makes is named in each.
func bothLanguages(key string, args ...any) concepts.Text {
	t := concepts.Text{}
	for _, lang := range i18n.Languages {
		t[lang] = i18n.New(lang).T(key, args...)
	}
	return t
}

// addEconomics gives the concept an economics section with every default
// and one household, a first-time buyer; a concept that has one keeps it.
func (e *editor) addEconomics() {
	_ = e.apply("", func(c *concepts.Concept) error {
		if c.Economics != nil {
			return nil
		}
		c.Economics = &concepts.Economics{Households: []concepts.Household{{
			ID: "forstegang", Name: bothLanguages("panel.economics.first_time"),
			Income: defaultHouseholdIncome, Equity: defaultHouseholdEquity,
		}}}
		return nil
	})
}

// removeEconomics drops the economics section and every variant's tenure,
// which the format allows only beside the section.
func (e *editor) removeEconomics() {
	_ = e.apply("", func(c *concepts.Concept) error {
		c.Economics = nil
		for i := range c.Variants {
			c.Variants[i].Tenure = ""
		}
		return nil
	})
}

// setVariantTenure sets variant vi's tenure; "" lets it follow the concept.
func (e *editor) setVariantTenure(vi int, t concepts.Tenure) error {
	return e.apply("", func(c *concepts.Concept) error {
		if c.Economics == nil || vi < 0 || vi >= len(c.Variants) {
			return errors.New(e.l.T("ui.error.gone"))
		}
		c.Variants[vi].Tenure = t
		return nil
	})
}

// setEconomics changes the economics section with fn; key merges typing
// into one field into one undo step.
func (e *editor) setEconomics(key string, fn func(ec *concepts.Economics) error) error {
	return e.apply("economics/"+key, func(c *concepts.Concept) error {
		if c.Economics == nil {
			return errors.New(e.l.T("ui.error.gone"))
		}
		if err := fn(c.Economics); err != nil {
			return err
		}
		tidyEconomics(c.Economics)
		return nil
	})
}

// tidyEconomics drops a loan or cooperative block left with no value, so
// that the file does not keep an empty "loan: {}".
func tidyEconomics(ec *concepts.Economics) {
	if ec.Loan != nil && *ec.Loan == (concepts.Loan{}) {
		ec.Loan = nil
	}
	if ec.Cooperative != nil && *ec.Cooperative == (concepts.CooperativeLoan{}) {
		ec.Cooperative = nil
	}
}

// addHousehold appends a household with the default income and equity
// and a name and id no other household has.
func (e *editor) addHousehold() {
	_ = e.setEconomics("", func(ec *concepts.Economics) error {
		if len(ec.Households) >= concepts.MaxLines {
			return errors.New(e.l.T("panel.economics.households_full", concepts.MaxLines))
		}
		n := len(ec.Households) + 1
		id := func(k int) string { return fmt.Sprintf("husholdning-%d", k) }
		for slices.ContainsFunc(ec.Households, func(h concepts.Household) bool { return h.ID == id(n) }) {
			n++
		}
		ec.Households = append(ec.Households, concepts.Household{
			ID: id(n), Name: bothLanguages("panel.economics.household_default", n),
			Income: defaultHouseholdIncome, Equity: defaultHouseholdEquity,
		})
		return nil
	})
}

// removeHousehold removes household i; the last one stays, as the format
// needs one.
func (e *editor) removeHousehold(i int) error {
	return e.setEconomics("", func(ec *concepts.Economics) error {
		if len(ec.Households) <= 1 {
			return errors.New(e.l.T("panel.economics.household_last"))
		}
		if i < 0 || i >= len(ec.Households) {
			return errors.New(e.l.T("ui.error.gone"))
		}
		ec.Households = slices.Delete(ec.Households, i, i+1)
		return nil
	})
}

// setHousehold changes household i with fn, as one undo step per field
// (what names the field being typed into).
func (e *editor) setHousehold(i int, what string, fn func(h *concepts.Household)) error {
	return e.setEconomics(fmt.Sprintf("household/%d/%s", i, what), func(ec *concepts.Economics) error {
		if i < 0 || i >= len(ec.Households) {
			return errors.New(e.l.T("ui.error.gone"))
		}
		fn(&ec.Households[i])
		return nil
	})
}

// setHouseholdName names household i in language lang (the window's);
// the name in bokmål, which the format requires, is set too while it is
// empty.
func (e *editor) setHouseholdName(i int, lang, name string) error {
	name = strings.TrimSpace(name)
	return e.setHousehold(i, "name", func(h *concepts.Household) {
		if h.Name == nil {
			h.Name = concepts.Text{}
		}
		h.Name[lang] = name
		if h.Name["nb"] == "" {
			h.Name["nb"] = name
		}
	})
}
