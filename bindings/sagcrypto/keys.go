// Sagittarius's (sagittarius crypto keys) and the key-pair part of (crypto): key schemes, generate-key-pair, key pairs and the key predicates.

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

	"github.com/cloudflare/circl/sign/ed448"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// KeyScheme is a key scheme value such as *key:rsa*.
type KeyScheme struct{ Name string }

// TypeName implements scheme.Value.
func (*KeyScheme) TypeName() string { return "key-scheme" }

// Repr implements scheme.Repr.
func (k *KeyScheme) Repr() string { return "#<key-scheme " + k.Name + ">" }

// The key schemes.
var (
	RSA       = &KeyScheme{"rsa"}
	ECDSA     = &KeyScheme{"ecdsa"}
	Ed25519   = &KeyScheme{"ed25519"}
	DSAKey    = &KeyScheme{"dsa"}
	Ed448Key  = &KeyScheme{"ed448"}
	X25519Key = &KeyScheme{"x25519"}
	X448Key   = &KeyScheme{"x448"}
)

// supportedScheme is an error of who for the schemes that have no keys of
// their own (*key:ecdh*), else nil.
func supportedScheme(who string, ks *KeyScheme) error {
	if ks == ECDHKey {
		return scheme.NewError(who, "*key:ecdh* is for calculate-key-agreement: the keys are ECDSA keys", []scheme.Value{ks}, "type")
	}
	return nil
}

// PublicKey is a <public-key>.
type PublicKey struct{ K crypto.PublicKey }

// TypeName implements scheme.Value.
func (*PublicKey) TypeName() string { return "public-key" }

// Repr implements scheme.Repr.
func (k *PublicKey) Repr() string { return "#<public-key " + algorithm(k.K) + ">" }

// KeyPair is a key pair: a private key (the ssl-private-key value) and its
// public key.
type KeyPair struct {
	Private *tlsval.PrivateKey
	Public  *PublicKey
}

// TypeName implements scheme.Value.
func (*KeyPair) TypeName() string { return "key-pair" }

// Repr implements scheme.Repr.
func (k *KeyPair) Repr() string { return "#<key-pair " + algorithm(k.Public.K) + ">" }

var (
	_ scheme.Repr = (*KeyScheme)(nil)
	_ scheme.Repr = (*PublicKey)(nil)
	_ scheme.Repr = (*KeyPair)(nil)
)

func algorithm(k crypto.PublicKey) string {
	switch k := k.(type) {
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ecdsa"
	case ed25519.PublicKey:
		return "ed25519"
	case *dsa.PublicKey:
		return "dsa"
	case ed448.PublicKey:
		return "ed448"
	case x448PublicKey:
		return "x448"
	case *ecdh.PublicKey:
		if k.Curve() == ecdh.X25519() {
			return "x25519"
		}
	}
	return "unknown"
}

// namedCurve is the curve of an :ec-parameter name (Sagittarius's curve
// names and the NIST ones), nil for none. The curves are functions,
// called when a key is made: the first call of any of them parses every
// NIST curve's parameters, which would otherwise run at every start-up.
func namedCurve(name string) func() elliptic.Curve {
	switch name {
	case "secp256r1", "p-256", "prime256v1":
		return elliptic.P256
	case "secp384r1", "p-384":
		return elliptic.P384
	case "secp521r1", "p-521":
		return elliptic.P521
	}
	return nil
}

