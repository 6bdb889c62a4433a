// Tests of the one-call entry points: secure defaults, net.Conn and net.Listener behaviour, STARTTLS, bounded handshakes.

package tlsport_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/tlsport/tlsport"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/ports"
)

// serverContext returns a server context presenting c (with its chain).
func serverContext(t testing.TB, c *certgen.Cert) *tlsctx.Context {
	t.Helper()
	s, err := tlsctx.New(tlsctx.Server, "tls")
	if err != nil {
		t.Fatal(err)
	}
	var chain []*x509.Certificate
	for _, x := range c.Chain() {
		chain = append(chain, x.Cert)
	}
	if err := s.SetCertificate(chain, c.Key); err != nil {
		t.Fatal(err)
	}
	return s
}

// clientContext returns a client context with default settings that trusts ca.
func clientContext(t testing.TB, ca *certgen.Cert) *tlsctx.Context {
	t.Helper()
	c, err := tlsctx.New(tlsctx.Client, "tls")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddTrustAnchors([]*x509.Certificate{ca.Cert}); err != nil {
		t.Fatal(err)
	}
	return c
}

// serve accepts connections on a tlsport listener for sctx until the test
// ends; each connection runs handle (nil: handshake, then close). It
// returns the port.
func serve(t *testing.T, sctx *tlsctx.Context, handle func(c net.Conn)) int {
	t.Helper()
	ln, err := tlsport.Listen("tcp", "127.0.0.1:0", sctx)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(10 * time.Second))
				if handle != nil {
					handle(c)
					return
				}
				_ = c.(*ports.Conn).Handshake(context.Background())
			}()
		}
	}()
	return ln.Port()
}

