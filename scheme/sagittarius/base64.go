// (rfc base64): Base 64 encoding and decoding of bytevectors and strings.

package sagittarius

import (
	"encoding/base64"
	"errors"
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// input returns the bytes of a bytevector, or all the bytes left in a binary input port.
func input(th *scheme.Thread, v scheme.Value) ([]byte, error) {
	switch x := v.(type) {
	case *scheme.Bytevector:
		return x.B, nil
	case *scheme.Port:
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

// encoding returns the standard or URL-safe encoding, with or without padding.
func encoding(url bool, padding scheme.Value) *base64.Encoding {
	e := base64.StdEncoding
	if url {
		e = base64.URLEncoding
	}
	if padding == scheme.False {
		e = e.WithPadding(base64.NoPadding)
	}
	return e
}

// wrap inserts a linefeed every width characters (width < 1 or #f: none).
func wrap(s string, width scheme.Value) string {
	w, ok := width.(scheme.Fixnum)
	if !ok || w < 1 || len(s) <= int(w) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i += int(w) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s[i:min(len(s), i+int(w))])
	}
	return b.String()
}

func encode(th *scheme.Thread, a []scheme.Value, url bool) (string, error) {
	b, err := input(th, a[0])
	if err != nil {
		return "", err
	}
	return wrap(encoding(url, a[2]).EncodeToString(b), a[1]), nil
}

// decodeBytes decodes standard or URL-safe Base 64, padded or not, ignoring white space.
func decodeBytes(b []byte, url bool) ([]byte, error) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, string(b))
	s = strings.TrimRight(s, "=")
	out, err := encoding(url, scheme.False).DecodeString(s)
	if err != nil {
		return nil, scheme.NewError("", "invalid Base 64 input: "+err.Error(), nil)
	}
	return out, nil
}

// base64Encode implements base64-encode.
func base64Encode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, err := encode(th, a, false)
	return &scheme.Bytevector{B: []byte(s)}, err
}

// base64urlEncode implements base64url-encode.
func base64urlEncode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, err := encode(th, a, true)
	return &scheme.Bytevector{B: []byte(s)}, err
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
	return scheme.NewString(wrap(encoding(url, a[3]).EncodeToString(b), a[1])), nil
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
	encArgs    = scheme.Lambda(scheme.Req("in", nil), scheme.Key("line-width", nil, scheme.Fixnum(76)), scheme.Key("padding?", nil, scheme.True))
	urlArgs    = scheme.Lambda(scheme.Req("in", nil), scheme.Key("line-width", nil, scheme.False), scheme.Key("padding?", nil, scheme.False))
	encStrArgs = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("line-width", nil, scheme.Fixnum(76)), scheme.Key("transcoder", nil, nil), scheme.Key("padding?", nil, scheme.True))
	urlStrArgs = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("line-width", nil, scheme.False), scheme.Key("transcoder", nil, nil), scheme.Key("padding?", nil, scheme.False))
	decStrArgs = scheme.Lambda(scheme.Req("string", scheme.TypeString), scheme.Key("transcoder", nil, nil))
)

// Base64Library is (rfc base64).
var Base64Library = &scheme.Library{Name: "(rfc base64)", ImportOnly: true, Doc: "Sagittarius Base 64 encoding and decoding (standard and URL-safe) of bytevectors, binary input ports and strings.",
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
		}
	}}
