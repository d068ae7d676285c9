package fetch

import (
	"bytes"
	"strings"
)

// robotsGroup is what a robots.txt asks of folio (RFC 9309): the rules of
// the groups whose user-agent is folio's product token, or, when none is,
// of the groups for "*", merged. No rules: everything allowed.
type robotsGroup struct {
	rules []robotsRule
}

type robotsRule struct {
	pattern string // as written (after robotsRules): "*" any octets, a last "$" the end
	allow   bool
}

// robotsAgent is the product token folio's groups are found by.
const robotsAgent = "folio"

// parseRobots reads a robots.txt (as robotsRules wrote it) for agent. A
// group is one or more user-agent lines and the rules after them, ended
// by the next user-agent line that follows a rule; a line's "#" starts a
// comment; a rule before any user-agent, an empty Allow or Disallow, and
// the lines of other keys (Sitemap, Crawl-delay) are no rules. A
// user-agent line names the product token its value starts with
// ("folio/1.0" is folio), matched without regard to case (RFC 9309 2.2.1).
//
// It replaced github.com/temoto/robotstxt, which disagreed with RFC 9309
// (a mutation pass): its patterns were not anchored at the path's start
// ("Allow: /index.html$" let /private/index.html be fetched past
// "Disallow: /private/"), a Disallow beat an Allow of the same length,
// "User-agent: f" was folio's group (a prefix of its name), and a rule
// before any user-agent made the whole file unread, allowing everything.
func parseRobots(body []byte, agent string) *robotsGroup {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	var mine, star robotsGroup
	var agents []string // the current group's user-agents
	inRules := false    // a rule came since its last user-agent line
	named := false      // a user-agent line names agent
	for line := range bytes.Lines(body) {
		s := string(line)
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		key, value, ok := strings.Cut(s, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, productToken(value))
			named = named || strings.EqualFold(productToken(value), agent)
		case "allow", "disallow":
			if len(agents) == 0 {
				continue // no group
			}
			inRules = true
			if value == "" {
				continue // "Disallow:" disallows nothing
			}
			if !strings.HasPrefix(value, "/") && !strings.HasPrefix(value, "*") {
				value = "/" + value
			}
			r := robotsRule{pattern: value, allow: key == "allow"}
			for _, a := range agents {
				switch {
				case strings.EqualFold(a, agent):
					mine.rules = append(mine.rules, r)
				case a == "*":
					star.rules = append(star.rules, r)
				}
			}
		}
	}
	if named {
		return &mine // a group of folio's without rules allows everything
	}
	return &star
}

// productToken is the product token a user-agent line's value starts
// with: letters, "_" and "-" ("*" for "*").
func productToken(v string) string {
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := strings.IndexFunc(v, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r == '-')
	})
	if end < 0 {
		return v
	}
	return v[:end]
}

// allows says whether the group lets path (with its query) be fetched:
// the rule matching it with the most octets decides, an Allow when an
// Allow and a Disallow are as long; none matching allows (RFC 9309
// 2.2.2).
func (g *robotsGroup) allows(path string) bool {
	best, allow := -1, true
	for _, r := range g.rules {
		if !robotsMatch(r.pattern, path) {
			continue
		}
		if n := len(r.pattern); n > best || n == best && r.allow {
			best, allow = n, r.allow
		}
	}
	return allow
}

// robotsMatch reports whether pattern matches path from its start: "*"
// is any run of octets, and a "$" ending the pattern is the path's end.
func robotsMatch(pattern, path string) bool {
	end := strings.HasSuffix(pattern, "$")
	if end {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	rest, ok := strings.CutPrefix(path, parts[0])
	if !ok {
		return false
	}
	if len(parts) == 1 {
		return !end || rest == ""
	}
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	last := parts[len(parts)-1]
	if end {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}
