// Tests of the REPL on names whose library source is not loaded yet.

package repl

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestLazyNamesAtREPL checks that ,doc, ,describe, ,apropos, completion and
// evaluation of names defined by library sources (loaded on first use)
// give what they give in an interpreter made WithEagerLoading.
func TestLazyNamesAtREPL(t *testing.T) {
	input := strings.Join([]string{",describe string-pad", ",doc string-pad", ",doc cut", ",d char-set:letter",
		",apropos string-pad", "(string-pad \"ab\" 4)", ",describe vector-count", "(vector-count odd? #(1 2 3))",
		",doc and-let*", "(and-let* ((x 2)) (* x x))", ",d map"}, "\n") + "\n"
	session := func(opts ...scheme.Option) (string, []string) {
		var buf bytes.Buffer
		out := NewOutput(&buf)
		in := NewInput(strings.NewReader(input))
		interp := stdlib.New(append(opts, scheme.WithStdio(in, out, out))...)
		var cands []string
		c := &completer{s: &session{interp: interp}}
		for _, line := range []string{"(string-pa", "(vector-cou", "(and-le", "(char-set:le"} {
			got, _ := c.Do([]rune(line), len(line))
			for _, g := range got {
				cands = append(cands, line+string(g))
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := Run(ctx, interp, Options{In: in, Out: out, Err: out, HistoryFile: "-"}); err != nil {
			t.Fatal(err)
		}
		return scrub(buf.String()), cands
	}
	lazy, lazyCands := session()
	eager, eagerCands := session(scheme.WithEagerLoading())
	if lazy != eager {
		t.Errorf("transcript with lazy loading:\n%s\nwith eager loading:\n%s", lazy, eager)
	}
	if !slices.Equal(lazyCands, eagerCands) {
		t.Errorf("completions with lazy loading %q, with eager loading %q", lazyCands, eagerCands)
	}
	for _, want := range []string{"(string-pad", "(vector-count", "(and-let*", "(char-set:letter"} {
		if !slices.Contains(lazyCands, want) {
			t.Errorf("no completion %s among %q", want, lazyCands)
		}
	}
	for _, want := range []string{`"  ab"`, "2\n", "4\n"} {
		if !strings.Contains(lazy, want) {
			t.Errorf("transcript lacks %q:\n%s", want, lazy)
		}
	}
}
