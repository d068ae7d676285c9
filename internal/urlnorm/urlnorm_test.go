package urlnorm

import "testing"

func TestUnescapeUnreserved(t *testing.T) {
	for in, want := range map[string]string{
		"":               "",
		"/a/b":           "/a/b",
		"/%66.xml":       "/f.xml",
		"/f%2Exml":       "/f.xml",
		"/%7eann/%2d":    "/~ann/-",
		"/caf%c3%a9":     "/caf%C3%A9",
		"/a%2fb":         "/a%2Fb",
		"/a%2Fb":         "/a%2Fb",
		"/100%":          "/100%",
		"/%zz%4":         "/%zz%4",
		"/%41%":          "/A%",
		"?q=%41&r=%20":   "?q=A&r=%20",
		"/%%41":          "/%A",
		"/%e2%80%ae.md":  "/%E2%80%AE.md",
		"/%5F%2e%2E%7E0": "/_..~0",
	} {
		if got := UnescapeUnreserved(in); got != want {
			t.Errorf("UnescapeUnreserved(%q) = %q, want %q", in, got, want)
		}
	}
}
