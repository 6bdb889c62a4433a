package chickenpathname_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenpathname"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken pathname)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenpathname.Library, `absolute-pathname? decompose-directory
		decompose-pathname directory-null? make-absolute-pathname make-pathname normalize-pathname
		pathname-directory pathname-extension pathname-file pathname-replace-directory
		pathname-replace-extension pathname-replace-file pathname-strip-directory pathname-strip-extension`)
}
