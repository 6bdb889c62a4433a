package chickenbase_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenbase"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestManualExports checks the definitions of the manual page "Module
// (chicken base)": those of this library are exported by it, and every one
// that tlsport provides (the core's included) is bound; the reader settings
// are tested by scheme/testdata/chicken-read-syntax.scm. include-relative,
// require-extension and require-library are syntax (the module system's).
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenbase.Library, `alist-ref alist-update alist-update! atom? butlast chop
		complement compose conjoin constantly disjoin each identity intersperse join list-of? o rassoc
		tail? cplxnum? equal=? exact-integer-nth-root quotient&remainder quotient&modulo signum
		enable-warnings warning get-call-chain print-call-chain procedure-information compress foldl
		foldr vector-resize flip char-name gensym string->uninterned-symbol setter getter-with-setter
		sleep port-closed? case-sensitive keyword-style parentheses-synonyms symbol-escape optional let-optionals let-optionals* rec nth-value set!-values
		letrec-values and-let* cut cute`)
	schemetest.CheckBound(t, `add1 and-let* assert define-record bignum? call/cc case-lambda current-error-port
		define-constant define-inline define-record-type define-values delay-force emergency-exit
		error exact-integer-sqrt exact-integer? exit finite? fixnum? flatten flonum? fluid-let
		flush-output get-output-string include infinite? input-port-open? let*-values let-values
		letrec* make-parameter make-promise nan? open-input-string open-output-string
		output-port-open? parameterize port? print print* promise? ratnum? receive set! sub1
		subvector symbol-append unless vector-copy! void when`)
}
