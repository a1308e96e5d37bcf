package concepts

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest file Bokonsept reads: far above any real
// catalogue or concept, and small enough that a wrong file is rejected at
// once instead of being parsed into a huge tree.
const MaxFileSize = 4 << 20

// FormatVersion is the version of the formats this Bokonsept reads and writes.
const FormatVersion = 1

var bom = []byte{0xEF, 0xBB, 0xBF}

// precheck rejects what is not a Bokonsept text file before the YAML
// parser sees it, and strips a UTF-8 byte order mark.
func precheck(file string, data []byte) ([]byte, error) {
	e := &errs{file: file}
	if len(data) > MaxFileSize {
		e.add(0, 0, ErrTooLarge, nil, "concepts.file.too_large", size(len(data)), size(MaxFileSize))
		return nil, e.err()
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		e.add(0, 0, ErrEmpty, nil, "concepts.file.empty_format", quoted("format: "+ConceptFormat))
		return nil, e.err()
	}
	if i := bytes.IndexByte(data, 0); i >= 0 || !utf8.Valid(data) {
		if i < 0 {
			i = invalidUTF8(data)
		}
		line, col := lineCol(data, i)
		e.add(line, col, ErrNotText, nil, "concepts.file.not_text")
		return nil, e.err()
	}
	if n := structureCount(data); n > maxStructure {
		e.add(0, 0, ErrTooLarge, nil, "concepts.file.too_many", n, maxStructure)
		return nil, e.err()
	}
	return data, nil
}

// maxStructure bounds the characters that can start a YAML node (line
// breaks, list dashes, colons, commas, brackets), and with them the size of
// the parsed tree: a file at the limit parses in well under a second and
// 200 MB. Real catalogues and concepts have a few thousand.
const maxStructure = 250_000

func structureCount(data []byte) int {
	n := 0
	for _, b := range data {
		switch b {
		case '\n', '-', ':', ',', '[', '{':
			n++
		}
	}
	return n
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lineCol returns the 1-based line and column (in characters) of offset i.
func lineCol(data []byte, i int) (int, int) {
	before := data[:i]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

var (
	yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	parserErr   = regexp.MustCompile(`^did not find expected ('|key|node content|<document start>)`)
)

// parse parses the YAML text into its root node; tabs used for indentation
// get a friendly message.
func parse(file string, data []byte) (*yaml.Node, error) {
	e := &errs{file: file}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		var extra yaml.Node
		if err2 := dec.Decode(&extra); err2 != io.EOF {
			line := 0
			if err2 == nil {
				line = extra.Line
			}
			if err2 == nil || tabLine(data) == 0 {
				e.add(line, 0, ErrSyntax, nil, "concepts.syntax.second_document")
				return nil, e.err()
			}
			err = err2
		}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			e.add(0, 0, ErrEmpty, nil, "concepts.file.only_comments", quoted("format: "+ConceptFormat))
			return nil, e.err()
		}
		if line := tabLine(data); line > 0 {
			col := bytes.IndexByte(lineOf(data, line), '\t') + 1
			e.add(line, col, ErrSyntax, nil, "concepts.syntax.tab")
			return nil, e.err()
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLineErr.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			// yaml.v3 gives the 0-based line for parser (not scanner) errors.
			if parserErr.MatchString(msg) {
				line++
			}
		}
		e.add(line, 0, ErrSyntax, nil, "concepts.syntax.yaml", yamlProblem(msg))
		return nil, e.err()
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		e.add(0, 0, ErrEmpty, nil, "concepts.file.empty")
		return nil, e.err()
	}
	return &doc, nil
}

