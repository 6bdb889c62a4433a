// Tests of the TLS 1.3 suite policy: the failure names the negotiated suite, the allowed set and Go's limitation.
package tlsctx_test

import (
	"crypto/tls"
	"errors"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

func TestTLS13SuitePolicyError(t *testing.T) {
	s := certgen.MustSet(t)
	for _, side := range []string{"client", "server"} {
		t.Run(side, func(t *testing.T) {
			cli := mustCtx(t, tlsctx.Client, "tlsv13")
			srv := serverCtx(t, s.Leaf)
			// Go never picks AES-256-GCM while AES-128-GCM or ChaCha20 is offered.
			restricted := cli
			if side == "server" {
				restricted = srv
			}
			if err := restricted.SetCiphersuites("TLS_AES_256_GCM_SHA384"); err != nil {
				t.Fatal(err)
			}
			p := shake(t, cli, srv, tlsctx.ConnParams{})
			err := p.cerr
			if side == "server" {
				err = p.serr
			}
			var ce *conditions.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want a *conditions.Error", err, err)
			}
			e := conditions.Classify(conditions.OpHandshake, err, conditions.State{})
			negotiated := tls.CipherSuiteName(p.cc.ConnectionState().CipherSuite)
			for _, want := range []string{"negotiated TLS 1.3 cipher suite", "(TLS_AES_256_GCM_SHA384)", "cannot restrict", "enforced after negotiation"} {
				if !strings.Contains(e.Reason, want) {
					t.Errorf("reason %q lacks %q", e.Reason, want)
				}
			}
			if p.cc.ConnectionState().CipherSuite != 0 && !strings.Contains(e.Reason, negotiated) {
				t.Errorf("reason %q does not name %s", e.Reason, negotiated)
			}
			if code, _ := e.VerifyCode.Get(); e.Status != conditions.SSL || code > 0 || e.Alert != conditions.Some(42) {
				t.Errorf("status %v verify-code %v alert %v", e.Status, e.VerifyCode, e.Alert)
			}
		})
	}
}
