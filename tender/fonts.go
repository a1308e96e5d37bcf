package tender

import (
	"sync"
	"unicode"

	"github.com/hallingdal/bokonsept/assets"
	"golang.org/x/image/font/sfnt"
)

// fontFiles are the embedded TrueType files of the document font, by
// gofpdf style: DejaVu Sans Condensed, whose zero is not slashed and whose
// hyphen is short, and which covers Latin, Greek, Cyrillic, Hebrew, Arabic
// and many symbols.
var fontFiles = []struct{ style, file string }{
	{"", "fonts/DejaVuSansCondensed.ttf"},
	{"B", "fonts/DejaVuSansCondensed-Bold.ttf"},
	{"I", "fonts/DejaVuSansCondensed-Oblique.ttf"},
}

// substitute is drawn for a character that the fonts lack; fallbackSubstitute
// when the fonts lack the replacement character too.
const (
	substitute         = '\uFFFD'
	fallbackSubstitute = '?'
)

// coverage is the set of characters every style of the document font has
// a glyph for, computed once from the fonts' cmap tables.
type coverage struct {
	fonts map[string][]byte
	// bits has bit r set when rune r (in the Basic Multilingual Plane) is
	// drawn as itself.
	bits [0x10000 / 64]uint64
	// subst replaces every other rune.
	subst rune
	err   error
}

var (
	fontsOnce sync.Once
	fontCover *coverage
)

// loadFonts reads the embedded fonts and their coverage once.
func loadFonts() *coverage {
	fontsOnce.Do(func() {
		c := &coverage{fonts: map[string][]byte{}, subst: fallbackSubstitute}
		fontCover = c
		var parsed []*sfnt.Font
		for _, ff := range fontFiles {
			data, err := assets.Fonts.ReadFile(ff.file)
			if err == nil {
				var f *sfnt.Font
				if f, err = sfnt.Parse(data); err == nil {
					parsed = append(parsed, f)
				}
			}
			if err != nil {
				c.err = err
				return
			}
			c.fonts[ff.style] = data
		}
		var b sfnt.Buffer
		for r := rune(0); r < 0x10000; r++ {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || unicode.Is(unicode.Cs, r) {
				continue // control characters and surrogates
			}
			all := true
			for _, f := range parsed {
				if g, err := f.GlyphIndex(&b, r); err != nil || g == 0 {
					all = false
					break
				}
			}
			if all {
				c.bits[r/64] |= 1 << (r % 64)
			}
		}
		if c.has(substitute) {
			c.subst = substitute
		}
	})
	return fontCover
}

// has reports whether every style of the font draws r as itself.
func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c.bits[r/64]&(1<<(r%64)) != 0
}

// pdfRune returns the character drawn for r: r itself when the font has
// it, a space for tab, newline and carriage return, else the substitute.
// Characters outside the Basic Multilingual Plane (emoji) are always
// substituted, since gofpdf's Unicode fonts cannot hold them.
func (c *coverage) pdfRune(r rune) rune {
	switch {
	case c.has(r):
		return r
	case r == '\t' || r == '\n' || r == '\r':
		return ' '
	}
	return c.subst
}