// generateKeyPair implements generate-key-pair: (generate-key-pair scheme
// :size bits) for RSA (default 2048) and DSA (default 2048, or of the
// :parameter given), :ec-parameter curve for ECDSA (default secp256r1),
// and Ed25519, Ed448, X25519 and X448.
func generateKeyPair(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "generate-key-pair"
	ks, ok := a[0].(*KeyScheme)
	if !ok {
		return nil, scheme.TypeError(who, 1, "key scheme (*key:rsa*, *key:ecdsa*, *key:ed25519* …)", a[0])
	}
	var priv crypto.Signer
	var err error
	if err := supportedScheme(who, ks); err != nil {
		return nil, err
	}
	switch ks {
	case RSA:
		bits := tlsval.Num(a[1], 2048)
		if bits < 512 || bits > 16384 {
			return nil, scheme.RangeError(who, 0, ":size must be from 512 to 16384 bits", a[1])
		}
		priv, err = cancellable(th, func() (crypto.Signer, error) {
			k, err := rsa.GenerateKey(rand.Reader, bits)
			if err != nil {
				return nil, err
			}
			return k, nil
		})
	case DSAKey:
		if priv, err = generateDSA(th, who, a[1], a[3]); err != nil {
			return nil, err // a condition
		}
	case ECDSA:
		curve := elliptic.P256()
		if tlsval.Given(a[2]) {
			if curve, err = curveOf(who, a[2]); err != nil {
				return nil, err
			}
		}
		priv, err = ecdsa.GenerateKey(curve, rand.Reader)
	case Ed25519:
		_, priv, err = ed25519.GenerateKey(rand.Reader)
	case Ed448Key:
		_, priv, err = ed448.GenerateKey(rand.Reader)
	case X25519Key:
		var k *ecdh.PrivateKey
		if k, err = ecdh.X25519().GenerateKey(rand.Reader); err == nil {
			priv = x25519PrivateKey{k}
		}
	case X448Key:
		d := make([]byte, x448Size)
		rand.Read(d)
		priv = newX448(d)
	}
	if err != nil {
		if th.Context().Err() != nil {
			return nil, err // Ctrl-C, or the thread ended
		}
		return nil, conditions.Config("sagcrypto: key generation failed", err).WithLocation(who)
	}
	return &KeyPair{Private: &tlsval.PrivateKey{K: priv}, Public: &PublicKey{K: priv.Public()}}, nil
}

// generateDSA makes a DSA key of the :parameter of generate-key-pair
// (what import-public-key takes for a raw DSA key), else of new
// parameters of :size bits (1024, 2048 or 3072; Q of 160, 256 and 256
// bits). Its errors are conditions.
func generateDSA(th *scheme.Thread, who string, size, param scheme.Value) (crypto.Signer, error) {
	var params *dsa.Parameters
	var err error
	if tlsval.Given(param) {
		if params, err = dsaParamsOf(who, param); err != nil {
			return nil, err
		}
	} else {
		sizes := map[int]dsa.ParameterSizes{1024: dsa.L1024N160, 2048: dsa.L2048N256, 3072: dsa.L3072N256}
		ps, ok := sizes[tlsval.Num(size, 2048)]
		if !ok {
			return nil, scheme.RangeError(who, 0, "a DSA :size is 1024, 2048 or 3072 bits", size)
		}
		params, err = cancellable(th, func() (*dsa.Parameters, error) {
			p := &dsa.Parameters{}
			return p, dsa.GenerateParameters(p, rand.Reader, ps)
		})
		if err != nil && th.Context().Err() != nil {
			return nil, err // Ctrl-C, or the thread ended
		}
	}
	k := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *params}}
	if err == nil {
		err = dsa.GenerateKey(k, rand.Reader)
	}
	if err != nil {
		return nil, conditions.Config("sagcrypto: key generation failed", err).WithLocation(who)
	}
	return dsaPrivateKey{k}, nil
}

// cancellable runs the long computation f (an RSA key, DSA parameters) in
// a goroutine, so that the evaluation can be cancelled while it runs (a
// 16384-bit RSA key takes minutes, and crypto/rsa and crypto/dsa take no
// context): on cancellation it returns the context's error at once and
// the result, when it comes, is dropped.
func cancellable[T any](th *scheme.Thread, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-th.Context().Done():
		var zero T
		return zero, th.Context().Err()
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func keyPairArg(who string, v scheme.Value) (*KeyPair, error) {
	kp, ok := v.(*KeyPair)
	if !ok {
		return nil, scheme.TypeError(who, 1, "key-pair", v)
	}
	return kp, nil
}

// keyPairPrivate implements key-pair-private.
func keyPairPrivate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	kp, err := keyPairArg("key-pair-private", a[0])
	if err != nil {
		return nil, err
	}
	return kp.Private, nil
}

