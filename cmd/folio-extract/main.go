// Command folio-extract is the helper folio add, and folio sync with
// --full-text, run to extract a piece from a web page: it reads the page
// (UTF-8 HTML) on its standard input and writes what it found as JSON
// (internal/webpage.Extraction) on its standard output.
//
//	folio-extract -url https://example.com/2019/11/piece < page.html
//
// It is a program of its own so that folio does not link go-trafilatura
// and pay its start-up cost (see internal/extract). Install it beside
// folio: go install github.com/folio-tui/folio/cmd/folio-extract@latest.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/folio-tui/folio/internal/extract"
)

// maxPage is the largest page read: folio's fetcher stops at 10 MB.
const maxPage = 16 << 20

func main() {
	pageURL := flag.String("url", "", "the page's address (for relative links and the date in the URL)")
	version := flag.Bool("version", false, "print the extractor's name and version")
	flag.Parse()
	if *version {
		fmt.Println(extract.Extractor)
		return
	}
	if *pageURL == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: folio-extract -url URL < page.html")
		os.Exit(2)
	}
	page, err := io.ReadAll(io.LimitReader(os.Stdin, maxPage+1))
	if err != nil {
		fmt.Fprintln(os.Stderr, "folio-extract:", err)
		os.Exit(1)
	}
	if len(page) > maxPage {
		fmt.Fprintf(os.Stderr, "folio-extract: the page is over %d MB\n", maxPage>>20)
		os.Exit(1)
	}
	ex, err := extract.Page(page, *pageURL)
	if err != nil {
		fmt.Fprintln(os.Stderr, "folio-extract:", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(ex); err != nil {
		fmt.Fprintln(os.Stderr, "folio-extract:", err)
		os.Exit(1)
	}
}
