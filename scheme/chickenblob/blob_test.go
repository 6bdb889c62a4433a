package chickenblob_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenblob"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken blob)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenblob.Library, `blob->string blob-size blob=? blob? make-blob string->blob`)
}
