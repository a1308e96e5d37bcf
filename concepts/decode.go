package concepts

import (
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// decoder walks a yaml.Node tree into Go values by their `yaml:"name"` tags,
// strictly: unknown and duplicate keys, wrong types and missing required
// fields are errors. A field is required unless it is a pointer or its tag
// says omitempty. The tree holds no anchors or aliases (checkAliases has
// refused them).
type decoder struct {
	errs *errs
	src  *source
	// flowDepth counts the flow mappings ({ }) being decoded.
	flowDepth int
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	rangeType   = reflect.TypeFor[Range]()
	textType    = reflect.TypeFor[Text]()
)

// field is one decodable struct field.
type field struct {
	name     string
	index    int
	required bool
}

var fieldCache sync.Map // reflect.Type → []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("yaml")
		if !ok || tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		omit := slices.Contains(strings.Split(opts, ","), "omitempty")
		out = append(out, field{name: name, index: i, required: !omit && sf.Type.Kind() != reflect.Pointer})
	}
	fieldCache.Store(t, out)
	return out
}

// cx is a message context: the context of the parent node, the field name
// of the node and how messages name it, such as {`unit type "solenga-2r"`,
// "rates", `rates`}; a map entry or list item is named by its label
// (`rates "2"`, `unit "solenga-2r"`).
type cx struct {
	parent where
	name   string
	label  Part
}

// where returns the context of the node itself.
func (c cx) where() where {
	if c.label.Key == "" {
		return c.parent
	}
	return c.parent.with(c.label)
}

// in returns the context of a child field named name.
func (c cx) in(name string) cx { return cx{c.where(), name, fieldPart(name)} }

// errorf reports a problem with node n: the text key takes args.
func (d *decoder) errorf(n *yaml.Node, c cx, key string, args ...any) {
	d.errs.add(n.Line, n.Column, nil, c.where(), key, args...)
}

// record remembers the position of the value at path.
func (d *decoder) record(path string, n *yaml.Node) {
	d.src.val[path] = pos{n.Line, n.Column}
}

// describe says what a node is, for "needs X, not Y" messages.
func describe(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		return Part{Key: "concepts.node.mapping"}
	case yaml.SequenceNode:
		return Part{Key: "concepts.node.list"}
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return Part{Key: "concepts.node.nothing"}
		}
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return quoted(v)
	}
	return Part{Key: "concepts.node.alias"}
}

// decode decodes node n into v. path is the node path for the position
// index, c the message context.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, c cx) {
	d.record(path, n)
	before := len(d.errs.list)
	defer func() {
		if len(d.errs.list) > before && (isLeaf(v.Type()) || !kindFits(n, v.Type())) {
			d.src.bad[path] = true
		}
	}()
	t := v.Type()
	switch {
	case t == decimalType:
		if dec, ok := d.number(n, c); ok {
			v.Set(reflect.ValueOf(dec))
		}
		return
	case t == rangeType:
		d.decodeRange(n, v, path, c)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			v.SetZero()
			return
		}
		p := reflect.New(t.Elem())
		d.decode(n, p.Elem(), path, c)
		v.Set(p)
	case reflect.Struct:
		d.decodeStruct(n, v, path, c)
	case reflect.Map:
		if t == textType && n.Kind != yaml.MappingNode {
			d.errorf(n, c, "concepts.decode.text_per_language", describe(n))
			return
		}
		d.decodeMap(n, v, path, c)
	case reflect.Slice:
		d.decodeSlice(n, v, path, c)
	case reflect.Array:
		d.decodeArray(n, v, path, c)
	case reflect.String:
		if n.Kind != yaml.ScalarNode || isNull(n) {
			d.errorf(n, c, "concepts.decode.text", describe(n), d.commaHint(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64, reflect.Int32:
		if i, ok := d.integer(n, c); ok {
			v.SetInt(i)
		}
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		w, ok := d.whole(n, c)
		if !ok {
			return
		}
		most := decimal.NewFromBigInt(new(big.Int).SetUint64(uint64(1)<<(t.Bits()-1)*2-1), 0)
		switch {
		case w.Sign() < 0:
			d.errorf(n, c, "concepts.decode.whole_number_range", num(most), num(w))
		case !fits(w, most):
			d.errorf(n, c, "concepts.decode.too_large", num(most))
		default:
			v.SetUint(w.BigInt().Uint64())
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errorf(n, c, "concepts.decode.bool", describe(n))
			return
		}
		v.SetBool(strings.EqualFold(n.Value, "true"))
	default:
		panic(fmt.Sprintf("concepts: cannot decode into %s", t))
	}
}

// isLeaf reports whether values of t are decoded from one node (a scalar
// or a range).
func isLeaf(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		return t == decimalType || t == rangeType
	case reflect.Map, reflect.Slice:
		return false
	}
	return true
}

