// The Go values of DSA, X25519 and X448 private keys, and the encodings crypto/x509 lacks: SubjectPublicKeyInfo and PKCS #8 of Ed448 and X448, PKCS #8 of DSA, and the raw DSA keys.

package sagcrypto

import (
	"crypto"
	"crypto/dsa"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/subtle"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"io"
	"math/big"

	"github.com/cloudflare/circl/dh/x448"
	"github.com/cloudflare/circl/sign/ed448"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// The algorithm OIDs of the keys encoded here (RFC 3279, RFC 8410).
var (
	oidDSA   = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidX448  = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidEd448 = asn1.ObjectIdentifier{1, 3, 101, 113}
)

// The sizes of the raw keys of RFC 7748 and RFC 8032.
const (
	x25519Size = 32
	x448Size   = x448.Size
	ed448Size  = ed448.PublicKeySize // the public key and the seed
)

var (
	errAgreementOnly = errors.New("sagcrypto: X25519 and X448 keys agree on secrets, they do not sign")
	errBadDSA        = errors.New("sagcrypto: not a valid DSA key")
)

// dsaPrivateKey is a DSA private key as a crypto.Signer (dsasign.go).
type dsaPrivateKey struct{ *dsa.PrivateKey }

// Public implements crypto.Signer.
func (k dsaPrivateKey) Public() crypto.PublicKey { return &k.PrivateKey.PublicKey }

// x25519PrivateKey is an X25519 private key; its Sign fails.
type x25519PrivateKey struct{ *ecdh.PrivateKey }

// Sign implements crypto.Signer: it fails, X25519 keys do not sign.
func (x25519PrivateKey) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	return nil, errAgreementOnly
}

// x448PublicKey is an X448 public key, 56 bytes.
type x448PublicKey []byte

// Equal reports whether x is the same X448 public key.
func (k x448PublicKey) Equal(x crypto.PublicKey) bool {
	o, ok := x.(x448PublicKey)
	return ok && subtle.ConstantTimeCompare(k, o) == 1
}

// x448PrivateKey is an X448 private key and its public key; its Sign fails.
type x448PrivateKey struct{ d, pub x448.Key }

// newX448 is the X448 private key of the 56 bytes d.
func newX448(d []byte) *x448PrivateKey {
	k := &x448PrivateKey{}
	copy(k.d[:], d)
	x448.KeyGen(&k.pub, &k.d)
	return k
}

// Public implements crypto.Signer.
func (k *x448PrivateKey) Public() crypto.PublicKey {
	return x448PublicKey(append([]byte(nil), k.pub[:]...))
}

// Sign implements crypto.Signer: it fails, X448 keys do not sign.
func (*x448PrivateKey) Sign(io.Reader, []byte, crypto.SignerOpts) ([]byte, error) {
	return nil, errAgreementOnly
}

// knownKey reports whether k is a public key of the package's schemes.
func knownKey(k crypto.PublicKey) bool { return algorithm(k) != "unknown" }

// marshalSPKI is the SubjectPublicKeyInfo of a public key.
func marshalSPKI(k crypto.PublicKey) ([]byte, error) {
	switch pk := k.(type) {
	case *dsa.PublicKey:
		return keyInfo(false, oidDSA, dssParms(&pk.Parameters), derInt(pk.Y))
	case ed448.PublicKey:
		return keyInfo(false, oidEd448, nil, pk)
	case x448PublicKey:
		return keyInfo(false, oidX448, nil, pk)
	}
	return x509.MarshalPKIXPublicKey(k)
}

// marshalPKCS8 is the PKCS #8 PrivateKeyInfo of a private key.
func marshalPKCS8(k crypto.Signer) ([]byte, error) {
	switch pk := k.(type) {
	case dsaPrivateKey:
		return keyInfo(true, oidDSA, dssParms(&pk.Parameters), derInt(pk.X))
	case ed448.PrivateKey:
		return keyInfo(true, oidEd448, nil, octetString(pk.Seed()))
	case *x448PrivateKey:
		return keyInfo(true, oidX448, nil, octetString(pk.d[:]))
	case x25519PrivateKey:
		return x509.MarshalPKCS8PrivateKey(pk.PrivateKey)
	}
	return x509.MarshalPKCS8PrivateKey(k)
}

