// terminal: the line editor for terminal mode (github.com/chzyer/readline) and Tab completion.

package repl

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/chzyer/readline"
)

// terminalSource reads lines with readline.
type terminalSource struct {
	rl      *readline.Instance
	history string // the history file, "" for none
	// the line being edited, as the listener last saw it (Ctrl-D)
	mu      sync.Mutex
	lineLen int
	linePos int
	abandon bool // Ctrl-D at the end of a non-empty line: drop the entry
}

func newTerminal(s *session) (*terminalSource, error) {
	t := &terminalSource{history: HistoryPath(s.opts.HistoryFile)}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 s.prompt(),
		HistoryLimit:           historyLimit,
		DisableAutoSaveHistory: true,
		AutoComplete:           &completer{s: s},
		Stdin:                  &keyReader{in: s.in},
		Stdout:                 s.out,
		Stderr:                 s.errw,
		FuncIsTerminal:         func() bool { return true },
		Listener:               readline.FuncListener(t.onChange),
		FuncFilterInputRune:    t.filter,
	})
	if err != nil {
		return nil, errors.New("repl: line editor: " + err.Error())
	}
	t.rl = rl
	if t.history != "" {
		for _, e := range loadHistory(t.history) {
			_ = rl.SaveHistory(toEditLine(e))
		}
	}
	return t, nil
}

// lineBreak stands for a line break inside a multi-line entry recalled
// from history: the line editor edits one line, so the entry comes back
// as one line with its breaks shown as ⏎, and is read with them restored
// (so a string literal spanning lines keeps its newline).
const lineBreak = "\u23ce"

// toEditLine is a history entry as the line editor shows it.
func toEditLine(entry string) string { return strings.ReplaceAll(entry, "\n", lineBreak) }

// fromEditLine is the text of an edited line with its line breaks restored.
func fromEditLine(line string) string { return strings.ReplaceAll(line, lineBreak, "\n") }

// onChange records the line and cursor after every key.
func (t *terminalSource) onChange(line []rune, pos int, _ rune) ([]rune, int, bool) {
	t.mu.Lock()
	t.lineLen, t.linePos = len(line), pos
	t.mu.Unlock()
	return nil, 0, false
}

