package tlsctx_test

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"testing"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
)

// pair is the outcome of one loopback handshake.
type pair struct {
	cerr, serr error
	cc, sc     *tls.Conn
	ccfg, scfg *tlsctx.ConnConfig
}

// shake runs a handshake between contexts cli and srv over loopback TCP.
func shake(t *testing.T, cli, srv *tlsctx.Context, p tlsctx.ConnParams) pair {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var r pair
	if r.ccfg, err = cli.ConnConfig(p); err != nil {
		t.Fatal(err)
	}
	if r.scfg, err = srv.ConnConfig(tlsctx.ConnParams{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s, err := ln.Accept()
		if err != nil {
			r.serr = err
			return
		}
		r.sc = tls.Server(s, r.scfg.TLS)
		r.serr = r.sc.HandshakeContext(ctx)
		if r.serr == nil {
			// TLS 1.3 client-auth failures surface on the server's first read
			r.sc.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
			r.sc.Read(make([]byte, 1))
		}
		if r.serr != nil {
			s.Close()
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	r.cc = tls.Client(c, r.ccfg.TLS)
	r.cerr = r.cc.HandshakeContext(ctx)
	if r.cerr == nil {
		// give the server a chance to reject (TLS 1.3 client certs)
		r.cc.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		_, rerr := r.cc.Read(make([]byte, 1))
		if ne, ok := rerr.(net.Error); !(ok && ne.Timeout()) && rerr != nil {
			r.cerr = rerr
		}
	}
	wg.Wait()
	t.Cleanup(func() { r.cc.Close(); c.Close() })
	return r
}
