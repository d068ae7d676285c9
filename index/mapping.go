package index

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/folio-tui/folio/archive"
)

// SchemaVersion names the layout of the documents in the index: the
// mapping, the analyser, the spelling tables, and what archive.Parse makes
// of a file (8: section pages skipped, Jekyll post names, Zola tables,
// bodies made readable: shortcodes, HTML blocks, footnotes; 9: ISO week
// facets; 10: words and whole values cut to 255 bytes; 11: the authors
// facet; 12: the manifest keeps each piece's sketch for finding copies; 13:
// standfirst, note and body in the bodies store, not in bleve; 14: a pinned
// citation key; 15: words and one-line values in one Unicode form, NFC, and
// values without invisible characters; 16: the manifest keeps each file's
// change time; 17: the pieces' lengths in a file of their own; 18: the
// manifest keeps each piece's pinned citation key; 19: the source a piece
// was taken from is stored, for folio list; 20: which authors are
// organisations is stored, for folio cite --all; 21: the first three
// letters of the text's terms, for the word being typed, prefix3.go, and
// common words side by side, for phrases, pairs.go; 22: the first three
// letters' field has the text's length, and the common words are 128 terms,
// not 127 and a stop word; 23: a place left empty between blocks,
// blocks.next, and authors and tags each a block; 24: blocks read as
// CommonMark's: quotes' lazy lines, tables only with a delimiter row,
// fenced code and HTML blocks; 25: each part of the text apart, a code
// block left open in one does not run on into the next, partBreak; 26: a
// number begins a list outside the paragraph it would go on with, indented
// code blocks, comments over lines, items' content columns; 27: a list
// item's heading or fence, - # Title); 28: pairs of the bundled synonyms'
// names (pairs.go's aliasPairs); 29: words in capitals as written and the
// tags' words, caps.go; 30: and the stems whose last letter was made, for
// word*; 31: a long word cut once folded, a tag's words past its first 255
// bytes not indexed, a tag word's lower case; 32: the bundled aliases'
// forms as written and their pairs, forms.go; 33: sites' front matter as
// the sites read it (drafts skipped, Jekyll's published flag, JSON front
// matter, "..." closing, lastmod, more date forms and Markdown extensions)
// and HTML comments no text; 34: Jekyll's Liquid tags as the site shows
// them, its tag and category keys; 35: a date from a dated name outside
// _posts (Zola's), Jekyll's short dates; 36: Liquid in Jekyll's posts
// alone, drafts as the sites read yes and no, JSON front matter to its
// closing brace, comments ended as CommonMark ends them; 37: Liquid
// comments nest, Hugo's shortcodes are text in Jekyll's posts; 38: the
// manifest's counts of the pieces kept where the archive cannot be read
// (UnknownKept; a manifest without them neither said nor refused a
// rebuild); 39: the site keys a piece's site links it by (fSite: slug, url,
// permalink, aliases); 40: a piece with no outlet or no author has
// archive.NoOutlet or archive.NoAuthor among its facet values, so that the
// sidebar counts and chooses them; 41: IDs keep the marks of their words,
// in NFC, archive.Slug; the rebuild follows the IDs that change as renames,
// added.go; 42: an inline <a href> in a line of text is a Markdown link,
// and a Hugo ref without its / a site path, archive.readableHTML and
// shortcodes; 43: an empty published: a draft in a Jekyll site alone, a
// summary alone read as Markdown, its images as their alt text, a Jekyll
// post's title: false its name's, an inline <a> with brackets in its text a
// link); 44: a name with no letter in a lettered folder is named by its
// characters under it, notes/🎉.md notes/u1f389 (archive.IDFromPath; it was
// notes, suffixed); the rebuild follows it as a rename; 45: a tags string
// in a Hugo site is one tag, as Hugo reads it (archive.tagsOf); 46: the
// manifest records the files whose reading asked whether they are in a
// Jekyll or a Hugo site (fileEntry.Site, InSite), read again when an answer
// changes; 47: the closed word of the text's hyphenated ones in fText and
// fPrefix3 (counterterrorism for counter-terrorism) and their fCaps marks,
// compounds.go; 49, 50: compounds of stop words alone (tobe), noone kept
// whole; 51: an HTML block's text "&" that would begin a reference is kept
// as written (archive.HTMLConverter: the stored text of "&amp;copy;" read
// "©"); 52: Jekyll's singular tag and category string one tag
// (archive.singularTag); 53: a number of nine digits or more for a date a
// Unix time (archive.unixDate); 54: an outlet read as Markdown, as a
// summary is; 55: a Jekyll site's keys read as written, in lower case alone
// (a capitalised one is none); 56: a post of a category's folder
// (news/_posts/x) keyed as a post of _posts/ too; 57: a piece in a Hugo
// site takes the cascade of the section pages above it (archive's
// cascade.go), read again when a section page's cascade changes
// (fileEntry.Cascade); 58: a cascade from the site's content/ alone, not
// over another key of a field the page sets; a number for a date a Unix
// time in a Hugo site alone; 59: an untitled or undated page of a Hugo or
// Jekyll site a piece, titled by its name, undated (a Hugo page without
// front matter too); 60: a Jekyll site's file without front matter or named
// _x.md no page, the Markdown files of a Hugo site's root not scanned; 61:
// a character reference outside code blocks is read as the character it
// stands for (caf&eacute; is the word café, &nbsp; parts words and is none:
// charref.go); 62: a Hugo cascade entry with a _target is given to the
// pages it matches (a list's; one map's _target ignored, its values for
// every page), where it was left out; 63: a file of a Hugo site named
// #x.md, or in a folder #x/ or x~/, no page (archive's hugoPassedPath); 64:
// a page of a Hugo site with an empty date or 0001-01-01 an undated piece;
// 65: a file of a Jekyll site in a folder _x/ (not _posts/, nor a
// collection with output: true) no page; 66: a code block inside a list's
// item or a quote (indented, or a fence in a quote) and a fence's shorter
// runs of its character (``` inside ````) keep their references as written
// (blocks.go); 67: a reference to a soft hyphen or a zero-width character
// inside a word is dropped (terr&shy;orism is terrorism); 68: a hyphen
// written as a reference joins a compound (counter&#45;terrorism has
// counterterrorism); 69: a front matter's title, plain standfirst, authors,
// tags and note are stored, counted and filtered with their character
// references decoded, as the archive now reads them (archive's
// fieldrefs.go: "Jos&eacute; Garc&iacute;a" and "José García" one author
// facet); 70: a page of a Hugo site under a draft section (a section page
// above it with draft: true or published: false) no page, read again when
// the section page's draft changes (archive's CascadeSum); 71: a file of a
// Jekyll site's _posts/ whose name is not dated (_posts/hello.md) no page;
// 72: a file of a Hugo site its config's ignoreFiles match no page, read
// again when they change (archive's ConfigCascadeSum); 73: an undated piece
// has Undated among its facet values, so that the years facet counts it and
// the sidebar chooses it; 74: the front matter's fields (title, standfirst,
// note, authors, tags, outlet) indexed as the plain text the archive read,
// their references not decoded again (plainTokenizer, archive.PlainText: a
// title "Why &amp;nbsp; matters" has the word nbsp); 75: a reference inside
// a code span is text as written, as in a code block (codespans.go: `&amp;`
// has the word amp); 76: a body's inline HTML tags are no text, what they
// enclose kept (archive's inlinehtml.go: <abbr title="x">NATO</abbr> is
// NATO, a <br> a line break); 77: a Greek word is folded as a Latin one, ς
// as σ and its marks dropped (analysis.go's foldGreek: ΟΔΥΣΣΕΑΣ is
// οδυσσεας, Καλημέρα καλημερα), and a tag is keyed as its facet row
// (tagkey.go: ΛΌΓΟΣ and λόγος one); 78: a word in capitals written in
// full-width letters is held as in ASCII (caps.go's halfWidth: ＡＢＣ is ABC);
// 79: a Hugo site's config read as Hugo 0.111 reads it (the first of the
// root's config files alone; ignoreFiles never match the content folder
// itself; a section page they match gives no draft or cascade; a published
// it reads as false a draft; a file whose extension is not in lower case no
// page, an _Index.md a page) and a Jekyll site's collections' output summed
// in the manifest (SiteCascades), so that a change of it reads the site's
// files again; 80: emphasis inside a word that goldmark shows as emphasis
// is not read (emphasis.go: coun*ter*act is the word counteract,
// **bold**joined boldjoined, H~~tw~~o Htwo); 81: an inline script or style
// not closed on its line hides the rest of the line (archive's
// inlinehtml.go: a <script>x <b>bold</b> y is a); 82: the author facet
// holds the people a piece's bylines name (archive.People: "Ann Lee,
// Contributor" and "ANN LEE" are Ann Lee, "Ann Lee and Bo Chan" two
// people), a piece whose bylines name no one (et al.) no author; 83: a page
// of a Hugo site is a draft as Hugo 0.111 casts its draft and published
// (archive's hugoDraft: a quoted draft: "yes" no draft, draft: 1 one, a
// draft given wins over published, TOML's published = 0 no draft); 84: in a
// Hugo site a published that is no date folio reads is none (archive's
// firstDate: published: "1", 1, "maybe" a piece undated, or dated by a
// lastmod); 85: in a Jekyll site a document's tag read instead of its tags,
// a page's tag and category not read (archive's jekyllUnreadTags); 86: a
// Hugo site's section page in HTML (_index.html, _index.htm) is a file of
// the scan, its draft and cascade read (archive.IsHTMLSectionName); 87: in
// a Jekyll site published is no date (a post dated by its name); 88: the
// byline reading's mends (archive's names.go: "LEE, ANN" Ann Lee, a plural
// role after several people dropped, a web address one author as written;
// e4b22e7's "Ann Lee, Bloomberg Opinion" Ann Lee); 89: a <br> at a line's
// end is two spaces, a hard line break (archive's inlineTagsText:
// "a<br>\nb" was "a \nb", a soft one); 90: a web address after a byline's
// name is no part of it (archive's webAddressAfter: "Ann Lee,
// https://x.com/ann" Ann Lee), and a Jekyll document's plain tag: no or off
// is Ruby's false, its tags read; 91: a byline's "Deputy Editor" a role,
// "R-Texas" after a name a party and state, a full stop ending it no part
// of the name (archive's names.go); 92: so after a two-letter surname ("Ann
// Wu." is Ann Wu), not after an abbreviation ("Acme Co."); 93: a Hugo
// page's headless (a leaf bundle's index file alone) and _build's render
// cast as Hugo 0.111 casts them (archive's unrendered: headless: "yes" no
// headless, render: no or 0 never, render: "false" always); 94: in a Jekyll
// site a tag key Ruby reads as a boolean is no tag (archive's
// jekyllBoolTag: tags: no, category: off); 95: in a Hugo site a whole
// number of a date key that is no year is a Unix time (archive's
// dateFromValue: date: 5, published: 1 1970-01-01, 99999999 1973); 96: in a
// Hugo site any date key that is no date folio reads is passed over, as
// published was (archive's firstDate: date: "maybe" a piece undated); 97: a
// Hugo section page in HTML is one in the site's content folder alone
// (archive's hugoHTMLSectionAt: other/_index.html hides nothing); 98: a
// Jekyll page told from a document by its folders below its site's root
// (archive's jekyllUnreadTags: _blog/about.md a page); 99: a byline's "as
// told to" is no part of a name, the names either side of it people
// (archive's toldTo: "As told to Jane Doe" Jane Doe); 100: an organisation
// after a person's name and "of" an affiliation (archive's
// dropOfAffiliation: "Jane Doe of the Atlantic Council" Jane Doe); 101: a
// byline that starts with a credit is its writer's (archive's dropCredits:
// "Photographs by John Roe; text by Jane Doe" Jane Doe); 102: an inverted
// name in capitals with a rarer given name a person, inverted names
// separated by commas alone people (archive's shoutedInverted,
// invertedPairs: "CHAN, BO" Bo Chan, "Lee, Ann, Chan, Bo" two people); 103:
// a Jekyll site's front matter defaults give its pages the fields their own
// front matter does not (archive's withJekyllDefaults: a post's author from
// defaults alone); 104: in a Jekyll site an item of a tag list Ruby reads
// as a boolean is the tag false or true (archive's jekyllTagValue: tags:
// [no, beta] false, beta); 101: a file of a Hugo site outside its content
// folders is no piece (archive's hugoOutsideContent: SITE/other/o.md); 105:
// a file of a Hugo site outside its content folders is no piece (archive's
// hugoOutsideContent: SITE/other/o.md); 106: every inline <br> a line
// break, what would open a block after it escaped ("a<br>- b" was "a - b"),
// and "<br><br>" a blank line (archive's startsNoBlock); 107: a text with
// an escape sequence keeps its line and paragraph separators as new lines,
// spaces in a line (archive's Sanitize: "alpha\u0085beta \x1b[1m" was
// alphabeta); 108: a CR alone a line's end, a new line or in a line a space
// ("line one\rOVERWRITE" was "line oneOVERWRITE"); 109: a body's character
// references to characters that show as nothing are dropped where the
// characters are (archive's dropInvisibleReferences: "a&#x200b;b" is ab,
// "c&shy;d" cd); 110: a body's character keeps at most 8 combining marks,
// as a field's does (archive's Sanitize, capMarks); 111: a front matter
// field's reference to a CR or a line or paragraph separator a new line, in
// a line a space (archive's lineEndReferences: "war&#x2028;peace" was
// warpeace); 112: a person's name after a byline's "/" or "|" another
// person, a "/" inside a word that is no name's part of the word (archive's
// barParts, slashAt: "Ann Lee/Bo Chan" two people, "AC/DC Staff" kept
// whole); 113: in a Hugo site a JSON front matter's number for a date
// is no date but a year, as Hugo reads it (archive's jsonValue: "date":
// 1500000000 was 2017-07-14, now undated); 114: a Hugo site's drafts
// pieces when its config's buildDrafts is true (archive's hugoBuildOf);
// 115: a Hugo site's page dated by the keys of its config's [frontmatter]
// date, its :filename the name's day (archive's hugoDateKeys); 116: a
// Jekyll site's _config.yml read as Ruby's YAML 1.1, a plain yes, no,
// on, off a boolean (archive's decodeConfigYAML: a default's tags: no
// was the tag no); 117: a Hugo site's YAML config read as YAML 1.1, a
// plain yes or on true (archive's decodeConfigYAML: buildDrafts: on); 118:
// an organisation's words of bodies of members (archive's orgWords: Club,
// Scouts, Charities, Corps, League, Army: "Rotary Club of the Palm
// Beaches" was the person Rotary Club, now the organisation); 119:
// magazines named in one word outlets, charities' acronyms that read as
// words acronyms, an inverted name in capitals before an affiliation a
// name (archive's outlets, acronyms, bylineNames: "TIME, LIFE", "OXFAM,
// CARE" were the people Life Time and Care Oxfam, "DOE, JANE, REUTERS"
// given names "Jane, Reuters"); 120: a dateline after a name dropped,
// every country a region, the AP's states' abbreviations (archive's
// dropInvertedDateline, regions, apStates: "Doe, Jane, Boulder, Colo." was
// Jane Doe and Colo Boulder, "Doe, Jane, Irbid, Jordan" Jordan Irbid);
// 121: every writer a byline that starts with credits credits, "Writing
// by" among them, and a colon a credit's as "by" is (archive's
// dropCredits, credits: "Reporting by Ann Lee; Writing by Bo Chan" was Ann
// Lee alone, "Words: Jane Doe" the person "Words: Jane" Doe); 122: a title
// before "as told to" no teller (archive's titleLike: "What It's Like to
// Be a Nurse, as told to Jane Doe" had the person "What It's Like to Be a"
// Nurse); 123: "of" and a role in lower case after a full name an
// affiliation (archive's ofOrganisation: "Ann Lee of counsel" was the
// person "Ann Lee of" counsel); 124: inverted names after "/" or "|" a
// list (archive's bylineNames: "Lee, Ann/Chan, Bo" was Ann Lee alone);
// 125: a folder whose config.toml sets contentDir a Hugo site's root, and
// a site's contentDir its content folder for section pages, ignoreFiles
// and the config's cascade (archive's contentDirMark, hugoContentRootOf: a
// tags string one tag there); 126: in a Jekyll site a number for tags or
// categories no tag, a document's nested list flattened, a page's tags
// string one tag (archive's jekyllTagValue); 127: a front matter field's
// reference to a line's end read as the HTML parser reads one too
// ("a&#13b" a new line, was ab), the rule the importer now shares
// (termsafe.DefuseKeepingLines, archive's lineEndReferences before); 128:
// a character's run of combining marks not ended by a character of no
// width between them (termsafe's CapMarks, zeroWidth: "א" and 200 marks
// each after a zero-width space kept 200); 129: a body's backtick fence
// after a <br> escaped, and a link reference definition after two
// (archive's startsNoBlock: "Intro<br>```" opened a fence to the piece's
// end); 130: a tag in a link's destination is text (archive's
// linkDestinations: "[d](https://x/a<br>b)" was broken at the <br>); 131:
// two <br>s in a list item a hard break and an empty line, no blank line
// (archive's lineBreak: the item was loose); 132: an inverted name after a
// full one and "/" or "|" a co-author (archive's bylineNames,
// invertedPerson: "Ann Lee / Chan, Bo" was Ann Lee alone); 133: a
// picture's credit before "/" or "|" no author (archive's pictureCredit:
// "Photo: Getty Images / Ann Lee" had the person Images, Getty); 134: a
// byline that starts with a picture's credit the writers' named after "/",
// "|" or ";" with no credit (archive's dropCredits, pictureCreditWords:
// "Illustration by Bo Chan / Ann Lee" had the illustrator Bo Chan); 135:
// separators and a list's words alone name no one (archive's namesNoOne:
// the author "|" was the person "|"); 136: a "/" between a common given
// name and a name in capitals separates (archive's slashAt: "LEE,
// ANN/CHAN, BO" was one organisation); 137: a place after an affiliation
// dropped with it (archive's bylineNames, isTown: "Doe, Jane, Reuters,
// Kyiv" was given names "Jane, Reuters, Kyiv"); 138: a region after full
// names dropped, not the names before it (archive's dropInvertedDateline:
// "Ann Lee, Bo Chan, Oregon" was Ann Lee alone); 139: one word then "of"
// cited as written (archive's person: "Knights of Columbus" was the person
// "Knights of" Columbus); 140: a Jekyll _config.toml's [[defaults]]
// read (archive's jekyllDefaultSets: a TOML list of tables gave no page
// its values); 141: a Jekyll defaults glob a prefix of a page's path as a
// string (archive's jekyllDefault.applies: x/*/y gave x/q/y.md no
// values beside a folder x/q/y); 142: a Jekyll site's config's
// unpublished read (archive's jekyllUnpublished: its pieces with
// published: false were skipped); 143: a Hugo site's YAML tags read as
// YAML 1.1 (archive's yaml11Tags: tags: [y, off] were the tags y, off,
// to Hugo true, false); 144: a Hugo contentDir empty, null, a table or a
// list content/, a number or flag the folder Go writes it as (archive's
// hugoContentDirName: every file of the site was a piece); 145: a Hugo
// contentDir's spaces its folder's (archive's hugoContentOf: " posts" was
// posts/); 146: a Hugo site's page undated by JSON Feed's date_published
// (archive's hugoDefaultDateKeys: it dated the page); 147: a folder whose
// one Hugo config is config/production/ a Hugo root (archive's
// hugoConfigFolders: its pages were read as no site's); 148: a Hugo
// config folder's file named after a key (frontmatter.toml, cascade.toml)
// read as that key (archive's hugoKeyFile: none was read); 149: a Hugo
// config's tables merged over its files (archive's hugoMerged: the
// winning file's [frontmatter] or [cascade] was read alone); 150: an
// inverted name after a byline's ";" another person after a full name too
// (archive's bylineNames: "Ann Lee; Chan, Bo" was Ann Lee alone); 151: a
// picture's credit alone an organisation, an agency after a name and "/"
// its credit, "of" after a courtesy title and a family name an
// affiliation (archive's isOrganisation, slashAt, courtesyFamily: "Getty
// Images" was the person Images, Getty, "ANN LEE/AP" Lee/ap, "Dr. Fauci
// of NIH" NIH); 152: a Jekyll site's draft key no draft (archive's isDraft:
// a post's draft: true was hidden); 153: a Hugo site's tag list's item that
// is a list or table no tag (archive's hugoTermItems: tags: [a, [b, c]] was
// a and "b, c"); 154: a Hugo site's page dated by its name only by a
// config's :filename (archive's parse: 2019-05-07-b.md without a date was
// 2019-05-07); 155: a title's plain yes, no, on, off… a boolean in a Jekyll
// or Hugo site (archive's siteTitle: title: yes was "yes", the sites'
// "true"); 156: a Jekyll site's show_drafts read (archive's PassedIn,
// jekyllDraft: its _drafts/ was passed over); 157: a Jekyll site's tag
// numbers read as Ruby's YAML reads them (archive's rubyNumber: 1:20 was
// "1:20", Jekyll's 4800; 0o17 15, Jekyll's "0o17"); 158: an agency after a
// name and "/" dropped before the list is split, a picture's word an
// organisation's only after an agency's (archive's dropSlashCredits,
// pictureAgency: "Ann Lee/AP and Bo Chan/Reuters" was Ann Lee alone, "Tom
// Image and Ann Lee" one organisation); 159: a Jekyll site's sexagesimal
// tag number past int64 (archive's rubySexagesimal: 9999999999999999999:00
// was -3600, Jekyll's 35999999999999999996400); 160: a Jekyll site's
// sexagesimal parts read as Ruby's to_i and to_f (archive's rubyDigits:
// 1__2:30 was 45000, Jekyll's 5400); 161: a Jekyll site's tag integer past
// int64 (archive's rubyInt: 0x1_0000_0000_0000_0000 was as written,
// Jekyll's 18446744073709551616; tags: 99999999999999999999 a tag, Jekyll's
// none); 162: a Jekyll site's tag float past its range Infinity (archive's
// rubyNumber: 1.0e+400 was as written, Jekyll's Infinity; tags: 1.0e+400 a
// tag, Jekyll's none); 163: a Jekyll post's singular tag float written as
// Ruby writes it (archive's jekyllTagValue: tag: 1000.0 was 1000, Jekyll's
// 1000.0); 164: a kept reference inside a word read as the character
// (index's refWord: ᠠ&#x180b;ᠡ was the words ᠠ and ᠋ᠡ, ᠠ᠋ᠡ one); 165:
// a reference inside a word dropped by archive's rule (index's
// refIgnorable: a variation selector after a combining mark was dropped,
// café&#xfe0f;s cafés, where the archive keeps it); 166: MLA's two authors,
// a comma before "and", two people (archive's mlaPair: "Lee, Ann, and Bo
// Chan" was three Chans); 167: a key a Jekyll config gives twice its last
// value's (archive's lastKeysWin: the whole config was refused, its
// show_drafts and defaults unread); 168: a Jekyll config's defaults' tag
// numbers read as Ruby's YAML reads them (archive's
// jekyllDefaultsRubyTags: tag: 1:20 was "1:20", Jekyll's 4800); 169: a
// Jekyll site's category drafts read (archive's jekyllShowsDraftsOf:
// x/_drafts/ was passed over), posts to its defaults; 170: a key a Hugo
// YAML config gives twice its last value's (archive's lastKeysWin: the
// whole config was refused, its buildDrafts and cascade unread); 171: a
// piece's people one by archive.PersonKey (archive's Bylines: "George W.
// Bush" and "George W Bush" in one byline were two people); 172: and
// without the accents of Latin letters (archive's latinBare: "José García"
// and "Jose Garcia" in one byline were two people); 173: agencies' credits
// joined by "/" an organisation (archive's agencyCredits: "Getty
// Images/iStockphoto" was the person Images/iStockphoto, Getty); 174: a
// place or an affiliation after a full name and "of" dropped (archive's
// dropOfAffiliation: "Ann Lee of Kyiv" was the family name Kyiv, given
// names "Ann Lee of"), and a sovereign's byname cited as written ("Mary
// Queen of Scots"); 175: a peer's designation dropped (archive's
// courtesyFamily: "Lord Hague of Richmond" was the family name Richmond,
// given names "Lord Hague of"); 176: MLA's two authors with an affiliation
// after them two people (archive's mlaPair read after the affiliation is
// dropped: "Lee, Ann, and Bo Chan, Reuters" was three Chans); 177: a region
// or an unknown word after a full name and a comma no given name (archive's
// fullNameThen: "Ann Lee, Georgia" was Georgia Ann Lee, "Ann Lee, Guardian"
// Guardian Ann Lee); 178: "of" inside a name in capitals in lower case
// (archive's titleCase: "KNIGHTS OF COLUMBUS" was Knights Of Columbus);
// 179: a person's name with a picture's word before "/" or "|" and another
// name a person's (archive's bylineNames: "Tom Image / Ann Lee" was Ann Lee
// alone); 180: a grapheme joiner or variation selector acting on nothing in
// a one-line field dropped (archive's noEffect: "Ann Lee\u034f", "Ann
// \ufe0fLee" were other authors); 181: an id without the grapheme joiner
// and variation selectors (archive's Slug: ann\u034f.md was the id
// ann\u034f, now ann and a suffix); 182: such a joiner or selector in a
// body dropped too, and read so from a reference (archive's noEffect:
// "zzq\u034f" was not the word zzq); 183: a Hugo contentDir of two folders
// takes its config's cascade (archive's cascade: a/b/'s pages had none);
// 184: a Hugo site's languages' own contentDir are its content folders
// (archive's hugoLanguageContents: every file was a page, a language's
// pages took the config cascade's paths from content/); 185: a line break
// in an author's string is a ";" between names (archive's bylineLine: "Ann
// Lee\nBo Chan" was the person Ann Lee Bo Chan); 186: the commas and
// semicolons of CJK text separate names (archive's cjkSeparators: "王伟、李娜"
// was one); 187: "Reuters/Alamy Stock Photo" an organisation as written (an
// organisation's word one part of agencyCredits; it was Reuters); 188: "
// for " after two people starts an affiliation (archive's peopleBefore:
// "Ann Lee and Bo Chan for Reuters" was one organisation); 189: an
// affiliation after each name of a list dropped, and a university of one
// word after a name (archive's dropPairedAffiliations, institutions: "Ann
// Lee, Stanford and Bo Chan, Vox" named Stanford Chan); 190: after a full
// name and a comma only a region or an outlet's or agency's word dropped,
// any other word a given name (archive's fullNameThen: "Scott Thomas,
// Kristin" was Scott Thomas, now Kristin Scott Thomas as before 177); 191:
// 186 taken back, the commas of CJK text no separators of names again
// (archive's cjkSeparators made "王伟、新华社" two people, the agency one, and
// "Lee，Ann" Lee alone); 192: a character Sanitize drops in a link's target
// percent-encoded, and a link whose target the cleaning changed or made no
// link (archive's sanitizeMarkdown: [x](g\u202eood.md) was a link to
// good.md); 193: a line of one word after a name joins it unless an
// affiliation or a role (archive's goesOn: "Ann Lee\nMadonna" was Ann Lee
// alone); 194: one word after a full name and a comma an affiliation by one
// rule, alone or before "and" (archive's affiliationWord: "Ann Lee,
// Guardian and Bo Chan" named Guardian Chan); 195: a serial comma before
// "and" in a list of names with affiliations (archive's
// dropPairedAffiliations: "Ann Lee, Foreign Policy, and Bo Chan, Harvard
// Law School" named Foreign Policy); 196: a link whose target the cleaning
// changed is text alone, an ordinary link beside it to the same target a
// link again (archive's breakChangedLinks places them where the cleaning
// left as many targets); 197: a line's cleaning run until it stays
// (archive's SanitizeLine: NFC's reordering left a joiner acting on
// nothing, dropped by a second pass); 198: a particle with a capital or a
// suffix in a co-author's name, and a part of a list of full names that
// is none dropped alone (archive's isPersonName, commaPeople: "Maria
// Lopez, John Smith, Luigi Di Maio" was Maria Lopez alone); 199: a family
// name in capitals beside given names that are not a person's, its
// capitals normalised (archive's shoutedFamily: "SMITH, John" was an
// organisation, "Ann LEE" LEE); 200: a firm's legal form after its name
// an organisation's (archive's orgWords, legalForm: "Siemens AG" was the
// person AG, Siemens); 201: a piece's language, stored (fLang: its front
// matter's language or lang, a Hugo or Zola translation's name; archive's
// Article.Language); 202: 196 taken back: every link of a piece to a target
// the cleaning changed is text again (a review: pairing targets by place
// made a link the cleaning made live when another was lost); 203: a piece's
// language no longer from a Zola name (elections.uk.md was Ukrainian),
// lang: only of a common language (lang: go said, ts Tsonga); 204: an
// affiliation after a list's last name joined by "and" dropped (archive's
// dropListAffiliation: "Ann Lee and Bo Chan, Foreign Policy" named the
// person Foreign Policy); 205: inverted names whose family names are in
// capitals after "/" or in a row with commas alone people (archive's
// slashAt, invertedPairs: "SMITH, John/DOE, Jane" was one organisation);
// 206: a family name in capitals with no vowel after a consonant read as a
// name (archive's vowellessNames: "NG, Andrew" was an organisation, "Andrew
// NG" NG); 207: a firm's legal form with dots after a name alone an
// organisation's (archive's legalForms: "Philips N.V." was the person N. V.
// Philips); 208: fCaps marks the terms of compounds that are parts not
// beginning their run (capsPartMark: theabov of all-of-the-above), which
// the word being typed reads; 209: a given name's particle starting a part
// after a full name and a comma a place's or a firm's, as before bffb919,
// and a one-word town ending "Name, Affiliation, Town" a dateline
// (archive's particlePlaces, commaPeople: "Ann Lee, Van Nuys" named the
// person Van Nuys, "Ann Lee, Sciences Po, Paris" Sciences Po); 210: a page
// under nested contentDirs in the nearer language's, every time, and lang:
// nb, nn (archive's pageLanguage: map order gave content/fr/x.md en or fr);
// 211: a Hugo site's own languageCode, else the defaultContentLanguage it
// names, for the pages of a site without languages, and its languageCode
// for a site's one language without its own (archive's hugoLanguagesOf:
// languageCode = "de-de" gave its pages none); 212: a Jekyll folder just
// below _posts or a collection starting with _, #, ., ~ passed over
// (archive's jekyllPassedFolder: _posts/_hid/ was read); 213: an untitled
// Jekyll collection document titled, and dated, by its name as a post
// (archive's jekyllDocument: _notes/plain-note.md was "plain-note", now
// "Plain Note"); 214: a Jekyll date Ruby reads read (archive's jekyllDate:
// date: "2020-5-6" was a skipped file), one it does not a post's name's, a
// page's none; 215: a Jekyll config's collections_dir read (archive's
// jekyllCollectionsDir: the root's _posts/ was read, col/_essays/ passed
// over); 216: a date in Go's RFC 850, ANSIC, UnixDate or RubyDate form, or
// "2020-05-06 10:00:00-0700", read as Hugo reads it (archive's dayLayouts,
// spf13/cast's list: such a page was undated); 217: a translation takes its
// own language's section pages alone, _index.fr.md a section page
// (archive's sectionKey: a draft _index.md hid news/n.fr.md, c/_index.md's
// cascade gave c/p.fr.md its tags, _index.fr.md was a piece); 218: a
// content folder two languages share the first's in Hugo's order (the
// defaultContentLanguage, then weight, then key), a language without its
// own contentDir reading the site's (archive's hugoLanguageOrder: the first
// by key, de over en); 219: a url with a user name before its host refused,
// a body link to one text, an image's URL written without one (archive's
// ValidURL, breakUserinfoLinks, mediaLine:
// "https://www.nytimes.com@evil.example.net/" opened evil.example.net);
// 220: a direction mark (U+200E, U+200F, &rlm;) in a body, standfirst or
// note dropped on a line of no right-to-left letter (archive's
// dropIgnorable, invisibleReferences: "voted \u200f12 - 34\u200f" read "34
// - 12" in a bidi terminal); 221: an inline link whose text is a URL of
// another site than its target made text (archive's urlTextElsewhere:
// "[https://good.example.com/t](https://evil.example.net/t)" was a live
// link); 222: a time of day alone (3:04PM) no date, a Hugo page of one
// undated (archive's timeLayouts: read as year 0, the page was skipped);
// 223: the page's own language's section page, _index.en.md, the
// section's before _index.de.md of a language the site does not have and
// before _index.md (archive's sectionRank: a draft news/_index.de.md hid
// news/n.md beside news/_index.en.md); 224: a section page whose name ends
// in a language the site does not have gives no cascade (archive's
// ownSectionPage: blog/_index.fr.md's cascade tagged blog/b.md in a site
// of en alone); 225: a link's URL text of the same registrable domain as its
// target, or cut short, or with punctuation after it, a link; one in
// quotes or struck through of another site text (archive's siteKey:
// en.wikipedia.org's text over en.m.wikipedia.org was made text); 226: a
// Jekyll date of a day and a time (2020-05-06 3:04PM, 6 May 2020 10:00)
// read, a time alone (10:00) no date (archive's jekyllDayLayouts,
// timeLayouts: such a post was dated by its name); 227: a section's page of
// the page's language (_index.en.md, .markdown) before its _index.html
// (archive's sectionRank: c/_index.html's cascade was given); 228: a link's
// www. text cut short with … judged as an http one is (www.good.com/a… over
// evil.com was a live link); 229: tag characters kept after a flag only
// when they spell a subdivision (termsafe.FlagTags: a hidden sentence after
// 🏴 stayed in titles, names and bodies); 230: a Jekyll collections_dir's
// posts read where it says as written (archive's readsPosts: ./col/'s
// col/_posts/ was read, colx/_posts/ of col passed over); 231: a Jekyll
// collections_dir starting with _ read for its collections alone (archive's
// jekyllPassedFolder: _col/page.md and _col/_posts/ were read); 232: a
// Jekyll default's scope path under a collections_dir read as Jekyll does
// (archive's stripCollectionsDir: _essays gave col/_essays/e.md nothing);
// 233: a Hugo folder's section page the first by name after the language's
// own (archive's sectionBefore: a draft _index.aa.md beside an _index.md
// hid nothing, _index.html was taken before _index.htm); 234: a link whose
// text is a URL of another site kept in the body, judged where it is
// rendered (archive's LinkTextElsewhere, ui's linksOfOtherSites: the body's
// raw lines were read, and "[https://good.example.com/t](…)" stored as
// text); 235: a direction mark kept by its paragraph's right-to-left
// letters (archive's blockAround: a hard-wrapped Arabic paragraph's mark on
// a line of Latin text was dropped); 236: a Zola site's pages in its
// config's default_language and languages (archive's zolaLanguagesOf: read
// as a Hugo config, [languages.fr] made every page French); 237: a Zola
// site's page without a date dated by its name (archive's zolaSite: undated
// as a Hugo page); 238: a Zola site's bundle translation, index.fr.md,
// dated by its folder's name (archive's zolaIndexDate: undated); 239: a
// Zola site's file not named .md no piece (archive's ZolaExtMsg: x.markdown
// was one); 240: a Zola site's translation keyed by its slug or dated name
// with its language (archive's siteKeys: s.fr.md's slug perso was
// blog/perso); 241: one word after a list of full names an affiliation
// (archive's dropListAffiliation: "Ann Lee and Bo Chan, Lawfare" counted
// Lawfare Bo Chan); 242: a name cited as written shares no family name
// (archive's sharedFamily: "Lee, Ann and Le Monde" counted Lee Monde and
// Ann Monde); 243: an affiliation after a name and a comma inside a list
// joined by "and" dropped (archive's dropListRoles: "Ann Lee, Foreign
// Policy and Bo Chan" counted Foreign Policy); 244: a law school's short
// name no person's (archive's lawSchool: "Ann Lee, Bo Chan, Harvard Law"
// counted Harvard Law); 245: a firm's legal form in capitals and after
// "and" an organisation's (archive's legalForm: "BMW AG" counted Bmw Ag);
// 246: a firm's name in capitals after a name and a comma an affiliation
// (archive's isRolePart, isPersonName: "Ann Lee, Bo Chan, SIEMENS AG"
// counted Siemens Ag); 247: a Korean or Chinese name in Latin letters
// family name first (archive's romanisedFamilyFirst: "Kim, Jong Un" counted
// Jong Un Kim); 248: a superscript or subscript written as ScriptText
// writes it (archive's inlineTagsText: 10<sup>6</sup> was stored as 106,
// CO<sub>2</sub> as CO2); 249: <del>, <s> and <strike> closed on their line
// written ~~…~~ (archive's inlineTagsText: the struck text was stored as
// live text); 250: a config.toml with Hugo's keys Hugo's whatever base_url
// it holds (archive's hugoOnlyKeys: read as Zola's); 251: scripts and
// strikes paired on their line by a stack (archive's pairedTags:
// X<sup>2<sup>3</sup></sup> read X²³, 2<sup>&minus;3</sup> 2^(−3), a nested
// <del> left c live); 252: tag characters written as references dropped
// after a flag too (archive's invisibleReferences: they hid a text after
// 🏴); 253: a Hugo figure's alt text kept beside its caption and title
// (archive's figureLabel: alt="A gopher on a stage" was dropped for the
// caption); 254: a Korean or Chinese name of two words read family name
// first when its given name is written as theirs are (archive's
// romanisedGiven: "Kim Jong-un", "Xi Jinping" were Jong-un, Kim and
// Jinping, Xi); 255: a name that starts with "_index." is a section page in
// a Hugo or Zola site alone (archive's IsSectionPageIn: a notes folder's
// _index.old.md is a piece again; a Hugo site's _index.aa.fr.md and
// _index.aa.bb.md section pages, their drafts hiding their sections'
// pages); 256: a Zola site's ignored_content globs leave their pages out
// (archive's zolaIgnorePatterns); 257: a firm named after its founders
// (archive's namedFirms: "Goldman Sachs", "Morgan Stanley") is no person
// in a byline; 258: a name read given name first is shown so whatever its
// words (archive's Name.oneGivenFirst: "Diane Chen" was shown Chen Diane,
// "Lee Chan" and "Chan Lee" one person); 259: namedFirms without the
// firms whose names are ordinary people's (Arnold Porter, Oliver Wyman,
// Norton Rose); 260: a firm's name and legal form last in a byline all in
// capitals, after full names and a comma, is an affiliation (archive's
// shoutedFirm: "ANN LEE, BO CHAN, SIEMENS AG" had the person Siemens Ag);
// 261: firms joined by "and", each a name and a legal form, one dotted, are
// organisations (archive's firmsList: "Nestlé S.A. and Philips N.V." was
// read as Vancouver's names); 262: "on the", "in", "to" inside an
// affiliation after a name and a comma in a list (archive's nameJoins:
// "Ann Lee, War on the Rocks and Bo Chan" had the person Rocks, War on the);
// 263: a section page's manifest entry says it is one (fileEntry.Section:
// holdsID read it from its problem's message); 264: a Hugo site's
// language's section page in HTML, _index.fr.html, is fr's (archive's
// IsHTMLSectionName: its draft hid news/a.fr.md, its cascade tagged
// blog/b.fr.md; folio read _index.html and _index.htm alone); 265: a Zola
// site's page with render = false is no piece (archive's zolaUnrendered:
// Zola writes no page of it; folio listed it); 266: a Zola site's draft
// section page of any language hides its folder's pages of every language,
// and only _index.md and _index.fr.md of a listed language are its section
// pages (archive's zolaDraftSection, zolaSection: a draft blog/_index.fr.md
// left blog/a.md a piece, a draft _index.de.md of a language the config
// lacks hid news/n.md); 267: a Zola site's ignored_content globs are
// matched against a page's absolute path (archive's zolaAbsRoot:
// "/content/x.md" left out a page Zola publishes, a glob naming the site's
// folder none); 268: a firm's name and legal form after an inverted name
// and a comma is an affiliation ("DOE, JANE, SIEMENS AG" had the given
// names "Jane, Siemens Ag"); 269: a firm's name and legal form last in a
// byline all in capitals, after full names and "and", is an organisation
// (archive's shoutedFirmLast: "ANN LEE AND SIEMENS AG" had the person Ag,
// Siemens); 270: firms joined by "and" whose legal form is an
// organisation's word are each an organisation (archive's orgForm: "Robert
// Bosch GmbH and Philips N.V." was one); 271: a common given name alone
// after a list's last name and a comma is a name of its own, not dropped as
// an affiliation ("Ann Lee and Bo Chan, Kristin" lost Kristin; commonGiven
// has ten names more); 272: an inverted name whose given name is pinyin no
// Western one is spelt like is read family name first (archive's
// pinyinMarked: "Xi, Jinping" was Jinping Xi beside Xi Jinping); 273:
// "WITH" in capitals joins a list's names as "with" does (archive's
// listSep: "ANN LEE WITH BO CHAN" was one person); 274: a firm in capitals
// among full names is no person wherever it stands (archive's shoutedFirms,
// which shoutedFirmLast became: "ANN LEE, SIEMENS AG AND BO CHAN" and
// "SIEMENS AG AND ANN LEE" had the person Ag, Siemens); 275: people and
// firms whose form is an organisation's word joined by "and" are each cited
// alone (archive's peopleAndFirms: "Ann Lee and Robert Bosch GmbH" was one
// organisation); 276: a piece's language and its prefixes indexed for
// filters and language: (fLanguage) and counted among the facets
// (facetCodes' "l", archive.NoLanguage for none); 277: a Zola site's page
// is left out for render = false at the top of its front matter, its key in
// lower case, alone (archive's zolaUnrendered: Render = false, RENDER =
// false and [extra]'s render = false, which Zola renders, were left out); a
// TOML key beside one alike but for case is the one in lower case, as
// JSON's (the map's order chose it); 278: an inverted name is read family
// name first by pinyin only for a given name of two syllables, none Western
// names are made of, no Western given name (archive's pinyinMarked,
// namelessSyllables, pinyinLookalikes: "Chen, Juliana", "Chen, Julia", "Li,
// Liana" were Chen Juliana, Chen Julia, Li Liana); 279: a firm named after
// its founder is one organisation (archive's foundersFirm, successorFirm:
// "John Wiley and Sons Inc." was the person John Wiley and the firm Sons
// Inc.); 280: a common given name alone after one full name and a comma,
// its last word no given name, is a name of its own (archive's
// givenAfterFullName: "ANN LEE, NICOLE" and "Ann Lee, Nicole" were the
// person Nicole Ann Lee); 281: a section page whose front matter cannot be
// read is said, with its line (archive's sectionMatterProblem: it was a
// quiet section page, its draft not read, unsaid); 282: the manifest's copy
// keys keep a URL's every query pair (archive.URLKey: a pair with a ";" or
// a bad "%" escape was dropped, so "page.php?id=1;lang=en" and
// "…?id=2;lang=fr" were copies, "same URL"); 283: the manifest's copy keys
// are of URLs normalised as RFC 3986 and IDNA say (archive.URLKey: a
// default port, a host in punycode or with a trailing dot, escaped letters
// and digits, escapes' case, dot segments made pieces at one URL no
// copies); 284: superscript digits after a digit are a number of their own,
// in ASCII (the tokenizer's superscriptExponent: 10⁶ was 10 alone, so 10^6
// did not find it); 285: a firm first then people after a comma is a list
// (archive's peopleAndFirms read in bylineNames: "Robert Bosch GmbH, Ann
// Lee" was the firm alone, Ann Lee read as its affiliation); 286: common
// given names after a list's last name and a comma are each a name of their
// own (archive's givenAfterList: "Ann Lee and Bo Chan, Kristin, Megan" was
// Ann Lee and the person "Kristin, Megan Bo Chan", "…, Kristin and Megan"
// one organisation); 287: a firm's name in capitals beside names that are
// not, and one in a script without capitals, is a firm (archive's
// bylineNames, firmWord: "Ann Lee and SIEMENS AG" and "東芝 AG and Ann Lee"
// were the people Siemens Ag and AG, 東芝); 288: a shortcode's media URL of
// any scheme, or one url.Parse refuses, is written without its user name
// and password (archive.WithoutUserinfo, one rule with fetch's: an ftp://
// one kept them); 289: a Jekyll post's tags or categories string splits on
// whitespace alone, its commas kept, as Jekyll reads it (archive's
// jekyllTagValue: "tags: foo, bar" was foo and bar, now "foo," and bar);
// 290: a Jekyll post's folders above its _posts/ are its categories
// (archive's jekyllPathCategories: news/_posts/x.md was of none, now of
// news); 291: a Jekyll post's YAML merge keys (<<) are read as
// Ruby reads them (archive's rubyMerge: <<: {title: T, tags: [a]} was
// neither); 292: a Jekyll config's merge keys are read as Ruby reads them
// (archive's rubyMergeNodes: a defaults set's <<: *a then <<: *b was b's
// alone, its own keys over it); 293: a piece's language is its canonical tag
// (archive's LanguageTag: language: ger was ger, iw iw, now de, he); 294: a
// Zola site's section page gives its pages no cascade (archive's
// SiteRoots.cascade: a blog/_index.md's [cascade] tags = ["casc"] gave
// blog/a.md the tag casc, now none); 295: a section page its site never
// reads is no problem and gives no draft (archive's sectionUnread: an
// _index.md Hugo's ignoreFiles match, or in a Zola folder its
// ignored_content matches, or a Zola _index.de.md of a language it lacks, of
// broken front matter was said; a draft one in a folder ignored_content
// matches hid its pages, now neither); 296: a piece's YAML front matter of a
// null alone has no keys, as Hugo reads it (archive's decodeYAML:
// ---\nnull\n--- was "not a mapping", now read as ---\n---); 297: firms
// joined by "and", each a name and a legal form without dots, are firms
// (archive's firmsList: "Siemens AG and Volvo AB" was the people Siemens A.
// G. and Volvo A. B., "SIEMENS AG AND BMW AG" the person Siemens Ag beside
// BMW AG); 298: a place after "in" in capitals after a name is no part of
// it, nor the list's words after it (archive's dropPlaces, placeWordsEnd:
// "ANN LEE IN KYIV AND BO CHAN IN LONDON" was the people Ann Lee In Kyiv and
// Bo Chan In London); 299: common given names after full names separated by
// commas alone are each a name of their own (archive's givenAfterList: "Ann
// Lee, Bo Chan, Kristin" was Ann Lee alone); 300: Wen is a Chinese family
// name (archive's cjkFamilies: "Wen, Jiabao" was Jiabao Wen, "Wen Jiabao"
// the family name Jiabao, two people); 301: a news agency named whole beside
// people's names is an organisation of its own (archive's newsAgencies,
// firmName: "Ann Lee and Reuters" was one organisation, "Ann Lee, Bo Chan
// and Reuters" Ann Lee alone); 302: inline tags before a link's
// destination, on a line with a tag after it, are read as tags (archive's
// inlineTagsText asked dests.holds again after it had passed them: "a
// <b>x</b> [l](u) <i>y</i>" kept "<b>x</b>" as text, "2021<sup>[5](#fn5)</sup>"
// read "2021<sup>[5](#fn5)", shown 20215, now 2021^([5](#fn5))); 303: a
// superscript that is a link to a note alone is a footnote's marker
// (archive's footnoteMark: 2019<sup>[3](#fn3)</sup> was 2019^([3](#fn3)),
// now 2019\[3\], as a Markdown footnote's reference); 304: the manifest's
// copy keys read a host not in ASCII by IDNA's lookup of it as written, as
// LinkTextElsewhere's sites are (archive's hostOf: "İstanbul.example" was
// istanbul.example, now xn--istanbul-o0e.example; "ẞ.example"
// xn--zca.example, now ss.example); 305: the manifest's copy keys leave out
// a host's trailing full stop that IDNA's lookup reads as "." (archive's
// hostOf: "example.com。" was example.com., now example.com); 306: a piece
// written mo is in ro, the registry's preferred value (archive's
// LanguageTag: ro-MD, CLDR's, before); 307: a link inside a word is read
// with the word whole in its text, as the reader shows it, inline or
// reference, to a URL or a relative target (archive's LinkWordsJoined:
// "[cat](u)alog" was cat, u, alog, now catalog, u); 308: a Zola
// ignored_content glob's letter of more than one byte is matched whole
// (archive's zolaGlobRegexp: "*/entwürfe/*" matched no path, ü written as
// Ã¼, and content/entwürfe/a.md was a piece, now left out); 309: 307
// undone (an attack: joining each body's link words cost 9x the
// indexing of a 10 MB piece of links and joined words the reader does
// not show, an escaped bracket's, an HTML block's); 310: the
// manifest's copy keys look a host up as the WHATWG standard does, not
// strictly (archive's whatwgIDNA: "a_b.é.example" was kept in Unicode,
// now a_b.xn--9ca.example); 311: "For" and "FOR"
// in a byline are read as "for" (archive's forAt: "CITIZENS FOR
// RESPONSIBILITY AND ETHICS IN WASHINGTON" was the organisation Citizens
// For Responsibility and the person Ethics In Washington, now one
// organisation; "ANN LEE FOR REUTERS" one organisation, now Ann Lee); 312:
// "And" capitalised joins a byline's list as "and" does (archive's
// listSep, andParts: "Ann Lee In Kyiv And Bo Chan In London" was the
// organisation Ann Lee And Bo Chan, now Ann Lee and Bo Chan); 313: an
// inverted name beside a firm in a list joined by "and" is a person and
// a firm (archive's invertedAndFirms: "Lee, Ann and Reuters" was the
// person Lee, now Ann Lee and Reuters); 314: an inverted name, then
// more names after its comma, is a list going on given name first
// (archive's invertedThenList: "Lee, Ann, Bo Chan and Reuters" was Ann
// Lee alone, "Lee, Ann, Scott Thomas, Kristin" the person "Ann, Scott
// Thomas, Kristin Lee", now Ann Lee, Scott Thomas and Kristin); 315:
// Lawfare is an outlet's word (archive's outlets: "Ann Lee, Bo Chan,
// Lawfare" was Ann Lee alone, "Ann Lee, Lawfare" the person Lawfare Ann
// Lee, now Ann Lee and Bo Chan, and Ann Lee); 316:
// "With" capitalised joins names as "And" does, and firms alone after a
// comma are the affiliation, each (archive's listSep, allFirms: "Ann Lee
// In Kyiv With Bo Chan" was {Ann Lee With Bo Chan}, "Ann Lee, Reuters and
// AFP" Ann Lee and AFP); 317: a link to a
// note whose text is a superscript (Pandoc's order), and a superscript of
// links to notes separated by commas or dashes, are footnotes' markers,
// and a marker's label is one rule, archive.IsNoteLabel (archive's
// noteLinkMark, footnoteMark: 2019[<sup>1</sup>](#fn1) was 2019[¹](#fn1),
// now 2019\[1\]; 2019<sup>[1](#fn1),[2](#fn2)</sup> was
// 2019^([1](#fn1),[2](#fn2)), now 2019\[1,2\]; a label with a character
// other than a letter, a digit or ",.-–*†‡§" was a marker, now a
// superscript); 318: the manifest's copy keys read a host that ends in a
// number as the WHATWG URL standard's IPv4 parser does (archive's
// ipv4Host: "0x7f.1", "127.1" and "2130706433" were hosts of their own,
// now 127.0.0.1; "1.2.3.09" was a host, now no key); 319: the manifest's
// copy keys write an IPv6 address as the WHATWG URL standard serialises
// it (archive's ipv6Host: "[0:0:0:0:0:0:0:1]" and "[0::1]" were keys of
// their own, now [::1]; "[::FFFF:127.0.0.1]" was [::ffff:127.0.0.1], now
// [::ffff:7f00:1]; one with a zone, "[fe80::1%25eth0]", was a key, now
// none); 320: the manifest's copy keys read a name as the WHATWG URL
// standard does (archive's domainASCII, hostOf: "https://www.。/a" was
// /a, now www../a; "xn--.bücher.example", a label "xn--" alone, was
// .xn--bcher-kva.example, the key of ".bücher.example", now no key; a
// name IDNA's lookup refuses, an "xn--" label that does not decode or a
// forbidden code point, "a%C2%A0b.example", was a key, now none); 321:
// a host name not in UTF-8 has no copy key, as the standard reads it
// (archive's domainASCII: "%FF.example" was xn--zn7c.example, now no
// key); 322: a marker's label is bounded by each note's label
// (archive.MaxNoteLabel) and by the notes it lists (MaxNoteLabels), not
// the whole label by 12 characters (archive's IsNoteLabel:
// 2014<sup>[1](#fn1),…,[7](#fn7)</sup> was 2014^([1](#fn1),…,[7](#fn7)),
// now 2014\[1,2,3,4,5,6,7\]); 323: a Zola site's section page holding a
// key Zola's section front matter denies is said at the key's line
// (archive's zolaDeniedKeys: blog/_index.md's [cascade] was a quiet
// section page, now a problem, Zola refusing the site; its pages read as
// before); 324: a common given name after a list of full names
// separated by commas and its "and" is a name of its own (archive's
// givenAfterList: "Ann Lee, Bo Chan and Kristin" was Ann Lee alone, now
// Ann Lee, Bo Chan and Kristin); 325: a place after "and" and "in",
// joined to a place dropped after a name, is dropped with it (archive's
// dropPlaces: "ANN LEE IN KYIV AND IN LVIV" was Ann Lee and the person
// Lviv, In, now Ann Lee); 326: an affiliation with "for" after a full
// name goes up to "and" or "with" and the next person's name (archive's
// dropForAffiliations, ofOrganisationEnds: "Ann Lee for Reuters and Bo
// Chan" was Ann Lee alone, now Ann Lee and Bo Chan); 327: a serial comma
// before a list's "and" or "&" reads as the list without it (archive's
// bylineNames: "Ann Lee, Bo Chan, and Reuters" was Ann Lee and Bo Chan,
// now Ann Lee, Bo Chan and Reuters; "Ann Lee, Bo Chan, & Cy Dee" was Ann
// Lee and Bo Chan, now three); 328: Florence is a common given name
// (archive's commonGiven: "Ann Lee, Bo Chan, Florence" was Ann Lee
// alone, now Ann Lee, Bo Chan and Florence; "Ann Lee, Florence" the
// person Florence Ann Lee, now Ann Lee and Florence); 329: 326's "for"
// affiliation rule and 328's Florence undone after a review and an attack
// (archive's dropForAffiliations, commonGiven: "Ann Lee for UNICEF and
// World Vision" gave a person World Vision, "ANN LEE FOR CITIZENS FOR
// RESPONSIBILITY AND ETHICS IN WASHINGTON" a person "Washington, Ethics
// In", "Ann Lee, Sciences Po, Florence" two authors more; read now as
// before 326 and 328); 330: the manifest's
// copy key of a URL whose host a browser refuses is that URL as written
// (archive's copyURLKey: "http://1.2.3.09/e" had none, so two pieces at
// that very URL were no copies, now "<http://1.2.3.09/e>", copies); 331: a Zola
// site's section page is a draft by its draft = true alone, in lower
// case (archive's zolaDraftFlag: published = false or DRAFT = true hid
// the pages under it, now they are read, as Zola, refusing such a
// section, is said to read them); 332: a Zola site's page is a draft by
// its draft = true alone, in lower case (archive's zolaDraftFlag, parse:
// a page's published = false or DRAFT = true was a draft, now a piece,
// as Zola publishes it); 333: a Zola section page's generate_feed is
// said as a key Zola's section front matter denies (archive's
// zolaSectionKeys: taken, now a problem; Zola 0.19 renamed it
// generate_feeds); 334: a TOML multi-line basic string's escaped quote
// ends it no more (archive's tomlValueScan: foo5 after `a \"""` was said
// at line 0, now at its line); 335: the words in lower case after a
// place dropped after a name are the place's (archive's placeTail: "Ann
// Lee in Kyiv and in Kherson region" was the one author region, Ann Lee,
// now Ann Lee); 336: a key Zola's section front matter denies written
// as a basic string with an escape, or empty, is said at its line
// (archive's tomlFirstSegment: "fo\"o" = 1, "\u0066oo" = 1, "" = 1 were
// said at line 0, now at theirs); 337: a YAML front matter's mistake is
// said at the line it is on (archive's yamlProblemLine: a tab indenting
// the line under `date: 2020-01-01` was said at the date's line, one in a
// block scalar at its "|", an unknown anchor at the first line, an
// unclosed "[" on the first line at the line after it, now at theirs);
// 338: a Zola site's zola.toml is its config (archive's zolaConfigOf: a
// site with zola.toml alone was no site, its drafts, ignored pages and
// section pages pieces, now read as Zola reads it); 339: a zola.toml
// beside a Hugo config.toml is Hugo's site (archive's hugoOwnConfig: its
// ignoreFiles were not read), one without base_url Zola's (was Hugo's); 340: the manifest
// keeps the line of each piece's pinned citation key (fileEntry.CiteKeyLine:
// the note on a key several pieces pin had no line, now its file's line);
// 341: the index stores the line of a piece's pinned citation key
// (mapping's fCiteKeyLine, Hit.CiteKeyLine: folio cite's notes on a key
// pinned twice, from the index, had no line, now each file's)
// Bump it
// whenever any of them changes; an index with another version is deleted
// and rebuilt on open.
const SchemaVersion = 341

