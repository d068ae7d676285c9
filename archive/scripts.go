package archive

import "strings"

// A superscript or subscript flattened into the text around it changes
// its number: HTML's 10<sup>6</sup> read "106", 2<sup>-3</sup> "2-3" and
// CO<sub>2</sub> "CO2" (a helper's report). ScriptText writes such a text
// so that it stays apart from what it follows: in Unicode's superscript or
// subscript characters when each of its characters has one (10⁶, 2⁻³,
// CO₂, 1ˢᵗ), else marked "^(…)" or "_(…)". The archive's text (what the
// index reads) and the reader show it so; the index's tokenizer reads
// superscript digits after a number as a number of their own, as it reads
// 10^6, so a search for 106 does not find 10⁶, and 10^6 does.

// superscripts and subscripts are the characters with a Unicode
// superscript or subscript form, and that form.
var (
	superscripts = scriptMap("0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
		"⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ")
	subscripts = scriptMap("0123456789+-−=()aehijklmnoprstuvx",
		"₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
)

func scriptMap(from, to string) map[rune]rune {
	f, t := []rune(from), []rune(to)
	if len(f) != len(t) {
		panic("archive: scriptMap: lengths differ")
	}
	m := make(map[rune]rune, len(f))
	for i, r := range f {
		m[r] = t[i]
	}
	return m
}

// ScriptText is s, the text of a superscript (super) or a subscript, as
// it is shown and indexed (see above): "" and white space stay as they are.
func ScriptText(s string, super bool) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	m, mark := subscripts, "_("
	if super {
		m, mark = superscripts, "^("
	}
	var b strings.Builder
	for _, r := range s {
		c, ok := m[r]
		if !ok {
			return mark + s + ")"
		}
		b.WriteRune(c)
	}
	return b.String()
}
