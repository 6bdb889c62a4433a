// Sagittarius's (sagittarius crypto kdfs): PBKDF1, PBKDF2 over MAC-based PRFs, HKDF, the PKCS #12 KDF and scrypt.

package sagcrypto

import (
	"crypto/hkdf"
	"encoding/binary"
	"hash"
	"unicode/utf16"

	"golang.org/x/crypto/scrypt"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// checkEvery is how many iterations a KDF runs between looks at its
// thread's context.
const checkEvery = 1024

// cancelled is the thread's context error at every checkEvery-th
// iteration i, so a cancelled evaluation stops a long derivation (never
// for a nil th).
func cancelled(th *scheme.Thread, i int) error {
	if i%checkEvery == 0 && th != nil {
		return th.Context().Err()
	}
	return nil
}

// iterateHash returns H^c(parts…): h over the parts, then over its own
// output c-1 more times.
func iterateHash(th *scheme.Thread, h hash.Hash, c int, parts ...[]byte) ([]byte, error) {
	h.Reset()
	for _, p := range parts {
		h.Write(p)
	}
	t := h.Sum(nil)
	for i := 1; i < c; i++ {
		if err := cancelled(th, i); err != nil {
			return nil, err
		}
		h.Reset()
		h.Write(t)
		t = h.Sum(t[:0])
	}
	return t, nil
}

// kdfCount is the iteration count at a[ci]: an index of at least 1.
func kdfCount(who string, a []scheme.Value, ci int) (int, error) {
	c, err := scheme.ArgIndex(ci+1, a[ci])
	if err == nil && c < 1 {
		err = scheme.RangeError(who, ci+1, "the iteration count must be at least 1", a[ci])
	}
	return c, err
}

func bytesOf(v scheme.Value) []byte { return v.(*scheme.Bytevector).B }

// digestArg is the digest descriptor at a[i], implemented by tlsport.
func digestArg(who string, a []scheme.Value, i int) (*DigestDescriptor, error) {
	d, ok := a[i].(*DigestDescriptor)
	if !ok {
		return nil, scheme.TypeError(who, i+1, "digest descriptor", a[i])
	}
	if _, err := d.Hash(who); err != nil {
		return nil, err
	}
	return d, nil
}

// pbkdf1 implements pbkdf-1 (RFC 8018 §5.1).
func pbkdf1(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "pbkdf-1"
	c, err := kdfCount(who, a, 2)
	if err != nil {
		return nil, err
	}
	n, err := scheme.ArgIndex(4, a[3])
	if err != nil {
		return nil, err
	}
	d := SHA1
	if !scheme.IsDefault(a[4]) {
		if d, err = digestArg(who, a, 4); err != nil {
			return nil, err
		}
	} else if _, err := d.Hash(who); err != nil {
		return nil, err
	}
	if n > d.Size {
		return nil, scheme.RangeError(who, 4, "derived key too long: at most the digest size, "+itoa(d.Size), a[3])
	}
	t, err := iterateHash(th, d.New(), c, bytesOf(a[0]), bytesOf(a[1]))
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: t[:n]}, nil
}

// prf is a pseudo-random function keyed with the password: a MAC object,
// or a Scheme procedure of one bytevector.
type prf struct {
	th  *scheme.Thread
	mac *MAC
	fn  scheme.Value
}

// sum returns PRF(msg).
func (p prf) sum(msg []byte) ([]byte, error) {
	if p.mac != nil {
		out := make([]byte, p.mac.defaultLength())
		oneShot(p.mac, msg, out)
		return out, nil
	}
	v, err := p.th.Call(p.fn, &scheme.Bytevector{B: msg})
	if err != nil {
		return nil, err
	}
	bv, ok := v.(*scheme.Bytevector)
	if !ok || len(bv.B) == 0 {
		return nil, scheme.NewError("pbkdf-2", "the PRF must return a non-empty bytevector", []scheme.Value{v}, "type")
	}
	return bv.B, nil
}

// newPRF applies the PRF provider to the password.
func newPRF(th *scheme.Thread, provider scheme.Value, password []byte) (prf, error) {
	v, err := th.Call(provider, &scheme.Bytevector{B: password})
	if err != nil {
		return prf{}, err
	}
	switch f := v.(type) {
	case *MAC:
		return prf{th: th, mac: f}, nil
	default:
		if scheme.IsProcedure(f) {
			return prf{th: th, fn: f}, nil
		}
	}
	return prf{}, scheme.NewError("pbkdf-2", "the PRF provider must return a MAC or a procedure", []scheme.Value{v}, "type")
}

