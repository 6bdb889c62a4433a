// A starttls.Wire over a pair of Scheme ports, so the reply readers of package starttls work on tcp and ssl ports alike.

package starttls

import (
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

// portWire reads from in and writes to out by calling the interpreter's
// own port procedures, so bytes buffered by a port are seen and none are
// taken from under it.
type portWire struct {
	th      *scheme.Thread
	in, out scheme.Value
}

var _ starttls.Wire = (*portWire)(nil)

func (w *portWire) call(name string, args ...scheme.Value) (scheme.Value, error) {
	proc, ok := w.th.Interp().Lookup(name)
	if !ok {
		return nil, scheme.Errorf("(tlsport starttls) needs %s", name)
	}
	return w.th.Call(proc, args...)
}

// ReadLine implements starttls.Wire.
func (w *portWire) ReadLine() (string, error) {
	v, err := w.call("read-line", w.in)
	if err != nil {
		return "", err
	}
	s, ok := v.(*scheme.String)
	if !ok {
		return "", io.EOF
	}
	return strings.TrimSuffix(s.String(), "\r"), nil
}

// ReadByte implements starttls.Wire.
func (w *portWire) ReadByte() (byte, error) {
	v, err := w.call("read-u8", w.in)
	if err != nil {
		return 0, err
	}
	n, ok := v.(scheme.Fixnum)
	if !ok {
		return 0, io.EOF
	}
	return byte(n), nil
}

// ReadFull implements starttls.Wire.
func (w *portWire) ReadFull(p []byte) error {
	for got := 0; got < len(p); {
		v, err := w.call("read-bytevector", scheme.Fixnum(len(p)-got), w.in)
		if err != nil {
			return err
		}
		bv, ok := v.(*scheme.Bytevector)
		if !ok || len(bv.B) == 0 {
			return io.ErrUnexpectedEOF
		}
		got += copy(p[got:], bv.B)
	}
	return nil
}

// Send implements starttls.Wire.
func (w *portWire) Send(p []byte) error {
	if _, err := w.call("write-bytevector", &scheme.Bytevector{B: p}, w.out); err != nil {
		return err
	}
	_, err := w.call("flush-output", w.out)
	return err
}
