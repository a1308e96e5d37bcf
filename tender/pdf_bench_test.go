package tender

import (
	"io"
	"strings"
	"testing"
)

// largestSample returns the Input of the sample with the most cost rows,
// all variants described.
func largestSample(b *testing.B) Input {
	var best Input
	most := -1
	for _, s := range samples {
		in := mustInput(b, s)
		n := 0
		for _, e := range in.Estimates {
			n += len(e.Rows)
		}
		if n > most {
			best, most = in, n
		}
	}
	return best
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// BenchmarkReportLargestSample writes the decision makers' report of the
// largest sample with all variants. Budget: 300 ms and 2 MB.
func BenchmarkReportLargestSample(b *testing.B) {
	in := largestSample(b)
	var c countWriter
	b.ReportAllocs()
	for b.Loop() {
		c.n = 0
		if err := WriteReport(&c, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.n), "bytes/pdf")
	if c.n > 2<<20 {
		b.Errorf("%d bytes, budget 2 MB", c.n)
	}
}

// BenchmarkTenderLargestSample writes the tenderers' PDF of the largest
// sample's first variant. Budget: 300 ms and 2 MB.
func BenchmarkTenderLargestSample(b *testing.B) {
	in := largestSample(b)
	in.Variants = []int{0}
	var c countWriter
	b.ReportAllocs()
	for b.Loop() {
		c.n = 0
		if err := WriteTender(&c, in, TenderOptions{Force: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.n), "bytes/pdf")
	if c.n > 2<<20 {
		b.Errorf("%d bytes, budget 2 MB", c.n)
	}
}

// BenchmarkXLSXLargestSample writes the price schedule of the largest
// sample with all variants.
func BenchmarkXLSXLargestSample(b *testing.B) {
	in := largestSample(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// longName is one word of 200 000 characters.
var longName = strings.Repeat("Langtordutenmellomrom", 200000/21) + strings.Repeat("x", 200000%21)

// BenchmarkPDFLongName writes the PDF of a concept whose name, first
// variant and unit types are one word of 200 000 characters. Budget: 1 s.
func BenchmarkPDFLongName(b *testing.B) {
	in := hostileInput(b, longName)
	var c countWriter
	b.ReportAllocs()
	for b.Loop() {
		c.n = 0
		if err := WritePDF(&c, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.n), "bytes/pdf")
}

// BenchmarkWrapLongWord breaks one word of 200 000 characters into lines
// of the content width, every line kept.
func BenchmarkWrapLongWord(b *testing.B) {
	d := testDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		if lines := d.wrap(longName, contentW); len(lines) < 1000 {
			b.Fatalf("%d lines", len(lines))
		}
	}
}

// BenchmarkXLSXLongName writes the price schedule of the concept of
// BenchmarkPDFLongName.
func BenchmarkXLSXLongName(b *testing.B) {
	in := hostileInput(b, longName)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}