// Field names. "text" is everything searchable by plain words (title,
// standfirst, note, body, authors); "title" is indexed again on its own so
// that a title match can weigh more and title: can target it.
const (
	fText       = "text"
	fPrefix3    = "prefix3" // the first three letters of fText's terms (prefix3.go)
	fPairs      = "pairs"   // two common words of fText side by side (pairs.go)
	fCaps       = "caps"    // fText's words in capitals as written, its tags' words, its stems with a made last letter (caps.go), the bundled aliases' forms (forms.go)
	fTitle      = "title"
	fAuthors    = "authors"     // analysed, for author:
	fAuthor     = "author"      // exact, one value per person its bylines name (archive.People)
	fOutlet     = "outlet"      // exact, facets and filters
	fOutletText = "outlet_text" // analysed, for outlet:telegraph
	fTags       = "tags"
	fKind       = "kind"
	fLanguage   = "language" // indexed, for filters and language:: the piece's language and its prefixes in lower case (archive.LanguageValues)
	fYear       = "year"
	fMonth      = "month"
	fWeek       = "week"       // a facet value only: the ISO week "2017-W35" of a piece dated to the day, the month of one dated to the month
	fDateStart  = "date_start" // first instant of the date's period
	fDateEnd    = "date_end"   // last instant of the date's period
	fDate       = "date"       // stored only: 2017-10-19, 2017-09, 1863
	fURL        = "url"
	fPath       = "path"
	fCiteKey    = "citekey" // stored: the pinned citation key
	// stored: the file's line of the pinned key (Article.CiteKeyLine), for
	// the notes on a key several pieces pin
	fCiteKeyLine = "citekey_line"
	fSource      = "source" // stored: what the piece was taken from (Article.Source)
	fOrgs        = "orgs"   // stored: the authors that are organisations (Article.Organizations)
	fLang        = "lang"   // stored: the piece's language, a BCP 47 tag (Article.Language)
	fPinned      = "pinned" // indexed, "y" for a piece with a pinned key: Query.Pinned
	fSite        = "site"   // indexed: the ids its site links it by (Article.SiteKeys): Resolve
	// The standfirst, note and body are in the bodies store (bodies.go),
	// not in bleve: fBodyAt, stored, says where. Their names are those of
	// the texts of exact forms (storedOf).
	fStandfirst = "standfirst"
	fNote       = "note"
	fBody       = "body"
	fBodyAt     = "body_at"
	fFacets     = "facets" // doc values only: every facet value, as facetTerm
	// fID is the piece's ID as a doc-values column, the tie-break of date
	// sorts: bleve's "_id" sort reads each candidate's stored document, and
	// sorting 100k pieces by date that way read most of the index (590 MB
	// resident, 0.45 s).
	fID = "id"
)

