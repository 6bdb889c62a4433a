// Buffered input and output shared by the TLS engine ([Conn]) and the plain TCP pair ([TCP]).

package ports

import (
	"context"
	"io"
	"sync"
	"unicode/utf8"
)

// minFill is the free space the input buffer offers to every fill: one
// maximal TLS record of plaintext, so no decrypted record ever stays inside
// tls.Conn after a read.
const minFill = 16 << 10

// poolBufSize is the size of the pooled read-ahead buffers of the
// framing reader and the input buffer (at least a few maximal records).
const poolBufSize = 64 << 10

// bufPool holds read-ahead buffers. A reader takes one when it must read
// ahead and gives it back as soon as every byte has been consumed, so an
// idle connection holds none.
var bufPool = sync.Pool{New: func() any { return new([poolBufSize]byte) }}

// getBuf returns a pooled buffer.
func getBuf() []byte { return bufPool.Get().(*[poolBufSize]byte)[:] }

// putBuf gives b back to the pool if it came from there (other buffers,
// such as grown or carried ones, are left to the collector).
func putBuf(b []byte) {
	if len(b) == poolBufSize {
		bufPool.Put((*[poolBufSize]byte)(b))
	}
}

// source is what a bufReader reads from (the connection owning it).
type source interface {
	// fill reads at least one byte into p, or returns an error (io.EOF at
	// a clean end of stream). The errors it returns are final (already
	// classified); timeouts leave the source usable.
	fill(ctx context.Context, p []byte) (int, error)
}

// waiter is implemented by a source that can block until it has data
// without being given a buffer (errors are left for the fill that
// follows).
type waiter interface{ wait(ctx context.Context) }

// sink is what a bufWriter writes to (the connection owning it).
type sink interface {
	// flush writes all of p or returns a classified error.
	flush(ctx context.Context, p []byte) (int, error)
}

// bufReader is a read-ahead buffer over a source. It is not safe for
// concurrent use; its owner serialises readers. It lives inside its owner
// (no allocation of its own, nor a closure per connection).
//
// Its buffer comes from bufPool when a read needs one and goes back when
// drained. A source that is a waiter is waited on before a buffer is
// taken.
type bufReader struct {
	buf  []byte // buf[r:w] unread; nil when drained
	r, w int
	src  source
	wait waiter // src when it is a waiter, else nil
	// direct is the smallest Read that, with nothing buffered, fills the
	// caller's slice straight from the source (no copy).
	direct int
	// follow makes the Read after a short direct one direct too, whatever
	// its size: the caller is most likely completing a large read (as
	// io.ReadFull or read-bytevector! do), and its remainder then costs a
	// read of the source rather than a read-ahead plus a copy. And it
	// makes the Read after a direct one that filled the caller's slice
	// read ahead instead (ahead), when smaller than a read-ahead buffer:
	// the source most likely holds more (a bulk transfer), and one read
	// of up to 64 KiB then serves several such Reads, for a copy each.
	// Plain TCP only: TLS must always offer a whole record (minFill).
	follow bool
	short  bool // the last direct Read returned less than asked (follow)
	// ahead: direct Reads below poolBufSize read ahead, until a read
	// ahead brings no more than the Read it was for (follow)
	ahead bool
}

// init makes b read from src, initial first.
func (b *bufReader) init(initial []byte, src source) {
	b.src, b.direct = src, minFill
	b.wait, _ = src.(waiter)
	if len(initial) > 0 {
		b.buf = make([]byte, len(initial)+2*minFill)
		b.w = copy(b.buf, initial)
	}
}

// release gives the buffer back when every byte has been consumed.
func (b *bufReader) release() {
	if b.r == b.w {
		putBuf(b.buf)
		b.buf, b.r, b.w = nil, 0, 0
	}
}

// Buffered returns the number of unread bytes held.
func (b *bufReader) Buffered() int { return b.w - b.r }

