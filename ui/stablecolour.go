package ui

import (
	"encoding/xml"
	"io"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
)

// chroma's 256-colour formatter, which Glamour highlights code with, gives
// each colour of a style the escape of its nearest palette colour, found by
// walking a map (formatters/tty_indexed.go, findClosest): of two palette
// colours at the same distance, a whole number, it took either, one render
// to the next. The "dark" style's comment colour, #676767, lies between
// 241 (#626262) and 242 (#6c6c6c): three of 40 renders of one piece in
// one process differed so. folio registers, under chroma's name
// "terminal256", chroma's own formatter given the style with each colour
// already a palette colour: the nearest, the first in the palette's order
// on a tie. chroma then finds it at distance 0, one answer.
func init() {
	formatters.Register("terminal256", stableTTY256{formatters.TTY256})
}

// stableTTY256 is chroma's 256-colour formatter over styles of palette
// colours (paletteStyle).
type stableTTY256 struct{ chroma.Formatter }

func (f stableTTY256) Format(w io.Writer, style *chroma.Style, it chroma.Iterator) error {
	return f.Formatter.Format(w, paletteStyle(style), it)
}

// paletteStyles are the styles of palette colours made, by the style
// they were made of (Glamour registers its style once).
var paletteStyles sync.Map // *chroma.Style → *chroma.Style

// paletteStyle is style with each colour, and each background, of its
// entries the nearest colour of the 256-colour palette
// (nearestPaletteColour). The entries are read as chroma writes a style
// out (MarshalXML: each as its style gives it, not as inherited, which
// would give each the background chroma's formatter leaves out); a style
// that cannot be written out (one built on another) is used as it is.
func paletteStyle(style *chroma.Style) *chroma.Style {
	if s, ok := paletteStyles.Load(style); ok {
		return s.(*chroma.Style)
	}
	s := style
	if out, err := xml.Marshal(style); err == nil {
		var doc struct {
			Entries []struct {
				Type  string `xml:"type,attr"`
				Style string `xml:"style,attr"`
			} `xml:"entry"`
		}
		if xml.Unmarshal(out, &doc) == nil {
			b := chroma.NewStyleBuilder(style.Name)
			ok := true
			for _, en := range doc.Entries {
				t, err := chroma.TokenTypeString(en.Type)
				e, err2 := chroma.ParseStyleEntry(en.Style)
				if err != nil || err2 != nil {
					ok = false
					break
				}
				e.Colour = nearestPaletteColour(e.Colour)
				e.Background = nearestPaletteColour(e.Background)
				b.AddEntry(t, e)
			}
			if built, err := b.Build(); ok && err == nil {
				s = built
			}
		}
	}
	paletteStyles.Store(style, s)
	return s
}

// palette256 is xterm's 256 colours, in their order, as chroma's table
// has them: 16 system colours, the 6×6×6 cube, 24 greys.
var palette256 = func() []chroma.Colour {
	var p []chroma.Colour
	for _, s := range []string{"#000000", "#800000", "#008000", "#808000", "#000080", "#800080", "#008080", "#c0c0c0",
		"#808080", "#ff0000", "#00ff00", "#ffff00", "#0000ff", "#ff00ff", "#00ffff", "#ffffff"} {
		p = append(p, chroma.MustParseColour(s))
	}
	levels := []uint8{0, 0x5f, 0x87, 0xaf, 0xd7, 0xff}
	for _, r := range levels {
		for _, g := range levels {
			for _, b := range levels {
				p = append(p, chroma.NewColour(r, g, b))
			}
		}
	}
	for i := range 24 {
		v := uint8(8 + 10*i)
		p = append(p, chroma.NewColour(v, v, v))
	}
	return p
}()

// nearestPaletteColour is the palette colour nearest c by chroma's
// distance, the first in the palette's order of those as near; c unset
// stays unset.
func nearestPaletteColour(c chroma.Colour) chroma.Colour {
	if !c.IsSet() {
		return c
	}
	best, bestD := palette256[0], c.Distance(palette256[0])
	for _, p := range palette256[1:] {
		if d := c.Distance(p); d < bestD {
			best, bestD = p, d
		}
	}
	return best
}
