package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is every style the interface draws with. It is a plain value built
// by NewStyles from the terminal's background and NO_COLOR, and rebuilt when
// the terminal reports its background; nothing here is package-level state.
type Styles struct {
	Dark    bool
	NoColor bool

	Brand      lipgloss.Style
	Prompt     lipgloss.Style
	Count      lipgloss.Style
	Hint       lipgloss.Style
	Rule       lipgloss.Style
	PaneBorder lipgloss.Style

	// Result list.
	Title         lipgloss.Style
	TitleSelected lipgloss.Style
	Meta          lipgloss.Style
	Snippet       lipgloss.Style
	Match         lipgloss.Style // a query word in a title, snippet or rendered piece
	CursorBar     lipgloss.Style
	Empty         lipgloss.Style
	UnreadMark    lipgloss.Style
	StarMark      lipgloss.Style

	// Sidebar.
	GroupHeader  lipgloss.Style
	FacetValue   lipgloss.Style
	FacetCount   lipgloss.Style
	FacetChosen  lipgloss.Style
	FacetCursor  lipgloss.Style
	Timeline     lipgloss.Style
	TimelineAxis lipgloss.Style

	// Reader.
	ReaderTitle  lipgloss.Style
	ReaderMeta   lipgloss.Style
	ReaderTag    lipgloss.Style
	ReaderURL    lipgloss.Style
	ReaderNote   lipgloss.Style
	ReaderBar    lipgloss.Style
	FindMatch    lipgloss.Style
	FindCurrent  lipgloss.Style
	ScrollAmount lipgloss.Style

	// Footer and overlays.
	Status      lipgloss.Style
	StatusError lipgloss.Style
	Overlay     lipgloss.Style
	Help        help.Styles
	Progress    lipgloss.Style
	Error       lipgloss.Style

	// GlamourStyle names the Glamour standard style for the body: "dark",
	// "light" or, without colour, "notty". Never "auto": that would query the
	// terminal from inside a render.
	GlamourStyle string
}

// NewStyles builds the styles for a dark or light background. With noColor
// (NO_COLOR set) no colour is used at all: selection, matches and headings are
// told apart by reverse video, bold and underline only.
func NewStyles(dark, noColor bool) Styles {
	p := newPalette(dark, noColor)
	s := Styles{Dark: dark, NoColor: noColor}
	s.setListStyles(p)
	s.setReaderStyles(p)
	s.Status = lipgloss.NewStyle().Foreground(p.okColor)
	s.StatusError = lipgloss.NewStyle().Foreground(p.errColor).Bold(true)
	s.Overlay = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1)
	s.Help = help.DefaultStyles(dark)
	s.Progress = lipgloss.NewStyle().Foreground(p.accent)
	s.Error = lipgloss.NewStyle().Foreground(p.errColor)

	s.GlamourStyle = "dark"
	if !dark {
		s.GlamourStyle = "light"
	}

	if noColor {
		// Without colour, attributes carry the meaning.
		s.Match = lipgloss.NewStyle().Underline(true).Bold(true)
		s.FindMatch = lipgloss.NewStyle().Underline(true)
		s.FindCurrent = lipgloss.NewStyle().Reverse(true)
		s.TitleSelected = lipgloss.NewStyle().Bold(true)
		s.FacetChosen = lipgloss.NewStyle().Bold(true)
		s.Help = help.Styles{}
		s.GlamourStyle = "notty"
	}
	return s
}

// palette is the colours of a dark or light background; without colour,
// every one is NoColor.
type palette struct {
	accent, text, subtle, faint, matchBg, matchFg, currBg color.Color
	errColor, okColor, tagColor, starColor, black         color.Color
}

func newPalette(dark, noColor bool) palette {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkHex string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkHex))
	}
	return palette{
		accent:    c("#5A3FC0", "#A78BFA"),
		text:      c("#1F1F1F", "#E6E6E6"),
		subtle:    c("#6B6B6B", "#9A9A9A"),
		faint:     c("#B5B5B5", "#4A4A4A"),
		matchBg:   c("#FFE58A", "#6B5A00"),
		matchFg:   c("#1F1F1F", "#FFF3B0"),
		currBg:    c("#FF9F43", "#E07A00"),
		errColor:  c("#B3261E", "#FF6B6B"),
		okColor:   c("#1B7F3B", "#6BD68B"),
		tagColor:  c("#0B6E75", "#5CC8D0"),
		starColor: c("#B07800", "#F5C542"),
		black:     c("#000000", "#000000"),
	}
}

// setListStyles sets the styles of the top bar, the list and the sidebar.
func (s *Styles) setListStyles(p palette) {
	s.Brand = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Prompt = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Count = lipgloss.NewStyle().Foreground(p.subtle)
	s.Hint = lipgloss.NewStyle().Foreground(p.subtle).Italic(true)
	s.Rule = lipgloss.NewStyle().Foreground(p.faint)
	s.PaneBorder = lipgloss.NewStyle().Foreground(p.faint)

	s.Title = lipgloss.NewStyle().Foreground(p.text)
	s.TitleSelected = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Meta = lipgloss.NewStyle().Foreground(p.subtle)
	s.Snippet = lipgloss.NewStyle().Foreground(p.subtle)
	s.Match = lipgloss.NewStyle().Foreground(p.matchFg).Background(p.matchBg).Bold(true)
	s.CursorBar = lipgloss.NewStyle().Foreground(p.accent)
	s.Empty = lipgloss.NewStyle().Foreground(p.subtle)
	s.UnreadMark = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.StarMark = lipgloss.NewStyle().Foreground(p.starColor)

	s.GroupHeader = lipgloss.NewStyle().Foreground(p.subtle).Bold(true)
	s.FacetValue = lipgloss.NewStyle().Foreground(p.text)
	s.FacetCount = lipgloss.NewStyle().Foreground(p.subtle)
	s.FacetChosen = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.FacetCursor = lipgloss.NewStyle().Reverse(true)
	s.Timeline = lipgloss.NewStyle().Foreground(p.accent)
	s.TimelineAxis = lipgloss.NewStyle().Foreground(p.subtle)
}

// setReaderStyles sets the reader's styles.
func (s *Styles) setReaderStyles(p palette) {
	s.ReaderTitle = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.ReaderMeta = lipgloss.NewStyle().Foreground(p.subtle)
	s.ReaderTag = lipgloss.NewStyle().Foreground(p.tagColor)
	s.ReaderURL = lipgloss.NewStyle().Foreground(p.tagColor).Underline(true)
	s.ReaderNote = lipgloss.NewStyle().Foreground(p.subtle).Italic(true)
	s.ReaderBar = lipgloss.NewStyle().Foreground(p.subtle)
	s.FindMatch = lipgloss.NewStyle().Foreground(p.matchFg).Background(p.matchBg)
	s.FindCurrent = lipgloss.NewStyle().Foreground(p.black).Background(p.currBg).Bold(true)
	s.ScrollAmount = lipgloss.NewStyle().Foreground(p.subtle)
}
