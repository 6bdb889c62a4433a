package chickenkeyword_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenkeyword"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken keyword)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenkeyword.Library, `get-keyword keyword->string keyword? string->keyword`)
}
