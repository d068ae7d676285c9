package archive

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

// TestURLKeyIPv4AsBrowsers: a host that ends in a number is an IPv4
// address as the WHATWG URL standard's host parser reads it, in any of
// the forms it reads (parts in decimal, hexadecimal, octal, fewer than
// four), and keyed in dotted decimal; one it refuses is no URL, no key
// (they were each a host of its own: "0x7f.1" and "127.0.0.1" two URLs).
func TestURLKeyIPv4AsBrowsers(t *testing.T) {
	for _, c := range []struct{ url, key string }{
		{"http://127.0.0.1/a", "127.0.0.1/a"},
		{"http://0x7f.1/a", "127.0.0.1/a"},
		{"http://0X7F.1/a", "127.0.0.1/a"},
		{"http://127.1/a", "127.0.0.1/a"},
		{"http://127.0.1/a", "127.0.0.1/a"},
		{"http://2130706433/a", "127.0.0.1/a"},
		{"http://0x7f000001/a", "127.0.0.1/a"},
		{"http://0177.0.0.1/a", "127.0.0.1/a"},
		{"http://0177.00.0.01/a", "127.0.0.1/a"},
		{"http://127.0.0.1./a", "127.0.0.1/a"}, // one trailing empty part
		{"http://0x/a", "0.0.0.0/a"},           // "0x" alone is 0
		{"http://0/a", "0.0.0.0/a"},
		{"http://1.2.3.4:8080/a", "1.2.3.4:8080/a"},
		{"https://0xc0.0xa8.1:443/a", "192.168.0.1/a"},
		{"http://4294967295/a", "255.255.255.255/a"},
		{"http://1.16777215/a", "1.255.255.255/a"},
		{"http://1.2.65535/a", "1.2.255.255/a"},
		{"http://１２７.0.0.1/a", "127.0.0.1/a"}, // fullwidth digits, which IDNA's lookup maps
		// refused by the parser: no URL to a browser
		{"http://4294967296/a", ""},
		{"http://99999999999999999999999/a", ""},
		{"http://256.1.1.1/a", ""},
		{"http://1.2.3.256/a", ""},
		{"http://1.16777216/a", ""},
		{"http://1.2.3.4.5/a", ""},
		{"http://1.2.3.09/a", ""}, // 9 is no octal digit
		{"http://0x1g.1/a", ""},
		{"http://example.1/a", ""},
		{"http://www.1.2.3/a", ""},
		{"http://example.0x/a", ""},
		// not ending in a number: a name
		{"http://1.2.3.example/a", "1.2.3.example/a"},
		{"http://example.0xg/a", "example.0xg/a"},
		{"http://1.2.3.4../a", "1.2.3.4../a"}, // its last part but one empty: no number
		{"http://www.example.com/a", "example.com/a"},
	} {
		if got := URLKey(c.url); got != c.key {
			t.Errorf("URLKey(%q) = %q, want %q", c.url, got, c.key)
		}
	}
	// the link's site is the address too; a host refused is a site of its own
	for _, c := range []struct{ url, site string }{
		{"http://0x7f.1/a", "127.0.0.1"},
		{"http://1.2.3.09/a", "1.2.3.09"},
	} {
		if got := siteOf(c.url); got != c.site {
			t.Errorf("siteOf(%q) = %q, want %q", c.url, got, c.site)
		}
	}
	day, _ := ParseDate("2020-01-01")
	as := []Article{
		{ID: "a", Title: "One", URL: "http://127.0.0.1/p/a.html", Date: day, Body: body(120, "w", 0, 0)},
		{ID: "b", Title: "Two", URL: "http://0x7f.1/p/a.html", Date: day, Body: body(120, "x", 0, 0)},
	}
	if g := Republished(as); len(g) != 1 || len(g[0]) != 2 || g[0][1].Why != "same URL" {
		t.Errorf("pieces at 127.0.0.1 and 0x7f.1: copies %+v, want one group, same URL", g)
	}
}

