// Port: buffered textual/binary ports over the ByteReader/ByteWriter backends of portapi.go.

package scheme

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"reflect"
	"slices"
	"sync"
	"unicode/utf8"
)

// portBufSize is the size of a port's read buffer and the threshold at which
// buffered output is handed to the backend.
const portBufSize = 64 << 10

// Port is a Scheme port: an input or output byte stream with UTF-8 text on
// top. Input ports keep a read-ahead buffer (see [Port.TakeBuffered]).
// Output ports over a [DirectWriter] (TLS and TCP ports) hand each output
// operation's bytes to the backend when the operation returns; other output
// ports (files) buffer until flush-output, a full buffer or close. Ports
// written by Scheme threads are flushed by [Interp.FlushAllOutput]. A Port is
// safe for use by several Scheme threads (one mutex per port); closing from
// another thread does not wait for a blocked read. An output operation
// cut short (its context done, a timeout) keeps the bytes not sent, first
// in line for the next output, flush or close; made again next, the same
// operation only finishes it, so nothing written is lost or sent twice.
type Port struct {
	// Host is the Go object behind the port (e.g. the TLS engine), or nil.
	Host any

	name    string
	r       ByteReader
	w       ByteWriter
	byter   ByteReadByter // set when direct
	peeker  BytePeeker    // set when direct
	lines   LineReader    // optional, used when direct
	seek    Seeker        // set when the backend has positions (see HasPosition)
	buf     []byte        // read buffer storage (buffered mode)
	unread  []byte        // unread bytes, a window of buf, of held (direct mode) or of the data of a string port
	wbuf    []byte
	data    []byte   // all input of a memory port made by NewMemInputPort (positions)
	nread   Value    // the last count returned by read-bytevector! (see count)
	scanned int      // wbuf[:scanned] holds no newline (lineSync)
	back    int      // memory output port: the next write goes at len(wbuf)-back (set-port-position!)
	mark    charMark // string port: the last position converted between bytes and characters
	// retry identifies the output operation whose failure left its unsent
	// bytes in wbuf, so that the same operation made again finishes it
	// instead of writing it twice (see Port.cutShort); nil when none.
	retry *opRetry
	// next is the port that took this one over (see Detach): the output
	// of a memory port is taken from it
	next *Port

	mu sync.Mutex
	// Output side of an input/output port (inout): writes take wmu rather
	// than mu, so a read blocked in the backend does not hold up writes
	// (not when shared: both sides take mu).
	wmu sync.Mutex

	held     [utf8.UTFMax]byte
	input    bool
	textual  bool
	binary   bool
	mem      bool // string/bytevector port: output accumulates in wbuf
	autoSync bool // flush after every output operation (stdio over an in-process writer)
	lineSync bool // flush after an output operation that wrote a newline (stdio over a file)
	stdio    bool // a standard stream: close-port does not close it
	inout    bool // input/output port: the output side is guarded by wmu and wclosed
	shared   bool // input/output port over a Seeker: one position and one lock (mu) for both sides, see syncWrite
	reading  bool // shared: the backend was read since the last output or move
	wdirect  bool // w is a DirectWriter: output goes to w at the end of each operation
	direct   bool // r buffers itself (byter and peeker set): the port reads no more than asked
	skipLF   bool // the last line ended in \r: drop a following \n
	tracked  bool // registered with an Interp for FlushAllOutput, see track (guarded by outMu)
	closed   bool // the (input side of an input/output) port is closed
	wclosed  bool // output side closed (guarded by outMu)
	rclosing bool // close of the input side begun (guarded by outMu)
	bclosed  bool // backends closed (guarded by outMu)
}

// TypeName implements Value.
func (*Port) TypeName() string { return "port" }

// Repr implements Repr.
func (p *Port) Repr() string {
	dir := "output"
	if p.inout {
		dir = "input/output"
	} else if p.input {
		dir = "input"
	}
	return "#<" + dir + " port \"" + p.name + "\">"
}

// Name returns the port's name (a file name, "(string)" …).
func (p *Port) Name() string { return p.name }

// SetName renames the port (CHICKEN's set-port-name!). The name is read
// without locking, so SetName must not run while another thread uses the
// port.
func (p *Port) SetName(name string) { p.name = name }

// SetBuffering sets when an output port hands its buffered output to the
// backend: mode "none" after every output operation, "line" once an
// operation wrote a newline, "full" when the buffer fills and on flush.
func (p *Port) SetBuffering(mode string) error {
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	switch mode {
	case "none":
		p.autoSync, p.lineSync = true, false
	case "line":
		p.autoSync, p.lineSync, p.scanned = false, true, 0
	case "full":
		p.autoSync, p.lineSync = false, false
	default:
		return NewError("", "unknown buffering mode", []Value{NewString(mode)})
	}
	return nil
}

// IsInput reports whether p is an input port (an input/output port is one).
func (p *Port) IsInput() bool { return p.input }

// IsOutput reports whether p is an output port (an input/output port is one).
func (p *Port) IsOutput() bool { return !p.input || p.inout }

