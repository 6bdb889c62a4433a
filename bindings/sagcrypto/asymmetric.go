// The asymmetric part of (sagittarius crypto ciphers): RSA encryption with OAEP or PKCS #1 v1.5 over crypto/rsa.

package sagcrypto

import (
	"crypto/rand"
	"crypto/rsa"
	"sync"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// AsymmetricEncoding is an RSA encryption encoding: oaep-encoding or
// pkcs1-v1.5-encoding.
type AsymmetricEncoding struct{ Name string }

// TypeName implements scheme.Value.
func (*AsymmetricEncoding) TypeName() string { return "asymmetric-encoding" }

// Repr implements scheme.Repr.
func (e *AsymmetricEncoding) Repr() string { return "#<asymmetric-encoding " + e.Name + ">" }

// The RSA encryption encodings.
var (
	OAEPEncoding  = &AsymmetricEncoding{"oaep-encoding"}
	PKCS1Encoding = &AsymmetricEncoding{"pkcs1-v1.5-encoding"}
)

// AsymmetricCipher is an RSA cipher (make-asymmetric-cipher). It locks.
type AsymmetricCipher struct {
	Encoding  *AsymmetricEncoding
	digest    *DigestDescriptor // OAEP's label digest
	mgfDigest *DigestDescriptor
	label     []byte
	mu        sync.Mutex
	pub       *rsa.PublicKey
	priv      *rsa.PrivateKey
}

// TypeName implements scheme.Value.
func (*AsymmetricCipher) TypeName() string { return "asymmetric-cipher" }

// Repr implements scheme.Repr.
func (c *AsymmetricCipher) Repr() string { return "#<asymmetric-cipher RSA " + c.Encoding.Name + ">" }

var (
	_ scheme.Repr = (*AsymmetricEncoding)(nil)
	_ scheme.Repr = (*AsymmetricCipher)(nil)
)

// TypeAsymmetricCipher is the parameter type of an asymmetric cipher.
var TypeAsymmetricCipher = &scheme.Type{Name: "asymmetric cipher", Accept: func(v scheme.Value) bool { _, ok := v.(*AsymmetricCipher); return ok }}

// asymmetricCipherDescriptorP implements asymmetric-cipher-descriptor?.
func asymmetricCipherDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0] == RSA), nil
}

// asymmetricCipherP implements asymmetric-cipher?.
func asymmetricCipherP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*AsymmetricCipher](a[0]), nil
}

// oaepDigest is the OAEP digest option v: SHA-1 by default.
func oaepDigest(who string, v scheme.Value) (*DigestDescriptor, error) {
	if scheme.IsDefault(v) {
		return SHA1, nil
	}
	d, ok := v.(*DigestDescriptor)
	if !ok {
		return nil, scheme.TypeError(who, 0, "digest descriptor", v)
	}
	if _, err := d.Hash(who); err != nil {
		return nil, err
	}
	if h := hashOfDigest[d]; h == 0 || !h.Available() {
		return nil, Unsupported(who, "OAEP over "+d.Name+" is not supported: Go's crypto/rsa has no such hash", d)
	}
	return d, nil
}

// makeAsymmetricCipher implements make-asymmetric-cipher.
func makeAsymmetricCipher(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-asymmetric-cipher"
	if a[0] != RSA {
		return nil, scheme.TypeError(who, 1, "asymmetric cipher descriptor (*scheme:rsa*)", a[0])
	}
	c := &AsymmetricCipher{Encoding: OAEPEncoding}
	if !scheme.IsDefault(a[1]) {
		e, ok := a[1].(*AsymmetricEncoding)
		if !ok {
			return nil, scheme.TypeError(who, 0, ":encoding: oaep-encoding or pkcs1-v1.5-encoding", a[1])
		}
		c.Encoding = e
	}
	if c.Encoding != OAEPEncoding {
		return c, nil // :prng is accepted; Go draws the padding from crypto/rand
	}
	var err error
	if c.digest, err = oaepDigest(who, a[2]); err != nil {
		return nil, err
	}
	if c.mgfDigest, err = oaepDigest(who, a[5]); err != nil {
		return nil, err
	}
	if !scheme.IsDefault(a[3]) {
		bv, ok := a[3].(*scheme.Bytevector)
		if !ok {
			return nil, scheme.TypeError(who, 0, ":label: bytevector", a[3])
		}
		c.label = append([]byte(nil), bv.B...)
	}
	if !scheme.IsDefault(a[4]) && a[4] != mgf1 {
		return nil, Unsupported(who, "OAEP supports only mgf-1 as :mgf", a[4])
	}
	return c, nil
}

