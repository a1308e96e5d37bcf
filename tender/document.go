package tender

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// docKind says which reader a PDF is for; the two are never mixed.
type docKind int

const (
	// kindTender is the tenderers' document, "Beskrivelse og prisskjema":
	// one variant, nothing of the municipality's estimate.
	kindTender docKind = iota
	// kindReport is the decision makers' document, "Beslutningsgrunnlag":
	// the whole estimate of every variant, marked internal on every page.
	kindReport
)

// TenderOptions are the options of WriteTender.
type TenderOptions struct {
	// Force writes the document of a variant that Tenderable refuses; its
	// cover then says why the variant should not have been sent out.
	Force bool
}

// WriteTender writes the tenderers' PDF, "Beskrivelse og prisskjema" (an
// appendix to the municipality's konkurransegrunnlag), of the one variant
// in in.Variants to w: the competition's facts from the concept's tender
// section, the site and zoning, the building programme, every unit type's
// specification by NS 3451 part and its requirements, the quantities a
// builder prices by and the price schedule with empty unit prices. It
// holds nothing of the municipality's estimate: no post amounts, no P50 or
// P85, no unit prices and nothing of a price book.
//
// More than one variant is an error wrapping ErrVariant. A variant that
// Tenderable refuses (a price book, a failing check) is refused with its
// error unless opt.Force, and the cover then says why. Otherwise it
// returns the errors of WriteReport.
func WriteTender(w io.Writer, in Input, opt TenderOptions) (err error) {
	defer recoverPanic(&err, in.Lang, "pdf")
	c, err := in.check()
	if err != nil {
		return err
	}
	if len(in.Variants) != 1 {
		return errorIn(c.lang, fmt.Errorf("%w: %d variants for one tender document", ErrVariant, len(in.Variants)), "tender.err.pdf.onevariant")
	}
	c.kind = kindTender
	if terr := Tenderable(c.first()); terr != nil {
		var e *Error
		if errors.As(terr, &e) {
			e.lang = c.lang
		}
		if !opt.Force {
			return terr
		}
		c.forced = terr
	}
	return c.writePDF(w)
}

// WriteReport writes the decision makers' PDF, "Beslutningsgrunnlag", to
// w: everything the estimate says about every variant of the concept (the
// posts, P50 and P85 with the S-curve, the comparison, the checks, the
// price level, the event risks and the sources of the figures), marked
// "Internt – ikke del av konkurransegrunnlaget" on every page. The
// variant-specific chapters describe in.Variants, the comparison all
// variants.
//
// It returns an error for invalid input (wrapping ErrNoProject,
// ErrEstimates, ErrVariant, ErrLang or ErrRevisionDate), when the
// document cannot be laid out, and when w fails; nothing is written to w
// before the whole document is ready. Every error is an *Error whose text
// is in the document's language, and a panic inside the PDF library
// becomes one too.
func WriteReport(w io.Writer, in Input) (err error) {
	defer recoverPanic(&err, in.Lang, "pdf")
	c, err := in.check()
	if err != nil {
		return err
	}
	c.kind = kindReport
	return c.writePDF(w)
}

// WritePDF writes the decision makers' report; it is WriteReport, kept for
// callers that export "the PDF". The tenderers' document is WriteTender.
func WritePDF(w io.Writer, in Input) error { return WriteReport(w, in) }

// writePDF lays the document out and writes it to w at once.
func (c *checked) writePDF(w io.Writer) error {
	d, err := renderPDF(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return libraryError(c.lang, "pdf", err)
	}
	out := withLang(buf.Bytes(), pdfLang(c.lang))
	if _, err := w.Write(out); err != nil {
		return writeError(c.lang, err)
	}
	return nil
}

// pdfLang is the document language of the PDF catalogue (BCP 47).
func pdfLang(lang string) string {
	if lang == "en" {
		return "en-GB"
	}
	return "nb-NO"
}

// withLang sets the document language (/Lang) in the catalogue of a PDF
// as gofpdf writes it, which has no call for it: the catalogue is the last
// object, so only the offset of the cross-reference table moves. The PDF
// is returned unchanged when it does not look as expected.
func withLang(pdf []byte, lang string) []byte {
	cat := []byte("/Type /Catalog\n")
	i := bytes.LastIndex(pdf, cat)
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if i < 0 || sx < i {
		return pdf
	}
	numStart := sx + len("\nstartxref\n")
	numEnd := bytes.IndexByte(pdf[numStart:], '\n')
	if numEnd < 0 {
		return pdf
	}
	xref, err := strconv.Atoi(string(pdf[numStart : numStart+numEnd]))
	if err != nil || xref < i {
		return pdf
	}
	ins := []byte("/Lang (" + lang + ")\n")
	var out bytes.Buffer
	out.Grow(len(pdf) + len(ins) + 2)
	out.Write(pdf[:i+len(cat)])
	out.Write(ins)
	out.Write(pdf[i+len(cat) : numStart])
	out.WriteString(strconv.Itoa(xref + len(ins)))
	out.Write(pdf[numStart+numEnd:])
	return out.Bytes()
}

// title is the document's title in its language.
func (c *checked) title() string {
	if c.kind == kindReport {
		return c.l.T("tender.report.title")
	}
	return c.l.T("tender.title")
}
