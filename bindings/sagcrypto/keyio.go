// The rest of (sagittarius crypto keys): symmetric keys, EC parameters, importing and exporting asymmetric keys (raw, SubjectPublicKeyInfo, PKCS #8), keys from their components, and key agreement.

package sagcrypto

import (
	"crypto"
	"crypto/dsa"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"io"
	"math/big"

	"github.com/cloudflare/circl/dh/x448"
	"github.com/cloudflare/circl/sign/ed448"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// SymmetricKey is a <symmetric-key>: the raw key bytes.
type SymmetricKey struct{ B []byte }

// TypeName implements scheme.Value.
func (*SymmetricKey) TypeName() string { return "symmetric-key" }

// Repr implements scheme.Repr; it does not show the key.
func (k *SymmetricKey) Repr() string { return "#<symmetric-key " + itoa(8*len(k.B)) + " bits>" }

// ECParameter is an EC parameter value such as *ec-parameter:p256*.
type ECParameter struct {
	Name  string
	Curve func() elliptic.Curve // nil: Go has no implementation
}

// TypeName implements scheme.Value.
func (*ECParameter) TypeName() string { return "ec-parameter" }

// Repr implements scheme.Repr.
func (p *ECParameter) Repr() string { return "#<ec-parameter " + p.Name + ">" }

var (
	_ scheme.Repr = (*SymmetricKey)(nil)
	_ scheme.Repr = (*ECParameter)(nil)
)

// TypeSymmetricKey is the parameter type of a symmetric key.
var TypeSymmetricKey = &scheme.Type{Name: "symmetric key", Accept: func(v scheme.Value) bool { _, ok := v.(*SymmetricKey); return ok }}

// The docs of the *ec-parameter:…* bindings.
const (
	ecSupported   = "An EC parameter (its name follows *ec-parameter:): a curve Go implements."
	ecUnsupported = "An EC parameter (its name follows *ec-parameter:): not supported (Go implements P-256, P-384 and P-521), using it raises an (exn unsupported) implementation-restriction violation."
)

// keyValues are the values of (sagittarius crypto keys): the key schemes,
// then the *ec-parameter:…* bindings of the documented EC parameters (the
// first three pairs are the curves Go implements). A literal, laid out
// by the compiler: the package's initialisation runs at every start of
// tlsport.
var keyValues = []scheme.Binding{
	{Name: "*key:rsa*", Spec: spec, Doc: "The RSA key scheme.", Value: RSA},
	{Name: "*key:ecdsa*", Spec: spec, Doc: "The ECDSA key scheme.", Value: ECDSA},
	{Name: "*key:ed25519*", Spec: spec, Doc: "The Ed25519 key scheme.", Value: Ed25519},
	{Name: "*key:dsa*", Spec: spec, Doc: "The DSA key scheme (crypto/dsa).", Value: DSAKey},
	{Name: "*key:ed448*", Spec: spec, Doc: "The Ed448 key scheme (RFC 8032, CIRCL).", Value: Ed448Key},
	{Name: "*key:x25519*", Spec: spec, Doc: "The X25519 key scheme (RFC 7748, crypto/ecdh), and its calculate-key-agreement scheme.", Value: X25519Key},
	{Name: "*key:x448*", Spec: spec, Doc: "The X448 key scheme (RFC 7748, CIRCL), and its calculate-key-agreement scheme.", Value: X448Key},
	{Name: "*key:ecdh*", Spec: spec, Doc: "ECDH, calculate-key-agreement's scheme for ECDSA keys.", Value: ECDHKey},
	{Name: "*scheme:rsa*", Spec: spec, Doc: "Same as *key:rsa*; (sagittarius crypto ciphers)'s RSA cipher descriptor.", Value: RSA},
	{Name: "*ec-parameter:p256*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "p256", Curve: elliptic.P256}},
	{Name: "*ec-parameter:secp256r1*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "secp256r1", Curve: elliptic.P256}},
	{Name: "*ec-parameter:p384*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "p384", Curve: elliptic.P384}},
	{Name: "*ec-parameter:secp384r1*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "secp384r1", Curve: elliptic.P384}},
	{Name: "*ec-parameter:p521*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "p521", Curve: elliptic.P521}},
	{Name: "*ec-parameter:secp521r1*", Spec: spec, Doc: ecSupported, Value: &ECParameter{Name: "secp521r1", Curve: elliptic.P521}},
	{Name: "*ec-parameter:p192*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "p192"}},
	{Name: "*ec-parameter:p224*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "p224"}},
	{Name: "*ec-parameter:k163*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "k163"}},
	{Name: "*ec-parameter:k233*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "k233"}},
	{Name: "*ec-parameter:k283*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "k283"}},
	{Name: "*ec-parameter:k409*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "k409"}},
	{Name: "*ec-parameter:k571*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "k571"}},
	{Name: "*ec-parameter:b163*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "b163"}},
	{Name: "*ec-parameter:b233*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "b233"}},
	{Name: "*ec-parameter:b283*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "b283"}},
	{Name: "*ec-parameter:b409*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "b409"}},
	{Name: "*ec-parameter:b571*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "b571"}},
	{Name: "*ec-parameter:secp160r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp160r1"}},
	{Name: "*ec-parameter:secp160k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp160k1"}},
	{Name: "*ec-parameter:secp160r2*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp160r2"}},
	{Name: "*ec-parameter:secp192r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp192r1"}},
	{Name: "*ec-parameter:secp224r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp224r1"}},
	{Name: "*ec-parameter:sect163k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect163k1"}},
	{Name: "*ec-parameter:sect233k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect233k1"}},
	{Name: "*ec-parameter:sect283k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect283k1"}},
	{Name: "*ec-parameter:sect409k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect409k1"}},
	{Name: "*ec-parameter:sect571k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect571k1"}},
	{Name: "*ec-parameter:sect163r2*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect163r2"}},
	{Name: "*ec-parameter:sect233r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect233r1"}},
	{Name: "*ec-parameter:sect283r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect283r1"}},
	{Name: "*ec-parameter:sect409r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect409r1"}},
	{Name: "*ec-parameter:sect571r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect571r1"}},
	{Name: "*ec-parameter:secp192k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp192k1"}},
	{Name: "*ec-parameter:secp224k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp224k1"}},
	{Name: "*ec-parameter:secp256k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "secp256k1"}},
	{Name: "*ec-parameter:sect163r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect163r1"}},
	{Name: "*ec-parameter:sect239k1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect239k1"}},
	{Name: "*ec-parameter:sect113r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "sect113r1"}},
	{Name: "*ec-parameter:brainpool-p160r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p160r1"}},
	{Name: "*ec-parameter:brainpool-p160t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p160t1"}},
	{Name: "*ec-parameter:brainpool-p192r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p192r1"}},
	{Name: "*ec-parameter:brainpool-p192t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p192t1"}},
	{Name: "*ec-parameter:brainpool-p224r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p224r1"}},
	{Name: "*ec-parameter:brainpool-p224t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p224t1"}},
	{Name: "*ec-parameter:brainpool-p256r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p256r1"}},
	{Name: "*ec-parameter:brainpool-p256t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p256t1"}},
	{Name: "*ec-parameter:brainpool-p320r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p320r1"}},
	{Name: "*ec-parameter:brainpool-p320t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p320t1"}},
	{Name: "*ec-parameter:brainpool-p384r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p384r1"}},
	{Name: "*ec-parameter:brainpool-p384t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p384t1"}},
	{Name: "*ec-parameter:brainpool-p512r1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p512r1"}},
	{Name: "*ec-parameter:brainpool-p512t1*", Spec: spec, Doc: ecUnsupported, Value: &ECParameter{Name: "brainpool-p512t1"}},
}

