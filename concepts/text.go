package concepts

// Text is a user-facing text in several languages, keyed by language code
// ("nb", "en"). In YAML it is a mapping: {nb: 2-roms leilighet, en: One-bedroom flat}.
type Text map[string]string

// In returns the text in lang, falling back to bokmål, then to any language.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t["nb"]; ok && s != "" {
		return s
	}
	for _, s := range t {
		if s != "" {
			return s
		}
	}
	return ""
}

// Texts is a list of sentences in several languages, keyed by language code.
type Texts map[string][]string

// In returns the sentences in lang, falling back to bokmål, then to any language.
func (t Texts) In(lang string) []string {
	if s, ok := t[lang]; ok && len(s) > 0 {
		return s
	}
	if s, ok := t["nb"]; ok && len(s) > 0 {
		return s
	}
	for _, s := range t {
		if len(s) > 0 {
			return s
		}
	}
	return nil
}
