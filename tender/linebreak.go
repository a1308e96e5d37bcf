package tender

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ellipsis ends a text that was cut to fit.
const ellipsis = "…"

// wrap breaks s into lines at most w mm wide in the current font. It breaks
// at newlines and ASCII spaces only (never at the no-break space of a
// number) and splits a word only when it alone is wider than w. It takes
// time linear in the length of s: every word is measured once with cached
// character widths, and a word too wide is split in one pass.
func (d *doc) wrap(s string, w float64) []string { return d.wrapN(s, w, 0) }

// wrapN is wrap keeping at most n lines (every line when n is 0): when
// more text would follow, the last line kept ends in an ellipsis. It stops
// reading s once n lines are full.
func (d *doc) wrapN(s string, w float64, n int) []string {
	s = d.typesetOnce(s)
	p := d.pdf
	_, size := p.GetFontSize()
	fits := func(units int) bool { return float64(units)*size/1000 <= w }
	space := p.runeWidth(' ')
	// measure returns the width of word and whether it fits after base
	// units; it stops reading at the first character that does not fit.
	measure := func(word string, base int) (int, bool) {
		ww := 0
		for _, r := range word {
			if ww += p.runeWidth(r); !fits(base + ww) {
				return ww, false
			}
		}
		return ww, true
	}
	var out, line []string
	lineW := 0
	full := func() bool { return n > 0 && len(out) > n }
	flush := func() {
		out = append(out, strings.Join(line, " "))
		line, lineW = line[:0], 0
	}
	for para := range strings.SplitSeq(s, "\n") {
		for word := range strings.SplitSeq(para, " ") {
			if word == "" {
				continue
			}
			if len(line) > 0 {
				if ww, ok := measure(word, lineW+space); ok {
					line = append(line, word)
					lineW += space + ww
					continue
				}
				if flush(); full() {
					return d.cut(out, n, w)
				}
			}
			if ww, ok := measure(word, 0); ok {
				line, lineW = append(line, word), ww
				continue
			}
			// The word alone is too wide: break it where the width is
			// used up, at least one character to a line.
			d.splits++
			d.splitWords = append(d.splitWords, clip(word, 40))
			start, acc := 0, 0
			for i, r := range word {
				rw := p.runeWidth(r)
				if i > start && !fits(acc+rw) {
					if out = append(out, word[start:i]); full() {
						return d.cut(out, n, w)
					}
					start, acc = i, 0
				}
				acc += rw
			}
			line, lineW = append(line, word[start:]), acc
		}
		if flush(); full() {
			return d.cut(out, n, w)
		}
	}
	return out
}

// cut keeps the first n of more than n lines, the last with an ellipsis.
func (d *doc) cut(lines []string, n int, w float64) []string {
	lines = lines[:n]
	lines[n-1] = d.truncate(lines[n-1], w, -1)
	return lines
}

// fit shortens s with an ellipsis until it is at most w wide. It reads s
// only as far as fits in w.
func (d *doc) fit(s string, w float64) string {
	p := d.pdf
	_, size := p.GetFontSize()
	acc := 0
	for _, r := range s {
		if acc += p.runeWidth(r); float64(acc)*size/1000 > w {
			return d.truncate(s, w, 1)
		}
	}
	return s
}

// truncate returns the longest start of s, without the last drop
// characters (when drop is 1) and without white space around it, that fits
// in w with an ellipsis after it; just the ellipsis when none does. With
// drop -1 it may keep all of s.
func (d *doc) truncate(s string, w float64, drop int) string {
	p := d.pdf
	_, size := p.GetFontSize()
	fits := func(units int) bool { return float64(units)*size/1000 <= w }
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	limit := len(t)
	if drop == 1 {
		// the last character always goes
		_, size := utf8.DecodeLastRuneInString(t)
		limit -= size
	}
	ell := p.symbolWidth(ellipsis)
	acc, best := 0, 0
	for i := 0; i < limit; {
		r, size := utf8.DecodeRuneInString(t[i:])
		i += size
		acc += p.runeWidth(r)
		if unicode.IsSpace(r) {
			continue
		}
		if !fits(acc + ell) {
			break
		}
		best = i
	}
	return t[:best] + ellipsis
}
