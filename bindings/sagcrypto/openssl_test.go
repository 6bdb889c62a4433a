// (sagittarius crypto digests) and (sagittarius crypto mac) against openssl dgst and openssl mac on the same input.

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

// testData is 1000 bytes of a fixed pattern.
func testData() []byte {
	data := make([]byte, 1000)
	for i := range data {
		data[i] = byte(i*7 + 3)
	}
	return data
}

func TestDigestsAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	data := testData()
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

func TestMACsAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, testData(), 0o600); err != nil {
		t.Fatal(err)
	}
	key := make([]byte, 37)
	for i := range key {
		key[i] = byte(200 - i)
	}
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	data, _ := os.ReadFile(file)
	in.Define("msg", &scheme.Bytevector{B: data})
	in.Define("key", &scheme.Bytevector{B: key})
	for _, tc := range []struct {
		name, expr string
		args       []string
	}{
		{"HMAC-SHA256", "(generate-mac (make-mac *mac:hmac* key :digest *digest:sha-256*) msg)", []string{"-digest", "SHA256", "HMAC"}},
		{"HMAC-SHA1", "(generate-mac (make-mac *mac:hmac* key :digest *digest:sha-1*) msg)", []string{"-digest", "SHA1", "HMAC"}},
		{"HMAC-SHA3-512", "(generate-mac (make-mac *mac:hmac* key :digest *digest:sha3-512*) msg)", []string{"-digest", "SHA3-512", "HMAC"}},
		{"HMAC-BLAKE2b", "(generate-mac (make-mac *mac:hmac* key :digest *digest:blake2b-512*) msg)", []string{"-digest", "BLAKE2B-512", "HMAC"}},
		{"KMAC128-20", "(generate-mac (make-mac *mac:kmac-128* key) msg 20)", []string{"-macopt", "size:20", "KMAC128"}},
		{"KMAC256-custom", `(generate-mac (make-mac *mac:kmac-256* key :custom (string->utf8 "app")) msg 77)`,
			[]string{"-macopt", "size:77", "-macopt", "custom:app", "KMAC256"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"mac", "-macopt", "hexkey:" + hex.EncodeToString(key), "-in", file}, tc.args...)
			out, err := exec.Command(openssl, args...).CombinedOutput()
			if err != nil {
				t.Skipf("openssl %s: %v: %s", strings.Join(args, " "), err, out)
			}
			want := strings.ToLower(strings.TrimSpace(string(out)))
			if got := hex.EncodeToString(evalBytes(t, in, tc.expr)); got != want {
				t.Errorf("got %s, openssl mac gives %s", got, want)
			}
		})
	}
}
