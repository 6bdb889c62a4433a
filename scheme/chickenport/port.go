// CHICKEN's (chicken port): custom ports made of Scheme procedures, port combinators, port attributes and terminals.

// Package chickenport is the (chicken port) library: CHICKEN 5's port
// extensions. Custom ports (make-input-port, make-output-port) and the
// combining ports (bidirectional, broadcast, concatenated) are ordinary
// [scheme.Port]s over backends that call Scheme procedures, so they work
// wherever a port does, including under ports->ssl-ports: tlsport's
// strings are Unicode, so for binary data READ-CHAR may return bytes and
// WRITE receives bytevectors (see the rows). The string-port
// procedures of the core are re-exported; the with-…-port procedures and
// the iterators are Scheme (port.scm).
package chickenport

import (
	"context"
	_ "embed"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken port)"

//go:embed port.scm
var source string

var (
	typePort = scheme.TypePort
	optProc  = scheme.OrFalse(scheme.TypeProcedure)
)

var procs = []scheme.Proc{
	{Name: "port-name", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("port", typePort, nil)) },
		Doc: "The name of port (default the current input port): its file name, or a tag in parentheses such as \"(string)\".",
		Fn:  portName},
	{Name: "port-position", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("port", typePort, nil)) },
		Doc: "Row (from 1) and column (from 0) of the next character an input port reads, as two values: for string and bytevector ports and file ports; an error for other ports (sockets, the terminal), as CHICKEN signals for a port without the operation.",
		Fn:  portPosition},
	{Name: "set-port-name!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("port", typePort), scheme.Req("string", scheme.TypeString))
	},
		Doc: "Sets the name of port to string.",
		Fn:  setPortNameBang},
	{Name: "set-buffering-mode!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("port", typePort), scheme.Req("mode", scheme.TypeKeyword), scheme.Opt("bufsize", scheme.TypeIndex, nil))
	},
		Doc: "Sets when output to port reaches its destination: #:none after every operation, #:line once a newline is written, #:full when the buffer fills or on flush-output (bufsize is accepted and ignored).",
		Fn:  setBufferingModeBang},
	{Name: "terminal-name", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", typePort)) },
		Doc: "The name of the terminal port is connected to (e.g. \"/dev/pts/0\"); an error when it is not a terminal.",
		Fn:  terminalName},
	{Name: "terminal-port?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", typePort)) },
		Doc: "Is port connected to a terminal?",
		Fn:  terminalPortP},
	{Name: "terminal-size", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", typePort)) },
		Doc: "The rows and columns of the terminal connected to port, as two values; 0 and 0 when they cannot be obtained.",
		Fn:  terminalSize},
	{Name: "make-input-port", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("read-char", scheme.TypeProcedure), scheme.Req("char-ready?", scheme.TypeProcedure), scheme.Req("close", scheme.TypeProcedure),
				scheme.Opt("peek-char", optProc, nil), scheme.Opt("read-string!", optProc, nil), scheme.Opt("read-line", optProc, nil))
		},
		Doc: "A custom input port: (read-char) gives the next character or the eof object, (char-ready?) answers char-ready?, (close) is called by close-input-port. Peeking, strings and lines are built on read-char by the port (peek-char, read-string! and read-line are accepted and not needed). For binary data (TLS over the port) read-char may return a byte, an integer from 0 to 255, as read-u8 does.",
		Fn:  makeInputPort},
	{Name: "make-output-port", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("write", scheme.TypeProcedure), scheme.Req("close", scheme.TypeProcedure), scheme.Opt("flush", optProc, nil))
		},
		Doc: "A custom output port: (write string) receives the output of every operation at once, (close) is called by close-output-port, (flush) by flush-output.",
		Fn:  makeOutputPort},
	{Name: "make-bidirectional-port", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("input-port", typePort), scheme.Req("output-port", typePort))
	},
		Doc: "An input/output port reading from input-port and writing to output-port; closing one of its sides closes that port.",
		Fn:  makeBidirectionalPort},
	{Name: "make-broadcast-port", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("port", typePort)) },
		Doc: "An output port writing everything written to it to every port; flush-output flushes them, closing it closes none of them.",
		Fn:  makeBroadcastPort},
	{Name: "make-concatenated-port", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("port1", typePort), scheme.Rest("port", typePort))
	},
		Doc: "An input port reading port1 to its end, then each next port; closing it closes none of them.",
		Fn:  makeConcatenatedPort},
	// written in Scheme (port.scm)
	{Name: "with-output-to-port", Spec: spec, Sig: "(with-output-to-port port thunk)", Args: scheme.Params{Required: []string{"port", "thunk"}},
		Doc: "Calls thunk with the current output port bound to port."},
	{Name: "with-input-from-port", Spec: spec, Sig: "(with-input-from-port port thunk)", Args: scheme.Params{Required: []string{"port", "thunk"}},
		Doc: "Calls thunk with the current input port bound to port."},
	{Name: "with-error-output-to-port", Spec: spec, Sig: "(with-error-output-to-port port thunk)", Args: scheme.Params{Required: []string{"port", "thunk"}},
		Doc: "Calls thunk with the current error port bound to port."},
	{Name: "with-error-output-to-string", Spec: spec, Sig: "(with-error-output-to-string thunk)", Args: scheme.Params{Required: []string{"thunk"}},
		Doc: "Calls thunk with the current error port bound to a string port; returns what was written to it."},
	{Name: "port-for-each", Spec: spec, Sig: "(port-for-each fn thunk)", Args: scheme.Params{Required: []string{"fn", "thunk"}},
		Doc: "Applies fn to each result of (thunk) until it returns the eof object."},
	{Name: "port-map", Spec: spec, Sig: "(port-map fn thunk)", Args: scheme.Params{Required: []string{"fn", "thunk"}},
		Doc: "The list of fn applied to each result of (thunk) until it returns the eof object."},
	{Name: "port-fold", Spec: spec, Sig: "(port-fold fn acc thunk)", Args: scheme.Params{Required: []string{"fn", "acc", "thunk"}},
		Doc: "Folds (fn x acc) over the results x of (thunk) until it returns the eof object; returns the last acc."},
	{Name: "copy-port", Spec: spec, Sig: "(copy-port from to [read [write]])", Args: scheme.Params{Required: []string{"from", "to"}, Optional: []string{"read", "write"}},
		Doc: "Copies what (read from) returns (default read-char) with (write x to) (default write-char) until the eof object."},
	// the core's procedures, re-exported
	{Name: "call-with-input-string", Spec: spec, Sig: "(call-with-input-string string proc)", Args: scheme.Params{Required: []string{"string", "proc"}},
		Doc: "Same as the core's call-with-input-string: calls proc with an input port reading string."},
	{Name: "call-with-output-string", Spec: spec, Sig: "(call-with-output-string proc)", Args: scheme.Params{Required: []string{"proc"}},
		Doc: "Same as the core's call-with-output-string: calls proc with a string output port; returns what was written."},
	{Name: "with-input-from-string", Spec: spec, Sig: "(with-input-from-string string thunk)", Args: scheme.Params{Required: []string{"string", "thunk"}},
		Doc: "Same as the core's with-input-from-string: calls thunk with the current input port reading string."},
	{Name: "with-output-to-string", Spec: spec, Sig: "(with-output-to-string thunk)", Args: scheme.Params{Required: []string{"thunk"}},
		Doc: "Same as the core's with-output-to-string: calls thunk with the current output port bound to a string port; returns what was written."},
}

