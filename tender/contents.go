package tender

// tocTopGuess is where the contents usually start on page 2 (mm): below
// the revision table with a one-line note. A longer note moves them down
// and may cost renderPDF a second pass.
const tocTopGuess = 57.0

// contentsGuess returns how many lines the table of contents will have
// (the chapters and their numbered sections), worked out from the input
// without laying the document out, so that renderPDF can reserve the
// contents' pages at once. It follows the chapters of chapters(); when it
// is wrong the document is laid out once more, and a test compares it
// with the real count for the samples.
func (c *checked) contentsGuess() int {
	v := len(c.Variants)
	u := len(c.unitTypes())
	concept := c.Project.Concept
	plans := 0
	for _, i := range c.Variants {
		if i < len(concept.Variants) && concept.Variants[i].Layout != nil {
			plans++
		}
	}
	sitePlan := 0
	if plans > 0 {
		sitePlan = 1
		if v > 1 {
			sitePlan += plans
		}
	}
	if c.kind == kindTender {
		n := 5 // orientation and its four sections
		n++    // the competition
		if concept.Tender != nil {
			n += 3
		}
		n += 3 // the site and its two sections
		n += sitePlan
		n += 1 + v // programme
		n += 1 + u // requirements
		n += 5     // quantities and its four sections
		n += 1 + v // the price schedule
		return n
	}
	n := 5     // orientation
	n += 3 + v // the site, its two sections and the checks per variant
	n += 1 + v // programme
	n += 1 + u // requirements
	n += 1 + v // areas
	n += 1 + v // costs
	n += 2 + v // uncertainty
	if len(c.Estimates) > 1 {
		n++ // the comparison
	}
	if concept.Economics != nil {
		econ := 0
		for _, e := range c.described() {
			if e.Economics != nil {
				econ++
			}
		}
		if econ > 0 {
			n += 2 + econ
		}
	}
	n += sitePlan
	n += 4 // sources and its three sections
	return n
}
