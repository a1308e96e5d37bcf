package tender

import (
	"regexp"
	"strings"
)

// The no-break spaces of Norwegian (and English) typography that the line
// breaker keeps: inside an abbreviation ("eks. mva."), between a word
// that counts and its number ("kapittel 2", "post 1–7", "§ 12-3") and
// between a number and its unit ("120 m", "60 PE").
var (
	nbspPhrases = strings.NewReplacer(
		"eks. mva.", "eks.\u00a0mva.",
		"inkl. mva.", "inkl.\u00a0mva.",
		"excl. VAT", "excl.\u00a0VAT",
		"incl. VAT", "incl.\u00a0VAT",
		"f.eks. ", "f.eks.\u00a0",
		"e.g. ", "e.g.\u00a0",
	)
	nbspBefore  = regexp.MustCompile(`\b((?i:kapittel|kapitlene|chapter|chapters|post|posts|vedlegg|appendix|side|page|tabell|table)|NS|TEK17) (\d)`)
	nbspSection = regexp.MustCompile(`§ (\d)`)
	// a unit ends where a space, a punctuation mark or the text follows
	nbspAfter = regexp.MustCompile(`(\d) (m²|m2|m³|m|mm|cm|km|kr|NOK|PE|stk|pcs|kWh|kW|W|kg|daa|dekar|år|years?)([\s.,;:)]|$)`)
	nbspNOK   = regexp.MustCompile(`\bNOK (\d)`)
)

// maxTypesetMemo is the longest text checked.typesetOnce remembers: the
// texts a document repeats are short.
const maxTypesetMemo = 200

// typesetOnce is typeset, computing each short text once per document.
func (c *checked) typesetOnce(s string) string {
	if len(s) > maxTypesetMemo {
		return typeset(s)
	}
	if t, ok := c.typeset[s]; ok {
		return t
	}
	if c.typeset == nil {
		c.typeset = make(map[string]string)
	}
	t := typeset(s)
	c.typeset[s] = t
	return t
}

// typeset puts no-break spaces where a line must not break. It leaves s
// alone when it has no digit and no abbreviation that needs one.
func typeset(s string) string {
	if !strings.ContainsAny(s, "0123456789.") {
		return s
	}
	s = nbspPhrases.Replace(s)
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = nbspBefore.ReplaceAllString(s, "$1\u00a0$2")
	s = nbspSection.ReplaceAllString(s, "§\u00a0$1")
	s = nbspAfter.ReplaceAllString(s, "$1\u00a0$2$3")
	// "%" is no word character, so \b after it does not match at the end
	s = strings.ReplaceAll(s, " %", "\u00a0%")
	return nbspNOK.ReplaceAllString(s, "NOK\u00a0$1")
}
