// The encodings of keyencoding.go: round trips of each key type, every truncation of them an error (never a panic), and the DSA sizes refused.

package sagcrypto

import (
	"bytes"
	"crypto"
	"crypto/dsa"
	"crypto/ecdh"
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/cloudflare/circl/sign/ed448"
)

// testDSAParams are new small (1024-bit) DSA parameters.
func testDSAParams(t *testing.T) *dsa.Parameters {
	t.Helper()
	p := &dsa.Parameters{}
	if err := dsa.GenerateParameters(p, rand.Reader, dsa.L1024N160); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestKeyEncodings(t *testing.T) {
	params := testDSAParams(t)
	d := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: *params}}
	if err := dsa.GenerateKey(d, rand.Reader); err != nil {
		t.Fatal(err)
	}
	x25519, _ := ecdh.X25519().GenerateKey(rand.Reader)
	_, ed, _ := ed448.GenerateKey(rand.Reader)
	x448 := make([]byte, x448Size)
	rand.Read(x448)
	for _, tc := range []struct {
		name string
		key  crypto.Signer
	}{
		{"DSA", dsaPrivateKey{d}},
		{"X25519", x25519PrivateKey{x25519}},
		{"X448", newX448(x448)},
		{"Ed448", ed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p8, err := marshalPKCS8(tc.key)
			if err != nil {
				t.Fatal(err)
			}
			spki, err := marshalSPKI(tc.key.Public())
			if err != nil {
				t.Fatal(err)
			}
			k, err := parsePKCS8Key(p8)
			if err != nil {
				t.Fatalf("parsePKCS8Key of its own encoding: %v", err)
			}
			if again, _ := marshalPKCS8(k); !bytes.Equal(again, p8) {
				t.Errorf("PKCS #8 round trip: %x, want %x", again, p8)
			}
			pub, err := parseSPKIKey(spki)
			if err != nil {
				t.Fatalf("parseSPKIKey of its own encoding: %v", err)
			}
			if again, _ := marshalSPKI(pub); !bytes.Equal(again, spki) || algorithm(pub) == "unknown" {
				t.Errorf("SubjectPublicKeyInfo round trip: %x (%s), want %x", again, algorithm(pub), spki)
			}
			for n := range len(p8) {
				if _, err := parsePKCS8Key(p8[:n]); err == nil {
					t.Errorf("PKCS #8 truncated to %d bytes parses", n)
				}
			}
			for n := range len(spki) {
				if _, err := parseSPKIKey(spki[:n]); err == nil {
					t.Errorf("SubjectPublicKeyInfo truncated to %d bytes parses", n)
				}
			}
			if _, ok := tc.key.(dsaPrivateKey); ok {
				return
			}
			if _, err := tc.key.Sign(rand.Reader, []byte("m"), crypto.Hash(0)); (err == errAgreementOnly) != (tc.name != "Ed448") {
				t.Errorf("Sign: %v", err)
			}
		})
	}
	t.Run("DSAPrivateKey", func(t *testing.T) {
		raw, err := marshalDSAPrivate(dsaPrivateKey{d})
		if err != nil {
			t.Fatal(err)
		}
		k, err := parseDSAPrivate(raw)
		if err != nil || k.X.Cmp(d.X) != 0 || k.Y.Cmp(d.Y) != 0 {
			t.Fatalf("parseDSAPrivate of its own encoding: %v", err)
		}
		for n := range len(raw) {
			if _, err := parseDSAPrivate(raw[:n]); err == nil {
				t.Errorf("DSAPrivateKey truncated to %d bytes parses", n)
			}
		}
	})
}

// TestCheckDSA: parameters too large to exponentiate cheaply, a q not a
// whole number of bytes, g or y out of range and an x that does not give
// y are refused.
func TestCheckDSA(t *testing.T) {
	p := testDSAParams(t)
	x := big.NewInt(12345)
	y := new(big.Int).Exp(p.G, x, p.P)
	big9000 := new(big.Int).Lsh(big.NewInt(1), 9000)
	q161 := new(big.Int).Lsh(big.NewInt(1), 160)
	for _, tc := range []struct {
		name    string
		p, q, g *big.Int
		y, x    *big.Int
		ok      bool
	}{
		{"good", p.P, p.Q, p.G, y, x, true},
		{"good parameters", p.P, p.Q, p.G, nil, nil, true},
		{"p of 9000 bits", big9000, p.Q, p.G, nil, nil, false},
		{"q of 161 bits", p.P, q161, p.G, nil, nil, false},
		{"g = 1", p.P, p.Q, big.NewInt(1), nil, nil, false},
		{"g = p", p.P, p.Q, p.P, nil, nil, false},
		{"y = p", p.P, p.Q, p.G, p.P, nil, false},
		{"x = q", p.P, p.Q, p.G, y, p.Q, false},
		{"x not of y", p.P, p.Q, p.G, y, big.NewInt(12346), false},
	} {
		err := checkDSA(&dsa.Parameters{P: tc.p, Q: tc.q, G: tc.g}, tc.y, tc.x)
		if (err == nil) != tc.ok {
			t.Errorf("%s: checkDSA gives %v", tc.name, err)
		}
	}
}
