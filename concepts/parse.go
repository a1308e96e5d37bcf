package concepts

import (
	"bytes"
	"errors"
	"fmt"
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
		e.add(0, 0, ErrTooLarge, fmt.Sprintf("the file is %s; Bokonsept reads files up to %s: is this the right file?", sizeText(int64(len(data))), sizeText(MaxFileSize)))
		return nil, e.err()
	}
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		e.add(0, 0, ErrEmpty, "the file is empty; it should start with a format line such as \"format: "+ConceptFormat+"\"")
		return nil, e.err()
	}
	if i := bytes.IndexByte(data, 0); i >= 0 || !utf8.Valid(data) {
		if i < 0 {
			i = invalidUTF8(data)
		}
		line, col := lineCol(data, i)
		e.add(line, col, ErrNotText, "not a text file: binary data (not UTF-8 text) here; Bokonsept reads YAML text files saved as UTF-8")
		return nil, e.err()
	}
	if n := structureCount(data); n > maxStructure {
		e.add(0, 0, ErrTooLarge, fmt.Sprintf("the file has too many entries (%d list items, keys and lines; Bokonsept reads up to %d): is this the right file?", n, maxStructure))
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

func sizeText(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
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
				e.add(line, 0, ErrSyntax, "a second YAML document (after ---): a Bokonsept file holds one document; remove the ---")
				return nil, e.err()
			}
			err = err2
		}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			e.add(0, 0, ErrEmpty, "the file holds only comments; it should start with a format line such as \"format: "+ConceptFormat+"\"")
			return nil, e.err()
		}
		if line := tabLine(data); line > 0 {
			col := bytes.IndexByte(lineOf(data, line), '\t') + 1
			e.add(line, col, ErrSyntax, "a tab in the indentation: YAML needs spaces for indentation; replace the tab with spaces")
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
		e.add(line, 0, ErrSyntax, "YAML syntax: "+msg)
		return nil, e.err()
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		e.add(0, 0, ErrEmpty, "the file is empty")
		return nil, e.err()
	}
	return &doc, nil
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
		e.add(root.Line, root.Column, ErrFormat, fmt.Sprintf("this is not a Bokonsept file: it should be a mapping starting with \"format: %s\"", want))
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
		e.add(root.Line, root.Column, ErrFormat, fmt.Sprintf("missing format line: the file should start with \"format: %s\"", want))
		return e.err()
	}
	got := val.Value
	m := formatRe.FindStringSubmatch(got)
	wm := formatRe.FindStringSubmatch(want)
	switch {
	case val.Kind != yaml.ScalarNode || m == nil:
		e.add(val.Line, val.Column, ErrFormat, fmt.Sprintf("unknown format %q: expected %q", got, want))
	case m[1] != wm[1]:
		e.add(val.Line, val.Column, ErrFormat, fmt.Sprintf("this is a %s (%s), not a %s (%s)", nounOf(m[1]), got, nounOf(wm[1]), want))
	case m[2] != strconv.Itoa(FormatVersion):
		if v, _ := strconv.Atoi(m[2]); v > FormatVersion {
			e.add(val.Line, val.Column, ErrVersion, fmt.Sprintf("%s was made by a newer Bokonsept; this version reads @%d: update Bokonsept", got, FormatVersion))
		} else {
			e.add(val.Line, val.Column, ErrFormat, fmt.Sprintf("unknown format version %q: expected %q", got, want))
		}
	}
	return e.err()
}

func nounOf(kind string) string {
	switch kind {
	case "pricebook":
		return "price book"
	case "":
		return "document"
	}
	return kind
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
	return src, d.errs, nil
}

// checkAliases rejects every anchor and alias in the document: the
// formats have no use for them, and refusing them defeats "billion laughs"
// files before anything is expanded.
func checkAliases(file string, root *yaml.Node) error {
	e := &errs{file: file}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if len(e.list) > MaxErrors {
			return
		}
		if n.Kind == yaml.AliasNode {
			e.add(n.Line, n.Column, ErrAlias, fmt.Sprintf("alias *%s is not allowed: Bokonsept files do not use YAML anchors and aliases; write the value out", n.Value))
			return
		}
		if n.Anchor != "" {
			e.add(n.Line, n.Column, ErrAlias, fmt.Sprintf("anchor &%s is not allowed: Bokonsept files do not use YAML anchors and aliases; remove it", n.Anchor))
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
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
		if errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), "this is a ") {
			return "", err
		}
	}
	return "", finish(ErrorList{{Msg: "unknown kind of Bokonsept file: expected a catalogue, price book or concept", Err: ErrFormat}})
}
