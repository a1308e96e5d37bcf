package concepts

import (
	"path/filepath"
	"sync"
	"time"

	"github.com/hallingdal/bokonsept/assets"
	"github.com/shopspring/decimal"
)

// DecodeCatalogue decodes and validates a catalogue file's data; name is
// the file name used in error messages. All problems are returned together
// as an ErrorList.
func DecodeCatalogue(name string, data []byte) (*Catalogue, error) {
	c := new(Catalogue)
	src, derrs, err := decodeDoc(name, data, CatalogueFormat, c)
	if err != nil {
		return nil, err
	}
	c.Path, c.src = name, src
	if err := finish(append(derrs.list, c.check().list...)); err != nil {
		return nil, err
	}
	return c, nil
}

// LoadCatalogue reads, decodes and validates the catalogue file at path.
func LoadCatalogue(path string) (*Catalogue, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeCatalogue(path, data)
}

var builtin struct {
	once sync.Once
	cat  *Catalogue
	err  error
}

// Builtin returns the built-in catalogue (assets.CatalogueYAML), with Path
// "builtin". It is decoded once; every call returns a deep copy the caller
// may change.
func Builtin() (*Catalogue, error) {
	builtin.once.Do(func() {
		builtin.cat, builtin.err = DecodeCatalogue(BuiltinCatalogue, assets.CatalogueYAML)
	})
	if builtin.err != nil {
		return nil, builtin.err
	}
	return builtin.cat.Clone(), nil
}

// DecodePriceBook decodes and validates a price book file's data on its
// own; name is the file name used in error messages. Whether a catalogue
// has what it names is checked by (*Project).Validate.
func DecodePriceBook(name string, data []byte) (*PriceBook, error) {
	pb, derrs, err := decodePriceBook(name, data)
	if err != nil {
		return nil, err
	}
	if err := finish(append(derrs, pb.check(nil).list...)); err != nil {
		return nil, err
	}
	return pb, nil
}

// decodePriceBook decodes a price book as far as its structure allows: it
// returns the price book with the values that could be decoded and the
// decoding errors, so that its references can be checked against a
// catalogue too; or an error when the file is no price book at all.
func decodePriceBook(name string, data []byte) (*PriceBook, ErrorList, error) {
	pb := new(PriceBook)
	src, derrs, err := decodeDoc(name, data, PriceBookFormat, pb)
	if err != nil {
		return nil, nil, err
	}
	pb.Path, pb.src = name, src
	return pb, derrs.list, nil
}

// LoadPriceBook reads, decodes and validates the price book file at path.
func LoadPriceBook(path string) (*PriceBook, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return DecodePriceBook(path, data)
}

// DecodeConcept decodes and validates a concept file's data on its own;
// name is the file name used in error messages. Its references to the
// catalogue and price books are checked by LoadProject.
func DecodeConcept(name string, data []byte) (*Concept, error) {
	c := new(Concept)
	src, derrs, err := decodeDoc(name, data, ConceptFormat, c)
	if err != nil {
		return nil, err
	}
	c.src = src
	if err := finish(append(derrs.list, c.check(nil).list...)); err != nil {
		return nil, err
	}
	return c, nil
}

