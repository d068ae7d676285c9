// Package numfmt writes the counts folio shows: Thousands puts commas
// between thousands (100,000), in the reader, the importer's messages and
// the bench's tables alike.
package numfmt

import "strconv"

// Thousands is n with commas between thousands: 100000 is "100,000",
// -1234 "-1,234".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