// kindFits reports whether node n has the kind a value of type t is decoded from.
func kindFits(n *yaml.Node, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return n.Kind == yaml.MappingNode
	case reflect.Slice, reflect.Array:
		return n.Kind == yaml.SequenceNode
	}
	return n.Kind == yaml.ScalarNode
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// commaHint explains a null value inside a flow mapping, which is most
// often text with a comma that was not quoted: {nb: Vann, avløp}. It is
// the zero Part (no text) otherwise.
func (d *decoder) commaHint(n *yaml.Node) Part {
	if isNull(n) && d.flowDepth > 0 {
		return Part{Key: "concepts.decode.comma_hint"}
	}
	return Part{}
}

// Bounds of the whole numbers the decoder takes (±2⁴⁰); each field's own
// range is checked by validation (docs/FORMATS.md).
var (
	maxInteger = decimal.NewFromInt(1 << 40)
	minInteger = decimal.NewFromInt(-1 << 40)
)

var (
	// plainNumber is a decimal number written out: 12, -3.5, .5, 7.
	plainNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$`)
	// exponentNumber is a number written with an exponent: 1e6, 2.5E-3.
	exponentNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+$`)
)

func (d *decoder) decodeRange(n *yaml.Node, v reflect.Value, path string, c cx) {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 3 {
		what := describe(n)
		if n.Kind == yaml.SequenceNode {
			what = Part{Key: "concepts.node.numbers", Args: []any{len(n.Content)}}
		}
		d.errorf(n, c, "concepts.decode.range", what)
		return
	}
	var r [3]decimal.Decimal
	ok := true
	for i, e := range n.Content {
		d.record(join(path, i), e)
		dec, good := d.number(e, c)
		r[i] = dec
		ok = ok && good
	}
	if ok {
		v.Set(reflect.ValueOf(Range{r[0], r[1], r[2]}))
	}
}

// mappingPairs checks that n is a mapping with scalar, unique keys and
// calls f for each entry.
func (d *decoder) mappingPairs(n *yaml.Node, path string, c cx, f func(key string, k, val *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, c, "concepts.decode.mapping", describe(n))
		return
	}
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.errorf(k, c, "concepts.decode.key", describe(k))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, c, "concepts.decode.duplicate_key", quoted(k.Value), line)
			continue
		}
		seen[k.Value] = k.Line
		d.src.key[join(path, k.Value)] = pos{k.Line, k.Column}
		f(k.Value, k, val)
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string, c cx) {
	fields := fieldsOf(v.Type())
	found := make([]bool, len(fields))
	if n.Style&yaml.FlowStyle != 0 {
		d.flowDepth++
		defer func() { d.flowDepth-- }()
	}
	d.mappingPairs(n, path, c, func(key string, k, val *yaml.Node) {
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == key })
		if i < 0 {
			d.unknownField(k, c, key, fields)
			return
		}
		found[i] = true
		f := fields[i]
		if !f.required && isNull(val) {
			return // an optional field with no value is left out
		}
		if f.required && isNull(val) {
			d.src.bad[join(path, key)] = true
			d.errorf(val, c.in(key), "concepts.decode.value", d.commaHint(val))
			return
		}
		d.decode(val, v.Field(f.index), join(path, key), c.in(key))
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	var missing []string
	for i, f := range fields {
		if f.required && !found[i] {
			d.src.bad[join(path, f.name)] = true
			missing = append(missing, f.name)
		}
	}
	if len(missing) == 1 {
		d.errorf(n, c, "concepts.decode.missing_field", quoted(missing[0]))
	} else if len(missing) > 1 {
		d.errorf(n, c, "concepts.decode.missing_fields", quotedList(missing))
	}
}

// unknownField reports key k, which is not one of fields, with the field a
// misspelt key most likely meant, or else the known fields.
func (d *decoder) unknownField(k *yaml.Node, c cx, key string, fields []field) {
	best, bestD := "", 3
	var known names
	for _, f := range fields {
		known = append(known, f.name)
		if dist := editDistance(key, f.name); dist < bestD {
			best, bestD = f.name, dist
		}
	}
	if best != "" {
		d.errorf(k, c, "concepts.decode.unknown_field_mean", quoted(key), quoted(best))
		return
	}
	d.errorf(k, c, "concepts.decode.unknown_field_known", quoted(key), known)
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string, c cx) {
	t := v.Type()
	m := reflect.MakeMap(t)
	if n.Style&yaml.FlowStyle != 0 {
		d.flowDepth++
		defer func() { d.flowDepth-- }()
	}
	d.mappingPairs(n, path, c, func(key string, _, val *yaml.Node) {
		e := reflect.New(t.Elem()).Elem()
		d.decode(val, e, join(path, key), cx{c.parent, "", entryLabel(c.name, key)})
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	})
	v.Set(m)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string, c cx) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, c, "concepts.decode.list", describe(n))
		return
	}
	_, labelled := listLabels[c.name]
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, e := range n.Content {
		ec := c
		if labelled {
			ec = cx{c.parent, "", itemLabel(c.name, itemKey(c.name, e), i)}
		}
		d.decode(e, s.Index(i), join(path, i), ec)
	}
	v.Set(s)
}

// itemKey returns the identifying key of a list item node ("" if none).
func itemKey(field string, n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	keys := []string{listLabels[field].key, "item"}
	for _, want := range keys {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == want && v.Kind == yaml.ScalarNode && !isNull(v) {
				return v.Value
			}
		}
	}
	return ""
}
