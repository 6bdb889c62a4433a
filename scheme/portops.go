// Exported port operations for the port libraries outside the core ((rnrs io ports) …): locked reads, writes, kinds and positions.

package scheme

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"unicode/utf8"
)

// NewMemInputPort returns a string (textual) or bytevector (binary) input
// port reading data, which the port keeps (it supports positions).
func NewMemInputPort(name string, data []byte, textual bool) *Port {
	p := newMemInput(name, data, textual)
	p.data = data
	return p
}

// NewMemOutputPort returns a string (textual) or bytevector (binary) output
// port accumulating what is written (see [Port.TakeOutput]).
func NewMemOutputPort(name string, textual bool) *Port { return newMemOutput(name, textual) }

// IsTextual reports whether p is a textual port.
func (p *Port) IsTextual() bool { return p.textual }

// IsBinary reports whether p is a binary port.
func (p *Port) IsBinary() bool { return p.binary }

// SetKind makes p a textual or a binary port (a port made by
// [NewInputPort] and its siblings is both); call it before p is shared.
func (p *Port) SetKind(textual bool) { p.textual, p.binary = textual, !textual }

// IsMem reports whether p is a string or bytevector port.
func (p *Port) IsMem() bool { return p.mem || p.data != nil }

// TakeOutput returns what was written to a string or bytevector output port
// and empties it; ok is false for other ports.
func (p *Port) TakeOutput() (b []byte, ok bool) {
	p = p.last()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.mem {
		return nil, false
	}
	b, p.wbuf, p.back, p.mark = p.wbuf, nil, 0, charMark{}
	if b == nil {
		b = []byte{}
	}
	return b, true
}

// ReadByteContext reads one byte (io.EOF at the end of input).
func (p *Port) ReadByteContext(ctx context.Context) (byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.readByte(ctx)
}

// PeekByteContext returns the next byte without consuming it.
func (p *Port) PeekByteContext(ctx context.Context) (byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.peekByte(ctx)
}

// ReadRuneContext reads one character.
func (p *Port) ReadRuneContext(ctx context.Context) (rune, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.readRune(ctx)
}

// PeekRuneContext returns the next character without consuming it.
func (p *Port) PeekRuneContext(ctx context.Context) (rune, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, _, err := p.peekRune(ctx)
	return r, err
}

// ReadBytesContext appends up to k bytes to dst: all k unless the input
// ends, or with partial as many as are available once at least one is
// (blocking only for the first). io.EOF when none was read.
func (p *Port) ReadBytesContext(ctx context.Context, dst []byte, k int, partial bool) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	start := len(dst)
	out, err := p.readBytes(ctx, dst, k, partial)
	if err == nil && len(out) == start && k > 0 {
		err = io.EOF
	}
	return out, err
}

// ReadCharsContext appends up to k characters (k < 0: all) as UTF-8 to
// dst; n is the number read, err io.EOF only when none was.
func (p *Port) ReadCharsContext(ctx context.Context, dst []byte, k int) (out []byte, n int, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.readChars(ctx, dst, k)
}

// ReadLineContext reads a line without its terminator (\n, \r\n or \r), as
// a fresh slice; io.EOF when the input had ended.
func (p *Port) ReadLineContext(ctx context.Context) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, err := p.readLine(ctx)
	return append([]byte(nil), b...), err
}

// ReadDatum reads one datum with the Scheme reader (the eof object at the
// end of input).
func (p *Port) ReadDatum(th *Thread) (Value, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return readPortDatum(th, p)
}

// WriteStringContext writes s[start:end] (characters) to an output port.
func (p *Port) WriteStringContext(ctx context.Context, s *String, start, end int) error {
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	op := func(m *Port) error { return m.writeString(ctx, s, start, end) }
	return p.outputOp(ctx, op)
}

// ReadyContext reports whether a read would not block.
func (p *Port) ReadyContext(ctx context.Context) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ready(ctx)
}

// errNoPosition is the error of a position operation on a port without
// positions: an (exn i/o) condition naming the procedure called.
func errNoPosition(p *Port) error { return NewError("", "port has no position", []Value{p}, "i/o") }

// ErrInvalidPosition is the error of [Port.SetPosition] given a position
// the port cannot take (R6RS's &i/o-invalid-position).
var ErrInvalidPosition = errors.New("scheme: invalid position")

