// The port procedures of (rnrs io ports) (r6rs-lib §8.2): get-/put- operations, memory and file ports, positions.

package rnrsio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

var (
	typePort    = scheme.TypePort
	typeInPort  = &scheme.Type{Name: "input port", Accept: func(v scheme.Value) bool { p, ok := v.(*scheme.Port); return ok && p.IsInput() }}
	typeOutPort = scheme.TypeOutputPort
	typeByte    = &scheme.Type{Name: "octet", Accept: func(v scheme.Value) bool { n, ok := v.(scheme.Fixnum); return ok && n >= 0 && n < 256 }}
	typeMaybeTc = scheme.OrFalse(typeTranscoder)
)

// eofOr maps io.EOF to the eof object.
func eofOr(v scheme.Value, err error) (scheme.Value, error) {
	if err == nil {
		return v, nil
	}
	if errors.Is(err, io.EOF) {
		return scheme.EOF, nil
	}
	return nil, err
}

func port(v scheme.Value) *scheme.Port { return v.(*scheme.Port) }

// getU8 implements get-u8.
func getU8(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := port(a[0]).ReadByteContext(th.Context())
	return eofOr(scheme.Fixnum(b), err)
}

// lookaheadU8 implements lookahead-u8.
func lookaheadU8(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := port(a[0]).PeekByteContext(th.Context())
	return eofOr(scheme.Fixnum(b), err)
}

// getBytevectorN implements get-bytevector-n.
func getBytevectorN(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := int(a[1].(scheme.Fixnum))
	if k == 0 {
		return &scheme.Bytevector{B: []byte{}}, nil
	}
	b, err := port(a[0]).ReadBytesContext(th.Context(), make([]byte, 0, min(k, 64<<10)), k, false)
	return eofOr(&scheme.Bytevector{B: b}, err)
}

// getBytevectorNBang implements get-bytevector-n!.
func getBytevectorNBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bv := a[1].(*scheme.Bytevector)
	start, k := int(a[2].(scheme.Fixnum)), int(a[3].(scheme.Fixnum))
	if start+k > len(bv.B) {
		return nil, scheme.RangeError("", 4, "start + count beyond the bytevector", a[3])
	}
	if k == 0 {
		return scheme.Fixnum(0), nil
	}
	b, err := port(a[0]).ReadBytesContext(th.Context(), bv.B[start:start], k, false)
	return eofOr(scheme.Fixnum(len(b)), err)
}

// getBytevectorSome implements get-bytevector-some.
func getBytevectorSome(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := port(a[0]).ReadBytesContext(th.Context(), nil, 64<<10, true)
	return eofOr(&scheme.Bytevector{B: b}, err)
}

// getBytevectorAll implements get-bytevector-all.
func getBytevectorAll(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	var out []byte
	for {
		var err error
		out, err = p.ReadBytesContext(th.Context(), out, 64<<10, true)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return scheme.EOF, nil
	}
	return &scheme.Bytevector{B: out}, nil
}

// getChar implements get-char.
func getChar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, err := port(a[0]).ReadRuneContext(th.Context())
	return eofOr(scheme.Char(r), err)
}

// lookaheadChar implements lookahead-char.
func lookaheadChar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, err := port(a[0]).PeekRuneContext(th.Context())
	return eofOr(scheme.Char(r), err)
}

// readChars reads up to k characters (k < 0: all) as a string, or the eof
// object when none was read.
func readChars(th *scheme.Thread, p *scheme.Port, k int) (scheme.Value, error) {
	b, n, err := p.ReadCharsContext(th.Context(), nil, k)
	if err != nil && !(errors.Is(err, io.EOF) && n > 0) {
		return eofOr(nil, err)
	}
	return scheme.MakeStringFromBytes(b), nil
}

// getStringN implements get-string-n.
func getStringN(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := int(a[1].(scheme.Fixnum))
	if k == 0 {
		return scheme.NewString(""), nil
	}
	return readChars(th, port(a[0]), k)
}

