package tender

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hallingdal/bokonsept/i18n"
)

// Limits of the XLSX format, in UTF-16 code units as Excel counts them.
const (
	// maxCellUnits is the most text a cell holds.
	maxCellUnits = 32767
	// maxHeaderFooterUnits is the most a header or footer holds, its
	// codes ("&L", "&P") and escaped ampersands included.
	maxHeaderFooterUnits = 255
)

// cleanXLSX returns s fit for a cell: each control character (other than
// tab and newline), each character XML cannot hold and each invalid byte
// becomes U+FFFD, and a text longer than a cell holds is cut with an
// ellipsis. Every other character is kept: the spreadsheet program finds a
// font for it.
func cleanXLSX(s string) string {
	keep := func(r rune) bool {
		switch {
		case r == '\t' || r == '\n':
			return true
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError:
			return false
		}
		return true
	}
	ok := len(s) <= maxCellUnits
	if ok {
		for _, r := range s {
			if !keep(r) {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	units := 0
	for _, r := range s {
		if !keep(r) {
			r = substitute
		}
		n := utf16Len(r)
		if units+n > maxCellUnits-1 {
			b.WriteString(ellipsis)
			break
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// utf16Len is the number of UTF-16 code units of r.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// escapeHF escapes the ampersands of text for a header or footer.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// headerFooter returns a header or footer with left on the left and
// right (already escaped, with its codes) on the right, left shortened
// with an ellipsis so that the whole stays within maxHeaderFooterUnits.
func headerFooter(left, right string) string {
	budget := maxHeaderFooterUnits - len("&L&R") - utf16Count(right)
	left = cleanXLSX(left)
	cost := func(r rune) int {
		if r == '&' {
			return 2
		}
		return utf16Len(r)
	}
	total := 0
	for _, r := range left {
		total += cost(r)
	}
	if total > budget {
		used, end := 0, 0
		for i, r := range left {
			if used+cost(r) > budget-1 {
				break
			}
			used += cost(r)
			end = i + utf8.RuneLen(r)
		}
		left = strings.TrimSpace(left[:end]) + ellipsis
	}
	return "&L" + escapeHF(left) + "&R" + right
}

// utf16Count is the number of UTF-16 code units of s.
func utf16Count(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

// pageField is the footer's "Side &P av &N": the translated words with
// their ampersands escaped and the page codes not.
func pageField(l *i18n.Locale) string {
	const page, pages = "\x01", "\x02"
	s := escapeHF(l.T("tender.footer.page", page, pages))
	return strings.NewReplacer(page, "&P", pages, "&N").Replace(s)
}
