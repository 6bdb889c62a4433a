// Sagittarius's (sagittarius crypto signatures): signers and verifiers over crypto/rsa (PKCS #1 v1.5 and PSS), crypto/dsa, crypto/ecdsa, crypto/ed25519 and CIRCL's Ed448.

package sagcrypto

import (
	"crypto"
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"hash"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/cloudflare/circl/sign/ed448"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// SignatureAlgorithm is a signature algorithm such as *signature:rsa*.
type SignatureAlgorithm struct{ Name string }

// TypeName implements scheme.Value.
func (*SignatureAlgorithm) TypeName() string { return "signature-algorithm" }

// Repr implements scheme.Repr.
func (s *SignatureAlgorithm) Repr() string { return "#<signature-algorithm " + s.Name + ">" }

// The signature algorithms.
var (
	SigRSA        = &SignatureAlgorithm{"RSA"}
	SigDSA        = &SignatureAlgorithm{"DSA"}
	SigECDSA      = &SignatureAlgorithm{"ECDSA"}
	SigEdDSA      = &SignatureAlgorithm{"EdDSA"}
	SigEd25519    = &SignatureAlgorithm{"Ed25519"}
	SigEd25519ctx = &SignatureAlgorithm{"Ed25519ctx"}
	SigEd25519ph  = &SignatureAlgorithm{"Ed25519ph"}
	SigEd448      = &SignatureAlgorithm{"Ed448"}
	SigEd448ph    = &SignatureAlgorithm{"Ed448ph"}
)

// SignatureEncoding is an RSA signature encoding, the value of make-signer's
// :encoder and make-verifier's :verifier (pkcs1-emsa-pss-encode …).
type SignatureEncoding struct {
	Name string
	PSS  bool
}

// TypeName implements scheme.Value.
func (*SignatureEncoding) TypeName() string { return "signature-encoding" }

// Repr implements scheme.Repr.
func (e *SignatureEncoding) Repr() string { return "#<signature-encoding " + e.Name + ">" }

// The RSA signature encodings.
var (
	PSSEncode    = &SignatureEncoding{"pkcs1-emsa-pss-encode", true}
	PSSVerify    = &SignatureEncoding{"pkcs1-emsa-pss-verify", true}
	PKCS1Encode  = &SignatureEncoding{"pkcs1-emsa-v1.5-encode", false}
	PKCS1Verify  = &SignatureEncoding{"pkcs1-emsa-v1.5-verify", false}
	hashOfDigest = map[*DigestDescriptor]crypto.Hash{
		MD5: crypto.MD5, SHA1: crypto.SHA1, SHA224: crypto.SHA224, SHA256: crypto.SHA256, SHA384: crypto.SHA384,
		SHA512: crypto.SHA512, SHA512_224: crypto.SHA512_224, SHA512_256: crypto.SHA512_256,
		SHA3_224: crypto.SHA3_224, SHA3_256: crypto.SHA3_256, SHA3_384: crypto.SHA3_384, SHA3_512: crypto.SHA3_512,
	}
)

// KGenerator is an ECDSA k generator: random, or RFC 6979's deterministic
// one over a digest.
type KGenerator struct {
	Digest *DigestDescriptor // nil: random
}

// TypeName implements scheme.Value.
func (*KGenerator) TypeName() string { return "k-generator" }

// Repr implements scheme.Repr.
func (k *KGenerator) Repr() string {
	if k.Digest == nil {
		return "#<k-generator random>"
	}
	return "#<k-generator hmac " + k.Digest.Name + ">"
}

var (
	_ scheme.Repr = (*SignatureAlgorithm)(nil)
	_ scheme.Repr = (*SignatureEncoding)(nil)
	_ scheme.Repr = (*KGenerator)(nil)
	_ scheme.Repr = (*SignatureSigner)(nil)
	_ scheme.Repr = (*SignatureVerifier)(nil)
)

// sigState is the running state of a signer or verifier.
type sigState struct {
	alg     *SignatureAlgorithm // the concrete one (*signature:eddsa* resolved)
	digest  *DigestDescriptor   // nil for EdDSA
	hash    crypto.Hash         // Go's hash of digest, 0 when it has none
	pss     bool
	saltLen int
	der     bool
	detK    bool              // RFC 6979 k
	edOpts  crypto.SignerOpts // EdDSA's: *ed25519.Options or ed448.SignerOptions
	priv    crypto.Signer
	pub     crypto.PublicKey
	mu      sync.Mutex
	h       hash.Hash // the running digest; nil for pure EdDSA
	msg     []byte    // pure EdDSA's message
	desc    string    // for Repr: the algorithm, digest and encoding
}

func (s *sigState) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h != nil {
		s.h.Reset()
	}
	s.msg = nil
}

