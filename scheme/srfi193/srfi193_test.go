package srfi193_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestCommandLine: the procedures over a script's command line, and over
// one whose first element is no file (as under -e).
func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "prog.sps")
	if err := os.WriteFile(prog, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"script", []string{prog, "a", "b"}, `("prog" ("a" "b") "` + prog + `" "` + dir + `/")`},
		{"no script", []string{"tlsport", "x"}, `("tlsport" ("x") #f #f)`},
		{"empty", nil, `(#f () #f #f)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := stdlib.New(scheme.WithCommandLine(tc.args))
			v, err := in.EvalString(context.Background(), `(import (srfi :193 command-line))
(list (command-name) (command-args) (script-file) (script-directory))`)
			if err != nil {
				t.Fatal(err)
			}
			if got := scheme.WriteString(v); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
