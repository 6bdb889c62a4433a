// Tests for Classify: one row per step of spec §2.2, each with an error
// provoked in-process over loopback TCP where possible.

package conditions_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/loopback"
)

// handshake runs a TLS handshake over loopback and returns both errors.
func handshake(t *testing.T, ccfg, scfg *tls.Config) (cerr, serr error, cc, sc *tls.Conn) {
	t.Helper()
	c, s := loopback.Pair(t)
	cc, sc = tls.Client(c, ccfg), tls.Server(s, scfg)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		serr = sc.HandshakeContext(ctx)
		if serr != nil {
			sc.Close()
		}
	}()
	cerr = cc.HandshakeContext(ctx)
	if cerr != nil {
		cc.Close()
	}
	wg.Wait()
	return cerr, serr, cc, sc
}

// rawServer runs f on the server end of a TCP pair after reading the
// client's first flight; it returns the client's handshake error.
func rawServer(t *testing.T, ccfg *tls.Config, f func(s *net.TCPConn)) error {
	t.Helper()
	c, s := loopback.Pair(t)
	go func() {
		buf := make([]byte, 4096)
		s.SetReadDeadline(time.Now().Add(5 * time.Second))
		s.Read(buf)
		f(s)
	}()
	cc := tls.Client(c, ccfg)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return cc.HandshakeContext(ctx)
}

type want struct {
	nilResult bool
	status    conditions.Status
	kinds     []string
	alert     int
	origin    string
	verify    int
	depth     int
	errno     string
	eof       bool
	retry     bool
	cause     any
	msg       string // substring of Message
	header    bool
	ech       bool
}

func check(t *testing.T, e *conditions.Error, w want) {
	t.Helper()
	if w.nilResult {
		if e != nil {
			t.Fatalf("Classify = %v, want nil", e)
		}
		return
	}
	if e == nil {
		t.Fatal("Classify = nil")
	}
	if e.Status != w.status {
		t.Errorf("status = %q, want %q (%s)", e.Status, w.status, e.Message)
	}
	kinds := w.kinds
	if kinds == nil {
		kinds = []string{"exn", "i/o", "net", "openssl"}
	}
	if strings.Join(e.Kinds, " ") != strings.Join(kinds, " ") {
		t.Errorf("kinds = %v, want %v", e.Kinds, kinds)
	}
	if w.alert != 0 && (e.Alert != conditions.Some(w.alert) || e.AlertOrigin != w.origin) {
		t.Errorf("alert = %v %q, want %d %q", e.Alert, e.AlertOrigin, w.alert, w.origin)
	}
	if w.verify != 0 && (e.VerifyCode != conditions.Some(w.verify) || e.Depth != conditions.Some(w.depth)) {
		t.Errorf("verify = %v depth %v, want %d depth %d (%s)", e.VerifyCode, e.Depth, w.verify, w.depth, e.Reason)
	}
	if w.verify != 0 && e.VerifyError == "" {
		t.Error("verify-error symbol empty")
	}
	if e.ErrnoName != w.errno {
		t.Errorf("errno-name = %q, want %q", e.ErrnoName, w.errno)
	}
	if e.EOF != w.eof || e.Retry != w.retry {
		t.Errorf("eof/retry = %v/%v, want %v/%v", e.EOF, e.Retry, w.eof, w.retry)
	}
	if w.cause != nil && e.CallbackCause != w.cause {
		t.Errorf("cause = %v, want %v", e.CallbackCause, w.cause)
	}
	if !strings.Contains(e.Message, w.msg) {
		t.Errorf("message %q does not contain %q", e.Message, w.msg)
	}
	if w.header && len(e.RecordHeader) != 5 {
		t.Errorf("record-header = %x", e.RecordHeader)
	}
	if w.ech && e.ECHRetryConfigs == nil {
		t.Error("ech-retry-configs missing")
	}
}

