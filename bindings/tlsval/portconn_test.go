// PortConn: net.Conn semantics over Scheme ports.

package tlsval

import (
	"errors"
	"io"
	"net"
	"os"
	"testing"
	"time"

	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

func TestPortConn(t *testing.T) {
	in := scheme.New()
	a, b := net.Pipe()
	defer b.Close()
	tc, pin, pout := NewTCPPorts(a, []byte("pre"), ports.Options{})
	_ = tc
	c, err := NewPortConn(in, pin, pout, true)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	// Bytes already buffered come first.
	if n, err := c.Read(buf); err != nil || string(buf[:n]) != "pre" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	// A read waits for the peer, then returns what arrived.
	go func() { _, _ = b.Write([]byte("hello")) }()
	if n, err := c.Read(buf); err != nil || string(buf[:n]) != "hello" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	// An expired deadline interrupts a blocked read; the conn stays usable.
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	if _, err := c.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Read after deadline = %v, want os.ErrDeadlineExceeded", err)
	}
	_ = c.SetReadDeadline(time.Time{})
	// Writes are flushed at once.
	go func() { _, _ = c.Write([]byte("out")) }()
	if n, err := b.Read(buf); err != nil || string(buf[:n]) != "out" {
		t.Fatalf("peer read = %q, %v", buf[:n], err)
	}
	// EOF from the peer is io.EOF.
	b.Close()
	if _, err := c.Read(buf); err != io.EOF {
		t.Fatalf("Read at EOF = %v, want io.EOF", err)
	}
	// Close with closeOriginal closes both ports.
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if pin.IsOpen() || pout.IsOpen() {
		t.Error("ports still open after Close with closeOriginal")
	}
	if _, err := c.Read(buf); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Read after Close = %v", err)
	}
	if _, err := NewPortConn(in, pout, pin, false); err == nil {
		t.Error("NewPortConn accepted swapped ports")
	}
}
