package fetch

import (
	"bytes"
	"io"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// decode is the one reading of a text in an encoding: what a body is read
// as (UTF8, XMLUTF8) and whether the reading is whole (Detect,
// MultiByteReadings) come from it, and it reads as the decoder's reader
// does.
func TestDecodeOnePath(t *testing.T) {
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("日本語の文章です。"))
	cp1251, _ := charmap.Windows1251.NewEncoder().Bytes([]byte("Комментарии"))
	for _, c := range []struct {
		name  string
		text  []byte
		enc   encoding.Encoding
		want  string
		whole bool
	}{
		{"Shift_JIS", sjis, japanese.ShiftJIS, "日本語の文章です。", true},
		{"windows-1251", cp1251, charmap.Windows1251, "Комментарии", true},
		{"a cut pair", sjis[:len(sjis)-1], japanese.ShiftJIS, "日本語の文章です\ufffd", false},
		{"a byte EUC-JP has no character for", []byte("ab\xffcd"), japanese.EUCJP, "ab\ufffdcd", false},
	} {
		out, whole := decode(c.text, c.enc)
		if string(out) != c.want || whole != c.whole {
			t.Errorf("%s: %q %v, want %q %v", c.name, out, whole, c.want, c.whole)
		}
		viaReader, err := io.ReadAll(c.enc.NewDecoder().Reader(bytes.NewReader(c.text)))
		if err != nil || !bytes.Equal(viaReader, out) {
			t.Errorf("%s: the reader reads %q (%v), decode %q", c.name, viaReader, err, out)
		}
	}
}
