package chickenbitwise_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenbitwise"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken bitwise)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenbitwise.Library, `arithmetic-shift bit->boolean bitwise-and bitwise-ior bitwise-not bitwise-xor integer-length`)
}
