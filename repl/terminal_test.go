// Tests of completion, prompts and the history path.

package repl

import (
	"bytes"
	"slices"
	"testing"
)

func TestCompleter(t *testing.T) {
	var out bytes.Buffer
	in := NewInput(bytes.NewReader(nil))
	s := &session{interp: newTestInterp(t, in, &out)}
	c := &completer{s: s}
	tests := []struct {
		name    string
		line    string
		want    []string
		wantLen int
	}{
		{"library export", "(demo-bl", []string{"ock"}, 7},
		{"several", "(demo-", []string{"block", "connect", "connect*", "fail", "timeout"}, 5},
		{"keyword", "(demo-connect* ho", []string{"stname:"}, 2},
		{"keywords after the name", "(demo-connect* ", []string{"hostname:", "port:", "verify?:"}, 0},
		{"keyword after a string", `(demo-connect* hostname: "a (b" verif`, []string{"y?:"}, 5},
		{"keyword and names", "(demo-connect* hostname: (demo-b", []string{"lock"}, 6},
		{"no keywords outside", "(list (demo-connect*) ho", nil, 2},
		{"after quote", "'demo-ti", []string{"meout"}, 7},
		{"exact", "(demo-fail", []string{""}, 9},
		{"nothing typed", "(", nil, 0},
		{"command", ",ap", []string{"ropos"}, 2},
		{"commands", ",t", []string{"ime", "race", "hreads"}, 1},
		{"unknown", "(zzzq-", nil, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line := []rune(tc.line)
			cands, n := c.Do(line, len(line))
			var got []string
			for _, r := range cands {
				got = append(got, string(r))
			}
			if !slices.Equal(got, tc.want) || (len(tc.want) > 0 && n != tc.wantLen) {
				t.Errorf("Do(%q) = %q, %d; want %q, %d", tc.line, got, n, tc.want, tc.wantLen)
			}
		})
	}
}

func TestPrompts(t *testing.T) {
	tests := []struct {
		n            int
		prompt, cont string
	}{
		{1, "#;1> ", "   . "},
		{12, "#;12> ", "    . "},
	}
	for _, tc := range tests {
		if p := DefaultPrompt(tc.n); p != tc.prompt {
			t.Errorf("DefaultPrompt(%d) = %q, want %q", tc.n, p, tc.prompt)
		}
		if c := continuation(tc.prompt); c != tc.cont {
			t.Errorf("continuation(%q) = %q, want %q", tc.prompt, c, tc.cont)
		}
	}
}

func TestHistoryPath(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	tests := []struct{ opt, env, want string }{
		{"/tmp/h", "/env/h", "/tmp/h"},
		{"-", "/env/h", ""},
		{"", "/env/h", "/env/h"},
		{"", "-", ""},
		{"", "", "/home/u/.tlsport_history"},
	}
	for _, tc := range tests {
		t.Setenv("TLSPORT_HISTORY", tc.env)
		if got := HistoryPath(tc.opt); got != tc.want {
			t.Errorf("HistoryPath(%q) with TLSPORT_HISTORY=%q = %q, want %q", tc.opt, tc.env, got, tc.want)
		}
	}
}

func TestFindCommand(t *testing.T) {
	// csi's and Racket's spellings reach the same command (,h is csi's history).
	for alias, want := range map[string]string{
		"?": "help", "h": "history", "ch": "ch", "x": "x", "du": "du", "dur": "dur", "s": "s", "r": "r", "ln": "ln", "d": "describe", "desc": "describe", "p": "pp", "t": "time",
		"c": "bt", "backtrace": "bt", "l": "load", "ld": "load", "q": "quit", "exit": "quit", "ex": "quit",
		"a": "apropos", "ap": "apropos", "exn": "exn", "threads": "threads", "cd": "cd", "pwd": "pwd",
		"trace": "trace", "untrace": "untrace", "doc": "doc",
	} {
		c := findCommand(alias)
		if c == nil || c.names[0] != want {
			t.Errorf("findCommand(%q) = %v, want ,%s", alias, c, want)
		}
	}
	if findCommand("frobnicate") != nil {
		t.Error("findCommand(frobnicate) found a command")
	}
}

func TestOperator(t *testing.T) {
	tests := []struct{ text, want string }{
		{"(ssl-connect* ", "ssl-connect*"},
		{"(ssl-connect* hostname: \"x\" ", "ssl-connect*"},
		{"(ssl-connect* hostname: (f 1) ", "ssl-connect*"},
		{"(ssl-connect* hostname: (f ", "f"},
		{"(a \"(b\" ", "a"},
		{"(let ((x 1))\n  (ssl-connect* ", "ssl-connect*"},
		{"x ", ""},
	}
	for _, tc := range tests {
		if got := operator(tc.text); got != tc.want {
			t.Errorf("operator(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
