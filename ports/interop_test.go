// Interop with real peers over loopback (openssl s_server/s_client, python3 ssl) via internal/testpeer, configured through tlsctx contexts.

package ports

import (
	"context"
	"crypto/ecdsa"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
)

// peerOpts are the engine options of interop connections: every wait bounded.
var peerOpts = Options{HandshakeTimeout: 10 * time.Second, ReadTimeout: 10 * time.Second,
	WriteTimeout: 10 * time.Second, ShutdownTimeout: 2 * time.Second}

// clientContext returns a verifying client context trusting s.CA;
// withCert loads s.Client as the client certificate.
func clientContext(t testing.TB, s *certgen.Set, protocol string, withCert bool) *tlsctx.Context {
	t.Helper()
	c, err := tlsctx.New(tlsctx.Client, protocol)
	if err != nil {
		t.Fatal(err)
	}
	must(t, c.LoadVerifyRoots(s.Files.CACert, ""))
	must(t, c.SetVerify(true))
	must(t, c.SetVerifyHostname(true, ""))
	if withCert {
		must(t, c.LoadCertificateChain(s.Files.ClientCert, false))
		must(t, c.LoadPrivateKey(s.Files.ClientKey, tlsctx.KeyAny, false))
	}
	return c
}

// serverContext returns a server context with the given chain and key files.
func serverContext(t testing.TB, protocol, certFile, keyFile string) *tlsctx.Context {
	t.Helper()
	c, err := tlsctx.New(tlsctx.Server, protocol)
	if err != nil {
		t.Fatal(err)
	}
	must(t, c.LoadCertificateChain(certFile, false))
	must(t, c.LoadPrivateKey(keyFile, tlsctx.KeyAny, false))
	return c
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// dialContext connects to addr and returns a lazy client engine configured
// by ctx.ConnConfig with SNI and verification name name.
func dialContext(t testing.TB, ctx *tlsctx.Context, addr, name string) *Conn {
	t.Helper()
	cc, err := ctx.ConnConfig(tlsctx.ConnParams{ServerName: name, VerifyName: name})
	must(t, err)
	raw, err := net.DialTimeout("tcp", addr, 5*time.Second)
	must(t, err)
	c := Client(raw, cc, peerOpts)
	t.Cleanup(func() { c.Close() })
	return c
}

// acceptContext accepts one connection on ln (10 s limit) and returns a
// lazy server engine configured by ctx.ConnConfig.
func acceptContext(t testing.TB, ln net.Listener, ctx *tlsctx.Context) *Conn {
	t.Helper()
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(10 * time.Second))
	raw, err := ln.Accept()
	must(t, err)
	cc, err := ctx.ConnConfig(tlsctx.ConnParams{})
	must(t, err)
	s := Server(raw, cc, peerOpts)
	t.Cleanup(func() { s.Close() })
	return s
}

func listenLoopback(t testing.TB) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	t.Cleanup(func() { ln.Close() })
	return ln
}

// keyAlg names the public key algorithm of the peer's leaf.
func keyAlg(t testing.TB, c *Conn) string {
	t.Helper()
	chain, err := c.PeerCertificates(context.Background())
	if err != nil || len(chain) == 0 {
		t.Fatalf("peer certificates: %v (%d)", err, len(chain))
	}
	switch chain[0].PublicKey.(type) {
	case *ecdsa.PublicKey:
		return "ecdsa"
	case *rsa.PublicKey:
		return "rsa"
	}
	return fmt.Sprintf("%T", chain[0].PublicKey)
}

// echoRev writes msg through c and waits for s_server -rev's reversed line.
func echoRev(t testing.TB, c *Conn, srv *testpeer.Peer, msg string) {
	t.Helper()
	ctx := context.Background()
	if _, err := c.WriteString(ctx, msg+"\n"); err != nil {
		t.Fatalf("write: %v (s_server stderr %s)", err, srv.Stderr())
	}
	want := []rune(msg)
	for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
		want[i], want[j] = want[j], want[i]
	}
	for {
		line, err := c.ReadLine(ctx)
		if err != nil {
			t.Fatalf("read: %v (s_server stderr %s)", err, srv.Stderr())
		}
		if line == string(want) {
			return
		}
	}
}