// TestSecureByDefault makes a client every way the Go API offers, with
// default arguments apart from the trust anchor, and checks that each one
// rejects a certificate for another host, an expired one and one from an
// untrusted issuer with the typed verification condition, and accepts the
// good one.
func TestSecureByDefault(t *testing.T) {
	s := certgen.MustSet(t)
	ctx := context.Background()
	dialRaw := func(t *testing.T, port int) net.Conn {
		raw, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	handshake := func(c *ports.Conn, err error) error {
		if err != nil {
			return err
		}
		defer c.Close()
		return c.Handshake(ctx)
	}
	ways := []struct {
		name   string
		system bool // trusts only the system store: even the good certificate is untrusted
		dial   func(t *testing.T, port int) error
	}{
		{"tlsport.Dial", false, func(t *testing.T, port int) error {
			return handshake(tlsport.Dial("tcp", "localhost:"+strconv.Itoa(port), clientContext(t, s.CA)))
		}},
		{"tlsport.DialContext", false, func(t *testing.T, port int) error {
			return handshake(tlsport.DialContext(ctx, nil, "tcp", "localhost:"+strconv.Itoa(port), clientContext(t, s.CA)))
		}},
		{"tlsport.Dialer", false, func(t *testing.T, port int) error {
			d := &tlsport.Dialer{Context: clientContext(t, s.CA)}
			c, err := d.DialContext(ctx, "tcp", "localhost:"+strconv.Itoa(port))
			if err == nil {
				c.Close()
			}
			return err
		}},
		{"tlsport.Client", false, func(t *testing.T, port int) error {
			return handshake(tlsport.Client(dialRaw(t, port), clientContext(t, s.CA), "localhost"))
		}},
		{"ports.Client", false, func(t *testing.T, port int) error {
			cc, err := clientContext(t, s.CA).ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
			if err != nil {
				return err
			}
			return handshake(ports.Client(dialRaw(t, port), cc, ports.Options{}), nil)
		}},
		{"tlsctx.SecureClient", true, func(t *testing.T, port int) error {
			c, err := tlsctx.SecureClient()
			if err != nil {
				return err
			}
			cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
			if err != nil {
				return err
			}
			return handshake(ports.Client(dialRaw(t, port), cc, ports.Options{}), nil)
		}},
		{"tlsport.Dial, nil context", true, func(t *testing.T, port int) error {
			return handshake(tlsport.Dial("tcp", "localhost:"+strconv.Itoa(port), nil))
		}},
	}
	certs := []struct {
		name string
		cert *certgen.Cert
		code int
	}{
		{"good", s.Leaf, 0},
		{"wrong host", s.WrongHost, conditions.VerifyHostnameMismatch},
		{"expired", s.Expired, conditions.VerifyCertHasExpired},
		{"untrusted", s.Unknown, conditions.VerifyUnableToGetLocalIssuer},
	}
	for _, cr := range certs {
		port := serve(t, serverContext(t, cr.cert), nil)
		for _, w := range ways {
			t.Run(w.name+"/"+cr.name, func(t *testing.T) {
				err := w.dial(t, port)
				want := cr.code
				if w.system && want == 0 {
					want = conditions.VerifyUnableToGetLocalIssuer // our CA is not in the system store
				}
				if want == 0 {
					if err != nil {
						t.Fatalf("good certificate rejected: %v", err)
					}
					return
				}
				var ce *conditions.Error
				if !errors.As(err, &ce) {
					t.Fatalf("got %v (%T), want a *conditions.Error", err, err)
				}
				if ce.Status != conditions.SSL || ce.VerifyCode != conditions.Some(want) || !ce.IsOpenSSL() {
					t.Errorf("status %v, verify code %v (%s), want status ssl, code %d", ce.Status, ce.VerifyCode, ce.VerifyError, want)
				}
			})
		}
	}
}

// TestInsecureIsExplicit checks the loud opt-outs: skipping verification
// accepts an untrusted certificate, skipping the host name accepts a
// trusted certificate for another host but still rejects an untrusted one.
func TestInsecureIsExplicit(t *testing.T) {
	s := certgen.MustSet(t)
	rows := []struct {
		name   string
		cert   *certgen.Cert
		config func(c *tlsctx.Context) error
		code   int
	}{
		{"skip verify, untrusted", s.Unknown, func(c *tlsctx.Context) error { return c.SetInsecureSkipVerify(true) }, 0},
		{"skip verify, wrong host", s.WrongHost, func(c *tlsctx.Context) error { return c.SetInsecureSkipVerify(true) }, 0},
		{"skip hostname, wrong host", s.WrongHost, func(c *tlsctx.Context) error { return c.SetInsecureSkipHostname(true) }, 0},
		{"skip hostname, untrusted", s.Unknown, func(c *tlsctx.Context) error { return c.SetInsecureSkipHostname(true) }, conditions.VerifyUnableToGetLocalIssuer},
		{"skip then restore", s.WrongHost, func(c *tlsctx.Context) error {
			c.SetInsecureSkipVerify(true)
			return c.SetInsecureSkipVerify(false)
		}, conditions.VerifyHostnameMismatch},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			port := serve(t, serverContext(t, r.cert), nil)
			cctx := clientContext(t, s.CA)
			if err := r.config(cctx); err != nil {
				t.Fatal(err)
			}
			c, err := tlsport.Dial("tcp", "localhost:"+strconv.Itoa(port), cctx)
			if r.code == 0 {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				defer c.Close()
				// The engine still records the outcome: a failure when
				// everything was skipped, success when only the host
				// name was.
				if res := c.VerifyResult(); res.OK() != (r.cert == s.WrongHost && r.name == "skip hostname, wrong host") {
					t.Errorf("verification result OK = %v (%s)", res.OK(), res.Message)
				}
				return
			}
			var ce *conditions.Error
			if !errors.As(err, &ce) || ce.VerifyCode != conditions.Some(r.code) {
				t.Fatalf("got %v, want verify code %d", err, r.code)
			}
		})
	}
}

// TestNoNameNoConnection: a default client given no server name has
// nothing to check the certificate against and refuses, as crypto/tls does.
func TestNoNameNoConnection(t *testing.T) {
	s := certgen.MustSet(t)
	port := serve(t, serverContext(t, s.Leaf), nil)
	raw, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		t.Fatal(err)
	}
	c, err := tlsport.Client(raw, clientContext(t, s.CA), "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.Handshake(context.Background())
	var ce *conditions.Error
	if !errors.As(err, &ce) || ce.VerifyCode != conditions.Some(conditions.VerifyHostnameMismatch) {
		t.Fatalf("got %v, want a hostname-mismatch condition", err)
	}
}

