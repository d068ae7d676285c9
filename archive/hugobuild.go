package archive

import (
	"fmt"
	"path"
)

// hugoBuild is what a Hugo site's config says of which pages it builds
// and how it dates them, as Hugo 0.111 reads it (hugoBuildOf).
type hugoBuild struct {
	// drafts: its buildDrafts, cast as Hugo casts it (hugoBool): a draft
	// is built then, a draft section's pages too. hugo 0.111.3 as oracle:
	// buildDrafts = true or "true" built draft: true, published: false,
	// a cascade's draft and a draft section's pages; "yes" or TOML's 1
	// built none (folio skipped each as a draft).
	drafts bool
}

// hugoBuildOf is hugoBuild of the Hugo site whose root is root, its
// config's files read by read.
func hugoBuildOf(read configReader, root string) hugoBuild {
	var b hugoBuild
	if v, ok := hugoSiteConfig.value(read, root, "builddrafts"); ok {
		b.drafts, _ = hugoBool(v)
	}
	return b
}

// String is b as text for a config's sum (hugoConfigSum).
func (b hugoBuild) String() string { return fmt.Sprintf("drafts %v", b.drafts) }

// hugoBuildFor is hugoBuild of the Hugo site the file at p is in
// (hugoSiteOf), read once a site; the zero hugoBuild (Hugo's defaults)
// for none, and for a SiteRoots without the archive's files.
func (s *SiteRoots) hugoBuildFor(p string) hugoBuild {
	if s == nil || s.fsys == nil {
		return hugoBuild{}
	}
	root, ok := s.hugoSiteOf(path.Dir(p))
	if !ok {
		return hugoBuild{}
	}
	if v, ok := s.builds.Load(root); ok {
		return v.(hugoBuild)
	}
	b := hugoBuildOf(s.readConfig, root)
	s.builds.Store(root, b)
	return b
}
