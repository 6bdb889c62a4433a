package chickenerrno_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenerrno"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken errno)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenerrno.Library, `errno errno/perm errno/noent errno/srch errno/intr
		errno/io errno/noexec errno/badf errno/child errno/nomem errno/acces errno/fault errno/busy
		errno/notdir errno/isdir errno/inval errno/mfile errno/nospc errno/spipe errno/pipe errno/again
		errno/rofs errno/exist errno/wouldblock`)
}
