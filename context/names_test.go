package tlsctx_test

import (
	"net"
	"testing"

	tlsctx "github.com/tlsport/tlsport/context"
)

// TestIsIPLiteral: IsIPLiteral agrees with net.ParseIP (zones refused) and
// allocates nothing, for an address or a host name.
func TestIsIPLiteral(t *testing.T) {
	for _, name := range []string{
		"127.0.0.1", "::1", "::ffff:10.0.0.1", "2001:db8::1", "FE80::1",
		"", "localhost", "example.com", "cafe.bad", "fe80::1%eth0", "[::1]",
		"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.4 ", ":::",
	} {
		if got, want := tlsctx.IsIPLiteral(name), net.ParseIP(name) != nil; got != want {
			t.Errorf("IsIPLiteral(%q) = %v, net.ParseIP says %v", name, got, want)
		}
	}
	for _, name := range []string{"127.0.0.1", "2001:db8::1", "example.com", ""} {
		if n := testing.AllocsPerRun(100, func() { tlsctx.IsIPLiteral(name) }); n != 0 {
			t.Errorf("IsIPLiteral(%q) allocates %v times", name, n)
		}
	}
}
