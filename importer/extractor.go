package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/folio-tui/folio/internal/webpage"
)

// Extract finds the piece on a page (UTF-8 HTML) fetched from pageURL. By
// default (nil) the helper program folio-extract does (RunHelper:
// go-trafilatura; see cmd/folio-extract), which folio keeps out of its own
// binary for its start-up cost; tests set it to internal/extract.Page.
var Extract func(page []byte, pageURL string) (*webpage.Extraction, error)

func runExtract(page []byte, pageURL string) (*webpage.Extraction, error) {
	if Extract != nil {
		return Extract(page, pageURL)
	}
	return RunHelper(page, pageURL)
}

// Ready says why pages cannot be extracted, before any is fetched: the
// helper is not installed (a helper's report: folio add fetched the page,
// then said "no article found on the page").
func Ready() error {
	if Extract != nil {
		return nil
	}
	_, err := FindHelper()
	return err
}

// HelperName is the helper program's name.
const HelperName = "folio-extract"

// ErrNoHelper is FindHelper's error when the helper cannot be found.
var ErrNoHelper = errors.New(HelperName + ", the helper that extracts pieces from web pages, is not installed")

// helperTimeout bounds one extraction: the largest pages of the test
// corpus take well under a second.
const helperTimeout = 60 * time.Second

// maxHelperOutput caps what is read from the helper.
const maxHelperOutput = 64 << 20

// FindHelper is the helper's path: $FOLIO_EXTRACT, else folio-extract
// beside the running folio, else on $PATH.
func FindHelper() (string, error) {
	if p := os.Getenv("FOLIO_EXTRACT"); p != "" {
		lp, err := exec.LookPath(p)
		if err != nil {
			// said once, before any page is fetched (a review: each page
			// failed after its fetch, "no article found")
			return "", fmt.Errorf("%w: FOLIO_EXTRACT=%s: %v", ErrNoHelper, p, err)
		}
		return lp, nil
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), HelperName)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
	}
	p, err := exec.LookPath(HelperName)
	if err != nil {
		return "", fmt.Errorf("%w (go install github.com/folio-tui/folio/cmd/folio-extract@latest, or set FOLIO_EXTRACT)", ErrNoHelper)
	}
	return p, nil
}

// RunHelper extracts with the folio-extract program.
func RunHelper(page []byte, pageURL string) (*webpage.Extraction, error) {
	path, err := FindHelper()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), helperTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-url", pageURL)
	cmd.Stdin = bytes.NewReader(page)
	var out, errb capped
	out.max, errb.max = maxHelperOutput, 4096
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(errb.String()), HelperName+":"))
		if ctx.Err() != nil {
			msg = fmt.Sprintf("took over %s", helperTimeout)
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	var ex webpage.Extraction
	if err := json.Unmarshal(out.Bytes(), &ex); err != nil {
		return nil, fmt.Errorf("%s answered what is not its JSON: %v", HelperName, err)
	}
	return &ex, nil
}

// capped is a buffer that keeps at most max bytes.
type capped struct {
	bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
