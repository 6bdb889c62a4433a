// Condition conversion: every §0.5 property, with the right Scheme type, for real failures.

package tlsval

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// kind of Scheme value a property must have.
type kind int

const (
	kSym kind = iota
	kStr
	kInt
	kBool
	kFalse
	kCert
	kSymOrFalse
	kIntOrFalse
)

func checkKind(t *testing.T, prop string, v scheme.Value, k kind) {
	t.Helper()
	ok := false
	switch k {
	case kSym:
		_, ok = v.(*scheme.Symbol)
	case kStr:
		_, ok = v.(*scheme.String)
	case kInt:
		_, ok = v.(scheme.Fixnum)
	case kBool:
		_, ok = v.(*scheme.Boolean)
	case kFalse:
		ok = v == scheme.Value(scheme.False)
	case kCert:
		_, ok = v.(*Certificate)
	case kSymOrFalse:
		_, ok = v.(*scheme.Symbol)
		ok = ok || v == scheme.Value(scheme.False)
	case kIntOrFalse:
		_, ok = v.(scheme.Fixnum)
		ok = ok || v == scheme.Value(scheme.False)
	}
	if !ok {
		t.Errorf("%s = %s, wrong type (want kind %d)", prop, scheme.WriteString(v), k)
	}
}

// verifyFailure provokes a client-side verification failure: the server's
// certificate is issued by a CA the client does not trust.
func verifyFailure(t *testing.T) *conditions.Error {
	t.Helper()
	ca, err := certgen.NewCA("unknown CA", certgen.ECDSA)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := ca.Issue(certgen.Localhost())
	if err != nil {
		t.Fatal(err)
	}
	c, err := tlsctx.New(tlsctx.Client, "tls")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetVerify(true); err != nil {
		t.Fatal(err)
	}
	cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	a, b := net.Pipe()
	defer b.Close()
	go func() {
		s := tls.Server(b, &tls.Config{Certificates: []tls.Certificate{leaf.TLSCertificate()}})
		_ = s.Handshake()
	}()
	e := ports.Client(a, cc, ports.Options{HandshakeTimeout: 10 * time.Second})
	defer e.Close()
	herr := e.Handshake(context.Background())
	var ce *conditions.Error
	if !errors.As(herr, &ce) {
		t.Fatalf("handshake error = %v, want a *conditions.Error", herr)
	}
	return ce
}

func TestConditionVerifyFailure(t *testing.T) {
	ce := verifyFailure(t).WithLocation("read-line", "x")
	c := Condition(ce)
	want := []string{"exn", "i/o", "net", "openssl"}
	for _, k := range want {
		if !c.Has(k) {
			t.Errorf("condition lacks kind %s", k)
		}
	}
	props := []struct {
		kind, prop string
		k          kind
	}{
		{"exn", "message", kStr}, {"exn", "location", kSym},
		{"openssl", "status", kSym}, {"openssl", "reason", kStr}, {"openssl", "library", kStr},
		{"openssl", "alert", kInt}, {"openssl", "alert-description", kSym}, {"openssl", "alert-origin", kSym},
		{"openssl", "verify-code", kInt}, {"openssl", "verify-error", kSym}, {"openssl", "verify-message", kStr},
		{"openssl", "depth", kInt}, {"openssl", "certificate", kCert},
		{"openssl", "errno", kFalse}, {"openssl", "errno-name", kFalse},
		{"openssl", "eof", kBool}, {"openssl", "retry", kBool},
		{"openssl", "ech-retry-configs", kFalse}, {"openssl", "cause", kFalse}, {"openssl", "go-type", kStr},
	}
	for _, p := range props {
		v, ok := c.Get(p.kind, p.prop)
		if !ok {
			t.Errorf("%s.%s missing", p.kind, p.prop)
			continue
		}
		checkKind(t, p.kind+"."+p.prop, v, p.k)
	}
	if v, _ := c.Get("openssl", "status"); v != scheme.Value(scheme.Intern("ssl")) {
		t.Errorf("status = %s, want ssl", scheme.WriteString(v))
	}
	if v, _ := c.Get("openssl", "verify-code"); v != scheme.Fixnum(20) {
		t.Errorf("verify-code = %s, want 20", scheme.WriteString(v))
	}
	if v, _ := c.Get("exn", "arguments"); scheme.WriteString(v) != `("x")` {
		t.Errorf("exn.arguments = %s", scheme.WriteString(v))
	}
	if c.Cause != ce {
		t.Errorf("Cause is not the Go error")
	}
}