// curveOf is the Go curve of a :ec-parameter value (an EC parameter, or a
// curve name as a string or symbol).
func curveOf(who string, v scheme.Value) (elliptic.Curve, error) {
	if p, ok := v.(*ECParameter); ok {
		if p.Curve == nil {
			return nil, Unsupported(who, "the EC parameter "+p.Name+" is not supported: Go implements P-256, P-384 and P-521", p)
		}
		return p.Curve(), nil
	}
	switch v.(type) {
	case *scheme.String, *scheme.Symbol:
		if c := namedCurve(lower(scheme.DisplayString(v))); c != nil {
			return c(), nil
		}
	}
	return nil, scheme.RangeError(who, 0, "unknown EC parameter (*ec-parameter:p256*, secp384r1, secp521r1 …)", v)
}

// makeSymmetricKey implements make-symmetric-key.
func makeSymmetricKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &SymmetricKey{B: append([]byte(nil), bytesOf(a[0])...)}, nil
}

// symmetricKeyP implements symmetric-key?.
func symmetricKeyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*SymmetricKey](a[0]), nil
}

// symmetricKeyValue implements symmetric-key-value.
func symmetricKeyValue(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &scheme.Bytevector{B: append([]byte(nil), a[0].(*SymmetricKey).B...)}, nil
}

