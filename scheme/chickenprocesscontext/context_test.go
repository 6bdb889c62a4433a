package chickenprocesscontext_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenprocesscontext"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken process-context)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenprocesscontext.Library, `argc+argv argv change-directory
		command-line-arguments current-directory executable-pathname get-environment-variable
		get-environment-variables program-name set-environment-variable! unset-environment-variable!`)
}
