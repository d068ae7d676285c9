package fetch

import "github.com/jimsmart/grobotstxt"

// robotsGroup is a robots.txt (as robotsRules wrote it), read for one
// product token by github.com/jimsmart/grobotstxt, a port of Google's
// robots.txt parser and matcher, the reference of RFC 9309: the groups
// naming the token (any case; "folio/1.0" is folio), else those for "*";
// a pattern matches from the path's start, "*" is any run and a last "$"
// the end; the longest matching rule decides, an Allow when as long as a
// Disallow.
//
// It replaced github.com/temoto/robotstxt, which disagreed with RFC 9309
// (a mutation pass): its patterns were not anchored at the path's start
// ("Allow: /index.html$" let /private/index.html be fetched past
// "Disallow: /private/"), a Disallow beat an Allow of the same length,
// "User-agent: f" was folio's group (a prefix of its name), and a rule
// before any user-agent made the whole file unread, allowing everything.
type robotsGroup struct {
	body, agent string
}

// robotsAgent is the product token folio's groups are found by.
const robotsAgent = "folio"

// parseRobots keeps a robots.txt (as robotsRules wrote it) for agent.
func parseRobots(body []byte, agent string) *robotsGroup {
	return &robotsGroup{body: string(body), agent: agent}
}

// allows says whether the robots.txt lets path (with its query) be
// fetched.
func (g *robotsGroup) allows(path string) bool {
	// a URL, not the path alone: the matcher reads a path starting "//"
	// as a host
	return grobotstxt.AgentAllowed(g.body, g.agent, "http://robots.invalid"+path)
}
