// RFC 3394 key wrap of (sagittarius crypto keys): make-rfc3394-key-wrap, make-aes-key-wrap and their unwraps, over the block ciphers of (sagittarius crypto ciphers).

package sagcrypto

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"

	"github.com/tlsport/tlsport/scheme"
)

// defaultWrapIV is RFC 3394's default initial value, A6A6A6A6A6A6A6A6.
var defaultWrapIV = []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

// wrapKey is RFC 3394 §2.2.1 (the index-based form): p wrapped with b.
func wrapKey(b cipher.Block, iv, p []byte) []byte {
	n := len(p) / 8
	out := make([]byte, 8+len(p))
	copy(out, iv)
	copy(out[8:], p)
	var buf [16]byte
	for j := range 6 {
		for i := 1; i <= n; i++ {
			copy(buf[:8], out[:8])
			copy(buf[8:], out[8*i:8*i+8])
			b.Encrypt(buf[:], buf[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(out[:8], binary.BigEndian.Uint64(buf[:8])^t)
			copy(out[8*i:], buf[8:])
		}
	}
	return out
}

// unwrapKey is RFC 3394 §2.2.2: c unwrapped with b, ok when its integrity
// check value is iv.
func unwrapKey(b cipher.Block, iv, c []byte) ([]byte, bool) {
	n := len(c)/8 - 1
	a := append([]byte(nil), c[:8]...)
	r := append([]byte(nil), c[8:]...)
	var buf [16]byte
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(buf[:8], binary.BigEndian.Uint64(a)^t)
			copy(buf[8:], r[8*(i-1):8*i])
			b.Decrypt(buf[:], buf[:])
			copy(a, buf[:8])
			copy(r[8*(i-1):], buf[8:])
		}
	}
	return r, subtle.ConstantTimeCompare(a, iv) == 1
}

// keyWrapper makes the wrap (or unwrap) procedure of make-rfc3394-key-wrap
// and the others: who's block cipher d keyed by the symmetric key k, with
// the keyword options opts (:iv).
func keyWrapper(who string, d *CipherDescriptor, k scheme.Value, opts scheme.Value, unwrap bool) (scheme.Value, error) {
	key, ok := k.(*SymmetricKey)
	if !ok {
		return nil, scheme.TypeError(who, 0, "symmetric key", k)
	}
	o, err := keywordOptions(who, opts, "iv")
	if err != nil {
		return nil, err
	}
	iv := defaultWrapIV
	if !scheme.IsDefault(o[0]) {
		bv, ok := o[0].(*scheme.Bytevector)
		if !ok || len(bv.B) != 8 {
			return nil, scheme.NewError(who, ":iv must be an 8-byte bytevector", []scheme.Value{o[0]}, "type")
		}
		iv = append([]byte(nil), bv.B...)
	}
	if d.New == nil {
		return nil, Unsupported(who, d.Name+" is not supported: tlsport has no Go implementation of it", d)
	}
	if d.Block != 16 {
		return nil, scheme.NewError(who, "RFC 3394 key wrap needs a cipher of 128-bit blocks", []scheme.Value{d}, "type")
	}
	if !d.keyLengthOK(len(key.B)) {
		return nil, scheme.RangeError(who, 0, "wrong key length for "+d.Name+": "+d.keyLengths(), scheme.Fixnum(len(key.B)))
	}
	b, err := d.New(key.B)
	if err != nil {
		return nil, scheme.NewError(who, d.Name+": "+err.Error(), nil)
	}
	name, what, min := "key-wrap", "the key to wrap", 16
	if unwrap {
		name, what, min = "key-unwrap", "the wrapped key", 24
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: spec, Doc: "RFC 3394 key " + name[4:] + " with " + d.Name + ".",
		Args: scheme.Lambda(scheme.Req("bv", scheme.TypeBytevector)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			in := bytesOf(a[0])
			if len(in) < min || len(in)%8 != 0 {
				return nil, scheme.RangeError(name, 1, what+" must be a multiple of 8 bytes, at least "+itoa(min), scheme.Fixnum(len(in)))
			}
			if !unwrap {
				return &scheme.Bytevector{B: wrapKey(b, iv, in)}, nil
			}
			out, ok := unwrapKey(b, iv, in)
			if !ok {
				return nil, scheme.NewError(name, "integrity check failed: wrong key or corrupted data", nil)
			}
			return &scheme.Bytevector{B: out}, nil
		}}), nil
}

// makeRFC3394KeyWrap implements make-rfc3394-key-wrap.
func makeRFC3394KeyWrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-rfc3394-key-wrap", a[0].(*CipherDescriptor), a[1], a[2], false)
}

// makeRFC3394KeyUnwrap implements make-rfc3394-key-unwrap.
func makeRFC3394KeyUnwrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-rfc3394-key-unwrap", a[0].(*CipherDescriptor), a[1], a[2], true)
}

// makeAESKeyWrap implements make-aes-key-wrap.
func makeAESKeyWrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-aes-key-wrap", AES, a[0], a[1], false)
}

// makeAESKeyUnwrap implements make-aes-key-unwrap.
func makeAESKeyUnwrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-aes-key-unwrap", AES, a[0], a[1], true)
}

// Camellia is the Camellia descriptor (*scheme:camellia*): tlsport has no
// implementation of it.
var Camellia = &CipherDescriptor{Name: "Camellia", Block: 16, MinKey: 16, MaxKey: 32}

// makeCamelliaKeyWrap implements make-camellia-key-wrap.
func makeCamelliaKeyWrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-camellia-key-wrap", Camellia, a[0], a[1], false)
}

// makeCamelliaKeyUnwrap implements make-camellia-key-unwrap.
func makeCamelliaKeyUnwrap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyWrapper("make-camellia-key-unwrap", Camellia, a[0], a[1], true)
}

// wrapArgs and wrapSchemeArgs declare the parameters of the key wrap
// procedures without and with a scheme.
func wrapArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("key", TypeSymmetricKey), scheme.Rest("opts", nil))
}

func wrapSchemeArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("scheme", TypeBlockDescriptor), scheme.Req("key", TypeSymmetricKey), scheme.Rest("opts", nil))
}
