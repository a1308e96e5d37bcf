// Package i18n translates and formats what users read, in Norwegian
// (bokmål, the default) and English. It serves the CLI, the estimate's
// check messages, the tender documents and the desktop UI alike, so that
// a figure reads the same everywhere:
//
//	l := i18n.New("nb")
//	l.NOK(decimal.NewFromInt(1234567)) // "1 234 567 kr"
//	l.Percent(decimal.RequireFromString("12.5"), 1) // "12,5 %"
//	l.T("check.zoning.bya.fail", i18n.Pct(d, 1), i18n.Pct(max, 1))
//
// Messages live in assets/translations/<area>.<lang>.json as flat key → text
// maps (one file per area and language, so that the CLI, the checks, the UI
// and the documents keep their own; a key may stand in one area only);
// a text takes its arguments with fmt verbs. Arguments are formatted for the
// locale before they are placed: ints and decimals as grouped numbers,
// Formatter values (NOK, Pct, M2) as they say, []string as a list ("a, b og
// c"), and anything with an In(lang) method as that text; so a text takes
// them all with %s (and %q or %v for raw values such as file names). A text
// is always a fmt format, with or without arguments: a literal percent sign
// is written %% ("%%-BYA").
//
// The language is Bokonsept's own setting, not the system locale: a
// Norwegian municipality gets bokmål on an English Windows too.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/hallingdal/bokonsept/assets"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Default is the default language: Norwegian bokmål.
const Default = "nb"

// Languages lists the supported language codes, the default first.
var Languages = []string{"nb", "en"}

// Locale translates keys and formats numbers for one language.
type Locale struct {
	lang    string
	msgs    map[string]string
	printer *message.Printer
}

var (
	loadOnce sync.Once
	tables   map[string]map[string]string
	loadErr  error
)

func load() {
	tables = make(map[string]map[string]string)
	for _, lang := range Languages {
		files, err := fs.Glob(assets.Translations, "translations/*."+lang+".json")
		if err != nil {
			loadErr = err
			return
		}
		m := make(map[string]string)
		for _, f := range files {
			data, err := assets.Translations.ReadFile(f)
			if err != nil {
				loadErr = err
				return
			}
			var part map[string]string
			if err := json.Unmarshal(data, &part); err != nil {
				loadErr = fmt.Errorf("%s: %w", f, err)
				return
			}
			for k, v := range part {
				if _, dup := m[k]; dup {
					loadErr = fmt.Errorf("%s: key %q is defined in another file too", f, k)
					return
				}
				m[k] = v
			}
		}
		tables[lang] = m
	}
}

// Table returns the messages of lang (key → text); used by tests that keep
// the languages in step.
func Table(lang string) (map[string]string, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	t, ok := tables[lang]
	if !ok {
		return nil, fmt.Errorf("i18n: unknown language %q", lang)
	}
	return t, nil
}

