// (sagittarius crypto ciphers) against openssl enc and pkeyutl, and GCM with IVs of any length against crypto/cipher.

package sagcrypto_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

func TestCiphersAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	msg := testData()[:999] // not a whole number of blocks
	if err := os.WriteFile(data, msg, 0o600); err != nil {
		t.Fatal(err)
	}
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	in.Define("msg", &scheme.Bytevector{B: msg})
	for _, tc := range []struct {
		name, scheme, mode, padding, enc string
		key, iv                          int
	}{
		{"AES-128-CBC", "*scheme:aes*", "*mode:cbc*", "", "aes-128-cbc", 16, 16},
		{"AES-192-ECB", "*scheme:aes-192*", "*mode:ecb*", "", "aes-192-ecb", 24, 0},
		{"AES-256-CTR", "*scheme:aes-256*", "*mode:ctr*", "", "aes-256-ctr", 32, 16},
		{"AES-128-CFB", "*scheme:aes*", "*mode:cfb*", "", "aes-128-cfb", 16, 16},
		{"AES-128-OFB", "*scheme:aes*", "*mode:ofb*", "", "aes-128-ofb", 16, 16},
		{"DES-EDE3-CBC", "*scheme:desede*", "*mode:cbc*", "", "des-ede3-cbc", 24, 8},
		{"AES-128-CBC-nopad", "*scheme:aes*", "*mode:cbc*", "#f", "aes-128-cbc", 16, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key, iv := make([]byte, tc.key), make([]byte, tc.iv)
			for i := range key {
				key[i] = byte(3*i + 1)
			}
			for i := range iv {
				iv[i] = byte(0xf0 + i)
			}
			input, inFile := msg, data
			if tc.padding == "#f" {
				input, inFile = msg[:992], data+"-992"
				if err := os.WriteFile(inFile, input, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"enc", "-" + tc.enc, "-K", hex.EncodeToString(key), "-in", inFile}
			if tc.iv > 0 {
				args = append(args, "-iv", hex.EncodeToString(iv))
			}
			if tc.padding == "#f" {
				args = append(args, "-nopad")
			}
			want, err := exec.Command(openssl, args...).Output()
			if err != nil {
				t.Skipf("openssl %s: %v", strings.Join(args, " "), err)
			}
			in.Define("input", &scheme.Bytevector{B: input})
			in.Define("key", &scheme.Bytevector{B: key})
			param := ""
			if tc.iv > 0 {
				in.Define("iv", &scheme.Bytevector{B: iv})
				param = "(make-iv-parameter iv)"
			}
			mk := "(make-block-cipher " + tc.scheme + " " + tc.mode + " " + tc.padding + ")"
			// in two calls: the blocks so far, then the last block
			got := evalBytes(t, in, "(let ((c (block-cipher-init "+mk+" (cipher-direction encrypt) (make-symmetric-key key) "+param+`)))
			  (let* ((a (block-cipher-encrypt c (bytevector-copy input 0 500))) (b (block-cipher-encrypt-last-block c input 500)))
			    (bytevector-append a b)))`)
			if !bytes.Equal(got, want) {
				t.Errorf("Scheme gives %x…, openssl enc %x…", got[:16], want[:16])
			}
			in.Define("ct", &scheme.Bytevector{B: want})
			back := evalBytes(t, in, "(block-cipher-decrypt-last-block (block-cipher-init "+mk+" (cipher-direction decrypt) (make-symmetric-key key) "+param+") ct)")
			if !bytes.Equal(back, input) {
				t.Errorf("Scheme does not decrypt openssl's cipher text")
			}
		})
	}
}

func TestRSAEncryptionAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	if _, err := in.EvalString(t.Context(), "(define kp (generate-key-pair *key:rsa* :size 2048))"); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY",
		Bytes: evalBytes(t, in, "(export-private-key (key-pair-private kp) 'private-key-info)")}), 0o600); err != nil {
		t.Fatal(err)
	}
	secret := []byte("the session key, 32 bytes long!!")
	in.Define("secret", &scheme.Bytevector{B: secret})
	for _, tc := range []struct{ name, opts string }{
		{"OAEP-SHA1", ""}, {"OAEP-SHA256", ":digest *digest:sha-256* :mgf-digest *digest:sha-256*"},
		{"OAEP-SHA256-MGF1-SHA1-label", `:digest *digest:sha-256* :label (string->utf8 "lbl")`}, {"PKCS1", ":encoding pkcs1-v1.5-encoding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var pkeyopt []string
			switch tc.name {
			case "OAEP-SHA1":
				pkeyopt = []string{"rsa_padding_mode:oaep"}
			case "OAEP-SHA256":
				pkeyopt = []string{"rsa_padding_mode:oaep", "rsa_oaep_md:sha256", "rsa_mgf1_md:sha256"}
			case "OAEP-SHA256-MGF1-SHA1-label":
				pkeyopt = []string{"rsa_padding_mode:oaep", "rsa_oaep_md:sha256", "rsa_mgf1_md:sha1", "rsa_oaep_label:" + hex.EncodeToString([]byte("lbl"))}
			default:
				pkeyopt = []string{"rsa_padding_mode:pkcs1"}
			}
			run := func(args ...string) []byte {
				for _, o := range pkeyopt {
					args = append(args, "-pkeyopt", o)
				}
				out, err := exec.Command(openssl, append([]string{"pkeyutl", "-inkey", keyFile}, args...)...).CombinedOutput()
				if err != nil {
					t.Fatalf("openssl pkeyutl %s: %v: %s", strings.Join(args, " "), err, out)
				}
				return out
			}
			ctFile, ptFile := filepath.Join(dir, tc.name+".ct"), filepath.Join(dir, tc.name+".pt")
			if err := os.WriteFile(ptFile, secret, 0o600); err != nil {
				t.Fatal(err)
			}
			// Scheme encrypts, openssl decrypts
			ct := evalBytes(t, in, "(asymmetric-cipher-encrypt-bytevector (asymmetric-cipher-init (make-asymmetric-cipher *scheme:rsa* "+tc.opts+") (key-pair-public kp)) secret)")
			if err := os.WriteFile(ctFile, ct, 0o600); err != nil {
				t.Fatal(err)
			}
			if got := run("-decrypt", "-in", ctFile); !bytes.Equal(got, secret) {
				t.Errorf("openssl decrypts the Scheme cipher text to %q", got)
			}
			// openssl encrypts, Scheme decrypts
			run("-encrypt", "-in", ptFile, "-out", ctFile)
			ct, _ = os.ReadFile(ctFile)
			in.Define("ct", &scheme.Bytevector{B: ct})
			if got := evalBytes(t, in, "(asymmetric-cipher-decrypt-bytevector (asymmetric-cipher-init (make-asymmetric-cipher *scheme:rsa* "+tc.opts+") (key-pair-private kp)) ct)"); !bytes.Equal(got, secret) {
				t.Errorf("Scheme decrypts openssl's cipher text to %q", got)
			}
		})
	}
}

// TestGCMIVLengths: GCM with IVs of 1, 8, 12, 16 and 60 bytes gives
// crypto/cipher's cipher text and tag, fed in pieces.
func TestGCMIVLengths(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	key := bytes.Repeat([]byte{7}, 16)
	block, _ := aes.NewCipher(key)
	msg := testData()[:100]
	aad := []byte("header")
	in.Define("key", &scheme.Bytevector{B: key})
	in.Define("msg", &scheme.Bytevector{B: msg})
	in.Define("aad", &scheme.Bytevector{B: aad})
	for _, n := range []int{1, 8, 12, 16, 60} {
		iv := bytes.Repeat([]byte{byte(n)}, n)
		ae, err := cipher.NewGCMWithNonceSize(block, n)
		if err != nil {
			t.Fatal(err)
		}
		want := ae.Seal(nil, iv, msg, aad)
		in.Define("iv", &scheme.Bytevector{B: iv})
		got := evalBytes(t, in, `(let ((c (block-cipher-init (make-block-cipher *scheme:aes* *mode:gcm*) (cipher-direction encrypt) (make-symmetric-key key) (make-iv-parameter iv))))
		  (block-cipher-update-aad! c aad)
		  (let* ((a (block-cipher-encrypt c (bytevector-copy msg 0 33))) (b (block-cipher-encrypt-last-block c msg 33)))
		    (bytevector-append a b (block-cipher-done/tag c 16))))`)
		if !bytes.Equal(got, want) {
			t.Errorf("IV of %d bytes: got %x, crypto/cipher %x", n, got, want)
		}
	}
}
