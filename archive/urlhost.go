package archive

import (
	"strconv"
	"strings"
)

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
		c := s[i]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'a' && c <= 'f':
			d = uint64(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		if d >= radix {
			return 0, false
		}
		n = min(n*radix+d, 1<<32+1)
	}
	return n, true
}