// TestIOCopy copies 1 MiB through an echo server in both directions with
// io.Copy, using CloseWrite to end each direction.
func TestIOCopy(t *testing.T) {
	s := certgen.MustSet(t)
	port := serve(t, serverContext(t, s.Leaf), func(c net.Conn) {
		if _, err := io.Copy(c, c); err != nil {
			t.Errorf("server copy: %v", err)
		}
		if err := c.(interface{ CloseWrite() error }).CloseWrite(); err != nil {
			t.Errorf("server CloseWrite: %v", err)
		}
	})
	c, err := tlsport.Dial("tcp", "localhost:"+strconv.Itoa(port), clientContext(t, s.CA))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	data := make([]byte, 1<<20)
	rand.Read(data)
	errc := make(chan error, 1)
	go func() {
		_, err := io.Copy(c, bytes.NewReader(data))
		if err == nil {
			err = c.CloseWrite()
		}
		errc <- err
	}()
	var got bytes.Buffer
	if _, err := io.Copy(&got, c); err != nil {
		t.Fatalf("client copy: %v", err)
	}
	if err := <-errc; err != nil {
		t.Fatalf("client send: %v", err)
	}
	if !bytes.Equal(got.Bytes(), data) {
		t.Fatalf("echoed %d bytes, not the %d sent", got.Len(), len(data))
	}
}

// TestHTTP serves net/http on a tlsport listener and fetches from it with
// an http.Client whose transport dials through tlsport, over several
// requests on kept-alive connections (http.Server's background reads use
// SetReadDeadline to be interrupted between requests).
func TestHTTP(t *testing.T) {
	s := certgen.MustSet(t)
	ln, err := tlsport.Listen("tcp", "127.0.0.1:0", serverContext(t, s.Leaf))
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			fmt.Fprintf(w, "%s %s %d", r.Method, r.URL.Path, len(body))
		}),
		ReadTimeout: 10 * time.Second,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve returned %v", err)
		}
	}()
	dialer := &tlsport.Dialer{Context: clientContext(t, s.CA)}
	tr := &http.Transport{DialTLSContext: dialer.DialContext}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	base := "https://localhost:" + strconv.Itoa(ln.Port())
	for i, path := range []string{"/a", "/b", "/c"} {
		var resp *http.Response
		var err error
		if i == 1 {
			resp, err = client.Post(base+path, "text/plain", bytes.NewReader(make([]byte, 100000)))
		} else {
			resp, err = client.Get(base + path)
		}
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := "GET " + path + " 0"
		if i == 1 {
			want = "POST /b 100000"
		}
		if string(body) != want {
			t.Errorf("request %d: body %q, want %q", i, body, want)
		}
	}
	// A server whose certificate is for another host is refused by the
	// same transport.
	bad := serve(t, serverContext(t, s.WrongHost), nil)
	_, err = client.Get("https://localhost:" + strconv.Itoa(bad) + "/")
	var ce *conditions.Error
	if !errors.As(err, &ce) || ce.VerifyCode != conditions.Some(conditions.VerifyHostnameMismatch) {
		t.Errorf("wrong host: got %v, want a hostname-mismatch condition", err)
	}
}

// TestSTARTTLS upgrades a plaintext SMTP conversation as net/smtp does:
// EHLO, STARTTLS, 220, then TLS over the same net.Conn and a new EHLO.
func TestSTARTTLS(t *testing.T) {
	s := certgen.MustSet(t)
	sctx := serverContext(t, s.Leaf)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	srvErr := make(chan error, 1)
	go func() {
		srvErr <- func() error {
			raw, err := ln.Accept()
			if err != nil {
				return err
			}
			defer raw.Close()
			raw.SetDeadline(time.Now().Add(10 * time.Second))
			tp := textproto.NewConn(raw)
			tp.PrintfLine("220 localhost ESMTP test")
			if l, _ := tp.ReadLine(); l != "EHLO client" {
				return fmt.Errorf("got %q, want EHLO", l)
			}
			tp.PrintfLine("250-localhost\r\n250 STARTTLS")
			if l, _ := tp.ReadLine(); l != "STARTTLS" {
				return fmt.Errorf("got %q, want STARTTLS", l)
			}
			tp.PrintfLine("220 go ahead")
			tc, err := tlsport.Server(raw, sctx)
			if err != nil {
				return err
			}
			tp = textproto.NewConn(tc)
			if l, err := tp.ReadLine(); l != "EHLO client" {
				return fmt.Errorf("after STARTTLS got %q, %v", l, err)
			}
			tp.PrintfLine("250 localhost secure")
			if l, _ := tp.ReadLine(); l != "QUIT" {
				return fmt.Errorf("got %q, want QUIT", l)
			}
			tp.PrintfLine("221 bye")
			return tc.Close()
		}()
	}()
	raw, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	tp := textproto.NewConn(raw)
	if _, _, err := tp.ReadResponse(220); err != nil {
		t.Fatal(err)
	}
	msg, err := smtpCmd(tp, 250, "EHLO client")
	if err != nil || msg != "localhost\nSTARTTLS" {
		t.Fatalf("EHLO: %q %v", msg, err)
	}
	if _, err := smtpCmd(tp, 220, "STARTTLS"); err != nil {
		t.Fatal(err)
	}
	tc, err := tlsport.Client(raw, clientContext(t, s.CA), "localhost")
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	tp = textproto.NewConn(tc)
	msg, err = smtpCmd(tp, 250, "EHLO client")
	if err != nil || msg != "localhost secure" {
		t.Fatalf("EHLO over TLS: %q %v", msg, err)
	}
	if st := tc.ConnectionState(); !st.HandshakeComplete || st.ServerName != "localhost" || !tc.VerifyResult().OK() {
		t.Errorf("state after STARTTLS: complete %v, SNI %q, verified %v", st.HandshakeComplete, st.ServerName, tc.VerifyResult().OK())
	}
	if _, err := smtpCmd(tp, 221, "QUIT"); err != nil {
		t.Fatal(err)
	}
	if err := <-srvErr; err != nil {
		t.Fatalf("server: %v", err)
	}
}

