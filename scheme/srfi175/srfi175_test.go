package srfi175_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }
