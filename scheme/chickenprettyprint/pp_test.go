package chickenprettyprint_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenprettyprint"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken pretty-print)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenprettyprint.Library, `pp pretty-print pretty-print-width`)
}