// generateSymmetricKey implements generate-symmetric-key: (descriptor),
// (descriptor prng) or (descriptor bytevector).
func generateSymmetricKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "generate-symmetric-key"
	d, ok := a[0].(*CipherDescriptor)
	if !ok || d.Block == 0 {
		return nil, scheme.TypeError(who, 1, "block cipher descriptor", a[0])
	}
	switch src := a[1].(type) {
	case *scheme.Bytevector:
		if !d.keyLengthOK(len(src.B)) {
			return nil, scheme.RangeError(who, 2, "wrong key length for "+d.Name+": "+d.keyLengths(), src)
		}
		return &SymmetricKey{B: append([]byte(nil), src.B...)}, nil
	case *RandomGenerator:
		k := make([]byte, d.MaxKey)
		src.Read(k)
		return &SymmetricKey{B: k}, nil
	default:
		if !scheme.IsDefault(src) {
			return nil, scheme.TypeError(who, 2, "random generator or bytevector", src)
		}
	}
	k := make([]byte, d.MaxKey)
	rand.Read(k)
	return &SymmetricKey{B: k}, nil
}

// keyFormat is the optional format argument: a symbol among allowed, or
// def when absent.
func keyFormat(who string, v scheme.Value, def string, allowed ...string) (string, error) {
	if scheme.IsDefault(v) {
		return def, nil
	}
	if s, ok := v.(*scheme.Symbol); ok {
		for _, f := range allowed {
			if s.Name == f {
				return f, nil
			}
		}
	}
	return "", scheme.RangeError(who, 0, "unknown key format (expected "+allowed[0]+" or "+allowed[1]+")", v)
}

// maxKeyDER is the longest DER key read from a port: far beyond any key
// (a 16384-bit RSA private key is under 10 KiB), so a bogus length does
// not make a large allocation.
const maxKeyDER = 1 << 20

// keyInput is the contents of a bytevector, or read from a binary input
// port: one DER element, or fixed bytes when fixed > 0 (raw Ed25519 keys).
func keyInput(th *scheme.Thread, who string, v scheme.Value, fixed int) ([]byte, error) {
	return readDERInput(th, who, "key", v, fixed, maxKeyDER)
}

// readDERInput is the contents of a bytevector, or read from a binary
// input port: one DER element of at most limit bytes, or fixed bytes when
// fixed > 0. what names the element in errors.
func readDERInput(th *scheme.Thread, who, what string, v scheme.Value, fixed, limit int) ([]byte, error) {
	switch in := v.(type) {
	case *scheme.Bytevector:
		return in.B, nil
	case *scheme.Port:
		if !in.IsInput() || !in.IsBinary() {
			break
		}
		if !in.InputOpen() {
			return nil, scheme.NewError(who, "input port is closed", []scheme.Value{in}, "i/o")
		}
		ctx := th.Context()
		if fixed > 0 {
			b, err := in.ReadBytesContext(ctx, nil, fixed, false)
			if err == nil && len(b) < fixed {
				err = io.ErrUnexpectedEOF
			}
			if err != nil {
				return nil, scheme.NewError(who, "reading the "+what+": "+err.Error(), []scheme.Value{in}, "i/o")
			}
			return b, nil
		}
		hdr, err := in.ReadBytesContext(ctx, nil, 2, false)
		if err == nil && len(hdr) < 2 {
			err = io.ErrUnexpectedEOF
		}
		n := 0
		if err == nil {
			n = int(hdr[1])
			if n&0x80 != 0 {
				k := n & 0x7f
				if k == 0 || k > 4 {
					return nil, scheme.NewError(who, "not a DER element", []scheme.Value{in})
				}
				var l []byte
				if l, err = in.ReadBytesContext(ctx, nil, k, false); err == nil && len(l) < k {
					err = io.ErrUnexpectedEOF
				}
				n = 0
				for _, b := range l {
					n = n<<8 | int(b)
				}
				hdr = append(hdr, l...)
			}
		}
		if err == nil && n > limit {
			return nil, scheme.NewError(who, "DER element too long for a "+what, []scheme.Value{scheme.Fixnum(n)})
		}
		var body []byte
		if err == nil {
			if body, err = in.ReadBytesContext(ctx, hdr, n, false); err == nil && len(body) < len(hdr)+n {
				err = io.ErrUnexpectedEOF
			}
		}
		if err != nil {
			return nil, scheme.NewError(who, "reading the "+what+": "+err.Error(), []scheme.Value{in}, "i/o")
		}
		return body, nil
	}
	return nil, scheme.TypeError(who, 0, "bytevector or binary input port", v)
}

func badKey(who, what string, err error) error {
	return scheme.NewError(who, "invalid "+what+": "+err.Error(), nil)
}

// rawSizes are the sizes of the raw public and private keys of the
// fixed-size schemes, read so from a port; 0 for the others. (A switch, not
// a map: nothing to build at every start.)
func rawSizes(ks *KeyScheme) [2]int {
	switch ks {
	case Ed25519:
		return [2]int{ed25519.PublicKeySize, ed25519.SeedSize}
	case Ed448Key:
		return [2]int{ed448Size, ed448Size}
	case X25519Key:
		return [2]int{x25519Size, x25519Size}
	case X448Key:
		return [2]int{x448Size, x448Size}
	}
	return [2]int{}
}

