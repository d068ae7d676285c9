package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A saved search keeps --quoted, as the reader's S keeps its Quoted
// toggle: saved add, list and run count and find what folio search
// --quoted does.
func TestSavedSearchKeepsQuoted(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for id, text := range map[string]string{raqqaID: "Raqqa", "2017-09-parsons-green-low-level-plots": "Parsons Green"} {
		if _, errs, err := folio(t, home, "quotes", "add", id, "--text", text); err != nil {
			t.Fatalf("quotes add %s: %v %s", id, err, errs)
		}
	}
	search, _, err := folio(t, home, "search", "", "--quoted", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(search), &res); err != nil || res.Total != 2 {
		t.Fatalf("search --quoted: %v\n%s", err, search)
	}

	out, errs, err := folio(t, home, "saved", "add", "Quoted", "", "--quoted")
	if err != nil || out != "saved Quoted: 2 pieces\n" {
		t.Fatalf("saved add --quoted: %v %q %s", err, out, errs)
	}
	out, _, err = folio(t, home, "saved", "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Filters struct {
			Quoted bool `json:"quoted"`
		} `json:"filters"`
		Count int `json:"count"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || !list[0].Filters.Quoted || list[0].Count != res.Total {
		t.Fatalf("saved list --json: %v\n%s", err, out)
	}
	if out, _, err := folio(t, home, "saved", "list"); err != nil || !strings.Contains(out, "'' --quoted") {
		t.Errorf("saved list does not name --quoted: %v\n%s", err, out)
	}
	run, _, err := folio(t, home, "saved", "run", "Quoted", "--json", "--peek")
	strip := func(s string) string { return tookMS.ReplaceAllString(s, "") }
	if err != nil || strip(run) != strip(search) {
		t.Errorf("saved run --json is not search --quoted --json: %v\n%s\n%s", err, run, search)
	}

	// A quote removed: the saved search follows the quotes, not a list.
	var qs []struct{ ID, Piece string }
	out, _, _ = folio(t, home, "quotes", "--format", "json", "--piece", raqqaID)
	if err := json.Unmarshal([]byte(out), &qs); err != nil || len(qs) != 1 {
		t.Fatalf("quotes --piece: %v\n%s", err, out)
	}
	if _, _, err := folio(t, home, "quotes", "rm", qs[0].ID); err != nil {
		t.Fatal(err)
	}
	out, _, err = folio(t, home, "saved", "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].Count != 1 {
		t.Errorf("saved list --json after rm: %v\n%s", err, out)
	}
}