// asymmetricCipherInitBang implements asymmetric-cipher-init!.
func asymmetricCipherInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := a[0].(*AsymmetricCipher)
	return c, c.init("asymmetric-cipher-init!", a[1])
}

// asymmetricCipherInit implements asymmetric-cipher-init: an initialised copy.
func asymmetricCipherInit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	o := a[0].(*AsymmetricCipher)
	c := &AsymmetricCipher{Encoding: o.Encoding, digest: o.digest, mgfDigest: o.mgfDigest, label: o.label}
	return c, c.init("asymmetric-cipher-init", a[1])
}

func (c *AsymmetricCipher) init(who string, key scheme.Value) error {
	var pub *rsa.PublicKey
	var priv *rsa.PrivateKey
	switch k := key.(type) {
	case *PublicKey:
		pub, _ = k.K.(*rsa.PublicKey)
	case *tlsval.PrivateKey:
		if priv, _ = k.K.(*rsa.PrivateKey); priv != nil {
			pub = &priv.PublicKey
		}
	}
	if pub == nil {
		return scheme.TypeError(who, 2, "RSA public or private key", key)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pub, c.priv = pub, priv
	return nil
}

func (c *AsymmetricCipher) oaep() *rsa.OAEPOptions {
	return &rsa.OAEPOptions{Hash: hashOfDigest[c.digest], MGFHash: hashOfDigest[c.mgfDigest], Label: c.label}
}

// asymmetricInput is bv[start:].
func asymmetricInput(who string, a []scheme.Value) ([]byte, error) {
	b := bytesOf(a[1])
	if scheme.IsDefault(a[2]) {
		return b, nil
	}
	s, err := scheme.ArgIndex(3, a[2])
	if err == nil && s > len(b) {
		err = scheme.RangeError(who, 3, "start beyond the bytevector's end", a[2])
	}
	if err != nil {
		return nil, err
	}
	return b[s:], nil
}

// asymmetricRun runs f on bv[start:] with the cipher's key, which must
// be private when private is set.
func asymmetricRun(who string, a []scheme.Value, private bool, f func(c *AsymmetricCipher, in []byte) ([]byte, error)) (scheme.Value, error) {
	c := a[0].(*AsymmetricCipher)
	in, err := asymmetricInput(who, a)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.pub == nil:
		return nil, scheme.NewError(who, "the cipher has no key (asymmetric-cipher-init!)", []scheme.Value{c})
	case private && c.priv == nil:
		return nil, scheme.NewError(who, "decryption needs a private key (asymmetric-cipher-init!)", []scheme.Value{c})
	}
	out, err := f(c, in)
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: out}, nil
}

// asymmetricCipherEncryptBytevector implements asymmetric-cipher-encrypt-bytevector.
func asymmetricCipherEncryptBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "asymmetric-cipher-encrypt-bytevector"
	return asymmetricRun(who, a, false, func(c *AsymmetricCipher, in []byte) (out []byte, err error) {
		if c.Encoding == OAEPEncoding {
			out, err = rsa.EncryptOAEPWithOptions(rand.Reader, c.pub, in, c.oaep())
		} else {
			out, err = rsa.EncryptPKCS1v15(rand.Reader, c.pub, in)
		}
		if err != nil {
			return nil, scheme.NewError(who, "encryption failed: "+err.Error(), []scheme.Value{scheme.Fixnum(len(in))})
		}
		return out, nil
	})
}