func (s *sigState) write(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h != nil {
		s.h.Write(b)
	} else {
		s.msg = append(s.msg, b...)
	}
}

// take returns what the key signs (the digest, or the message for pure
// EdDSA) and initialises the state.
func (s *sigState) take() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.takeLocked()
}

func (s *sigState) takeLocked() []byte {
	if s.h != nil {
		d := s.h.Sum(nil)
		s.h.Reset()
		return d
	}
	m := s.msg
	s.msg = nil
	return m
}

// oneShot returns what the key signs for msg alone, holding the lock
// throughout so that threads sharing the state do not mix their messages.
func (s *sigState) oneShot(msg []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h != nil {
		s.h.Reset()
		s.h.Write(msg)
	} else {
		s.msg = append([]byte(nil), msg...)
	}
	return s.takeLocked()
}

// SignatureSigner is a signer (make-signer).
type SignatureSigner struct{ sigState }

// TypeName implements scheme.Value.
func (*SignatureSigner) TypeName() string { return "signer" }

// Repr implements scheme.Repr.
func (s *SignatureSigner) Repr() string { return "#<signer " + s.desc + ">" }

// SignatureVerifier is a verifier (make-verifier).
type SignatureVerifier struct{ sigState }

// TypeName implements scheme.Value.
func (*SignatureVerifier) TypeName() string { return "verifier" }

// Repr implements scheme.Repr.
func (v *SignatureVerifier) Repr() string { return "#<verifier " + v.desc + ">" }

// TypeSigner and TypeVerifier are parameter types.
var (
	TypeSigner   = &scheme.Type{Name: "signer", Accept: func(v scheme.Value) bool { _, ok := v.(*SignatureSigner); return ok }}
	TypeVerifier = &scheme.Type{Name: "verifier", Accept: func(v scheme.Value) bool { _, ok := v.(*SignatureVerifier); return ok }}
)

// setup makes s the state of make-signer (verify false) or make-verifier
// from its arguments: the algorithm, the key and the keyword options.
func (s *sigState) setup(who string, a []scheme.Value, verify bool) error {
	alg, ok := a[0].(*SignatureAlgorithm)
	if !ok {
		return scheme.TypeError(who, 1, "signature algorithm (*signature:rsa* …)", a[0])
	}
	encKey := "encoder"
	if verify {
		encKey = "verifier"
	}
	o, err := lenientOptions(who, a[2], "digest", encKey, "k-generator", "der-encode", "scheme", "context", "salt", "salt-length", "mgf", "mgf-digest")
	if err != nil {
		return err
	}
	s.alg = alg
	if verify {
		pub, ok := Public(a[1])
		if !ok {
			return scheme.TypeError(who, 2, "public key", a[1])
		}
		s.pub = pub
	} else {
		priv, ok := Signer(a[1])
		if !ok {
			return scheme.TypeError(who, 2, "private key", a[1])
		}
		s.priv, s.pub = priv, priv.Public()
	}
	if alg == SigEdDSA {
		switch sc := o[4].(type) {
		case *SignatureAlgorithm:
			if sc != SigEd25519 && sc != SigEd25519ctx && sc != SigEd25519ph && sc != SigEd448 && sc != SigEd448ph {
				return scheme.RangeError(who, 0, ":scheme must be an EdDSA algorithm (*signature:ed25519* …)", sc)
			}
			s.alg = sc
		default:
			if !scheme.IsDefault(sc) {
				return scheme.TypeError(who, 0, ":scheme: EdDSA signature algorithm", sc)
			}
			s.alg = SigEd25519
			if keyIs[ed448.PublicKey](s) {
				s.alg = SigEd448
			} else if bv, ok := o[5].(*scheme.Bytevector); ok && len(bv.B) > 0 {
				s.alg = SigEd25519ctx
			}
		}
	}
	s.desc = s.alg.Name
	switch s.alg {
	case SigEd25519, SigEd25519ctx, SigEd25519ph, SigEd448, SigEd448ph:
		return s.edDSA(who, o[5])
	}
	// RSA, DSA and ECDSA: a digest
	d := SHA256
	if !scheme.IsDefault(o[0]) {
		if d, _ = o[0].(*DigestDescriptor); d == nil {
			return scheme.TypeError(who, 0, ":digest: digest descriptor", o[0])
		}
	}
	h, err := d.Hash(who)
	if err != nil {
		return err
	}
	s.digest, s.h, s.hash = d, h, hashOfDigest[d]
	s.desc += "-" + d.Name
	if s.alg == SigRSA {
		return s.rsaOptions(who, o[1], o[6], o[7], o[8], o[9], verify)
	}
	return s.dsaOptions(who, o[2], o[3])
}