// pbkdf2 implements pbkdf-2 (RFC 8018 §5.2).
func pbkdf2(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "pbkdf-2"
	c, err := kdfCount(who, a, 2)
	if err != nil {
		return nil, err
	}
	n, err := scheme.ArgSize(4, a[3], 1)
	if err != nil {
		return nil, err
	}
	provider := a[4]
	if scheme.IsDefault(provider) {
		provider = hmacSHA1PRF
	}
	if !scheme.IsProcedure(provider) {
		return nil, scheme.NewError(who, ":prf must be a PRF provider procedure", []scheme.Value{provider}, "type")
	}
	f, err := newPRF(th, provider, bytesOf(a[0]))
	if err != nil {
		return nil, err
	}
	out, err := pbkdf2Derive(th, f.sum, bytesOf(a[1]), c, n)
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: out}, nil
}

// pbkdf2Derive is PBKDF2 (RFC 8018 §5.2): n bytes from the PRF prf (keyed
// by the password), the salt and c iterations, cancelled with th.
func pbkdf2Derive(th *scheme.Thread, prf func([]byte) ([]byte, error), salt []byte, c, n int) ([]byte, error) {
	out := make([]byte, 0, n)
	msg := make([]byte, len(salt)+4)
	copy(msg, salt)
	for block := uint32(1); len(out) < n; block++ {
		binary.BigEndian.PutUint32(msg[len(salt):], block)
		u, err := prf(msg)
		if err != nil {
			return nil, err
		}
		t := append([]byte(nil), u...)
		for i := 1; i < c; i++ {
			if err := cancelled(th, i); err != nil {
				return nil, err
			}
			if u, err = prf(u); err != nil {
				return nil, err
			}
			for j := range min(len(t), len(u)) {
				t[j] ^= u[j]
			}
		}
		out = append(out, t[:min(len(t), n-len(out))]...)
	}
	return out, nil
}

// prfProvider returns the PRF provider of mac->prf-provider: a procedure
// of the secret S returning (make-mac t S . opts).
func prfProvider(t *MACAlgorithm, opts scheme.Value) *scheme.Primitive {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "prf-provider", Spec: kdfSpec, Doc: "A PRF provider: the MAC keyed by S.",
		Args: scheme.Lambda(scheme.Req("S", scheme.TypeBytevector)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return newMAC("prf-provider", t, bytesOf(a[0]), opts)
		}})
}

// hmacSHA1PRF is *hmac-sha1-prf*.
var hmacSHA1PRF = prfProvider(HMAC, scheme.List(scheme.InternKeyword("digest"), SHA1))

// macToPRFProvider implements mac->prf-provider.
func macToPRFProvider(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "mac->prf-provider"
	t, ok := a[0].(*MACAlgorithm)
	if !ok {
		return nil, scheme.TypeError(who, 1, "MAC algorithm (*mac:hmac* …)", a[0])
	}
	var err error
	if t == CMAC || t == GMAC { // the key length is the cipher's
		_, err = keywordOptions(who, a[1], "cipher", "iv")
	} else {
		_, err = newMAC(who, t, nil, a[1]) // the options' errors now, not at the first use
	}
	if err != nil {
		return nil, err
	}
	return prfProvider(t, a[1]), nil
}

// hkdfFn implements hkdf (RFC 5869).
func hkdfFn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "hkdf"
	d, err := digestArg(who, a, 0)
	if err != nil {
		return nil, err
	}
	n, err := scheme.ArgIndex(5, a[4])
	if err != nil {
		return nil, err
	}
	if n > 255*d.Size {
		return nil, scheme.RangeError(who, 5, "derived key too long: at most 255 times the digest size, "+itoa(255*d.Size), a[4])
	}
	opt := func(v scheme.Value) []byte {
		if bv, ok := v.(*scheme.Bytevector); ok {
			return bv.B
		}
		return nil
	}
	key, err := hkdf.Key(d.New, bytesOf(a[1]), opt(a[2]), string(opt(a[3])), n)
	if err != nil {
		return nil, scheme.NewError(who, "hkdf: "+err.Error(), []scheme.Value{a[4]})
	}
	return &scheme.Bytevector{B: key}, nil
}

// bmpString is the password as PKCS #12 wants it: UTF-16BE with a final 0.
func bmpString(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2*len(u)+2)
	for _, c := range u {
		out = append(out, byte(c>>8), byte(c))
	}
	return append(out, 0, 0)
}

