// Wire: the byte and line transport the dialogues and reply readers run over.

package starttls

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"time"

	"github.com/tlsport/tlsport/ports"
)

// Wire is what a dialogue reads from and writes to: a plaintext
// connection ([NetWire]), a TLS connection ([ConnWire]), or a pair of
// Scheme ports in the binding.
type Wire interface {
	// ReadLine returns the next line without its "\r\n" or "\n"; io.EOF
	// when nothing is left.
	ReadLine() (string, error)
	// ReadByte returns the next byte.
	ReadByte() (byte, error)
	// ReadFull fills p, or fails (io.ErrUnexpectedEOF on a short read).
	ReadFull(p []byte) error
	// Send writes p and flushes it.
	Send(p []byte) error
}

// maxLine bounds a line read from a server (a longer one is an error, not
// unbounded memory).
const maxLine = 64 << 10

// NetWire is a [Wire] over a net.Conn with a read-ahead buffer. Each read
// and write is bounded by the timeout given to [NewNetWire]; cancelling
// the context makes blocked operations fail.
type NetWire struct {
	c       net.Conn
	r       *bufio.Reader
	timeout time.Duration
	stop    func() bool
}

// NewNetWire returns a Wire over c whose first bytes are buffered (bytes
// already read ahead from c). Call Release when done.
func NewNetWire(ctx context.Context, c net.Conn, buffered []byte, timeout time.Duration) *NetWire {
	var src io.Reader = c
	if len(buffered) > 0 {
		src = io.MultiReader(bytes.NewReader(buffered), c)
	}
	w := &NetWire{c: c, r: bufio.NewReader(src), timeout: timeout}
	w.stop = context.AfterFunc(ctx, func() { _ = c.SetDeadline(time.Unix(1, 0)) })
	return w
}

// Release stops watching the context and clears c's deadlines.
func (w *NetWire) Release() {
	w.stop()
	_ = w.c.SetDeadline(time.Time{})
}

// Buffered returns (a copy of) the bytes read ahead and not consumed.
func (w *NetWire) Buffered() []byte {
	n := w.r.Buffered()
	if n == 0 {
		return nil
	}
	b, _ := w.r.Peek(n)
	return append([]byte(nil), b...)
}

func (w *NetWire) arm(read bool) {
	if w.timeout <= 0 {
		return
	}
	dl := time.Now().Add(w.timeout)
	if read {
		_ = w.c.SetReadDeadline(dl)
	} else {
		_ = w.c.SetWriteDeadline(dl)
	}
}

// ReadLine implements [Wire].
func (w *NetWire) ReadLine() (string, error) {
	w.arm(true)
	var line []byte
	for {
		frag, isPrefix, err := w.r.ReadLine()
		line = append(line, frag...)
		if err != nil {
			if err == io.EOF && len(line) > 0 {
				return string(line), nil
			}
			return "", err
		}
		if !isPrefix {
			return string(line), nil
		}
		if len(line) > maxLine {
			return "", errLongLine
		}
	}
}

// ReadByte implements [Wire].
func (w *NetWire) ReadByte() (byte, error) {
	w.arm(true)
	return w.r.ReadByte()
}

// ReadFull implements [Wire].
func (w *NetWire) ReadFull(p []byte) error {
	w.arm(true)
	_, err := io.ReadFull(w.r, p)
	return err
}

// Send implements [Wire].
func (w *NetWire) Send(p []byte) error {
	w.arm(false)
	_, err := w.c.Write(p)
	return err
}

// ConnWire is a [Wire] over a TLS connection; each operation runs with Ctx
// and the connection's own timeouts.
type ConnWire struct {
	Ctx context.Context
	C   *ports.Conn
}

// ReadLine implements [Wire].
func (w *ConnWire) ReadLine() (string, error) { return w.C.ReadLine(w.Ctx) }

// ReadByte implements [Wire].
func (w *ConnWire) ReadByte() (byte, error) { return w.C.ReadU8(w.Ctx) }

// ReadFull implements [Wire].
func (w *ConnWire) ReadFull(p []byte) error {
	n, err := w.C.ReadFull(w.Ctx, p)
	if err == nil && n < len(p) {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// Send implements [Wire].
func (w *ConnWire) Send(p []byte) error {
	if _, err := w.C.WriteContext(w.Ctx, p); err != nil {
		return err
	}
	return w.C.Flush(w.Ctx)
}