// keyIs reports whether the key of s is of Go type K.
func keyIs[K any](s *sigState) bool {
	_, ok := s.pub.(K)
	return ok
}

func (s *sigState) edDSA(who string, ctx scheme.Value) error {
	keyAlg, keyName := "ed25519", "Ed25519"
	if s.alg == SigEd448 || s.alg == SigEd448ph {
		keyAlg, keyName = "ed448", "Ed448"
	}
	if algorithm(s.pub) != keyAlg {
		return scheme.NewError(who, s.alg.Name+" needs an "+keyName+" key, not "+algorithm(s.pub), nil, "type")
	}
	context := ""
	if !scheme.IsDefault(ctx) {
		bv, ok := ctx.(*scheme.Bytevector)
		if !ok {
			return scheme.TypeError(who, 0, ":context: bytevector", ctx)
		}
		if len(bv.B) > 255 {
			return scheme.RangeError(who, 0, ":context is at most 255 bytes", ctx)
		}
		context = string(bv.B)
	}
	switch s.alg {
	case SigEd448:
		s.edOpts = ed448.SignerOptions{Context: context, Scheme: ed448.ED448}
	case SigEd448ph: // CIRCL hashes the message itself: it is kept whole, as pure EdDSA's
		s.edOpts = ed448.SignerOptions{Context: context, Scheme: ed448.ED448Ph}
	case SigEd25519:
		s.edOpts = &ed25519.Options{}
	case SigEd25519ctx:
		if context == "" {
			return scheme.RangeError(who, 0, "Ed25519ctx needs a non-empty :context", ctx)
		}
		s.edOpts = &ed25519.Options{Context: context}
	case SigEd25519ph:
		s.edOpts = &ed25519.Options{Context: context, Hash: crypto.SHA512}
		s.h = sha512.New()
	}
	return nil
}

func isEncoding(v scheme.Value, e ...*SignatureEncoding) bool {
	for _, x := range e {
		if v == x {
			return true
		}
	}
	return false
}

func (s *sigState) rsaOptions(who string, enc, salt, saltLength, mgf, mgfDigest scheme.Value, verify bool) error {
	if !keyIs[*rsa.PublicKey](s) {
		return scheme.NewError(who, "RSA signatures need an RSA key, not "+algorithm(s.pub), nil, "type")
	}
	switch {
	case scheme.IsDefault(enc) || isEncoding(enc, PSSEncode, PSSVerify):
		s.pss = true
	case isEncoding(enc, PKCS1Encode, PKCS1Verify):
		if s.digest.OID == "" {
			return Unsupported(who, "PKCS #1 v1.5 signatures need a digest with an OID, and "+s.digest.Name+" has none", s.digest)
		}
		s.desc += "-PKCS1-v1.5"
		return nil
	default:
		return scheme.TypeError(who, 0, "signature encoding (pkcs1-emsa-pss-encode, pkcs1-emsa-v1.5-encode …)", enc)
	}
	s.desc += "-PSS"
	if s.hash == 0 || !s.hash.Available() {
		return Unsupported(who, "PSS over "+s.digest.Name+" is not supported: Go's crypto/rsa has no such hash", s.digest)
	}
	if !scheme.IsDefault(mgf) && mgf != mgf1 {
		return Unsupported(who, "PSS supports only mgf-1 as :mgf", mgf)
	}
	if !scheme.IsDefault(mgfDigest) && mgfDigest != s.digest {
		return Unsupported(who, "PSS with an MGF1 digest other than :digest is not supported: Go's crypto/rsa uses one digest", mgfDigest)
	}
	s.saltLen = rsa.PSSSaltLengthEqualsHash
	if verify {
		s.saltLen = rsa.PSSSaltLengthAuto
	}
	if !scheme.IsDefault(salt) {
		if _, ok := salt.(*scheme.Bytevector); ok {
			return Unsupported(who, "a given PSS :salt is not supported: Go's crypto/rsa draws the salt (give :salt-length)", salt)
		}
		return scheme.TypeError(who, 0, ":salt: bytevector", salt)
	}
	if !scheme.IsDefault(saltLength) {
		n, err := scheme.ArgIndex(0, saltLength)
		if err != nil {
			return err
		}
		if n == 0 {
			n = rsa.PSSSaltLengthAuto // Go's 0 is "auto" when verifying; sign with no salt is not expressible
			if !verify {
				return Unsupported(who, "a PSS salt length of 0 is not supported by Go's crypto/rsa", saltLength)
			}
		}
		s.saltLen = n
	}
	return nil
}

