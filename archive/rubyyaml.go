package archive

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Psych's (Ruby's YAML) patterns of numbers, of its ScalarScanner:
// sexagesimal integers and floats (1:20, 1:20:30.5), floats, which need
// a dot (1.5, 1., 1.5e+3, not 1e3), and integers (0b101, 010 octal, 1_000,
// 0x1f; not 0o17 nor 09).
var (
	rubySexagesimalInt   = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$`)
	rubySexagesimalFloat = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$`)
	rubyFloat            = regexp.MustCompile(`^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$`)
	rubyInteger          = regexp.MustCompile(`^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$`)
	rubyFloatCleanup     = regexp.MustCompile(`[,_]|\.([Ee]|$)`)
)

// maxRubyNumber bounds the scalars rubyNumber reads: a tag is cut at
// MaxNameBytes, and a number of 64 KB is already no tag anyone wrote.
const maxRubyNumber = 64 << 10

// rubyNumber is the plain YAML scalar v (decoded as val) as Ruby's Psych
// reads it, where that differs from val or is a float (whose Ruby
// writing differs from Go's: 1000.0, not 1000): an int64, a rubyBignum
// past int64, a float64, or the scalar's text, a string, where Psych
// reads no number (0o17, 09, 1e3, which yaml.v3 reads as 15, 9 and
// 1000); false when Ruby reads it as val, or v is no plain scalar that
// either reads as a number. Jekyll
// 4.3.1 as oracle: tags: [1:20, 010, 0x1f, 1_000, 0b101, 1.5, "010",
// 1:20:30, 0o17, 09, 1e3] was page.tags [4800, 8, 31, 1000, 5, 1.5,
// "010", 4830, "0o17", "09", "1e3"].
//
// A scalar longer than maxRubyNumber is read as yaml.v3 reads it: the
// patterns ran over every tag value of every file, Jekyll's or not, and
// a 9 MB value of digits took 2.2 s to parse against 0.45 (a review).
func rubyNumber(v *yaml.Node, val any) (any, bool) {
	if v.Kind != yaml.ScalarNode || v.Style != 0 {
		return nil, false
	}
	s := v.Value
	if len(s) > maxRubyNumber {
		return nil, false
	}
	var r any = s
	switch l := strings.ToLower(s); {
	case l == ".inf" || l == "+.inf":
		r = math.Inf(1)
	case l == "-.inf":
		r = math.Inf(-1)
	case l == ".nan":
		r = math.NaN()
	case rubySexagesimalInt.MatchString(s):
		r = rubySexagesimal(s, false)
	case rubySexagesimalFloat.MatchString(s):
		r = rubySexagesimal(s, true)
	case rubyFloat.MatchString(s):
		if strings.Trim(s, "+-") == "." {
			break
		}
		// past a float's range ±Inf, as Ruby's Float() reads it (1.0e+400
		// is Infinity; 1.0e-400 0.0)
		f, err := strconv.ParseFloat(rubyFloatCleanup.ReplaceAllString(s, "$1"), 64)
		if err == nil || errors.Is(err, strconv.ErrRange) {
			r = f
		}
	case rubyInteger.MatchString(s):
		if i, ok := rubyInt(strings.NewReplacer(",", "", "_", "").Replace(s)); ok {
			r = i
		}
	}
	switch x := r.(type) {
	case string:
		switch val.(type) {
		case int, int64, uint64, float64:
			return r, true // a number to yaml.v3 alone
		}
		return nil, false
	case int64:
		if y, ok := val.(int); ok && int64(y) == x {
			return nil, false
		}
	}
	return r, true
}

// rubySexagesimal is Psych's reading of a sexagesimal s: each part, as
// Ruby's to_i or to_f reads it (rubyDigits: 1__2 is 1), times 60 to the
// power of its distance from the third (1:20 is 1×3600 + 20×60, 4800, as
// Psych 4 reads it). An integer is Ruby's, unbounded:
// the first part's digits times 3600 in decimal (decMulAdd), an int64 or
// past it a rubyBignum (9999999999999999999:00 is
// 35999999999999999996400, which overflowed int64 to -3600).
func rubySexagesimal(s string, float bool) any {
	parts := strings.Split(s, ":")
	if float {
		var f float64
		for e, n := range parts {
			f += rubyToF(n) * math.Pow(60, math.Abs(float64(e-2)))
		}
		return f
	}
	// the later parts are [0-5]?[0-9], below 60: they add up to less than
	// the first part's 3600
	var rest int64
	for e, n := range parts[1:] {
		x, _ := strconv.ParseInt(n, 10, 64)
		rest += x * int64(math.Pow(60, math.Abs(float64(e-1))))
	}
	neg := strings.HasPrefix(parts[0], "-")
	d, _ := rubyDigits(strings.TrimLeft(parts[0], "+-"))
	d = strings.TrimLeft(d, "0")
	if d == "" {
		// Ruby's "-0" is 0: -0:30 is 1800
		return rubyIntOf(decMulAdd("0", 3600, rest))
	}
	if neg {
		// -(d×3600 - rest), d ≥ 1 and rest < 3600
		return rubyIntOf("-" + decMulAdd(d, 3600, -rest))
	}
	return rubyIntOf(decMulAdd(d, 3600, rest))
}

