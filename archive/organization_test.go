package archive

import (
	"slices"
	"testing"
)

func TestOrganisationAuthors(t *testing.T) {
	for _, c := range []struct {
		name, fm      string
		authors, orgs []string
	}{
		{"flag", "author: {name: Royal United Services Institute, organization: true}", []string{"Royal United Services Institute"}, []string{"Royal United Services Institute"}},
		{"type", "authors: [{name: RUSI, type: organization}, {name: Raffaello Pantucci}]", []string{"RUSI", "Raffaello Pantucci"}, []string{"RUSI"}},
		{"field", "author: {organization: RUSI}", []string{"RUSI"}, []string{"RUSI"}},
		{"person", "author: {name: Raffaello Pantucci}", []string{"Raffaello Pantucci"}, nil},
		{"plain", "author: RUSI", []string{"RUSI"}, nil},
	} {
		a, probs := Parse("p.md", []byte("---\ntitle: T\ndate: 2017-05-31\n"+c.fm+"\n---\nBody.\n"))
		if IsFatal(probs) {
			t.Fatalf("%s: %v", c.name, probs)
		}
		if !slices.Equal(a.Authors, c.authors) || !slices.Equal(a.Organizations, c.orgs) {
			t.Errorf("%s: authors %q, organisations %q; want %q, %q", c.name, a.Authors, a.Organizations, c.authors, c.orgs)
		}
	}
}