// getStringNBang implements get-string-n!.
func getStringNBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[1].(*scheme.String)
	if err := scheme.CheckMutable(s); err != nil {
		return nil, err
	}
	start, k := int(a[2].(scheme.Fixnum)), int(a[3].(scheme.Fixnum))
	if start+k > s.Len() {
		return nil, scheme.RangeError("", 4, "start + count beyond the string", a[3])
	}
	if k == 0 {
		return scheme.Fixnum(0), nil
	}
	v, err := readChars(th, port(a[0]), k)
	if err != nil || v == scheme.EOF {
		return v, err
	}
	got := v.(*scheme.String)
	for i := 0; i < got.Len(); i++ {
		s.Set(start+i, got.Ref(i))
	}
	return scheme.Fixnum(got.Len()), nil
}

// getStringAll implements get-string-all.
func getStringAll(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return readChars(th, port(a[0]), -1)
}

// getLine implements get-line.
func getLine(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := port(a[0]).ReadLineContext(th.Context())
	return eofOr(scheme.MakeStringFromBytes(b), err)
}

// getDatum implements get-datum.
func getDatum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return port(a[0]).ReadDatum(th)
}

// portEofP implements port-eof?.
func portEofP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	var err error
	if p.IsBinary() {
		_, err = p.PeekByteContext(th.Context())
	} else {
		_, err = p.PeekRuneContext(th.Context())
	}
	if errors.Is(err, io.EOF) {
		return scheme.True, nil
	}
	return scheme.False, err
}

// putU8 implements put-u8.
func putU8(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, port(a[0]).Write(th.Context(), []byte{byte(a[1].(scheme.Fixnum))})
}

// startCount decodes the optional start and count arguments at a[i],
// a[i+1] over a sequence of length n.
func startCount(a []scheme.Value, i, n int) (int, int, error) {
	start, count := 0, -1
	if !scheme.IsDefault(a[i]) {
		start = int(a[i].(scheme.Fixnum))
	}
	if !scheme.IsDefault(a[i+1]) {
		count = int(a[i+1].(scheme.Fixnum))
	}
	if start > n {
		return 0, 0, scheme.RangeError("", i+1, "start beyond the end", a[i])
	}
	if count < 0 {
		count = n - start
	}
	if start+count > n {
		return 0, 0, scheme.RangeError("", i+2, "start + count beyond the end", a[i+1])
	}
	return start, start + count, nil
}

// putBytevector implements put-bytevector.
func putBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bv := a[1].(*scheme.Bytevector)
	start, end, err := startCount(a, 2, len(bv.B))
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, port(a[0]).Write(th.Context(), bv.B[start:end])
}

// putChar implements put-char.
func putChar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, port(a[0]).Write(th.Context(), utf8.AppendRune(nil, rune(a[1].(scheme.Char))))
}

// putString implements put-string.
func putString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[1].(*scheme.String)
	start, end, err := startCount(a, 2, s.Len())
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, port(a[0]).WriteStringContext(th.Context(), s, start, end)
}

// putDatum implements put-datum: as write prints datum (an R6RS program
// prints flonums with the fewest digits that read back).
func putDatum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := th.AppendValue(nil, a[1], scheme.ModeWrite)
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, port(a[0]).Write(th.Context(), b)
}

// maybeTranscode returns p, or p transcoded when tc is a transcoder.
func maybeTranscode(p *scheme.Port, tc scheme.Value) *scheme.Port {
	if t, ok := tc.(*Transcoder); ok {
		return transcode(p, t)
	}
	return p
}

// openBytevectorInputPort implements open-bytevector-input-port.
func openBytevectorInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bv := a[0].(*scheme.Bytevector)
	return maybeTranscode(scheme.NewMemInputPort("(bytevector)", append([]byte(nil), bv.B...), false), a[1]), nil
}

// openStringInputPort implements open-string-input-port.
func openStringInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	return scheme.NewMemInputPort("(string)", s.AppendUTF8(nil, 0, s.Len()), true), nil
}

// extractor returns the extraction procedure of a memory output port: out
// is the port written to (flushed first), mem the memory port beneath.
func extractor(name string, out, mem *scheme.Port, conv func([]byte) scheme.Value) *scheme.Primitive {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: "r6rs-lib §8.2.10", Doc: "Returns what was written and empties the port.",
		Fn: func(th *scheme.Thread, _ []scheme.Value) (scheme.Value, error) {
			if err := out.Flush(th.Context()); err != nil {
				return nil, err
			}
			b, _ := mem.TakeOutput()
			return conv(b), nil
		}})
}

