// Package corpus generates deterministic archives of Markdown articles for
// benchmarks and tests: realistic length (~1,000 words), words drawn by
// frequency from a real vocabulary (the State of the Union addresses),
// outlets, authors, tags and dates across decades, some known only to the
// month or the year, in year subfolders, in the front-matter format of the
// archive package.
package corpus

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

//go:embed words.txt
var wordsFile []byte

// vocab is the word list with cumulative frequencies for sampling.
type vocab struct {
	words []string
	cum   []uint64
}

var common = loadVocab()

func loadVocab() vocab {
	var v vocab
	var total uint64
	sc := bufio.NewScanner(bytes.NewReader(wordsFile))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		w, n, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		c, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			continue
		}
		total += c
		v.words = append(v.words, w)
		v.cum = append(v.cum, total)
	}
	return v
}

func (v vocab) pick(r *rand.Rand) string {
	x := r.Uint64N(v.cum[len(v.cum)-1])
	i := sort.Search(len(v.cum), func(i int) bool { return v.cum[i] > x })
	return v.words[i]
}

// Topics give each piece a subject: their words recur in it, as a real
// piece's subject does, and its tags name them.
var topics = []struct {
	tag   string
	words []string
}{
	{"isis", []string{"Isil", "ISIS", "Islamic State", "Daesh", "caliphate", "Raqqa", "Mosul"}},
	{"al-qaeda", []string{"al-Qaeda", "al Qaida", "bin Laden", "Zawahiri", "affiliate"}},
	{"radicalisation", []string{"radicalisation", "radicalised", "extremism", "ideology", "recruitment"}},
	{"foreign-fighters", []string{"foreign fighters", "returnees", "travellers", "battlefield", "Syria"}},
	{"mi5", []string{"MI5", "Security Service", "intelligence", "surveillance", "plot"}},
	{"china", []string{"China", "Beijing", "Xinjiang", "Belt and Road", "Uighur"}},
	{"pakistan", []string{"Pakistan", "Islamabad", "Lashkar", "Kashmir", "madrassa"}},
	{"prevent", []string{"Prevent", "safeguarding", "counter-extremism", "community", "referral"}},
	{"economy", []string{"economy", "inflation", "tariff", "revenue", "deficit"}},
	{"defence", []string{"defence", "army", "navy", "procurement", "deterrence"}},
	{"europe", []string{"Europe", "Brussels", "Paris", "Berlin", "Schengen"}},
	{"online", []string{"online", "propaganda", "encryption", "platform", "Telegram"}},
	{"prisons", []string{"prison", "inmates", "probation", "release", "deradicalisation"}},
	{"afghanistan", []string{"Afghanistan", "Taliban", "Kabul", "Helmand", "withdrawal"}},
	{"terrorism", []string{"terrorism", "attack", "bombing", "counter-terrorism", "threat"}},
	{"policing", []string{"police", "arrest", "counter-terrorism policing", "officers", "investigation"}},
}

var outlets = []string{
	"The Telegraph", "The Guardian", "The Times", "Financial Times", "The Independent",
	"The Economist", "Foreign Policy", "Prospect", "New Statesman", "The Spectator",
	"The Wall Street Journal", "The New York Times", "Washington Post", "Politico Europe",
	"Sky News", "BBC News", "Al Jazeera", "South China Morning Post", "The Diplomat",
	"War on the Rocks", "RUSI Newsbrief", "CTC Sentinel", "Lawfare", "The National",
}

var firstNames = []string{"Anna", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hassan", "Isla", "James",
	"Kavya", "Liam", "Maya", "Nikolai", "Olivia", "Pedro", "Qian", "Rosa", "Samir", "Tomas",
	"Uma", "Victor", "Wen", "Yusuf", "Zara", "Raffaello", "Shiraz", "Peter", "Lucy", "Omar"}
var lastNames = []string{"Adams", "Baker", "Chen", "Dawson", "Evans", "Farouk", "Garcia", "Hughes", "Iqbal", "Jones",
	"Khan", "Lopez", "Morgan", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Singh", "Taylor",
	"Usman", "Varga", "Walsh", "Xu", "Young", "Zhou", "Pantucci", "Maher", "Neumann", "Burke"}

var kinds = []string{"article", "article", "article", "article", "article", "article", "article",
	"article", "interview", "speech"}

