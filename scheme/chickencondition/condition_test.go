package chickencondition_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickencondition"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestManualExports checks every definition of the manual page "Module
// (chicken condition)" is exported (the syntax and the procedures the core
// defines included).
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickencondition.Library, `condition condition->list condition-predicate
		condition-property-accessor condition? get-condition-property make-composite-condition
		make-property-condition print-error-message current-exception-handler`)
	schemetest.CheckBound(t, `abort condition-case handle-exceptions signal with-exception-handler`)
}
