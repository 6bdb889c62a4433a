// (rfc base64): encoding and decoding ports, and the low-level encoders and decoders.

package sagittarius

import (
	"context"
	"encoding/base64"
	"errors"
	"io"

	"github.com/tlsport/tlsport/scheme"
)

// b64Reader is the backend of the Base 64 input ports: it reads source and
// hands out its encoding or decoding.
type b64Reader struct {
	src    *scheme.Port
	codec  *b64
	encode bool
	owner  bool   // closing the port closes src
	out    []byte // converted bytes not yet read
	eof    bool   // src is exhausted and the codec flushed
}

// ReadContext implements scheme.ByteReader.
func (r *b64Reader) ReadContext(ctx context.Context, p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		in, err := r.src.ReadBytesContext(ctx, nil, 4096, true)
		final := errors.Is(err, io.EOF)
		if err != nil && !final {
			return 0, err
		}
		if r.encode {
			r.out = r.codec.encode(r.out, in, final)
		} else if r.out, err = r.codec.decode(r.out, in, final); err != nil {
			return 0, err
		}
		r.eof = final
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

// CloseContext implements scheme.ContextCloser.
func (r *b64Reader) CloseContext(ctx context.Context) error {
	if r.owner {
		return r.src.CloseContext(ctx)
	}
	return nil
}

// b64Writer is the backend of the Base 64 output ports: it writes the
// encoding or decoding of what it is given to sink, the last group when
// it is closed.
type b64Writer struct {
	sink   *scheme.Port
	codec  *b64
	encode bool
	owner  bool // closing the port closes sink
}

func (w *b64Writer) put(ctx context.Context, p []byte, final bool) error {
	var out []byte
	var err error
	if w.encode {
		out = w.codec.encode(nil, p, final)
	} else if out, err = w.codec.decode(nil, p, final); err != nil {
		return err
	}
	if len(out) == 0 {
		return nil
	}
	return w.sink.Write(ctx, out)
}

// WriteContext implements scheme.ByteWriter.
func (w *b64Writer) WriteContext(ctx context.Context, p []byte) (int, error) {
	if err := w.put(ctx, p, false); err != nil {
		return 0, err
	}
	return len(p), nil
}

// FlushContext implements scheme.ByteWriter: it flushes sink (an
// incomplete group waits for more bytes or the close).
func (w *b64Writer) FlushContext(ctx context.Context) error { return w.sink.Flush(ctx) }

// CloseContext implements scheme.ContextCloser: the last group goes to
// sink, which is flushed, and closed when the port owns it.
func (w *b64Writer) CloseContext(ctx context.Context) error {
	err := w.put(ctx, nil, true)
	if err == nil {
		err = w.sink.Flush(ctx)
	}
	if w.owner {
		if cerr := w.sink.CloseContext(ctx); err == nil {
			err = cerr
		}
	}
	return err
}

// binaryPort returns v when it is a binary port in the direction asked.
func binaryPort(v scheme.Value, input bool) (*scheme.Port, error) {
	p, ok := v.(*scheme.Port)
	if !ok || p.IsInput() != input && !(p.IsInput() && p.IsOutput()) {
		want := "binary output port"
		if input {
			want = "binary input port"
		}
		return nil, scheme.TypeError("", 1, want, v)
	}
	return p, nil
}

// openB64Port makes an encode or decode input port over a[0] (input) or
// output port over it; a holds owner? then, when encoding, line-width and
// padding?.
func openB64Port(a []scheme.Value, input, encode, url bool) (scheme.Value, error) {
	p, err := binaryPort(a[0], input)
	if err != nil {
		return nil, err
	}
	owner := scheme.Truthy(a[1])
	codec := newB64(url, scheme.False, scheme.False)
	name := "base64-decode"
	if encode {
		codec, name = newB64(url, a[3], a[2]), "base64-encode"
	}
	if input {
		return scheme.NewInputPort(name, &b64Reader{src: p, codec: codec, encode: encode, owner: owner}, nil), nil
	}
	return scheme.NewOutputPort(name, &b64Writer{sink: p, codec: codec, encode: encode, owner: owner}, nil), nil
}

// openBase64EncodeInputPort implements open-base64-encode-input-port.
func openBase64EncodeInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, true, true, false)
}

// openBase64EncodeOutputPort implements open-base64-encode-output-port.
func openBase64EncodeOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, false, true, false)
}

// openBase64urlEncodeInputPort implements open-base64url-encode-input-port.
func openBase64urlEncodeInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, true, true, true)
}

// openBase64urlEncodeOutputPort implements open-base64url-encode-output-port.
func openBase64urlEncodeOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, false, true, true)
}

// openBase64DecodeInputPort implements open-base64-decode-input-port.
func openBase64DecodeInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, true, false, false)
}

// openBase64DecodeOutputPort implements open-base64-decode-output-port.
func openBase64DecodeOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, false, false, false)
}

// openBase64urlDecodeInputPort implements open-base64url-decode-input-port.
func openBase64urlDecodeInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, true, false, true)
}

// openBase64urlDecodeOutputPort implements open-base64url-decode-output-port.
func openBase64urlDecodeOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return openB64Port(a, false, false, true)
}

