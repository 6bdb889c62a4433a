// The keystream generators behind (sagittarius crypto random).

package sagcrypto

import (
	"bytes"
	"encoding/hex"
	"testing"
)

func TestChaCha20Keystream(t *testing.T) {
	// ChaCha20 with the all-zero key and 64-bit IV (the first test vector of
	// draft-agl-tls-chacha20poly1305-04 §7, as libtomcrypt's PRNG keys it).
	g := &RandomGenerator{D: ChaCha20, stream: chacha20Stream(make([]byte, seedSize))}
	got := make([]byte, 64)
	g.Read(got)
	want := "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"
	if hex.EncodeToString(got) != want {
		t.Errorf("keystream %x, want %s", got, want)
	}
}

func TestGeneratorRekeys(t *testing.T) {
	for _, d := range []*PRNGDescriptor{Yarrow, Fortuna, RC4, ChaCha20} {
		t.Run(d.Name, func(t *testing.T) {
			seed := make([]byte, seedSize)
			a := &RandomGenerator{D: d, stream: d.Keystream(seed)}
			b := &RandomGenerator{D: d, stream: d.Keystream(seed)}
			x, y := make([]byte, 32), make([]byte, 32)
			a.Read(x)
			b.Read(y)
			if !bytes.Equal(x, y) {
				t.Fatal("one key gave two streams")
			}
			// at the rekey limit the generator keys itself from its output
			a.given = rekeyAfter
			a.Read(x)
			b.Read(y)
			if bytes.Equal(x, y) || a.given != 32 {
				t.Errorf("no rekey at the limit (given %d)", a.given)
			}
			// a seed changes the stream; the same seed after the same output gives the same stream
			c := &RandomGenerator{D: d, stream: d.Keystream(seed)}
			e := &RandomGenerator{D: d, stream: d.Keystream(seed)}
			c.rekey([]byte("seed"))
			e.rekey([]byte("seed"))
			c.Read(x)
			e.Read(y)
			if !bytes.Equal(x, y) {
				t.Error("the same seed gave two streams")
			}
			f := &RandomGenerator{D: d, stream: d.Keystream(seed)}
			f.rekey([]byte("other"))
			f.Read(y)
			if bytes.Equal(x, y) {
				t.Error("two seeds gave one stream")
			}
		})
	}
}
