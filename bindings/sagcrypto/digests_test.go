// (sagittarius crypto digests) against openssl dgst on the same input.

package sagcrypto_test

import (
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// evalBytes evaluates expr in in and returns the bytevector it yields.
func evalBytes(t *testing.T, in *scheme.Interp, expr string) []byte {
	t.Helper()
	v, err := in.EvalString(context.Background(), expr)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	bv, ok := v.(*scheme.Bytevector)
	if !ok {
		t.Fatalf("%s: got %s, want a bytevector", expr, scheme.WriteString(v))
	}
	return bv.B
}

func TestDigestsAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	data := make([]byte, 1000)
	for i := range data {
		data[i] = byte(i*7 + 3)
	}
	inputs := map[string][]byte{"empty": nil, "abc": []byte("abc"), "1000 bytes": data}
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	for _, tc := range []struct{ scheme, openssl, xoflen string }{
		{"sha-1", "sha1", ""}, {"sha-224", "sha224", ""}, {"sha-256", "sha256", ""}, {"sha-384", "sha384", ""},
		{"sha-512", "sha512", ""}, {"sha-512/224", "sha512-224", ""}, {"sha-512/256", "sha512-256", ""},
		{"sha3-224", "sha3-224", ""}, {"sha3-256", "sha3-256", ""}, {"sha3-384", "sha3-384", ""}, {"sha3-512", "sha3-512", ""},
		{"md5", "md5", ""}, {"ripemd-160", "ripemd160", ""}, {"blake2b-512", "blake2b512", ""}, {"blake2s-256", "blake2s256", ""},
		{"shake-128", "shake128", "77"}, {"shake-256", "shake256", "20"},
	} {
		for name, msg := range inputs {
			t.Run(tc.scheme+"/"+name, func(t *testing.T) {
				file := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
				if err := os.WriteFile(file, msg, 0o600); err != nil {
					t.Fatal(err)
				}
				args := []string{"dgst", "-" + tc.openssl, "-r"}
				length := ""
				if tc.xoflen != "" {
					args = append(args, "-xoflen", tc.xoflen)
					length = " " + tc.xoflen
				}
				out, err := exec.Command(openssl, append(args, file)...).CombinedOutput()
				if err != nil {
					t.Skipf("openssl dgst -%s: %v: %s", tc.openssl, err, out)
				}
				want := strings.Fields(string(out))[0]
				in.Define("msg", &scheme.Bytevector{B: msg})
				got := hex.EncodeToString(evalBytes(t, in, "(digest-message (make-message-digest *digest:"+tc.scheme+"*) msg"+length+")"))
				if got != want {
					t.Errorf("got %s, openssl dgst -%s gives %s", got, tc.openssl, want)
				}
			})
		}
	}
}