// Library is the (chicken port) binding table.
var Library = &scheme.Library{Name: "(chicken port)", Doc: "CHICKEN 5's (chicken port): custom and combining ports, port attributes, redirection and iteration.", Procs: procs,
	Source: scheme.LibrarySource("port.scm", source)}

func portArg(th *scheme.Thread, v scheme.Value) *scheme.Port {
	if scheme.IsDefault(v) {
		v = th.Param(scheme.CurrentInputPort)
	}
	p, _ := v.(*scheme.Port)
	return p
}

// portName implements port-name.
func portName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(portArg(th, a[0]).Name()), nil
}

// portPosition implements port-position.
func portPosition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := portArg(th, a[0])
	row, col, err := p.RowColumn()
	if err != nil {
		return nil, scheme.NewError("port-position", "the port does not keep its position", []scheme.Value{p})
	}
	return scheme.Values(scheme.Fixnum(row), scheme.Fixnum(col)), nil
}

// setPortNameBang implements set-port-name!.
func setPortNameBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*scheme.Port).SetName(a[1].(*scheme.String).String())
	return scheme.Unspecified, nil
}

// setBufferingModeBang implements set-buffering-mode!.
func setBufferingModeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := a[0].(*scheme.Port)
	if !p.IsOutput() {
		return scheme.Unspecified, nil // input ports read ahead as they must
	}
	mode := a[1].(*scheme.Keyword).Name
	if mode != "none" && mode != "line" && mode != "full" {
		return nil, scheme.RangeError("set-buffering-mode!", 2, "expected #:full, #:line or #:none", a[1])
	}
	return scheme.Unspecified, p.SetBuffering(mode)
}

