package chickenrepl_test

import (
	"os"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenrepl"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken repl)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenrepl.Library, `repl repl-prompt quit reset reset-handler`)
}

// TestTerminalFile checks what counts as a terminal for the prompt: not a
// pipe, not /dev/null (a character device, but no terminal), not a non-file.
func TestTerminalFile(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for name, x := range map[string]any{"pipe": r, "/dev/null": null, "reader": "not a file", "nil file": (*os.File)(nil)} {
		if f := scheme.TerminalFile(x); f != nil {
			t.Errorf("TerminalFile(%s) = %v, want nil", name, f)
		}
	}
}
