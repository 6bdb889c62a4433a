package srficore_test

import (
	"os"
	"testing"

	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm (srfi98.scm reads SRFI98_TEST, set here).
func TestScripts(t *testing.T) {
	t.Setenv("SRFI98_TEST", "taro")
	os.Unsetenv("SRFI98_UNSET")
	schemetest.RunDir(t, "testdata", nil)
}
