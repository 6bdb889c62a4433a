package chickenrandom_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenrandom"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken random)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenrandom.Library, `pseudo-random-integer pseudo-random-real random-bytes set-pseudo-random-seed!`)
}
