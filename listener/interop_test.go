// Interop of the listener with real clients over loopback: curl, gnutls-cli and python3 ssl, via internal/testpeer.

package listener

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/ports"
)

// fileListener listens on 127.0.0.1:0 with a server context loading the
// leaf certificate and key files of s, offering ALPN alpn (may be nil).
func fileListener(t *testing.T, s *certgen.Set, alpn []string) *Listener {
	t.Helper()
	ctx, err := tlsctx.New(tlsctx.Server, "tlsv12")
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		ctx.LoadCertificateChain(s.Files.LeafCert, false),
		ctx.LoadPrivateKey(s.Files.LeafKey, tlsctx.KeyAny, false),
		ctx.SetALPN(alpn, true, ""),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	l, err := Listen("127.0.0.1", 0, 8, ctx)
	if err != nil {
		t.Fatal(err)
	}
	l.Options = ports.Options{HandshakeTimeout: 10 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, ShutdownTimeout: 2 * time.Second}
	t.Cleanup(func() { l.Close() })
	return l
}

// acceptOne accepts a connection (10 s limit) and completes its handshake.
func acceptOne(t *testing.T, l *Listener, peer *testpeer.Peer) *ports.Conn {
	t.Helper()
	ctx := context.Background()
	c, err := l.AcceptContext(ctx, 10*time.Second)
	if err != nil {
		t.Fatalf("accept: %v (peer stderr %s)", err, peer.Stderr())
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Handshake(ctx); err != nil {
		t.Fatalf("handshake: %v (peer stderr %s)", err, peer.Stderr())
	}
	return c
}

func TestCurlAgainstListener(t *testing.T) {
	s := certgen.MustSet(t)
	l := fileListener(t, s, []string{"http/1.1"})
	port := strconv.Itoa(l.Port())
	cl := testpeer.Curl(t, "-sS", "--max-time", "20", "--cacert", s.Files.CACert,
		"--resolve", "localhost:"+port+":127.0.0.1", "https://localhost:"+port+"/hello")
	c := acceptOne(t, l, cl)
	ctx := context.Background()
	req, err := c.ReadLine(ctx)
	if err != nil || req != "GET /hello HTTP/1.1" {
		t.Fatalf("request line %q, %v", req, err)
	}
	for {
		h, err := c.ReadLine(ctx)
		if err != nil {
			t.Fatalf("headers: %v", err)
		}
		if h == "" {
			break
		}
	}
	body := "hello from tlsport\n"
	resp := "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body
	if _, err := c.WriteString(ctx, resp); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(cl.Stdout)
	if err := cl.Wait(); err != nil {
		t.Fatalf("curl: %v; stderr %s", err, cl.Stderr())
	}
	if string(out) != body {
		t.Fatalf("curl printed %q, want %q", out, body)
	}
	if st := c.ConnectionState(); st.ServerName != "localhost" || st.NegotiatedProtocol != "http/1.1" {
		t.Errorf("SNI %q ALPN %q", st.ServerName, st.NegotiatedProtocol)
	}
}

func TestGnuTLSAgainstListener(t *testing.T) {
	s := certgen.MustSet(t)
	l := fileListener(t, s, nil)
	cl := testpeer.GnuTLSClient(t, "-p", strconv.Itoa(l.Port()), "--x509cafile", s.Files.CACert,
		"--sni-hostname", "localhost", "127.0.0.1")
	c := acceptOne(t, l, cl)
	ctx := context.Background()
	cl.Stdin.Write([]byte("hello from gnutls\n"))
	if line, err := c.ReadLine(ctx); err != nil || line != "hello from gnutls" {
		t.Fatalf("read %q, %v (gnutls-cli stderr %s)", line, err, cl.Stderr())
	}
	if _, err := c.WriteString(ctx, "hello gnutls, from tlsport\n"); err != nil {
		t.Fatal(err)
	}
	cl.ReadUntil(t, "hello gnutls, from tlsport", 10*time.Second)
	if st := c.ConnectionState(); st.ServerName != "localhost" || st.Version != 0x0304 {
		t.Errorf("SNI %q version %#x", st.ServerName, st.Version)
	}
	cl.Stdin.Close() // gnutls-cli sends close_notify and exits
	if _, err := c.ReadString(ctx, -1); err != nil && !errors.Is(err, io.EOF) {
		t.Errorf("after gnutls-cli's close: %v", err)
	}
	if !c.CloseNotifyReceived() {
		t.Error("gnutls-cli's close_notify not seen")
	}
}

// pythonClient connects with python3's ssl (verifying against the CA and
// the name localhost), sends one line and prints the reply and version.
const pythonClient = `
import socket, ssl, sys
port, ca = int(sys.argv[1]), sys.argv[2]
ctx = ssl.create_default_context(cafile=ca)
ctx.set_alpn_protocols(["tlsport/1", "http/1.1"])
with socket.create_connection(("127.0.0.1", port), timeout=30) as raw:
    with ctx.wrap_socket(raw, server_hostname="localhost") as t:
        t.sendall(b"hello from python\n")
        reply = t.makefile("rb").readline().decode().strip()
        print("%s|%s|%s" % (reply, t.version(), t.selected_alpn_protocol()), flush=True)
`

func TestPythonClientAgainstListener(t *testing.T) {
	s := certgen.MustSet(t)
	l := fileListener(t, s, []string{"tlsport/1"})
	cl := testpeer.Python(t, pythonClient, strconv.Itoa(l.Port()), s.Files.CACert)
	c := acceptOne(t, l, cl)
	ctx := context.Background()
	if line, err := c.ReadLine(ctx); err != nil || line != "hello from python" {
		t.Fatalf("read %q, %v (python stderr %s)", line, err, cl.Stderr())
	}
	if _, err := c.WriteString(ctx, "hello python\n"); err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(cl.ReadUntil(t, "|", 10*time.Second))
	if want := "hello python|TLSv1.3|tlsport/1"; got != want {
		t.Errorf("python printed %q, want %q", got, want)
	}
	if err := cl.Wait(); err != nil {
		t.Fatalf("python: %v; stderr %s", err, cl.Stderr())
	}
	if st := c.ConnectionState(); st.ServerName != "localhost" || st.NegotiatedProtocol != "tlsport/1" {
		t.Errorf("SNI %q ALPN %q", st.ServerName, st.NegotiatedProtocol)
	}
}
