// Interop with real peers: openssl s_server/s_client and curl via internal/testpeer.
package ports

import (
	"context"
	"crypto/tls"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/internal/testpeer"
)

func TestOpenSSLServerInterop(t *testing.T) {
	p := newTestPKI(t)
	ca, cert, key := p.files(t)
	_ = ca
	for _, tc := range []struct {
		name, flag string
		version    uint16
		alpn       string
	}{
		{"tls12", "-tls1_2", tls.VersionTLS12, ""},
		{"tls13", "-tls1_3", tls.VersionTLS13, ""},
		{"tls13-alpn", "-tls1_3", tls.VersionTLS13, "h2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"-cert", cert, "-key", key, tc.flag, "-rev", "-naccept", "1"}
			if tc.alpn != "" {
				args = append(args, "-alpn", tc.alpn)
			}
			srv := testpeer.OpenSSLServer(t, args...)
			raw, err := net.Dial("tcp", srv.Addr)
			if err != nil {
				t.Fatal(err)
			}
			cc := p.clientConfig()
			if tc.alpn != "" {
				cc.TLS.NextProtos = []string{tc.alpn}
			}
			c := Client(raw, cc, Options{ReadTimeout: 10 * time.Second, HandshakeTimeout: 10 * time.Second})
			defer c.Close()
			ctx := context.Background()
			if _, err := c.WriteString(ctx, "hello\n"); err != nil {
				t.Fatal(err)
			}
			// -rev echoes each line reversed.
			line, err := c.ReadLine(ctx)
			for err == nil && !strings.Contains(line, "olleh") {
				line, err = c.ReadLine(ctx)
			}
			if err != nil {
				t.Fatalf("read: %v (stderr %s)", err, srv.Stderr())
			}
			if c.Version() != tc.version || c.ALPN() != tc.alpn {
				t.Errorf("version %x alpn %q", c.Version(), c.ALPN())
			}
		})
	}
}

func TestOpenSSLClientInterop(t *testing.T) {
	p := newTestPKI(t)
	ca, _, _ := p.files(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cl := testpeer.OpenSSLClient(t, ln.Addr().String(), "-CAfile", ca, "-verify_return_error", "-servername", "localhost", "-quiet")
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(10 * time.Second))
	raw, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	s := Server(raw, p.serverConfig(), Options{ReadTimeout: 10 * time.Second})
	defer s.Close()
	ctx := context.Background()
	cl.Stdin.Write([]byte("from openssl\n"))
	if l, err := s.ReadLine(ctx); err != nil || l != "from openssl" {
		t.Fatalf("read %q, %v (stderr %s)", l, err, cl.Stderr())
	}
	s.WriteString(ctx, "from engine\n")
	cl.ReadUntil(t, "from engine", 10*time.Second)
	if s.ConnectionState().ServerName != "localhost" {
		t.Errorf("SNI = %q", s.ConnectionState().ServerName)
	}
}
