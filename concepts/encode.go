package concepts

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// flowTypes are the small records written in flow style, as in docs/FORMATS.md's
// example: {type: solenga-2r, count: 12}.
var flowTypes = map[reflect.Type]bool{
	reflect.TypeFor[Revision]():          true,
	reflect.TypeFor[Simulation]():        true,
	reflect.TypeFor[UncertaintyFactor](): true,
	reflect.TypeFor[Risk]():              true,
	reflect.TypeFor[UnitLine]():          true,
	reflect.TypeFor[SiteItemLine]():      true,
	reflect.TypeFor[Loan]():              true,
	reflect.TypeFor[CooperativeLoan]():   true,
	reflect.TypeFor[Household]():         true,
	reflect.TypeFor[LayoutEntry]():       true,
	reflect.TypeFor[Footprint]():         true,
	reflect.TypeFor[AwardCriterion]():    true,
}

// keepZero are optional fields written even when zero, so a hand-written
// "paved_m2: 0" and its comment survive saving.
var keepZero = map[string]bool{"paved_m2": true, "land_cost": true, "rotation": true}

// EncodeConcept writes the concept in its file format: ranges and small
// records in flow style, decimals as plain numbers exactly as they were read
// ("12.50" stays 12.50). When original (the file as it was loaded) is given,
// its hand-written comments are carried over to the same places: mapping
// entries are matched by key, list items by their name, type or item, else
// by position. Loading the result gives back an equal concept.
func EncodeConcept(c *Concept, original []byte) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("concepts: EncodeConcept of a nil concept")
	}
	// Comments are read from the file with Unix line endings (yaml.v3
	// keeps a CR in a comment's text); the file's own are put back at the end.
	asLoaded := original
	original = bytes.ReplaceAll(original, []byte("\r\n"), []byte("\n"))
	root := encodeValue(reflect.ValueOf(c).Elem(), false)
	unitsFirst(root, c)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	if len(original) > 0 {
		if data, err := precheck("", original); err == nil {
			var old yaml.Node
			if yaml.Unmarshal(data, &old) == nil && old.Kind == yaml.DocumentNode {
				copyComments(&old, doc)
			}
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("concepts: encoding concept %q: %w", c.Name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("concepts: encoding concept %q: %w", c.Name, err)
	}
	out := buf.Bytes()
	if len(original) > 0 {
		out = alignComments(out, original)
	}
	return keepTextStyle(out, asLoaded), nil
}

// keepTextStyle gives out the line endings and byte order mark of original,
// so that a file written on Windows (CRLF line endings, perhaps with a UTF-8
// byte order mark) is saved the way it came: the first line break of
// original decides. Line breaks inside block scalars change with the rest;
// YAML reads CRLF and LF alike, so the values do not change.
func keepTextStyle(out, original []byte) []byte {
	if i := bytes.IndexByte(original, '\n'); i > 0 && original[i-1] == '\r' {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	if bytes.HasPrefix(original, bom) {
		out = append(append([]byte{}, bom...), out...)
	}
	return out
}

// alignComments gives every unchanged line with a line comment the spacing
// before its "#" it had in the original (yaml.v3 writes one space), so
// comments aligned in columns stay aligned. The result is used only when it
// parses to the same values.
func alignComments(out, original []byte) []byte {
	orig := map[string]string{}
	for _, l := range strings.Split(string(original), "\n") {
		l = strings.TrimRight(l, "\r")
		for i := strings.Index(l, " #"); i >= 0; {
			prefix := strings.TrimRight(l[:i+1], " ")
			if prefix != "" && strings.TrimSpace(prefix) != "" {
				orig[prefix+" "+l[i+1:]] = l
			}
			j := strings.Index(l[i+2:], " #")
			if j < 0 {
				break
			}
			i += 2 + j
		}
	}
	if len(orig) == 0 {
		return out
	}
	lines := strings.Split(string(out), "\n")
	changed := false
	for i, l := range lines {
		if o, ok := orig[l]; ok && o != l {
			lines[i] = o
			changed = true
		}
	}
	if !changed {
		return out
	}
	aligned := []byte(strings.Join(lines, "\n"))
	var a, b yaml.Node
	if yaml.Unmarshal(out, &a) != nil || yaml.Unmarshal(aligned, &b) != nil || !sameValues(&a, &b) {
		return out
	}
	return aligned
}

// sameValues reports whether two node trees hold the same values,
// ignoring comments and positions.
func sameValues(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !sameValues(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

// formatDecimal writes d with as many decimals as it was read with.
func formatDecimal(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

func encodeValue(v reflect.Value, flow bool) *yaml.Node {
	t := v.Type()
	switch {
	case t == decimalType:
		d := v.Interface().(decimal.Decimal)
		s := formatDecimal(d)
		if strings.Contains(s, ".") {
			return scalar("!!float", s)
		}
		return scalar("!!int", s)
	case t == rangeType:
		r := v.Interface().(Range)
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, d := range []decimal.Decimal{r.Low, r.Likely, r.High} {
			n.Content = append(n.Content, encodeValue(reflect.ValueOf(d), true))
		}
		return n
	}
	switch t.Kind() {
	case reflect.Pointer:
		return encodeValue(v.Elem(), flow)
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		if flow || flowTypes[t] {
			n.Style = yaml.FlowStyle
			flow = true
		}
		for _, f := range fieldsOf(t) {
			fv := v.Field(f.index)
			if !f.required && fv.IsZero() && !keepZero[f.name] {
				continue
			}
			if !f.required && fv.Kind() == reflect.Slice && fv.Len() == 0 {
				continue
			}
			val := encodeValue(fv, flow)
			if isDateField(t, f.name) && dateRe.MatchString(val.Value) {
				val.Tag = "!!timestamp"
			}
			n.Content = append(n.Content, scalar("!!str", f.name), val)
		}
		return n
	case reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if flow || t.Elem().Kind() == reflect.String || t.Elem().Kind() == reflect.Array || v.Len() == 0 {
			n.Style = yaml.FlowStyle
		}
		for i := range v.Len() {
			n.Content = append(n.Content, encodeValue(v.Index(i), flow))
		}
		return n
	case reflect.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for i := range v.Len() {
			n.Content = append(n.Content, encodeValue(v.Index(i), true))
		}
		return n
	case reflect.Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		if flow {
			n.Style = yaml.FlowStyle
		}
		keys := v.MapKeys()
		strs := make([]string, len(keys))
		for i, k := range keys {
			strs[i] = k.String()
		}
		for _, k := range sortedStrings(strs) {
			n.Content = append(n.Content, scalar("!!str", k), encodeValue(v.MapIndex(reflect.ValueOf(k).Convert(t.Key())), flow))
		}
		return n
	case reflect.String:
		return scalar("!!str", v.String())
	case reflect.Bool:
		return scalar("!!bool", strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int32, reflect.Int64:
		return scalar("!!int", strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint32, reflect.Uint64:
		return scalar("!!int", strconv.FormatUint(v.Uint(), 10))
	}
	panic(fmt.Sprintf("concepts: cannot encode %s", t))
}

func sortedStrings(s []string) []string {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return sortedKeys(m)
}

// comments are the comments of one node.
type comments struct{ head, line, foot string }

func (c comments) empty() bool { return c.head == "" && c.line == "" && c.foot == "" }

// copyComments carries the comments of the old document over to the nodes
// of the new one with the same path.
func copyComments(old, doc *yaml.Node) {
	found := map[string]comments{}
	walkPaths(old, "", func(path string, n *yaml.Node) {
		if c := (comments{n.HeadComment, n.LineComment, n.FootComment}); !c.empty() {
			found[path] = c
		}
	})
	walkPaths(doc, "", func(path string, n *yaml.Node) {
		if c, ok := found[path]; ok {
			n.HeadComment, n.LineComment, n.FootComment = c.head, c.line, c.foot
		}
	})
	liftFlowFootComments(doc)
}

// liftFlowFootComments moves the foot comment of a flow-style item of a
// block list to the key of that list, where yaml.v3 writes it after the
// list (on a flow node it would write a stray comma).
func liftFlowFootComments(n *yaml.Node) {
	for _, c := range n.Content {
		liftFlowFootComments(c)
	}
	if n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle != 0 {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 {
			continue
		}
		for _, c := range v.Content {
			if c.Style&yaml.FlowStyle != 0 && c.FootComment != "" {
				k.FootComment = strings.TrimPrefix(k.FootComment+"\n"+c.FootComment, "\n")
				c.FootComment = ""
			}
		}
	}
}

// walkPaths calls f for n and every node under it with a path that stays
// the same when list items move: mapping keys by name ("site/area_m2#key"
// for the key node), list items by their name, type, item or id, else by
// position.
func walkPaths(n *yaml.Node, path string, f func(string, *yaml.Node)) {
	f(path, n)
	switch n.Kind {
	case yaml.DocumentNode:
		for i, c := range n.Content {
			walkPaths(c, join(path, "doc"+strconv.Itoa(i)), f)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := join(path, k.Value)
			f(p+"#key", k)
			walkPaths(v, p, f)
		}
	case yaml.SequenceNode:
		seen := map[string]bool{}
		for i, c := range n.Content {
			key := "#" + strconv.Itoa(i)
			if id := seqItemID(c); id != "" && !seen[id] {
				key = "=" + id
				seen[id] = true
			}
			walkPaths(c, join(path, key), f)
		}
	}
}

// seqItemID identifies a list item by its name, type, item or id.
func seqItemID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for _, want := range []string{"name", "type", "item", "id"} {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == want && n.Content[i+1].Kind == yaml.ScalarNode {
				return want + ":" + n.Content[i+1].Value
			}
		}
	}
	return ""
}