func TestClassify(t *testing.T) {
	s := certgen.MustSet(t)
	srv := func(c *certgen.Cert) *tls.Config {
		return &tls.Config{Certificates: []tls.Certificate{c.TLSCertificate()}}
	}
	cli := func(name string) *tls.Config {
		return &tls.Config{RootCAs: s.CA.Pool(), ServerName: name}
	}
	established := func(t *testing.T) (*tls.Conn, *tls.Conn) {
		cerr, serr, cc, sc := handshake(t, cli("localhost"), srv(s.Leaf))
		if cerr != nil || serr != nil {
			t.Fatalf("handshake: %v / %v", cerr, serr)
		}
		return cc, sc
	}
	verifyRow := func(c *certgen.Cert, name string) func(t *testing.T) error {
		return func(t *testing.T) error {
			cerr, _, _, _ := handshake(t, cli(name), srv(c))
			return cerr
		}
	}
	rows := []struct {
		name string
		op   conditions.Op
		st   conditions.State
		err  func(t *testing.T) error
		want want
	}{
		// Step 1: engine-level states pass through.
		{"1/closed", conditions.OpRead, conditions.State{}, func(*testing.T) error { return conditions.Closed() },
			want{kinds: []string{"exn"}, msg: "SSL socket already closed"}},
		{"1/want-read wrapped", conditions.OpRead, conditions.State{}, func(*testing.T) error {
			return fmt.Errorf("poll: %w", conditions.Want(conditions.WantRead, conditions.OpRead))
		}, want{status: conditions.WantRead, retry: true, msg: "want-read: "}},
		{"1/unsupported", conditions.OpConfig, conditions.State{}, func(*testing.T) error {
			return conditions.Unsupported("SSLv3 is not supported by Go crypto/tls")
		}, want{kinds: []string{"exn", "i/o", "net", "openssl", "unsupported"}, msg: "error: library=tlsport"}},
		// Step 2: timeouts.
		{"2/read deadline", conditions.OpRead, conditions.State{TimeoutMS: conditions.Some(20)}, func(t *testing.T) error {
			cc, _ := established(t)
			cc.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
			_, err := cc.Read(make([]byte, 10))
			return err
		}, want{kinds: []string{"exn", "i/o", "net", "timeout"}, msg: "SSL read timed out"}},
		{"2/handshake context deadline", conditions.OpHandshake, conditions.State{TimeoutMS: conditions.Some(30)}, func(t *testing.T) error {
			c, _ := loopback.Pair(t) // the server never answers
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
			defer cancel()
			return tls.Client(c, cli("localhost")).HandshakeContext(ctx)
		}, want{kinds: []string{"exn", "i/o", "net", "timeout"}, msg: "SSL handshake operation timed out"}},
		// Step 3: io.EOF.
		{"3/read after close_notify", conditions.OpRead, conditions.State{}, func(t *testing.T) error {
			cc, sc := established(t)
			sc.Close()
			_, err := cc.Read(make([]byte, 10))
			return err
		}, want{nilResult: true}},
		{"3/ragged read suppressed", conditions.OpRead, conditions.State{RawEOFSeen: true, SuppressRaggedEOFs: true}, func(t *testing.T) error {
			cc, sc := established(t)
			sc.NetConn().Close()
			_, err := cc.Read(make([]byte, 10))
			return err
		}, want{nilResult: true}},
		{"3/ragged read not suppressed", conditions.OpRead, conditions.State{RawEOFSeen: true}, func(t *testing.T) error {
			cc, sc := established(t)
			sc.NetConn().Close()
			_, err := cc.Read(make([]byte, 10))
			return err
		}, want{status: conditions.Syscall, eof: true, msg: "unexpected eof while reading"}},
		{"3/close_notify during handshake", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			return rawServer(t, cli("localhost"), func(s *net.TCPConn) {
				s.Write([]byte{0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00})
			})
		}, want{status: conditions.ZeroReturn, msg: "zero-return: "}},
		{"3/tcp close during handshake", conditions.OpHandshake, conditions.State{RawEOFSeen: true}, func(t *testing.T) error {
			return rawServer(t, cli("localhost"), func(s *net.TCPConn) { s.Close() })
		}, want{status: conditions.Syscall, eof: true}},
		// Step 4: EOF inside a record.
		{"4/eof inside record", conditions.OpHandshake, conditions.State{RawEOFSeen: true}, func(t *testing.T) error {
			return rawServer(t, cli("localhost"), func(s *net.TCPConn) {
				s.Write([]byte{0x16, 0x03, 0x03, 0x00, 0x50, 0x02, 0x00})
				s.Close()
			})
		}, want{status: conditions.Syscall, eof: true}},
		// Step 5: callback failure.
		{"5/verify callback raised", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c := cli("localhost")
			c.VerifyConnection = func(tls.ConnectionState) error {
				return &conditions.CallbackError{Cause: "boom", Verify: true, Depth: conditions.Some(0), Name: "verify callback"}
			}
			cerr, _, _, _ := handshake(t, c, srv(s.Leaf))
			return cerr
		}, want{status: conditions.SSL, verify: 50, cause: "boom", alert: 42, origin: "local"}},
		// Step 6: ECH rejection (hand-built: needs an ECH-capable setup).
		{"6/ech rejected", conditions.OpHandshake, conditions.State{}, func(*testing.T) error {
			return &tls.ECHRejectionError{RetryConfigList: []byte{0, 1}}
		}, want{status: conditions.SSL, ech: true}},
		// Step 7: verification.
		{"7/unknown CA", conditions.OpHandshake, conditions.State{}, verifyRow(s.Unknown, "localhost"),
			want{status: conditions.SSL, verify: 20, alert: 42, origin: "local"}},
		{"7/expired", conditions.OpHandshake, conditions.State{}, verifyRow(s.Expired, "localhost"),
			want{status: conditions.SSL, verify: 10}},
		{"7/not yet valid", conditions.OpHandshake, conditions.State{}, verifyRow(s.NotYetValid, "localhost"),
			want{status: conditions.SSL, verify: 9}},
		{"7/wrong host", conditions.OpHandshake, conditions.State{}, verifyRow(s.WrongHost, "localhost"),
			want{status: conditions.SSL, verify: 62}},
		{"7/ip mismatch", conditions.OpHandshake, conditions.State{}, verifyRow(s.Leaf, "10.1.2.3"),
			want{status: conditions.SSL, verify: 64}},
		{"7/self-signed", conditions.OpHandshake, conditions.State{}, verifyRow(s.SelfSigned, "localhost"),
			want{status: conditions.SSL, verify: 18}},
		{"7/engine VerifyError", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c := cli("localhost")
			c.VerifyConnection = func(cs tls.ConnectionState) error {
				return &conditions.VerifyError{Code: 66, Depth: 0, Cert: cs.PeerCertificates[0]}
			}
			cerr, _, _, _ := handshake(t, c, srv(s.Leaf))
			return cerr
		}, want{status: conditions.SSL, verify: 66}},
		// Step 8: peer not speaking TLS.
		{"8/plaintext to TLS server", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c, sr := loopback.Pair(t)
			go c.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return tls.Server(sr, srv(s.Leaf)).HandshakeContext(ctx)
		}, want{status: conditions.SSL, header: true, msg: "does not look like a TLS handshake"}},
		// Step 9: alerts.
		{"9/remote bad certificate", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			_, serr, _, _ := handshake(t, cli("localhost"), srv(s.Unknown))
			return serr
		}, want{status: conditions.SSL, alert: 42, origin: "remote", msg: "bad certificate"}},
		{"9/remote protocol version", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c := cli("localhost")
			c.MaxVersion = tls.VersionTLS12
			sc := srv(s.Leaf)
			sc.MinVersion = tls.VersionTLS13
			cerr, _, _, _ := handshake(t, c, sc)
			return cerr
		}, want{status: conditions.SSL, alert: 70, origin: "remote"}},
		{"9/local unexpected message", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			return rawServer(t, cli("localhost"), func(s *net.TCPConn) {
				s.Write([]byte{0x15, 0x03, 0x03, 0x00, 0x03, 0x02, 0x28, 0x00})
			})
		}, want{status: conditions.SSL, alert: 10, origin: "local"}},
		{"9/AlertError (QUIC style, hand-built)", conditions.OpHandshake, conditions.State{}, func(*testing.T) error {
			return tls.AlertError(120)
		}, want{status: conditions.SSL, alert: 120, origin: "local"}},
		// Step 10: errno.
		{"10/connection reset", conditions.OpRead, conditions.State{}, func(t *testing.T) error {
			return resetErr(t, established)
		}, want{status: conditions.Syscall, errno: "ECONNRESET"}},
		{"10/write after close_notify", conditions.OpWrite, conditions.State{CloseNotifyReceived: true}, func(t *testing.T) error {
			return resetErr(t, established)
		}, want{status: conditions.ZeroReturn}},
		// Step 11: closed underneath, aborted.
		{"11/closed underneath", conditions.OpRead, conditions.State{}, func(t *testing.T) error {
			cc, _ := established(t)
			cc.NetConn().Close()
			_, err := cc.Read(make([]byte, 1))
			return err
		}, want{status: conditions.Syscall, msg: "reason=connection closed"}},
		{"11/handshake aborted", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c, _ := loopback.Pair(t)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(20*time.Millisecond, cancel)
			return tls.Client(c, cli("localhost")).HandshakeContext(ctx)
		}, want{status: conditions.Syscall, msg: "reason=handshake aborted"}},
		{"11/write interrupted", conditions.OpWrite, conditions.State{}, func(t *testing.T) error {
			return context.Canceled // the write's context's error, which the engine classifies
		}, want{status: conditions.Syscall, msg: "reason=interrupted (cancelled by the user)"}},
		// Step 12: bare tls: strings.
		{"12/unsupported versions (server)", conditions.OpHandshake, conditions.State{}, func(t *testing.T) error {
			c := cli("localhost")
			c.MaxVersion = tls.VersionTLS12
			sc := srv(s.Leaf)
			sc.MinVersion = tls.VersionTLS13
			_, serr, _, _ := handshake(t, c, sc)
			return serr
		}, want{status: conditions.SSL, msg: "client offered only unsupported versions"}},
		{"12/protocol is shutdown", conditions.OpWrite, conditions.State{}, func(t *testing.T) error {
			cc, _ := established(t)
			cc.CloseWrite()
			_, err := cc.Write([]byte("x"))
			return err
		}, want{status: conditions.SSL, msg: "protocol is shutdown"}},
		// Step 13: anything else.
		{"13/file error", conditions.OpConfig, conditions.State{}, func(*testing.T) error {
			_, err := os.Open("/nonexistent/tlsport")
			return err
		}, want{msg: "error: library=tlsport, function=config, reason=open /nonexistent/tlsport"}},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err := r.err(t)
			if err == nil {
				t.Fatal("no error provoked")
			}
			e := conditions.Classify(r.op, err, r.st)
			check(t, e, r.want)
			if e != nil && e.HasKind(conditions.KindOpenSSL) && !errors.Is(e, err) && e.Err != nil {
				t.Errorf("condition does not unwrap to the Go error")
			}
		})
	}
}

