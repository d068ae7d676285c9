package archive

import (
	"fmt"
	"strings"
	"time"
)

// jekyllDayLayouts are dates Ruby's Time.parse reads, as Jekyll 4.3 reads
// a post's or a collection document's date (Utils.parse_date), that
// ParseDate does not: each unambiguous, and checked with ruby -e
// 'require "time"; p Time.parse("…")' (an attack's report: a post's
// date: "2020-5-6" and date: Sat, 02 May 2020, and a page's 06.05.2020,
// were skipped as unparseable, where Jekyll 4.3.1 published them). A
// day before its month is Ruby's reading (06.05.2020 is 6 May); Go's
// one-digit "1" and "2" read two digits too.
var jekyllDayLayouts = []string{
	"2006-1-2",          // 2020-5-6
	"2006-1-2 15:04",    // 2020-5-6 10:00
	"2006-1-2 15:04:05", // 2020-5-6 10:00:00
	"Mon, 2 Jan 2006",   // RFC 1123 without a time: Sat, 02 May 2020
	"2.1.2006",          // 06.05.2020, 6.5.2020: 2020-05-06
	"2006.1.2",          // 2020.05.06
	"2-1-2006",          // 06-05-2020: 2020-05-06
	"2006-01-02T15:04:05-07",
	"2006-01-02T15:04-07",
	"2006-01-02 15:04:05 -07",
	"Jan 2 2006",     // May 6 2020
	"January 2 2006", // January 6 2020
	"20060102",       // 20200506, a YAML number
	// a day and a time (a review: Jekyll 4.3.1 dated these posts
	// 2020-05-06, folio by their names)
	"2006-01-02 3:04PM",
	"2006-01-02 3:04 PM",
	"2 Jan 2006 15:04",
	"2 January 2006 15:04",
}

// jekyllDate reads v, a date key's value ParseDate does not read, as
// Jekyll does (its text, as Ruby's to_s writes it), of the layouts
// jekyllDayLayouts; false when none reads it. The years are checked as
// any date's (CheckYears), by its caller.
func jekyllDate(v any) (Date, bool) {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case int, int64, uint64:
		s = fmt.Sprint(v)
	default:
		return Date{}, false
	}
	s = strings.TrimSpace(s)
	for _, layout := range jekyllDayLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dayOf(t), true
		}
	}
	return Date{}, false
}
