package chickenmemoryrepresentation_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenmemoryrepresentation"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken memory representation)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenmemoryrepresentation.Library, `extend-procedure extended-procedure?
		procedure-data set-procedure-data! vector-like? block-ref block-set! number-of-slots number-of-bytes
		object-copy make-record-instance record-instance? record-instance-type record-instance-length
		record-instance-slot record-instance-slot-set! record->vector mutate-procedure! object-become!`)
}
