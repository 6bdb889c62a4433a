// Tests of the Net constructor: plain (exn i/o net) conditions from real socket errors.

package conditions_test

import (
	"errors"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/tlsport/tlsport/conditions"
)

func TestNet(t *testing.T) {
	// A refused connection: listen, take the port, close, dial it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, refused := net.Dial("tcp", addr)
	if refused == nil {
		t.Skip("a closed loopback port accepted a connection")
	}
	_, badPort := net.Listen("tcp", "127.0.0.1:99999")
	for _, tc := range []struct {
		name, op, reason string
		err              error
		wantMsg          []string // substrings of Message
		wantErrno        string
	}{
		{"refused", "connect", "", refused, []string{"connect: ", addr, "refused"}, "ECONNREFUSED"},
		{"bad port", "listen", "", badPort, []string{"listen: ", "99999"}, ""},
		{"explicit reason", "connect", "no such host nowhere.invalid", errors.New("lookup failed"),
			[]string{"connect: no such host nowhere.invalid"}, ""},
		{"no cause", "read", "peer went away", nil, []string{"read: peer went away"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil && tc.reason == "" {
				t.Fatal("bad row")
			}
			e := conditions.Net(tc.op, tc.reason, tc.err)
			if got := strings.Join(e.Kinds, " "); got != "exn i/o net" {
				t.Errorf("kinds = %q, want exn i/o net", got)
			}
			if e.Status != conditions.StatusNone || e.IsOpenSSL() || e.HasKind(conditions.KindTimeout) {
				t.Errorf("status %v openssl %v", e.Status, e.IsOpenSSL())
			}
			if e.Library != conditions.LibNet || e.Function != tc.op {
				t.Errorf("library %q function %q", e.Library, e.Function)
			}
			for _, w := range tc.wantMsg {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q lacks %q", e.Message, w)
				}
			}
			if e.ErrnoName != tc.wantErrno {
				t.Errorf("errno-name = %q, want %q", e.ErrnoName, tc.wantErrno)
			}
			if tc.wantErrno != "" && !errors.Is(e, syscall.ECONNREFUSED) {
				t.Errorf("errors.Is(ECONNREFUSED) false for %v", e)
			}
			if e.Unwrap() != tc.err || e.Alert != (conditions.Opt{}) || e.VerifyCode != (conditions.Opt{}) || e.Depth != (conditions.Opt{}) || e.TimeoutMS != (conditions.Opt{}) {
				t.Errorf("fields %+v", e)
			}
		})
	}
}