var versions = map[string]uint16{"tls12": 0x0303, "tls13": 0x0304}

func TestOpenSSLServerInterop(t *testing.T) {
	s := certgen.MustSet(t)
	for _, tc := range []struct {
		name, proto, flag string
		rsa               bool
		alpn              string // s_server -alpn; our client offers "h2,http/1.1"
		clientCert        bool
	}{
		{"tls12-ecdsa", "tls12", "-tls1_2", false, "", false},
		{"tls13-ecdsa", "tls13", "-tls1_3", false, "", false},
		{"tls12-rsa", "tls12", "-tls1_2", true, "", false},
		{"tls13-rsa", "tls13", "-tls1_3", true, "", false},
		{"tls12-alpn", "tls12", "-tls1_2", false, "http/1.1", false},
		{"tls13-alpn", "tls13", "-tls1_3", true, "h2", false},
		{"tls12-client-cert", "tls12", "-tls1_2", true, "", true},
		{"tls13-client-cert", "tls13", "-tls1_3", false, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cert, key, alg := s.Files.LeafCert, s.Files.LeafKey, "ecdsa"
			if tc.rsa {
				cert, key, alg = s.Files.RSALeafCert, s.Files.RSALeafKey, "rsa"
			}
			args := []string{"-cert", cert, "-key", key, tc.flag, "-rev", "-naccept", "1"}
			if tc.alpn != "" {
				args = append(args, "-alpn", tc.alpn)
			}
			if tc.clientCert {
				// -Verify: request a certificate and fail without one.
				args = append(args, "-Verify", "1", "-CAfile", s.Files.CACert, "-verify_return_error")
			}
			srv := testpeer.OpenSSLServer(t, args...)
			ctx := clientContext(t, s, tc.proto, tc.clientCert)
			if tc.alpn != "" {
				must(t, ctx.SetALPN([]string{"h2", "http/1.1"}, true, ""))
			}
			c := dialContext(t, ctx, srv.Addr, "localhost")
			echoRev(t, c, srv, "hello "+tc.name)
			if c.Version() != versions[tc.proto] || c.ALPN() != tc.alpn {
				t.Errorf("version %#x alpn %q; want %#x %q", c.Version(), c.ALPN(), versions[tc.proto], tc.alpn)
			}
			if got := keyAlg(t, c); got != alg {
				t.Errorf("server key %s, want %s", got, alg)
			}
			if r := c.VerifyResult(); !r.OK() || r.Message != "ok" {
				t.Errorf("verify result %+v", r)
			}
		})
	}
}

func TestOpenSSLServerRequiresClientCert(t *testing.T) {
	// s_server requires a certificate; our client has none: a status-ssl
	// condition (at the handshake for 1.2, on the first read for 1.3).
	s := certgen.MustSet(t)
	for _, tc := range []struct{ proto, flag string }{{"tls12", "-tls1_2"}, {"tls13", "-tls1_3"}} {
		t.Run(tc.proto, func(t *testing.T) {
			srv := testpeer.OpenSSLServer(t, "-cert", s.Files.LeafCert, "-key", s.Files.LeafKey, tc.flag,
				"-Verify", "1", "-CAfile", s.Files.CACert, "-verify_return_error", "-rev", "-naccept", "1")
			c := dialContext(t, clientContext(t, s, tc.proto, false), srv.Addr, "localhost")
			bg := context.Background()
			err := c.Handshake(bg)
			if err == nil {
				c.WriteString(bg, "x\n")
				_, err = c.ReadLine(bg)
			}
			var ce *conditions.Error
			if !errors.As(err, &ce) || ce.Status != conditions.SSL || ce.AlertOrigin != conditions.OriginRemote {
				t.Fatalf("error %v (%+v), want a status-ssl remote alert", err, ce)
			}
		})
	}
}

