package index

import (
	"strings"
	"testing"
)

// BenchmarkAnalyze: the text analyser (tokenizer and normalizeFilter)
// over the State of the Union corpus (ASCII but for a few words), over
// a text of Latin words with accents, and over Greek.
//
//	go test ./index -run '^$' -bench Analyze -count 6
func BenchmarkAnalyze(b *testing.B) {
	texts, n := sotuTexts(b)
	b.Run("sotu", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			for _, t := range texts {
				_ = textAnalyzer.Analyze(t)
			}
		}
	})
	for name, words := range map[string]string{
		"latin": "Le café où Æsop déjà vu naïve Zürich São Paulo façade señor Ångström Dvořák Łódź ",
		"greek": "Ο ΛΌΓΟΣ του πρωθυπουργού Καλημέρα Οδυσσέας σίσυφος ΑΘΗΝΑ καιρός λόγος ",
	} {
		text := []byte(strings.Repeat(words, 20000))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_ = textAnalyzer.Analyze(text)
			}
		})
	}
}
