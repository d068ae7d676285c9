package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// bylineRows are bylines a researcher found read wrong, with the author
// facet's rows a piece of each counts: the people the byline names, as
// cite names them (cite/edgebylines_test.go).
var bylineRows = []struct {
	byline string
	rows   []string
}{
	{"As told to Jane Doe", []string{"Jane Doe"}},
	{"By Ann Lee as told to Jane Doe", []string{"Ann Lee", "Jane Doe"}},
	{"Jane Doe of the Atlantic Council", []string{"Jane Doe"}},
	{"Ann Lee and Bo Chan of the Brookings Institution", []string{"Ann Lee", "Bo Chan"}},
	{"Photographs by John Roe; text by Jane Doe", []string{"Jane Doe"}},
	{"CHAN, BO", []string{"Bo Chan"}},
	{"Lee, Ann, Chan, Bo", []string{"Ann Lee", "Bo Chan"}},
	{"CNN, BBC", []string{"CNN, BBC"}},
	{"Ann Lee/Bo Chan", []string{"Ann Lee", "Bo Chan"}},
	{"Ann Lee | Bo Chan", []string{"Ann Lee", "Bo Chan"}},
	{"By Ann Lee | Bloomberg", []string{"Ann Lee"}},
	{"AC/DC Staff", []string{"AC/DC Staff"}},
	{`\input{/etc/passwd} Roe`, []string{`\input{/etc/passwd} Roe`}},
	{"Rotary Club of the Palm Beaches", []string{"Rotary Club of the Palm Beaches"}},
	{"Girl Scouts of the USA", []string{"Girl Scouts of the USA"}},
	{"Sierra Club", []string{"Sierra Club"}},
	{"TIME, LIFE", []string{"TIME, LIFE"}},
	{"OXFAM, CARE", []string{"OXFAM, CARE"}},
	{"DOE, JANE, REUTERS", []string{"Jane Doe"}},
	{"Doe, Jane, Boulder, Colo.", []string{"Jane Doe"}},
	{"Doe, Jane, Irbid, Jordan", []string{"Jane Doe"}},
	{"Doe, Jane, Suva, Fiji", []string{"Jane Doe"}},
	{"Reporting by Ann Lee; Writing by Bo Chan; Editing by Cy Dee", []string{"Ann Lee", "Bo Chan"}},
	{"Words: Jane Doe", []string{"Jane Doe"}},
	{"Photographs: John Roe; text: Jane Doe", []string{"Jane Doe"}},
	{"What It's Like to Be a Nurse, as told to Jane Doe", []string{"Jane Doe"}},
	{"Ann Lee of counsel", []string{"Ann Lee"}},
	{"Lee, Ann/Chan, Bo", []string{"Ann Lee", "Bo Chan"}},
	{"Ann Lee; Chan, Bo", []string{"Ann Lee", "Bo Chan"}},
	{"Lee, Ann, Reuters; Chan, Bo", []string{"Ann Lee", "Bo Chan"}},
	{"Ann Lee / Chan, Bo", []string{"Ann Lee", "Bo Chan"}},
	{"Photo: Getty Images / Ann Lee", []string{"Ann Lee"}},
	{"Illustration by Bo Chan / Ann Lee", []string{"Ann Lee"}},
	{"|", []string{"(no author)"}},
	{"/", []string{"(no author)"}},
	{"and", []string{"(no author)"}},
	{"LEE, ANN/CHAN, BO", []string{"Ann Lee", "Bo Chan"}},
	{"Doe, Jane, Reuters, Kyiv", []string{"Jane Doe"}},
	{"Ann Lee, Bo Chan, Oregon", []string{"Ann Lee", "Bo Chan"}},
	{"Knights of Columbus", []string{"Knights of Columbus"}},
}

// TestBylineRows: each byline of bylineRows, a piece's in an archive,
// counts for exactly the rows it names.
func TestBylineRows(t *testing.T) {
	src := t.TempDir()
	for i, c := range bylineRows {
		body := fmt.Sprintf("---\ntitle: T%d\ndate: 2020-01-02\nauthor: %q\n---\nText.\n", i, c.byline)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%02d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i, c := range bylineRows {
		r := run(t, ix, Query{IDs: []string{fmt.Sprintf("p%02d", i)}})
		if len(r.Hits) != 1 {
			t.Fatalf("%q: %d pieces", c.byline, len(r.Hits))
		}
		var got []string
		for _, fv := range r.Facets.Authors {
			got = append(got, fv.Value)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.rows) {
			t.Errorf("%q: rows %q, want %q", c.byline, got, c.rows)
		}
	}
}
