package concepts

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
		return nil, nil, newError("", 0, 0, nil, nil, "concepts.project.no_variant", quoted(p.Concept.Name), i+1)
	}
	vc := Part{Key: "concepts.ctx.variant", Args: []any{quoted(p.Concept.Variants[i].Name)}}
	if p.override != nil {
		cat, err := p.Catalogue.WithPriceBook(p.override)
		if err != nil {
			return nil, nil, within(vc, err)
		}
		return cat, p.override, nil
	}
	ref := p.Concept.Variants[i].PriceBook
	if ref == "" {
		return p.Catalogue, nil, nil
	}
	pb, ok := p.PriceBooks[ref]
	if !ok {
		return nil, nil, newError("", 0, 0, nil, where{vc}, "concepts.project.pricebook_not_loaded", quoted(ref))
	}
	cat, err := p.Catalogue.WithPriceBook(pb)
	if err != nil {
		return nil, nil, within(vc, err)
	}
	return cat, pb, nil
}
