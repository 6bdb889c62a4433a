package chickencontinuation_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickencontinuation"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken continuation)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickencontinuation.Library, `continuation-capture continuation? continuation-graft continuation-return`)
}
