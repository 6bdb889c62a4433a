// DSA signing as a crypto.Signer: crypto/dsa's random k, or RFC 6979's deterministic k (make-hmac-k-generator).

package sagcrypto

import (
	"crypto"
	"crypto/dsa"
	"crypto/hmac"
	"errors"
	"hash"
	"io"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Sign implements crypto.Signer: it returns the DER Dss-Sig-Value of
// digest, truncated to the size of Q (FIPS 186-4 §4.6), which crypto/dsa
// leaves to its caller. With a nil rnd and a hash in opts, k is RFC
// 6979's of that hash (as crypto/ecdsa does); else crypto/dsa draws it
// from rnd.
func (k dsaPrivateKey) Sign(rnd io.Reader, digest []byte, opts crypto.SignerOpts) ([]byte, error) {
	var r, s *big.Int
	var err error
	if rnd == nil && opts != nil && opts.HashFunc().Available() {
		r, s, err = k.signWith(digest, rfc6979K(k.Q, k.X, digest, opts.HashFunc().New))
	} else {
		r, s, err = dsa.Sign(rnd, k.PrivateKey, dsaDigest(&k.PublicKey, digest))
	}
	if err != nil {
		return nil, err
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1BigInt(r); b.AddASN1BigInt(s) })
	return b.Bytes()
}

// signWith is the DSA signature of digest with the nonce kk: r = (g^kk mod
// p) mod q, s = kk⁻¹(z + x·r) mod q (FIPS 186-4 §4.6). Like crypto/dsa's,
// it is not constant-time.
func (k dsaPrivateKey) signWith(digest []byte, kk *big.Int) (r, s *big.Int, err error) {
	errBad := errors.New("sagcrypto: DSA signature with r or s of 0, or k not invertible (the parameters are not DSA's)")
	q := k.Q
	kInv := new(big.Int).ModInverse(kk, q)
	if kInv == nil {
		return nil, nil, errBad
	}
	r = new(big.Int).Exp(k.G, kk, k.P)
	r.Mod(r, q)
	s = new(big.Int).SetBytes(dsaDigest(&k.PublicKey, digest))
	s.Add(s, new(big.Int).Mul(k.X, r))
	s.Mul(s, kInv)
	s.Mod(s, q)
	if r.Sign() == 0 || s.Sign() == 0 {
		return nil, nil, errBad
	}
	return r, s, nil
}

// dsaDigest is the leftmost bytes of digest, as many as Q has (its sizes
// are multiples of 8 bits).
func dsaDigest(k *dsa.PublicKey, digest []byte) []byte {
	if n := (k.Q.BitLen() + 7) / 8; len(digest) > n {
		return digest[:n]
	}
	return digest
}

// rfc6979K is the deterministic nonce of RFC 6979 §3.2 for the private
// key x of the group of order q and the message digest h1, made with the
// hash newHash (which also keys HMAC_DRBG).
func rfc6979K(q, x *big.Int, h1 []byte, newHash func() hash.Hash) *big.Int {
	qlen := q.BitLen()
	rlen := (qlen + 7) / 8
	bits2int := func(b []byte) *big.Int { // the leftmost qlen bits
		v := new(big.Int).SetBytes(b)
		if blen := 8 * len(b); blen > qlen {
			v.Rsh(v, uint(blen-qlen))
		}
		return v
	}
	int2octets := func(v *big.Int) []byte { return v.FillBytes(make([]byte, rlen)) }
	mac := func(key []byte, parts ...[]byte) []byte {
		m := hmac.New(newHash, key)
		for _, p := range parts {
			m.Write(p)
		}
		return m.Sum(nil)
	}
	z := bits2int(h1)
	seed := append(int2octets(x), int2octets(z.Mod(z, q))...) // int2octets(x) ‖ bits2octets(h1)
	size := newHash().Size()
	v := make([]byte, size)
	for i := range v {
		v[i] = 1
	}
	key := mac(make([]byte, size), v, []byte{0}, seed)
	v = mac(key, v)
	key = mac(key, v, []byte{1}, seed)
	v = mac(key, v)
	for {
		var t []byte
		for len(t) < rlen {
			v = mac(key, v)
			t = append(t, v...)
		}
		if k := bits2int(t[:rlen]); k.Sign() > 0 && k.Cmp(q) < 0 {
			return k
		}
		key = mac(key, v, []byte{0})
		v = mac(key, v)
	}
}
