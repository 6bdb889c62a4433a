package chickenfixnum_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenfixnum"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken fixnum)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenfixnum.Library, `fixnum-bits fixnum-precision fx* fx*? fx+ fx+? fx- fx-? fx/ fx/? fx< fx<= fx= fx> fx>=
		fxand fxeven? fxgcd fxior fxmax fxmin fxmod fxneg fxnot fxodd? fxrem fxshl fxshr fxxor
		most-negative-fixnum most-positive-fixnum`)
}