func bytevectorOf(b []byte) scheme.Value { return &scheme.Bytevector{B: b} }

func stringOf(b []byte) scheme.Value { return scheme.MakeStringFromBytes(b) }

// bytevectorOutput makes a bytevector output port (transcoded when tc is a
// transcoder) and its extraction procedure.
func bytevectorOutput(tc scheme.Value) (*scheme.Port, *scheme.Primitive) {
	mem := scheme.NewMemOutputPort("(bytevector)", false)
	out := maybeTranscode(mem, tc)
	return out, extractor("bytevector-extractor", out, mem, bytevectorOf)
}

// openBytevectorOutputPort implements open-bytevector-output-port.
func openBytevectorOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, ex := bytevectorOutput(a[0])
	return scheme.Values(p, ex), nil
}

// callWithBytevectorOutputPort implements call-with-bytevector-output-port.
func callWithBytevectorOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, ex := bytevectorOutput(a[1])
	if _, err := th.Call(a[0], p); err != nil {
		return nil, err
	}
	return th.Call(ex)
}

// openStringOutputPort implements open-string-output-port.
func openStringOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := scheme.NewMemOutputPort("(string)", true)
	return scheme.Values(p, extractor("string-extractor", p, p, stringOf)), nil
}

// callWithStringOutputPort implements call-with-string-output-port.
func callWithStringOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := scheme.NewMemOutputPort("(string)", true)
	if _, err := th.Call(a[0], p); err != nil {
		return nil, err
	}
	b, _ := p.TakeOutput()
	return stringOf(b), nil
}

// transcodedPort implements transcoded-port: the new port takes the
// binary port over (r6rs-lib §8.2.6), which is closed; its bytes and its
// position go on in the port beneath the new one. A standard stream
// (standard-output-port …, the current ports) stays open.
func transcodedPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, tc := port(a[0]), a[1].(*Transcoder)
	q := p.Detach()
	if q == nil {
		return transcode(p, tc), nil
	}
	tp := transcode(q, tc)
	tp.Host.(*Transcoded).orig = p
	return tp, nil
}

// portTranscoder implements port-transcoder.
func portTranscoder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if t, ok := port(a[0]).Host.(*Transcoded); ok {
		return t.Transcoder, nil
	}
	return scheme.False, nil
}

// portHasPortPositionP implements port-has-port-position?.
func portHasPortPositionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	if c, ok := p.Host.(*custom); ok {
		return scheme.MakeBool(c.getPos != scheme.False), nil
	}
	return scheme.MakeBool(p.HasPosition()), nil
}

// portHasSetPortPositionBangP implements port-has-set-port-position!?.
func portHasSetPortPositionBangP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	if c, ok := p.Host.(*custom); ok {
		return scheme.MakeBool(c.setPos != scheme.False), nil
	}
	return scheme.MakeBool(p.HasSetPosition()), nil
}

// noPosition is the &assertion of a position operation on a port that
// does not support it (r6rs-lib §8.2.6).
func noPosition(p *scheme.Port) error {
	return scheme.NewError("", "the port does not support the operation", []scheme.Value{p}, "assertion")
}

// positionError is the R6RS &i/o-invalid-position condition of
// set-port-position!.
func positionError(p scheme.Value, pos scheme.Value, err error) error {
	c := scheme.MakeError("set-port-position!", "invalid position", []scheme.Value{p, pos}, "i/o", "position")
	c.Set("i/o", "port", p)
	c.Set("position", "position", pos)
	c.Cause = err
	return scheme.Raise(c)
}

// portPosition implements port-position.
func portPosition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	if c, ok := p.Host.(*custom); ok && !c.Seekable() {
		return c.position(th, p)
	}
	if !p.HasPosition() {
		return nil, noPosition(p)
	}
	n, err := p.PositionContext(th.Context())
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(n), nil
}

// setPortPositionBang implements set-port-position!.
func setPortPositionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := port(a[0])
	if c, ok := p.Host.(*custom); ok && !c.Seekable() {
		return c.setPosition(th, p, a[1])
	}
	if !p.HasSetPosition() {
		return nil, noPosition(p)
	}
	pos, ok := a[1].(scheme.Fixnum)
	if !ok || pos < 0 {
		return nil, scheme.TypeError("", 2, "exact non-negative integer", a[1])
	}
	err := p.SetPosition(th.Context(), int64(pos))
	switch {
	case errors.Is(err, scheme.ErrInvalidPosition):
		return nil, positionError(p, a[1], err)
	case err != nil:
		return nil, err
	}
	return scheme.Unspecified, nil
}

