package archive

import (
	"math"
	"regexp"
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

// rubyNumber is the plain YAML scalar v (decoded as val) as Ruby's Psych
// reads it, where that differs from val or is a float (whose Ruby
// writing differs from Go's: 1000.0, not 1000): an int64, a float64, or
// the scalar's text, a string, where Psych reads no number (0o17, 09,
// 1e3, which yaml.v3 reads as 15, 9 and 1000); false when Ruby reads it
// as val, or v is no plain scalar that either reads as a number. Jekyll
// 4.3.1 as oracle: tags: [1:20, 010, 0x1f, 1_000, 0b101, 1.5, "010",
// 1:20:30, 0o17, 09, 1e3] was page.tags [4800, 8, 31, 1000, 5, 1.5,
// "010", 4830, "0o17", "09", "1e3"].
func rubyNumber(v *yaml.Node, val any) (any, bool) {
	if v.Kind != yaml.ScalarNode || v.Style != 0 {
		return nil, false
	}
	s := v.Value
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
		if f, err := strconv.ParseFloat(rubyFloatCleanup.ReplaceAllString(s, "$1"), 64); err == nil {
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

// rubySexagesimal is Psych's reading of a sexagesimal s: each part times
// 60 to the power of its distance from the third (1:20 is 1×3600 +
// 20×60, 4800, as Psych 4 reads it).
func rubySexagesimal(s string, float bool) any {
	var i int64
	var f float64
	for e, n := range strings.Split(s, ":") {
		mul := math.Pow(60, math.Abs(float64(e-2)))
		n = strings.ReplaceAll(n, "_", "")
		if float {
			x, _ := strconv.ParseFloat(strings.TrimSuffix(n, "."), 64)
			f += x * mul
		} else {
			x, _ := strconv.ParseInt(n, 10, 64)
			i += x * int64(mul)
		}
	}
	if float {
		return f
	}
	return i
}

// rubyInt is Ruby's Integer(s): a sign, then 0b binary, 0x hex, a
// leading 0 octal, or decimal.
func rubyInt(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimLeft(s, "+-")
	base := 10
	switch {
	case strings.HasPrefix(body, "0b"):
		base, body = 2, body[2:]
	case strings.HasPrefix(body, "0x"):
		base, body = 16, body[2:]
	case len(body) > 1 && body[0] == '0':
		base, body = 8, body[1:]
	}
	i, err := strconv.ParseInt(body, base, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		i = -i
	}
	return i, true
}

// rubyString is x, a value rubyNumber gives, as Ruby's to_s writes it,
// which Jekyll shows: a float with its ".0" (1000.0, 1.0e+16,
// Infinity).
func rubyString(x any) string {
	switch x := x.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
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
