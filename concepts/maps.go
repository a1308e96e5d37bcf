package concepts

import (
	"cmp"
	"maps"
	"slices"
)

// sortedKeys returns the keys of m in order, for stable messages.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}