// fileOptions reads the file-options enum set (a list of symbols).
func fileOptions(v scheme.Value) (noCreate, noFail, noTruncate bool) {
	l, _ := scheme.ListToSlice(enumList(v))
	for _, o := range l {
		if s, ok := o.(*scheme.Symbol); ok {
			switch s.Name {
			case "no-create":
				noCreate = true
			case "no-fail":
				noFail = true
			case "no-truncate":
				noTruncate = true
			}
		}
	}
	return
}

// fileCondition is the R6RS file condition for err on name (CHICKEN
// view: (exn i/o file)); os errors keep their cause so the R6RS
// predicates can tell them apart.
func fileCondition(who string, err error, name string) error {
	c := scheme.MakeError(who, err.Error(), []scheme.Value{scheme.NewString(name)}, "i/o", "file")
	c.Set("file", "filename", scheme.NewString(name))
	c.Cause = err
	return scheme.Raise(c)
}

func openFile(th *scheme.Thread, a []scheme.Value, input, output bool) (scheme.Value, error) {
	name := a[0].(*scheme.String).String()
	flags := os.O_RDONLY
	if output {
		noCreate, noFail, noTruncate := fileOptions(a[1])
		flags = os.O_WRONLY
		if input {
			flags = os.O_RDWR
		}
		switch {
		case noCreate:
			if !noTruncate {
				flags |= os.O_TRUNC
			}
		case noFail:
			flags |= os.O_CREATE
			if !noTruncate {
				flags |= os.O_TRUNC
			}
		default:
			flags |= os.O_CREATE | os.O_EXCL
		}
	}
	f, err := scheme.OpenFile(th.WaitContext(), name, flags, 0o666)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fileCondition("", &fs.PathError{Op: "open", Path: name, Err: err}, name)
	}
	mode := "" // none or line: a buffer mode other than block
	if output && len(a) > 2 {
		mode, _ = symbolIn(a[2], []string{"none", "line"})
	}
	var p *scheme.Port
	switch {
	case input && output:
		p = scheme.NewFileInputOutputPort(name, f)
	case input:
		p = scheme.NewInputPort(name, scheme.ReaderBackend(f), f)
	case mode != "":
		// buffered in the port, which hands its output to the file after
		// every operation (none) or an operation that wrote a newline
		p = scheme.NewOutputPort(name, scheme.WriterBackend(f), f)
	default:
		p = th.Interp().NewFileOutputPort(name, f)
	}
	p.SetKind(false)
	tc := a[len(a)-1]
	tp := maybeTranscode(p, tc)
	if output && (tp != p || mode != "") || input && output {
		th.Interp().HoldOpen(tp) // buffers of its own, outside a file sink
	}
	if mode != "" {
		_ = tp.SetBuffering(mode)
	}
	return tp, nil
}

// openOutputFile implements open-output-file: open-file-output-port with
// empty file options and the native transcoder.
func openOutputFile(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	tc, _ := nativeTranscoder(th, nil)
	return openFile(th, []scheme.Value{a[0], scheme.Null, scheme.Intern("block"), tc}, false, true)
}

// openFileInputPort implements open-file-input-port.
func openFileInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openFile(th, a, true, false)
}

// openFileOutputPort implements open-file-output-port.
func openFileOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openFile(th, a, false, true)
}

// openFileInputWithOutputPort implements open-file-input/output-port.
func openFileInputWithOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openFile(th, a, true, true)
}

// standardInputPort implements standard-input-port.
func standardInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return th.Param(scheme.CurrentInputPort), nil
}

// standardOutputPort implements standard-output-port.
func standardOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return th.Param(scheme.CurrentOutputPort), nil
}

// standardErrorPort implements standard-error-port.
func standardErrorPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return th.Param(scheme.CurrentErrorPort), nil
}

// outputPortBufferMode implements output-port-buffer-mode.
func outputPortBufferMode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(port(a[0]).BufferMode()), nil
}
