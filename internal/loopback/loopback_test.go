package loopback_test

import (
	"io"
	"testing"

	"github.com/tlsport/tlsport/internal/loopback"
)

func TestPairCarriesBytesBothWays(t *testing.T) {
	for _, tc := range []struct {
		name string
		pair func(testing.TB) (a, b io.ReadWriteCloser)
	}{
		{"Pair", func(t testing.TB) (io.ReadWriteCloser, io.ReadWriteCloser) { return loopback.Pair(t) }},
		{"PairNoCleanup", func(t testing.TB) (io.ReadWriteCloser, io.ReadWriteCloser) {
			c, s := loopback.PairNoCleanup(t)
			t.Cleanup(func() { c.Close(); s.Close() })
			return c, s
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := tc.pair(t)
			for _, d := range []struct {
				from, to io.ReadWriter
				msg      string
			}{{c, s, "ping"}, {s, c, "pong"}} {
				if _, err := d.from.Write([]byte(d.msg)); err != nil {
					t.Fatal(err)
				}
				buf := make([]byte, len(d.msg))
				if _, err := io.ReadFull(d.to, buf); err != nil || string(buf) != d.msg {
					t.Fatalf("read %q, %v; want %q", buf, err, d.msg)
				}
			}
		})
	}
}
