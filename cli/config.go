package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/internal/atomicfile"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
)

// The config file keeps what the reader remembers between runs: for now
// the citation format c and C copy in. It is $XDG_CONFIG_HOME/folio/config.toml
// (os.UserConfigDir), beside synonyms.txt:
//
//	citation_format = "bibtex"
//
// Keys folio does not know are kept when it writes the file.

// configPath is the config file's path; "" when there is no config folder.
func configPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "folio", "config.toml")
}

// maxConfigSize caps the config file read: a few lines are expected.
const maxConfigSize = 1 << 20

// readConfig reads the config file at path: a missing file is an empty
// config; a bad one is an error naming it (the reader then starts with the
// defaults and says so).
func readConfig(path string) (map[string]any, error) {
	cfg := map[string]any{}
	if path == "" {
		return cfg, nil
	}
	if err := readTOML(path, &cfg); err != nil {
		return map[string]any{}, err
	}
	return cfg, nil
}

// readTOML decodes the TOML file at path, of at most maxConfigSize bytes,
// into v; a missing file leaves v as it is. A bad one is an error naming it.
func readTOML(path string, v any) error {
	data, err := archive.ReadRegular(path, maxConfigSize) // not a pipe: it would block
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			// ReadRegular's size limit names no file (an attack: "file
			// is 2147483648 bytes, over the 1 MB limit", of which?)
			err = fmt.Errorf("%s: %w", termsafe.Quote(path), err)
		}
		return err
	}
	if err := archive.CheckTOML(data); err != nil { // nesting that would exhaust memory
		return fmt.Errorf("%s: %v", termsafe.Quote(path), err)
	}
	if _, err := toml.Decode(string(data), v); err != nil {
		// the name quoted where it holds what the status line would drop
		// (a review: an ESC and U+202E in the folder's name vanished, the
		// warning naming another file)
		return fmt.Errorf("%s: %v", termsafe.Quote(path), err)
	}
	return nil
}

// citationFormatIn is the citation format of a config; "" when it has
// none, and an error when it names no format.
func citationFormatIn(cfg map[string]any, path string) (cite.Format, error) {
	v, ok := cfg["citation_format"]
	if !ok {
		return "", nil
	}
	s, _ := v.(string)
	f, err := cite.ParseFormat(s)
	if err != nil {
		return "", fmt.Errorf("%s: citation_format: %v", termsafe.Quote(path), err)
	}
	return f, nil
}

// readerConfig is the citation format of the config file at path for the
// reader, and what is wrong with the file ("" when nothing is): a file
// that cannot be read or names no format leaves the default.
func readerConfig(path string) (cite.Format, string) {
	cfg, err := readConfig(path)
	format, ferr := citationFormatIn(cfg, path)
	if err = cmp.Or(err, ferr); err != nil {
		return "", termsafe.ErrText(err)
	}
	return format, ""
}

// saveCitationFormat records f in the config file at path, keeping its
// other keys; the file is replaced atomically.
func saveCitationFormat(path string, f cite.Format) error {
	if path == "" {
		return errors.New("no config folder")
	}
	unlock, err := state.LockFile(path, "config")
	if err != nil {
		return err
	}
	defer unlock()
	cfg, err := readConfig(path)
	if err != nil {
		return err // never overwrite a file folio cannot read
	}
	cfg["citation_format"] = string(f)
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(cfg); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes(), 0o644)
}