// tagsAtKey is where document's map says the tags begin in fText's text
// (an int); indexedDocument takes it out.
const tagsAtKey = "\x00tags_at"

// facetCodes prefix the values of the facet fields in the one "facets"
// field. Counting five fields read five doc-value columns per hit; one
// column of prefixed values is read once (facets were half the time of a
// query that matches most of the archive).
var facetCodes = map[string]string{fTags: "t", fOutlet: "o", fAuthor: "a", fKind: "k", fLanguage: "l", fYear: "y", fMonth: "m", fWeek: "w"}

// fieldOfCode is the facet field of each code.
var fieldOfCode = func() map[string]string {
	m := make(map[string]string, len(facetCodes))
	for f, c := range facetCodes {
		m[c] = f
	}
	return m
}()

// facetTerm is the value v of facet field f as the "facets" field holds it.
func facetTerm(f, v string) string { return facetCodes[f] + ":" + v }

// storedFields are loaded with every hit.
var storedFields = []string{fTitle, fOutlet, fDate, fTags, fAuthors, fKind, fURL, fPath, fCiteKey, fCiteKeyLine, fSource, fOrgs, fLang}

func newMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.ScoringModel = bleveindex.TFIDFScoring
	_ = im.AddCustomAnalyzer(textAnalyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{textFilterName},
	})
	_ = im.AddCustomAnalyzer(plainAnalyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     plainTokenizerName,
		"token_filters": []string{textFilterName},
	})
	_ = im.AddCustomAnalyzer(tagAnalyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []string{tagFilterName},
	})
	im.DefaultAnalyzer = textAnalyzerName
	im.DefaultMapping.Enabled = false
	im.DefaultMapping.Dynamic = false
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	text := func(store, vectors bool) *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "text", Analyzer: textAnalyzerName, Index: true,
			Store: store, IncludeTermVectors: vectors}
	}
	// a front matter field, plain text once the archive read it: its
	// references are not decoded again (plainTokenizer)
	plain := func(store, vectors bool) *mapping.FieldMapping {
		fm := text(store, vectors)
		fm.Analyzer = plainAnalyzerName
		return fm
	}
	kw := func(store bool) *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, Store: store}
	}
	storedOnly := func() *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Store: true}
	}
	date := func() *mapping.FieldMapping {
		return &mapping.FieldMapping{Type: "datetime", Index: true, DocValues: true}
	}

	doc := mapping.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) {
		fm.Name = name
		doc.AddFieldMappingsAt(name, fm)
	}
	// Term vectors (positions) are needed for phrase queries.
	add(fText, text(false, true))
	// made with fText from one analysis: indexedDocument
	add(fPrefix3, text(false, false))
	add(fPairs, text(false, false))
	add(fCaps, text(false, false))
	add(fTitle, plain(true, true))
	add(fAuthors, plain(true, true))
	add(fOutletText, plain(false, true))
	add(fAuthor, kw(false))
	add(fOutlet, kw(true))
	add(fTags, &mapping.FieldMapping{Type: "text", Analyzer: tagAnalyzerName, Index: true, Store: true}) // tagkey.go
	add(fKind, kw(true))
	add(fYear, kw(false))
	add(fMonth, kw(false))
	add(fID, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: true})
	add(fFacets, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: true})
	add(fDateStart, date())
	add(fDateEnd, date())
	add(fDate, storedOnly())
	add(fURL, storedOnly())
	add(fPath, storedOnly())
	add(fCiteKey, storedOnly())
	add(fCiteKeyLine, storedOnly())
	add(fSource, storedOnly())
	add(fOrgs, storedOnly())
	add(fLang, storedOnly())
	add(fLanguage, kw(false))
	add(fPinned, kw(false))
	add(fSite, kw(false))
	add(fBodyAt, storedOnly())
	// no _all composite: the "text" field is ours
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	im.DefaultType = "article"
	im.AddDocumentMapping("article", doc)
	im.TypeField = "_type" // never present: every document is an "article"
	return im
}