// dsaOptions checks the key and reads the options of DSA and ECDSA.
func (s *sigState) dsaOptions(who string, kgen, der scheme.Value) error {
	want, article := "ecdsa", " an "
	if s.alg == SigDSA {
		want, article = "dsa", " a "
	}
	if algorithm(s.pub) != want {
		return scheme.NewError(who, s.alg.Name+" signatures need"+article+s.alg.Name+" key, not "+algorithm(s.pub), nil, "type")
	}
	s.der = der != scheme.False
	if !scheme.IsDefault(kgen) {
		k, ok := kgen.(*KGenerator)
		if !ok {
			return scheme.TypeError(who, 0, ":k-generator: k generator (make-hmac-k-generator …)", kgen)
		}
		if k.Digest != nil {
			if k.Digest != s.digest || s.hash == 0 || !s.hash.Available() {
				return Unsupported(who, "RFC 6979 k generation is supported with the signing :digest only, and one of Go's hashes", k.Digest)
			}
			s.detK = true
		}
	}
	return nil
}

// digestInfo is the DER DigestInfo of PKCS #1 v1.5 (RFC 8017 §9.2).
func digestInfo(d *DigestDescriptor, sum []byte) []byte {
	var oid asn1.ObjectIdentifier
	for _, p := range strings.Split(d.OID, ".") {
		n, _ := strconv.Atoi(p)
		oid = append(oid, n)
	}
	b, _ := asn1.Marshal(struct {
		Alg    pkix.AlgorithmIdentifier
		Digest []byte
	}{pkix.AlgorithmIdentifier{Algorithm: oid, Parameters: asn1.NullRawValue}, sum})
	return b
}

// sign signs m, what take or oneShot returned.
func (s *SignatureSigner) sign(who string, m []byte) (scheme.Value, error) {
	var sig []byte
	var err error
	switch {
	case s.edOpts != nil:
		sig, err = s.priv.Sign(nil, m, s.edOpts)
	case s.alg == SigRSA && s.pss:
		sig, err = s.priv.Sign(rand.Reader, m, &rsa.PSSOptions{SaltLength: s.saltLen, Hash: s.hash})
	case s.alg == SigRSA:
		sig, err = s.priv.Sign(rand.Reader, digestInfo(s.digest, m), crypto.Hash(0))
	default: // DSA and ECDSA
		r := rand.Reader
		if s.detK {
			r = nil
		}
		sig, err = s.priv.Sign(r, m, s.hash)
		if err == nil && !s.der {
			sig, err = rawSignature(rsSize(s.pub), sig)
		}
	}
	if err != nil {
		return nil, scheme.NewError(who, "signing failed: "+err.Error(), []scheme.Value{s})
	}
	return &scheme.Bytevector{B: sig}, nil
}

// rsSize is the byte size of r and s of a DSA or ECDSA key: that of Q or
// of the curve's order.
func rsSize(k crypto.PublicKey) int {
	if d, ok := k.(*dsa.PublicKey); ok {
		return (d.Q.BitLen() + 7) / 8
	}
	return (k.(*ecdsa.PublicKey).Curve.Params().N.BitLen() + 7) / 8
}

// rawSignature converts a DER DSA or ECDSA signature into r‖s, each n bytes.
func rawSignature(n int, der []byte) ([]byte, error) {
	r, s, ok := parseRS(der)
	if !ok {
		return nil, scheme.NewError("", "bad DER signature", nil)
	}
	out := make([]byte, 2*n)
	r.FillBytes(out[:n])
	s.FillBytes(out[n:])
	return out, nil
}

// parseRS reads a DER Ecdsa-Sig-Value or Dss-Sig-Value (the same SEQUENCE of r and s).
func parseRS(der []byte) (r, s *big.Int, ok bool) {
	r, s = new(big.Int), new(big.Int)
	in := cryptobyte.String(der)
	var inner cryptobyte.String
	ok = in.ReadASN1(&inner, cbasn1.SEQUENCE) && in.Empty() && inner.ReadASN1Integer(r) && inner.ReadASN1Integer(s) && inner.Empty()
	return r, s, ok
}

