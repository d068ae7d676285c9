package cli

import (
	"strings"
	"testing"
)

// TestStatsRefusesFiltersAsListDoes: folio stats takes its filters by
// the rule folio list and search do (filterFlags.periodApart, with copies
// collapsed too): a filter they refuse, stats refuses with the same
// message and exit status, whatever --collapse-copies.
func TestStatsRefusesFiltersAsListDoes(t *testing.T) {
	for _, flags := range [][]string{
		{"--from", "bad"},
		{"--to", "2020-13"},
		{"--within"},
		{"--from", "2021", "--to", "2020"},
		{"--within", "--tag", "x"},
	} {
		for _, collapse := range []bool{false, true} {
			args := flags
			if collapse {
				args = append(args[:len(args):len(args)], "--collapse-copies")
			}
			_, listErr, listCode := run(t, append([]string{"list"}, args...)...)
			if listCode != 2 || !strings.Contains(listErr, "--") {
				t.Fatalf("list %q: exit %d: %q, want a refusal", args, listCode, listErr)
			}
			for _, cmd := range [][]string{{"stats"}, {"stats", "--json"}, {"search", "policy"}} {
				out, errOut, code := run(t, append(cmd, args...)...)
				if code != listCode || errOut != listErr || out != "" {
					t.Errorf("%q %q: exit %d, %q, out %q; list: exit %d, %q", cmd, args, code, errOut, out, listCode, listErr)
				}
			}
		}
	}
}
