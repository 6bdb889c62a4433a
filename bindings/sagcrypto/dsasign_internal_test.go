// RFC 6979's k of dsasign.go checked against crypto/ecdsa's deterministic signatures (the same procedure over the curve's order), and deterministic DSA signatures that verify.

package sagcrypto

import (
	"crypto"
	"crypto/dsa"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"math/big"
	"testing"
)

// TestRFC6979K: r of Go's deterministic ECDSA signature (RFC 6979 §3.2,
// whose A.2.5 vectors testdata/signatures.scm checks) is the x-coordinate
// of k·G for rfc6979K's k, on curves whose order is a whole number of
// bytes and not (P-521), with digests shorter and longer than the order.
func TestRFC6979K(t *testing.T) {
	for _, tc := range []struct {
		name  string
		curve elliptic.Curve
		hash  crypto.Hash
	}{
		{"P-256/SHA-256", elliptic.P256(), crypto.SHA256},
		{"P-256/SHA-512", elliptic.P256(), crypto.SHA512},
		{"P-384/SHA-384", elliptic.P384(), crypto.SHA384},
		{"P-521/SHA-256", elliptic.P521(), crypto.SHA256},
		{"P-521/SHA-512", elliptic.P521(), crypto.SHA512},
	} {
		t.Run(tc.name, func(t *testing.T) {
			priv, err := ecdsa.GenerateKey(tc.curve, rand.Reader)
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range []string{"sample", "test"} {
				h := tc.hash.New()
				h.Write([]byte(msg))
				digest := h.Sum(nil)
				sig, err := priv.Sign(nil, digest, tc.hash) // deterministic
				if err != nil {
					t.Fatal(err)
				}
				r, _, ok := parseRS(sig)
				if !ok {
					t.Fatal("crypto/ecdsa's signature does not parse")
				}
				n := tc.curve.Params().N
				d, _ := priv.Bytes()
				k := rfc6979K(n, new(big.Int).SetBytes(d), digest, tc.hash.New)
				kx, _ := tc.curve.ScalarBaseMult(k.FillBytes(make([]byte, (n.BitLen()+7)/8)))
				if kx.Mod(kx, n).Cmp(r) != 0 {
					t.Errorf("%q: x(k·G) = %x, crypto/ecdsa's r = %x", msg, kx, r)
				}
			}
		})
	}
}

// TestDeterministicDSA: a nil random source and a hash give the same
// signature twice, which crypto/dsa verifies.
func TestDeterministicDSA(t *testing.T) {
	k := dsaPrivateKey{&dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *testDSAParams(t)}}}
	if err := dsa.GenerateKey(k.PrivateKey, rand.Reader); err != nil {
		t.Fatal(err)
	}
	h := crypto.SHA256.New()
	h.Write([]byte("sample"))
	digest := h.Sum(nil) // longer than q's 160 bits
	sig1, err1 := k.Sign(nil, digest, crypto.SHA256)
	sig2, err2 := k.Sign(nil, digest, crypto.SHA256)
	if err1 != nil || err2 != nil || string(sig1) != string(sig2) {
		t.Fatalf("two deterministic signatures: %x, %v; %x, %v", sig1, err1, sig2, err2)
	}
	r, s, _ := parseRS(sig1)
	if !dsa.Verify(&k.PublicKey, dsaDigest(&k.PublicKey, digest), r, s) {
		t.Error("crypto/dsa does not verify the deterministic signature")
	}
	if random, _ := k.Sign(rand.Reader, digest, crypto.SHA256); string(random) == string(sig1) {
		t.Error("a random source gives the deterministic signature")
	}
}