// outMu returns the mutex guarding the output side of p.
func (p *Port) outMu() *sync.Mutex {
	if p.inout && !p.shared {
		return &p.wmu
	}
	return &p.mu
}

// outClosed reports whether the output side is closed (caller holds outMu).
func (p *Port) outClosed() bool {
	if p.inout {
		return p.wclosed
	}
	return p.closed
}

// NewInputPort returns a textual and binary input port reading from r.
// host is kept in Port.Host. When r also implements [ByteReadByter] and
// [BytePeeker] (a self-buffering backend such as the TLS engine, or the
// REPL's shared stdin) the port keeps no read-ahead buffer: it takes from r
// only the bytes an operation consumes (at most one character is held back,
// by peek-char on a multi-byte character or by read's one-character
// look-ahead), large reads go straight into the result, and read-line uses
// r's [LineReader] when present.
func NewInputPort(name string, r ByteReader, host any) *Port {
	p := &Port{Host: host, name: name, input: true, textual: true, binary: true, r: r}
	p.seek, _ = r.(Seeker)
	if b, ok := r.(ByteReadByter); ok {
		if pk, ok := r.(BytePeeker); ok {
			p.direct, p.byter, p.peeker = true, b, pk
			p.lines, _ = r.(LineReader)
		}
	}
	return p
}

// NewOutputPort returns a textual and binary output port writing to w.
// host is kept in Port.Host.
// When w is a [DirectWriter] the port keeps no output between operations.
func NewOutputPort(name string, w ByteWriter, host any) *Port {
	_, direct := w.(DirectWriter)
	p := &Port{Host: host, name: name, textual: true, binary: true, w: w, wdirect: direct}
	p.seek, _ = w.(Seeker)
	return p
}

// NewInputOutputPort returns a textual and binary port that is both an
// input port reading from r (exactly as [NewInputPort], including the
// direct mode for self-buffering backends) and an output port writing to w
// through an output buffer (as [NewOutputPort]). host is kept in Port.Host.
// The two sides have separate locks, so one thread may write while another
// is blocked reading; but when r is a [Seeker] with positions (a file, a
// transcoding backend over one, a custom port with position procedures)
// the port has one position for reading and writing, as R6RS's
// input/output ports (r6rs-lib §8.2.13), and one lock: output lands where
// reading stands (what was read ahead is dropped), and input after output
// reads what follows it. close-input-port and close-output-port close one
// side (the output side is flushed first); once both sides are closed (at
// once by close-port) r and then w are closed when they implement
// io.Closer, each once (w is skipped when it is the same value as r).
func NewInputOutputPort(name string, r ByteReader, w ByteWriter, host any) *Port {
	p := NewInputPort(name, r, host)
	_, direct := w.(DirectWriter)
	p.w, p.inout, p.wdirect = w, true, direct
	p.shared = p.seek != nil && p.seek.Seekable()
	return p
}

// newMemInput returns a string (textual) or bytevector (binary) input port over data.
func newMemInput(name string, data []byte, textual bool) *Port {
	return &Port{name: name, input: true, textual: textual, binary: !textual, r: eofReader{}, unread: data}
}

// newMemOutput returns a string (textual) or bytevector (binary) output port.
func newMemOutput(name string, textual bool) *Port {
	return &Port{name: name, textual: textual, binary: !textual, mem: true}
}

type eofReader struct{}

func (eofReader) ReadContext(ctx context.Context, p []byte) (int, error) { return 0, io.EOF }

// isEOF reports whether a backend error is the end of input, which reads as
// the eof object: io.EOF itself. An error that merely wraps io.EOF (the TLS
// engine's truncation condition when ssl-suppress-ragged-eofs is #f) is a
// failure and is raised.
func isEOF(err error) bool { return err == io.EOF }

// errPortClosed is returned by operations on a closed port.
func errPortClosed(p *Port) error { return NewError("", "port is closed", []Value{p}, "i/o") }

// TakeBuffered returns the bytes the port has read ahead but not yet
// delivered, and empties its buffer (used to hand a stream over, e.g. for STARTTLS).
func (p *Port) TakeBuffered() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := append([]byte(nil), p.unread...)
	if p.skipLF && len(b) > 0 && b[0] == '\n' {
		b = b[1:]
	}
	p.unread, p.skipLF = nil, false
	return b
}

// Close closes the port: output is flushed first (output that cannot be
// delivered is dropped silently, as CHICKEN does); a backend implementing
// io.Closer is closed and its error returned. Closing twice is harmless.
func (p *Port) Close() error { return p.CloseContext(context.Background()) }

