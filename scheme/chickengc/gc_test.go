package chickengc_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickengc"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken gc)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickengc.Library, `gc current-gc-milliseconds memory-statistics set-finalizer!
		force-finalizers set-gc-report!`)
}