func TestOpenSSLServerSNI(t *testing.T) {
	// s_server switches to -cert2 (RSA) when the client's SNI matches
	// -servername: the RSA certificate proves the server saw the name.
	s := certgen.MustSet(t)
	srv := testpeer.OpenSSLServer(t, "-cert", s.Files.LeafCert, "-key", s.Files.LeafKey,
		"-servername", "localhost", "-cert2", s.Files.RSALeafCert, "-key2", s.Files.RSALeafKey,
		"-rev", "-naccept", "2")
	ctx := clientContext(t, s, "tlsv12", false)
	c := dialContext(t, ctx, srv.Addr, "localhost")
	echoRev(t, c, srv, "with sni")
	if got := keyAlg(t, c); got != "rsa" {
		t.Errorf("with SNI localhost: server key %s, want rsa (cert2)", got)
	}
	c.Close()
	// An IP literal is never sent as SNI: the default certificate.
	c = dialContext(t, ctx, srv.Addr, "127.0.0.1")
	echoRev(t, c, srv, "no sni")
	if got := keyAlg(t, c); got != "ecdsa" {
		t.Errorf("without SNI: server key %s, want ecdsa", got)
	}
}

func TestOpenSSLServerResumption(t *testing.T) {
	// The second connection of one client context resumes the first's
	// session (the context's session cache), for TLS 1.2 and 1.3.
	s := certgen.MustSet(t)
	for _, tc := range []struct{ proto, flag string }{{"tls12", "-tls1_2"}, {"tls13", "-tls1_3"}} {
		t.Run(tc.proto, func(t *testing.T) {
			srv := testpeer.OpenSSLServer(t, "-cert", s.Files.LeafCert, "-key", s.Files.LeafKey, tc.flag,
				"-rev", "-naccept", "3")
			ctx := clientContext(t, s, tc.proto, false)
			var resumed []bool
			for i := range 2 {
				c := dialContext(t, ctx, srv.Addr, "localhost")
				echoRev(t, c, srv, fmt.Sprintf("connection %d", i))
				resumed = append(resumed, c.ConnectionState().DidResume)
				must(t, c.Close())
			}
			if resumed[0] || !resumed[1] {
				t.Fatalf("DidResume = %v, want [false true]", resumed)
			}
			// A copy with the cache disabled does a full handshake.
			off := ctx.Copy()
			must(t, off.SetSessionCache(0))
			c := dialContext(t, off, srv.Addr, "localhost")
			echoRev(t, c, srv, "no cache")
			if c.ConnectionState().DidResume {
				t.Fatal("resumed with the session cache disabled")
			}
		})
	}
}

func TestOpenSSLClientInterop(t *testing.T) {
	s := certgen.MustSet(t)
	for _, tc := range []struct {
		name, proto, flag string
		rsa, clientCert   bool
		alpn              string // our server's protocols; s_client offers h2,http/1.1
	}{
		{"tls12-ecdsa", "tls12", "-tls1_2", false, false, ""},
		{"tls13-ecdsa", "tls13", "-tls1_3", false, false, ""},
		{"tls12-rsa", "tls12", "-tls1_2", true, false, ""},
		{"tls13-rsa", "tls13", "-tls1_3", true, false, ""},
		{"tls13-alpn", "tls13", "-tls1_3", false, false, "http/1.1"},
		{"tls12-client-cert", "tls12", "-tls1_2", false, true, ""},
		{"tls13-client-cert", "tls13", "-tls1_3", true, true, "h2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cert, key := s.Files.LeafCert, s.Files.LeafKey
			if tc.rsa {
				cert, key = s.Files.RSALeafCert, s.Files.RSALeafKey
			}
			sctx := serverContext(t, tc.proto, cert, key)
			if tc.clientCert {
				must(t, sctx.LoadVerifyRoots(s.Files.CACert, ""))
				must(t, sctx.SetClientAuth(tlsctx.AuthRequire))
			}
			if tc.alpn != "" {
				must(t, sctx.SetALPN([]string{tc.alpn}, false, ""))
			}
			ln := listenLoopback(t)
			args := []string{"-CAfile", s.Files.CACert, "-verify_return_error", "-servername", "localhost",
				"-verify_hostname", "localhost", tc.flag, "-brief", "-alpn", "h2,http/1.1"}
			if tc.clientCert {
				args = append(args, "-cert", s.Files.ClientCert, "-key", s.Files.ClientKey)
			}
			cl := testpeer.OpenSSLClient(t, ln.Addr().String(), args...)
			srv := acceptContext(t, ln, sctx)
			ctx := context.Background()
			cl.Stdin.Write([]byte("from openssl\n"))
			if l, err := srv.ReadLine(ctx); err != nil || l != "from openssl" {
				t.Fatalf("read %q, %v (s_client stderr %s)", l, err, cl.Stderr())
			}
			if _, err := srv.WriteString(ctx, "from engine\n"); err != nil {
				t.Fatal(err)
			}
			cl.ReadUntil(t, "from engine", 10*time.Second)
			st := srv.ConnectionState()
			if st.ServerName != "localhost" || st.Version != versions[tc.proto] || st.NegotiatedProtocol != tc.alpn {
				t.Errorf("SNI %q version %#x ALPN %q", st.ServerName, st.Version, st.NegotiatedProtocol)
			}
			r := srv.VerifyResult()
			switch {
			case tc.clientCert && (!r.OK() || len(r.Chain) == 0 || r.Chain[0].Subject.CommonName != "client"):
				t.Errorf("client certificate not verified: %+v", r)
			case !tc.clientCert && (r.OK() || len(r.Chain) != 0):
				t.Errorf("a client certificate without a request: %+v", r)
			}
			cl.Stdin.Close()
			// s_client ends with close_notify: a clean EOF, no timeout.
			if _, err := srv.ReadString(ctx, -1); err != nil && !errors.Is(err, io.EOF) {
				t.Errorf("drain after s_client exit: %v", err)
			}
		})
	}
}

func TestOpenSSLClientReconnect(t *testing.T) {
	// TLS 1.2: s_client -reconnect reconnects 5 times offering the first
	// session; our server (one ticket key per context) must resume them.
	// (OpenSSL 3.0's -reconnect never reads TLS 1.3 tickets, even from its
	// own s_server; TestOpenSSLClientSessionFile covers TLS 1.3.)
	s := certgen.MustSet(t)
	sctx := serverContext(t, "tls12", s.Files.LeafCert, s.Files.LeafKey)
	ln := listenLoopback(t)
	cl := testpeer.OpenSSLClient(t, ln.Addr().String(), "-CAfile", s.Files.CACert,
		"-verify_return_error", "-servername", "localhost", "-tls1_2", "-reconnect")
	ctx := context.Background()
	var resumed []bool
	for i := range 6 {
		srv := acceptContext(t, ln, sctx)
		if err := srv.Handshake(ctx); err != nil {
			t.Fatalf("connection %d: %v (s_client stderr %s)", i, err, cl.Stderr())
		}
		resumed = append(resumed, srv.ConnectionState().DidResume)
		if i == 5 {
			cl.Stdin.Close()
		}
		srv.ReadString(ctx, -1) // until s_client drops the connection
		srv.Close()
	}
	if want := []bool{false, true, true, true, true, true}; fmt.Sprint(resumed) != fmt.Sprint(want) {
		t.Fatalf("DidResume per connection = %v, want %v", resumed, want)
	}
}

