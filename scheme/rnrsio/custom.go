// Custom ports (r6rs-lib §8.2.7, §8.2.10, §8.2.13): ports whose reads and writes call Scheme procedures.

package rnrsio

import (
	"context"
	"io"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

// custom is the backend and Host of a custom port. Its procedures run on
// the Scheme thread doing the port operation (scheme.ThreadFromContext).
type custom struct {
	id                    string
	textual               bool
	read, write           scheme.Value
	getPos, setPos, close scheme.Value
	wpend                 []byte // textual output: incomplete UTF-8 character
	closed                bool
}

func (c *custom) thread(ctx context.Context) (*scheme.Thread, error) {
	return callerThread(ctx, "custom port "+c.id)
}

// callerThread returns the Scheme thread doing a port operation (ctx), on
// which the Scheme procedures of the port (what) run: those of a custom
// port, a codec's getc and putc. They run as any callback of a primitive
// does, the interpreter lock taken for them.
func callerThread(ctx context.Context, what string) (*scheme.Thread, error) {
	th, ok := scheme.ThreadFromContext(ctx)
	if !ok {
		return nil, scheme.Errorf("%s used outside a Scheme thread", what)
	}
	return th, nil
}

// wholeRunes returns the length of src without the incomplete UTF-8
// character at its end, if any.
func wholeRunes(src []byte) int {
	for i := 1; i <= utf8.UTFMax && i <= len(src); i++ {
		c := src[len(src)-i]
		if c < utf8.RuneSelf {
			return len(src)
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(src[len(src)-i:]) {
				return len(src)
			}
			return len(src) - i
		}
	}
	return len(src)
}

func count(v scheme.Value, max int) (int, error) {
	n, ok := v.(scheme.Fixnum)
	if !ok || n < 0 || int(n) > max {
		return 0, scheme.Errorf("custom port procedure returned %s, not a count from 0 to %d", scheme.WriteString(v), max)
	}
	return int(n), nil
}

// ReadContext implements scheme.ByteReader: read! fills a bytevector (or a
// string, whose characters are then encoded in UTF-8).
func (c *custom) ReadContext(ctx context.Context, p []byte) (int, error) {
	th, err := c.thread(ctx)
	if err != nil {
		return 0, err
	}
	if !c.textual {
		bv := &scheme.Bytevector{B: make([]byte, len(p))}
		v, err := th.Call(c.read, bv, scheme.Fixnum(0), scheme.Fixnum(len(p)))
		if err != nil {
			return 0, err
		}
		n, err := count(v, len(p))
		if err != nil || n == 0 {
			return 0, orEOF(err)
		}
		return copy(p, bv.B[:n]), nil
	}
	k := max(1, len(p)/utf8.UTFMax)
	s := scheme.NewString(string(make([]byte, k)))
	v, err := th.Call(c.read, s, scheme.Fixnum(0), scheme.Fixnum(k))
	if err != nil {
		return 0, err
	}
	n, err := count(v, k)
	if err != nil || n == 0 {
		return 0, orEOF(err)
	}
	return len(s.AppendUTF8(p[:0], 0, n)), nil
}

func orEOF(err error) error {
	if err == nil {
		return io.EOF
	}
	return err
}

// WriteContext implements scheme.ByteWriter: write! is called until all
// of p is taken.
func (c *custom) WriteContext(ctx context.Context, p []byte) (int, error) {
	th, err := c.thread(ctx)
	if err != nil {
		return 0, err
	}
	if !c.textual {
		bv := &scheme.Bytevector{B: p}
		for start := 0; start < len(p); {
			v, err := th.Call(c.write, bv, scheme.Fixnum(start), scheme.Fixnum(len(p)-start))
			if err != nil {
				return start, err
			}
			n, err := count(v, len(p)-start)
			if err != nil {
				return start, err
			}
			if n == 0 {
				return start, io.ErrShortWrite
			}
			start += n
		}
		return len(p), nil
	}
	src := append(c.wpend, p...)
	cut := wholeRunes(src)
	c.wpend = append([]byte(nil), src[cut:]...)
	s := scheme.MakeStringFromBytes(src[:cut])
	for start := 0; start < s.Len(); {
		v, err := th.Call(c.write, s, scheme.Fixnum(start), scheme.Fixnum(s.Len()-start))
		if err != nil {
			return 0, err
		}
		n, err := count(v, s.Len()-start)
		if err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, io.ErrShortWrite
		}
		start += n
	}
	return len(p), nil
}