func TestConditionTimeoutAndClosed(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	c, err := tlsctx.New(tlsctx.Client, "tls")
	if err != nil {
		t.Fatal(err)
	}
	cc, err := c.ConnConfig(tlsctx.ConnParams{})
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = b.Read(make([]byte, 1<<16)) }() // swallow the ClientHello, never answer
	e := ports.Client(a, cc, ports.Options{HandshakeTimeout: 50 * time.Millisecond})
	tests := []struct {
		name      string
		run       func() error
		kinds     []string
		noOpenSSL bool
		message   string
	}{
		{"timeout", func() error { return e.Handshake(context.Background()) },
			[]string{"exn", "i/o", "net", "timeout"}, true, "SSL handshake operation timed out"},
		{"closed", func() error { e.Close(); _, err := e.WriteContext(context.Background(), []byte("x")); return err },
			[]string{"exn"}, true, "SSL socket already closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := Convert(tt.run())
			if !ok {
				t.Fatal("Convert did not recognise the error")
			}
			cond := v.(*scheme.Condition)
			for _, k := range tt.kinds {
				if !cond.Has(k) {
					t.Errorf("kinds lack %s: %s", k, scheme.FormatCondition(cond))
				}
			}
			if tt.noOpenSSL && cond.Has("openssl") {
				t.Errorf("unexpected openssl kind")
			}
			if cond.Message() != tt.message {
				t.Errorf("message = %q, want %q", cond.Message(), tt.message)
			}
			if tt.name == "timeout" {
				v, _ := cond.Get("timeout", "ms")
				if v != scheme.Fixnum(50) {
					t.Errorf("timeout.ms = %s, want 50", scheme.WriteString(v))
				}
			}
		})
	}
}

func TestConvertAndLocated(t *testing.T) {
	if _, ok := Convert(errors.New("plain")); ok {
		t.Error("Convert accepted a plain error")
	}
	wrapped := errors.Join(errors.New("context"), conditions.Unsupported("no DSA"))
	v, ok := Convert(wrapped)
	if !ok || !v.(*scheme.Condition).Has("unsupported") {
		t.Errorf("Convert(wrapped unsupported) = %v, %v", v, ok)
	}
	e := Located("ssl-connect", conditions.Config("bad", nil))
	var ce *conditions.Error
	if !errors.As(e, &ce) || ce.Location != "ssl-connect" {
		t.Errorf("Located: %+v", e)
	}
	if again := Located("other", e); again.(*conditions.Error).Location != "ssl-connect" {
		t.Error("Located overwrote an existing location")
	}
	if Located("x", nil) != nil {
		t.Error("Located(nil) != nil")
	}
}

// TestConditionOptProperties: a zero Opt field is #f, Some(0) is 0
// (close_notify, X509_V_OK, the leaf), Some(n) is n.
func TestConditionOptProperties(t *testing.T) {
	zero := conditions.VerifyFailure(conditions.VerifyOK, conditions.Some(0), nil, nil)
	zero.Alert = conditions.Some(0)
	none := conditions.Config("x", nil)
	timeout := conditions.Timeout(conditions.OpRead, conditions.Some(0), nil)
	noLimit := conditions.Timeout(conditions.OpRead, conditions.Opt{}, nil)
	tests := []struct {
		name       string
		e          *conditions.Error
		kind, prop string
		want       scheme.Value
	}{
		{"alert 0", zero, "openssl", "alert", scheme.Fixnum(0)},
		{"verify-code 0", zero, "openssl", "verify-code", scheme.Fixnum(0)},
		{"depth 0", zero, "openssl", "depth", scheme.Fixnum(0)},
		{"alert none", none, "openssl", "alert", scheme.False},
		{"verify-code none", none, "openssl", "verify-code", scheme.False},
		{"depth none", none, "openssl", "depth", scheme.False},
		{"timeout.ms 0", timeout, "timeout", "ms", scheme.Fixnum(0)},
		{"timeout.ms none", noLimit, "timeout", "ms", scheme.False},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := Condition(tt.e).Get(tt.kind, tt.prop)
			if !ok || v != tt.want {
				t.Errorf("%s.%s = %s (present %v), want %s", tt.kind, tt.prop, scheme.WriteString(v), ok, scheme.WriteString(tt.want))
			}
		})
	}
}
