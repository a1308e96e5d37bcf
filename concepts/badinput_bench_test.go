package concepts

import "testing"

// BenchmarkDecodeManyNodes decodes the largest file that gives the most
// YAML nodes per byte and still gets parsed (target: well under 1 s).
func BenchmarkDecodeManyNodes(b *testing.B) {
	data := manyNodes(2*maxStructure - 100)
	for b.Loop() {
		if _, err := DecodeConcept("nodes.yaml", data); err == nil {
			b.Fatal("want an error")
		}
	}
}

// BenchmarkDecodeTooManyNodes refuses a file of nearly 4 MiB of nodes
// before parsing it (target: well under 1 s).
func BenchmarkDecodeTooManyNodes(b *testing.B) {
	data := manyNodes(MaxFileSize - 10)
	for b.Loop() {
		if _, err := DecodeConcept("nodes.yaml", data); err == nil {
			b.Fatal("want an error")
		}
	}
}