// resetErr provokes ECONNRESET: the server aborts (RST) while the client reads.
func resetErr(t *testing.T, established func(*testing.T) (*tls.Conn, *tls.Conn)) error {
	cc, sc := established(t)
	raw := sc.NetConn().(*net.TCPConn)
	raw.SetLinger(0)
	// Unread data on the server side makes the kernel send RST on close.
	cc.Write([]byte("data the server never reads"))
	time.Sleep(20 * time.Millisecond)
	raw.Close()
	cc.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := cc.Read(make([]byte, 10))
	return err
}

func TestClassifyNil(t *testing.T) {
	if e := conditions.Classify(conditions.OpRead, nil, conditions.State{}); e != nil {
		t.Fatalf("Classify(nil) = %v", e)
	}
	// Plain io.EOF on read without raw EOF: clean close.
	if e := conditions.Classify(conditions.OpRead, io.EOF, conditions.State{}); e != nil {
		t.Fatalf("Classify(EOF) = %v", e)
	}
}

func TestVerifyFromX509(t *testing.T) {
	s := certgen.MustSet(t)
	verify := func(c *certgen.Cert, roots *x509.CertPool, name string, chain ...*x509.Certificate) (error, []*x509.Certificate) {
		inter := x509.NewCertPool()
		for _, x := range chain {
			inter.AddCert(x)
		}
		_, err := c.Cert.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, DNSName: name})
		return err, append([]*x509.Certificate{c.Cert}, chain...)
	}
	rows := []struct {
		name  string
		c     *certgen.Cert
		roots *x509.CertPool
		host  string
		chain []*x509.Certificate
		code  int
		depth int
		sym   string
	}{
		{"ok", s.Leaf, s.CA.Pool(), "localhost", nil, 0, 0, "ok"},
		{"self-signed alone", s.SelfSigned, s.CA.Pool(), "", nil, 18, 0, "depth-zero-self-signed-cert"},
		{"untrusted root in chain", s.ChainLeaf, s.OtherCA.Pool(), "", []*x509.Certificate{s.Intermediate.Cert, s.CA.Cert}, 19, 2, "self-signed-cert-in-chain"},
		{"missing issuer", s.ChainLeaf, s.CA.Pool(), "", nil, 20, 0, "unable-to-get-local-issuer-certificate"},
		{"expired", s.Expired, s.CA.Pool(), "", nil, 10, 0, "certificate-has-expired"},
		{"not yet valid", s.NotYetValid, s.CA.Pool(), "", nil, 9, 0, "certificate-not-yet-valid"},
		{"hostname", s.WrongHost, s.CA.Pool(), "localhost", nil, 62, 0, "hostname-mismatch"},
		{"ip", s.Leaf, s.CA.Pool(), "192.0.2.1", nil, 64, 0, "ip-address-mismatch"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err, chain := verify(r.c, r.roots, r.host, r.chain...)
			code, sym, msg, depth, _ := conditions.VerifyFromX509(err, chain, r.host)
			wantDepth := conditions.Some(r.depth)
			if r.code == 0 {
				wantDepth = conditions.Opt{} // no certificate blamed
			}
			if code != r.code || depth != wantDepth || sym != r.sym || msg == "" {
				t.Errorf("got %d %s %q depth %v, want %d %s depth %v (err %v)", code, sym, msg, depth, r.code, r.sym, wantDepth, err)
			}
		})
	}
}

