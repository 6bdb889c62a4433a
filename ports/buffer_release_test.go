package ports

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestBuffersReleasedWhenDrained checks that a connection whose reads have
// consumed every byte holds no read-ahead buffer (input buffer and framing
// reader), and that one holding unread bytes keeps them, for each way of
// reading.
func TestBuffersReleasedWhenDrained(t *testing.T) {
	ctx := context.Background()
	p := newTestPKI(t)
	big := strings.Repeat("x", 40<<10)
	for _, tc := range []struct {
		name string
		sent string
		read func(c *Conn) (string, error)
		// left is what must still be readable afterwards ("" = drained).
		left string
	}{
		{"ReadLine", "hello\n", func(c *Conn) (string, error) { return c.ReadLine(ctx) }, ""},
		{"ReadLine, more held", "hello\nworld\n", func(c *Conn) (string, error) { return c.ReadLine(ctx) }, "world\n"},
		{"ReadU8", "h", func(c *Conn) (string, error) { b, err := c.ReadU8(ctx); return string(b), err }, ""},
		{"ReadChar", "é", func(c *Conn) (string, error) { r, _, err := c.ReadChar(ctx); return string(r), err }, ""},
		{"ReadString", "abc", func(c *Conn) (string, error) { return c.ReadString(ctx, 3) }, ""},
		{"small ReadContext", "abcd", func(c *Conn) (string, error) {
			b := make([]byte, 4)
			n, err := c.ReadFull(ctx, b)
			return string(b[:n]), err
		}, ""},
		{"large ReadFull (direct)", big, func(c *Conn) (string, error) {
			b := make([]byte, len(big))
			n, err := c.ReadFull(ctx, b)
			return string(b[:n]), err
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cl, sv := enginePair(t, p, Options{}, Options{})
			wrote := make(chan error, 1)
			go func() { _, err := sv.WriteContext(ctx, []byte(tc.sent)); wrote <- err }()
			got, err := tc.read(cl)
			if err != nil {
				t.Fatal(err)
			}
			if err := <-wrote; err != nil {
				t.Fatal(err)
			}
			if want := strings.TrimSuffix(strings.TrimSuffix(tc.sent, tc.left), "\n"); got != want && got+"\n" != want {
				t.Fatalf("read %q, want %q", got, want)
			}
			if tc.left == "" {
				if cl.in.buf != nil || cl.fr.buf != nil {
					t.Fatalf("drained connection holds buffers: input %d bytes, framing %d bytes", len(cl.in.buf), len(cl.fr.buf))
				}
				return
			}
			if cl.in.Buffered() != len(tc.left) {
				t.Fatalf("Buffered() = %d, want %d", cl.in.Buffered(), len(tc.left))
			}
			rest := make([]byte, len(tc.left))
			if _, err := cl.ReadFull(ctx, rest); err != nil || !bytes.Equal(rest, []byte(tc.left)) {
				t.Fatalf("rest %q, %v; want %q", rest, err, tc.left)
			}
			if cl.in.buf != nil {
				t.Fatalf("input buffer kept after the last byte was read")
			}
		})
	}
}