// take removes and returns every unread byte.
func (b *bufReader) take() []byte {
	out := append([]byte(nil), b.buf[b.r:b.w]...)
	b.r = b.w
	b.release()
	return out
}

// more reads once from the source, appending to the buffer. It keeps the
// unread bytes, growing the buffer when they leave less than minFill free.
func (b *bufReader) more(ctx context.Context) error {
	b.short = false
	if b.buf == nil {
		if b.wait != nil {
			b.wait.wait(ctx)
		}
		b.buf = getBuf()
	}
	if b.r == b.w {
		b.r, b.w = 0, 0
	}
	if len(b.buf)-b.w < minFill {
		n := b.w - b.r
		if len(b.buf)-n < minFill {
			nb := make([]byte, 2*len(b.buf)+minFill)
			copy(nb, b.buf[b.r:b.w])
			b.buf = nb
		} else {
			copy(b.buf, b.buf[b.r:b.w])
		}
		b.r, b.w = 0, n
	}
	n, err := b.src.fill(ctx, b.buf[b.w:])
	b.w += n
	if n > 0 {
		return nil
	}
	b.release()
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// Read reads up to len(p) bytes: buffered bytes first, else one fill.
func (b *bufReader) Read(ctx context.Context, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if b.r == b.w {
		if (len(p) >= b.direct || b.short) && (!b.ahead || b.short || len(p) >= poolBufSize) {
			// Large read, or the rest of one: fill the caller's slice
			// directly (no copy; nor a buffer held while it waits). A
			// whole one filled shows a peer ahead (follow).
			whole := !b.short
			for {
				n, err := b.src.fill(ctx, p)
				if n > 0 || err != nil {
					b.short = b.follow && n > 0 && n < len(p)
					b.ahead = b.follow && whole && n == len(p) && len(p) < poolBufSize
					return n, err
				}
			}
		}
		if err := b.more(ctx); err != nil {
			return 0, err
		}
		if b.w-b.r <= len(p) {
			b.ahead = false // the reads have caught up with the peer
		}
	}
	n := copy(p, b.buf[b.r:b.w])
	b.r += n
	b.release()
	return n, nil
}

// ReadFull reads exactly len(p) bytes unless an error (io.ErrUnexpectedEOF
// for a short stream) intervenes.
func (b *bufReader) ReadFull(ctx context.Context, p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := b.Read(ctx, p[n:])
		n += m
		if err != nil {
			if err == io.EOF && n > 0 {
				err = io.ErrUnexpectedEOF
			}
			return n, err
		}
	}
	return n, nil
}

// PeekU8 returns the next byte without consuming it.
func (b *bufReader) PeekU8(ctx context.Context) (byte, error) {
	for b.r == b.w {
		if err := b.more(ctx); err != nil {
			return 0, err
		}
	}
	return b.buf[b.r], nil
}

// ReadU8 reads one byte.
func (b *bufReader) ReadU8(ctx context.Context) (byte, error) {
	c, err := b.PeekU8(ctx)
	if err == nil {
		b.r++
		b.release()
	}
	return c, err
}

// peekRune decodes the next UTF-8 character without consuming it. An
// invalid sequence yields utf8.RuneError with size 1.
func (b *bufReader) peekRune(ctx context.Context) (rune, int, error) {
	for b.r == b.w || (!utf8.FullRune(b.buf[b.r:b.w]) && b.w-b.r < utf8.UTFMax) {
		if err := b.more(ctx); err != nil {
			if err == io.EOF && b.r < b.w {
				break
			}
			return 0, 0, err
		}
	}
	r, size := utf8.DecodeRune(b.buf[b.r:b.w])
	return r, size, nil
}

// PeekChar returns the next UTF-8 character without consuming it.
func (b *bufReader) PeekChar(ctx context.Context) (rune, error) {
	r, _, err := b.peekRune(ctx)
	return r, err
}