func TestStatusString(t *testing.T) {
	want := []string{"", "zero-return", "want-read", "want-write", "want-connect", "want-accept", "want-X509-lookup", "syscall", "ssl"}
	for i, w := range want {
		s := conditions.Status(i)
		if s.String() != w {
			t.Errorf("Status(%d) = %q, want %q", i, s, w)
		}
		if p, ok := conditions.ParseStatus(w); !ok || p != s {
			t.Errorf("ParseStatus(%q) = %v %v", w, p, ok)
		}
		if _, ok := s.Symbol(); ok != (i != 0) {
			t.Errorf("Symbol ok for %d = %v", i, ok)
		}
	}
}

func TestConstructors(t *testing.T) {
	rows := []struct {
		name  string
		e     *conditions.Error
		kinds string
		msg   string
	}{
		{"timeout handshake", conditions.Timeout(conditions.OpHandshake, conditions.Some(5), nil), "exn i/o net timeout", "SSL handshake operation timed out"},
		{"timeout write", conditions.Timeout(conditions.OpWrite, conditions.Some(5), nil), "exn i/o net timeout", "SSL write timed out"},
		{"timeout shutdown", conditions.Timeout(conditions.OpShutdown, conditions.Some(5), nil), "exn i/o net timeout", "SSL shutdown operation timed out"},
		{"config", conditions.Config("no cipher match", nil), "exn i/o net openssl", "error: library=tlsport, function=config, reason=no cipher match"},
		{"type", conditions.TypeError("ssl-connect", "invalid SSL/TLS connection protocol", "foo"), "exn type", "invalid SSL/TLS connection protocol"},
		{"want write", conditions.Want(conditions.WantWrite, conditions.OpWrite), "exn i/o net openssl", "want-write: library=tlsport, function=write"},
		{"verify failure", conditions.VerifyFailure(10, conditions.Some(0), nil, nil), "exn i/o net openssl", "ssl: library=crypto/x509"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			if got := strings.Join(r.e.Kinds, " "); got != r.kinds {
				t.Errorf("kinds = %q, want %q", got, r.kinds)
			}
			if !strings.HasPrefix(r.e.Error(), r.msg) {
				t.Errorf("message = %q, want prefix %q", r.e.Error(), r.msg)
			}
		})
	}
	if e := conditions.Timeout(conditions.OpRead, conditions.Some(7), nil); e.TimeoutMS != conditions.Some(7) {
		t.Errorf("timeout ms = %v", e.TimeoutMS)
	}
	if a := conditions.AlertDescription(116); a != "certificate-required" {
		t.Errorf("alert 116 = %q", a)
	}
}
