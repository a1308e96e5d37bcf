package concepts

import (
	"fmt"
	"strings"
)

// pos is a 1-based line and column in a file.
type pos struct{ line, col int }

// source remembers where a decoded document came from: its file name and
// the position of every node, keyed by its path ("unit_types/3/rates/2"),
// so validation can point at the offending node. A document built in memory
// has no source; its errors carry no position.
type source struct {
	file string
	// val holds the position of each value node.
	val map[string]pos
	// key holds the position of the key of each mapping entry.
	key map[string]pos
	// bad holds the paths whose value could not be decoded (or is missing),
	// so validation does not report them a second time.
	bad map[string]bool
}

func newSource(file string) *source {
	return &source{file: file, val: map[string]pos{}, key: map[string]pos{}, bad: map[string]bool{}}
}

// isBad reports whether the value at path, or one of its ancestors, could
// not be decoded.
func (s *source) isBad(path string) bool {
	if s == nil {
		return false
	}
	for {
		if s.bad[path] {
			return true
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// at returns the position of the value at path, falling back to its closest
// ancestor that has one.
func (s *source) at(path string) pos {
	if s == nil {
		return pos{}
	}
	for {
		if p, ok := s.val[path]; ok {
			return p
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return s.val[""]
		}
		path = path[:i]
	}
}

// keyAt returns the position of the mapping key at path, or of its value
// when there is no key (a sequence item).
func (s *source) keyAt(path string) pos {
	if s == nil {
		return pos{}
	}
	if p, ok := s.key[path]; ok {
		return p
	}
	return s.at(path)
}

func (s *source) fileName() string {
	if s == nil {
		return ""
	}
	return s.file
}

// join appends the parts to a node path.
func join(path string, parts ...any) string {
	for _, p := range parts {
		if path == "" {
			path = fmt.Sprint(p)
		} else {
			path += "/" + fmt.Sprint(p)
		}
	}
	return path
}

// listLabels names the items of the lists in the formats, with the key that
// identifies an item; noun is the key of the label's text.
var listLabels = map[string]struct{ noun, key string }{
	"families":            {"concepts.ctx.family", "id"},
	"unit_types":          {"concepts.ctx.unit_type", "id"},
	"site_items":          {"concepts.ctx.site_item", "id"},
	"municipalities":      {"concepts.ctx.municipality", "id"},
	"variants":            {"concepts.ctx.variant", "name"},
	"units":               {"concepts.ctx.unit", "type"},
	"uncertainty_factors": {"concepts.ctx.uncertainty_factor", "name"},
	"risks":               {"concepts.ctx.risk", "name"},
	"households":          {"concepts.ctx.household", "id"},
	"layout":              {"concepts.ctx.building", "label"},
}

// itemLabel names item index of list field with its identifying key, such as
// `unit type "solenga-2r"`, or `unit type 3` when it has none.
func itemLabel(field, key string, index int) Part {
	l, ok := listLabels[field]
	var arg any = index + 1
	if key != "" {
		arg = quoted(key)
	}
	if !ok {
		return Part{Key: "concepts.ctx.item", Args: []any{field, arg}}
	}
	return Part{Key: l.noun, Args: []any{arg}}
}

// entryLabel names the entry key of map field, such as `rates "2"`, or
// `unit type "solenga-2r"` for the price book's maps.
func entryLabel(field, key string) Part {
	switch field {
	case "unit_types":
		return Part{Key: "concepts.ctx.unit_type", Args: []any{quoted(key)}}
	case "site_items":
		return Part{Key: "concepts.ctx.site_item", Args: []any{quoted(key)}}
	}
	return Part{Key: "concepts.ctx.item", Args: []any{field, quoted(key)}}
}