// verify checks sig against m, what take or oneShot returned: a
// malformed signature is an error, a wrong one #f.
func (v *SignatureVerifier) verify(who string, m, sig []byte) (scheme.Value, error) {
	bad := func(what string) error {
		return scheme.NewError(who, "invalid signature format: "+what, []scheme.Value{&scheme.Bytevector{B: sig}})
	}
	var err error
	switch k := v.pub.(type) {
	case ed25519.PublicKey:
		if len(sig) != ed25519.SignatureSize {
			return nil, bad("an Ed25519 signature is 64 bytes")
		}
		err = ed25519.VerifyWithOptions(k, m, sig, v.edOpts.(*ed25519.Options))
	case ed448.PublicKey:
		if len(sig) != ed448.SignatureSize {
			return nil, bad("an Ed448 signature is 114 bytes")
		}
		return scheme.MakeBool(ed448.VerifyAny(k, m, sig, v.edOpts)), nil
	case *rsa.PublicKey:
		if len(sig) != k.Size() {
			return nil, bad("an RSA signature is as long as the modulus, " + itoa(k.Size()) + " bytes")
		}
		if v.pss {
			err = rsa.VerifyPSS(k, v.hash, m, sig, &rsa.PSSOptions{SaltLength: v.saltLen, Hash: v.hash})
		} else {
			err = rsa.VerifyPKCS1v15(k, 0, digestInfo(v.digest, m), sig)
		}
	case *ecdsa.PublicKey, *dsa.PublicKey:
		var r, s *big.Int
		if v.der {
			var ok bool
			if r, s, ok = parseRS(sig); !ok {
				return nil, bad("not a DER " + v.alg.Name + " signature")
			}
		} else {
			n := rsSize(k)
			if len(sig) != 2*n {
				return nil, bad("a raw " + v.alg.Name + " signature with this key is " + itoa(2*n) + " bytes")
			}
			r, s = new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
		}
		if r.Sign() <= 0 || s.Sign() <= 0 {
			return scheme.False, nil
		}
		if d, ok := k.(*dsa.PublicKey); ok {
			return scheme.MakeBool(dsa.Verify(d, dsaDigest(d, m), r, s)), nil
		}
		return scheme.MakeBool(ecdsa.Verify(k.(*ecdsa.PublicKey), m, r, s)), nil
	}
	return scheme.MakeBool(err == nil), nil
}

// signerP implements signer?.
func signerP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*SignatureSigner](a[0]), nil
}

// makeSigner implements make-signer.
func makeSigner(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := &SignatureSigner{}
	if err := s.setup("make-signer", a, false); err != nil {
		return nil, err
	}
	return s, nil
}

// signerSignMessage implements signer-sign-message.
func signerSignMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*SignatureSigner)
	return s.sign("signer-sign-message", s.oneShot(bytesOf(a[1])))
}

// sigStateOf is the state of a signer or verifier.
func sigStateOf(v scheme.Value) *sigState {
	if s, ok := v.(*SignatureSigner); ok {
		return &s.sigState
	}
	return &v.(*SignatureVerifier).sigState
}

// sigInitBang is signer-init! and verifier-init!.
func sigInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	sigStateOf(a[0]).reset()
	return a[0], nil
}

// sigProcessBang is signer-process! and verifier-process!.
func sigProcessBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in, err := span(bytesOf(a[1]), a, 2, -1)
	if err != nil {
		return nil, err
	}
	sigStateOf(a[0]).write(in)
	return a[0], nil
}

// signerInitBang implements signer-init!.
func signerInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sigInitBang(th, a)
}

// signerProcessBang implements signer-process!.
func signerProcessBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sigProcessBang(th, a)
}

// signerSignBang implements signer-sign!.
func signerSignBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*SignatureSigner)
	return s.sign("signer-sign!", s.take())
}

// verifierP implements verifier?.
func verifierP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*SignatureVerifier](a[0]), nil
}

// makeVerifier implements make-verifier.
func makeVerifier(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := &SignatureVerifier{}
	if err := v.setup("make-verifier", a, true); err != nil {
		return nil, err
	}
	return v, nil
}

// verifierVerifySignature implements verifier-verify-signature.
func verifierVerifySignature(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[0].(*SignatureVerifier)
	return v.verify("verifier-verify-signature", v.oneShot(bytesOf(a[1])), bytesOf(a[2]))
}

// verifierInitBang implements verifier-init!.
func verifierInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sigInitBang(th, a)
}

