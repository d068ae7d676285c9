package cli

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// served is what a test server answers at a path: its content type and
// body.
type served struct {
	ct   string
	body []byte
}

// serveEach is a server answering each path of paths as given, and 404
// elsewhere; closed at the test's end.
func serveEach(t *testing.T, paths map[string]served) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := paths[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ct)
		w.Write(p.body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// foreignPage is an article page in lang, its charset declared by meta
// (empty: none).
func foreignPage(lang, title, meta string, paras []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=%q><head>%s<title>%s</title>\n", lang, meta, title)
	fmt.Fprintf(&b, "<meta property=\"og:title\" content=%q>\n<meta name=\"author\" content=\"Jane Doe\">\n", title)
	b.WriteString("<meta property=\"article:published_time\" content=\"2019-11-06T10:00:00Z\">\n</head><body><article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

var (
	russianTitle = "Комментарий Набокова к Пушкину"
	russian      = []string{
		"Комментарий Набокова к роману Пушкина занимает четыре тома и остаётся одним из самых подробных комментариев в истории литературы.",
		"Набоков объясняет каждую строфу, спорит с прежними переводчиками и приводит источники, которые Пушкин читал в молодости.",
		"Читатель, который хочет понять роман, найдёт здесь и словарь эпохи, и историю дуэлей, и описание петербургских балов.",
		"Этот труд вызвал долгий спор с Эдмундом Уилсоном, и спор этот до сих пор читают с удовольствием.",
	}
	greekTitle = "Άρθρο για τα σχόλια στον Όμηρο"
	greek      = []string{
		"Τα αρχαία σχόλια στην Ιλιάδα σώζονται στα περιθώρια των χειρογράφων και μας λένε πώς διάβαζαν οι Αλεξανδρινοί τον ποιητή.",
		"Ο Αρίσταρχος σημείωνε τους στίχους που θεωρούσε νόθους, και οι μαθητές του αντέγραφαν τις παρατηρήσεις του με μεγάλη προσοχή.",
		"Άλλοι σχολιαστές εξηγούσαν τις δύσκολες λέξεις, τη μυθολογία και τη γεωγραφία του έπους για τους αναγνώστες της εποχής τους.",
		"Σήμερα οι φιλόλογοι μελετούν αυτά τα σχόλια για να καταλάβουν την ιστορία της ανάγνωσης και της κριτικής.",
	}
	japaneseTitle = "東京の経済政策についての論評"
	japaneseText  = []string{
		"東京の経済政策について、日本銀行は金融政策を決定する。政府は予算を国会に提出し、議員はその内容を審議する。",
		"経済学者の多くは、物価の上昇が続くならば金利を引き上げるべきだと考えている。しかし、景気の回復はまだ弱い。",
		"地方の経済は人口の減少に苦しんでおり、若い人々は仕事を求めて東京や大阪へ移り住んでいる。",
		"この論評は、これからの政府が何をすべきか、そして読者がなぜこの冬にそれを気にかけるべきかを論じる。",
	}
)

// TestAddPageInOneByteEncoding: a Russian page in windows-1251, KOI8-R
// or ISO-8859-5, a Greek one in windows-1253 or ISO-8859-7, declared in
// the header, in <meta charset>, not at all, or sent as UTF-8, is added
// with its letters (a review: one undeclared was written as mojibake, one
// sent as UTF-8 refused as binary data); so is a Japanese page in
// Shift_JIS that declares nothing (it was read as windows-1252).
func TestAddPageInOneByteEncoding(t *testing.T) {
	quickFetch(t)
	type lang struct {
		code, title string
		paras       []string
	}
	ru, el, ja := lang{"ru", russianTitle, russian}, lang{"el", greekTitle, greek}, lang{"ja", japaneseTitle, japaneseText}
	pages := map[string]served{}
	var want []string // paths
	wantText := map[string]lang{}
	add := func(path string, l lang, enc encoding.Encoding, name, declared string) {
		meta, ct := "", "text/html"
		switch declared {
		case "header":
			ct += "; charset=" + name
		case "meta":
			meta = fmt.Sprintf("<meta charset=%q>", name)
		case "http-equiv":
			meta = fmt.Sprintf(`<meta http-equiv="Content-Type" content="text/html; charset=%s">`, name)
		case "as-utf8":
			ct += "; charset=utf-8"
		}
		body, err := enc.NewEncoder().Bytes([]byte(foreignPage(l.code, l.title, meta, l.paras)))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		pages[path] = served{ct, body}
		want = append(want, path)
		wantText[path] = l
	}
	for _, c := range []struct {
		l    lang
		enc  encoding.Encoding
		name string
	}{
		{ru, charmap.Windows1251, "windows-1251"},
		{ru, charmap.KOI8R, "koi8-r"},
		{ru, charmap.ISO8859_5, "iso-8859-5"},
		{el, charmap.Windows1253, "windows-1253"},
		{el, charmap.ISO8859_7, "iso-8859-7"},
	} {
		for _, d := range []string{"header", "meta", "http-equiv", "none", "as-utf8"} {
			add("/2019/11/"+c.name+"-"+d, c.l, c.enc, c.name, d)
		}
	}
	add("/2019/11/shift_jis-none", ja, japanese.ShiftJIS, "shift_jis", "none")
	add("/2019/11/shift_jis-meta", ja, japanese.ShiftJIS, "shift_jis", "meta")
	srv := serveEach(t, pages)
	for _, path := range want {
		into := t.TempDir()
		out, errs, code := run(t, "add", srv.URL+path, "--into", into)
		if code != 0 {
			t.Errorf("%s: exit %d\n%s\n%s", path, code, out, errs)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(into, "*.md"))
		if len(files) != 1 {
			t.Errorf("%s: files %v", path, files)
			continue
		}
		data, _ := os.ReadFile(files[0])
		l := wantText[path]
		if !strings.Contains(string(data), l.title) || !strings.Contains(string(data), l.paras[2]) || strings.ContainsRune(string(data), '\ufffd') {
			t.Errorf("%s: written\n%s", path, data)
		}
	}
}

// TestAddBinaryServedAsPage: a PDF, a PNG and gzip-compressed bytes
// served as text/html, or with no content type, are refused, each error
// naming its URL; reading pages in any encoding does not read them.
func TestAddBinaryServedAsPage(t *testing.T) {
	quickFetch(t)
	rnd := rand.New(rand.NewPCG(1, 2))
	var words bytes.Buffer
	for range 3000 {
		fmt.Fprintf(&words, "%x ", rnd.Uint32())
	}
	var stream bytes.Buffer
	zw := zlib.NewWriter(&stream)
	zw.Write(words.Bytes())
	zw.Close()
	pdf := fmt.Appendf(nil, "%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", stream.Len())
	pdf = append(append(pdf, stream.Bytes()...), "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"...)
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = uint8(rnd.Uint32())
	}
	img.Set(0, 0, color.Black)
	var pngData bytes.Buffer
	png.Encode(&pngData, img)
	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	fmt.Fprint(gw, foreignPage("ru", russianTitle, "", russian))
	gw.Close()
	bodies := map[string][]byte{"pdf": pdf, "png": pngData.Bytes(), "gzip": gz.Bytes()}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind, typed := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/"), "-as-html")
		body, ok := bodies[kind]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if typed {
			w.Header().Set("Content-Type", "text/html")
		} else {
			w.Header()["Content-Type"] = nil
		}
		w.Write(body)
	}))
	defer srv.Close()
	into := t.TempDir()
	var urls []string
	for kind := range bodies {
		urls = append(urls, srv.URL+"/"+kind, srv.URL+"/"+kind+"-as-html")
	}
	out, errs, code := run(t, append(append([]string{"add"}, urls...), "--into", into, "--date", "2020")...)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, out)
	}
	for _, u := range urls {
		if !strings.Contains(errs, "failed    "+u+": not a web page") {
			t.Errorf("%s not refused as no web page:\n%s", u, errs)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*.md")); len(files) != 0 {
		t.Errorf("written: %v\n%s", files, out)
	}
}

