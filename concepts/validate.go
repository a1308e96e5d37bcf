package concepts

import (
	"regexp"
	"strconv"
	"unicode"

	"github.com/shopspring/decimal"
)

// Bounds the validation enforces beyond the formats' invariants; they catch
// typing mistakes (an extra zero) and are documented in docs/FORMATS.md.
const (
	// MaxIterations is the most simulation iterations a concept may ask for.
	MaxIterations = 1_000_000
	// MaxCount is the largest count of one unit type in a variant.
	MaxCount = 10_000
	// MaxStoreys is the most storeys a unit type's building may have.
	MaxStoreys = 50
)

// MaxIndexValue is the largest value a cost index may hold.
var MaxIndexValue = decimal.NewFromInt(1_000_000)

var (
	hundred    = decimal.NewFromInt(100)
	thousand   = decimal.NewFromInt(1000)
	ten        = decimal.NewFromInt(10)
	monthRe    = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	dateRe     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	unitCodeRe = regexp.MustCompile(`^[2-6][0-9]?$`)
	factorRe   = regexp.MustCompile(`^[2-9][0-9]?$`)
	accountRe  = regexp.MustCompile(`^(7[0-9]|8|9)$`)
)

// checker collects the validation errors of one document, positioned by
// the document's source when it has one.
type checker struct {
	e   *errs
	src *source
}

func newChecker(src *source) *checker {
	return &checker{e: &errs{file: src.fileName()}, src: src}
}

// at reports a problem with the value at path, in context w: the text key
// takes args.
func (k *checker) at(path string, w where, key string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.at(path)
	k.e.add(p.line, p.col, nil, w, key, args...)
}

// atKey reports a problem with the mapping key at path.
func (k *checker) atKey(path string, w where, key string, args ...any) {
	if k.src.isBad(path) {
		return
	}
	p := k.src.keyAt(path)
	k.e.add(p.line, p.col, nil, w, key, args...)
}

// text checks a required name: not empty, at most MaxNameLength
// characters (a catalogue path 4096), no control characters.
func (k *checker) text(path string, w where, name, s string) {
	if s == "" {
		k.at(join(path, name), w, "concepts.empty", name)
		return
	}
	most := MaxNameLength
	if name == "catalogue" {
		most = maxPathLength
	}
	k.str(path, w, name, s, most, false)
}

// uniqueName checks the name of a list entry at path: not empty (empty),
// not one seen before in the list (twice), and as text may be; it adds the
// name to seen.
func (k *checker) uniqueName(path string, w where, name string, seen map[string]bool, empty, twice string) {
	switch {
	case name == "":
		k.at(join(path, "name"), w, empty)
	case seen[name]:
		k.at(join(path, "name"), w, twice, quoted(name))
	default:
		k.str(path, w, "name", name, MaxNameLength, false)
	}
	seen[name] = true
}

// count reports a list at path/name with more than most entries.
func (k *checker) count(path string, w where, name string, n, most int) {
	if n > most {
		k.at(join(path, name), w, "concepts.concept.too_many", name, n, most)
	}
}

// strconvItoa numbers a list entry in messages.
func strconvItoa(i int) string { return strconv.Itoa(i) }

// maxPathLength is the longest file reference (catalogue, price book).
const maxPathLength = 4096

// id checks an id and that it is unique among seen.
func (k *checker) id(path string, w where, id string, seen map[string]bool) {
	switch {
	case id == "":
		k.at(join(path, "id"), w, "concepts.id.empty")
	case !validID(id):
		k.at(join(path, "id"), w, "concepts.id.invalid", quoted(id))
	case seen[id]:
		k.at(join(path, "id"), w, "concepts.id.duplicate", quoted(id))
	}
	seen[id] = true
}

func validID(id string) bool {
	for _, r := range id {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// between checks lo <= d <= hi (either bound may be nil); why says what
// the value is, such as "a percentage from 0 to 100".
func (k *checker) between(path string, w where, name string, d decimal.Decimal, lo, hi *decimal.Decimal, why Part) {
	if (lo != nil && d.LessThan(*lo)) || (hi != nil && d.GreaterThan(*hi)) {
		k.at(join(path, name), w, "concepts.out_of_range_why", name, num(d), why)
	}
}

// percentage is the why of between for percentages.
var percentage = Part{Key: "concepts.why.percentage"}

func decimalPtr(i int64) *decimal.Decimal { d := decimal.NewFromInt(i); return &d }

// rng checks 0 <= low <= likely <= high; positive asks for 0 < low.
func (k *checker) rng(path string, w where, r Range, positive bool) {
	switch {
	case positive && !r.Low.IsPositive():
		k.at(path, w, "concepts.range.low_not_positive", num(r.Low))
	case r.Low.IsNegative():
		k.at(path, w, "concepts.range.low_negative", num(r.Low))
	}
	if r.Low.GreaterThan(r.Likely) {
		k.at(path, w, "concepts.range.low_above_likely", num(r.Low), num(r.Likely))
	}
	if r.Likely.GreaterThan(r.High) {
		k.at(path, w, "concepts.range.likely_above_high", num(r.Likely), num(r.High))
	}
}

// codes checks a map of NS 3451 codes to ranges.
func (k *checker) codes(path string, w where, name string, m map[string]Range) {
	for _, code := range sortedKeys(m) {
		p := join(path, name, code)
		ec := w.with(entryLabel(name, code))
		if !unitCodeRe.MatchString(code) {
			k.atKey(p, ec, "concepts.code.post_2_6", quoted(code))
			continue
		}
		k.rng(p, ec, m[code], false)
		lim := LimitRate
		if name == "fixed" {
			lim = LimitFixed
		}
		k.limitRange(p, ec, m[code], lim)
	}
}