// terminalFile returns the terminal behind p, or nil.
func terminalFile(p *scheme.Port) *os.File { return scheme.TerminalFile(p.Host) }

// terminalPortP implements terminal-port?.
func terminalPortP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(terminalFile(a[0].(*scheme.Port)) != nil), nil
}

// terminalName implements terminal-name.
func terminalName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := terminalFile(a[0].(*scheme.Port))
	if f == nil {
		return nil, scheme.NewError("terminal-name", "port is not connected to a terminal", []scheme.Value{a[0]})
	}
	name := f.Name()
	if l, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(f.Fd()))); err == nil {
		name = l
	}
	return scheme.NewString(name), nil
}

// terminalSize implements terminal-size.
func terminalSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	rows, cols := 0, 0
	if f := terminalFile(a[0].(*scheme.Port)); f != nil {
		rows, cols = winsize(f)
	}
	return scheme.Values(scheme.Fixnum(rows), scheme.Fixnum(cols)), nil
}

// ---- backends calling Scheme ----

// call calls proc on the thread of ctx, or on a fresh thread of in when
// the port is driven from Go (e.g. by ports->ssl-ports).
func call(ctx context.Context, in *scheme.Interp, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	if th, ok := scheme.ThreadFromContext(ctx); ok {
		return th.Call(proc, args...)
	}
	return in.Apply(ctx, proc, args...)
}

// procReader is the backend of make-input-port.
type procReader struct {
	in                     *scheme.Interp
	readChar, ready, close scheme.Value
	pending                []byte
}

// ReadContext implements scheme.ByteReader: one character per call.
func (r *procReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	if len(r.pending) == 0 {
		v, err := call(ctx, r.in, r.readChar)
		if err != nil {
			return 0, err
		}
		if v == scheme.EOF {
			return 0, io.EOF
		}
		switch c := v.(type) {
		case scheme.Char:
			r.pending = utf8.AppendRune(r.pending[:0], rune(c))
		case scheme.Fixnum:
			if c < 0 || c > 255 {
				return 0, scheme.RangeError("make-input-port", 0, "read-char procedure returned a number that is not a byte", v)
			}
			r.pending = append(r.pending[:0], byte(c))
		default:
			return 0, scheme.NewError("make-input-port", "read-char procedure returned neither a character nor a byte", []scheme.Value{v})
		}
	}
	n := copy(p, r.pending)
	r.pending = r.pending[n:]
	return n, nil
}

// Ready implements scheme.ReadyReader.
func (r *procReader) Ready(ctx context.Context) (bool, error) {
	if len(r.pending) > 0 {
		return true, nil
	}
	v, err := call(ctx, r.in, r.ready)
	return err == nil && v != scheme.Value(scheme.False), err
}

// CloseContext implements scheme.ContextCloser.
func (r *procReader) CloseContext(ctx context.Context) error {
	_, err := call(ctx, r.in, r.close)
	return err
}

// makeInputPort implements make-input-port.
func makeInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewInputPort("(custom)", &procReader{in: th.Interp(), readChar: a[0], ready: a[1], close: a[2]}, nil), nil
}

// procWriter is the backend of make-output-port.
type procWriter struct {
	in                  *scheme.Interp
	write, close, flush scheme.Value
}

// WriteContext implements scheme.ByteWriter.
func (w *procWriter) WriteContext(ctx context.Context, p []byte) (int, error) {
	var data scheme.Value = &scheme.Bytevector{B: append([]byte(nil), p...)}
	if utf8.Valid(p) {
		data = scheme.MakeStringFromBytes(p)
	}
	if _, err := call(ctx, w.in, w.write, data); err != nil {
		return 0, err
	}
	return len(p), nil
}

// FlushContext implements scheme.ByteWriter.
func (w *procWriter) FlushContext(ctx context.Context) error {
	if w.flush == nil {
		return nil
	}
	_, err := call(ctx, w.in, w.flush)
	return err
}

// CloseContext implements scheme.ContextCloser.
func (w *procWriter) CloseContext(ctx context.Context) error {
	_, err := call(ctx, w.in, w.close)
	return err
}