// keyPairPublic implements key-pair-public.
func keyPairPublic(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	kp, err := keyPairArg("key-pair-public", a[0])
	if err != nil {
		return nil, err
	}
	return kp.Public, nil
}

// keyPairP implements key-pair?.
func keyPairP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*KeyPair)
	return scheme.MakeBool(ok), nil
}

// publicKeyP implements public-key?.
func publicKeyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*PublicKey)
	return scheme.MakeBool(ok), nil
}

// privateKeyP implements private-key?.
func privateKeyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*tlsval.PrivateKey)
	return scheme.MakeBool(ok), nil
}

// asymmetricKeyP implements asymmetric-key?.
func asymmetricKeyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *PublicKey, *tlsval.PrivateKey:
		return scheme.True, nil
	}
	return scheme.False, nil
}

// cryptoKeyP implements crypto-key?.
func cryptoKeyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, ok := a[0].(*SymmetricKey); ok {
		return scheme.True, nil
	}
	return asymmetricKeyP(th, a)
}

// Signer returns the Go private key of a key pair or private key value.
func Signer(v scheme.Value) (crypto.Signer, bool) {
	switch k := v.(type) {
	case *KeyPair:
		return k.Private.K, true
	case *tlsval.PrivateKey:
		return k.K, true
	}
	return nil, false
}

// Public returns the Go public key of a key pair, public key or private key value.
func Public(v scheme.Value) (crypto.PublicKey, bool) {
	switch k := v.(type) {
	case *KeyPair:
		return k.Public.K, true
	case *PublicKey:
		return k.K, true
	case *tlsval.PrivateKey:
		return k.K.Public(), true
	}
	return nil, false
}

const spec = "sagittarius (sagittarius crypto keys) §4"

// Library is (sagittarius crypto keys).
var Library = &scheme.Library{
	Name: "(sagittarius crypto keys)", TypeKinds: []string{socket.KindAssertion},
	Doc: "Sagittarius keys: *key:rsa*, *key:dsa*, *key:ecdsa*, *key:ed25519*, *key:ed448*, *key:x25519*, *key:x448*, generate-key-pair, key pairs, key predicates, symmetric keys, and importing and exporting keys " +
		"(raw, SubjectPublicKeyInfo, PKCS #8), keys from their components, key agreement (ECDH, X25519, X448) and RFC 3394 key wrap. Private keys are ssl-private-key values " +
		"(X25519 and X448 private keys do not sign). Ed448 and X448 are CIRCL's, DSA is crypto/dsa's. " +
		"key->oid, oid->key-operation and the key-format enum sets are not provided; of the EC parameters only P-256, P-384 and P-521 are implemented.",
	Values: keyValues,
	Procs:  keyRows,
}

