package archive

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dayLayouts are the day-precision forms seen in real archives: ISO dates,
// RFC 3339 (Hugo), Jekyll's "2017-10-19 10:00:00 +0100", and written dates.
// Go's time.Parse reads a fraction after the seconds whatever the layout,
// and a one-digit day ("2") reads two digits: so one layout stands for its
// forms with and without fractions, and RFC 1123's "02" is "2"'s (each
// layout parses a date no other does: TestEachDateLayoutIsNeeded).
var dayLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",               // YAML's timestamp with a space
	"2006-01-02T15:04:05-0700",                // Hugo takes it
	"2006-01-02 15:04:05.999999999 -0700 MST", // Go's time.String, which Hugo writes
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04 -0700", // Jekyll takes it (Ruby's Time.parse)
	"2006-01-02 15:04 -07:00",
	"2006/01/02",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	// RFC 822 as feeds write it: a one-digit day, a two-digit year, no
	// weekday, no seconds (a helper's report: these fell back to gofeed's
	// UTC time, a day early for a piece of 01:00 +0200)
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 06 15:04 -0700",
	"Mon, 2 Jan 06 15:04 MST",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06 15:04 MST",
	// more that Jekyll takes (Ruby's Time.parse; a helper's report, each
	// checked with jekyll 4.3): a zone after a T time, no seconds before
	// a zone, a written time of day, a weekday, a day before its month
	"2006-01-02T15:04:05 -07:00",
	"2006-01-02T15:04:05 -0700",
	"2006-01-02T15:04Z07:00",
	"January 2, 2006 3:04 pm",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 pm",
	"Jan 2, 2006 3:04 PM",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"Monday, 2 January 2006",
	"02/01/2006",
	// the rest of spf13/cast's list, which Hugo reads a date string by
	// (cast 1.5's StringToDate; hugo 0.111.3 as oracle, an attack's
	// report: each dated its page, folio passed it over as no date):
	// Go's RFC 850, ANSIC, UnixDate and RubyDate, and a zone without its
	// colon after a time without a T (its others are above: RFC 1123's
	// and RFC 822's by their forms with "2", which reads "02" too)
	time.RFC850,
	"2006-01-02 15:04:05Z0700",
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
}

// timeLayouts are cast's times of day alone (Kitchen, Stamp and its
// fractions), which Hugo reads as a day of year 0 (hugo 0.111.3: "3:04PM"
// was 0000-01-01, "May  6 10:00:00" 0000-05-06, and the page published):
// no date, said as TOML's time of day alone is; in a Hugo site the page
// is a piece, undated (a review: read as a date of year 0, outside
// folio's years, the page was skipped, where before it was passed over).
var timeLayouts = []string{time.Kitchen, time.Stamp, "15:04", "15:04:05"}

// errTimeAlone is a date that is a time of day alone.
var errTimeAlone = errors.New("a time of day with no date")

// shortZone is a zone of one hour digit at a time's end ("-8"), which
// Ruby takes and Go's layouts do not: written out as "-0800".
var shortZone = lazyRegexp(`(\d)\s+([+-])(\d)$`)

// ordinalDay is a day written with its ordinal's letters (4th, 1st).
var ordinalDay = lazyRegexp(`\b(\d{1,2})(?:st|nd|rd|th)\b`)

var monthLayouts = []string{"2006-01", "2006/01", "January 2006", "Jan 2006"}

// ParseDate reads a date of day, month or year precision. A date with a time
// keeps its calendar day in its own zone: "2017-10-19T23:30:00+01:00" is the
// 19th, as the author wrote it.
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return d, err
	}
	return d, CheckYears(d)
}

// MinYear and MaxYear bound the dates folio takes: the index counts time
// in nanoseconds from 1970 in 64 bits, which reach from 1677-09-21 to
// 2262-04-11 (a helper's report: pieces dated 0001 or 9999 loaded, were
// left out of filters and the year counts, and sorted among the undated).
const (
	MinYear = 1678
	MaxYear = 2261
)

// CheckYears says why d is not a date folio takes, or nil: a
// *yearsError.
func CheckYears(d Date) error {
	if y := d.Time.Year(); y < MinYear || y > MaxYear {
		return &yearsError{d}
	}
	return nil
}

// yearsError is a date read, but outside the years folio counts.
type yearsError struct{ Date Date }

func (e *yearsError) Error() string {
	return fmt.Sprintf("date %s is outside the years folio can count (%d–%d)", e.Date, MinYear, MaxYear)
}

func parseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && s[10] == 't' && s[4] == '-' { // YAML allows 2021-03-14t10:00:00z
		s = strings.ToUpper(s)
	}
	s = shortZone().ReplaceAllString(s, "$1 ${2}0${3}00")
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y > 0 {
			return Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}, nil
		}
	}
	for _, layout := range monthLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{Time: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}, nil
		}
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dayOf(t), nil
		}
	}
	for _, layout := range timeLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return Date{}, fmt.Errorf("%w (%s)", errTimeAlone, s)
		}
	}
	if o := ordinalDay().ReplaceAllString(s, "$1"); o != s { // March 4th, 2021; 4th March 2021
		if d, err := parseDate(o); err == nil && d.Precision == PrecisionDay {
			return d, nil
		}
	}
	if m := noDay().FindStringSubmatch(s); m != nil {
		if _, err := time.Parse("2006-01-02", m[1]); err != nil {
			// in the form, but 2020-02-30 (a helper's report: it was told
			// to be in the form it was in)
			return Date{}, fmt.Errorf("unparseable date %q (%s is no day)", s, m[1])
		}
	}
	return Date{}, fmt.Errorf("unparseable date %q (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY)", s)
}

// noDay is a date in the form YYYY-MM-DD, a time or not after it: when
// parseDate takes none of it, it is no day of the calendar.
var noDay = lazyRegexp(`^(\d{4}-\d{2}-\d{2})(?:$|[T ])`)

// minUnixDate is the least number a date is read as a Unix time of: nine
// digits, 1973-03-03; a smaller one is a year (2017) or nothing, as no
// one writes a date in the 1970s as seconds.
const minUnixDate = 100_000_000

// unixDate is the day, in UTC, of the Unix time n (seconds), as Hugo
// reads a number for a date (cast.ToTime: `date: 1500000000` is
// 2017-07-14T02:40:00Z); a helper's report: it was skipped as an
// unparseable date. Its years are checked as any date's (CheckYears).
func unixDate(n int64) Date { return dayOf(time.Unix(n, 0).UTC()) }

func dayOf(t time.Time) Date {
	return Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
}

// dateFromValue accepts what a YAML or TOML decoder makes of a date: a
// string, a time.Time (YAML timestamps, TOML dates), a bare year number
// or a Unix time (unixDate).
//
// A Unix time is read so only in a Hugo site (inHugo, asked only of such
// a number): in a folder of notes, 2020091512 is a date stamp to be
// refused, not a day in 2034 (a review). There a number below
// minUnixDate that is no year folio reads (5, 0, -5, 1500, 99999999) is
// one too, as Hugo reads every whole number of YAML or TOML (hugo 0.111.3
// as oracle: date, publishdate, pubdate, published, lastmod or modified:
// 5 was 1970-01-01 00:00:05, 0 1970-01-01, -5 1969-12-31, 99999999
// 1973-03-03; folio skipped each as an unparseable date). A year (date:
// 2020) is kept as folio reads it, the writer's meaning: Hugo reads it
// as 1970-01-01 00:33:40. So is a JSON year, "date": 2017, though to
// Hugo's JSON decoder every number is a float, no date; any other JSON
// number stays a float (jsonValue), no date here, as to Hugo (as oracle:
// JSON's 5 and 1614900000 left a page undated).
func dateFromValue(v any, inHugo func() bool) (Date, error) {
	if n, ok := v.(int); ok {
		v = int64(n)
	}
	if n, ok := v.(int64); ok {
		if n < minUnixDate {
			if d, err := ParseDate(strconv.FormatInt(n, 10)); err == nil {
				return d, nil // a year: 2017
			}
		}
		if inHugo != nil && inHugo() {
			return unixDate(n), nil
		}
		if n >= minUnixDate {
			return Date{}, fmt.Errorf("unparseable date %d (want YYYY-MM-DD; a number is a Unix time in a Hugo site alone)", n)
		}
	}
	switch v := v.(type) {
	case string:
		return ParseDate(v)
	case time.Time:
		if name, _ := v.Zone(); name == "time-local" && v.Year() == 0 {
			// TOML's `date = 10:00:00`, a time of day alone (a helper's
			// report: "date 0000-01-01 is outside the years…")
			return Date{}, fmt.Errorf("%w (%s)", errTimeAlone, v.Format("15:04:05"))
		}
		return dayOf(v), nil
	case int64:
		return ParseDate(strconv.FormatInt(v, 10))
	case float64: // 1500000000 as written, not 1.5e+09
		return ParseDate(strconv.FormatFloat(v, 'f', -1, 64))
	case nil:
		return Date{}, fmt.Errorf("empty date")
	}
	return ParseDate(fmt.Sprint(v))
}
