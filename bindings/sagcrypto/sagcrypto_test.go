// The Scheme test scripts of (sagittarius crypto keys), and the SRFI-64 acceptance scripts of issue 13.

package sagcrypto_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
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
	files, _ := filepath.Glob("testdata/srfi64/*.scm")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var out strings.Builder
			in := stdlib.New(scheme.WithStdio(strings.NewReader(""), &out, &out))
			if err := all.Register(in); err != nil {
				t.Fatal(err)
			}
			if code := schemetest.RunProgram(t, in, f); code != 0 {
				t.Fatalf("exit status %d\n%s", code, out.String())
			}
			if !strings.Contains(out.String(), "# of expected passes") || strings.Contains(out.String(), "FAIL") {
				t.Errorf("SRFI-64 report:\n%s", out.String())
			}
		})
	}
}