// wrongSize is the error of a raw key of n bytes where the scheme takes want.
func wrongSize(who string, ks *KeyScheme, what string, want, n int) error {
	return scheme.NewError(who, "a raw "+ks.Name+" "+what+" key is "+itoa(want)+" bytes, not "+itoa(n), []scheme.Value{scheme.Fixnum(n)})
}

// defaultPublicFormat is the default format of the public keys of ks.
func defaultPublicFormat(ks *KeyScheme) string {
	if ks == ECDSA || ks == DSAKey {
		return "subject-public-key-info"
	}
	return "raw"
}

// importPublicKey implements import-public-key: (import-public-key in
// 'subject-public-key-info) or (import-public-key scheme in :optional
// format parameter).
func importPublicKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "import-public-key"
	ks, ok := a[0].(*KeyScheme)
	if ok {
		if err := supportedScheme(who, ks); err != nil {
			return nil, err
		}
	} else {
		der, err := keyInput(th, who, a[0], 0)
		if err != nil {
			return nil, err
		}
		if _, err := keyFormat(who, a[1], "subject-public-key-info", "subject-public-key-info", "subject-public-key-info"); err != nil {
			return nil, err
		}
		return parseSPKI(who, der, nil)
	}
	f, err := keyFormat(who, a[2], defaultPublicFormat(ks), "raw", "subject-public-key-info")
	if err != nil {
		return nil, err
	}
	fixed := 0
	if f == "raw" {
		fixed = rawSizes(ks)[0]
	}
	der, err := keyInput(th, who, a[1], fixed)
	if err != nil {
		return nil, err
	}
	if f == "subject-public-key-info" {
		return parseSPKI(who, der, ks)
	}
	if need := map[*KeyScheme]string{ECDSA: "the EC parameter", DSAKey: "the DSA parameter (a DSA key, or DER Dss-Parms)"}[ks]; need != "" && scheme.IsDefault(a[3]) {
		return nil, scheme.NewError(who, "a raw "+ks.Name+" public key needs "+need, nil, "type")
	}
	var k crypto.PublicKey
	switch ks {
	case RSA:
		if k, err = x509.ParsePKCS1PublicKey(der); err != nil {
			return nil, badKey(who, "RSAPublicKey", err)
		}
	case ECDSA:
		c, err := curveOf(who, a[3])
		if err != nil {
			return nil, err
		}
		if k, err = ecdsa.ParseUncompressedPublicKey(c, der); err != nil {
			return nil, badKey(who, "EC point", err)
		}
	case DSAKey:
		params, err := dsaParamsOf(who, a[3])
		if err != nil {
			return nil, err
		}
		y := new(big.Int)
		in := cryptobyte.String(der)
		if !in.ReadASN1Integer(y) || !in.Empty() || checkDSA(params, y, nil) != nil {
			return nil, badKey(who, "DSA public key (an INTEGER from 2 to p-2)", errBadDSA)
		}
		k = &dsa.PublicKey{Parameters: *params, Y: y}
	default: // the fixed-size keys
		if n := rawSizes(ks)[0]; len(der) != n {
			return nil, wrongSize(who, ks, "public", n, len(der))
		}
		switch ks {
		case Ed25519:
			k = ed25519.PublicKey(append([]byte(nil), der...))
		case X25519Key:
			if k, err = ecdh.X25519().NewPublicKey(der); err != nil {
				return nil, badKey(who, "X25519 public key", err)
			}
		case Ed448Key:
			k, _ = curveKey(oidEd448, der, false)
		case X448Key:
			k, _ = curveKey(oidX448, der, false)
		}
	}
	return &PublicKey{K: k}, nil
}

// dsaParamsOf is the DSA parameters of v: those of a DSA key or key pair,
// or a bytevector of DER Dss-Parms.
func dsaParamsOf(who string, v scheme.Value) (*dsa.Parameters, error) {
	if bv, ok := v.(*scheme.Bytevector); ok {
		p, err := parseDSSParms(bv.B)
		if err != nil {
			return nil, badKey(who, "DSA parameters (DER Dss-Parms)", err)
		}
		return p, nil
	}
	if k, ok := Public(v); ok {
		if pk, ok := k.(*dsa.PublicKey); ok {
			p := pk.Parameters
			return &p, nil
		}
	}
	return nil, scheme.TypeError(who, 0, "DSA parameter: a DSA key or DER Dss-Parms", v)
}