// keyInfo is a PrivateKeyInfo (private) or SubjectPublicKeyInfo of the
// algorithm oid with params (DER, nil for none) and the key bytes.
func keyInfo(private bool, oid asn1.ObjectIdentifier, params, key []byte) ([]byte, error) {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		if private {
			b.AddASN1Int64(0)
		}
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oid)
			b.AddBytes(params)
		})
		if private {
			b.AddASN1OctetString(key)
		} else {
			b.AddASN1BitString(key)
		}
	})
	return b.Bytes()
}

func octetString(b []byte) []byte {
	out, _ := asn1.Marshal(b)
	return out
}

func derInt(n *big.Int) []byte {
	out, _ := asn1.Marshal(n)
	return out
}

// dssParms is the DER Dss-Parms of p (RFC 3279 §2.3.2).
func dssParms(p *dsa.Parameters) []byte {
	out, _ := asn1.Marshal(struct{ P, Q, G *big.Int }{p.P, p.Q, p.G})
	return out
}

// parseDSSParms reads a DER Dss-Parms.
func parseDSSParms(der []byte) (*dsa.Parameters, error) {
	var p struct{ P, Q, G *big.Int }
	if err := unmarshalAll(der, &p); err != nil {
		return nil, err
	}
	params := &dsa.Parameters{P: p.P, Q: p.Q, G: p.G}
	if err := checkDSA(params, nil, nil); err != nil {
		return nil, err
	}
	return params, nil
}

// checkDSA checks DSA parameters and, when not nil, the public value y
// and the private value x against them: sizes within FIPS 186's and
// beyond (up to 8192-bit p), so that bad input costs no long
// exponentiation, 1 < g < p, 1 < y < p, 0 < x < q and y = g^x mod p.
func checkDSA(p *dsa.Parameters, y, x *big.Int) error {
	one := big.NewInt(1)
	switch {
	case p.P == nil || p.Q == nil || p.G == nil, p.P.BitLen() < 512, p.P.BitLen() > 8192, p.Q.BitLen() < 160, p.Q.BitLen() > 512,
		p.Q.BitLen()%8 != 0, p.G.Cmp(one) <= 0, p.G.Cmp(p.P) >= 0:
		return errBadDSA
	case y != nil && (y.Cmp(one) <= 0 || y.Cmp(p.P) >= 0):
		return errBadDSA
	case x != nil && (x.Sign() <= 0 || x.Cmp(p.Q) >= 0 || new(big.Int).Exp(p.G, x, p.P).Cmp(y) != 0):
		return errBadDSA
	}
	return nil
}

// newDSAPrivate is the DSA private key x of params, its y computed.
func newDSAPrivate(params *dsa.Parameters, x *big.Int) (dsaPrivateKey, error) {
	if x.Sign() <= 0 || x.Cmp(params.Q) >= 0 {
		return dsaPrivateKey{}, errBadDSA
	}
	y := new(big.Int).Exp(params.G, x, params.P)
	return dsaPrivateKey{&dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *params, Y: y}, X: x}}, nil
}

// dsaTraditional is OpenSSL's DSAPrivateKey, the raw DSA private key.
type dsaTraditional struct {
	Version       int
	P, Q, G, Y, X *big.Int
}

// parseDSAPrivate reads a raw DSAPrivateKey.
func parseDSAPrivate(der []byte) (dsaPrivateKey, error) {
	var t dsaTraditional
	if err := unmarshalAll(der, &t); err != nil {
		return dsaPrivateKey{}, err
	}
	params := &dsa.Parameters{P: t.P, Q: t.Q, G: t.G}
	if t.Version != 0 || checkDSA(params, t.Y, t.X) != nil {
		return dsaPrivateKey{}, errBadDSA
	}
	return dsaPrivateKey{&dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *params, Y: t.Y}, X: t.X}}, nil
}

