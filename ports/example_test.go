// Runnable examples over loopback.

package ports_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
)

// contexts returns a server context with an ephemeral certificate for
// localhost/127.0.0.1 and a verifying client context that trusts it.
func contexts() (server, client *tlsctx.Context) {
	server, _ = tlsctx.New(tlsctx.Server, "tlsv12")
	server.UseEphemeralCertificate()
	client, _ = tlsctx.New(tlsctx.Client, "tlsv12")
	client.AddTrustAnchors([]*x509.Certificate{server.Certificate()}) // verification is on by default
	return server, client
}

func Example() {
	sctx, cctx := contexts()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	ctx := context.Background()
	go func() {
		raw, _ := ln.Accept()
		cc, _ := sctx.ConnConfig(tlsctx.ConnParams{}) // one snapshot per connection
		s := ports.Server(raw, cc, ports.Options{})
		defer s.Close()
		line, _ := s.ReadLine(ctx) // the handshake happens here
		s.WriteString(ctx, "echo: "+line+"\r\n")
	}()
	raw, _ := net.Dial("tcp", ln.Addr().String())
	cc, _ := cctx.ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
	c := ports.Client(raw, cc, ports.Options{BufferSize: 4096, SuppressRaggedEOFs: true})
	defer c.Close()
	fmt.Println(c.State())
	c.WriteString(ctx, "hello\n")
	c.Flush(ctx)
	reply, _ := c.ReadLine(ctx)
	fmt.Println(c.State(), reply, c.VerifyResult().Message)
	// Output:
	// client-init
	// open echo: hello ok
}

func ExampleStartTLS() {
	sctx, cctx := contexts()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	ctx := context.Background()
	go func() {
		raw, _ := ln.Accept()
		t := ports.NewTCP(raw, nil, ports.Options{})
		cmd, _ := t.ReadLine(ctx) // plaintext "STARTTLS"
		t.WriteString(ctx, "GO "+cmd+"\n")
		sock, ahead, _ := t.Detach(ctx)
		cc, _ := sctx.ConnConfig(tlsctx.ConnParams{})
		s := ports.StartTLS(sock, ahead, cc, true, ports.Options{})
		defer s.Close()
		line, _ := s.ReadLine(ctx)
		s.WriteString(ctx, "secure "+line+"\n")
	}()
	raw, _ := net.Dial("tcp", ln.Addr().String())
	t := ports.NewTCP(raw, nil, ports.Options{})
	t.WriteString(ctx, "STARTTLS\n")
	ok, _ := t.ReadLine(ctx)
	sock, ahead, _ := t.Detach(ctx)
	cc, _ := cctx.ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
	c := ports.StartTLS(sock, ahead, cc, false, ports.Options{})
	defer c.Close()
	c.WriteString(ctx, "hi\n")
	reply, _ := c.ReadLine(ctx)
	fmt.Println(ok)
	fmt.Println(reply)
	// Output:
	// GO STARTTLS
	// secure hi
}

func ExampleSelect() {
	// Two connections' readiness checks; only the second has data.
	idle := func(ctx context.Context) (bool, error) { return false, nil }
	data := func(ctx context.Context) (bool, error) { return true, nil }
	ready, err := ports.Select(context.Background(), 0, false, []ports.ReadyFunc{idle, data})
	fmt.Println(ready, err)
	// Output:
	// [1] <nil>
}
