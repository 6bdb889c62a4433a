// Runnable examples of the crypto libraries.

package sagcrypto_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/scheme"
)

// newInterp returns an interpreter with libs imported.
func newInterp(libs ...*scheme.Library) *scheme.Interp {
	in := scheme.New()
	for _, l := range libs {
		if err := in.Register(l); err != nil {
			panic(err)
		}
		in.Import(l.Name)
	}
	return in
}

// A SHA-256 digest of "abc" (FIPS 180-4's example), its first bytes.
func ExampleDigestsLibrary() {
	in := newInterp(sagcrypto.DigestsLibrary)
	v, err := in.EvalString(context.Background(),
		`(bytevector-copy (digest-message (make-message-digest *digest:sha-256*) (string->utf8 "abc")) 0 4)`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: #u8(186 120 22 191)
}

// parse-pem-string returns the parameters, RFC 1421 headers included, and
// the decoded content.
func ExamplePEMLibrary() {
	in := newInterp(sagcrypto.PEMLibrary)
	v, err := in.EvalString(context.Background(), `(call-with-values
  (lambda () (parse-pem-string "-----BEGIN KEY-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END KEY-----\n"))
  list)`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: ((("BEGIN" . "KEY") ("Proc-Type" . "4,ENCRYPTED") ("END" . "KEY")) #u8(1 2 3))
}