// The alphabets, as the tables *base64-encode-table* (a bytevector of the
// 64 characters' codes) and *base64-decode-table* (a vector of 128: the
// value of each ASCII code, #f where it is not in the alphabet).
const (
	stdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

func encodeTable(alphabet string) scheme.Value {
	return &scheme.Bytevector{B: []byte(alphabet)}
}

func decodeTable(alphabet string) scheme.Value {
	v := make([]scheme.Value, 128)
	for i := range v {
		v[i] = scheme.False
	}
	for i := range len(alphabet) {
		v[alphabet[i]] = scheme.Fixnum(i)
	}
	return &scheme.Vector{Items: v}
}

// tableAlphabet returns the alphabet of an encode table (a bytevector or
// vector of 64 distinct byte values or characters) or a decode table (a
// vector mapping byte values to 0…63 or #f).
func tableAlphabet(v scheme.Value, decode bool) (*base64.Encoding, error) {
	var alpha [64]byte
	seen := 0
	bad := func() (*base64.Encoding, error) {
		want := "Base 64 encode table (64 distinct byte codes)"
		if decode {
			want = "Base 64 decode table (a vector mapping byte codes to 0…63 or #f)"
		}
		return nil, scheme.NewError("", "not a "+want, []scheme.Value{v})
	}
	var elems []scheme.Value
	switch t := v.(type) {
	case *scheme.Bytevector:
		for _, b := range t.B {
			elems = append(elems, scheme.Fixnum(b))
		}
	case *scheme.Vector:
		elems = t.Items
	default:
		return bad()
	}
	for i, e := range elems {
		if c, ok := e.(scheme.Char); ok {
			e = scheme.Fixnum(c)
		}
		n, ok := e.(scheme.Fixnum)
		switch {
		case decode && e == scheme.False:
			continue
		case decode && ok && n >= 0 && n < 64 && i < 256 && alpha[n] == 0:
			alpha[n], seen = byte(i), seen+1
		case !decode && ok && n >= 0 && n < 256 && i < 64:
			alpha[i], seen = byte(n), seen+1
		default:
			return bad()
		}
	}
	if seen != 64 {
		return bad()
	}
	var enc *base64.Encoding
	func() {
		defer func() {
			if recover() != nil {
				enc = nil // repeated characters, CR, LF or the padding character
			}
		}()
		enc = base64.NewEncoding(string(alpha[:])).Strict()
	}()
	if enc == nil {
		return bad()
	}
	return enc, nil
}

// coder returns the low-level encoder or decoder procedure: called with
// get and put, it reads bytes with get until get returns the eof object
// (then it converts what is left and returns #t) or a negative integer
// (it returns #f, to be called again when more input is there). An
// encoder puts #f at each line break, or the bytes of linefeeds when given.
func coder(name string, codec *b64, encode bool, linefeeds []byte) scheme.Value {
	fn := func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		get, put := a[0], a[1]
		var in []byte
		done := false
		for {
			v, err := th.Call(get)
			if err != nil {
				return nil, err
			}
			if v == scheme.EOF {
				done = true
				break
			}
			n, ok := v.(scheme.Fixnum)
			if ok && n < 0 {
				break
			}
			if !ok || n > 255 {
				return nil, scheme.NewError("", name+": get returned neither a byte, a negative integer nor the eof object", []scheme.Value{v})
			}
			in = append(in, byte(n))
		}
		var out []byte
		var err error
		if encode {
			out = codec.encode(nil, in, done)
		} else if out, err = codec.decode(nil, in, done); err != nil {
			return nil, err
		}
		for _, b := range out {
			switch {
			case !encode || b != '\n':
				_, err = th.Call(put, scheme.Fixnum(b))
			case linefeeds == nil:
				_, err = th.Call(put, scheme.False)
			default:
				for _, lf := range linefeeds {
					if _, err = th.Call(put, scheme.Fixnum(lf)); err != nil {
						break
					}
				}
			}
			if err != nil {
				return nil, err
			}
		}
		if done {
			return scheme.True, nil
		}
		return scheme.False, nil
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: specB64, Doc: "A Base 64 " + name + ": call with get and put.",
		Args: scheme.Lambda(scheme.Req("get", nil), scheme.Req("put", nil)), Fn: fn})
}

// makeBase64Encoder implements make-base64-encoder.
func makeBase64Encoder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	e := base64.StdEncoding
	if !scheme.IsDefault(a[0]) {
		var err error
		if e, err = tableAlphabet(a[0], false); err != nil {
			return nil, err
		}
	}
	var lf []byte
	if a[3] != scheme.False && !scheme.IsDefault(a[3]) {
		items, ok := scheme.ListToSlice(a[3])
		for _, v := range items {
			b, isByte := v.(scheme.Fixnum)
			if !isByte || b < 0 || b > 255 {
				ok = false
				break
			}
			lf = append(lf, byte(b))
		}
		if !ok {
			return nil, scheme.TypeError("", 4, "list of bytes", a[3])
		}
	}
	return coder("encoder", newB64Alphabet(e, a[2], a[1]), true, lf), nil
}

// makeBase64Decoder implements make-base64-decoder.
func makeBase64Decoder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	e := base64.StdEncoding
	if !scheme.IsDefault(a[0]) {
		var err error
		if e, err = tableAlphabet(a[0], true); err != nil {
			return nil, err
		}
	}
	return coder("decoder", newB64Alphabet(e, scheme.False, scheme.False), false, nil), nil
}
