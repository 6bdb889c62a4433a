package chickengc_test

import (
	"context"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"

	"github.com/tlsport/tlsport/scheme/chickengc"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken gc)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickengc.Library, `gc current-gc-milliseconds memory-statistics set-finalizer!
		force-finalizers set-gc-report!`)
}

// TestForceFinalizersAtExit checks the manual's force-finalizers: when
// true, the finalizers of garbage run when the program ends (after its last
// toplevel form); when #f, they do not; and an error in a finalizer is
// written as a warning.
func TestForceFinalizersAtExit(t *testing.T) {
	for _, tc := range []struct {
		force string
		want  string
	}{{"#t", "finalized"}, {"#f", ""}} {
		if tc.force == "#f" {
			// no collection may hand the object over before the exit
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
		}
		var out, errw strings.Builder
		in := stdlib.New(scheme.WithStdio(strings.NewReader(""), &out, &errw))
		ctx := context.Background()
		_, err := in.EvalString(ctx, `(import (chicken gc))
(define (report o) (display "finalized") (flush-output))
(define (fail o) (car o))
(define (drop!) (set-finalizer! (set-finalizer! (vector 1) report) fail) #f)
(drop!)
(force-finalizers `+tc.force+`)`)
		if err != nil {
			t.Fatal(err)
		}
		if err := in.ImplicitExit(ctx); err != nil {
			t.Fatal(err)
		}
		if out.String() != tc.want {
			t.Errorf("force-finalizers %s: output %q, want %q", tc.force, out.String(), tc.want)
		}
		if warned := strings.Contains(errw.String(), "Warning: in finalizer:"); warned != (tc.want != "") {
			t.Errorf("force-finalizers %s: stderr %q", tc.force, errw.String())
		}
	}
}
