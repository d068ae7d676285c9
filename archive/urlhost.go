package archive

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// domainASCII is the WHATWG URL standard's "domain to ASCII" of the host
// name h (not strict): h in lower case when it is in ASCII with no label
// that begins "xn--" (in any case), else IDNA's lookup of h as written
// (whatwgIDNA); ok is false when the standard refuses it: the lookup
// refuses it, a label is "xn--" alone (UTS 46 since Unicode 15.1, which
// x/net/idna does not yet check: it made "xn--.bücher.example" and
// ".bücher.example" one name), the name is empty or not UTF-8, or it holds a
// forbidden domain code point (a control, a space, "#%/:<>?@[\]^|").
// Empty labels are no error ("a..b", ".bücher.example": the standard
// looks up without VerifyDnsLength).
func domainASCII(h string) (a string, ok bool) {
	if !utf8.ValidString(h) {
		// the standard decodes a byte not of UTF-8 as U+FFFD, which the
		// lookup refuses (x/net/idna made "\xff" xn--zn7c, a name it
		// refuses when read again)
		return "", false
	}
	ace := false
	for l := range strings.SplitSeq(h, ".") {
		if len(l) >= 4 && strings.EqualFold(l[:4], "xn--") {
			ace = true
			break
		}
	}
	if !ace && !strings.ContainsFunc(h, func(r rune) bool { return r >= utf8.RuneSelf }) {
		a = strings.ToLower(h)
	} else {
		var err error
		if a, err = whatwgIDNA.ToASCII(h); err != nil {
			return "", false
		}
		if (a == "" || strings.HasPrefix(a, ".") || strings.Contains(a, "..") || strings.HasSuffix(a, ".")) && bareACE(h) {
			return "", false
		}
	}
	if a == "" || strings.ContainsFunc(a, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune("#%/:<>?@[\\]^|", r)
	}) {
		return "", false
	}
	return a, true
}

// bareACE says whether a label of h, mapped as IDNA's lookup maps it
// (UTS 46: each character, then NFC), is "xn--" alone, which the lookup
// takes for an empty label.
func bareACE(h string) bool {
	var b strings.Builder
	for _, r := range h {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
			continue
		}
		m, _ := whatwgIDNA.ToUnicode(string(r))
		b.WriteString(m)
	}
	for l := range strings.SplitSeq(norm.NFC.String(b.String()), ".") {
		if l == "xn--" {
			return true
		}
	}
	return false
}

// endsInNumber is the WHATWG URL standard's "ends in a number" of the
// ASCII host h (lower case): its last label, a trailing empty one aside,
// is all digits or an IPv4 number (ipv4Number: "0x7f", "0x"), so that the
// host is read as an IPv4 address (ipv4Host) or is no host at all.
func endsInNumber(h string) bool {
	parts := strings.Split(h, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

// ipv4Host is the WHATWG URL standard's IPv4 parser of the ASCII host h
// (one that ends in a number), the address serialised as the standard
// does, in dotted decimal: "0x7f.1", "127.1", "2130706433" and
// "0177.0.0.1" are all 127.0.0.1, as a browser asks for them; ok is
// false for what the parser refuses ("1.2.3.4.5", "256.1.1.1",
// "4294967296", "1.2.3.09", "example.1"), of which a browser makes no
// URL.
func ipv4Host(h string) (addr string, ok bool) {
	parts := strings.Split(h, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", false
	}
	numbers := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return "", false
		}
		numbers[i] = n
	}
	last := numbers[len(numbers)-1]
	if last >= 1<<(8*(5-len(numbers))) {
		return "", false
	}
	ip := last
	for i, n := range numbers[:len(numbers)-1] {
		if n > 255 {
			return "", false
		}
		ip += n << (8 * (3 - i))
	}
	var b []byte
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, ip>>(8*i)&255, 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return string(b), true
}

// ipv4Number is the WHATWG URL standard's IPv4 number parser: a part in
// decimal, in hexadecimal after "0x" or "0X" ("0x" alone is 0), in octal
// after a leading "0"; ok is false for "" and for a digit out of the
// radix. A value over 2^32 is kept as 2^32+1: the parser refuses
// every such address alike.
func ipv4Number(s string) (n uint64, ok bool) {
	if s == "" {
		return 0, false
	}
	radix := uint64(10)
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, radix = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, radix = s[1:], 8
	}
	for i := 0; i < len(s); i++ {
		d, ok := hexDigit(s[i])
		if !ok || uint64(d) >= radix {
			return 0, false
		}
		n = min(n*radix+uint64(d), 1<<32+1)
	}
	return n, true
}

// ipv6Host is the WHATWG URL standard's IPv6 parser of s, the text
// between a host's brackets, and its serialiser: pieces in lower-case
// hexadecimal without leading zeros, the first longest run of two zero
// pieces or more written "::", an IPv4 address in the last two pieces
// in hexadecimal too: "0:0:0:0:0:0:0:1", "0::1" and "::1" are ::1,
// "::FFFF:127.0.0.1" ::ffff:7f00:1, as a browser asks for them
// (net/netip's String writes ::ffff:127.0.0.1). ok is false for what
// the parser refuses, a zone ("fe80::1%eth0") among it. The standard's
// parser takes the addresses net/netip's ParseAddr takes as IPv6 ones,
// a zone aside (FuzzURLHost holds the two to it).
func ipv6Host(s string) (addr string, ok bool) {
	ip, err := netip.ParseAddr(s)
	if err != nil || !ip.Is6() || ip.Zone() != "" {
		return "", false
	}
	b := ip.As16()
	var a [8]uint16
	for i := range a {
		a[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return ipv6String(a), true
}

// ipv6String is the WHATWG URL standard's IPv6 serialiser of a (without
// the brackets).
func ipv6String(a [8]uint16) string {
	compress, longest := -1, 1
	for i := 0; i < 8; {
		if a[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && a[j] == 0 {
			j++
		}
		if j-i > longest {
			compress, longest = i, j-i
		}
		i = j
	}
	var b []byte
	for i := 0; i < 8; i++ {
		if i == compress {
			if i == 0 {
				b = append(b, "::"...)
			} else {
				b = append(b, ':')
			}
			i += longest - 1
			continue
		}
		b = strconv.AppendUint(b, uint64(a[i]), 16)
		if i != 7 {
			b = append(b, ':')
		}
	}
	return string(b)
}

// hexDigit is the value of the hexadecimal digit c (in either case); ok
// is false for any other byte.
func hexDigit(c byte) (d uint16, ok bool) {
	switch {
	case c >= '0' && c <= '9':
		return uint16(c - '0'), true
	case c >= 'a' && c <= 'f':
		return uint16(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return uint16(c-'A') + 10, true
	}
	return 0, false
}