// ReadChar reads one UTF-8 character.
func (b *bufReader) ReadChar(ctx context.Context) (rune, int, error) {
	r, size, err := b.peekRune(ctx)
	if err == nil {
		b.r += size
		b.release()
	}
	return r, size, err
}

// ReadLine reads a line ended by "\n", "\r\n" or "\r" and returns it without
// the terminator. At EOF a final unterminated line is returned; an EOF with
// nothing pending returns io.EOF. On any other error nothing is consumed,
// so a read timeout can be retried.
func (b *bufReader) ReadLine(ctx context.Context) (string, error) {
	defer b.release()
	scanned := 0
	for {
		data := b.buf[b.r+scanned : b.w]
		for i, c := range data {
			switch c {
			case '\n':
				line := string(b.buf[b.r : b.r+scanned+i])
				b.r += scanned + i + 1
				return line, nil
			case '\r':
				end := b.r + scanned + i
				if end+1 == b.w {
					// Need one more byte to know whether "\n" follows.
					if err := b.more(ctx); err != nil && err != io.EOF {
						return "", err
					}
					end = b.r + scanned + i // b.r may have moved
				}
				line := string(b.buf[b.r:end])
				b.r = end + 1
				if b.r < b.w && b.buf[b.r] == '\n' {
					b.r++
				}
				return line, nil
			}
		}
		scanned = b.w - b.r
		if err := b.more(ctx); err != nil {
			if err == io.EOF && b.r < b.w {
				line := string(b.buf[b.r:b.w])
				b.r = b.w
				return line, nil
			}
			return "", err
		}
	}
}

// ReadString reads up to n bytes (n < 0: until EOF) and returns them as a
// string, short only at EOF. EOF with nothing read returns io.EOF. On any
// other error nothing is consumed, so a read timeout can be retried.
func (b *bufReader) ReadString(ctx context.Context, n int) (string, error) {
	if n == 0 {
		return "", nil
	}
	defer b.release()
	eof := false
	for n < 0 || b.w-b.r < n {
		if err := b.more(ctx); err != nil {
			if err != io.EOF {
				return "", err
			}
			eof = true
			break
		}
	}
	k := b.w - b.r
	if n >= 0 {
		k = min(k, n)
	}
	if k == 0 && eof {
		return "", io.EOF
	}
	s := string(b.buf[b.r : b.r+k])
	b.r += k
	return s, nil
}

// bufWriter is an output buffer over a sink. Size 0 makes every Write go
// straight to the sink. Not safe for concurrent use; like bufReader it
// lives inside its owner.
type bufWriter struct {
	buf  []byte // pending bytes; cap is the buffer size
	size int
	dst  sink
}

// init makes w an output buffer of size bytes over dst.
func (w *bufWriter) init(size int, dst sink) {
	w.size, w.dst = max(size, 0), dst
	if w.size > 0 {
		w.buf = make([]byte, 0, w.size)
	}
}

// Pending returns the number of bytes written but not yet flushed.
func (w *bufWriter) Pending() int { return len(w.buf) }

// Write buffers p, flushing whenever the buffer fills. Writes larger than
// the buffer go straight through after the pending bytes.
func (w *bufWriter) Write(ctx context.Context, p []byte) (int, error) {
	if w.size == 0 {
		return w.dst.flush(ctx, p)
	}
	if len(w.buf)+len(p) <= w.size {
		w.buf = append(w.buf, p...)
		return len(p), nil
	}
	if err := w.Flush(ctx); err != nil {
		return 0, err
	}
	if len(p) >= w.size {
		return w.dst.flush(ctx, p)
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// Flush writes the pending bytes.
func (w *bufWriter) Flush(ctx context.Context) error {
	if len(w.buf) == 0 {
		return nil
	}
	n, err := w.dst.flush(ctx, w.buf)
	if n > 0 {
		w.buf = w.buf[:copy(w.buf, w.buf[n:])]
	}
	return err
}
