package termsafe

// Invisible is a character that shows as nothing wherever it stands
// (Unicode's default ignorable code points that no script needs): the
// soft hyphen, the word joiner and the invisible operators after it, the
// byte-order mark, Hangul's fillers used alone, Khmer's inherent vowels,
// the interlinear annotation marks, the shorthand and musical format
// characters, the tag characters past those a flag uses and the
// unassigned rest of their block. archive drops every one from what it
// reads; JSON and Quote escape them.
func Invisible(r rune) bool {
	switch {
	case r == 0xad, r == 0x3164, r == 0xffa0, r == 0xfeff,
		r == 0x17b4, r == 0x17b5,
		r >= 0x2060 && r <= 0x206f,
		r >= 0xfff0 && r <= 0xfffb,
		r >= 0x1bca0 && r <= 0x1bca3,
		r >= 0x1d173 && r <= 0x1d17a,
		r >= 0xe0080 && r <= 0xe00ff,
		r >= 0xe01f0 && r <= 0xe0fff:
		return true
	}
	return false
}

// Contextual is a character that shows as nothing and matters in some
// places only: the zero-width space (a word break in Thai or Khmer), the
// joiners (Persian, Indic scripts, emoji), the direction marks (right-to-
// left text), the combining grapheme joiner (which keeps Hebrew points in
// their order), the variation selectors (emoji, CJK, Mongolian's),
// Hangul's leading fillers (old syllables), the tag characters (a
// subdivision's flag). archive drops one where it shows as nothing and
// changes nothing (its ignorableAt; the index asks the same of a
// reference, archive.IgnorableAt); JSON and Quote escape them all, as
// they do Invisible's: a name "x\u200by.md" or "x\u034fy.md" would show
// as "xy.md", another file's.
func Contextual(r rune) bool {
	return r >= 0x200b && r <= 0x200f || r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef ||
		r >= 0x180b && r <= 0x180f || r == 0x115f || r == 0x1160 || r == 0x34f || IsTag(r)
}