// parseSPKI parses a SubjectPublicKeyInfo, of scheme want when not nil.
func parseSPKI(who string, der []byte, want *KeyScheme) (scheme.Value, error) {
	k, err := parseSPKIKey(der)
	if err != nil {
		return nil, badKey(who, "subject public key info", err)
	}
	if !knownKey(k) {
		return nil, Unsupported(who, "this key type is not supported: tlsport has RSA, DSA, ECDSA (P-256, P-384, P-521), Ed25519, Ed448, X25519 and X448 keys", nil)
	}
	if err := schemeOf(who, want, k); err != nil {
		return nil, err
	}
	return &PublicKey{K: k}, nil
}

// schemeOf checks that key k is of scheme ks (when not nil).
func schemeOf(who string, ks *KeyScheme, k crypto.PublicKey) error {
	if ks != nil && algorithm(k) != ks.Name {
		return scheme.NewError(who, "the key is "+algorithm(k)+", not "+ks.Name, nil, "type")
	}
	return nil
}

// exportArgs are the key scheme (nil when not given), the key and the
// format of (export-… key format) and (export-… scheme key format).
func exportArgs(a []scheme.Value) (ks *KeyScheme, key, format scheme.Value) {
	if ks, _ = a[0].(*KeyScheme); ks != nil {
		return ks, a[1], a[2]
	}
	return nil, a[0], a[1]
}

// exportPublicKey implements export-public-key: (export-public-key key
// :optional format) or (export-public-key scheme key :optional format).
func exportPublicKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "export-public-key"
	ks, kv, fv := exportArgs(a)
	k, ok := kv.(*PublicKey)
	if !ok {
		return nil, scheme.TypeError(who, 0, "public key", kv)
	}
	if err := schemeOf(who, ks, k.K); err != nil {
		return nil, err
	}
	def := "raw"
	switch k.K.(type) {
	case *ecdsa.PublicKey, *dsa.PublicKey:
		def = "subject-public-key-info"
	}
	f, err := keyFormat(who, fv, def, "raw", "subject-public-key-info")
	if err != nil {
		return nil, err
	}
	var der []byte
	if f == "subject-public-key-info" {
		der, err = marshalSPKI(k.K)
	} else {
		switch pk := k.K.(type) {
		case *rsa.PublicKey:
			der = x509.MarshalPKCS1PublicKey(pk)
		case *ecdsa.PublicKey:
			var e *ecdh.PublicKey
			if e, err = pk.ECDH(); err == nil {
				der = e.Bytes()
			}
		case *dsa.PublicKey:
			der = derInt(pk.Y)
		case *ecdh.PublicKey:
			der = pk.Bytes()
		case ed25519.PublicKey:
			der = append([]byte(nil), pk...)
		case ed448.PublicKey:
			der = append([]byte(nil), pk...)
		case x448PublicKey:
			der = append([]byte(nil), pk...)
		default:
			err = errUnknownKey
		}
	}
	if err != nil {
		return nil, scheme.NewError(who, "exporting the key: "+err.Error(), []scheme.Value{k})
	}
	return &scheme.Bytevector{B: der}, nil
}

// importPrivateKey implements import-private-key: (import-private-key in
// 'private-key-info) or (import-private-key scheme in :optional
// ec-parameter).
func importPrivateKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "import-private-key"
	ks, ok := a[0].(*KeyScheme)
	if !ok {
		der, err := keyInput(th, who, a[0], 0)
		if err != nil {
			return nil, err
		}
		if _, err := keyFormat(who, a[1], "private-key-info", "private-key-info", "private-key-info"); err != nil {
			return nil, err
		}
		priv, err := parsePKCS8Key(der)
		if errors.Is(err, errUnknownKey) {
			return nil, Unsupported(who, "this key type is not supported: tlsport has RSA, DSA, ECDSA (P-256, P-384, P-521), Ed25519, Ed448, X25519 and X448 keys", nil)
		}
		if err != nil {
			return nil, badKey(who, "private key info", err)
		}
		return &tlsval.PrivateKey{K: priv}, nil
	}
	if err := supportedScheme(who, ks); err != nil {
		return nil, err
	}
	der, err := keyInput(th, who, a[1], rawSizes(ks)[1])
	if err != nil {
		return nil, err
	}
	var priv crypto.Signer
	switch ks {
	case RSA:
		priv, err = asSigner(x509.ParsePKCS1PrivateKey(der))
	case ECDSA:
		priv, err = asSigner(x509.ParseECPrivateKey(der))
		if err != nil && !scheme.IsDefault(a[2]) { // no parameters inside: the given curve
			c, cerr := curveOf(who, a[2])
			if cerr != nil {
				return nil, cerr
			}
			priv, err = asSigner(parseECPrivateWith(c, der))
		}
	case DSAKey:
		priv, err = parseDSAPrivate(der)
	case Ed25519: // the 32-byte seed (RFC 8410's CurvePrivateKey content) or seed‖public
		switch len(der) {
		case ed25519.SeedSize, ed25519.PrivateKeySize:
			priv = ed25519.NewKeyFromSeed(der[:ed25519.SeedSize])
		default:
			return nil, wrongSize(who, ks, "private", ed25519.SeedSize, len(der))
		}
	default: // Ed448, X25519, X448
		if n := rawSizes(ks)[1]; len(der) != n {
			return nil, wrongSize(who, ks, "private", n, len(der))
		}
		switch ks {
		case X25519Key:
			var k *ecdh.PrivateKey
			if k, err = ecdh.X25519().NewPrivateKey(der); err == nil {
				priv = x25519PrivateKey{k}
			}
		case Ed448Key:
			priv = ed448.NewKeyFromSeed(der)
		case X448Key:
			priv = newX448(der)
		}
	}
	if err != nil {
		return nil, badKey(who, ks.Name+" private key", err)
	}
	return &tlsval.PrivateKey{K: priv}, nil
}