// marshalDSAPrivate is the raw DSAPrivateKey of k.
func marshalDSAPrivate(k dsaPrivateKey) ([]byte, error) {
	return asn1.Marshal(dsaTraditional{P: k.P, Q: k.Q, G: k.G, Y: k.Y, X: k.X})
}

// parseSPKIKey reads a SubjectPublicKeyInfo: Ed448 and X448 here, the
// others with crypto/x509.
func parseSPKIKey(der []byte) (crypto.PublicKey, error) {
	in := cryptobyte.String(der)
	var info, alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	if in.ReadASN1(&info, cbasn1.SEQUENCE) && info.ReadASN1(&alg, cbasn1.SEQUENCE) && alg.ReadASN1ObjectIdentifier(&oid) &&
		(oid.Equal(oidEd448) || oid.Equal(oidX448)) {
		var key []byte
		if !in.Empty() || !alg.Empty() || !info.ReadASN1BitStringAsBytes(&key) || !info.Empty() {
			return nil, errors.New("sagcrypto: malformed " + curveName(oid) + " subject public key info")
		}
		return curveKey(oid, key, false)
	}
	return x509.ParsePKIXPublicKey(der)
}

// parsePKCS8Key reads a PKCS #8 PrivateKeyInfo (or a OneAsymmetricKey,
// whose public key is not read): DSA, Ed448 and X448 here, the others
// with crypto/x509.
func parsePKCS8Key(der []byte) (crypto.Signer, error) {
	in := cryptobyte.String(der)
	var info, alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	var version int64
	var key []byte
	if in.ReadASN1(&info, cbasn1.SEQUENCE) && info.ReadASN1Integer(&version) && info.ReadASN1(&alg, cbasn1.SEQUENCE) &&
		alg.ReadASN1ObjectIdentifier(&oid) && info.ReadASN1Bytes(&key, cbasn1.OCTET_STRING) && in.Empty() && (version == 0 || version == 1) {
		switch {
		case oid.Equal(oidDSA):
			params, err := parseDSSParms(alg)
			x := new(big.Int)
			in := cryptobyte.String(key)
			if err != nil || !in.ReadASN1Integer(x) || !in.Empty() {
				return nil, errBadDSA
			}
			return newDSAPrivate(params, x)
		case oid.Equal(oidEd448), oid.Equal(oidX448):
			in := cryptobyte.String(key)
			var raw []byte
			if !alg.Empty() || !in.ReadASN1Bytes(&raw, cbasn1.OCTET_STRING) || !in.Empty() {
				return nil, errors.New("sagcrypto: malformed " + curveName(oid) + " private key info")
			}
			k, err := curveKey(oid, raw, true)
			if err != nil {
				return nil, err
			}
			return k.(crypto.Signer), nil
		}
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, err
	}
	switch k := k.(type) {
	case *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey:
		return k.(crypto.Signer), nil
	case *ecdh.PrivateKey:
		if k.Curve() == ecdh.X25519() {
			return x25519PrivateKey{k}, nil
		}
	}
	return nil, errUnknownKey
}

func curveName(oid asn1.ObjectIdentifier) string {
	if oid.Equal(oidEd448) {
		return "Ed448"
	}
	return "X448"
}

// curveKey is the Ed448 or X448 (oid) public or private key of its raw
// bytes.
func curveKey(oid asn1.ObjectIdentifier, raw []byte, private bool) (any, error) {
	size, what := x448Size, "X448"
	if oid.Equal(oidEd448) {
		size, what = ed448Size, "Ed448"
	}
	if len(raw) != size {
		return nil, errors.New("sagcrypto: an " + what + " key is " + itoa(size) + " bytes, not " + itoa(len(raw)))
	}
	switch {
	case private && size == ed448Size:
		return ed448.NewKeyFromSeed(raw), nil
	case private:
		return newX448(raw), nil
	case size == ed448Size:
		return ed448.PublicKey(append([]byte(nil), raw...)), nil
	}
	return x448PublicKey(append([]byte(nil), raw...)), nil
}
