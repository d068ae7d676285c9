package index

import "strings"

// British → American spelling, applied to lower-cased words before
// stemming, at index and at query time alike. Because both sides are
// normalised the same way, a rule that over-reaches only merges two spellings
// of one word; the tables below are conservative so that it never merges two
// different words.

// americanWords maps whole words.
var americanWords = map[string]string{
	"defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
	"pretence": "pretense", "licence": "license", "licences": "licenses",
	"centre": "center", "centres": "centers", "centred": "centered", "centring": "centering",
	"theatre": "theater", "theatres": "theaters", "metre": "meter", "metres": "meters",
	"litre": "liter", "litres": "liters", "fibre": "fiber", "fibres": "fibers",
	"spectre": "specter", "sombre": "somber", "calibre": "caliber", "lustre": "luster",
	"manoeuvre": "maneuver", "manoeuvres": "maneuvers", "manoeuvred": "maneuvered", "manoeuvring": "maneuvering",
	"programme": "program", "programmes": "programs", "catalogue": "catalog", "catalogues": "catalogs",
	"grey": "gray", "sceptic": "skeptic", "sceptics": "skeptics", "sceptical": "skeptical", "scepticism": "skepticism",
	"aluminium": "aluminum", "judgement": "judgment", "judgements": "judgments",
	"acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments",
	"ageing": "aging", "whilst": "while", "amongst": "among",
	"enrol": "enroll", "enrols": "enrolls", "enrolment": "enrollment", "enrolments": "enrollments",
	"fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment", "instil": "instill", "instils": "instills",
	"skilful": "skillful", "skilfully": "skillfully", "wilful": "willful", "wilfully": "willfully",
	"plough": "plow", "ploughs": "plows", "mould": "mold", "moulds": "molds", "moustache": "mustache",
	"pyjamas": "pajamas", "jewellery": "jewelry", "paediatric": "pediatric", "encyclopaedia": "encyclopedia",
	"foetus": "fetus", "oestrogen": "estrogen", "anaesthetic": "anesthetic", "mediaeval": "medieval",
	"gaol": "jail", "cosy": "cozy", "practise": "practice", "practised": "practiced", "practises": "practices",
	"practising": "practicing", "marvellous": "marvelous", "woollen": "woolen", "chequered": "checkered",
	"dialogue": "dialog", "dialogues": "dialogs", "analogue": "analog",
}

// ourStems lose their u wherever they start a word: labour, labourers,
// honourable, neighbourhood, favourite.
var ourStems = []string{
	"ardour", "armour", "behaviour", "candour", "clamour", "colour", "demeanour", "endeavour",
	"favour", "fervour", "flavour", "harbour", "honour", "humour", "labour", "neighbour",
	"odour", "parlour", "rancour", "rigour", "rumour", "saviour", "savour", "splendour",
	"succour", "tumour", "valour", "vapour", "vigour",
}

// doubledL stems keep one l before these endings: travelling, cancelled,
// modeller. "cancellation" is spelt so in America too and keeps its ll.
var doubledL = []string{
	"barrell", "cancell", "channell", "counsell", "duell", "equall", "fuell",
	"diall", "grovell", "initiall", "jewell", "labell", "levell", "marshall", "modell", "panell",
	"pencill", "quarrell", "rivall", "shovell", "signall", "snorkell", "totall",
	"travell", "tunnell", "unravell",
}
var doubledLEndings = []string{"ed", "ing", "er", "ers", "or", "ors"}

// iseExceptions are words ending in -ise that are not the -ise/-ize verb
// suffix, written the same in America.
var iseExceptions = map[string]bool{
	"advertise": true, "advise": true, "arise": true, "chastise": true, "circumcise": true,
	"comprise": true, "compromise": true, "concise": true, "demise": true, "despise": true,
	"devise": true, "disguise": true, "enterprise": true, "excise": true, "exercise": true,
	"expertise": true, "franchise": true, "improvise": true, "incise": true, "merchandise": true,
	"precise": true, "premise": true, "promise": true, "reprise": true, "revise": true,
	"rise": true, "supervise": true, "surmise": true, "surprise": true, "televise": true,
	"treatise": true, "wise": true, "likewise": true, "otherwise": true, "clockwise": true,
	"noise": true, "poise": true, "raise": true, "praise": true, "appraise": true, "braise": true,
	"paradise": true, "cruise": true, "bruise": true, "guise": true, "mortise": true,
	"tortoise": true, "porpoise": true, "anise": true, "valise": true, "apprise": true,
	"prise": true, "sunrise": true, "uprise": true, "cerise": true, "chemise": true,
	"louise": true, "denise": true, "elise": true,
}

// iseSuffixes are the -ise family endings and their -ize forms.
var iseSuffixes = [][2]string{
	{"isations", "izations"}, {"isation", "ization"}, {"isers", "izers"}, {"ising", "izing"},
	{"ised", "ized"}, {"ises", "izes"}, {"iser", "izer"}, {"ise", "ize"}, {"isable", "izable"},
}

// yseSuffixes: analyse, paralyse, catalyse. "analyses" is left alone: it is
// also the plural of analysis.
var yseSuffixes = [][2]string{{"ysing", "yzing"}, {"ysed", "yzed"}, {"yser", "yzer"}, {"yse", "yze"}}

// americanSpelling returns the American spelling of a lower-case word and
// whether it differs.
func americanSpelling(term []byte) (string, bool) {
	if len(term) < 4 {
		return "", false
	}
	if r, ok := americanWords[string(term)]; ok {
		return r, true
	}
	w := string(term)
	if strings.Contains(w, "our") {
		for _, s := range ourStems {
			if strings.HasPrefix(w, s) {
				return s[:len(s)-2] + "r" + w[len(s):], true
			}
		}
	}
	if strings.Contains(w, "ll") {
		for _, s := range doubledL {
			if rest, ok := strings.CutPrefix(w, s); ok {
				for _, e := range doubledLEndings {
					if rest == e {
						return strings.TrimSuffix(s, "l") + rest, true
					}
				}
			}
		}
	}
	if strings.Contains(w, "is") {
		for _, p := range iseSuffixes {
			if base, ok := strings.CutSuffix(w, p[0]); ok {
				// at least three letters before the suffix: not rise, wise
				if len(base) < 3 || iseExceptions[base+"ise"] {
					return "", false
				}
				return base + p[1], true
			}
		}
	}
	if strings.Contains(w, "ys") {
		for _, p := range yseSuffixes {
			if base, ok := strings.CutSuffix(w, p[0]); ok && len(base) >= 3 {
				return base + p[1], true
			}
		}
	}
	return "", false
}
