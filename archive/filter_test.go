package archive

import (
	"slices"
	"testing"
	"time"
)

func TestPickValues(t *testing.T) {
	outlets := []string{"The Telegraph", "The Sunday Telegraph", "Telegraph", "The New York Times", "TIMES", "Sky News", "TELEGRAPH", "Le Café Crème"}
	for _, c := range []struct {
		v    string
		want []string
	}{
		{"Telegraph", []string{"Telegraph", "TELEGRAPH"}}, // names two, one value in two cases
		{"the telegraph", []string{"The Telegraph"}},
		{"telegraph", []string{"Telegraph", "TELEGRAPH"}}, // names them, ignoring case
		{"sunday", []string{"The Sunday Telegraph"}},
		{"new york", []string{"The New York Times"}},
		{"york new", nil}, // words in a row
		{"times", []string{"TIMES"}},
		{"news", []string{"Sky News"}},
		{"graph", nil},
		{" ", nil},
		// accents folded, as outlet:cafe folds them (it picked none)
		{"cafe creme", []string{"Le Café Crème"}},
		{"CAFÉ", []string{"Le Café Crème"}},
		{"cafe\u0301", []string{"Le Café Crème"}},
	} {
		if got := PickValues(c.v, outlets, OutletKey, true); !slices.Equal(got, c.want) {
			t.Errorf("outlet %q picks %q, want %q", c.v, got, c.want)
		}
	}
	if got := PickValues("İstanbul", []string{"istanbul", "Istanbul"}, ValueKey, false); !slices.Equal(got, []string{"istanbul", "Istanbul"}) {
		t.Errorf("a dotted capital I picks %q", got)
	}
	if got := PickValues("sunday", outlets, OutletKey, false); got != nil {
		t.Errorf("a tag filter matched by words: %q", got)
	}
}

func TestFilterKeep(t *testing.T) {
	day := func(s string, p Precision) Date {
		tm, _ := time.Parse("2006-01-02", s)
		return Date{Time: tm, Precision: p}
	}
	arts := []Article{
		{ID: "a", Outlet: "The Telegraph", Tags: []string{"mi5"}, Date: day("2017-09-01", PrecisionMonth)},
		{ID: "b", Outlet: "The Sunday Telegraph", Tags: []string{"isis"}, Kind: "interview", Date: day("2017-09-20", PrecisionDay)},
		{ID: "c", Outlet: "RUSI", Tags: []string{"mi5", "isis"}, Date: day("2016-01-01", PrecisionYear)},
	}
	ids := func(as []Article) (out []string) {
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	from, _ := time.Parse("2006-01-02", "2017-09-15")
	for _, c := range []struct {
		f    Filter
		want []string
	}{
		{Filter{}, []string{"a", "b", "c"}},
		{Filter{Outlets: []string{"telegraph"}}, []string{"a", "b"}},
		{Filter{Outlets: []string{"telegraph"}, Tags: []string{"MI5"}}, []string{"a"}},
		{Filter{Kinds: []string{"Article"}}, []string{"a", "c"}}, // no kind is an article
		{Filter{From: from}, []string{"a", "b"}},                 // September overlaps the 15th on
		{Filter{To: from}, []string{"a", "c"}},                   // the 15th, all day
		{Filter{Tags: []string{"nothing"}}, nil},
	} {
		if got := ids(c.f.Keep(arts)); !slices.Equal(got, c.want) {
			t.Errorf("%+v keeps %v, want %v", c.f, got, c.want)
		}
	}
}
