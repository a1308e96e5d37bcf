package concepts

import "fmt"

// Project is a concept together with the catalogue and price books it
// refers to: everything the estimate of any of its variants needs.
type Project struct {
	// Path is the concept file, or "" for a concept not yet saved.
	Path      string
	Concept   *Concept
	Catalogue *Catalogue
	// PriceBooks holds the price books the variants name, keyed by the
	// variant's PriceBook reference as written in the concept.
	PriceBooks map[string]*PriceBook

	// override is the price book LoadOptions.PriceBook names, used for
	// every variant; nil when none.
	override *PriceBook
}

// LoadOptions override what a concept file refers to.
type LoadOptions struct {
	// Catalogue, when set, is a catalogue file used instead of the concept's.
	Catalogue string
	// PriceBook, when set, is a price book file used for every variant.
	PriceBook string
}

// VariantCatalogue returns the catalogue for variant i with its price book
// (if any) laid over it, and that price book (nil when none).
func (p *Project) VariantCatalogue(i int) (*Catalogue, *PriceBook, error) {
	if i < 0 || i >= len(p.Concept.Variants) {
		return nil, nil, fmt.Errorf("concept %q has no variant %d", p.Concept.Name, i+1)
	}
	if p.override != nil {
		cat, err := p.Catalogue.WithPriceBook(p.override)
		if err != nil {
			return nil, nil, fmt.Errorf("variant %q: %w", p.Concept.Variants[i].Name, err)
		}
		return cat, p.override, nil
	}
	ref := p.Concept.Variants[i].PriceBook
	if ref == "" {
		return p.Catalogue, nil, nil
	}
	pb, ok := p.PriceBooks[ref]
	if !ok {
		return nil, nil, fmt.Errorf("variant %q: price book %q is not loaded", p.Concept.Variants[i].Name, ref)
	}
	cat, err := p.Catalogue.WithPriceBook(pb)
	if err != nil {
		return nil, nil, fmt.Errorf("variant %q: %w", p.Concept.Variants[i].Name, err)
	}
	return cat, pb, nil
}
