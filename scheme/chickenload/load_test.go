package chickenload_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenload"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken load)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenload.Library, `load-relative load-noisily load-library require provide
		provided? dynamic-load-libraries load-verbose set-dynamic-load-mode!`)
}
