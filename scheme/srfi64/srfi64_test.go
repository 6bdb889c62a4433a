// SRFI-64 scripts run in an interpreter: their output and exit status.

package srfi64_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm: a script whose name starts with "fail"
// must exit with status 1 and print the lines of its ";; want:" comments;
// the others must exit normally with every test passed.
func TestScripts(t *testing.T) {
	schemetest.RunSRFI64Dir(t, "testdata", nil)
}