// keyRows are the rows of (sagittarius crypto keys), one literal (static
// data): key pairs and predicates, then keyio.go's and keywrap.go's.
var keyRows = []scheme.Proc{
	{Name: "generate-key-pair", Spec: spec, Sig: "(generate-key-pair scheme :key size ec-parameter parameter)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme", nil), scheme.Key("size", scheme.OrFalse(tlsval.TypeFixnum), nil), scheme.Key("ec-parameter", nil, nil),
				scheme.Key("parameter", nil, nil))
		},
		Doc: "A new key pair of scheme: RSA of :size bits (default 2048); DSA of :size bits (1024, 2048 or 3072, default 2048; new parameters take seconds) " +
			"or of the DSA parameters of :parameter (a DSA key, or DER Dss-Parms as openssl genpkey -genparam writes); " +
			"ECDSA on :ec-parameter (an EC parameter such as *ec-parameter:p384*, or a curve name; secp256r1 by default, secp384r1, secp521r1); Ed25519, Ed448, X25519 or X448.",
		Fn: generateKeyPair},
	{Name: "key-pair?", Spec: spec, Sig: "(key-pair? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a key pair?", Fn: keyPairP},
	{Name: "key-pair-private", Spec: spec, Sig: "(key-pair-private kp)", Args: scheme.Params{Required: []string{"kp"}},
		Doc: "The private key of the pair (an ssl-private-key, accepted by (rfc tls) :private-key).", Fn: keyPairPrivate},
	{Name: "key-pair-public", Spec: spec, Sig: "(key-pair-public kp)", Args: scheme.Params{Required: []string{"kp"}}, Doc: "The public key of the pair.", Fn: keyPairPublic},
	{Name: "public-key?", Spec: spec, Sig: "(public-key? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a public key?", Fn: publicKeyP},
	{Name: "private-key?", Spec: spec, Sig: "(private-key? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a private key?", Fn: privateKeyP},
	{Name: "asymmetric-key?", Spec: spec, Sig: "(asymmetric-key? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a public or private key?", Fn: asymmetricKeyP},
	{Name: "crypto-key?", Spec: spec, Sig: "(crypto-key? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a key (symmetric, public or private)?", Fn: cryptoKeyP},
	// keyio.go's: symmetric keys, key import and export
	{Name: "make-symmetric-key", Spec: spec, Sig: "(make-symmetric-key bv)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("bv", scheme.TypeBytevector)) },
		Doc: "A symmetric key of a copy of bv (its length is not checked).", Fn: makeSymmetricKey},
	{Name: "symmetric-key?", Spec: spec, Sig: "(symmetric-key? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a symmetric key?", Fn: symmetricKeyP},
	{Name: "symmetric-key-value", Spec: spec, Sig: "(symmetric-key-value key)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("key", TypeSymmetricKey)) },
		Doc: "A copy of the raw key bytes.", Fn: symmetricKeyValue},
	{Name: "generate-symmetric-key", Spec: spec, Sig: "(generate-symmetric-key descriptor :optional source)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("descriptor", nil), scheme.Opt("source", nil, nil))
		},
		Doc: "A key for the block cipher descriptor: random of its maximum key length (from the random generator source, else crypto/rand), or a copy of the bytevector source after checking its length.", Fn: generateSymmetricKey},
	{Name: "public-key-format", Spec: spec, Sig: "syntax (public-key-format format)", Doc: "The symbol format: raw or subject-public-key-info.",
		Syntax: "(syntax-rules (raw subject-public-key-info) ((_ raw) 'raw) ((_ subject-public-key-info) 'subject-public-key-info))"},
	{Name: "public-key-format?", Spec: spec, Sig: "(public-key-format? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj raw or subject-public-key-info?", Fn: publicKeyFormatP},
	{Name: "private-key-format", Spec: spec, Sig: "syntax (private-key-format format)", Doc: "The symbol format: raw or private-key-info.",
		Syntax: "(syntax-rules (raw private-key-info) ((_ raw) 'raw) ((_ private-key-info) 'private-key-info))"},
	{Name: "private-key-format?", Spec: spec, Sig: "(private-key-format? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj raw or private-key-info?", Fn: privateKeyFormatP},
	{Name: "import-public-key", Spec: spec, Sig: "(import-public-key scheme-or-in :optional in-or-format format parameter)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme-or-in", nil), scheme.Opt("in-or-format", nil, nil), scheme.Opt("format", nil, nil), scheme.Opt("parameter", nil, nil))
		},
		Doc: "A public key read from a bytevector or binary input port: (import-public-key in 'subject-public-key-info), or (import-public-key scheme in format parameter) " +
			"with format raw (RSA: RSAPublicKey; DSA: the INTEGER y, with the DSA parameter: a DSA key or DER Dss-Parms; ECDSA: the uncompressed point, with the EC parameter; " +
			"Ed25519 and X25519: 32 bytes; Ed448: 57 bytes; X448: 56 bytes) or subject-public-key-info. " +
			"The default format is raw, subject-public-key-info for DSA and ECDSA.", Fn: importPublicKey},
	{Name: "export-public-key", Spec: spec, Sig: "(export-public-key scheme-or-key :optional key-or-format format)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme-or-key", nil), scheme.Opt("key-or-format", nil, nil), scheme.Opt("format", nil, nil))
		},
		Doc: "The public key as a bytevector: (export-public-key key format) or (export-public-key scheme key format), format raw or subject-public-key-info, and its default, as for import-public-key.", Fn: exportPublicKey},
	{Name: "import-private-key", Spec: spec, Sig: "(import-private-key scheme-or-in :optional in-or-format ec-parameter)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme-or-in", nil), scheme.Opt("in-or-format", nil, nil), scheme.Opt("ec-parameter", nil, nil))
		},
		Doc: "A private key read from a bytevector or binary input port: (import-private-key in 'private-key-info) (PKCS #8), or (import-private-key scheme in) " +
			"of the raw RSAPrivateKey, DSAPrivateKey (OpenSSL's SEQUENCE of 0, p, q, g, y, x), ECPrivateKey (ec-parameter when it has no parameters), " +
			"Ed25519 32-byte seed, Ed448 57-byte seed, X25519 32-byte or X448 56-byte scalar.", Fn: importPrivateKey},
	{Name: "export-private-key", Spec: spec, Sig: "(export-private-key scheme-or-key :optional key-or-format format)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme-or-key", nil), scheme.Opt("key-or-format", nil, nil), scheme.Opt("format", nil, nil))
		},
		Doc: "The private key as a bytevector: format raw (default; as import-private-key reads) or private-key-info (PKCS #8).", Fn: exportPrivateKey},
	// keyio.go's: generate-public-key, generate-private-key, calculate-key-agreement
	{Name: "calculate-key-agreement", Spec: spec, Sig: "(calculate-key-agreement scheme private-key public-key)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("scheme", nil), scheme.Req("private-key", nil), scheme.Req("public-key", nil))
		},
		Doc: "The shared secret of private-key and public-key: ECDH (scheme *key:ecdh*) between ECDSA keys of the same curve (crypto/ecdh), the x-coordinate, as long as the curve's field; " +
			"X25519 (*key:x25519*, crypto/ecdh) or X448 (*key:x448*, CIRCL) between keys of the scheme, 32 or 56 bytes (RFC 7748). " +
			"Keys of another scheme are an (exn type) error, a low-order public key an error.", Fn: calculateKeyAgreement},
	{Name: "generate-public-key", Spec: spec, Sig: "(generate-public-key scheme . opts)",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("scheme", nil), scheme.Rest("opts", nil)) },
		Doc: "A public key from its components: (generate-public-key *key:rsa* modulus exponent), (generate-public-key *key:dsa* p q g y), " +
			"or (generate-public-key scheme bv) of the raw Ed25519, Ed448, X25519 or X448 key; ECDSA is not supported (use import-public-key).", Fn: generatePublicKey},
	{Name: "generate-private-key", Spec: spec, Sig: "(generate-private-key scheme . opts)",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("scheme", nil), scheme.Rest("opts", nil)) },
		Doc: "A private key from its components: (generate-private-key *key:rsa* modulus private-exponent :public-exponent e :p p :q q) (the primes are required), " +
			"(generate-private-key *key:dsa* p q g y x), or (generate-private-key scheme bv) of the raw Ed25519, Ed448, X25519 or X448 key; ECDSA is not supported (use import-private-key).", Fn: generatePrivateKey},
	// keywrap.go's: RFC 3394 key wrap
	{Name: "make-rfc3394-key-wrap", Spec: spec, Sig: "(make-rfc3394-key-wrap scheme key . opts)", LazyArgs: wrapSchemeArgs,
		Doc: "A procedure of a bytevector (a multiple of 8 bytes, at least 16) returning it wrapped (RFC 3394) with the block cipher scheme (128-bit blocks) and key; opts: :iv, 8 bytes (default A6…A6).", Fn: makeRFC3394KeyWrap},
	{Name: "make-rfc3394-key-unwrap", Spec: spec, Sig: "(make-rfc3394-key-unwrap scheme key . opts)", LazyArgs: wrapSchemeArgs,
		Doc: "A procedure of a wrapped key returning it unwrapped (RFC 3394), an error when its integrity check fails; opts: :iv.", Fn: makeRFC3394KeyUnwrap},
	{Name: "make-aes-key-wrap", Spec: spec, Sig: "(make-aes-key-wrap key . opts)", LazyArgs: wrapArgs,
		Doc: "(make-rfc3394-key-wrap *scheme:aes* key . opts).", Fn: makeAESKeyWrap},
	{Name: "make-aes-key-unwrap", Spec: spec, Sig: "(make-aes-key-unwrap key . opts)", LazyArgs: wrapArgs,
		Doc: "(make-rfc3394-key-unwrap *scheme:aes* key . opts).", Fn: makeAESKeyUnwrap},
	{Name: "make-camellia-key-wrap", Spec: spec, Sig: "(make-camellia-key-wrap key . opts)", LazyArgs: wrapArgs,
		Doc: "Camellia key wrap: an (exn unsupported) implementation-restriction violation (tlsport has no Camellia).", Fn: makeCamelliaKeyWrap},
	{Name: "make-camellia-key-unwrap", Spec: spec, Sig: "(make-camellia-key-unwrap key . opts)", LazyArgs: wrapArgs,
		Doc: "Camellia key unwrap: an (exn unsupported) implementation-restriction violation (tlsport has no Camellia).", Fn: makeCamelliaKeyUnwrap},
}