// smtpCmd sends one command line and reads its reply, which must have
// code expect; it returns the reply text.
func smtpCmd(tp *textproto.Conn, expect int, line string) (string, error) {
	id, err := tp.Cmd("%s", line)
	if err != nil {
		return "", err
	}
	tp.StartResponse(id)
	defer tp.EndResponse(id)
	_, msg, err := tp.ReadResponse(expect)
	return msg, err
}

// TestDeadlines checks the net.Conn deadline semantics: an expired read
// or write deadline gives a net.Error timeout wrapping
// os.ErrDeadlineExceeded and leaves the connection usable; a past
// deadline interrupts a blocked read.
func TestDeadlines(t *testing.T) {
	s := certgen.MustSet(t)
	release, finished := make(chan struct{}), make(chan struct{})
	got := make(chan string, 1)
	port := serve(t, serverContext(t, s.Leaf), func(c net.Conn) {
		c.(*ports.Conn).Handshake(context.Background())
		select {
		case <-release:
			c.Write([]byte("late"))
			b, _ := io.ReadAll(c)
			got <- string(b)
		case <-finished:
		}
	})
	defer close(finished)
	c, err := tlsport.Dial("tcp", "localhost:"+strconv.Itoa(port), clientContext(t, s.CA))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	start := time.Now()
	_, err = c.Read(make([]byte, 10))
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read past deadline: %v, want a timeout net.Error wrapping os.ErrDeadlineExceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("deadline honoured after %v", d)
	}
	// The context-taking methods honour the deadline too.
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	if _, err := c.ReadLine(context.Background()); !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("ReadLine past deadline: %v, want a timeout", err)
	}
	// A blocked read is interrupted by moving the deadline to the past.
	c.SetReadDeadline(time.Time{})
	errc := make(chan error, 1)
	go func() { _, err := c.Read(make([]byte, 10)); errc <- err }()
	time.Sleep(50 * time.Millisecond)
	c.SetReadDeadline(time.Now().Add(-time.Second))
	select {
	case err := <-errc:
		if !errors.As(err, &ne) || !ne.Timeout() {
			t.Fatalf("interrupted read: %v, want a timeout", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a past deadline did not interrupt a blocked read")
	}
	// Still usable once the deadline is cleared.
	c.SetReadDeadline(time.Time{})
	close(release)
	buf := make([]byte, 10)
	n, err := io.ReadFull(c, buf[:4])
	if err != nil || string(buf[:n]) != "late" {
		t.Fatalf("read after timeouts: %q %v", buf[:n], err)
	}
	// An expired write deadline fails the write with a timeout; unlike
	// crypto/tls's, the connection stays writable: the record the write
	// had begun (its byte handed to TLS: n is 1) goes first once the
	// deadline is cleared.
	c.SetWriteDeadline(time.Now().Add(-time.Second))
	if n, err := c.Write([]byte("x")); n != 1 || !errors.As(err, &ne) || !ne.Timeout() || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("write past deadline: %d, %v; want 1 and a timeout", n, err)
	}
	c.SetWriteDeadline(time.Time{})
	if _, err := c.Write([]byte("y")); err != nil {
		t.Errorf("write after a write timeout: %v", err)
	}
	c.Close()
	if s := <-got; s != "xy" {
		t.Errorf("the peer got %q, want \"xy\"", s)
	}
}

