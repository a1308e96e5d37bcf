package concepts

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// digits counts the decimal digits in s.
func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// maxDigits is the most digits (before and after the point) a number in a
// file may have: far more than any amount, rate or area needs.
const maxDigits = 40

// integer decodes a whole number: an integer, or a number without a
// fraction however it is written (1e3, 12.0), within ±2⁴⁰. A number
// beyond that is "too large", not "not a whole number".
func (d *decoder) integer(n *yaml.Node, c cx) (int64, bool) {
	w, ok := d.whole(n, c)
	if !ok {
		return 0, false
	}
	switch {
	case !fits(w, maxInteger):
		d.errorf(n, c, "concepts.decode.too_large", num(maxInteger))
	case !fits(minInteger, w):
		d.errorf(n, c, "concepts.decode.too_small", num(minInteger))
	default:
		return w.IntPart(), true
	}
	return 0, false
}

// whole decodes a whole number of any size (an integer in any base YAML
// allows, or a number without a fraction written with a point or an
// exponent), reporting anything else. A number of more than a hundred
// characters is too large (or too small) for any field and is not parsed.
func (d *decoder) whole(n *yaml.Node, c cx) (decimal.Decimal, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float" || hugeFloat(n)) {
		s := strings.ReplaceAll(n.Value, "_", "")
		switch {
		case len(s) > 100 && strings.HasPrefix(s, "-"):
			d.errorf(n, c, "concepts.decode.too_small", num(minInteger))
			return decimal.Decimal{}, false
		case len(s) > 100:
			d.errorf(n, c, "concepts.decode.too_large", num(maxInteger))
			return decimal.Decimal{}, false
		case n.Tag == "!!int":
			if i, ok := new(big.Int).SetString(s, 0); ok {
				return decimal.NewFromBigInt(i, 0), true
			}
		default:
			if dec, err := decimal.NewFromString(s); err == nil {
				if !dec.IsInteger() {
					d.errorf(n, c, "concepts.decode.whole_number", num(dec))
					return decimal.Decimal{}, false
				}
				return dec, true
			}
		}
	}
	d.errorf(n, c, "concepts.decode.whole_number", describe(n))
	return decimal.Decimal{}, false
}

// hugeFloat reports whether n is a number with an exponent too large for a
// float64 (1e1000), which YAML leaves as text though it is written as a
// number.
func hugeFloat(n *yaml.Node) bool {
	return n.Tag == "!!str" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 &&
		exponentNumber.MatchString(strings.ReplaceAll(n.Value, "_", ""))
}

// fits reports whether a ≤ b, without ever expanding a huge exponent
// (1e1000000000) into its digits: a number with more digits before its
// point than maxDigits is beyond every bound.
func fits(a, b decimal.Decimal) bool {
	if magnitude(a) > maxDigits || magnitude(b) > maxDigits {
		// Only the signs and sizes matter: compare as ±∞.
		ha, hb := magnitude(a) > maxDigits, magnitude(b) > maxDigits
		switch {
		case ha && hb:
			return a.Sign() <= b.Sign()
		case ha:
			return a.Sign() < 0
		default:
			return b.Sign() > 0
		}
	}
	return a.LessThanOrEqual(b)
}

// magnitude returns how many digits d has before its point (at most; 0
// for a fraction).
func magnitude(d decimal.Decimal) int64 {
	return max(0, int64(len(d.Coefficient().String()))+int64(d.Exponent()))
}

// number decodes a decimal number from the scalar's text, exactly.
func (d *decoder) number(n *yaml.Node, c cx) (decimal.Decimal, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!str") {
		s := strings.ReplaceAll(n.Value, "_", "")
		switch {
		case plainNumber.MatchString(s) && digits(s) > maxDigits:
			d.errorf(n, c, "concepts.decode.too_many_digits", maxDigits)
			return decimal.Decimal{}, false
		case plainNumber.MatchString(s):
			if dec, err := decimal.NewFromString(s); err == nil {
				return dec, true
			}
		case len(s) <= 2*maxDigits && exponentNumber.MatchString(s):
			d.errorf(n, c, "concepts.decode.exponent", describe(n))
			return decimal.Decimal{}, false
		}
	}
	d.errorf(n, c, "concepts.decode.number", describe(n))
	return decimal.Decimal{}, false
}
