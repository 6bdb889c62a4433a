// terminal: the line editor for terminal mode (github.com/chzyer/readline) and Tab completion.

package repl

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/chzyer/readline"
)

// terminalSource reads lines with readline.
type terminalSource struct {
	rl *readline.Instance
}

func newTerminal(s *session) (*terminalSource, error) {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 s.opts.Prompt(s.n),
		HistoryFile:            HistoryPath(s.opts.HistoryFile),
		DisableAutoSaveHistory: true,
		AutoComplete:           &completer{s: s},
		Stdin:                  readCloser{s.in},
		Stdout:                 s.out,
		Stderr:                 s.errw,
		FuncIsTerminal:         func() bool { return true },
	})
	if err != nil {
		return nil, errors.New("repl: line editor: " + err.Error())
	}
	return &terminalSource{rl: rl}, nil
}

func (t *terminalSource) readLine(_ context.Context, prompt string) (string, error) {
	t.rl.SetPrompt(prompt)
	line, err := t.rl.Readline()
	switch {
	case errors.Is(err, readline.ErrInterrupt):
		return "", errInterrupted
	case errors.Is(err, io.EOF):
		return "", io.EOF
	}
	return line, err
}

func (t *terminalSource) addHistory(entry string) {
	if entry != "" {
		_ = t.rl.SaveHistory(entry)
	}
}

func (t *terminalSource) close() { _ = t.rl.Close() }

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