// asSigner is k as a crypto.Signer, nil (not a typed nil) on error.
func asSigner[K crypto.Signer](k K, err error) (crypto.Signer, error) {
	if err != nil {
		return nil, err
	}
	return k, nil
}

// parseECPrivateWith reads an ECPrivateKey without parameters as one on
// curve c: it adds the curve's OID as the parameters.
func parseECPrivateWith(c elliptic.Curve, der []byte) (*ecdsa.PrivateKey, error) {
	oid := map[elliptic.Curve]asn1.ObjectIdentifier{
		elliptic.P256(): {1, 2, 840, 10045, 3, 1, 7}, elliptic.P384(): {1, 3, 132, 0, 34}, elliptic.P521(): {1, 3, 132, 0, 35},
	}[c]
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	var ver int64
	var key []byte
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1Integer(&ver) || !seq.ReadASN1Bytes(&key, cbasn1.OCTET_STRING) {
		_, err := x509.ParseECPrivateKey(der)
		return nil, err
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(ver)
		b.AddASN1OctetString(key)
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oid) })
		b.AddBytes(seq)
	})
	out, err := b.Bytes()
	if err != nil {
		return nil, err
	}
	return x509.ParseECPrivateKey(out)
}

// exportPrivateKey implements export-private-key: (export-private-key key
// :optional format) or (export-private-key scheme key :optional format).
func exportPrivateKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "export-private-key"
	ks, kv, fv := exportArgs(a)
	k, ok := kv.(*tlsval.PrivateKey)
	if !ok {
		return nil, scheme.TypeError(who, 0, "private key", kv)
	}
	if err := schemeOf(who, ks, k.K.Public()); err != nil {
		return nil, err
	}
	f, err := keyFormat(who, fv, "raw", "raw", "private-key-info")
	if err != nil {
		return nil, err
	}
	var der []byte
	if f == "private-key-info" {
		der, err = marshalPKCS8(k.K)
	} else {
		switch pk := k.K.(type) {
		case *rsa.PrivateKey:
			der = x509.MarshalPKCS1PrivateKey(pk)
		case *ecdsa.PrivateKey:
			der, err = x509.MarshalECPrivateKey(pk)
		case dsaPrivateKey:
			der, err = marshalDSAPrivate(pk)
		case ed25519.PrivateKey:
			der = append([]byte(nil), pk.Seed()...)
		case ed448.PrivateKey:
			der = append([]byte(nil), pk.Seed()...)
		case x25519PrivateKey:
			der = pk.Bytes()
		case *x448PrivateKey:
			der = append([]byte(nil), pk.d[:]...)
		default:
			err = errUnknownKey
		}
	}
	if err != nil {
		return nil, scheme.NewError(who, "exporting the key: "+err.Error(), nil)
	}
	return &scheme.Bytevector{B: der}, nil
}

var errUnknownKey = errors.New("sagcrypto: not an RSA, DSA, ECDSA, Ed25519, Ed448, X25519 or X448 key")

// publicKeyFormatP implements public-key-format?.
func publicKeyFormatP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ok := a[0].(*scheme.Symbol)
	return scheme.MakeBool(ok && (s.Name == "raw" || s.Name == "subject-public-key-info")), nil
}

// privateKeyFormatP implements private-key-format?.
func privateKeyFormatP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ok := a[0].(*scheme.Symbol)
	return scheme.MakeBool(ok && (s.Name == "raw" || s.Name == "private-key-info")), nil
}

// positiveInt is the positive exact integer v (argument pos of who).
func positiveInt(who string, pos int, what string, v scheme.Value) (*big.Int, error) {
	n := scheme.BigInt(v)
	if n == nil {
		return nil, scheme.TypeError(who, pos, what+": exact integer", v)
	}
	if n.Sign() <= 0 {
		return nil, scheme.RangeError(who, pos, what+" must be positive", v)
	}
	return n, nil
}

