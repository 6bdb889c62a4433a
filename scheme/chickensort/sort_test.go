package chickensort_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickensort"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken sort)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickensort.Library, `merge merge! sort sort! sorted? topological-sort`)
}