// document turns an article into what the mapping indexes.
func document(a archive.Article) map[string]interface{} {
	var text strings.Builder
	text.Grow(len(a.Title)*2 + len(a.Standfirst) + len(a.Note) + len(a.Body) + 128)
	// the title twice: title words weigh more. Each part, each author and
	// each tag is a block of its own, which no phrase spans and no code
	// block left open runs on from (partBreak, blocks.next). The text is
	// Markdown, the body's; the front matter's fields are plain text, as
	// the archive read them, written so that they read as that text
	// (archive.PlainText: a title "Why &nbsp; matters" is written "Why
	// &amp;nbsp; matters", whose words are why, nbsp and matters).
	const sep = "\n\n" + partBreak + "\n\n"
	title := archive.PlainText(a.Title)
	for _, s := range []string{title, title, archive.PlainText(a.Standfirst), archive.PlainText(a.Note), a.Body} {
		if s != "" {
			text.WriteString(s)
			text.WriteString(sep)
		}
	}
	for _, s := range a.Authors {
		text.WriteString(archive.PlainText(s))
		text.WriteString(sep)
	}
	// the tags as the index stores them (cut to maxTermBytes): the text
	// searched is the text a check of exact forms reads
	tags := cutKeywords(a.Tags)
	tagsAt := text.Len() // fCaps takes the tags' words apart (caps.go)
	for _, s := range tags {
		text.WriteString(archive.PlainText(s))
		text.WriteString(sep)
	}
	kind := a.Kind
	if kind == "" {
		kind = archive.KindArticle
	}
	d := map[string]interface{}{
		fText:       text.String(),
		tagsAtKey:   tagsAt,
		fTitle:      a.Title,
		fOutlet:     cutKeyword(a.Outlet),
		fOutletText: a.Outlet,
		fKind:       kind,
		fDate:       a.Date.String(),
		fPath:       a.Path,
		fID:         a.ID,
	}
	if len(a.Authors) > 0 {
		d[fAuthors] = a.Authors
	}
	// the author facet counts people, not author strings as written
	people := archive.People(a)
	if len(people) > 0 {
		d[fAuthor] = cutKeywords(people)
	}
	if len(tags) > 0 {
		d[fTags] = tags
	}
	if a.URL != "" {
		d[fURL] = a.URL
	}
	if a.Source != "" {
		d[fSource] = a.Source
	}
	if len(a.Organizations) > 0 {
		d[fOrgs] = a.Organizations
	}
	if a.Language != "" {
		d[fLang] = a.Language
		terms := archive.LanguageValues(a.Language)
		for i, t := range terms {
			terms[i] = strings.ToLower(t)
		}
		d[fLanguage] = terms
	}
	if a.CiteKey != "" {
		d[fCiteKey], d[fPinned] = a.CiteKey, "y"
		if a.CiteKeyLine > 0 {
			d[fCiteKeyLine] = strconv.Itoa(a.CiteKeyLine)
		}
	}
	if len(a.SiteKeys) > 0 {
		d[fSite] = a.SiteKeys
	}
	if !a.Date.Time.IsZero() {
		d[fDateStart] = a.Date.Time.UTC()
		d[fDateEnd] = a.Date.End().UTC()
		d[fYear] = a.Date.Time.Format("2006")
		if a.Date.Precision != archive.PrecisionYear {
			d[fMonth] = a.Date.Time.Format("2006-01")
		}
	}
	// the week only in the facets column: no filter or query reads it
	week := ""
	switch {
	case a.Date.Time.IsZero():
	case a.Date.Precision == archive.PrecisionDay:
		week = WeekOf(a.Date.Time)
	case a.Date.Precision == archive.PrecisionMonth:
		week = a.Date.Time.Format("2006-01")
	}
	facets := make([]string, 0, len(a.Tags)+len(people)+4)
	if week != "" {
		facets = append(facets, facetTerm(fWeek, week))
	}
	// no outlet, no author: values to count and choose, as the CLI's
	// --outlet "(no outlet)" and folio stats have them (a helper's report:
	// the reader could not reach the pieces without one). The facets
	// field alone holds them: the stored and filtered fields do not, and
	// valueFilter matches these values as "none of the others".
	if d[fOutlet] == "" {
		facets = append(facets, facetTerm(fOutlet, archive.NoOutlet))
	}
	if len(people) == 0 {
		facets = append(facets, facetTerm(fAuthor, archive.NoAuthor))
	}
	if a.Date.Time.IsZero() { // so, undated: counted and chosen among the years
		facets = append(facets, facetTerm(fYear, Undated))
	}
	// the language as written, with its prefixes, or NoLanguage (the
	// field holds them in lower case, for the filters)
	for _, v := range archive.LanguageValues(a.Language) {
		facets = append(facets, facetTerm(fLanguage, v))
	}
	for _, f := range facetFields { // (no week, no language in d: they are added above)
		if f == fLanguage {
			continue
		}
		switch v := d[f].(type) {
		case string:
			if v != "" {
				facets = append(facets, facetTerm(f, v))
			}
		case []string:
			for _, x := range v {
				facets = append(facets, facetTerm(f, x))
			}
		}
	}
	d[fFacets] = facets
	return d
}