// generatePublicKey implements generate-public-key: (generate-public-key
// *key:rsa* modulus exponent), (generate-public-key *key:dsa* p q g y) or
// (generate-public-key scheme bv) of the raw Ed25519, Ed448, X25519 and
// X448 keys.
func generatePublicKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "generate-public-key"
	ks, ok := a[0].(*KeyScheme)
	if !ok {
		return nil, scheme.TypeError(who, 1, "key scheme", a[0])
	}
	args, _ := scheme.ListToSlice(a[1])
	switch ks {
	case RSA:
		if len(args) != 2 {
			return nil, scheme.NewError(who, "an RSA public key is (generate-public-key *key:rsa* modulus exponent)", args, "type")
		}
		n, err := positiveInt(who, 2, "modulus", args[0])
		if err != nil {
			return nil, err
		}
		e, err := positiveInt(who, 3, "exponent", args[1])
		if err != nil {
			return nil, err
		}
		if !e.IsInt64() || e.Int64() > 1<<31-1 || e.Int64() < 3 || e.Bit(0) == 0 {
			return nil, scheme.RangeError(who, 3, "the exponent must be odd, from 3 to 2^31-1", args[1])
		}
		return &PublicKey{K: &rsa.PublicKey{N: n, E: int(e.Int64())}}, nil
	case DSAKey:
		ints, err := dsaInts(who, args, 4, "a DSA public key is (generate-public-key *key:dsa* p q g y)")
		if err != nil {
			return nil, err
		}
		params := &dsa.Parameters{P: ints[0], Q: ints[1], G: ints[2]}
		if checkDSA(params, ints[3], nil) != nil {
			return nil, scheme.NewError(who, "not a valid DSA public key", args)
		}
		return &PublicKey{K: &dsa.PublicKey{Parameters: *params, Y: ints[3]}}, nil
	case ECDSA:
		return nil, Unsupported(who, "ECDSA keys from their components are not supported: use import-public-key", ks)
	}
	if err := supportedScheme(who, ks); err != nil {
		return nil, err
	}
	bv, err := rawKeyArg(who, ks, args, 0)
	if err != nil {
		return nil, err
	}
	return importPublicKey(th, []scheme.Value{ks, bv, scheme.Intern("raw"), scheme.Default})
}

// rawKeyArg is the one argument of (generate-public-key scheme bv) (which
// 0) or (generate-private-key scheme bv) (which 1) of the fixed-size
// schemes: a bytevector of the raw key's size.
func rawKeyArg(who string, ks *KeyScheme, args []scheme.Value, which int) (*scheme.Bytevector, error) {
	bv, ok := (*scheme.Bytevector)(nil), len(args) == 1
	if ok {
		bv, ok = args[0].(*scheme.Bytevector)
	}
	if n := rawSizes(ks)[which]; !ok || len(bv.B) != n {
		return nil, scheme.NewError(who, "the "+ks.Name+" key is ("+who+" *key:"+ks.Name+"* bytevector), "+itoa(n)+" bytes", args, "type")
	}
	return bv, nil
}

// dsaInts are the n positive integers args of a DSA key, or an error
// saying usage.
func dsaInts(who string, args []scheme.Value, n int, usage string) ([]*big.Int, error) {
	if len(args) != n {
		return nil, scheme.NewError(who, usage, args, "type")
	}
	ints := make([]*big.Int, n)
	for i, v := range args {
		var err error
		if ints[i], err = positiveInt(who, i+2, "DSA key component", v); err != nil {
			return nil, err
		}
	}
	return ints, nil
}

