package chickentime_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickentime"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken time)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickentime.Library, `cpu-time current-process-milliseconds current-seconds time`)
}
