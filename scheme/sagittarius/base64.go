// (rfc base64): Base 64 encoding and decoding of bytevectors and strings.

package sagittarius

import (
	"encoding/base64"
	"errors"
	"io"

	"github.com/tlsport/tlsport/scheme"
)

// input returns the bytes of a bytevector, or all the bytes left in a binary input port.
func input(th *scheme.Thread, v scheme.Value) ([]byte, error) {
	switch x := v.(type) {
	case *scheme.Bytevector:
		return x.B, nil
	case *scheme.Port:
		if !x.IsInput() {
			break
		}
		var out []byte
		for {
			var err error
			out, err = x.ReadBytesContext(th.Context(), out, 64<<10, true)
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return nil, scheme.TypeError("", 1, "bytevector or binary input port", v)
}

// b64 streams Base 64 in one direction: encoding (groups of 3 bytes to 4
// characters, a linefeed every width characters, padding at the end when
// asked) or decoding (white space and padding skipped). The ports, the
// low-level encoders and decoders and the whole-value procedures all run
// through it.
type b64 struct {
	enc   *base64.Encoding // the alphabet, padded as asked (decoding: unpadded)
	width int              // encoding: characters per line, 0 for none
	col   int              // encoding: characters on the current line
	pend  []byte           // encoding: < 3 bytes; decoding: < 4 characters
}

// newB64 returns a standard or URL-safe codec; padding and width (#f or a
// fixnum < 1: none) matter only when encoding.
func newB64(url bool, padding, width scheme.Value) *b64 {
	e := base64.StdEncoding
	if url {
		e = base64.URLEncoding
	}
	return newB64Alphabet(e, padding, width)
}

func newB64Alphabet(e *base64.Encoding, padding, width scheme.Value) *b64 {
	if padding == scheme.False {
		e = e.WithPadding(base64.NoPadding)
	}
	c := &b64{enc: e}
	if w, ok := width.(scheme.Fixnum); ok && w > 0 {
		c.width = int(w)
	}
	return c
}

// encode appends to out the encoding of in; final encodes what is left,
// padded.
func (c *b64) encode(out, in []byte, final bool) []byte {
	c.pend = append(c.pend, in...)
	n := len(c.pend) / 3 * 3
	if final {
		n = len(c.pend)
	}
	if n == 0 {
		return out
	}
	start := len(out)
	out = c.enc.AppendEncode(out, c.pend[:n])
	c.pend = append(c.pend[:0], c.pend[n:]...)
	if c.width == 0 {
		return out
	}
	chunk := append([]byte(nil), out[start:]...)
	out = out[:start]
	for len(chunk) > 0 {
		if c.col == c.width {
			out = append(out, '\n')
			c.col = 0
		}
		k := min(len(chunk), c.width-c.col)
		out = append(out, chunk[:k]...)
		chunk, c.col = chunk[k:], c.col+k
	}
	return out
}

// decode appends to out the bytes decoded from in, skipping white space
// and padding; final decodes what is left.
func (c *b64) decode(out, in []byte, final bool) ([]byte, error) {
	for _, b := range in {
		switch b {
		case ' ', '\n', '\r', '\t', '=':
		default:
			c.pend = append(c.pend, b)
		}
	}
	n := len(c.pend) / 4 * 4
	if final {
		n = len(c.pend)
	}
	out, err := c.enc.WithPadding(base64.NoPadding).AppendDecode(out, c.pend[:n])
	if err != nil {
		return out, scheme.NewError("", "invalid Base 64 input: "+err.Error(), nil)
	}
	c.pend = append(c.pend[:0], c.pend[n:]...)
	return out, nil
}

func encode(th *scheme.Thread, a []scheme.Value, url bool) ([]byte, error) {
	b, err := input(th, a[0])
	if err != nil {
		return nil, err
	}
	return newB64(url, a[2], a[1]).encode(nil, b, true), nil
}

// decodeBytes decodes standard or URL-safe Base 64, padded or not, ignoring white space.
func decodeBytes(b []byte, url bool) ([]byte, error) {
	return newB64(url, scheme.False, scheme.False).decode(nil, b, true)
}

// base64Encode implements base64-encode.
func base64Encode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := encode(th, a, false)
	return &scheme.Bytevector{B: b}, err
}

// base64urlEncode implements base64url-encode.
func base64urlEncode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, err := encode(th, a, true)
	return &scheme.Bytevector{B: b}, err
}

