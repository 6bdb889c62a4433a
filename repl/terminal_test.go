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
		{"library export", "(demo-con", []string{"nect"}, 8},
		{"several", "(demo-", []string{"block", "connect", "fail", "timeout"}, 5},
		{"after quote", "'demo-ti", []string{"meout"}, 7},
		{"exact", "(demo-fail", []string{""}, 9},
		{"nothing typed", "(", nil, 0},
		{"command", ",ap", []string{"ropos"}, 2},
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