// fill returns b repeated to a multiple of v bytes (RFC 7292 B.2 steps 2–3).
func fill(b []byte, v int) []byte {
	if len(b) == 0 {
		return nil
	}
	out := make([]byte, v*((len(b)+v-1)/v))
	for i := range out {
		out[i] = b[i%len(b)]
	}
	return out
}

// pkcs12Derive is the PKCS #12 KDF (RFC 7292 Appendix B.2): n bytes of
// purpose id (1 key, 2 IV, 3 MAC key) from the password pw (already a
// BMPString), the salt and c iterations of h. Cancelled with th (nil: never).
func pkcs12Derive(th *scheme.Thread, h hash.Hash, pw, salt []byte, c, n, id int) ([]byte, error) {
	u, v := h.Size(), h.BlockSize()
	D := make([]byte, v)
	for i := range D {
		D[i] = byte(id)
	}
	I := append(fill(salt, v), fill(pw, v)...)
	out := make([]byte, 0, n)
	for len(out) < n {
		A, err := iterateHash(th, h, c, D, I)
		if err != nil {
			return nil, err
		}
		out = append(out, A[:min(u, n-len(out))]...)
		B := fill(A, v)[:v]
		for j := 0; j < len(I); j += v { // I_j = (I_j + B + 1) mod 2^(8v)
			carry := 1
			for k := v - 1; k >= 0; k-- {
				s := int(I[j+k]) + int(B[k]) + carry
				I[j+k], carry = byte(s), s>>8
			}
		}
	}
	return out, nil
}

// pkcs12KDF implements pkcs12-kdf (RFC 7292 Appendix B.2).
func pkcs12KDF(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "pkcs12-kdf"
	d, err := digestArg(who, a, 0)
	if err != nil {
		return nil, err
	}
	var pw []byte
	switch p := a[1].(type) {
	case *scheme.String:
		pw = bmpString(p.String())
	case *scheme.Bytevector:
		pw = p.B
	default:
		return nil, scheme.TypeError(who, 2, "string or bytevector", a[1])
	}
	c, err := kdfCount(who, a, 3)
	if err != nil {
		return nil, err
	}
	n, err := scheme.ArgSize(5, a[4], 1)
	if err != nil {
		return nil, err
	}
	id := 1
	if !scheme.IsDefault(a[5]) {
		k, ok := a[5].(scheme.Fixnum)
		if !ok || k < 1 || k > 3 {
			return nil, scheme.RangeError(who, 0, ":id must be 1 (key), 2 (IV) or 3 (MAC key)", a[5])
		}
		id = int(k)
	}
	out, err := pkcs12Derive(th, d.New(), pw, bytesOf(a[2]), c, n, id)
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: out}, nil
}

// scryptFn implements scrypt (RFC 7914). It needs 128·r·(N+p) bytes; the
// derivation runs on its own goroutine so a cancelled evaluation returns
// at once (the goroutine finishes its work and exits).
func scryptFn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "scrypt"
	var k [4]int
	for i := range k {
		n, err := scheme.ArgIndex(i+3, a[i+2])
		if err != nil {
			return nil, err
		}
		k[i] = n
	}
	N, r, p, n := k[0], k[1], k[2], k[3]
	switch {
	case N < 2 || N&(N-1) != 0:
		return nil, scheme.RangeError(who, 3, "N must be a power of 2 greater than 1", a[2])
	case r < 1:
		return nil, scheme.RangeError(who, 4, "r must be at least 1", a[3])
	case p < 1 || uint64(r)*uint64(p) >= 1<<30:
		return nil, scheme.RangeError(who, 5, "p must be at least 1 and r·p below 2^30", a[4])
	case uint64(128)*uint64(r)*(uint64(N)+uint64(p)) > scheme.MaxAllocation():
		return nil, scheme.RangeError(who, 3, "128·r·(N+p) bytes is more memory than allowed", a[2])
	}
	if _, err := scheme.ArgSize(6, a[5], 1); err != nil {
		return nil, err
	}
	type result struct {
		key []byte
		err error
	}
	done := make(chan result, 1)
	P, S := append([]byte(nil), bytesOf(a[0])...), append([]byte(nil), bytesOf(a[1])...)
	go func() {
		key, err := scrypt.Key(P, S, N, r, p, n)
		done <- result{key, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return nil, scheme.NewError(who, "scrypt: "+res.err.Error(), nil)
		}
		return &scheme.Bytevector{B: res.key}, nil
	case <-th.Context().Done():
		return nil, th.Context().Err()
	}
}

const kdfSpec = "sagittarius (sagittarius crypto kdfs) §3"

