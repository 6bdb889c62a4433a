// The Scheme test scripts of (rnrs conditions) and (rnrs exceptions).

package rnrsconditions_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs every testdata/*.scm file as a subtest.
func TestScripts(t *testing.T) {
	schemetest.RunDir(t, "testdata", nil)
}