// TestSilentPeer: a peer that accepts TCP and never speaks (or connects
// and never sends a ClientHello) cannot hold a handshake beyond its
// limit, over real TCP, on either side.
func TestSilentPeer(t *testing.T) {
	s := certgen.MustSet(t)
	const limit = 200 * time.Millisecond
	t.Run("client", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			c, err := ln.Accept()
			if err == nil {
				defer c.Close()
				io.Copy(io.Discard, c) // reads the ClientHello, never answers
			}
		}()
		d := &tlsport.Dialer{Context: clientContext(t, s.CA), Options: ports.Options{HandshakeTimeout: limit}}
		start := time.Now()
		_, err = d.Dial("tcp", ln.Addr().String())
		checkHandshakeTimeout(t, err, limit, time.Since(start))
	})
	t.Run("server", func(t *testing.T) {
		ln, err := tlsport.Listen("tcp", "127.0.0.1:0", serverContext(t, s.Leaf))
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ln.Options.HandshakeTimeout = limit
		raw, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close() // connected, silent
		c, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		start := time.Now()
		_, err = c.Read(make([]byte, 1))
		checkHandshakeTimeout(t, err, limit, time.Since(start))
	})
}

func checkHandshakeTimeout(t *testing.T, err error, limit, took time.Duration) {
	t.Helper()
	var ce *conditions.Error
	if !errors.As(err, &ce) || !ce.HasKind(conditions.KindTimeout) || ce.Function != string(conditions.OpHandshake) {
		t.Fatalf("got %v, want a handshake timeout condition", err)
	}
	if ce.TimeoutMS != conditions.Millis(limit) {
		t.Errorf("timeout.ms %v, want %d", ce.TimeoutMS, limit/time.Millisecond)
	}
	if took < limit || took > limit+5*time.Second {
		t.Errorf("gave up after %v, limit %v", took, limit)
	}
}

// TestDefaultHandshakeTimeout runs a handshake against a silent peer with
// default options, in a synctest bubble (fake clock): it fails after
// exactly ports.DefaultHandshakeTimeout on either side; with NoTimeout it
// is still waiting long after that.
func TestDefaultHandshakeTimeout(t *testing.T) {
	s := certgen.MustSet(t)
	cctx, sctx := clientContext(t, s.CA), serverContext(t, s.Leaf)
	start := func(a net.Conn, server bool, o ports.Options) *ports.Conn {
		ctx, p := cctx, tlsctx.ConnParams{ServerName: "localhost"}
		if server {
			ctx, p = sctx, tlsctx.ConnParams{}
		}
		cc, err := ctx.ConnConfig(p)
		if err != nil {
			t.Fatal(err)
		}
		if server {
			return ports.Server(a, cc, o)
		}
		return ports.Client(a, cc, o)
	}
	for _, server := range []bool{false, true} {
		t.Run(map[bool]string{false: "client", true: "server"}[server], func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				a, b := net.Pipe()
				defer b.Close()
				go io.Copy(io.Discard, b) // the silent peer reads, never writes
				c := start(a, server, ports.Options{})
				defer c.Close()
				t0 := time.Now()
				err := c.Handshake(context.Background())
				checkHandshakeTimeout(t, err, ports.DefaultHandshakeTimeout, time.Since(t0))
				if time.Since(t0) != ports.DefaultHandshakeTimeout {
					t.Errorf("gave up after %v of fake time, want exactly %v", time.Since(t0), ports.DefaultHandshakeTimeout)
				}
			})
			synctest.Test(t, func(t *testing.T) {
				a, b := net.Pipe()
				go io.Copy(io.Discard, b)
				c := start(a, server, ports.Options{HandshakeTimeout: ports.NoTimeout})
				done := make(chan error, 1)
				go func() { done <- c.Handshake(context.Background()) }()
				time.Sleep(10 * ports.DefaultHandshakeTimeout)
				synctest.Wait()
				select {
				case err := <-done:
					t.Fatalf("NoTimeout handshake ended: %v", err)
				default:
				}
				c.Close()
				b.Close()
				if err := <-done; err == nil {
					t.Error("handshake succeeded with a silent peer")
				}
			})
		})
	}
}
