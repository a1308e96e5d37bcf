package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hallingdal/bokonsept/concepts"
	"github.com/shopspring/decimal"
)

// errLastVariant is returned when the only variant would be deleted.
var errLastVariant = errors.New("a concept needs at least one variant")

// uniqueVariantName returns name, or name with a number added, so that no
// other variant than skip is called so.
func uniqueVariantName(c *concepts.Concept, name string, skip int) string {
	taken := func(n string) bool {
		for i, v := range c.Variants {
			if i != skip && v.Name == n {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s %d", name, n); !taken(s) {
			return s
		}
	}
}

// addVariant appends an empty variant and selects it.
func (e *editor) addVariant() {
	c := e.concept()
	name := ""
	for k := len(c.Variants); k < len(c.Variants)+26; k++ {
		name = e.l.T("ui.variant.default_name", string(rune('A'+k%26)))
		if c.Variant(name) < 0 {
			break
		}
	}
	_ = e.apply("", func(c *concepts.Concept) error {
		c.Variants = append(c.Variants, concepts.Variant{Name: uniqueVariantName(c, name, -1)})
		e.selected = len(c.Variants) - 1
		return nil
	})
}

// duplicateVariant appends a copy of variant i and selects it.
func (e *editor) duplicateVariant(i int) {
	_ = e.apply("", func(c *concepts.Concept) error {
		v := c.Variants[i]
		v.Units = slices.Clone(v.Units)
		v.SiteItems = slices.Clone(v.SiteItems)
		v.Name = uniqueVariantName(c, e.l.T("ui.variant.copy_name", v.Name), -1)
		c.Variants = append(c.Variants, v)
		e.selected = len(c.Variants) - 1
		return nil
	})
}

// renameVariant gives variant i a new name, which must be unique and not empty.
func (e *editor) renameVariant(i int, name string) error {
	name = strings.TrimSpace(name)
	return e.apply("", func(c *concepts.Concept) error {
		if name == "" {
			return errors.New(e.l.T("ui.error.name_empty"))
		}
		if j := c.Variant(name); j >= 0 && j != i {
			return errors.New(e.l.T("ui.error.name_taken", name))
		}
		c.Variants[i].Name = name
		return nil
	})
}

// deleteVariant removes variant i; the last variant cannot be deleted.
func (e *editor) deleteVariant(i int) error {
	return e.apply("", func(c *concepts.Concept) error {
		if len(c.Variants) <= 1 {
			return errLastVariant
		}
		c.Variants = slices.Delete(c.Variants, i, i+1)
		if e.selected >= i && e.selected > 0 {
			e.selected--
		}
		return nil
	})
}

// addUnit adds one unit of the type to the selected variant: a new line, or
// one more on the type's line.
func (e *editor) addUnit(typeID string) {
	if e.catalogue().UnitType(typeID) == nil {
		return
	}
	vi := e.selected
	_ = e.apply("", func(c *concepts.Concept) error {
		v := &c.Variants[vi]
		for k := range v.Units {
			if v.Units[k].Type == typeID {
				v.Units[k].Count++
				return nil
			}
		}
		v.Units = append(v.Units, concepts.UnitLine{Type: typeID, Count: 1})
		return nil
	})
}

// setCount sets the count of line li of the selected variant.
func (e *editor) setCount(li, count int) error {
	vi := e.selected
	return e.apply(fmt.Sprintf("count/%d/%d", vi, li), func(c *concepts.Concept) error {
		if count < 1 {
			return errors.New(e.l.T("ui.error.count_min"))
		}
		if li >= len(c.Variants[vi].Units) {
			return errors.New(e.l.T("ui.error.gone"))
		}
		c.Variants[vi].Units[li].Count = count
		return nil
	})
}

// removeUnitLine removes line li of the selected variant.
func (e *editor) removeUnitLine(li int) {
	vi := e.selected
	_ = e.apply("", func(c *concepts.Concept) error {
		c.Variants[vi].Units = slices.Delete(c.Variants[vi].Units, li, li+1)
		return nil
	})
}

// addSiteItem adds a site item to the selected variant; an item priced in a
// unit that needs a quantity starts at quantity 1.
func (e *editor) addSiteItem(itemID string) {
	item := e.catalogue().SiteItem(itemID)
	if item == nil {
		return
	}
	vi := e.selected
	_ = e.apply("", func(c *concepts.Concept) error {
		line := concepts.SiteItemLine{Item: itemID}
		if !item.Unit.Derived() {
			one := decimal.NewFromInt(1)
			line.Quantity = &one
		}
		c.Variants[vi].SiteItems = append(c.Variants[vi].SiteItems, line)
		return nil
	})
}

// setSiteItemQuantity sets the quantity of site-item line li of the
// selected variant.
func (e *editor) setSiteItemQuantity(li int, q decimal.Decimal) error {
	vi := e.selected
	return e.apply(fmt.Sprintf("quantity/%d/%d", vi, li), func(c *concepts.Concept) error {
		if q.IsNegative() {
			return errors.New(e.l.T("ui.error.negative"))
		}
		if li >= len(c.Variants[vi].SiteItems) {
			return errors.New(e.l.T("ui.error.gone"))
		}
		c.Variants[vi].SiteItems[li].Quantity = &q
		return nil
	})
}

// removeSiteItem removes site-item line li of the selected variant.
func (e *editor) removeSiteItem(li int) {
	vi := e.selected
	_ = e.apply("", func(c *concepts.Concept) error {
		c.Variants[vi].SiteItems = slices.Delete(c.Variants[vi].SiteItems, li, li+1)
		return nil
	})
}

// setPriceBook sets the selected variant's price book: ref as written in
// the concept and the book as just read from disk, or "" and nil for none.
// The book replaces the project's entry for ref, so that a book edited on
// disk and chosen again prices every variant that names it; when the
// variant already named ref, the concept does not change, but every
// estimate is computed again with the new rates.
func (e *editor) setPriceBook(ref string, pb *concepts.PriceBook) error {
	if pb != nil {
		if _, err := e.catalogue().WithPriceBook(pb); err != nil {
			return err
		}
		if e.project.PriceBooks == nil {
			e.project.PriceBooks = make(map[string]*concepts.PriceBook)
		}
		e.project.PriceBooks[ref] = pb
	}
	vi := e.selected
	if pb != nil && e.project.Concept.Variants[vi].PriceBook == ref {
		e.recompute()
		e.notify(changeEstimate | changeSimulation)
		return nil
	}
	return e.apply("", func(c *concepts.Concept) error {
		c.Variants[vi].PriceBook = ref
		return nil
	})
}