// verifierProcessBang implements verifier-process!.
func verifierProcessBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sigProcessBang(th, a)
}

// verifierVerifyBang implements verifier-verify!.
func verifierVerifyBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[0].(*SignatureVerifier)
	return v.verify("verifier-verify!", v.take(), bytesOf(a[1]))
}

// makeRandomKGenerator implements make-random-k-generator.
func makeRandomKGenerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &KGenerator{}, nil
}

// makeHMACKGenerator implements make-hmac-k-generator.
func makeHMACKGenerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &KGenerator{Digest: a[0].(*DigestDescriptor)}, nil
}

// mgf1Fn is MGF1 (RFC 8017 B.2.1): (mgf-1 seed length digest).
func mgf1Fn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "mgf-1"
	n, err := scheme.ArgSize(2, a[1], 1)
	if err != nil {
		return nil, err
	}
	d, err := digestArg(who, a, 2)
	if err != nil {
		return nil, err
	}
	if n > (1<<32)*d.Size || n > 1<<30 {
		return nil, scheme.RangeError(who, 2, "mask too long", a[1])
	}
	h := d.New()
	out := make([]byte, 0, n+d.Size)
	var c [4]byte
	for i := uint32(0); len(out) < n; i++ {
		c = [4]byte{byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i)}
		h.Reset()
		h.Write(bytesOf(a[0]))
		h.Write(c[:])
		out = h.Sum(out)
	}
	return &scheme.Bytevector{B: out[:n]}, nil
}

// mgf1 is mgf-1, one value exported by (sagittarius crypto signatures)
// and (sagittarius crypto ciphers).
var mgf1 = scheme.NewPrimitive(nil, &scheme.Proc{Name: "mgf-1", Spec: "sagittarius (sagittarius crypto ciphers) §4",
	Sig: "(mgf-1 seed length digest)",
	Doc: "MGF1 (RFC 8017 B.2.1): length bytes of mask from seed with the digest descriptor.",
	LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("seed", scheme.TypeBytevector), scheme.Req("length", nil), scheme.Req("digest", TypeDigestDescriptor))
	},
	Fn: mgf1Fn})

const sigSpec = "sagittarius (sagittarius crypto signatures) §4"

// signatureOIDs are the *signature-algorithm:…* constants.
var signatureOIDs = [][2]string{
	{"rsa-pkcs-v1.5-sha1", "1.2.840.113549.1.1.5"}, {"rsa-pkcs-v1.5-sha256", "1.2.840.113549.1.1.11"},
	{"rsa-pkcs-v1.5-sha384", "1.2.840.113549.1.1.12"}, {"rsa-pkcs-v1.5-sha512", "1.2.840.113549.1.1.13"},
	{"rsa-pkcs-v1.5-sha224", "1.2.840.113549.1.1.14"}, {"rsa-pkcs-v1.5-sha512/224", "1.2.840.113549.1.1.15"},
	{"rsa-pkcs-v1.5-sha512/256", "1.2.840.113549.1.1.16"}, {"rsa-pkcs-v1.5-sha3-224", "2.16.840.1.101.3.4.3.13"},
	{"rsa-pkcs-v1.5-sha3-256", "2.16.840.1.101.3.4.3.14"}, {"rsa-pkcs-v1.5-sha3-384", "2.16.840.1.101.3.4.3.15"},
	{"rsa-pkcs-v1.5-sha3-512", "2.16.840.1.101.3.4.3.16"}, {"rsa-ssa-pss", "1.2.840.113549.1.1.10"},
	{"dsa-sha224", "2.16.840.1.101.3.4.3.1"}, {"dsa-sha256", "2.16.840.1.101.3.4.3.2"},
	{"dsa-sha384", "2.16.840.1.101.3.4.3.3"}, {"dsa-sha512", "2.16.840.1.101.3.4.3.4"},
	{"ecdsa-sha1", "1.2.840.10045.4.1"}, {"ecdsa-sha224", "1.2.840.10045.4.3.1"}, {"ecdsa-sha256", "1.2.840.10045.4.3.2"},
	{"ecdsa-sha384", "1.2.840.10045.4.3.3"}, {"ecdsa-sha512", "1.2.840.10045.4.3.4"},
	{"ecdsa-sha3-224", "2.16.840.1.101.3.4.3.9"}, {"ecdsa-sha3-256", "2.16.840.1.101.3.4.3.10"},
	{"ecdsa-sha3-384", "2.16.840.1.101.3.4.3.11"}, {"ecdsa-sha3-512", "2.16.840.1.101.3.4.3.12"},
	{"ed25519", "1.3.101.112"}, {"ed448", "1.3.101.113"},
}