// stringBytes encodes a string with the transcoder (through string->bytevector of (rnrs io ports)), or as UTF-8.
func stringBytes(th *scheme.Thread, s *scheme.String, tc scheme.Value) ([]byte, error) {
	if scheme.IsDefault(tc) || tc == scheme.False {
		return s.AppendUTF8(nil, 0, s.Len()), nil
	}
	f, _ := th.Interp().Lookup("string->bytevector")
	v, err := th.Call(f, s, tc)
	if err != nil {
		return nil, err
	}
	return v.(*scheme.Bytevector).B, nil
}

func encodeString(th *scheme.Thread, a []scheme.Value, url bool) (scheme.Value, error) {
	b, err := stringBytes(th, a[0].(*scheme.String), a[2])
	if err != nil {
		return nil, err
	}
	return scheme.MakeStringFromBytes(newB64(url, a[3], a[1]).encode(nil, b, true)), nil
}

// base64EncodeString implements base64-encode-string.
func base64EncodeString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return encodeString(th, a, false)
}

// base64urlEncodeString implements base64url-encode-string.
func base64urlEncodeString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return encodeString(th, a, true)
}

func decode(th *scheme.Thread, a []scheme.Value, url bool) (scheme.Value, error) {
	b, err := input(th, a[0])
	if err != nil {
		return nil, err
	}
	out, err := decodeBytes(b, url)
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: out}, nil
}

// base64Decode implements base64-decode.
func base64Decode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return decode(th, a, false)
}

// base64urlDecode implements base64url-decode.
func base64urlDecode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return decode(th, a, true)
}

func decodeString(th *scheme.Thread, a []scheme.Value, url bool) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	out, err := decodeBytes(s.AppendUTF8(nil, 0, s.Len()), url)
	if err != nil {
		return nil, err
	}
	switch tc := a[1]; {
	case tc == scheme.False:
		return &scheme.Bytevector{B: out}, nil
	case scheme.IsDefault(tc):
		return scheme.MakeStringFromBytes(out), nil
	default:
		f, _ := th.Interp().Lookup("bytevector->string")
		return th.TailCall(f, []scheme.Value{&scheme.Bytevector{B: out}, tc})
	}
}

// base64DecodeString implements base64-decode-string.
func base64DecodeString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return decodeString(th, a, false)
}

// base64urlDecodeString implements base64url-decode-string.
func base64urlDecodeString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return decodeString(th, a, true)
}

const specB64 = "sagittarius (rfc base64) §3"

var (
	encArgs     = scheme.Lambda(scheme.Req("in", nil), scheme.Key("line-width", nil, scheme.Fixnum(76)), scheme.Key("padding?", nil, scheme.True))
	urlArgs     = scheme.Lambda(scheme.Req("in", nil), scheme.Key("line-width", nil, scheme.False), scheme.Key("padding?", nil, scheme.False))
	encStrArgs  = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("line-width", nil, scheme.Fixnum(76)), scheme.Key("transcoder", nil, nil), scheme.Key("padding?", nil, scheme.True))
	urlStrArgs  = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("line-width", nil, scheme.False), scheme.Key("transcoder", nil, nil), scheme.Key("padding?", nil, scheme.False))
	decStrArgs  = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("transcoder", nil, nil))
	encPortArgs = scheme.Lambda(scheme.Req("port", nil), scheme.Key("owner?", nil, scheme.False), scheme.Key("line-width", nil, scheme.False), scheme.Key("padding?", nil, scheme.True))
	urlPortArgs = scheme.Lambda(scheme.Req("port", nil), scheme.Key("owner?", nil, scheme.False), scheme.Key("line-width", nil, scheme.False), scheme.Key("padding?", nil, scheme.False))
	decPortArgs = scheme.Lambda(scheme.Req("port", nil), scheme.Key("owner?", nil, scheme.False))
)

