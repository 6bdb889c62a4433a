// Tests of constrained trust anchors.
package tlsctx_test

import (
	"crypto/x509"
	"errors"
	"slices"
	"testing"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

func TestAddTrustAnchor(t *testing.T) {
	s := certgen.MustSet(t)
	cli := mustCtx(t, tlsctx.Client, "tlsv12")
	cli.SetVerify(true)
	var seen int
	err := cli.AddTrustAnchor(s.CA.Cert, func(chain []*x509.Certificate) error {
		seen = len(chain)
		if slices.Contains(chain[0].DNSNames, "wrong.example") {
			return errors.New("not for wrong.example")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ok := shake(t, cli, serverCtx(t, s.Leaf), tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
	if ok.cerr != nil || seen < 1 {
		t.Fatalf("permitted chain: %v (constraint saw %d certificates)", ok.cerr, seen)
	}
	cli.SetVerifyHostname(false, "")
	bad := shake(t, cli, serverCtx(t, s.WrongHost), tlsctx.ConnParams{ServerName: "localhost"})
	if bad.cerr == nil || bad.ccfg.Result.Code == 0 {
		t.Fatalf("refused chain accepted: %+v", bad.ccfg.Result)
	}
	// adding the system pool later keeps the constraint
	cli.LoadSystemRoots()
	if bad := shake(t, cli, serverCtx(t, s.WrongHost), tlsctx.ConnParams{ServerName: "localhost"}); bad.cerr == nil {
		t.Fatal("constraint lost when the system pool was added")
	}
	if err := cli.AddTrustAnchor(nil, nil); err == nil {
		t.Fatal("nil anchor accepted")
	}
}
