// history: the history file, which keeps multi-line entries as they were typed.

package repl

import (
	"bufio"
	"os"
	"strings"
)

// The history file holds one entry per line. The second and later lines
// of a multi-line entry follow it, each prefixed with a tab: entries are
// saved without leading blanks, so a line starting with a tab can only
// continue the entry above, and a file written by an older version (one
// entry per line) reads the same.

// historyLimit is the number of entries kept in the file.
const historyLimit = 1000

// readHistory returns the entries of the history file at path, oldest
// first; a missing file has none.
func readHistory(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "\t"); ok && len(out) > 0 {
			out[len(out)-1] += "\n" + rest
			continue
		}
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

// encodeHistory is the text of one entry in the history file.
func encodeHistory(entry string) string {
	return strings.ReplaceAll(entry, "\n", "\n\t") + "\n"
}

// appendHistory adds an entry to the history file at path.
func appendHistory(path, entry string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(encodeHistory(entry))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// loadHistory returns the last historyLimit entries of the history file
// at path, rewriting the file with only them when it holds more.
func loadHistory(path string) []string {
	entries := readHistory(path)
	if len(entries) <= historyLimit {
		return entries
	}
	entries = entries[len(entries)-historyLimit:]
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(encodeHistory(e))
	}
	_ = os.WriteFile(path, []byte(b.String()), 0o600)
	return entries
}