func bvParams(names ...string) []scheme.Param {
	out := make([]scheme.Param, len(names))
	for i, n := range names {
		out[i] = scheme.Req(n, scheme.TypeBytevector)
	}
	return out
}

// KDFsLibrary is (sagittarius crypto kdfs).
var KDFsLibrary = &scheme.Library{Name: "(sagittarius crypto kdfs)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's key derivation functions: PBKDF1 and PBKDF2 (RFC 8018), HKDF (RFC 5869, crypto/hkdf), the PKCS #12 KDF (RFC 7292 Appendix B) and scrypt (RFC 7914, golang.org/x/crypto/scrypt). " +
		"A PRF provider is a procedure of the password returning a MAC object (mac->prf-provider makes one) or a procedure of a bytevector returning a bytevector. " +
		"Iteration counts must be at least 1. Long derivations stop when the evaluation is cancelled.",
	Build: func(l *scheme.Library) { fillFrom(l, kdfsTable()) }}

// kdfsTable returns the rows of (sagittarius crypto kdfs), made when a program first
// imports the library rather than at every start.
func kdfsTable() *scheme.Library {
	return &scheme.Library{
		Values: []scheme.Binding{
			{Name: "*hmac-sha1-prf*", Spec: kdfSpec, Doc: "pbkdf-2's default PRF provider: (mac->prf-provider *mac:hmac* :digest *digest:sha-1*).", Value: hmacSHA1PRF},
		},
		Procs: []scheme.Proc{
			{Name: "pbkdf-1", Spec: kdfSpec, Sig: "(pbkdf-1 P S c dk-len :key digest)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(append(bvParams("P", "S"), scheme.Req("c", nil), scheme.Req("dk-len", nil), scheme.Key("digest", nil, nil))...)
				},
				Doc: "PBKDF1: the first dk-len bytes of the digest (default *digest:sha-1*) iterated c times over P‖S; dk-len at most the digest size.", Fn: pbkdf1},
			{Name: "pbkdf-2", Spec: kdfSpec, Sig: "(pbkdf-2 P S c dk-len :key prf)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(append(bvParams("P", "S"), scheme.Req("c", nil), scheme.Req("dk-len", nil), scheme.Key("prf", nil, nil))...)
				},
				Doc: "PBKDF2: dk-len bytes derived from password P and salt S with c iterations of the PRF of the provider :prf (default *hmac-sha1-prf*).", Fn: pbkdf2},
			{Name: "mac->prf-provider", Spec: kdfSpec, Sig: "(mac->prf-provider scheme . opts)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("scheme", nil), scheme.Rest("opts", nil)) },
				Doc:      "A PRF provider over the MAC algorithm scheme: a procedure of the secret S returning (make-mac scheme S . opts), e.g. (mac->prf-provider *mac:hmac* :digest *digest:sha-256*).", Fn: macToPRFProvider},
			{Name: "hkdf", Spec: kdfSpec, Sig: "(hkdf digest ikm salt info dk-len)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("digest", nil), scheme.Req("ikm", scheme.TypeBytevector), scheme.Req("salt", scheme.OrFalse(scheme.TypeBytevector)),
						scheme.Req("info", scheme.OrFalse(scheme.TypeBytevector)), scheme.Req("dk-len", nil))
				},
				Doc: "HKDF extract-and-expand: dk-len bytes (at most 255 digest sizes) from ikm with salt and info (bytevectors, or #f for none).", Fn: hkdfFn},
			{Name: "pkcs12-kdf", Spec: kdfSpec, Sig: "(pkcs12-kdf digest pw salt iteration dk-len :key id)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("digest", nil), scheme.Req("pw", nil), scheme.Req("salt", scheme.TypeBytevector), scheme.Req("iteration", nil),
						scheme.Req("dk-len", nil), scheme.Key("id", nil, nil))
				},
				Doc: "The PKCS #12 KDF: dk-len bytes for the purpose [ext] :id (1, the default: key material; 2: IV; 3: MAC key). pw is a string (encoded as PKCS #12's BMPString with its final 0) or a bytevector used as it is.", Fn: pkcs12KDF},
			{Name: "scrypt", Spec: kdfSpec, Sig: "(scrypt P S N r p dk-len)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(append(bvParams("P", "S"), scheme.Req("N", nil), scheme.Req("r", nil), scheme.Req("p", nil), scheme.Req("dk-len", nil))...)
				},
				Doc: "scrypt: dk-len bytes from password P and salt S with cost N (a power of 2), block size r and parallelization p; needing more than the allowed memory (128·r·(N+p) bytes) is a range error.", Fn: scryptFn},
		},
	}
}
