package chickenstring_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenstring"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestManualExports checks every procedure of the manual page "Module
// (chicken string)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenstring.Library, `->string conc reverse-list->string
		reverse-string-append string-chomp string-chop string-compare3 string-compare3-ci
		string-intersperse string-split string-translate string-translate* substring-ci=?
		substring-index substring-index-ci substring=?`)
}