// generatePrivateKey implements generate-private-key: (generate-private-key
// *key:rsa* modulus private-exponent :public-exponent e :p p :q q),
// (generate-private-key *key:dsa* p q g y x) or (generate-private-key
// scheme bv) of the raw Ed25519, Ed448, X25519 and X448 keys.
func generatePrivateKey(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "generate-private-key"
	ks, ok := a[0].(*KeyScheme)
	if !ok {
		return nil, scheme.TypeError(who, 1, "key scheme", a[0])
	}
	args, _ := scheme.ListToSlice(a[1])
	switch ks {
	case RSA:
		if len(args) < 2 {
			return nil, scheme.NewError(who, "an RSA private key is (generate-private-key *key:rsa* modulus private-exponent :public-exponent e :p p :q q)", args, "type")
		}
		n, err := positiveInt(who, 2, "modulus", args[0])
		if err != nil {
			return nil, err
		}
		d, err := positiveInt(who, 3, "private exponent", args[1])
		if err != nil {
			return nil, err
		}
		o, err := lenientOptions(who, scheme.List(args[2:]...), "public-exponent", "p", "q")
		if err != nil {
			return nil, err
		}
		if scheme.IsDefault(o[0]) || scheme.IsDefault(o[1]) || scheme.IsDefault(o[2]) {
			return nil, Unsupported(who, "an RSA private key needs :public-exponent, :p and :q here (Go's crypto/rsa computes with the primes)", nil)
		}
		var ints [3]*big.Int
		for i, name := range []string{"public exponent", "p", "q"} {
			if ints[i], err = positiveInt(who, 0, name, o[i]); err != nil {
				return nil, err
			}
		}
		if !ints[0].IsInt64() || ints[0].Int64() > 1<<31-1 {
			return nil, scheme.RangeError(who, 0, "the public exponent is too large", o[0])
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: int(ints[0].Int64())}, D: d, Primes: []*big.Int{ints[1], ints[2]}}
		if err := k.Validate(); err != nil {
			return nil, scheme.NewError(who, "not a valid RSA key: "+err.Error(), nil)
		}
		k.Precompute()
		return &tlsval.PrivateKey{K: k}, nil
	case DSAKey:
		ints, err := dsaInts(who, args, 5, "a DSA private key is (generate-private-key *key:dsa* p q g y x)")
		if err != nil {
			return nil, err
		}
		params := &dsa.Parameters{P: ints[0], Q: ints[1], G: ints[2]}
		if checkDSA(params, ints[3], ints[4]) != nil {
			return nil, scheme.NewError(who, "not a valid DSA private key (y must be g^x mod p)", args)
		}
		return &tlsval.PrivateKey{K: dsaPrivateKey{&dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *params, Y: ints[3]}, X: ints[4]}}}, nil
	case ECDSA:
		return nil, Unsupported(who, "ECDSA keys from their components are not supported: use import-private-key", ks)
	}
	if err := supportedScheme(who, ks); err != nil {
		return nil, err
	}
	bv, err := rawKeyArg(who, ks, args, 1)
	if err != nil {
		return nil, err
	}
	return importPrivateKey(th, []scheme.Value{ks, bv, scheme.Default})
}

// ECDHKey is *key:ecdh*, the key agreement scheme of ECDSA keys.
var ECDHKey = &KeyScheme{"ecdh"}

// calculateKeyAgreement implements calculate-key-agreement:
// (calculate-key-agreement scheme private-key public-key), ECDH over
// crypto/ecdh with ECDSA keys (*key:ecdh*), X25519 over crypto/ecdh and
// X448 over CIRCL.
func calculateKeyAgreement(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "calculate-key-agreement"
	ks, ok := a[0].(*KeyScheme)
	if !ok {
		return nil, scheme.TypeError(who, 1, "key agreement scheme (*key:ecdh*, *key:x25519*, *key:x448*)", a[0])
	}
	agreement := map[*KeyScheme][2]string{ECDHKey: {"ECDSA", "ecdsa"}, X25519Key: {"X25519", "x25519"}, X448Key: {"X448", "x448"}}
	names, ok := agreement[ks]
	if !ok {
		return nil, scheme.TypeError(who, 1, "key agreement scheme (*key:ecdh*, *key:x25519*, *key:x448*)", ks)
	}
	priv, ok := a[1].(*tlsval.PrivateKey)
	if !ok {
		return nil, scheme.TypeError(who, 2, names[0]+" private key", a[1])
	}
	pub, ok := a[2].(*PublicKey)
	if !ok {
		return nil, scheme.TypeError(who, 3, names[0]+" public key", a[2])
	}
	for i, k := range []crypto.PublicKey{priv.K.Public(), pub.K} {
		if algorithm(k) != names[1] {
			return nil, scheme.NewError(who, ks.Name+" key agreement needs "+names[0]+" keys, not "+algorithm(k)+" (argument "+itoa(i+2)+")", nil, "type")
		}
	}
	var secret []byte
	var err error
	switch k := priv.K.(type) {
	case *x448PrivateKey:
		var p, shared x448.Key
		copy(p[:], pub.K.(x448PublicKey))
		if !x448.Shared(&shared, &k.d, &p) {
			return nil, scheme.NewError(who, "key agreement failed: the X448 public key is of low order", []scheme.Value{pub})
		}
		return &scheme.Bytevector{B: shared[:]}, nil
	case x25519PrivateKey:
		secret, err = k.ECDH(pub.K.(*ecdh.PublicKey)) // fails on a low-order point
	case *ecdsa.PrivateKey:
		var dp *ecdh.PrivateKey
		var dq *ecdh.PublicKey
		if dp, err = k.ECDH(); err == nil {
			dq, err = pub.K.(*ecdsa.PublicKey).ECDH()
		}
		if err == nil {
			secret, err = dp.ECDH(dq) // fails when the curves differ
		}
	default: // a key of another package whose public key passed for one
		err = errUnknownKey
	}
	if err != nil {
		return nil, scheme.NewError(who, "key agreement failed: "+err.Error(), nil)
	}
	return &scheme.Bytevector{B: secret}, nil
}