// rubyDigits is the digits s starts with as Ruby's to_i and to_f read
// them, and what follows: an underscore between two digits is passed
// over (1_2 is 12), and anything else ends them (a second underscore:
// "1__2".to_i is 1, "1_".to_i 1).
func rubyDigits(s string) (digits, rest string) {
	var b strings.Builder
	i := 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			b.WriteByte(c)
			continue
		case c == '_' && b.Len() > 0 && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9':
			continue
		}
		break
	}
	return b.String(), s[i:]
}

// rubyToF is Ruby's s.to_f of a part of a sexagesimal float ([-+]?, then
// digits and underscores, a dot last): its sign, digits (rubyDigits) and,
// after a dot that a digit follows, their fraction ("30.5_5" is 30.55,
// "30.5__5" 30.5, "30._5" 30.0); past a float's range Infinity, as Ruby's.
func rubyToF(s string) float64 {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign = "-"
	}
	whole, rest := rubyDigits(strings.TrimLeft(s, "+-"))
	frac := ""
	if len(rest) > 1 && rest[0] == '.' {
		frac, _ = rubyDigits(rest[1:])
	}
	f, _ := strconv.ParseFloat(sign+"0"+whole+"."+frac+"0", 64) // ±Inf past the range
	return f
}

// decMulAdd is d×m + a in decimal, d a string of decimal digits, m and
// |a| small and d×m + a not negative: digit by digit, in time linear in d
// (math/big reads a decimal string in quadratic time: 1 MB of digits
// took 4 s).
func decMulAdd(d string, m, a int64) string {
	out := make([]byte, 0, len(d)+20) // the digits, last first
	c := a
	for i := len(d) - 1; i >= 0 || c > 0; i-- {
		if i >= 0 {
			c += int64(d[i]-'0') * m
		}
		x := c % 10
		c /= 10
		if x < 0 {
			x += 10
			c--
		}
		out = append(out, byte('0'+x))
	}
	for len(out) > 1 && out[len(out)-1] == '0' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "0"
	}
	slices.Reverse(out)
	return string(out)
}

// rubyBignum is an integer past int64 as Ruby writes it: its decimal
// digits, after a "-" when it is negative.
type rubyBignum string

// rubyIntOf is the decimal d ("-" and digits, no leading zeros) as an
// int64, or past int64 a rubyBignum.
func rubyIntOf(d string) any {
	if i, err := strconv.ParseInt(d, 10, 64); err == nil {
		return i
	}
	return rubyBignum(d)
}

// rubyInt is Ruby's Integer(s), unbounded, s without its commas and
// underscores: a sign, then 0b binary, 0x hex, a leading 0 octal, or
// decimal; an int64, or past it a rubyBignum (0x1_0000_0000_0000_0000 is
// 18446744073709551616). A decimal is its own digits; another base is
// read by math/big, up to maxRubyBits (past them a rubyBignum of s, in
// its own base, a number still); false for no digits (0x), which Ruby's
// Integer refuses.
func rubyInt(s string) (any, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimLeft(s, "+-")
	base, bits := 10, 0
	switch {
	case strings.HasPrefix(body, "0b"):
		base, bits, body = 2, 1, body[2:]
	case strings.HasPrefix(body, "0x"):
		base, bits, body = 16, 4, body[2:]
	case len(body) > 1 && body[0] == '0':
		base, bits, body = 8, 3, body[1:]
	}
	if body == "" {
		return nil, false
	}
	if base == 10 {
		// no leading zeros but 0 alone (rubyInteger), "-0" is 0
		if neg && body != "0" {
			body = "-" + body
		}
		return rubyIntOf(body), true
	}
	if len(strings.TrimLeft(body, "0"))*bits > maxRubyBits {
		return rubyBignum(s), true
	}
	var x big.Int
	if _, ok := x.SetString(body, base); !ok {
		return nil, false
	}
	if neg {
		x.Neg(&x)
	}
	if x.IsInt64() {
		return x.Int64(), true
	}
	return rubyBignum(x.String()), true
}

// maxRubyBits bounds the binary, octal or hex integers rubyInt converts
// to decimal, whose cost grows faster than their length (math/big wrote a
// 1 MB hex number in 0.75 s): 4096 bits are 1234 decimal digits, past
// the MaxNameBytes a tag is cut to, in some 40 µs.
const maxRubyBits = 4096

// rubyString is x, a value rubyNumber gives, as Ruby's to_s writes it,
// which Jekyll shows: a float with its ".0" (1000.0, 1.0e+16,
// Infinity).
func rubyString(x any) string {
	switch x := x.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case rubyBignum:
		return string(x)
	case float64:
		switch {
		case math.IsInf(x, 1):
			return "Infinity"
		case math.IsInf(x, -1):
			return "-Infinity"
		case math.IsNaN(x):
			return "NaN"
		}
		if a := math.Abs(x); a == 0 || a >= 1e-4 && a < 1e16 {
			s := strconv.FormatFloat(x, 'f', -1, 64)
			if !strings.Contains(s, ".") {
				s += ".0"
			}
			return s
		}
		s := strconv.FormatFloat(x, 'e', -1, 64)
		if m, e, ok := strings.Cut(s, "e"); ok && !strings.Contains(m, ".") {
			s = m + ".0e" + e
		}
		return s
	}
	return stringOf(x)
}