// CloseContext is Close with a context for the final flush.
func (p *Port) CloseContext(ctx context.Context) error {
	if p.inout {
		return p.closeSides(ctx, true, true)
	}
	if p.input {
		// Do not take the lock: a read blocked in the backend holds it, and
		// closing the backend is what unblocks it.
		if !p.isClosed() {
			_, _ = closeBackend(ctx, p.r)
		}
		p.mu.Lock()
		p.closed, p.unread = true, nil
		p.mu.Unlock()
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	// Like CHICKEN, closing never fails because of undeliverable output:
	// when the final flush fails (e.g. after ssl-shutdown!) the pending
	// bytes are dropped and the backend is still closed.
	_ = p.flushLocked(ctx)
	p.closed, p.scanned = true, 0
	if !p.mem { // a string or bytevector port keeps what was written: get-output-string, the extraction procedure
		p.wbuf = nil
	}
	_, err := closeBackend(ctx, p.w)
	return err
}

// closeBackend closes a backend implementing [ContextCloser] or io.Closer;
// ok is false when it implements neither.
func closeBackend(ctx context.Context, b any) (ok bool, err error) {
	switch c := b.(type) {
	case ContextCloser:
		return true, c.CloseContext(ctx)
	case io.Closer:
		return true, c.Close()
	}
	return false, nil
}

// closeSides closes the input side (in) and/or the output side (out) of an
// input/output port; the backends are closed with the last side.
func (p *Port) closeSides(ctx context.Context, in, out bool) error {
	m := p.outMu()
	m.Lock()
	if out && !p.wclosed {
		_ = p.flushLocked(ctx) // dropped when undeliverable, as Close does
		p.wclosed, p.wbuf, p.scanned = true, nil, 0
	}
	if in {
		p.rclosing = true
	}
	last := p.wclosed && p.rclosing && !p.bclosed
	if last {
		p.bclosed = true
	}
	m.Unlock()
	var err error
	if last {
		// Without p.mu: closing the backend unblocks a pending read.
		err = p.closeBackends(ctx)
	}
	if in {
		p.mu.Lock()
		p.closed, p.unread = true, nil
		p.mu.Unlock()
	}
	return err
}

// closeBackends closes r and w (see closeBackend), w only when it is not
// the same value as r; the first error is returned.
func (p *Port) closeBackends(ctx context.Context) error {
	rok, first := closeBackend(ctx, p.r)
	if p.w != nil && !(rok && sameValue(p.r, p.w)) {
		if _, err := closeBackend(ctx, p.w); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// sameValue reports whether a and b are the same value, without panicking
// on uncomparable dynamic types.
func sameValue(a, b any) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}

// InputOpen reports whether p is an input port whose input side is open.
func (p *Port) InputOpen() bool { return p.input && !p.isClosed() }

// OutputOpen reports whether p is an output port whose output side is open.
func (p *Port) OutputOpen() bool {
	if !p.IsOutput() {
		return false
	}
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	return !p.outClosed()
}

func (p *Port) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

// IsOpen reports whether the port has not been closed (for an input/output
// port: whether either side is open).
func (p *Port) IsOpen() bool {
	if p.inout {
		return p.InputOpen() || p.OutputOpen()
	}
	return !p.isClosed()
}

// ---- input (callers hold p.mu) ----

// count returns n as a Value, the one returned last time when n is the
// same: a loop reading full pieces of the same size (16384 …, above the
// preallocated small fixnums) then boxes its count once, not once per call.
func (p *Port) count(n int) Value {
	if c, ok := p.nread.(Fixnum); ok && int(c) == n {
		return p.nread
	}
	p.nread = Fixnum(n)
	return p.nread
}

// directMin is the smallest read that a buffered port with an empty buffer
// sends straight into the caller's slice instead of through its buffer.
const directMin = 4 << 10

// avail returns the unread bytes, reading from the backend when there are
// none; it returns io.EOF at end of input.
func (p *Port) avail(ctx context.Context) ([]byte, error) {
	for {
		if p.closed {
			return nil, errPortClosed(p)
		}
		if len(p.unread) > 0 {
			if p.skipLF {
				p.skipLF = false
				if p.unread[0] == '\n' {
					p.unread = p.unread[1:]
					continue
				}
			}
			return p.unread, nil
		}
		if err := p.fill(ctx, 0); err != nil {
			return nil, err
		}
	}
}

// fill reads more bytes from the backend, keeping the keep unread bytes at
// the front of the buffer.
func (p *Port) fill(ctx context.Context, keep int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if p.direct {
		return p.fillDirect(ctx, keep)
	}
	if p.shared {
		if err := p.syncRead(ctx); err != nil {
			return err
		}
	}
	if p.buf == nil {
		p.buf = make([]byte, portBufSize)
	}
	rest := copy(p.buf, p.unread[:keep])
	n, err := p.r.ReadContext(ctx, p.buf[rest:])
	p.unread = p.buf[:rest+n]
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// fillDirect appends one byte of a self-buffering backend to the held
// bytes. When completing a character (keep > 0) it takes only a UTF-8
// continuation byte (io.ErrNoProgress otherwise), so an invalid sequence
// never swallows the next character.
func (p *Port) fillDirect(ctx context.Context, keep int) error {
	if keep >= len(p.held) {
		return io.ErrNoProgress
	}
	if keep > 0 {
		c, err := p.peeker.PeekByteContext(ctx)
		if err != nil {
			return err
		}
		if utf8.RuneStart(c) {
			return io.ErrNoProgress
		}
	}
	c, err := p.byter.ReadByteContext(ctx)
	if err != nil {
		return err
	}
	copy(p.held[:], p.unread[:keep])
	p.held[keep] = c
	p.unread = p.held[:keep+1]
	return nil
}

// passThrough reports whether an operation may read straight from the
// backend (no unread bytes, no pending \r\n decision, open port).
func (p *Port) passThrough() bool {
	return p.direct && len(p.unread) == 0 && !p.skipLF && !p.closed
}

// hold keeps b (at most utf8.UTFMax bytes) as the unread bytes.
func (p *Port) hold(b []byte) {
	n := copy(p.held[:], b)
	p.unread = p.held[:n]
}

// keepRead puts b, the bytes a read took before it failed (a timeout,
// Ctrl-C, a broken connection), back in front of the unread ones, so
// that the next read returns them: a failed read loses nothing.
func (p *Port) keepRead(b []byte) {
	if len(b) == 0 || p.closed {
		return
	}
	p.unread = append(append(make([]byte, 0, len(b)+len(p.unread)), b...), p.unread...)
}

// readInto reads at most want bytes from the backend straight into the
// spare capacity of dst (grown when needed): one copy from the backend's
// buffer. A \n owed to a preceding \r line end is dropped. m is the
// number of bytes appended.
func (p *Port) readInto(ctx context.Context, dst []byte, want int) (out []byte, m int, err error) {
	if p.closed {
		return dst, 0, errPortClosed(p)
	}
	if p.shared {
		if err := p.syncRead(ctx); err != nil {
			return dst, 0, err
		}
	}
	if cap(dst)-len(dst) < want {
		// one read returns what is there, not all that is wanted: grow
		// by doubling, so (read-bytevector 30000000000) does not ask
		// for 30 GB before its first byte
		want = min(want, max(cap(dst)-len(dst), len(dst), portBufSize))
		dst = slices.Grow(dst, want)
	}
	start := len(dst)
	for {
		if err := ctx.Err(); err != nil {
			return dst, 0, err
		}
		m, err = p.r.ReadContext(ctx, dst[start:start+want])
		if m > 0 && p.skipLF {
			p.skipLF = false
			if dst[start] == '\n' {
				copy(dst[start:], dst[start+1:start+m])
				m--
				if m == 0 && err == nil {
					continue
				}
			}
		}
		if m > 0 {
			return dst[:start+m], m, nil
		}
		if err == nil {
			err = io.ErrNoProgress
		}
		return dst, 0, err
	}
}

func (p *Port) readByte(ctx context.Context) (byte, error) {
	if p.passThrough() {
		return p.byter.ReadByteContext(ctx)
	}
	b, err := p.avail(ctx)
	if err != nil {
		return 0, err
	}
	p.unread = b[1:]
	return b[0], nil
}

func (p *Port) peekByte(ctx context.Context) (byte, error) {
	if p.passThrough() {
		return p.peeker.PeekByteContext(ctx)
	}
	b, err := p.avail(ctx)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

// peekRune decodes the next character without consuming it; size is its
// length in bytes. On a self-buffering backend an ASCII character stays in
// the backend; a multi-byte one is moved into the port.
func (p *Port) peekRune(ctx context.Context) (r rune, size int, err error) {
	if p.passThrough() {
		c, err := p.peeker.PeekByteContext(ctx)
		if err != nil {
			return 0, 0, err
		}
		if c < utf8.RuneSelf {
			return rune(c), 1, nil
		}
	}
	return p.peekRuneHeld(ctx)
}

// peekRuneHeld is peekRune that always leaves the character's bytes at the
// front of p.unread (the reader's ReadRune/UnreadRune rely on it).
func (p *Port) peekRuneHeld(ctx context.Context) (r rune, size int, err error) {
	b, err := p.avail(ctx)
	if err != nil {
		return 0, 0, err
	}
	if b[0] < utf8.RuneSelf {
		return rune(b[0]), 1, nil
	}
	for !utf8.FullRune(p.unread) {
		if err := p.fill(ctx, len(p.unread)); err != nil {
			if isEOF(err) || errors.Is(err, io.ErrNoProgress) {
				break
			}
			return 0, 0, err
		}
	}
	r, size = utf8.DecodeRune(p.unread)
	return r, size, nil
}

func (p *Port) readRune(ctx context.Context) (rune, error) {
	if p.passThrough() {
		c, err := p.byter.ReadByteContext(ctx)
		if err != nil {
			return 0, err
		}
		if c < utf8.RuneSelf {
			return rune(c), nil
		}
		p.hold([]byte{c})
	}
	r, size, err := p.peekRuneHeld(ctx)
	if err != nil {
		return 0, err
	}
	p.unread = p.unread[size:]
	return r, nil
}

// readLine reads up to \n, \r\n or \r (not included); io.EOF when no
// character was read before the end of input. The result may alias the
// port's buffer until the next operation. A read that fails (a timeout,
// an interruption) leaves what it took unread.
func (p *Port) readLine(ctx context.Context) ([]byte, error) {
	var line []byte
	got := false
	for {
		if p.passThrough() && p.lines != nil {
			rest, err := p.lines.ReadLineContext(ctx)
			if err != nil {
				if isEOF(err) && got {
					return line, nil
				}
				if !isEOF(err) {
					p.keepRead(line)
				}
				return nil, err
			}
			if line == nil {
				return rest, nil
			}
			return append(line, rest...), nil
		}
		b, err := p.avail(ctx)
		if err != nil {
			if isEOF(err) && got {
				return line, nil
			}
			if !isEOF(err) {
				p.keepRead(line)
			}
			return nil, err
		}
		got = true
		for i, c := range b {
			if c == '\n' || c == '\r' {
				if line == nil {
					line = b[:i:i]
				} else {
					line = append(line, b[:i]...)
				}
				p.unread = b[i+1:]
				if c == '\r' {
					p.skipLF = true
				}
				return line, nil
			}
		}
		line = append(line, b...)
		p.unread = nil
	}
}

// readLineLimit is readLine reading at most limit characters (CHICKEN's
// read-line limit): a line longer than limit is returned cut, its rest left
// unread; a terminator is consumed only when met within the limit.
func (p *Port) readLineLimit(ctx context.Context, limit int) ([]byte, error) {
	line := []byte{}
	for n := 0; n < limit; n++ {
		r, err := p.readRune(ctx)
		if err != nil {
			if isEOF(err) && n > 0 {
				return line, nil
			}
			if !isEOF(err) {
				p.keepRead(line) // what it took stays unread
			}
			return nil, err
		}
		switch r {
		case '\r':
			p.skipLF = true
			return line, nil
		case '\n':
			return line, nil
		}
		line = utf8.AppendRune(line, r)
	}
	return line, nil
}

// readChars appends up to k characters (k < 0: all) to dst; n is the
// number of characters read. err is io.EOF only when nothing was read.
// With no unread bytes a large request (any request on a self-buffering
// backend) is read straight into dst, never more bytes than characters
// still wanted; a character split across reads is held back and completed.
func (p *Port) readChars(ctx context.Context, dst []byte, k int) (out []byte, n int, err error) {
	start0 := len(dst)
	defer func() {
		if err != nil && !isEOF(err) && len(out) > start0 {
			p.keepRead(out[start0:])
			out, n = out[:start0], 0
		}
	}()
	for k < 0 || n < k {
		if len(p.unread) == 0 && (p.direct || k < 0 || k-n >= directMin) {
			want := k - n
			if k < 0 {
				want = cap(dst) - len(dst)
				if want < directMin {
					want = max(directMin, len(dst))
				}
			}
			start := len(dst)
			dst, _, err = p.readInto(ctx, dst, want)
			if err != nil {
				if isEOF(err) && n > 0 {
					return dst, n, nil
				}
				return dst, n, err
			}
			added := dst[start:]
			if asciiPrefix(added) == len(added) {
				n += len(added)
				continue
			}
			if cut := incompleteTail(added); cut > 0 {
				p.hold(added[len(added)-cut:])
				added = added[:len(added)-cut]
				dst = dst[:len(dst)-cut]
			}
			n += utf8.RuneCount(added)
			continue
		}
		b, err := p.avail(ctx)
		if err != nil {
			if isEOF(err) && n > 0 {
				return dst, n, nil
			}
			return dst, n, err
		}
		// ASCII fast path: copy the run of single-byte characters at once.
		lim := len(b)
		if k >= 0 && k-n < lim {
			lim = k - n
		}
		i := asciiPrefix(b[:lim])
		if i > 0 {
			dst = append(dst, b[:i]...)
			p.unread = b[i:]
			n += i
			continue
		}
		r, size, err := p.peekRuneHeld(ctx)
		if err != nil {
			return dst, n, err
		}
		p.unread = p.unread[size:]
		dst = utf8.AppendRune(dst, r)
		n++
	}
	return dst, n, nil
}

// incompleteTail returns the length of the truncated UTF-8 sequence at the
// end of b (0 when b ends on a character boundary).
func incompleteTail(b []byte) int {
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-i:]) {
				return 0
			}
			return i
		}
	}
	return 0
}