// asymmetricCipherDecryptBytevector implements asymmetric-cipher-decrypt-bytevector.
func asymmetricCipherDecryptBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "asymmetric-cipher-decrypt-bytevector"
	return asymmetricRun(who, a, true, func(c *AsymmetricCipher, in []byte) (out []byte, err error) {
		if c.Encoding == OAEPEncoding {
			out, err = c.priv.Decrypt(nil, in, c.oaep())
		} else {
			out, err = rsa.DecryptPKCS1v15(nil, c.priv, in)
		}
		if err != nil {
			return nil, scheme.NewError(who, "decryption failed", nil)
		}
		return out, nil
	})
}

// asymmetricCipherDoneBang implements asymmetric-cipher-done!.
func asymmetricCipherDoneBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := a[0].(*AsymmetricCipher)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pub, c.priv = nil, nil
	return c, nil
}

func asymLambda(ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("cipher", TypeAsymmetricCipher)}, ps...)...)
	}
}

// asymmetricRows are the asymmetric cipher rows of (sagittarius crypto ciphers).
var asymmetricRows = []scheme.Proc{
	pred("asymmetric-cipher-descriptor?", "Is obj an asymmetric cipher descriptor (*scheme:rsa*)?", asymmetricCipherDescriptorP),
	pred("asymmetric-cipher?", "Is obj an asymmetric cipher?", asymmetricCipherP),
	{Name: "make-asymmetric-cipher", Spec: cipherSpec, Sig: "(make-asymmetric-cipher scheme :key encoding digest label mgf mgf-digest prng . other-keys)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme", nil), scheme.Key("encoding", nil, nil), scheme.Key("digest", nil, nil), scheme.Key("label", nil, nil),
				scheme.Key("mgf", nil, nil), scheme.Key("mgf-digest", nil, nil), scheme.Key("prng", nil, nil), scheme.Rest("other-keys", nil))
		},
		Doc: "An RSA cipher with :encoding oaep-encoding (default; :digest and :mgf-digest default *digest:sha-1*, :label default #vu8(), :mgf mgf-1) or pkcs1-v1.5-encoding. " +
			":prng is accepted, but Go draws the padding from crypto/rand; other keywords are ignored.", Fn: makeAsymmetricCipher},
	{Name: "asymmetric-cipher-init!", Spec: cipherSpec, Sig: "(asymmetric-cipher-init! cipher key)", LazyArgs: asymLambda(scheme.Req("key", nil)),
		Doc: "Give cipher the RSA key: a public key encrypts, a private key encrypts and decrypts; returns cipher.", Fn: asymmetricCipherInitBang},
	{Name: "asymmetric-cipher-init", Spec: cipherSpec, Sig: "(asymmetric-cipher-init cipher key)", LazyArgs: asymLambda(scheme.Req("key", nil)),
		Doc: "A copy of cipher with the key, as asymmetric-cipher-init! would make it.", Fn: asymmetricCipherInit},
	{Name: "asymmetric-cipher-encrypt-bytevector", Spec: cipherSpec, Sig: "(asymmetric-cipher-encrypt-bytevector cipher bv :optional start)",
		LazyArgs: asymLambda(scheme.Req("bv", scheme.TypeBytevector), scheme.Opt("start", nil, nil)),
		Doc:      "The encryption of bv[start…] (at most the key size less the padding).", Fn: asymmetricCipherEncryptBytevector},
	{Name: "asymmetric-cipher-decrypt-bytevector", Spec: cipherSpec, Sig: "(asymmetric-cipher-decrypt-bytevector cipher bv :optional start)",
		LazyArgs: asymLambda(scheme.Req("bv", scheme.TypeBytevector), scheme.Opt("start", nil, nil)),
		Doc:      "The decryption of bv[start…] with the private key; \"decryption failed\" when it does not decrypt.", Fn: asymmetricCipherDecryptBytevector},
	{Name: "asymmetric-cipher-done!", Spec: cipherSpec, Sig: "(asymmetric-cipher-done! cipher)", LazyArgs: asymLambda(), Doc: "Forget the key of cipher; returns cipher.", Fn: asymmetricCipherDoneBang},
}