// LoadProject reads the concept file at path with the catalogue it names
// ("builtin", or a path relative to the concept file) and the price book of
// every variant (relative to the concept file), applies opt's overrides,
// and validates everything, references included. All problems of all the
// files are returned together, each naming its file.
func LoadProject(path string, opt LoadOptions) (*Project, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	c := new(Concept)
	src, derrs, err := decodeDoc(path, data, ConceptFormat, c)
	if err != nil {
		return nil, err
	}
	c.src = src
	p := &Project{Path: path, Concept: c, PriceBooks: map[string]*PriceBook{}}
	dir := filepath.Dir(path)
	k := newChecker(src)
	var other ErrorList // problems of the other files
	switch {
	case opt.Catalogue != "":
		p.Catalogue, err = LoadCatalogue(opt.Catalogue)
	case src.isBad("catalogue") || c.Catalogue == "":
	case c.Catalogue == BuiltinCatalogue:
		p.Catalogue, err = Builtin()
	default:
		p.Catalogue, err = LoadCatalogue(resolve(dir, c.Catalogue))
		if err != nil && isReadError(err) {
			k.at("catalogue", nil, readKey(true, err), readArgs(c.Catalogue, err)...)
			err = nil
		}
	}
	if err != nil {
		other = append(other, Errors(err)...)
	}
	// Price books are checked against the catalogue as far as their
	// structure allows, so that a price book's dangling references are
	// reported together with its other problems.
	bookErrs := map[*PriceBook]ErrorList{} // the decoding errors of each price book
	if opt.PriceBook != "" {
		pb, derrs, err := loadPriceBook(opt.PriceBook)
		if err != nil {
			other = append(other, Errors(err)...)
		}
		p.override, bookErrs[pb] = pb, derrs
	}
	for i, v := range c.Variants {
		ref := v.PriceBook
		if ref == "" || opt.PriceBook != "" || src.isBad(join("variants", i, "pricebook")) {
			continue
		}
		if _, done := p.PriceBooks[ref]; done {
			continue
		}
		pb, derrs, err := loadPriceBook(resolve(dir, ref))
		switch {
		case err != nil && isReadError(err):
			k.at(join("variants", i, "pricebook"), where{itemLabel("variants", v.Name, i)}, readKey(false, err), readArgs(ref, err)...)
		case err != nil:
			other = append(other, Errors(err)...)
		}
		p.PriceBooks[ref], bookErrs[pb] = pb, derrs
	}
	// The concept's own problems and its references to the catalogue, when
	// it could be loaded; then the price books, against the catalogue too.
	own := append(derrs.list, k.e.list...)
	own = append(own, c.check(p.Catalogue).list...)
	all := Errors(finish(own))
	books := []*PriceBook{p.override}
	for _, ref := range sortedKeys(p.PriceBooks) {
		books = append(books, p.PriceBooks[ref])
	}
	for _, pb := range books {
		if pb != nil {
			all = append(all, Errors(finish(append(append(bookErrs[pb], pb.check(p.Catalogue).list...), pb.checkPriceLevel(c, p.Catalogue).list...)))...)
		}
	}
	if all = append(all, other...); len(all) > 0 {
		return nil, all
	}
	return p, nil
}

// loadPriceBook reads and decodes the price book at path as far as its
// structure allows, returning it with its decoding errors; it returns an
// error only for a file that cannot be read or is no price book.
func loadPriceBook(path string) (*PriceBook, ErrorList, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	return decodePriceBook(path, data)
}

// isReadError reports whether err says a file could not be read at all.
func isReadError(err error) bool {
	l := Errors(err)
	return len(l) == 1 && l[0].Line == 0 && l[0].Err == nil
}

// readKey returns the key of the message for the catalogue (or a price
// book) the concept names that cannot be read (err).
func readKey(catalogue bool, err error) string {
	missing := notExist(Errors(err)[0])
	switch {
	case catalogue && missing:
		return "concepts.load.catalogue_missing"
	case catalogue:
		return "concepts.load.catalogue_unreadable"
	case missing:
		return "concepts.load.pricebook_missing"
	}
	return "concepts.load.pricebook_unreadable"
}

// readArgs returns the arguments of readKey's message: the reference as
// written in the concept, and why the file cannot be read.
func readArgs(ref string, err error) []any {
	e := Errors(err)[0]
	if notExist(e) {
		return []any{quoted(ref)}
	}
	if e.Key == "" {
		return []any{quoted(ref), e.Msg}
	}
	return []any{quoted(ref), Part{Key: e.Key, Args: e.Args}}
}

// notExist reports whether e says a file does not exist.
func notExist(e *Error) bool {
	if e.Key != keyCannotRead || len(e.Args) != 1 {
		return false
	}
	p, ok := e.Args[0].(Part)
	return ok && p.Key == keyNotExist
}

func resolve(dir, ref string) string {
	if filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(dir, filepath.FromSlash(ref))
}

