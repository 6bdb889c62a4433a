package chickenlocative_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenlocative"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken locative)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenlocative.Library, `make-locative make-weak-locative locative? locative-ref
		locative-set! locative->object locative-index`)
}
