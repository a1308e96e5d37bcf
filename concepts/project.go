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
// (if any) laid over it, and that price book (nil when none). When the
// concept sets a price level, the catalogue's rates and the price book's are
// first brought to it with the catalogue's cost index, and the price book
// returned holds the indexed entries (docs/ESTIMATE.md, "Price level").
func (p *Project) VariantCatalogue(i int) (*Catalogue, *PriceBook, error) {
	if i < 0 || i >= len(p.Concept.Variants) {
		return nil, nil, newError("", 0, 0, nil, nil, "concepts.project.no_variant", quoted(p.Concept.Name), i+1)
	}
	vc := Part{Key: "concepts.ctx.variant", Args: []any{quoted(p.Concept.Variants[i].Name)}}
	pb := p.override
	if pb == nil {
		if ref := p.Concept.Variants[i].PriceBook; ref != "" {
			var ok bool
			if pb, ok = p.PriceBooks[ref]; !ok || pb == nil {
				return nil, nil, newError("", 0, 0, nil, where{vc}, "concepts.project.pricebook_not_loaded", quoted(ref))
			}
		}
	}
	cat := p.Catalogue
	if level := p.Concept.Assumptions.PriceLevel; level != "" {
		var err error
		if cat, err = cat.AtPriceLevel(level); err != nil {
			return nil, nil, within(vc, err)
		}
		if pb, err = p.Catalogue.PriceBookAt(pb, level); err != nil {
			return nil, nil, within(vc, err)
		}
	}
	if pb == nil {
		return cat, nil, nil
	}
	cat, err := cat.WithPriceBook(pb)
	if err != nil {
		return nil, nil, within(vc, err)
	}
	return cat, pb, nil
}
