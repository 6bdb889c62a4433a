package scheme_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestReadSyntaxManualExports checks the definitions of the manual page
// "Module (chicken read-syntax)" are exported by the library; the reader
// settings of "Module (chicken base)" are exported by it too, since the
// reader reads them (scheme.New binds them without (chicken base)).
func TestReadSyntaxManualExports(t *testing.T) {
	schemetest.CheckExports(t, scheme.ReadSyntaxLibrary, `define-reader-ctor set-read-syntax! set-sharp-read-syntax!
		set-parameterized-read-syntax! copy-read-table current-read-table
		case-sensitive keyword-style parentheses-synonyms symbol-escape`)
}
