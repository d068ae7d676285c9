package cli

import (
	"strings"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// alsoRanIn names the other copies of a piece, safe for a terminal:
// "The Other Paper (2017-10-26), A Third Paper (2017-11-02)".
func alsoRanIn(cs []index.Copy) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		name := c.Outlet
		if name == "" {
			name = c.ID
		}
		if d := c.Date.String(); d != "" {
			name += " (" + d + ")"
		}
		parts = append(parts, termsafe.Escape(name))
	}
	return strings.Join(parts, ", ")
}
