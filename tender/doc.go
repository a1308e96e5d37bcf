// Package tender writes the tender documents of a concept: the PDF
// specification (konkurransegrunnlag – beskrivelse og kostnadsoverslag) and
// the XLSX price schedule (prisskjema) that tenderers fill in.
//
// Every figure in the documents is the costing engine's: the package only
// lays out a *costing.Estimate and formats its numbers with package i18n, so
// that a document reads exactly like the desktop application.
//
//	ests := []*costing.Estimate{...} // one per variant, simulated
//	in := tender.Input{Project: p, Estimates: ests, Variants: []int{0}, Lang: "nb", Version: "1.0.0"}
//	err := tender.WriteFileAtomic("anbud.pdf", func(w io.Writer) error {
//		return tender.WritePDF(w, in)
//	})
//
// # The PDF
//
// A4, Norwegian bokmål by default, English with Lang "en". A cover, a
// revision table, a table of contents with page numbers and internal links,
// bookmarks for every chapter, a running header and a "Side X av Y" footer,
// chapters 1 to 8 (8 only when the concept has more than one variant) and
// Vedlegg A, the price schedule. When the document describes several
// variants, the variant-specific chapters have one section per variant.
// Text is set in DejaVu Sans Condensed (assets/fonts), embedded as UTF-8
// TrueType subsets: æøå, – « » ² § ≤ ≥, the no-break space and the minus
// sign that i18n emits, and Latin, Greek, Cyrillic, Hebrew and (but in
// italics) Arabic letters, drawn left to right and unshaped. Every other
// character, emoji and CJK among them, and every control character is drawn
// as U+FFFD, so any text can be written; a name too long for the cover, a
// heading or a table cell ends in an ellipsis, and lines are broken in time
// linear in the text's length. The output is deterministic: the
// creation and modification dates are the concept's revision date and the
// catalogues are sorted, so the same input gives byte-identical files.
//
// The decision makers' report (WriteReport) also has, when the concept
// has an economics section, the chapter "Hvem har råd?" (buyer economics:
// prices, subsidy gap, what a buyer needs, which household can buy which
// dwelling type and what it lacks, monthly costs beside what each
// household can carry), never part of the tenderers' document. Both
// documents have a chapter "Situasjonsplan" for the described variants
// with a layout: the plot to a standard scale (1:200, 1:500, 1:1000, ...)
// as vector drawing, with north arrow, scale bar, the boundary's
// dimensions, the buildings with their labels and every breach of the
// distance rules in red (costing.SitePlanOf).
//
// The plan diagrams of chapter 4 are illustrations, not drawings: each unit
// type is drawn as a rectangle of its BTA per level with a length to depth
// ratio of 1.6 (see costing.PlanOf), to scale and dimensioned in metres.
//
// # The price schedule
//
// Vedlegg A and the XLSX price schedule hold the contractor's work only,
// NS 3453 posts 1 to 7: post 1 (rigg og drift) as one lump sum, then for
// each unit type and post one line per NS 3451 code with its quantity and
// unit (lifts per lift, see docs/ESTIMATE.md "The tenderers' document"),
// then one line per site item of post 7. Fees, land and the other
// items of posts 8 and 9 are the client's and stay out, and so does every
// figure of the municipality's estimate. WriteSchedule writes the XLSX of
// one variant (refused, like the PDF, when Tenderable refuses it): every
// line has a key in the hidden column A, the tenderer fills the unit prices
// and the fields name, organisation number, date and reservations, every
// other cell is locked, and a line's sum is quantity × unit price rounded
// to whole kroner. ReadBid reads a returned schedule back and Evaluate
// compares and ranks the bids (docs/FORMATS.md, "Price schedule" and
// "Bids").
package tender