// readBytes appends up to k bytes to dst, blocking until k bytes or the end
// of input (or, when partial, until at least one byte is available).
func (p *Port) readBytes(ctx context.Context, dst []byte, k int, partial bool) (out []byte, err error) {
	start := len(dst)
	defer func() {
		if err != nil && !isEOF(err) && len(out) > start {
			p.keepRead(out[start:])
			out = out[:start]
		}
	}()
	for len(dst)-start < k {
		if partial && len(dst) > start && len(p.unread) == 0 {
			break
		}
		left := k - (len(dst) - start)
		if len(p.unread) == 0 && (p.direct || left >= directMin) {
			var err error
			dst, _, err = p.readInto(ctx, dst, left)
			if err != nil {
				if isEOF(err) && len(dst) > start {
					return dst, nil
				}
				return dst, err
			}
			continue
		}
		b, err := p.avail(ctx)
		if err != nil {
			if isEOF(err) && len(dst) > start {
				return dst, nil
			}
			return dst, err
		}
		m := min(len(b), left)
		dst = append(dst, b[:m]...)
		p.unread = b[m:]
	}
	return dst, nil
}

// readBytesInto is read-bytevector!'s read under the port's lock: it fills
// b (fewer bytes only at the end of input) and returns the count (see
// count); io.EOF when nothing was left. An empty b reads nothing.
func (p *Port) readBytesInto(ctx context.Context, b []byte) (Value, error) {
	if len(b) == 0 {
		return Fixnum(0), nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.passThrough() {
		got, err := p.readBytes(ctx, b[:0], len(b), false)
		if err != nil {
			return nil, err
		}
		return p.count(len(got)), nil
	}
	// A self-buffering backend with nothing held here (TLS, TCP): fill b
	// straight from it, as readBytes would through readInto.
	n := 0
	for n < len(b) {
		if err := ctx.Err(); err != nil {
			p.keepRead(b[:n])
			return nil, err
		}
		m, err := p.r.ReadContext(ctx, b[n:])
		n += m
		switch {
		case err == nil && m == 0:
			p.keepRead(b[:n])
			return nil, io.ErrNoProgress
		case isEOF(err) && n > 0:
			return p.count(n), nil
		case err != nil:
			p.keepRead(b[:n])
			return nil, err
		}
	}
	return p.count(n), nil
}

func (p *Port) ready(ctx context.Context) (bool, error) {
	if p.closed {
		return false, errPortClosed(p)
	}
	if len(p.unread) > 0 || p.mem {
		return true, nil
	}
	if _, ok := p.r.(eofReader); ok {
		return true, nil
	}
	if rr, ok := p.r.(ReadyReader); ok {
		return rr.Ready(ctx)
	}
	return true, nil
}

// ---- output (callers hold p.mu) ----

func (p *Port) writeBytes(ctx context.Context, b []byte) error {
	if p.outClosed() {
		return errPortClosed(p)
	}
	if p.mem {
		if p.back != 0 {
			p.memWrite(b)
		} else {
			p.wbuf = append(p.wbuf, b...)
		}
		return nil
	}
	if p.shared {
		if err := p.syncWrite(ctx); err != nil {
			return err
		}
	}
	if len(p.wbuf) > 0 && len(p.wbuf)+len(b) > portBufSize {
		if err := p.flushBuf(ctx); err != nil {
			p.wbuf = append(p.wbuf, b...) // taken all the same: after the rest
			return err
		}
	}
	if len(p.wbuf) == 0 && (len(b) >= portBufSize || p.wdirect) {
		// Large write, or any write to a direct backend: hand the caller's
		// bytes (e.g. an ASCII string's own storage) straight to the backend.
		n, err := p.backendWrite(ctx, b)
		if err != nil {
			p.wbuf = append(p.wbuf, b[n:]...) // the rest waits in the port
		}
		return err
	}
	p.wbuf = append(p.wbuf, b...)
	if len(p.wbuf) >= portBufSize {
		return p.flushBuf(ctx)
	}
	return nil
}

// writeString writes the UTF-8 encoding of s[start:end]: an ASCII string's
// bytes as they are, a wide string encoded piecewise into the output buffer.
func (p *Port) writeString(ctx context.Context, s *String, start, end int) error {
	if !s.wide {
		return p.writeBytes(ctx, s.b[start:end])
	}
	if p.outClosed() {
		return errPortClosed(p)
	}
	if p.mem && p.back != 0 {
		p.memWrite(s.AppendUTF8(nil, start, end))
		return nil
	}
	if p.shared {
		if err := p.syncWrite(ctx); err != nil {
			return err
		}
	}
	const step = portBufSize / utf8.UTFMax
	for i := start; i < end; i += step {
		j := min(end, i+step)
		if !p.mem && len(p.wbuf) > 0 && len(p.wbuf)+(j-i)*utf8.UTFMax > portBufSize {
			if err := p.flushBuf(ctx); err != nil {
				p.wbuf = s.AppendUTF8(p.wbuf, i, end) // taken all the same: after the rest
				return err
			}
		}
		p.wbuf = s.AppendUTF8(p.wbuf, i, j)
	}
	if !p.mem && len(p.wbuf) >= portBufSize {
		return p.flushBuf(ctx)
	}
	return nil
}

// endOp finishes an output operation: a direct port hands what the
// operation left in its buffer to the backend, stdio ports over an
// in-process writer flush after every operation, those over a file
// (terminal, pipe) once a newline was written. A port written by a Scheme
// thread (ctx of the thread) is registered with its Interp for
// [Interp.FlushAllOutput] (see track).
func (p *Port) endOp(ctx context.Context) error {
	p.track(ctx)
	if len(p.wbuf) == 0 {
		return nil
	}
	if p.wdirect {
		return p.flushBuf(ctx)
	}
	if p.autoSync {
		return p.flushLocked(ctx)
	}
	if p.lineSync {
		if bytes.IndexByte(p.wbuf[p.scanned:], '\n') >= 0 {
			return p.flushLocked(ctx)
		}
		p.scanned = len(p.wbuf)
	}
	return nil
}

// track registers p, once, with the Interp of the thread writing (ctx)
// for [Interp.FlushAllOutput]; not while its backend holds no output
// between operations (a [DirectWriter] that is an [OutputHolder] holding
// none, as a TLS port without tcp-buffer-size: nothing would be left to
// flush) and the port holds none either (an output operation cut short
// leaves its rest in it), which is asked again at the next output
// operation.
func (p *Port) track(ctx context.Context) {
	if p.tracked || p.mem || p.stdio {
		return
	}
	if h, ok := p.w.(OutputHolder); ok && p.wdirect && !h.HoldsOutput() && len(p.wbuf) == 0 {
		return
	}
	if th, ok := ThreadFromContext(ctx); ok {
		p.tracked = true
		th.interp.trackOutput(p)
	}
}

// backendWrite hands b to the backend and returns how much of it went:
// all of it, or less with the error that stopped it.
func (p *Port) backendWrite(ctx context.Context, b []byte) (int, error) {
	sent := 0
	for sent < len(b) {
		if err := ctx.Err(); err != nil {
			return sent, err
		}
		n, err := p.w.WriteContext(ctx, b[sent:])
		sent += max(0, min(n, len(b)-sent))
		if err != nil {
			return sent, err
		}
		if n == 0 {
			return sent, io.ErrShortWrite
		}
	}
	return sent, nil
}

// flushBuf hands the output buffer to the backend. When that fails part
// way, the bytes not sent stay in the buffer, first in line: nothing
// written is lost, and none is sent twice.
func (p *Port) flushBuf(ctx context.Context) error {
	n, err := p.backendWrite(ctx, p.wbuf)
	p.wbuf, p.scanned = p.wbuf[:copy(p.wbuf, p.wbuf[n:])], 0
	return err
}

func (p *Port) flushLocked(ctx context.Context) error {
	if p.mem || !p.IsOutput() || p.w == nil {
		return nil
	}
	if len(p.wbuf) > 0 {
		if err := p.flushBuf(ctx); err != nil {
			return err
		}
		p.retry = nil // finished
	}
	return p.w.FlushContext(ctx)
}

// Flush writes buffered output to the backend and flushes it.
func (p *Port) Flush(ctx context.Context) error {
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	if p.outClosed() {
		return nil
	}
	return p.flushLocked(ctx)
}

// tryFlush is Flush that skips a port whose output side is busy.
func (p *Port) tryFlush(ctx context.Context) error {
	m := p.outMu()
	if !m.TryLock() {
		return nil
	}
	defer m.Unlock()
	if p.outClosed() {
		return nil
	}
	return p.flushLocked(ctx)
}

// Write writes b to an output port as one output operation (handed to a
// [DirectWriter] backend before it returns, else buffered), honouring ctx.
func (p *Port) Write(ctx context.Context, b []byte) error {
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	if p.wdirect && len(p.wbuf) == 0 && p.retry == nil && !p.outClosed() {
		// A direct backend with nothing pending (write-bytevector to a
		// TLS or TCP port): what writeBytes and endOp would do. Not after
		// an operation cut short with its rest held by the backend (retry
		// set, wbuf empty): made again, that one only finishes.
		p.track(ctx)
		n, err := p.backendWrite(ctx, b)
		if err != nil {
			p.wbuf = append(p.wbuf, b[n:]...)
			p.cutShort(func() []byte { return b })
			p.track(ctx) // it holds output now
		}
		return err
	}
	if p.retry != nil && p.again(b) {
		return p.finish(ctx, b)
	}
	err := p.writeBytes(ctx, b)
	if err == nil {
		err = p.endOp(ctx)
	}
	if err != nil {
		p.cutShort(func() []byte { return b })
		p.track(ctx)
	}
	return err
}

// ---- Go-side backends ----

// ReaderBackend adapts an io.Reader to a ByteReader. Reads from an *os.File
// (a terminal or pipe) run in a helper goroutine so that a cancelled context
// returns at once; the pending read is kept for the next call.
func ReaderBackend(r io.Reader) ByteReader {
	if br, ok := r.(ByteReader); ok {
		return br
	}
	if _, ok := r.(interface{ Fd() uintptr }); ok {
		return &asyncReader{r: r}
	}
	return syncReader{r}
}

type syncReader struct{ r io.Reader }

func (s syncReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return s.r.Read(p)
}

// Close closes the underlying reader when it is an io.Closer.
func (s syncReader) Close() error {
	if c, ok := s.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

type readResult struct {
	b   []byte
	err error
}

type asyncReader struct {
	r       io.Reader
	mu      sync.Mutex
	pending chan readResult
	left    []byte
	lerr    error
}

func (a *asyncReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.left) == 0 && a.lerr == nil {
		if a.pending == nil {
			ch := make(chan readResult, 1)
			a.pending = ch
			size := len(p)
			go func() {
				b := make([]byte, size)
				n, err := a.r.Read(b)
				ch <- readResult{b[:n], err}
			}()
		}
		select {
		case res := <-a.pending:
			a.pending = nil
			a.left, a.lerr = res.b, res.err
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	n := copy(p, a.left)
	a.left = a.left[n:]
	if len(a.left) == 0 && a.lerr != nil {
		err := a.lerr
		a.lerr = nil
		if n > 0 && err == io.EOF {
			a.lerr = err
			return n, nil
		}
		return n, err
	}
	return n, nil
}

// WriterBackend adapts an io.Writer to a ByteWriter; FlushContext calls the
// writer's Flush() error method when it has one. A write to a file that
// takes write deadlines (a pipe) ends when its context is done, reporting
// how much went.
func WriterBackend(w io.Writer) ByteWriter {
	if bw, ok := w.(ByteWriter); ok {
		return bw
	}
	return writerBackend{w}
}

type writerBackend struct{ w io.Writer }

func (b writerBackend) WriteContext(ctx context.Context, p []byte) (int, error) {
	return writeCtx(ctx, b.w, p)
}

func (b writerBackend) FlushContext(ctx context.Context) error {
	if f, ok := b.w.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}

// Close closes the underlying writer when it is an io.Closer.
func (b writerBackend) Close() error {
	if c, ok := b.w.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// stdioPort makes the initial current port over a standard stream: it is
// never closed by close-port. An input stream that implements
// [ByteReadByter] and [BytePeeker] (the REPL's shared, cancellable stdin)
// is used directly, with no helper goroutine and no read-ahead. Output to
// a file (terminal, pipe) is line-buffered: flushed once an operation
// wrote a newline, by flush-output, when 64 KiB are pending, and by
// [Interp.FlushOutput]; stderr and in-process writers are flushed after
// every operation.
func stdioPort(name string, in io.Reader, out io.Writer) *Port {
	if in != nil {
		p := NewInputPort(name, ReaderBackend(in), in)
		p.stdio = true
		return p
	}
	p := NewOutputPort(name, WriterBackend(out), out)
	p.stdio = true
	if _, file := out.(*os.File); file && name != "(stderr)" {
		p.lineSync = true
	} else {
		p.autoSync = true
	}
	return p
}

// FlushOutput flushes the Interp's initial current output and error ports
// (line-buffered when they write to a file); the embedder calls it after
// an evaluation so that a last line without a newline is not lost.
func (in *Interp) FlushOutput(ctx context.Context) error {
	var first error
	for _, pd := range []*ParamDef{CurrentOutputPort, CurrentErrorPort} {
		prm := in.parameter(pd)
		if prm == nil {
			continue
		}
		if p, ok := prm.get().(*Port); ok {
			if err := p.Flush(ctx); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// CurrentInputPort, CurrentOutputPort and CurrentErrorPort are the
// parameters current-input-port, current-output-port and
// current-error-port; their initial values are ports over the Interp's
// Stdin, Stdout and Stderr. Read them in Go with th.Param.
var (
	CurrentInputPort = &ParamDef{Name: "current-input-port", Spec: "r7rs §6.13.1", Sig: "(current-input-port)",
		Doc: "The default input port.", Init: func(in *Interp) Value { return stdioPort("(stdin)", in.Stdin, nil) }, Convert: portConv(true)}
	CurrentOutputPort = &ParamDef{Name: "current-output-port", Spec: "r7rs §6.13.1", Sig: "(current-output-port)",
		Doc: "The default output port.", Init: func(in *Interp) Value { return stdioPort("(stdout)", nil, in.Stdout) }, Convert: portConv(false)}
	CurrentErrorPort = &ParamDef{Name: "current-error-port", Spec: "r7rs §6.13.1", Sig: "(current-error-port)",
		Doc: "The default error port.", Init: func(in *Interp) Value { return stdioPort("(stderr)", nil, in.Stderr) }, Convert: portConv(false)}
)

func portConv(input bool) func(th *Thread, v Value) (Value, error) {
	return func(th *Thread, v Value) (Value, error) {
		p, ok := v.(*Port)
		if !ok || (input && !p.input) || (!input && !p.IsOutput()) {
			if input {
				return nil, TypeError("", 1, "input port", v)
			}
			return nil, TypeError("", 1, "output port", v)
		}
		return p, nil
	}
}

// asciiPrefix returns the length of the leading run of ASCII bytes of b:
// whole 64-byte blocks first ([asciiBlocks]: AVX2 or SSE2 on amd64), then 8 bytes
// and single bytes.
func asciiPrefix(b []byte) int {
	const hi = 0x8080808080808080
	i := asciiBlocks(b)
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&hi != 0 {
			break
		}
	}
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	return i
}