func signatureValues() []scheme.Binding {
	out := []scheme.Binding{
		{Name: "*signature:rsa*", Spec: sigSpec, Doc: "RSA signatures (crypto/rsa): PSS by default, PKCS #1 v1.5 with :encoder pkcs1-emsa-v1.5-encode.", Value: SigRSA},
		{Name: "*signature:dsa*", Spec: sigSpec, Doc: "DSA (crypto/dsa; the digest truncated to the size of q); DER signatures, or r‖s with :der-encode #f; k random, or RFC 6979's with make-hmac-k-generator.", Value: SigDSA},
		{Name: "*signature:ecdsa*", Spec: sigSpec, Doc: "ECDSA (crypto/ecdsa); DER signatures, or r‖s with :der-encode #f.", Value: SigECDSA},
		{Name: "*signature:eddsa*", Spec: sigSpec, Doc: "EdDSA: the algorithm of :scheme (an EdDSA signature algorithm), else Ed448 with an Ed448 key, Ed25519 with an Ed25519 key (Ed25519ctx with a non-empty :context).", Value: SigEdDSA},
		{Name: "*signature:ed25519*", Spec: sigSpec, Doc: "Ed25519 (RFC 8032, crypto/ed25519).", Value: SigEd25519},
		{Name: "*signature:ed25519ctx*", Spec: sigSpec, Doc: "Ed25519ctx (RFC 8032) with the non-empty :context.", Value: SigEd25519ctx},
		{Name: "*signature:ed25519ph*", Spec: sigSpec, Doc: "Ed25519ph (RFC 8032): Ed25519 over the SHA-512 of the message, with :context.", Value: SigEd25519ph},
		{Name: "*signature:ed448*", Spec: sigSpec, Doc: "Ed448 (RFC 8032, CIRCL) with :context (default empty).", Value: SigEd448},
		{Name: "*signature:ed448ph*", Spec: sigSpec, Doc: "Ed448ph (RFC 8032, CIRCL): Ed448 over the SHAKE256 of the message, with :context.", Value: SigEd448ph},
		{Name: "pkcs1-emsa-pss-encode", Spec: sigSpec, Doc: "The PSS encoding, make-signer's default :encoder (a value, not called); make-signer takes :salt-length (default the digest size), :mgf (mgf-1 only) and :mgf-digest (the :digest only: Go's crypto/rsa uses one digest). A given :salt bytevector is not supported.", Value: PSSEncode},
		{Name: "pkcs1-emsa-pss-verify", Spec: sigSpec, Doc: "The PSS encoding, make-verifier's default :verifier (a value, not called); make-verifier takes :salt-length (default: any), :mgf and :mgf-digest as for pkcs1-emsa-pss-encode.", Value: PSSVerify},
		{Name: "pkcs1-emsa-v1.5-encode", Spec: sigSpec, Doc: "The PKCS #1 v1.5 encoding, for make-signer's :encoder (a value, not called); the digest must have an OID.", Value: PKCS1Encode},
		{Name: "pkcs1-emsa-v1.5-verify", Spec: sigSpec, Doc: "The PKCS #1 v1.5 encoding, for make-verifier's :verifier (a value, not called).", Value: PKCS1Verify},
		{Name: "mgf-1", Spec: sigSpec, Doc: "MGF1, the procedure (mgf-1 seed length digest) of (sagittarius crypto ciphers).", Value: mgf1},
	}
	for _, p := range signatureOIDs {
		out = append(out, scheme.Binding{Name: "*signature-algorithm:" + p[0] + "*", Spec: sigSpec, Doc: "The OID " + p[1] + ".", Value: scheme.NewString(p[1])})
	}
	return out
}

func signerLambda(ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("signer", TypeSigner)}, ps...)...)
	}
}

func verifierLambda(ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("verifier", TypeVerifier)}, ps...)...)
	}
}

// SignaturesLibrary is (sagittarius crypto signatures).
var SignaturesLibrary = &scheme.Library{Name: "(sagittarius crypto signatures)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's signatures over crypto/rsa (PSS, PKCS #1 v1.5), crypto/dsa, crypto/ecdsa, crypto/ed25519 and CIRCL's Ed448, with the digests of (sagittarius crypto digests) (default *digest:sha-256*). " +
		"make-signer and make-verifier ignore keywords they do not use. " +
		"DSA's and ECDSA's k is random (from crypto/rand: Go ignores the random generator given to make-random-k-generator) or RFC 6979's (make-hmac-k-generator, with the signing digest). " +
		"A signer or verifier locks, so threads may share it; signing and verifying leave it initialised.",
	Build: func(l *scheme.Library) { fillFrom(l, signaturesTable()) }}

