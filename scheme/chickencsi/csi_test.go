package chickencsi_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickencsi"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken csi)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickencsi.Library, `toplevel-command set-describer! default-evaluator editor-command`)
}
