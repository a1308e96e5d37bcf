package concepts

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/hallingdal/bokonsept/i18n"
	"github.com/shopspring/decimal"
)

// Part is one translatable piece of an error message: a key of the
// concepts translations (assets/translations/concepts.<lang>.json) and the
// arguments its text takes. An Error's Context is made of Parts, and a Part
// can be the argument of another message.
type Part struct {
	// Key names the text, such as "concepts.range.low_above_likely"; the
	// zero Part renders as "".
	Key string
	// Args are the values the text takes, formatted for the language by
	// package i18n.
	Args []any
}

// Format renders the part in l's language; it makes Part an
// i18n.Formatter.
func (p Part) Format(l *i18n.Locale) string {
	if p.Key == "" {
		return ""
	}
	return l.T(p.Key, p.Args...)
}

// String renders the part in English with the values as they are written
// in the file, the way Error.Msg shows it.
func (p Part) String() string {
	if p.Key == "" {
		return ""
	}
	text, ok := english()[p.Key]
	if !ok {
		text = p.Key + strings.Repeat(" %s", len(p.Args))
	}
	if len(p.Args) == 0 {
		return text
	}
	plain := make([]any, len(p.Args))
	for i, a := range p.Args {
		plain[i] = plainArg(a)
	}
	return fmt.Sprintf(text, plain...)
}

var englishOnce = sync.OnceValue(func() map[string]string {
	t, _ := i18n.Table("en")
	return t
})

// english returns the English texts (nil if the translations are broken,
// which the i18n tests rule out).
func english() map[string]string { return englishOnce() }

// plainArg returns an argument as Msg shows it: numbers as written in the
// file, names quoted as Go quotes them.
func plainArg(a any) any {
	switch v := a.(type) {
	case fmt.Stringer:
		return v.String()
	case int:
		return strconv.Itoa(v)
	}
	return a
}

// where is the path context of a message, outermost part first.
type where []Part

// with returns w followed by p (a new slice: contexts are shared).
func (w where) with(p Part) where {
	out := make(where, len(w), len(w)+1)
	copy(out, w)
	return append(out, p)
}

// field returns w followed by the field name.
func (w where) field(name string) where { return w.with(fieldPart(name)) }

// String joins the parts in English: `unit type "x": rates "2"`.
func (w where) String() string {
	var out []string
	for _, p := range w {
		if s := p.String(); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ": ")
}

// at returns the context of the top-level field name.
func at(name string) where { return where{fieldPart(name)} }

// fieldPart names a field as it is written in the file, in every language.
func fieldPart(name string) Part { return Part{Key: "concepts.ctx.field", Args: []any{name}} }

// quoted is a name or value from a file, shown in quotes: "x" in English
// (escaped as Go quotes it), «x» in Norwegian.
type quoted string

func (s quoted) String() string { return strconv.Quote(string(s)) }

// Format implements i18n.Formatter.
func (s quoted) Format(l *i18n.Locale) string {
	q := s.String()
	if l.Lang() == "en" {
		return q
	}
	return "«" + strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`) + "»"
}

// number is a number from a file, shown with all its decimals: "21000" in
// Msg, "21 000" in Norwegian, "21,000" in English.
type number decimal.Decimal

func num(d decimal.Decimal) number { return number(d) }

func (n number) String() string { return decimal.Decimal(n).String() }

// Format implements i18n.Formatter.
func (n number) Format(l *i18n.Locale) string {
	d := decimal.Decimal(n)
	return l.Number(d, max(0, -d.Exponent()))
}

// size is a file size in bytes: "4.0 MiB", "812 bytes".
type size int64

func (n size) String() string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
	return strconv.FormatInt(int64(n), 10) + " bytes"
}

// Format implements i18n.Formatter.
func (n size) Format(l *i18n.Locale) string {
	if n >= 1<<20 {
		mib := decimal.NewFromInt(int64(n)).Div(decimal.NewFromInt(1 << 20))
		return l.Fixed(mib, 1) + "\u00a0MiB"
	}
	return l.T("concepts.size.bytes", int(n))
}

// names is a list of ids or field names shown as they are: "a, b, c" in
// Msg, "a, b og c" in Norwegian; "none" when empty.
type names []string

func (s names) String() string {
	if len(s) == 0 {
		return Part{Key: keyNone}.String()
	}
	return strings.Join(s, ", ")
}

// Format implements i18n.Formatter.
func (s names) Format(l *i18n.Locale) string {
	if len(s) == 0 {
		return l.T(keyNone)
	}
	return l.List(s)
}

// quotedList is a list of names or codes shown quoted: `"2", "31"`.
type quotedList []string

func (s quotedList) String() string {
	if len(s) == 0 {
		return Part{Key: keyNone}.String()
	}
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = quoted(x).String()
	}
	return strings.Join(q, ", ")
}

// Format implements i18n.Formatter.
func (s quotedList) Format(l *i18n.Locale) string {
	if len(s) == 0 {
		return l.T(keyNone)
	}
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = quoted(x).Format(l)
	}
	return l.List(q)
}

// Keys that code outside the message texts refers to.
const (
	keyNone        = "concepts.none"
	keyMore        = "concepts.more"
	keyCannotRead  = "concepts.file.cannot_read"
	keyNotExist    = "concepts.file.not_exist"
	keyWrongKind   = "concepts.format.wrong_kind"
	keyUnknownKind = "concepts.format.unknown_kind"
)