// filter turns Ctrl-D at the end of a non-empty line into abandoning the
// entry (readline would only ring the bell); elsewhere on a non-empty line
// it still deletes the character under the cursor, and on an empty line
// it still ends the input.
func (t *terminalSource) filter(r rune) (rune, bool) {
	if r != readline.CharDelete {
		return r, true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lineLen > 0 && t.linePos == t.lineLen {
		t.abandon = true
		return readline.CharInterrupt, true
	}
	return r, true
}

func (t *terminalSource) readLine(_ context.Context, prompt string) (string, error) {
	t.rl.SetPrompt(prompt)
	t.mu.Lock()
	t.lineLen, t.linePos, t.abandon = 0, 0, false
	t.mu.Unlock()
	line, err := t.rl.Readline()
	switch {
	case errors.Is(err, readline.ErrInterrupt):
		t.mu.Lock()
		abandon := t.abandon
		t.mu.Unlock()
		if abandon {
			return "", errAbandoned
		}
		return "", errInterrupted
	case errors.Is(err, io.EOF):
		return "", io.EOF
	}
	return fromEditLine(line), err
}

// addHistory records an entry, multi-line entries as they were typed.
func (t *terminalSource) addHistory(entry string) {
	if entry == "" {
		return
	}
	_ = t.rl.SaveHistory(toEditLine(entry))
	if t.history != "" {
		_ = appendHistory(t.history, entry)
	}
}

func (t *terminalSource) abandons() bool { return true }

func (t *terminalSource) close() { _ = t.rl.Close() }

// keyReader feeds the line editor from the shared Input, rewriting the
// Home and End keys that tmux, screen and rxvt send (ESC [ 1 ~, ESC [ 7 ~,
// ESC [ 4 ~, ESC [ 8 ~) to the ESC [ H and ESC [ F that readline knows.
// Closing it does not close the Input.
type keyReader struct {
	in      *Input
	pending []byte // translated bytes not yet returned
}

// keyRewrites maps the Home/End sequences readline ignores to the ones it knows.
var keyRewrites = []struct{ from, to string }{
	{"\x1b[1~", "\x1b[H"}, {"\x1b[7~", "\x1b[H"},
	{"\x1b[4~", "\x1b[F"}, {"\x1b[8~", "\x1b[F"},
}

func (k *keyReader) Read(p []byte) (int, error) {
	if len(k.pending) == 0 {
		buf := make([]byte, len(p))
		n, err := k.in.Read(buf)
		if n == 0 {
			return 0, err
		}
		chunk := buf[:n]
		// a sequence cut at the end of the chunk: read its rest
		for i := max(0, len(chunk)-3); i < len(chunk); i++ {
			if chunk[i] == 0x1b && partialKey(chunk[i:]) {
				var more [4]byte
				m, _ := k.in.Read(more[:4-(len(chunk)-i)])
				chunk = append(chunk, more[:m]...)
				break
			}
		}
		s := string(chunk)
		for _, r := range keyRewrites {
			s = strings.ReplaceAll(s, r.from, r.to)
		}
		k.pending = []byte(s)
	}
	n := copy(p, k.pending)
	k.pending = k.pending[n:]
	return n, nil
}

// partialKey reports whether b is a proper prefix of a rewritten sequence.
func partialKey(b []byte) bool {
	for _, r := range keyRewrites {
		if len(b) < len(r.from) && strings.HasPrefix(r.from, string(b)) {
			return true
		}
	}
	return false
}

func (*keyReader) Close() error { return nil }

// completer completes the symbol before the cursor from the global names
// and every registered library's exports, and comma commands at the
// start of a line.
type completer struct{ s *session }

// isDelim reports whether r ends a symbol for completion purposes.
func isDelim(r rune) bool {
	return r <= ' ' || strings.ContainsRune("()[]'`,\"", r)
}

// Do implements readline.AutoCompleter: it returns the suffixes of the
// candidates and the length of the prefix they complete. After a comma at
// the start of the line it completes commands; inside the arguments of a
// procedure with keyword parameters, its keywords ("(ssl-connect* ho" →
// "hostname:") before the bound names.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	start := pos
	for start > 0 && !isDelim(line[start-1]) {
		start--
	}
	prefix := string(line[start:pos])
	var names []string
	if strings.TrimSpace(string(line[:start])) == "," {
		for _, cmd := range commands {
			names = append(names, cmd.names[0])
		}
	} else {
		keys := c.s.keywordsOf(operator(c.s.pendingText + string(line[:start])))
		for _, k := range keys {
			names = append(names, k+":")
		}
		if prefix == "" && len(keys) == 0 {
			return nil, 0
		}
		if prefix != "" {
			names = append(names, c.s.completions()...)
		}
	}
	var out [][]rune
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, []rune(n[len(prefix):]))
		}
	}
	return out, len([]rune(prefix))
}

// operator returns the symbol in operator position of the innermost list
// open at the end of text, or "".
func operator(text string) string {
	depth := 0
	inStr := false
	rs := []rune(text)
	// find the innermost unclosed "(" scanning backwards, skipping strings
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		switch {
		case r == '"' && (i == 0 || rs[i-1] != '\\'):
			inStr = !inStr
		case inStr:
		case r == ')' || r == ']':
			depth++
		case r == '(' || r == '[':
			if depth > 0 {
				depth--
				continue
			}
			j := i + 1
			for j < len(rs) && !isDelim(rs[j]) {
				j++
			}
			return string(rs[i+1 : j])
		}
	}
	return ""
}

// keywordsOf returns the keyword parameters of the procedure a binding
// table documents under name.
func (s *session) keywordsOf(name string) []string {
	if name == "" {
		return nil
	}
	for _, e := range s.entries() {
		if e.Name == name && len(e.Keys) > 0 {
			return e.Keys
		}
	}
	return nil
}

// completions returns the sorted, distinct bound names: globals plus the
// exports of every registered library (importable without being global).
func (s *session) completions() []string {
	seen := map[string]bool{}
	for _, n := range s.interp.GlobalNames() {
		seen[n] = true
	}
	for _, e := range s.entries() {
		seen[e.Name] = true
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