// Base64Library is (rfc base64).
var Base64Library = &scheme.Library{Name: "(rfc base64)", ImportOnly: true, Doc: "Sagittarius Base 64 encoding and decoding (standard and URL-safe) of bytevectors, binary input ports and strings; encoding and decoding ports; low-level encoders and decoders with their tables.",
	Build: func(l *scheme.Library) {
		l.Procs = []scheme.Proc{
			{Name: "base64-encode", Spec: specB64, Doc: "Base 64 of a bytevector or binary input port, as a bytevector; a linefeed every line-width characters (#f or < 1: none).", Args: encArgs, Fn: base64Encode},
			{Name: "base64url-encode", Spec: specB64, Doc: "URL-safe Base 64 (- and _), by default without padding or line breaks.", Args: urlArgs, Fn: base64urlEncode},
			{Name: "base64-encode-string", Spec: specB64, Doc: "Base 64 of a string (encoded with transcoder, default UTF-8), as a string.", Args: encStrArgs, Fn: base64EncodeString},
			{Name: "base64url-encode-string", Spec: specB64, Doc: "URL-safe Base 64 of a string, as a string.", Args: urlStrArgs, Fn: base64urlEncodeString},
			{Name: "base64-decode", Spec: specB64, Doc: "Decodes Base 64 from a bytevector or binary input port (white space and missing padding allowed).", Args: scheme.Lambda(scheme.Req("in", nil)), Fn: base64Decode},
			{Name: "base64url-decode", Spec: specB64, Doc: "Decodes URL-safe Base 64.", Args: scheme.Lambda(scheme.Req("in", nil)), Fn: base64urlDecode},
			{Name: "base64-decode-string", Spec: specB64, Doc: "Decodes a Base 64 string to a string (UTF-8, or with transcoder; #f: the bytevector).", Args: decStrArgs, Fn: base64DecodeString},
			{Name: "base64url-decode-string", Spec: specB64, Doc: "Decodes a URL-safe Base 64 string.", Args: decStrArgs, Fn: base64urlDecodeString},
			{Name: "open-base64-encode-input-port", Spec: specB64, Doc: "A binary input port reading the Base 64 encoding of source (a binary input port); owner?: closing it closes source.", Args: encPortArgs, Fn: openBase64EncodeInputPort},
			{Name: "open-base64-encode-output-port", Spec: specB64, Doc: "A binary output port writing the Base 64 encoding of its bytes to sink; close it to write the last group and padding.", Args: encPortArgs, Fn: openBase64EncodeOutputPort},
			{Name: "open-base64url-encode-input-port", Spec: specB64, Doc: "As open-base64-encode-input-port, URL-safe and by default unpadded.", Args: urlPortArgs, Fn: openBase64urlEncodeInputPort},
			{Name: "open-base64url-encode-output-port", Spec: specB64, Doc: "As open-base64-encode-output-port, URL-safe and by default unpadded.", Args: urlPortArgs, Fn: openBase64urlEncodeOutputPort},
			{Name: "open-base64-decode-input-port", Spec: specB64, Doc: "A binary input port reading the bytes Base 64 encoded in source (white space and padding skipped).", Args: decPortArgs, Fn: openBase64DecodeInputPort},
			{Name: "open-base64-decode-output-port", Spec: specB64, Doc: "A binary output port decoding the Base 64 written to it into sink; close it to decode the last group.", Args: decPortArgs, Fn: openBase64DecodeOutputPort},
			{Name: "open-base64url-decode-input-port", Spec: specB64, Doc: "As open-base64-decode-input-port, for URL-safe Base 64.", Args: decPortArgs, Fn: openBase64urlDecodeInputPort},
			{Name: "open-base64url-decode-output-port", Spec: specB64, Doc: "As open-base64-decode-output-port, for URL-safe Base 64.", Args: decPortArgs, Fn: openBase64urlDecodeOutputPort},
			{Name: "make-base64-encoder", Spec: specB64, Doc: "An encoder: a procedure of get and put that encodes the bytes get returns until the eof object (then #t) or a negative integer (then #f); put receives each character's code and #f (or the bytes of linefeeds) at line breaks.",
				Args: scheme.Lambda(scheme.Key("encode-table", nil, nil), scheme.Key("line-width", nil, scheme.Fixnum(76)), scheme.Key("padding?", nil, scheme.True), scheme.Key("linefeeds", nil, scheme.False)), Fn: makeBase64Encoder},
			{Name: "make-base64-decoder", Spec: specB64, Doc: "A decoder: a procedure of get and put that decodes the characters get returns (white space and padding skipped), putting each byte, until the eof object (then #t) or a negative integer (then #f).",
				Args: scheme.Lambda(scheme.Key("decode-table", nil, nil)), Fn: makeBase64Decoder},
		}
		l.Values = []scheme.Binding{
			{Name: "*base64-encode-table*", Doc: "The standard alphabet: a bytevector of the 64 characters' codes.", Value: encodeTable(stdAlphabet)},
			{Name: "*base64-decode-table*", Doc: "The standard decode table: a vector of 128, each ASCII code's value or #f.", Value: decodeTable(stdAlphabet)},
			{Name: "*base64-encode-url-table*", Doc: "The URL-safe alphabet (- and _).", Value: encodeTable(urlAlphabet)},
			{Name: "*base64-decode-url-table*", Doc: "The URL-safe decode table.", Value: decodeTable(urlAlphabet)},
		}
	}}
