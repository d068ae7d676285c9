package fetch

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// A Polish or Slovenian page in ISO-8859-2 whose only letters outside
// ASCII windows-1252 has no letter for (ł is ³ there, ž is ¾) is read in
// ISO-8859-2 (a review: "By³ to ma³y dom" was stored, the words of symbols
// counted neither bad nor good).
func TestWordsOfSymbolsAreImplausible(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"Polish", "Był to mały dom, ale miał ładny ogród. Mówił, że głos był pełny i miły, a cały dzień minął spokojnie. Długo stał przy oknie i słuchał, jak ktoś grał na skrzypcach. Potem wyszedł na dwór, gdzie było już ciemno i chłodno."},
		{"Slovenian", "Vlada je včeraj sprejela nove ukrepe za blaženje posledic draginje. Ukrepi bodo veljali za gospodinjstva z nižjimi dohodki, ki bodo prejela enkratno pomoč. Sveženj bo stal približno sto milijonov evrov."},
	} {
		body, err := charmap.ISO8859_2.NewEncoder().Bytes([]byte("<p>" + c.text + "</p>"))
		if err != nil {
			t.Fatal(err)
		}
		if _, name, _ := Detect(body); name != "iso-8859-2" && name != "windows-1250" {
			t.Errorf("%s in ISO-8859-2 read as %s", c.lang, name)
		}
	}
	// a Western page is still windows-1252's
	west, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("<p>The menu was à la carte, “naïve” and 50¢ — Voilà.</p>"))
	if _, name, _ := Detect(west); name != "windows-1252" {
		t.Errorf("a Western page read as %s", name)
	}
}