// Generate writes n articles under dir (created if needed) from seed. The
// same n and seed always give the same files.
func Generate(dir string, n int, seed int64) error {
	_, err := GenerateBytes(dir, n, seed)
	return err
}

// GenerateBytes is Generate, returning the bytes written.
func GenerateBytes(dir string, n int, seed int64) (int64, error) {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
	var total int64
	var buf bytes.Buffer
	madeDirs := map[string]bool{}
	for i := range n {
		buf.Reset()
		year := writeArticle(&buf, r, i)
		sub := filepath.Join(dir, strconv.Itoa(year))
		if !madeDirs[sub] {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return total, err
			}
			madeDirs[sub] = true
		}
		name := filepath.Join(sub, fmt.Sprintf("piece-%06d.md", i))
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return total, err
		}
		total += int64(buf.Len())
	}
	return total, nil
}

func writeArticle(b *bytes.Buffer, r *rand.Rand, i int) (year int) {
	// subjects
	t1 := topics[zipfIndex(r, len(topics))]
	t2 := topics[r.IntN(len(topics))]
	tags := []string{t1.tag}
	if t2.tag != t1.tag {
		tags = append(tags, t2.tag)
	}
	for range r.IntN(3) {
		t := topics[r.IntN(len(topics))].tag
		if !contains(tags, t) {
			tags = append(tags, t)
		}
	}
	subject := append(append([]string{}, t1.words...), t2.words...)

	// date: 1960–2024, denser recently; most known to the day
	year = 2024 - int(float64(65)*r.Float64()*r.Float64())
	month := 1 + r.IntN(12)
	day := 1 + r.IntN(28)
	var date string
	switch p := r.IntN(100); {
	case p < 80:
		date = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	case p < 95:
		date = fmt.Sprintf("%04d-%02d", year, month)
	default:
		date = fmt.Sprintf("%04d", year)
	}

	nAuthors := 1
	if r.IntN(6) == 0 {
		nAuthors = 2
	}
	var authors []string
	for range nAuthors {
		authors = append(authors, firstNames[r.IntN(len(firstNames))]+" "+lastNames[zipfIndex(r, len(lastNames))])
	}
	outlet := outlets[zipfIndex(r, len(outlets))]
	kind := kinds[r.IntN(len(kinds))]

	title := titleCase(sentenceWords(r, 5+r.IntN(6), subject, 3))
	fmt.Fprintf(b, "---\ntitle: %q\ndate: %q\nauthors: [%s]\noutlet: %q\nkind: %s\ntags: [%s]\n",
		title, date, quoteAll(authors), outlet, kind, strings.Join(tags, ", "))
	if r.IntN(3) > 0 {
		fmt.Fprintf(b, "url: https://example.org/%d/piece-%06d\n", year, i)
	}
	fmt.Fprintf(b, "standfirst: %q\n---\n\n", sentence(r, 15+r.IntN(15), subject))

	words := 300 + r.IntN(1400) // about 1,000 on average
	for words > 0 {
		sentences := 3 + r.IntN(4)
		for s := range sentences {
			n := 8 + r.IntN(20)
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence(r, n, subject))
			words -= n
		}
		b.WriteString("\n\n")
	}
	return year
}

// sentence is n words, a subject word now and then, capitalised, with a full stop.
func sentence(r *rand.Rand, n int, subject []string) string {
	ws := sentenceWords(r, n, subject, 12)
	s := strings.Join(ws, " ")
	return upperFirst(s) + "."
}

func sentenceWords(r *rand.Rand, n int, subject []string, subjectEvery int) []string {
	ws := make([]string, 0, n)
	for range n {
		if r.IntN(subjectEvery) == 0 {
			ws = append(ws, subject[r.IntN(len(subject))])
		} else {
			ws = append(ws, common.pick(r))
		}
	}
	return ws
}

// zipfIndex picks 0..n-1, low indices more often.
func zipfIndex(r *rand.Rand, n int) int {
	return int(float64(n) * r.Float64() * r.Float64())
}

func titleCase(ws []string) string {
	for i, w := range ws {
		if i == 0 || len(w) > 3 {
			ws[i] = upperFirst(w)
		}
	}
	return strings.Join(ws, " ")
}

func upperFirst(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
