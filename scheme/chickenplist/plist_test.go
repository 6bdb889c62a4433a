package chickenplist_test

import (
	"context"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenplist"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken plist)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenplist.Library, `get put! remprop! symbol-plist get-properties`)
}

// TestPerInterpreter checks that property lists belong to the
// interpreter: a property put in one is not seen by another.
func TestPerInterpreter(t *testing.T) {
	ctx := context.Background()
	a, b := stdlib.New(), stdlib.New()
	if _, err := a.EvalString(ctx, `(import (chicken plist)) (put! 'shared-symbol 'p 1)`); err != nil {
		t.Fatal(err)
	}
	v, err := b.EvalString(ctx, `(import (chicken plist)) (list (get 'shared-symbol 'p) (symbol-plist 'shared-symbol))`)
	if err != nil {
		t.Fatal(err)
	}
	if got := scheme.WriteString(v); got != "(#f ())" {
		t.Errorf("other interpreter sees %s, want (#f ())", got)
	}
	v, err = a.EvalString(ctx, `(get 'shared-symbol 'p)`)
	if err != nil || scheme.WriteString(v) != "1" {
		t.Errorf("own interpreter: %v, %v; want 1", v, err)
	}
}