// A Russian feed in windows-1251 is imported with its letters whether
// its XML declaration, the header alone (RFC 7303's charset), or nothing
// says so (a helper's report: the last two were refused, "XML syntax
// error: invalid UTF-8"); a UTF-8 feed a server calls ISO-8859-1 stays
// UTF-8.
func TestImportFeedInOneByteEncoding(t *testing.T) {
	quickFetch(t)
	feed := func(decl string) string {
		return `<?xml version="1.0"` + decl + `?>
<rss version="2.0"><channel><title>Комментарии</title><link>http://example.org/</link>
<item><title>` + russianTitle + `</title><link>http://example.org/2019/11/piece</link><guid>http://example.org/2019/11/piece</guid>
<pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>` + russian[1] + `</description></item>
</channel></rss>`
	}
	win1251 := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	feeds := map[string]served{
		"/declared.xml": {"application/rss+xml", win1251(feed(` encoding="windows-1251"`))},
		"/header.xml":   {"application/rss+xml; charset=windows-1251", win1251(feed(""))},
		"/none.xml":     {"application/rss+xml", win1251(feed(""))},
		"/utf8.xml":     {"text/xml; charset=iso-8859-1", []byte(feed(` encoding="utf-8"`))},
	}
	srv := serveEach(t, feeds)
	for p := range feeds {
		into := t.TempDir()
		out, errs, code := run(t, "import", srv.URL+p, "--into", into)
		files, _ := filepath.Glob(filepath.Join(into, "*.md"))
		if code != 0 || len(files) != 1 {
			t.Errorf("%s: exit %d, files %v\n%s%s", p, code, files, out, errs)
			continue
		}
		data, _ := os.ReadFile(files[0])
		if !strings.Contains(string(data), "title: "+russianTitle) || !strings.Contains(string(data), russian[1]) || !strings.Contains(string(data), "outlet: Комментарии") {
			t.Errorf("%s: written\n%s", p, data)
		}
	}
}