// yamlProblems name the problems the YAML parser reports (gopkg.in/yaml.v3,
// in its English words) by the keys of their translations; a problem's
// submatches are its text's arguments.
var yamlProblems = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^found character that cannot start any token$`), "concepts.yaml.token"},
	{regexp.MustCompile(`^did not find expected key$`), "concepts.yaml.key"},
	{regexp.MustCompile(`^mapping values are not allowed in this context$`), "concepts.yaml.colon_here"},
	{regexp.MustCompile(`^mapping keys are not allowed in this context$`), "concepts.yaml.key_here"},
	{regexp.MustCompile(`^block sequence entries are not allowed in this context$`), "concepts.yaml.dash_here"},
	{regexp.MustCompile(`^could not find expected ':'$`), "concepts.yaml.no_colon"},
	{regexp.MustCompile(`^did not find expected ',' or '\]'$`), "concepts.yaml.flow_list"},
	{regexp.MustCompile(`^did not find expected ',' or '\}'$`), "concepts.yaml.flow_map"},
	{regexp.MustCompile(`^did not find expected '-' indicator$`), "concepts.yaml.dash"},
	{regexp.MustCompile(`^did not find expected node content$`), "concepts.yaml.value"},
	{regexp.MustCompile(`^did not find expected <(document|stream)-?start>$`), "concepts.yaml.top"},
	{regexp.MustCompile(`^found unexpected end of stream$`), "concepts.yaml.end"},
	{regexp.MustCompile(`^(found unknown escape character|did not find expected hexdecimal number|found invalid Unicode character escape code)$`), "concepts.yaml.escape"},
	{regexp.MustCompile(`^found unexpected document indicator$`), "concepts.yaml.document_marker"},
	{regexp.MustCompile(`^exceeded max depth of (\d+)$`), "concepts.yaml.depth"},
	{regexp.MustCompile(`^control characters are not allowed$`), "concepts.yaml.control"},
	{regexp.MustCompile(`^found a tab character`), "concepts.syntax.tab"},
	{regexp.MustCompile(`^did not find expected comment or line break$`), "concepts.yaml.after_value"},
	{regexp.MustCompile(`^found an indentation indicator equal to 0$`), "concepts.yaml.indent_zero"},
	{regexp.MustCompile(`^unknown anchor '(.*)' referenced$`), "concepts.yaml.unknown_anchor"},
	{regexp.MustCompile(`^(anchor '.*' value contains itself|document contains excessive aliasing|alias value must)`), "concepts.yaml.alias"},
	{regexp.MustCompile(`(directive|tag handle|version number|incompatible YAML document|expected whitespace|expected '>'|non-alphabetical character|alphabetic or numeric character|digit or '\.' character)`), "concepts.yaml.directive"},
	{regexp.MustCompile(`(UTF-8|UTF-16|Unicode character|surrogate|input error)`), "concepts.yaml.encoding"},
}

// yamlProblem translates a problem of the YAML parser; one it does not
// know keeps the parser's words.
func yamlProblem(msg string) Part {
	for _, p := range yamlProblems {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		var args []any
		switch p.key {
		case "concepts.yaml.depth":
			n, _ := strconv.Atoi(m[1])
			args = []any{n}
		case "concepts.yaml.unknown_anchor":
			args = []any{m[1]}
		}
		return Part{Key: p.key, Args: args}
	}
	return Part{Key: "concepts.yaml.other", Args: []any{msg}}
}

// tabLine returns the first line whose indentation holds a tab, or 0.
func tabLine(data []byte) int {
	for i, l := range bytes.Split(data, []byte{'\n'}) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if bytes.IndexByte(indent, '\t') >= 0 && len(bytes.TrimSpace(l)) > 0 {
			return i + 1
		}
	}
	return 0
}

func lineOf(data []byte, line int) []byte {
	lines := bytes.SplitN(data, []byte{'\n'}, line+1)
	if line-1 < len(lines) {
		return lines[line-1]
	}
	return nil
}

var formatRe = regexp.MustCompile(`^bokonsept/([a-z]+)@(\d+)$`)

// checkFormat checks the root's format line against the wanted format.
func checkFormat(file string, root *yaml.Node, want string) error {
	e := &errs{file: file}
	if root.Kind != yaml.MappingNode {
		e.add(root.Line, root.Column, ErrFormat, nil, "concepts.format.not_mapping", quoted("format: "+want))
		return e.err()
	}
	var val *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "format" {
			val = root.Content[i+1]
			break
		}
	}
	if val == nil {
		e.add(root.Line, root.Column, ErrFormat, nil, "concepts.format.missing", quoted("format: "+want))
		return e.err()
	}
	got := val.Value
	m := formatRe.FindStringSubmatch(got)
	wm := formatRe.FindStringSubmatch(want)
	switch {
	case val.Kind != yaml.ScalarNode || m == nil:
		e.add(val.Line, val.Column, ErrFormat, nil, "concepts.format.unknown", quoted(got), quoted(want))
	case m[1] != wm[1]:
		e.add(val.Line, val.Column, ErrFormat, nil, keyWrongKind, nounOf(m[1]), got, nounOf(wm[1]), want)
	case m[2] != strconv.Itoa(FormatVersion):
		if v, _ := strconv.Atoi(m[2]); v > FormatVersion {
			e.add(val.Line, val.Column, ErrVersion, nil, "concepts.format.newer", got, strconv.Itoa(FormatVersion))
		} else {
			e.add(val.Line, val.Column, ErrFormat, nil, "concepts.format.unknown_version", quoted(got), quoted(want))
		}
	}
	return e.err()
}

// nounOf names a kind of document with its article: "a price book".
func nounOf(kind string) Part {
	switch kind {
	case "catalogue":
		return Part{Key: "concepts.kind.catalogue"}
	case "pricebook":
		return Part{Key: "concepts.kind.pricebook"}
	case "concept":
		return Part{Key: "concepts.kind.concept"}
	case "":
		return Part{Key: "concepts.kind.document"}
	}
	return Part{Key: "concepts.kind.other", Args: []any{kind}}
}

// decodeDoc runs the checks, the parser and the strict decoder over data
// into out (a pointer to a document struct). It returns the source and the
// decoding errors to merge with the validation's, or an error that stops
// everything (a file that is not a document of the wanted format).
func decodeDoc(file string, data []byte, want string, out any) (*source, *errs, error) {
	data, err := precheck(file, data)
	if err != nil {
		return nil, nil, err
	}
	doc, err := parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	root := doc.Content[0]
	if err := checkFormat(file, root, want); err != nil {
		return nil, nil, err
	}
	if err := checkAliases(file, root); err != nil {
		return nil, nil, err
	}
	src := newSource(file)
	d := &decoder{errs: &errs{file: file}, src: src}
	d.decode(root, reflect.ValueOf(out).Elem(), "", cx{})
	if c, ok := out.(*Concept); ok {
		firstUnitKeys(root, c)
	}
	return src, d.errs, nil
}

// checkAliases rejects every anchor in the document, with the number of
// aliases that use it: the formats have no use for them, and refusing them
// defeats "billion laughs" files before anything is expanded. One error per
// anchor (not per alias) keeps the message short for such a file.
func checkAliases(file string, root *yaml.Node) error {
	var anchors []*yaml.Node
	uses := make(map[string]int)
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			uses[n.Value]++
			return
		}
		if n.Anchor != "" {
			anchors = append(anchors, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	e := &errs{file: file}
	for _, n := range anchors {
		if len(e.list) > MaxErrors {
			break
		}
		e.add(n.Line, n.Column, ErrAlias, nil, "concepts.syntax.anchor", n.Anchor, uses[n.Anchor])
	}
	return e.err()
}

// DetectFormat returns the format named by the data's format line, such as
// "bokonsept/concept@1", after the same checks a decoder makes before
// parsing. It returns an error wrapping ErrFormat when there is no format
// line or it names no Bokonsept format, and ErrVersion for a newer version.
func DetectFormat(data []byte) (string, error) {
	data, err := precheck("", data)
	if err != nil {
		return "", err
	}
	doc, err := parse("", data)
	if err != nil {
		return "", err
	}
	root := doc.Content[0]
	for _, want := range []string{CatalogueFormat, PriceBookFormat, ConceptFormat} {
		err := checkFormat("", root, want)
		if err == nil {
			return want, nil
		}
		if errors.Is(err, ErrVersion) || Errors(err)[0].Key != keyWrongKind {
			return "", err
		}
	}
	return "", finish(ErrorList{newError("", 0, 0, ErrFormat, nil, keyUnknownKind)})
}