// HasPosition reports whether [Port.Position] and [Port.SetPosition] work
// on p: string and bytevector ports, file ports, ports over a [Seeker]
// (input/output file ports, transcoded ports over ports with positions).
func (p *Port) HasPosition() bool {
	if p.seek != nil {
		return p.seek.Seekable()
	}
	_, file := p.Host.(*os.File)
	return p.IsMem() || (file && !p.stdio)
}

// Position returns the port's position: the byte offset of the next byte
// read or written (over a transcoding [Seeker], in the bytes beneath); on
// a string port, the index of the next character, as Chez Scheme's and
// Sagittarius's port-position.
func (p *Port) Position() (int64, error) { return p.PositionContext(context.Background()) }

// PositionContext is Position with a context for the output it hands to
// the backend first (a port over a [Seeker]).
func (p *Port) PositionContext(ctx context.Context) (int64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.position(ctx)
}

func (p *Port) position(ctx context.Context) (int64, error) {
	switch {
	case p.data != nil:
		off := len(p.data) - p.ahead()
		if p.textual {
			return int64(p.mark.chars(p.data, off)), nil
		}
		return int64(off), nil
	case p.mem:
		off := len(p.wbuf) - p.back
		if p.textual {
			return int64(p.mark.chars(p.wbuf, off)), nil
		}
		return int64(off), nil
	case p.seek != nil:
		if !p.seek.Seekable() {
			return 0, errNoPosition(p)
		}
		if len(p.wbuf) > 0 { // (an input port's is empty)
			if err := p.flushBuf(ctx); err != nil {
				return 0, err
			}
		}
		return p.seek.PositionContext(ctx, p.ahead())
	}
	f, ok := p.Host.(*os.File)
	if !ok || p.stdio {
		return 0, errNoPosition(p)
	}
	off, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	if p.input {
		return off - int64(p.ahead()), nil
	}
	if s, ok := p.w.(*fileSink); ok {
		off += int64(s.buffered())
	}
	return off + int64(len(p.wbuf)), nil
}

// RowColumn returns the line (from 1) and column (in characters, from 0)
// of the next character an input port reads, as CHICKEN's port-position:
// counted in what a string or bytevector port has read, or in the bytes of
// a file before the port's position; other ports do not know theirs.
func (p *Port) RowColumn() (row, col int, err error) {
	if !p.input || !p.HasPosition() {
		return 0, 0, errNoPosition(p)
	}
	var before []byte
	if p.data != nil {
		p.mu.Lock()
		before = p.data[:len(p.data)-p.ahead()]
		p.mu.Unlock()
	} else {
		off, err := p.Position()
		if err != nil {
			return 0, 0, err
		}
		if f, ok := p.Host.(*os.File); ok {
			before = make([]byte, off)
			if _, err := f.ReadAt(before, 0); err != nil && err != io.EOF {
				return 0, 0, err
			}
		}
	}
	row = 1 + bytes.Count(before, []byte{'\n'})
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return row, utf8.RuneCount(before), nil
}

// HasSetPosition reports whether [Port.SetPosition] works on p: as
// [Port.HasPosition].
func (p *Port) HasSetPosition() bool { return p.HasPosition() }

// SetPosition moves the port to pos (a value [Port.Position] returned;
// on a binary port any byte offset); output is handed to the backend
// first and what was read ahead is dropped. A string or bytevector
// output port may be moved beyond its end, up to which the next write
// fills it with zeros (NUL characters), as a file does; the next output
// replaces what it covers (on a string port, as many characters as it
// has). A string port's position counts characters (see [Port.Position]);
// a string input port's is at most its length.
func (p *Port) SetPosition(ctx context.Context, pos int64) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pos < 0 {
		return ErrInvalidPosition
	}
	switch {
	case p.data != nil:
		off, ok := p.offset(p.data, pos)
		if !ok || off > len(p.data) {
			return ErrInvalidPosition
		}
		p.unread, p.skipLF = p.data[off:], false
		return nil
	case p.mem:
		off, ok := p.offset(p.wbuf, pos)
		if !ok {
			return ErrInvalidPosition
		}
		p.back = len(p.wbuf) - off
		return nil
	case p.seek != nil:
		if !p.seek.Seekable() {
			return errNoPosition(p)
		}
		if len(p.wbuf) > 0 {
			if err := p.flushBuf(ctx); err != nil {
				return err
			}
		}
		if err := p.seek.SetPositionContext(ctx, pos); err != nil {
			return err
		}
		p.unread, p.skipLF, p.reading = nil, false, false
		return nil
	}
	f, ok := p.Host.(*os.File)
	if !ok || p.stdio {
		return errNoPosition(p)
	}
	if !p.input {
		if err := p.flushLocked(ctx); err != nil { // the file sink's buffer too
			return err
		}
	}
	if _, err := f.Seek(pos, io.SeekStart); err != nil {
		return err
	}
	p.unread, p.skipLF = nil, false
	return nil
}

