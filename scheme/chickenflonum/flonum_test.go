package chickenflonum_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenflonum"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken flonum)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenflonum.Library, `flonum-decimal-precision flonum-epsilon flonum-maximum-decimal-exponent
		flonum-maximum-exponent flonum-minimum-decimal-exponent flonum-minimum-exponent flonum-precision
		flonum-print-precision flonum-radix fp* fp*+ fp+ fp- fp/ fp< fp<= fp= fp> fp>= fpabs fpacos fpasin
		fpatan fpatan2 fpceiling fpcos fpexp fpexpt fpfloor fpgcd fpinteger? fplog fpmax fpmin fpneg
		fpround fpsin fpsqrt fptan fptruncate maximum-flonum minimum-flonum`)
}