// makeOutputPort implements make-output-port.
func makeOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	w := &procWriter{in: th.Interp(), write: a[0], close: a[1]}
	if f := a[2]; !scheme.IsDefault(f) && f != scheme.Value(scheme.False) {
		w.flush = f
	}
	p := scheme.NewOutputPort("(custom)", w, nil)
	return p, p.SetBuffering("none")
}

// portsReader reads the ports in turn (concatenated and bidirectional ports).
type portsReader struct {
	in           *scheme.Interp
	ports        []*scheme.Port
	closeThrough bool // closing closes the (single) port
}

func (r *portsReader) proc(name string) (scheme.Value, error) {
	v, ok := r.in.Lookup(name)
	if !ok {
		return nil, scheme.NewError("chicken port", name+" is unbound", nil)
	}
	return v, nil
}

// ReadContext implements scheme.ByteReader: one byte per call.
func (r *portsReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	readU8, err := r.proc("read-u8")
	if err != nil {
		return 0, err
	}
	for len(r.ports) > 0 {
		v, err := call(ctx, r.in, readU8, r.ports[0])
		if err != nil {
			return 0, err
		}
		if v == scheme.EOF {
			if r.closeThrough {
				return 0, io.EOF
			}
			r.ports = r.ports[1:]
			continue
		}
		p[0] = byte(v.(scheme.Fixnum))
		return 1, nil
	}
	return 0, io.EOF
}

// Ready implements scheme.ReadyReader.
func (r *portsReader) Ready(ctx context.Context) (bool, error) {
	if len(r.ports) == 0 {
		return true, nil
	}
	ready, err := r.proc("u8-ready?")
	if err != nil {
		return false, err
	}
	v, err := call(ctx, r.in, ready, r.ports[0])
	return err == nil && v != scheme.Value(scheme.False), err
}

// CloseContext implements scheme.ContextCloser.
func (r *portsReader) CloseContext(ctx context.Context) error {
	if r.closeThrough && len(r.ports) == 1 {
		return r.ports[0].CloseContext(ctx)
	}
	return nil
}

// portsWriter writes to every port (broadcast and bidirectional ports).
type portsWriter struct {
	ports        []*scheme.Port
	closeThrough bool
}

// WriteContext implements scheme.ByteWriter.
func (w *portsWriter) WriteContext(ctx context.Context, p []byte) (int, error) {
	for _, port := range w.ports {
		if err := port.Write(ctx, p); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// FlushContext implements scheme.ByteWriter.
func (w *portsWriter) FlushContext(ctx context.Context) error {
	for _, port := range w.ports {
		if err := port.Flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// CloseContext implements scheme.ContextCloser.
func (w *portsWriter) CloseContext(ctx context.Context) error {
	if w.closeThrough {
		for _, port := range w.ports {
			if err := port.CloseContext(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func portList(a scheme.Value) []*scheme.Port {
	items, _ := scheme.ListToSlice(a)
	out := make([]*scheme.Port, len(items))
	for i, v := range items {
		out[i] = v.(*scheme.Port)
	}
	return out
}

// makeBidirectionalPort implements make-bidirectional-port.
func makeBidirectionalPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in, out := a[0].(*scheme.Port), a[1].(*scheme.Port)
	if !in.IsInput() {
		return nil, scheme.TypeError("make-bidirectional-port", 1, "input port", in)
	}
	if !out.IsOutput() {
		return nil, scheme.TypeError("make-bidirectional-port", 2, "output port", out)
	}
	p := scheme.NewInputOutputPort("(bidirectional)", &portsReader{in: th.Interp(), ports: []*scheme.Port{in}, closeThrough: true},
		&portsWriter{ports: []*scheme.Port{out}, closeThrough: true}, nil)
	return p, p.SetBuffering("none")
}

// makeBroadcastPort implements make-broadcast-port.
func makeBroadcastPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ports := portList(a[0])
	for i, p := range ports {
		if !p.IsOutput() {
			return nil, scheme.TypeError("make-broadcast-port", i+1, "output port", p)
		}
	}
	p := scheme.NewOutputPort("(broadcast)", &portsWriter{ports: ports}, nil)
	return p, p.SetBuffering("none")
}

// makeConcatenatedPort implements make-concatenated-port.
func makeConcatenatedPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ports := append([]*scheme.Port{a[0].(*scheme.Port)}, portList(a[1])...)
	for i, p := range ports {
		if !p.IsInput() {
			return nil, scheme.TypeError("make-concatenated-port", i+1, "input port", p)
		}
	}
	return scheme.NewInputPort("(concatenated)", &portsReader{in: th.Interp(), ports: ports}, nil), nil
}
