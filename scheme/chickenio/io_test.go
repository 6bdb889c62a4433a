package chickenio_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenio"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every procedure of the manual page "Module
// (chicken io)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenio.Library, `read-buffered read-byte read-line read-lines
		read-list read-string read-string! read-token write-byte write-line write-string`)
}
