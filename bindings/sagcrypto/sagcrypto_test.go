// The binding tables and Scheme test scripts of (sagittarius crypto keys), (crypto), (rfc pem) and the other libraries of the package, and the SRFI-64 acceptance scripts of issue 13.

package sagcrypto_test

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// libraries are the package's libraries with their documented export lists.
var libraries = []struct {
	lib     *scheme.Library
	exports string
}{
	{sagcrypto.Library, `generate-key-pair key-pair? key-pair-private key-pair-public
public-key? private-key? asymmetric-key? crypto-key? *key:rsa* *key:ecdsa* *key:ed25519* *scheme:rsa*`},
	{sagcrypto.CryptoLibrary, `generate-key-pair keypair? keypair-private keypair-public RSA ECDSA Ed25519`},
	{sagcrypto.PEMLibrary, `&pem-error &invalid-pem-format invalid-pem-format?
&pre-eb-as-boundary pre-eb-as-boundary? parse-pem parse-pem-file parse-pem-string`},
	{sagcrypto.DigestsLibrary, `digest-descriptor? digest-descriptor-name digest-descriptor-digest-size digest-descriptor-block-size
digest-descriptor-oid *digest:whirlpool* *digest:ripemd-128* *digest:ripemd-160* *digest:ripemd-256* *digest:ripemd-320*
*digest:sha-1* *digest:sha-224* *digest:sha-256* *digest:sha-384* *digest:sha-512* *digest:sha-512/224* *digest:sha-512/256*
*digest:sha3-224* *digest:sha3-256* *digest:sha3-384* *digest:sha3-512* *digest:keccak-224* *digest:keccak-256* *digest:keccak-384*
*digest:keccak-512* *digest:tiger-192* *digest:md5* *digest:md4* *digest:md2* *digest:blake2s-128* *digest:blake2s-160*
*digest:blake2s-224* *digest:blake2s-256* *digest:blake2b-160* *digest:blake2b-256* *digest:blake2b-384* *digest:blake2b-512*
*digest:shake-128* *digest:shake-256* *digest:cshake-128* *digest:cshake-256* message-digest? make-message-digest
message-digest-descriptor message-digest-digest-size digest-message digest-message! message-digest-init!
message-digest-process! message-digest-done! message-digest-done`},
	{sagcrypto.RandomLibrary, `prng-descriptor? prng-descriptor-name *prng:yarrow* *prng:fortuna* *prng:rc4* *prng:sober-128*
*prng:chacha20* *prng:system* random-generator? builtin-random-generator? secure-random-generator? custom-random-generator?
random-generator-read-random-bytes random-generator-read-random-bytes! random-generator-randomize!
random-generator-random-integer pseudo-random-generator secure-random-generator random-generator-state
<custom-random-generator> make-custom-random-generator`},
	{sagcrypto.MACLibrary, `*mac:hmac* *mac:cmac* *mac:gmac* *mac:kmac* *mac:kmac-128* *mac:kmac-256* mac? make-mac mac-type
mac-mac-size mac-oid generate-mac generate-mac! verify-mac mac-init! mac-process! mac-done!`},
	{sagcrypto.KDFsLibrary, `pbkdf-1 pbkdf-2 mac->prf-provider *hmac-sha1-prf* hkdf pkcs12-kdf scrypt`},
}

func TestLibrary(t *testing.T) {
	for _, l := range libraries {
		t.Run(l.lib.Name, func(t *testing.T) {
			bindingtest.CheckLibrary(t, l.lib, strings.Fields(l.exports), "testdata")
		})
	}
}

func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: libs()})
}

// libs are the libraries the scripts import: the package's and (rfc x509).
func libs() []*scheme.Library {
	out := []*scheme.Library{x509.Library, x509.DotLibrary}
	for _, l := range libraries {
		out = append(out, l.lib)
	}
	return out
}

// TestSRFI64 runs testdata/srfi64/*.scm with every tlsport library, as
// tlsport runs a script: each must print its SRFI-64 report with passes,
// no failure, and not exit with a failure status.
func TestSRFI64(t *testing.T) {
	schemetest.RunSRFI64Dir(t, "testdata/srfi64", all.Register)
}