// TestURLKeyIPv6AsBrowsers: an IPv6 address is keyed as the WHATWG URL
// standard serialises it (lower-case hexadecimal without leading zeros,
// the first longest run of zero pieces, two or more, as "::", an
// embedded IPv4 address in hexadecimal), however it is written (each
// spelling was a key of its own); one the standard's parser refuses, a
// zone among them, is no URL, no key.
func TestURLKeyIPv6AsBrowsers(t *testing.T) {
	for _, c := range []struct{ url, key string }{
		{"http://[::1]/a", "[::1]/a"},
		{"http://[0:0:0:0:0:0:0:1]/a", "[::1]/a"},
		{"http://[0::1]/a", "[::1]/a"},
		{"http://[0000:0000:0000:0000:0000:0000:0000:0001]/a", "[::1]/a"},
		{"http://[::]/a", "[::]/a"},
		{"http://[0:0:0:0:0:0:0:0]/a", "[::]/a"},
		{"http://[::FFFF:127.0.0.1]/a", "[::ffff:7f00:1]/a"},
		{"http://[::ffff:7f00:1]/a", "[::ffff:7f00:1]/a"},
		{"http://[::127.0.0.1]/a", "[::7f00:1]/a"},
		{"http://[2001:DB8::1]/a", "[2001:db8::1]/a"},
		{"http://[2001:0db8:0000:0000:0000:0000:0000:0001]/a", "[2001:db8::1]/a"},
		{"http://[2001:db8:0:1:0:0:0:1]/a", "[2001:db8:0:1::1]/a"},      // the longer run
		{"http://[2001:db8:0:0:1:0:0:1]/a", "[2001:db8::1:0:0:1]/a"},    // the first of two as long
		{"http://[2001:db8:0:1:1:1:1:1]/a", "[2001:db8:0:1:1:1:1:1]/a"}, // one zero piece is not compressed
		{"http://[1:2:3:4:5:6:7::]/a", "[1:2:3:4:5:6:7:0]/a"},
		{"http://[1::]/a", "[1::]/a"},
		{"http://[1:0:0:0:0:0:0:0]/a", "[1::]/a"},
		{"http://[1:2:3:4:5:6:1.2.3.4]/a", "[1:2:3:4:5:6:102:304]/a"},
		{"https://[::1]:443/a", "[::1]/a"},
		{"https://[0::1]:8443/a", "[::1]:8443/a"},
		// refused by the parser: no URL to a browser
		{"http://[fe80::1%25eth0]/a", ""},
		{"http://[::1%25lo]/a", ""},
		{"http://[1:2:3:4:5:6:7:8:9]/a", ""},
		{"http://[1:2:3:4:5:6:7]/a", ""},
		{"http://[1::2::3]/a", ""},
		{"http://[:1]/a", ""},
		{"http://[1:]/a", ""},
		{"http://[12345::]/a", ""},
		{"http://[::1:2:3:4:5:6:7:8]/a", ""},
		{"http://[::01.2.3.4]/a", ""}, // a leading zero in the IPv4 part
		{"http://[::1.2.3]/a", ""},
		{"http://[::1.2.3.256]/a", ""},
		{"http://[1:2:3:4:5:6:7:1.2.3.4]/a", ""},
		{"http://[::g]/a", ""},
	} {
		if got := URLKey(c.url); got != c.key {
			t.Errorf("URLKey(%q) = %q, want %q", c.url, got, c.key)
		}
	}
	for _, c := range []struct{ url, site string }{
		{"http://[0:0::1]/a", "[::1]"},
		{"http://[FE80::1%25eth0]/a", "[fe80::1%eth0]"},
	} {
		if got := siteOf(c.url); got != c.site {
			t.Errorf("siteOf(%q) = %q, want %q", c.url, got, c.site)
		}
	}
	if !SameURL("https://[0:0:0:0:0:0:0:1]/feed.xml", "http://[::1]:80/feed.xml") {
		t.Errorf("[0:0:0:0:0:0:0:1] and [::1]: two URLs, want one")
	}
}

