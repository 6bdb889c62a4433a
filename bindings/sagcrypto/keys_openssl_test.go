// (sagittarius crypto keys) against openssl: ECDH secrets agree with openssl pkeyutl -derive.

package sagcrypto_test

import (
	"bytes"
	"os/exec"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
)

func TestECDHAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	if _, err := in.EvalString(t.Context(), `(begin (define a (generate-key-pair *key:ecdsa* :ec-parameter *ec-parameter:p384*))
	  (define b (generate-key-pair *key:ecdsa* :ec-parameter *ec-parameter:p384*)))`); err != nil {
		t.Fatal(err)
	}
	privA, _ := keyFiles(t, in, dir, "a")
	_, pubB := keyFiles(t, in, dir, "b")
	want, err := exec.Command(openssl, "pkeyutl", "-derive", "-inkey", privA, "-peerkey", pubB).Output()
	if err != nil {
		t.Skipf("openssl pkeyutl -derive: %v", err)
	}
	got := evalBytes(t, in, "(calculate-key-agreement *key:ecdh* (key-pair-private a) (key-pair-public b))")
	if !bytes.Equal(got, want) || len(got) != 48 {
		t.Errorf("Scheme's secret %x, openssl's %x", got, want)
	}
}