// Supported reports whether lang is one of Languages.
func Supported(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// New returns the locale for lang; an unsupported language gives bokmål.
func New(lang string) *Locale {
	if !Supported(lang) {
		lang = Default
	}
	loadOnce.Do(load)
	if loadErr != nil {
		panic("i18n: embedded translations are broken: " + loadErr.Error())
	}
	return &Locale{lang: lang, msgs: tables[lang], printer: message.NewPrinter(language.MustParse(lang))}
}

// Lang returns the locale's language code.
func (l *Locale) Lang() string { return l.lang }

// Has reports whether the locale has a text for key.
func (l *Locale) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// T returns the text for key with args formatted for the locale. A missing
// key falls back to bokmål, then to the key itself, so a gap shows rather
// than hides.
func (l *Locale) T(key string, args ...any) string {
	msg, ok := l.msgs[key]
	if !ok {
		if msg, ok = tables[Default][key]; !ok {
			msg = key
		}
	}
	conv := make([]any, len(args))
	for i, a := range args {
		conv[i] = l.arg(a)
	}
	return fmt.Sprintf(msg, conv...)
}

// Formatter is an argument that formats itself for a locale.
type Formatter interface {
	Format(l *Locale) string
}

type texter interface{ In(lang string) string }

func (l *Locale) arg(a any) any {
	switch v := a.(type) {
	case Formatter:
		return v.Format(l)
	case decimal.Decimal:
		return l.Number(v, 2)
	case *decimal.Decimal:
		if v == nil {
			return "–"
		}
		return l.Number(*v, 2)
	case int:
		return l.Int(int64(v))
	case texter:
		return v.In(l.lang)
	case []string:
		return l.List(v)
	}
	return a
}

// Int formats a whole number with the locale's grouping ("1 234").
func (l *Locale) Int(n int64) string {
	return l.printer.Sprint(number.Decimal(n))
}

// Number formats d rounded (half away from zero) to at most places decimals,
// without trailing zeros: "1 234,5". Every digit is exact, however long
// the number.
func (l *Locale) Number(d decimal.Decimal, places int32) string {
	r := d.Round(places)
	if exactDigits(r) {
		return l.exact(r.String())
	}
	f, _ := r.Float64()
	return l.printer.Sprint(number.Decimal(f, number.MaxFractionDigits(int(places))))
}

// Fixed formats d rounded to exactly places decimals: "12,50".
func (l *Locale) Fixed(d decimal.Decimal, places int32) string {
	r := d.Round(places)
	if exactDigits(r) {
		return l.exact(r.StringFixed(places))
	}
	f, _ := r.Float64()
	return l.printer.Sprint(number.Decimal(f, number.Scale(int(places))))
}

// exactDigits reports whether d has more significant digits than a
// float64 keeps (15), so that it must be formatted from its digits.
func exactDigits(d decimal.Decimal) bool {
	c := d.Coefficient()
	return c.CmpAbs(maxFloatExact) > 0
}

// maxFloatExact is the largest coefficient of 15 digits.
var maxFloatExact = decimal.RequireFromString("999999999999999").BigInt()

// exact formats a number given as plain digits ("-1234567.50") with the
// locale's minus sign, grouping and decimal separator, taken from how the
// printer writes -1234.5.
func (l *Locale) exact(plain string) string {
	minus, group, point := l.symbols()
	neg := strings.HasPrefix(plain, "-")
	plain = strings.TrimPrefix(plain, "-")
	whole, frac, hasFrac := strings.Cut(plain, ".")
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// symbols returns the locale's minus sign, group separator and decimal
// separator, as its printer writes -1234.5 (nb: "−1 234,5").
func (l *Locale) symbols() (minus, group, point string) {
	s := l.printer.Sprint(number.Decimal(-1234.5, number.MaxFractionDigits(1)))
	one := strings.IndexByte(s, '1')
	two := strings.IndexByte(s, '2')
	four := strings.IndexByte(s, '4')
	five := strings.IndexByte(s, '5')
	if one < 0 || two < one || four < two || five < four {
		return "-", ",", "."
	}
	return s[:one], s[one+1 : two], s[four+1 : five]
}

// NOK formats an amount in whole kroner: "1 234 567 kr" (English "NOK 1,234,567").
func (l *Locale) NOK(d decimal.Decimal) string {
	s := l.Number(d, 0)
	if l.lang == "en" {
		return "NOK " + s
	}
	return s + "\u00a0kr"
}

// Percent formats a percentage with at most places decimals: "12,5 %" ("12.5%").
func (l *Locale) Percent(d decimal.Decimal, places int32) string {
	return l.percentSign(l.Number(d, places))
}

// PercentFixed formats a percentage with exactly places decimals, so that
// percentages in a column line up: "5,0 %" beside "8,2 %" ("5.0%").
func (l *Locale) PercentFixed(d decimal.Decimal, places int32) string {
	return l.percentSign(l.Fixed(d, places))
}

// percentSign puts the percent sign after the number s: after a no-break
// space in Norwegian, straight after it in English.
func (l *Locale) percentSign(s string) string {
	if l.lang == "en" {
		return s + "%"
	}
	return s + "\u00a0%"
}

// Area formats an area in m² with at most one decimal: "1 234,5 m²".
func (l *Locale) Area(d decimal.Decimal) string {
	return l.Number(d, 1) + "\u00a0m²"
}

// List joins items the way the language does: "a, b og c" / "a, b and c".
func (l *Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := " og "
	if l.lang == "en" {
		and = " and "
	}
	s := items[0]
	for _, it := range items[1 : len(items)-1] {
		s += ", " + it
	}
	return s + and + items[len(items)-1]
}

// Keys returns the sorted keys of the locale's messages.
func (l *Locale) Keys() []string {
	keys := make([]string, 0, len(l.msgs))
	for k := range l.msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// NOK is an argument formatted as an amount in kroner.
type NOK decimal.Decimal

// Format implements Formatter.
func (n NOK) Format(l *Locale) string { return l.NOK(decimal.Decimal(n)) }

// Pct is an argument formatted as a percentage with one decimal.
type Pct decimal.Decimal

// Format implements Formatter: always one decimal ("15,0 %" beside
// "6,6 %"), so the percentages of one message read alike.
func (p Pct) Format(l *Locale) string { return l.PercentFixed(decimal.Decimal(p), 1) }

// M2 is an argument formatted as an area in m².
type M2 decimal.Decimal

// Format implements Formatter.
func (a M2) Format(l *Locale) string { return l.Area(decimal.Decimal(a)) }