// signaturesTable returns the rows of (sagittarius crypto signatures), made when a program first
// imports the library rather than at every start.
func signaturesTable() *scheme.Library {
	return &scheme.Library{
		Values: signatureValues(),
		Procs: []scheme.Proc{
			{Name: "signer?", Spec: sigSpec, Sig: "(signer? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a signer?", Fn: signerP},
			{Name: "make-signer", Spec: sigSpec, Sig: "(make-signer scheme key . opts)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("scheme", nil), scheme.Req("key", nil), scheme.Rest("opts", nil))
				},
				Doc: "A signer of the signature algorithm scheme with the private key (or key pair) key; opts: :digest, :encoder (RSA), :k-generator and :der-encode (DSA, ECDSA), :scheme and :context (EdDSA).", Fn: makeSigner},
			{Name: "signer-sign-message", Spec: sigSpec, Sig: "(signer-sign-message signer message)", LazyArgs: signerLambda(scheme.Req("message", scheme.TypeBytevector)),
				Doc: "The signature of message (a bytevector).", Fn: signerSignMessage},
			{Name: "signer-init!", Spec: sigSpec, Sig: "(signer-init! signer)", LazyArgs: signerLambda(), Doc: "Initialise signer, dropping the message fed so far; returns signer.", Fn: signerInitBang},
			{Name: "signer-process!", Spec: sigSpec, Sig: "(signer-process! signer message :optional start length)",
				LazyArgs: signerLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
				Doc:      "Feed message[start, start+length) (default all of it) to signer; returns signer.", Fn: signerProcessBang},
			{Name: "signer-sign!", Spec: sigSpec, Sig: "(signer-sign! signer)", LazyArgs: signerLambda(), Doc: "The signature of the message fed so far; initialises signer.", Fn: signerSignBang},
			{Name: "verifier?", Spec: sigSpec, Sig: "(verifier? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a verifier?", Fn: verifierP},
			{Name: "make-verifier", Spec: sigSpec, Sig: "(make-verifier scheme key . opts)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("scheme", nil), scheme.Req("key", nil), scheme.Rest("opts", nil))
				},
				Doc: "A verifier of the signature algorithm scheme with the public key key (a private key or key pair gives its public key); opts as make-signer's, :verifier for RSA.", Fn: makeVerifier},
			{Name: "verifier-verify-signature", Spec: sigSpec, Sig: "(verifier-verify-signature verifier message signature)",
				LazyArgs: verifierLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Req("signature", scheme.TypeBytevector)),
				Doc:      "#t when signature is a valid signature of message, #f when not; an error when signature is malformed (wrong length, not DER).", Fn: verifierVerifySignature},
			{Name: "verifier-init!", Spec: sigSpec, Sig: "(verifier-init! verifier)", LazyArgs: verifierLambda(), Doc: "Initialise verifier, dropping the message fed so far; returns verifier.", Fn: verifierInitBang},
			{Name: "verifier-process!", Spec: sigSpec, Sig: "(verifier-process! verifier message :optional start length)",
				LazyArgs: verifierLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
				Doc:      "Feed message[start, start+length) (default all of it) to verifier; returns verifier.", Fn: verifierProcessBang},
			{Name: "verifier-verify!", Spec: sigSpec, Sig: "(verifier-verify! verifier signature)", LazyArgs: verifierLambda(scheme.Req("signature", scheme.TypeBytevector)),
				Doc: "Verify signature against the message fed so far as verifier-verify-signature does; initialises verifier.", Fn: verifierVerifyBang},
			{Name: "make-random-k-generator", Spec: sigSpec, Sig: "(make-random-k-generator prng)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("prng", TypeRandomGenerator)) },
				Doc:      "A random ECDSA k generator, make-signer's default (Go 1.26 draws k from crypto/rand whatever prng is).", Fn: makeRandomKGenerator},
			{Name: "make-hmac-k-generator", Spec: sigSpec, Sig: "(make-hmac-k-generator digest)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("digest", TypeDigestDescriptor)) },
				Doc:      "RFC 6979's deterministic DSA and ECDSA k generator over digest, which must be the signer's :digest.", Fn: makeHMACKGenerator},
		},
	}
}