// keypairP implements keypair?.
func keypairP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return keyPairP(th, a) }

// keypairPrivate implements keypair-private.
func keypairPrivate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyPairPrivate(th, a)
}

// keypairPublic implements keypair-public.
func keypairPublic(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return keyPairPublic(th, a)
}

// keypairRows are the older (crypto) names of the key-pair procedures.
var keypairRows = []scheme.Proc{
	{Name: "keypair?", Spec: "sagittarius (crypto)", Sig: "(keypair? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Same as key-pair?.", Fn: keypairP},
	{Name: "keypair-private", Spec: "sagittarius (crypto)", Sig: "(keypair-private kp)", Args: scheme.Params{Required: []string{"kp"}}, Doc: "Same as key-pair-private.", Fn: keypairPrivate},
	{Name: "keypair-public", Spec: "sagittarius (crypto)", Sig: "(keypair-public kp)", Args: scheme.Params{Required: []string{"kp"}}, Doc: "Same as key-pair-public.", Fn: keypairPublic},
}

// CryptoLibrary is the key-pair part of Sagittarius's older (crypto)
// library: the schemes RSA, ECDSA and Ed25519 (values of *key:rsa* …),
// generate-key-pair and keypair-private/-public.
var CryptoLibrary = &scheme.Library{Name: "(crypto)", TypeKinds: []string{socket.KindAssertion},
	Doc: "Sagittarius's older (crypto) key-pair API: RSA, ECDSA, Ed25519, generate-key-pair, keypair?, keypair-private, keypair-public (ciphers and signatures are not provided).",
	Values: []scheme.Binding{
		{Name: "RSA", Spec: "sagittarius (crypto)", Doc: "Same as *key:rsa*.", Value: RSA},
		{Name: "ECDSA", Spec: "sagittarius (crypto)", Doc: "Same as *key:ecdsa*.", Value: ECDSA},
		{Name: "Ed25519", Spec: "sagittarius (crypto)", Doc: "Same as *key:ed25519*.", Value: Ed25519},
	},
	Procs: append([]scheme.Proc{Library.Procs[0]}, keypairRows...)}
