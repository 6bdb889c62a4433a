package chickenformat_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenformat"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestManualExports checks every procedure of the manual page "Module
// (chicken format)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenformat.Library, `format fprintf printf sprintf`)
}