// cutKeyword cuts a value indexed whole (a tag, an outlet, an author) to
// maxTermBytes, as the text analyser cuts a word: three pieces with a tag,
// an outlet and an author of 9 MB each took 5.6 GB and 24 s to index.
func cutKeyword(s string) string {
	if len(s) <= maxTermBytes {
		return s
	}
	return string(cutTerm([]byte(s)))
}

// MayBeCut reports whether a tag or outlet of a hit may have been cut
// (cutKeyword): what the index holds of a longer one is its first 252 to
// 255 bytes.
func MayBeCut(s string) bool { return len(s) > maxTermBytes-utf8.UTFMax }

// HoldsWhole reports whether the index holds every piece's title,
// outlet, authors and tags as its file has them: no piece cut to
// MaxDocWords words (its cut note among Problems), no tag, outlet or
// author cut to 255 bytes (MayBeCut, of the values the whole archive's
// facets count), and the archive's facets recorded at all.
func (ix *Index) HoldsWhole() bool {
	if CountCut(ix.Problems()) > 0 {
		return false
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.facetsOf == nil {
		return false
	}
	for _, vs := range [][]FacetValue{ix.allFacets.Tags, ix.allFacets.Outlets, ix.allFacets.Authors, ix.allFacets.Kinds} {
		for _, v := range vs {
			if MayBeCut(v.Value) {
				return false
			}
		}
	}
	return true
}

func cutKeywords(vals []string) []string {
	for i, v := range vals {
		if len(v) > maxTermBytes {
			vals = slices.Clone(vals)
			for j := i; j < len(vals); j++ {
				vals[j] = cutKeyword(vals[j])
			}
			return vals
		}
	}
	return vals
}

// countWords counts runs of non-space bytes.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
