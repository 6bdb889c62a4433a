package chickenprocesscontextposix_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenprocesscontextposix"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every procedure of the manual page "Module
// (chicken process-context posix)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenprocesscontextposix.Library, `change-directory* set-root-directory!
		current-user-id current-user-name current-effective-user-id current-effective-user-name
		current-group-id current-effective-group-id current-process-id parent-process-id
		process-group-id create-session user-information`)
}
