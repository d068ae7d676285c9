// Package urlnorm holds the normalising of a URL's percent-encoding that
// RFC 3986 asks (6.2.2.1, 6.2.2.2), one rule for the archive's URLKey
// (archive's pathKey) and for fetch's matching of robots.txt rules (RFC
// 9309 asks the same of both sides of a match).
package urlnorm

import "strings"

// UnescapeUnreserved is the escaped text s (a URL's path or query, a
// robots.txt rule) with the escapes of unreserved characters decoded
// ("%66" is "f", "%2E" ".", "%7E" "~"), every other escape kept, its hex
// digits in capitals ("%c3%a9" is "%C3%A9"; "%2f" is "%2F", never "/"),
// and a "%" that starts no escape kept as written.
func UnescapeUnreserved(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			if d := unhex(s[i+1])<<4 | unhex(s[i+2]); Unreserved(d) {
				b.WriteByte(d)
			} else {
				b.WriteByte('%')
				b.WriteByte(upperHex[d>>4])
				b.WriteByte(upperHex[d&15])
			}
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Unreserved reports whether c is one of RFC 3986's unreserved
// characters (2.3): a letter, a digit, "-", ".", "_" or "~".
func Unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

const upperHex = "0123456789ABCDEF"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
