package chickenfile_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenfile"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm (in a temporary directory of their own:
// the scripts create and delete files under (create-temporary-directory)).
func TestScripts(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	schemetest.RunDir(t, "testdata", nil)
}

// TestManualExports checks every definition of the manual page "Module
// (chicken file)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenfile.Library, `copy-file create-directory create-temporary-directory
		create-temporary-file delete-directory delete-file delete-file* directory directory-exists?
		file-executable? file-exists? file-readable? file-writable? find-files glob move-file rename-file`)
}
