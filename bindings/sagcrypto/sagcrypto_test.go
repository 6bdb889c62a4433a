// The Scheme test scripts of (sagittarius crypto keys), and the SRFI-64 acceptance scripts of issue 13.

package sagcrypto_test

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

func TestLibrary(t *testing.T) {
	bindingtest.CheckLibrary(t, sagcrypto.Library, strings.Fields(`generate-key-pair key-pair? key-pair-private key-pair-public
public-key? private-key? asymmetric-key? crypto-key? *key:rsa* *key:ecdsa* *key:ed25519* *scheme:rsa*`), "testdata")
	bindingtest.CheckLibrary(t, sagcrypto.CryptoLibrary, strings.Fields(`generate-key-pair keypair? keypair-private keypair-public RSA ECDSA Ed25519`), "testdata")
}

func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: []*scheme.Library{sagcrypto.Library, sagcrypto.CryptoLibrary, x509.Library, x509.DotLibrary}})
}

// TestSRFI64 runs testdata/srfi64/*.scm with every tlsport library, as
// tlsport runs a script: each must print its SRFI-64 report with passes,
// no failure, and not exit with a failure status.
func TestSRFI64(t *testing.T) {
	schemetest.RunSRFI64Dir(t, "testdata/srfi64", all.Register)
}