func TestOpenSSLClientSessionFile(t *testing.T) {
	// s_client saves the session (-sess_out) and offers it again
	// (-sess_in): our server resumes, for TLS 1.2 and 1.3.
	s := certgen.MustSet(t)
	for _, tc := range []struct{ proto, flag string }{{"tls12", "-tls1_2"}, {"tls13", "-tls1_3"}} {
		t.Run(tc.proto, func(t *testing.T) {
			sctx := serverContext(t, tc.proto, s.Files.LeafCert, s.Files.LeafKey)
			ln := listenLoopback(t)
			sess := t.TempDir() + "/session.pem"
			ctx := context.Background()
			for i, flag := range []string{"-sess_out", "-sess_in"} {
				cl := testpeer.OpenSSLClient(t, ln.Addr().String(), "-CAfile", s.Files.CACert,
					"-verify_return_error", "-servername", "localhost", tc.flag, "-brief", flag, sess)
				srv := acceptContext(t, ln, sctx)
				if _, err := srv.WriteString(ctx, "greeting\n"); err != nil {
					t.Fatalf("connection %d: %v (s_client stderr %s)", i, err, cl.Stderr())
				}
				// Reading the greeting makes s_client process the TLS 1.3 ticket.
				cl.ReadUntil(t, "greeting", 10*time.Second)
				cl.Stdin.Close()
				srv.ReadString(ctx, -1)
				if err := cl.Wait(); err != nil {
					t.Fatalf("s_client %d: %v; stderr %s", i, err, cl.Stderr())
				}
				if got := srv.ConnectionState().DidResume; got != (i == 1) {
					t.Fatalf("connection %d DidResume = %v; s_client stderr %s", i, got, cl.Stderr())
				}
			}
		})
	}
}

// pythonServer is a python3 ssl server requiring a client certificate:
// it answers one line with the client's CN, the version and the ALPN.
const pythonServer = `
import socket, ssl, sys
ca, cert, key = sys.argv[1:4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ctx.load_verify_locations(ca)
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.set_alpn_protocols(["tlsport/1"])
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
s.settimeout(30)
print("ACCEPT 127.0.0.1:%d" % s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(30)
t = ctx.wrap_socket(c, server_side=True)
line = t.makefile("rb").readline().strip().decode()
cn = dict(x[0] for x in t.getpeercert()["subject"])["commonName"]
t.sendall(("python got %s from %s over %s alpn %s\n" % (line, cn, t.version(), t.selected_alpn_protocol())).encode())
t.close()
`

func TestPythonServerInterop(t *testing.T) {
	s := certgen.MustSet(t)
	srv := testpeer.PythonServer(t, pythonServer, s.Files.CACert, s.Files.RSALeafCert, s.Files.RSALeafKey)
	ctx := clientContext(t, s, "tlsv12", true)
	must(t, ctx.SetALPN([]string{"tlsport/1"}, false, ""))
	c := dialContext(t, ctx, srv.Addr, "localhost")
	bg := context.Background()
	if _, err := c.WriteString(bg, "ping\n"); err != nil {
		t.Fatalf("write: %v (python stderr %s)", err, srv.Stderr())
	}
	line, err := c.ReadLine(bg)
	if err != nil {
		t.Fatalf("read: %v (python stderr %s)", err, srv.Stderr())
	}
	if want := "python got ping from client over TLSv1.3 alpn tlsport/1"; line != want {
		t.Errorf("reply %q, want %q", line, want)
	}
	if c.ALPN() != "tlsport/1" || keyAlg(t, c) != "rsa" || !c.VerifyResult().OK() {
		t.Errorf("alpn %q verify %+v", c.ALPN(), c.VerifyResult())
	}
	// Python closes with close_notify: a clean EOF.
	if _, err := c.ReadLine(bg); !errors.Is(err, io.EOF) {
		t.Errorf("after python's close: %v, want io.EOF", err)
	}
}