// FlushContext implements scheme.ByteWriter.
func (c *custom) FlushContext(ctx context.Context) error { return nil }

// Close implements io.Closer; the close procedure runs only through
// CloseContext, on the Scheme thread closing the port.
func (c *custom) Close() error { return nil }

// CloseContext implements scheme.ContextCloser: the close procedure, if
// any, runs once.
func (c *custom) CloseContext(ctx context.Context) error {
	if c.closed || c.close == scheme.False {
		c.closed = true
		return nil
	}
	c.closed = true
	th, err := c.thread(ctx)
	if err != nil {
		return err
	}
	_, err = th.Call(c.close)
	return err
}

// Seekable implements scheme.Seeker: a binary custom port with both
// get-position and set-position! has byte positions the port can use
// itself: an input/output one puts its output where reading stands
// (r6rs-lib §8.2.13's note), as Chez Scheme does.
func (c *custom) Seekable() bool {
	return !c.textual && c.getPos != scheme.False && c.setPos != scheme.False
}

// PositionContext implements scheme.Seeker: get-position, less what the
// port read ahead.
func (c *custom) PositionContext(ctx context.Context, ahead int) (int64, error) {
	th, err := c.thread(ctx)
	if err != nil {
		return 0, err
	}
	v, err := th.Call(c.getPos)
	if err != nil {
		return 0, err
	}
	n, ok := v.(scheme.Fixnum)
	if !ok {
		return 0, scheme.Errorf("custom port %s: get-position returned %s, not a position", c.id, scheme.WriteString(v))
	}
	return int64(n) - int64(ahead), nil
}

// SetPositionContext implements scheme.Seeker: set-position!.
func (c *custom) SetPositionContext(ctx context.Context, pos int64) error {
	th, err := c.thread(ctx)
	if err != nil {
		return err
	}
	_, err = th.Call(c.setPos, scheme.Fixnum(pos))
	return err
}

func (c *custom) position(th *scheme.Thread, p *scheme.Port) (scheme.Value, error) {
	if c.getPos == scheme.False {
		return nil, noPosition(p)
	}
	if p.IsOutput() {
		if err := p.Flush(th.Context()); err != nil {
			return nil, err
		}
	}
	v, err := th.Call(c.getPos)
	if err != nil {
		return nil, err
	}
	if n, ok := v.(scheme.Fixnum); ok && p.IsInput() && !c.textual {
		return n - scheme.Fixnum(p.BufferedLen()), nil
	}
	return v, nil
}

func (c *custom) setPosition(th *scheme.Thread, p *scheme.Port, pos scheme.Value) (scheme.Value, error) {
	if c.setPos == scheme.False {
		return nil, noPosition(p)
	}
	if p.IsOutput() {
		if err := p.Flush(th.Context()); err != nil {
			return nil, err
		}
	}
	if p.IsInput() {
		p.TakeBuffered()
	}
	_, err := th.Call(c.setPos, pos)
	return scheme.Unspecified, err
}

func makeCustom(a []scheme.Value, textual, in, out bool) scheme.Value {
	c := &custom{id: a[0].(*scheme.String).String(), textual: textual, read: scheme.False, write: scheme.False}
	i := 1
	if in {
		c.read, i = a[i], i+1
	}
	if out {
		c.write, i = a[i], i+1
	}
	c.getPos, c.setPos, c.close = a[i], a[i+1], a[i+2]
	var p *scheme.Port
	switch {
	case in && out:
		p = scheme.NewInputOutputPort(c.id, c, c, c)
	case in:
		p = scheme.NewInputPort(c.id, c, c)
	default:
		p = scheme.NewOutputPort(c.id, c, c)
	}
	p.SetKind(textual)
	return p
}

// makeCustomBinaryInputPort implements make-custom-binary-input-port.
func makeCustomBinaryInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, false, true, false), nil
}

// makeCustomBinaryOutputPort implements make-custom-binary-output-port.
func makeCustomBinaryOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, false, false, true), nil
}

// makeCustomBinaryInputWithOutputPort implements make-custom-binary-input/output-port.
func makeCustomBinaryInputWithOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, false, true, true), nil
}

// makeCustomTextualInputPort implements make-custom-textual-input-port.
func makeCustomTextualInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, true, true, false), nil
}

// makeCustomTextualOutputPort implements make-custom-textual-output-port.
func makeCustomTextualOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, true, false, true), nil
}

// makeCustomTextualInputWithOutputPort implements make-custom-textual-input/output-port.
func makeCustomTextualInputWithOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeCustom(a, true, true, true), nil
}