// offset returns the byte offset in a memory port's bytes b of position
// pos: pos itself on a bytevector port, character pos on a string port
// (beyond the end, one byte per character); ok is false for a position
// beyond what one allocation may take (see [SetMaxAllocation]), whose gap
// no write could fill.
func (p *Port) offset(b []byte, pos int64) (off int, ok bool) {
	if uint64(pos) > MaxAllocation() {
		return 0, false
	}
	if !p.textual {
		return int(pos), true
	}
	return p.mark.offset(b, int(pos)), true
}

// memWrite writes b at a memory output port's position away from its end
// (back != 0): zeros fill the gap up to a position beyond the end, and b
// replaces as many bytes (a string port: characters) as it has.
func (p *Port) memWrite(b []byte) {
	pos := len(p.wbuf) - p.back
	p.mark.moved(pos)
	if len(p.wbuf) < pos {
		p.wbuf = append(p.wbuf, make([]byte, pos-len(p.wbuf))...)
	}
	end := min(pos+len(b), len(p.wbuf))
	if p.textual {
		end = pos
		for n := utf8.RuneCount(b); n > 0 && end < len(p.wbuf); n-- {
			_, size := utf8.DecodeRune(p.wbuf[end:])
			end += size
		}
	}
	p.wbuf = slices.Replace(p.wbuf, pos, end, b...)
	p.back = len(p.wbuf) - (pos + len(b))
}

// BufferMode returns the R6RS buffer mode of an output port (r6rs-lib
// §8.2.10): none when it hands its output to the backend after every
// operation, line after an operation that wrote a newline, else block.
func (p *Port) BufferMode() string {
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	switch {
	case p.autoSync:
		return "none"
	case p.lineSync:
		return "line"
	}
	return "block"
}

// BufferedLen returns the number of bytes read ahead from the backend but
// not yet delivered.
func (p *Port) BufferedLen() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.unread)
}

// Detach closes p in the way R6RS's transcoded-port does (r6rs-lib
// §8.2.6) and returns the port that goes on in its place: a new port with
// p's backends, the bytes p read ahead and holds to write, and its
// position; p is closed without closing its backends, and its output is
// in the new port (whose output [Port.TakeOutput] on p takes, when p is
// a memory port). A standard stream (stdin, stdout, stderr) is not
// detached: Detach returns nil and p stays open. The caller keeps p
// reachable while the new port is used (a file port's backend is closed
// when its port is collected).
func (p *Port) Detach() *Port {
	if p.stdio {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if m := p.outMu(); m != &p.mu {
		m.Lock()
		defer m.Unlock()
	}
	q := &Port{Host: p.Host, name: p.name, r: p.r, w: p.w, byter: p.byter, peeker: p.peeker, lines: p.lines, seek: p.seek,
		buf: p.buf, unread: append([]byte(nil), p.unread...), wbuf: p.wbuf, data: p.data, scanned: p.scanned, back: p.back, retry: p.retry,
		input: p.input, textual: p.textual, binary: p.binary, mem: p.mem, autoSync: p.autoSync, lineSync: p.lineSync, inout: p.inout,
		shared: p.shared, reading: p.reading, wdirect: p.wdirect, direct: p.direct, skipLF: p.skipLF,
		closed: p.closed, wclosed: p.wclosed, rclosing: p.rclosing, bclosed: p.bclosed}
	p.buf, p.unread, p.wbuf, p.retry, p.skipLF, p.next = nil, nil, nil, nil, false, q
	p.closed, p.wclosed, p.rclosing, p.bclosed = true, true, true, true
	return q
}

// last returns the port that took p over last (see Detach), or p.
func (p *Port) last() *Port {
	p.mu.Lock()
	q := p.next
	p.mu.Unlock()
	if q == nil {
		return p
	}
	return q.last()
}
