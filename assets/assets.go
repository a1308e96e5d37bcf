// Package assets embeds Bokonsept's built-in files: the default catalogue,
// the sample concepts and price books, the translations, the icon and the
// fonts used in documents.
package assets

import "embed"

// CatalogueYAML is the built-in catalogue (format bokonsept/catalogue@1).
//
//go:embed catalogue.yaml
var CatalogueYAML []byte

// Samples holds the sample concepts and price books under "samples/".
//
//go:embed samples
var Samples embed.FS

// Translations holds one flat JSON file per language under "translations/"
// ("nb.json", "en.json"), mapping a message key to its text.
//
//go:embed translations
var Translations embed.FS

// Fonts holds the TrueType fonts of the documents under "fonts/": DejaVu
// Sans Condensed in regular, bold and oblique, with their licence
// (fonts/LICENSE).
//
//go:embed fonts
var Fonts embed.FS
