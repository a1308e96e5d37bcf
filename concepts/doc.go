// Package concepts holds Bokonsept's documents: the catalogue of unit types
// and site items, a builder's price book, and the concept (one site with its
// zoning, assumptions and variants).
//
// The three formats are public interfaces, specified in docs/FORMATS.md
// (after docs/FORMATS.md). Decoding is strict: unknown fields,
// wrong types, duplicate ids, dangling references and broken invariants are
// reported together, each naming file, line and column:
//
//	cat, err := concepts.LoadCatalogue("katalog.yaml")
//	if err != nil {
//		fmt.Println(concepts.Localize(err, i18n.New("nb")))
//		// katalog.yaml:42:9: enhetstype «solenga-2r»: rates «2»: lav 21 000 er høyere enn forventet 19 000
//	}
//
// Every message is translatable: an *Error carries its text's key and
// arguments (Key, Args) and the place in the document (Context), so
// Localize, (*Error).Message and (ErrorList).Message render it in the
// user's language through package i18n (texts in
// assets/translations/concepts.<lang>.json), while Error() gives the
// English text for logs:
//
//	katalog.yaml:42:9: unit type "solenga-2r": rates "2": low 21000 is above likely 19000
//
// LoadProject reads a concept with its catalogue (Builtin or a file) and
// price books; Validate methods check documents edited in memory;
// EncodeConcept and SaveProject write a concept back, keeping its comments,
// through WriteFileAtomic. Documents decoded from files remember the
// position of every node, so validation errors point at the right line.
//
// Money and areas are decimal.Decimal from file to estimate. The package
// never imports Fyne or a document writer; it builds with CGO_ENABLED=0.
package concepts
