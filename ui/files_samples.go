package ui

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/hallingdal/bokonsept/assets"
	"github.com/hallingdal/bokonsept/concepts"
)

// defaultSample is the sample opened when Bokonsept starts without a file.
const defaultSample = "samples/solenga-gol.yaml"

// sample is a built-in sample concept.
type sample struct {
	// file is the sample's name in assets.Samples ("samples/solenga-gol.yaml").
	file string
	// name is the concept's name.
	name string
}

// samples lists the built-in sample concepts, sorted by file name.
func samples() []sample {
	files, _ := fs.Glob(assets.Samples, "samples/*.yaml")
	slices.Sort(files)
	var out []sample
	for _, f := range files {
		data, err := assets.Samples.ReadFile(f)
		if err != nil {
			continue
		}
		if format, err := concepts.DetectFormat(data); err != nil || format != concepts.ConceptFormat {
			continue
		}
		c, err := concepts.DecodeConcept(f, data)
		if err != nil {
			continue
		}
		out = append(out, sample{file: f, name: c.Name})
	}
	return out
}

// emptyProject returns a new concept of the family (any when "") on the
// built-in catalogue.
func emptyProject(family string) *concepts.Project {
	cat, err := concepts.Builtin()
	if err != nil {
		cat = nil
	}
	return concepts.NewProjectFor(cat, family)
}

// loadSample loads a built-in sample concept as a new, unsaved project; its
// price books come from the samples too. It returns the sample's text, so
// that saving keeps its comments.
func loadSample(file string) (*concepts.Project, []byte, error) {
	data, err := assets.Samples.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	p, err := decodeProject(file, data, "")
	if err != nil {
		return nil, nil, err
	}
	p.Path = ""
	return p, data, nil
}

// decodeProject decodes a concept from data (named name in messages) with
// its catalogue and price books. References are resolved in dir; when dir
// is "" or a file is not there, in the built-in samples.
func decodeProject(name string, data []byte, dir string) (*concepts.Project, error) {
	c, err := concepts.DecodeConcept(name, data)
	if err != nil {
		return nil, err
	}
	p := &concepts.Project{Concept: c, PriceBooks: map[string]*concepts.PriceBook{}}
	if c.Catalogue == concepts.BuiltinCatalogue {
		p.Catalogue, err = concepts.Builtin()
	} else {
		p.Catalogue, err = concepts.LoadCatalogue(resolveRef(dir, c.Catalogue))
	}
	if err != nil {
		return nil, err
	}
	for _, v := range c.Variants {
		if v.PriceBook == "" || p.PriceBooks[v.PriceBook] != nil {
			continue
		}
		pb, err := loadPriceBookRef(dir, v.PriceBook)
		if err != nil {
			return nil, err
		}
		p.PriceBooks[v.PriceBook] = pb
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// loadPriceBookRef loads the price book ref names: a file relative to dir,
// or else a built-in sample. When dir is "" (a sample, or a concept never
// saved) only an absolute ref is a file: a relative one is a built-in
// sample, never a file that happens to be in the working folder.
func loadPriceBookRef(dir, ref string) (*concepts.PriceBook, error) {
	file := resolveRef(dir, ref)
	if filepath.IsAbs(ref) {
		return concepts.LoadPriceBook(file)
	}
	if _, err := os.Stat(file); err == nil && dir != "" {
		return concepts.LoadPriceBook(file)
	}
	embedded := path.Join("samples", path.Clean(filepath.ToSlash(ref)))
	if data, err := assets.Samples.ReadFile(embedded); err == nil {
		return concepts.DecodePriceBook(embedded, data)
	}
	return concepts.LoadPriceBook(file)
}

// resolveRef resolves a reference written in a concept against dir.
func resolveRef(dir, ref string) string {
	if filepath.IsAbs(ref) || dir == "" {
		return filepath.FromSlash(ref)
	}
	return filepath.Join(dir, filepath.FromSlash(ref))
}