// TestURLKeyNamesAsBrowsers: a name is keyed as the WHATWG URL standard
// reads it (domain to ASCII, not strict): empty labels are no error and
// stay ("https://www.。/a" was keyed /a, its host lost, and
// ".bücher.example" was the key of "xn--.bücher.example" too); what the
// standard refuses is no URL, no key: a label "xn--" alone (UTS 46
// since Unicode 15.1), one whose punycode does not decode, a name IDNA's
// lookup refuses, a forbidden code point.
func TestURLKeyNamesAsBrowsers(t *testing.T) {
	for _, c := range []struct{ url, key string }{
		{"https://.bücher.example/a", ".xn--bcher-kva.example/a"},
		{"https://bücher.example/a", "xn--bcher-kva.example/a"},
		{"https://a..b.example/a", "a..b.example/a"},
		{"https://www.。/a", "www../a"}, // www, an empty label, the root's
		{"https://www../a", "www../a"},
		{"https://www./a", "www/a"},
		{"https://www/a", "www/a"},
		{"https://./a", "./a"},
		{"https://../a", "../a"},
		{"https://www..example/a", "www..example/a"},
		{"https://www.example.com./a", "example.com/a"},
		{"https://example.com\u3002/a", "example.com/a"},
		{"https://XN--BCHER-KVA.example/a", "xn--bcher-kva.example/a"},
		{"https://xn--bcher-kva.example/a", "xn--bcher-kva.example/a"},
		{"https://a\"b.example/a", "a\"b.example/a"}, // no forbidden code point
		// refused by the standard: no URL to a browser
		{"https://xn--.bücher.example/a", ""},
		{"https://xn--.example/a", ""},
		{"https://XN--.example/a", ""},
		{"https://a.xn--/a", ""},
		{"https://x\u00adn--.example/a", ""},               // a soft hyphen, which the lookup leaves out
		{"https://\uff58\uff4e\uff0d\uff0d.example/a", ""}, // fullwidth, which it maps to xn--
		{"https://xn--a.example/a", ""},                    // punycode that does not decode
		{"https://xn--zz-.example/a", ""},                  // punycode of ASCII alone
		{"https://a\u10a0b.example/a", ""},                 // a character the lookup refuses
		{"https://\u00ad/a", ""},                           // a name the lookup makes empty
		{"https://a<b.example/a", ""},
		{"https://a\uff1cb.example/a", ""}, // fullwidth <, which the lookup maps to <
		{"https://a%C2%A0b.example/a", ""}, // a no-break space, a space to the lookup
		{"https://%FF.example/a", ""},      // not UTF-8: U+FFFD to the standard, which the lookup refuses
		{"https://a\xffb.example/a", ""},
	} {
		if got := URLKey(c.url); got != c.key {
			t.Errorf("URLKey(%q) = %q, want %q", c.url, got, c.key)
		}
	}
	if SameURL("https://xn--.bücher.example/a", "https://.bücher.example/a") {
		t.Errorf("xn--.bücher.example and .bücher.example: one URL, want two")
	}
	for _, c := range []struct{ url, site string }{
		{"https://.bücher.example/a", ".xn--bcher-kva.example"},
		{"https://xn--.bücher.example/a", "xn--.bücher.example"},
		{"https://www.。/a", "www.."},
	} {
		if got := siteOf(c.url); got != c.site {
			t.Errorf("siteOf(%q) = %q, want %q", c.url, got, c.site)
		}
	}
}