// A feed in UTF-16 (a byte-order mark, whatever the header says) and a
// UTF-8 feed with a stray Latin-1 byte are imported with their letters
// (an attack: both were refused, "failed to detect feed type" and
// "XML syntax error on line 2: invalid UTF-8", losing the whole feed).
func TestImportFeedInUTF16OrWithStrayBytes(t *testing.T) {
	quickFetch(t)
	feed := func(decl, desc string) string {
		return `<?xml version="1.0"` + decl + `?>
<rss version="2.0"><channel><title>Ça va</title><link>http://example.org/</link>
<item><title>Crème brûlée</title><link>http://example.org/2019/11/piece</link><guid>http://example.org/2019/11/piece</guid>
<pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate><description>` + desc + `</description></item>
</channel></rss>`
	}
	utf16 := func(s string, order binary.AppendByteOrder, bom []byte) []byte {
		b := bom
		for _, u := range utf16.Encode([]rune(s)) {
			b = order.AppendUint16(b, u)
		}
		return b
	}
	feeds := map[string]served{
		"/le.xml":        {"application/rss+xml; charset=iso-8859-1", utf16(feed(` encoding="UTF-16"`, "Un café"), binary.LittleEndian, []byte{0xff, 0xfe})},
		"/be.xml":        {"application/rss+xml", utf16(feed(` encoding="UTF-16"`, "Un café"), binary.BigEndian, []byte{0xfe, 0xff})},
		"/nobom.xml":     {"application/rss+xml", utf16(feed(` encoding="UTF-16"`, "Un café"), binary.LittleEndian, nil)},
		"/stray.xml":     {"application/rss+xml; charset=utf-8", []byte(feed("", "Un caf\xe9 cr\xe8me"))},
		"/straydecl.xml": {"application/rss+xml", []byte(feed(` encoding="utf-8"`, "Un caf\xe9"))},
	}
	desc := map[string]string{"/stray.xml": "Un café crème"} // else "Un café"
	srv := serveEach(t, feeds)
	// bytes side by side, said to be UTF-8, are no stray Latin-1: the
	// feed is refused, as it was, not written as mojibake (a review:
	// Shift_JIS's 東京 came out "“Œ‹ž", windows-1251's «да» "«äà»")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("東京")
	cyr, _ := charmap.Windows1251.NewEncoder().String("«да»")
	refused := map[string][]byte{
		"/sjis.xml": []byte(feed("", "Un café in "+sjis)),
		"/cyr.xml":  []byte(feed(` encoding="utf-8"`, "Un café, "+cyr)),
	}
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(refused[r.URL.Path])
	}))
	defer srv2.Close()
	for p := range refused {
		into := t.TempDir()
		out, errs, code := run(t, "import", srv2.URL+p, "--into", into)
		if files, _ := filepath.Glob(filepath.Join(into, "*.md")); code == 0 || len(files) != 0 || !strings.Contains(errs, "invalid UTF-8") {
			t.Errorf("%s: exit %d, files %v\n%s%s", p, code, files, out, errs)
		}
	}
	for p, f := range feeds {
		for _, from := range []string{"url", "file"} {
			into, src := t.TempDir(), srv.URL+p
			if from == "file" {
				src = filepath.Join(t.TempDir(), "feed.xml")
				if err := os.WriteFile(src, f.body, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, errs, code := run(t, "import", src, "--into", into)
			files, _ := filepath.Glob(filepath.Join(into, "*.md"))
			if code != 0 || len(files) != 1 {
				if from == "file" && strings.HasPrefix(p, "/stray") {
					continue // a file's bytes are read as it declares (README)
				}
				t.Errorf("%s from a %s: exit %d, files %v\n%s%s", p, from, code, files, out, errs)
				continue
			}
			data, _ := os.ReadFile(files[0])
			if !strings.Contains(string(data), "title: Crème brûlée") || !strings.Contains(string(data), cmp.Or(desc[p], "Un café")) || !strings.Contains(string(data), "outlet: Ça va") {
				t.Errorf("%s from a %s: written\n%s", p, from, data)
			}
		}
	}
}

// An English page in windows-1252 with one French word, sent as UTF-8 or
// with no charset, is added with the word as written (a review: the
// detector, taken at any confidence on the few bytes around it, made
// "à la carte" windows-1250's "ŕ la carte"); a short Russian feed in
// windows-1251 that declares nothing is imported in Russian (it was
// read as ISO-8859-1).
func TestAddFewAccentedWords(t *testing.T) {
	quickFetch(t)
	var paras []string
	for i := range 8 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of an English commentary on European security policy, written plainly for readers.", i))
	}
	paras = append(paras, "The menu was à la carte.", "Voilà — done.")
	page, err := charmap.Windows1252.NewEncoder().Bytes([]byte(foreignPage("en", "Dinner at the summit", "", paras)))
	if err != nil {
		t.Fatal(err)
	}
	feed, err := charmap.Windows1251.NewEncoder().Bytes([]byte(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Новости</title><link>http://example.org/</link><description>Лента</description>
<item><title>Кремль заявил о переговорах</title><link>http://example.org/n0</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Переговоры продолжатся на следующей неделе.</description></item>
</channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2024/05/as-utf8":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/2024/05/none":
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/xml")
			w.Write(feed)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, c := range []struct{ cmd, path, want string }{
		{"add", "/2024/05/as-utf8", "The menu was à la carte."},
		{"add", "/2024/05/none", "The menu was à la carte."},
		{"import", "/feed.xml", "title: Кремль заявил о переговорах"},
	} {
		into := t.TempDir()
		out, errs, code := run(t, c.cmd, srv.URL+c.path, "--into", into)
		files, _ := filepath.Glob(filepath.Join(into, "*.md"))
		if code != 0 || len(files) != 1 {
			t.Errorf("%s: exit %d, files %v\n%s%s", c.path, code, files, out, errs)
			continue
		}
		data, _ := os.ReadFile(files[0])
		if !strings.Contains(string(data), c.want) || strings.ContainsRune(string(data), '\ufffd') {
			t.Errorf("%s: written\n%s", c.path, data)
		}
	}
}
