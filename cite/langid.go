package cite

import "golang.org/x/text/language"

// LangID is biblatex's langid of the language whose BCP 47 tag is tag
// (archive.Article.Language): the name babel and polyglossia give it,
// which biblatex reads for hyphenation and to leave a title's case alone
// in a language other than English (biblatex-apa sentence-cases a title
// whose entry has no langid: "Die welt und das ende"); English's by its
// region (en-GB british, en-US american); "" for a language not in
// babelNames, which biblatex would not know.
func LangID(tag string) string {
	t, err := language.Raw.Parse(tag)
	if tag == "" || err != nil {
		return ""
	}
	base, _, region := t.Raw()
	if n, ok := babelRegions[base.String()+"-"+region.String()]; ok {
		return n
	}
	return babelNames[base.String()]
}

// babelRegions are the babel names of the languages written otherwise
// in a region, as biblatex's localisation files (british.lbx,
// brazilian.lbx…) name them.
var babelRegions = map[string]string{
	"en-GB": "british", "en-US": "american", "en-AU": "australian", "en-CA": "canadian",
	"en-NZ": "newzealand", "de-AT": "austrian", "de-CH": "swissgerman", "pt-BR": "brazilian",
}

// babelNames are the babel (and polyglossia) names of the common
// languages, by their ISO 639 codes.
var babelNames = map[string]string{
	"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
	"pt": "portuguese", "nl": "dutch", "sv": "swedish", "da": "danish", "no": "norsk",
	"nb": "norsk", "nn": "nynorsk", "fi": "finnish", "is": "icelandic", "pl": "polish",
	"cs": "czech", "sk": "slovak", "sl": "slovene", "hr": "croatian", "sr": "serbian",
	"bg": "bulgarian", "ru": "russian", "uk": "ukrainian", "el": "greek", "tr": "turkish",
	"hu": "magyar", "ro": "romanian", "ca": "catalan", "gl": "galician", "eu": "basque",
	"et": "estonian", "lv": "latvian", "lt": "lithuanian", "ga": "irish", "cy": "welsh",
	"he": "hebrew", "ar": "arabic", "fa": "persian", "hi": "hindi", "id": "indonesian",
	"ms": "malay", "vi": "vietnamese", "th": "thai", "zh": "chinese", "ja": "japanese",
	"ko": "korean", "la": "latin", "af": "afrikaans",
}