// FuzzURLHost: for any host h in "http://h/p", URLKey and siteOf do not
// panic; an IPv6 address is read as net/netip reads one (the same
// addresses, a zone aside, which the standard refuses) and written as
// netip writes it, but for an IPv4-mapped one (netip: ::ffff:1.2.3.4,
// the standard ::ffff:102:304); an IPv4 address is in netip's dotted
// decimal; and the key's host, read again, is itself (one spelling
// keyed two ways would be two keys). Seeds: testdata/fuzz/FuzzURLHost
// and the tests' hosts.
func FuzzURLHost(f *testing.F) {
	for _, h := range []string{"127.0.0.1", "0x7f.1", "127.1", "2130706433", "0177.0.0.1", "1.2.3.09", "4294967296",
		"[::1]", "[0:0:0:0:0:0:0:1]", "[::FFFF:127.0.0.1]", "[fe80::1%25eth0]", "[1:2:3:4:5:6:1.2.3.4]", "[1::]",
		"xn--.bücher.example", ".bücher.example", "www.。", "www.example.com.", "İstanbul.example", "a..b", "."} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		u, err := url.Parse("http://" + h + "/p")
		if err != nil || u.Host == "" {
			return
		}
		key := URLKey(u.String())
		siteOf(u.String())
		got, ok := BrowserHost(u)
		if strings.HasPrefix(u.Host, "[") {
			in := u.Hostname()
			addr, err := netip.ParseAddr(in)
			if strings.Contains(in, "%") || !strings.Contains(in, ":") {
				err = errors.New("a zone or no IPv6 address")
			}
			if (err == nil) != ok {
				t.Fatalf("[%s]: ok %v, netip %v", in, ok, err)
			}
			if !ok {
				return
			}
			want := "[" + addr.String() + "]"
			if addr.Is4In6() {
				v4 := addr.Unmap().As4()
				want = fmt.Sprintf("[::ffff:%x:%x]", uint16(v4[0])<<8|uint16(v4[1]), uint16(v4[2])<<8|uint16(v4[3]))
			}
			if got != want {
				t.Fatalf("[%s]: %s, want %s", in, got, want)
			}
		} else if ok {
			if a, err := netip.ParseAddr(got); err == nil && a.Is4() && a.String() != got {
				t.Fatalf("%q: %s, netip writes %s", h, got, a)
			} else if err != nil && endsInNumber(got) {
				t.Fatalf("%q: %s ends in a number and is no address", h, got)
			}
		}
		if !ok {
			if key != "" {
				t.Fatalf("%q refused, URLKey %q", h, key)
			}
			return
		}
		if hk, _ := hostOf(u); !strings.HasPrefix(key, hk) || len(key) > len(hk) && !strings.ContainsRune("/?:", rune(key[len(hk)])) {
			t.Fatalf("%q: URLKey %q, host %q", h, key, hk)
		}
		again, err := url.Parse("http://" + got + "/p")
		if err != nil {
			t.Fatalf("%q: host %q is no URL's: %v", h, got, err)
		}
		if g2, ok2 := BrowserHost(again); g2 != got || !ok2 {
			t.Fatalf("%q: host %q, read again %q (ok %v)", h, got, g2, ok2)
		}
	})
}

// TestURLsWithoutAKeyStayOne: a URL whose host the WHATWG URL standard
// refuses (no URLKey) is still one URL with itself: two pieces at the
// very same such url are copies, "same URL", as they were before such
// hosts were refused and as SameURL says (they were no copies while
// SameURL said one); another spelling of it, or a URL with a key, is not
// one with it.
func TestURLsWithoutAKeyStayOne(t *testing.T) {
	day, _ := ParseDate("2020-01-01")
	for _, u := range []string{"http://1.2.3.09/e", "http://xn--a.example/f", "http://[fe80::1%25eth0]/g"} {
		if URLKey(u) != "" {
			t.Fatalf("URLKey(%q) = %q: a host the standard takes", u, URLKey(u))
		}
		as := []Article{
			{ID: "a", Title: "One", URL: u, Date: day, Body: body(0, "w", 120, 0)},
			{ID: "b", Title: "Two", URL: " " + u, Date: day, Body: body(0, "x", 120, 0)},
			{ID: "c", Title: "Three", URL: u + "/", Date: day, Body: body(0, "y", 120, 0)},
		}
		g := Republished(as)
		if len(g) != 1 || len(g[0]) != 2 || g[0][1].Why != "same URL" || as[g[0][0].Index].ID != "a" || as[g[0][1].Index].ID != "b" {
			t.Errorf("pieces at %q (twice) and %q: copies %+v, want a and b, same URL", u, u+"/", g)
		}
		if !SameURL(u, u) || !SameURL(u, " "+u) || SameURL(u, u+"/") {
			t.Errorf("%q: SameURL with itself %v, with itself spaced %v, with %q %v; want true, true, false",
				u, SameURL(u, u), SameURL(u, " "+u), u+"/", SameURL(u, u+"/"))
		}
	}
	// kept apart from the keys of hosts a browser reads
	as := []Article{
		{ID: "a", Title: "One", URL: "http://1.2.3.09/e", Date: day, Body: body(0, "w", 120, 0)},
		{ID: "b", Title: "Two", URL: "http://1.2.3.9/e", Date: day, Body: body(0, "x", 120, 0)},
		{ID: "c", Title: "Three", URL: "ftp://1.2.3.09/e", Date: day, Body: body(0, "y", 120, 0)},
		{ID: "d", Title: "Four", URL: "ftp://1.2.3.09/e", Date: day, Body: body(0, "z", 120, 0)},
	}
	if g := Republished(as); len(g) != 0 {
		t.Errorf("pieces at 1.2.3.09 and 1.2.3.9, and two at one ftp URL: copies %+v, want none", g)
	}
}