// Validate checks the project as a whole: the catalogue, the concept and
// its references to the catalogue (municipality, unit types, site items and
// their quantities), and every price book against the catalogue. All
// problems are returned together, each naming its file.
func (p *Project) Validate() error {
	if p.Concept == nil || p.Catalogue == nil {
		return ErrorList{newError(p.Path, 0, 0, nil, nil, "concepts.project.incomplete")}
	}
	var all ErrorList
	all = append(all, Errors(finish(p.Catalogue.check().list))...)
	ce := p.Concept.check(p.Catalogue)
	if ce.file == "" {
		ce.file = p.Path
		for _, e := range ce.list {
			e.File = p.Path
		}
	}
	if p.override == nil {
		for i, v := range p.Concept.Variants {
			if v.PriceBook != "" && p.PriceBooks[v.PriceBook] == nil {
				ce.add(0, 0, nil, where{itemLabel("variants", v.Name, i)}, "concepts.project.pricebook_not_loaded", quoted(v.PriceBook))
			}
		}
	}
	all = append(all, Errors(finish(ce.list))...)
	books := []*PriceBook{p.override}
	for _, ref := range sortedKeys(p.PriceBooks) {
		books = append(books, p.PriceBooks[ref])
	}
	for _, pb := range books {
		if pb != nil {
			all = append(all, Errors(finish(append(pb.check(p.Catalogue).list, pb.checkPriceLevel(p.Concept, p.Catalogue).list...)))...)
		}
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

// ValidateFile checks the file at path, whatever its format (detected from
// its format line): a catalogue or price book on its own, a concept with
// the catalogue and price books it refers to.
func ValidateFile(path string) error {
	data, err := readFile(path)
	if err != nil {
		return err
	}
	format, err := DetectFormat(data)
	if err != nil {
		for _, e := range Errors(err) {
			e.File = path
		}
		return err
	}
	switch format {
	case CatalogueFormat:
		_, err = DecodeCatalogue(path, data)
	case PriceBookFormat:
		_, err = DecodePriceBook(path, data)
	default:
		_, err = LoadProject(path, LoadOptions{})
	}
	return err
}

// NewProject returns a new, unsaved concept on catalogue cat (the built-in
// one when cat is nil) with one variant of one dwelling and the usual
// assumptions: post 1 at 10 %, post 8 at 12 %, regional factor 1, 20 000
// iterations with seed 1, and a first-time buyer limit of NOK 3 000 000.
func NewProject(cat *Catalogue) *Project { return NewProjectFor(cat, "") }

// NewProjectFor is NewProject for a concept of the given family: its one
// variant starts with the family's first dwelling type (any family's when
// family is "" or has no dwelling type).
func NewProjectFor(cat *Catalogue, family string) *Project {
	if cat == nil {
		if b, err := Builtin(); err == nil {
			cat = b
		} else {
			cat = &Catalogue{Format: CatalogueFormat, Path: BuiltinCatalogue}
		}
	}
	ref := BuiltinCatalogue
	if cat.Path != "" && cat.Path != BuiltinCatalogue {
		ref = filepath.ToSlash(cat.Path)
	}
	c := &Concept{
		Format:    ConceptFormat,
		Name:      "Nytt konsept",
		Catalogue: ref,
		Revision:  Revision{ID: "A", Date: time.Now().Format(time.DateOnly)},
		Site:      Site{AreaM2: decimal.NewFromInt(5000)},
		Assumptions: Assumptions{
			CommonCostsPercent:     decimal.NewFromInt(10),
			GeneralCostsPercent:    decimal.NewFromInt(12),
			RegionalFactor:         decimal.NewFromInt(1),
			PriceAdjustmentPercent: decimal.Zero,
			FirstTimeBuyerLimit:    decimal.NewFromInt(3_000_000),
			Simulation:             Simulation{Iterations: 20000, Seed: 1},
		},
		Variants: []Variant{{Name: "A"}},
	}
	if len(cat.Municipalities) > 0 {
		c.Municipality = cat.Municipalities[0].ID
	}
	for _, want := range []string{family, ""} {
		for _, u := range cat.UnitTypes {
			if u.Kind == KindDwelling && (want == "" || u.Family == want) {
				c.Variants[0].Units = []UnitLine{{Type: u.ID, Count: 1}}
				break
			}
		}
		if len(c.Variants[0].Units) > 0 {
			break
		}
	}
	return &Project{Concept: c, Catalogue: cat, PriceBooks: map[string]*PriceBook{}}
}
