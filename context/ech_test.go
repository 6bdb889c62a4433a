// Tests of Encrypted Client Hello between contexts: acceptance, rejection with retry configs, bad input.
package tlsctx_test

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"testing"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

func TestECH(t *testing.T) {
	s := certgen.MustSet(t)
	list, config, priv, err := tlsctx.MakeECHKey("public.example", 7)
	if err != nil {
		t.Fatal(err)
	}
	if config[0] != 0xfe || config[1] != 0x0d || config[4] != 7 || len(priv) != 32 || len(list) != len(config)+2 {
		t.Fatalf("config % x", config)
	}
	// the certificate also covers the public name: a client whose ECH is
	// rejected checks it against that name
	o := certgen.Localhost()
	o.DNSNames = append(o.DNSNames, "public.example")
	leaf, err := s.CA.Issue(o)
	if err != nil {
		t.Fatal(err)
	}
	srv := serverCtx(t, leaf)
	if err := srv.SetECHKeys([]tls.EncryptedClientHelloKey{{Config: config, PrivateKey: priv, SendAsRetry: true}}); err != nil {
		t.Fatal(err)
	}
	newClient := func(list []byte) *tlsctx.Context {
		cli := mustCtx(t, tlsctx.Client, "tlsv12")
		cli.AddTrustAnchors([]*x509.Certificate{s.CA.Cert})
		cli.SetVerify(true)
		cli.SetVerifyHostname(true, "")
		if err := cli.SetECHConfigList(list); err != nil {
			t.Fatal(err)
		}
		return cli
	}
	p := tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"}
	r := shake(t, newClient(list), srv, p)
	if r.cerr != nil || !r.cc.ConnectionState().ECHAccepted || r.cc.ConnectionState().Version != tls.VersionTLS13 {
		t.Fatalf("accepted: err %v state %+v", r.cerr, r.cc.ConnectionState())
	}
	// a config the server has no key for: rejected, with the server's retry configs
	otherList, _, _, _ := tlsctx.MakeECHKey("public.example", 9)
	r = shake(t, newClient(otherList), srv, p)
	var rej *tls.ECHRejectionError
	if !errors.As(r.cerr, &rej) || string(rej.RetryConfigList) != string(list) {
		t.Fatalf("rejection: %v", r.cerr)
	}
	e := conditions.Classify(conditions.OpHandshake, r.cerr, conditions.State{})
	if string(e.ECHRetryConfigs) != string(list) {
		t.Fatalf("condition retry configs % x", e.ECHRetryConfigs)
	}
	// the retry configs work
	if r := shake(t, newClient(rej.RetryConfigList), srv, p); r.cerr != nil || !r.cc.ConnectionState().ECHAccepted {
		t.Fatalf("retry: %v", r.cerr)
	}
	// bad input
	cli := mustCtx(t, tlsctx.Client, "tlsv12")
	for _, bad := range [][]byte{{}, {0, 5, 1}, []byte("junk")} {
		if err := cli.SetECHConfigList(bad); err == nil {
			t.Errorf("config list % x accepted", bad)
		}
	}
	if err := srv.SetECHKeys([]tls.EncryptedClientHelloKey{{Config: config, PrivateKey: []byte("short")}}); err == nil {
		t.Error("bad private key accepted")
	}
	if err := srv.SetECHConfigList(list); err == nil {
		t.Error("config list on a server accepted")
	}
	for _, name := range []string{"", "localhost", "-bad.example", "a..b"} {
		if _, _, _, err := tlsctx.MakeECHKey(name, 0); err == nil {
			t.Errorf("public name %q accepted", name)
		}
	}
}
