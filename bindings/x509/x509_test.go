// The Scheme test scripts of (rfc x509), with the certgen fixture's file names bound.

package x509

import (
	"testing"

	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

func TestScripts(t *testing.T) {
	set := certgen.MustSet(t)
	schemetest.RunDir(t, "testdata", func() *scheme.Interp {
		in := scheme.New()
		if err := in.Register(Library); err != nil {
			t.Fatal(err)
		}
		in.Import(Library.Name)
		in.Define("leaf-cert", scheme.NewString(set.Files.LeafCert))
		in.Define("ca-file", scheme.NewString(set.Files.CACert))
		in.Define("expired-cert", scheme.NewString(set.Files.ExpiredCert))
		in.Define("leaf-der", &scheme.Bytevector{B: set.Leaf.Cert.Raw})
		return in
	})
}
