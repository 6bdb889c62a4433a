// Goroutines sharing one signer and one verifier: the one-shot procedures do not mix their messages.

package sagcrypto

import (
	"bytes"
	"crypto/ed25519"
	"strconv"
	"sync"
	"testing"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

func TestSharedSignerVerifier(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(nil)
	key := &tlsval.PrivateKey{K: priv}
	args := func(alg *SignatureAlgorithm) []scheme.Value { return []scheme.Value{alg, key, scheme.List()} }
	s, err := makeSigner(nil, args(SigEd25519ph)) // ph: the state is a running digest
	if err != nil {
		t.Fatal(err)
	}
	v, err := makeVerifier(nil, args(SigEd25519ph))
	if err != nil {
		t.Fatal(err)
	}
	// long messages, so that hashing one takes a while
	msg := func(i int) *scheme.Bytevector {
		return &scheme.Bytevector{B: bytes.Repeat([]byte("message "+strconv.Itoa(i)), 10000)}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := range 8 {
		want, _ := signerSignMessage(nil, []scheme.Value{s, msg(i)})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				got, err := signerSignMessage(nil, []scheme.Value{s, msg(i)})
				if err != nil || !bytes.Equal(got.(*scheme.Bytevector).B, want.(*scheme.Bytevector).B) {
					errs <- "signature of message " + strconv.Itoa(i) + " differs"
					return
				}
				ok, err := verifierVerifySignature(nil, []scheme.Value{v, msg(i), want})
				if err != nil || ok != scheme.True {
					errs <- "signature of message " + strconv.Itoa(i) + " does not verify"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
