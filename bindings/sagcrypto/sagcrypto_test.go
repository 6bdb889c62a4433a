// The binding tables and Scheme test scripts of (sagittarius crypto keys), (crypto), (rfc pem) and the other libraries of the package, and the SRFI-64 acceptance scripts of issue 13.

package sagcrypto_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/fifotest"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// libraries are the package's libraries with their documented export lists.
var libraries = []struct {
	lib     *scheme.Library
	exports string
}{
	// (sagittarius crypto keys) less what tlsport does not provide: key->oid,
	// oid->key-operation and the key-format enum sets; *key:ecdh* is named
	// by calculate-key-agreement's entry.
	{sagcrypto.Library, `calculate-key-agreement *key:ecdh* generate-public-key generate-private-key make-rfc3394-key-wrap make-rfc3394-key-unwrap
make-aes-key-wrap make-aes-key-unwrap make-camellia-key-wrap make-camellia-key-unwrap *ec-parameter:b163* *ec-parameter:b233* *ec-parameter:b283* *ec-parameter:b409* *ec-parameter:b571*
*ec-parameter:brainpool-p160r1* *ec-parameter:brainpool-p160t1* *ec-parameter:brainpool-p192r1*
*ec-parameter:brainpool-p192t1* *ec-parameter:brainpool-p224r1* *ec-parameter:brainpool-p224t1*
*ec-parameter:brainpool-p256r1* *ec-parameter:brainpool-p256t1* *ec-parameter:brainpool-p320r1*
*ec-parameter:brainpool-p320t1* *ec-parameter:brainpool-p384r1* *ec-parameter:brainpool-p384t1*
*ec-parameter:brainpool-p512r1* *ec-parameter:brainpool-p512t1* *ec-parameter:k163* *ec-parameter:k233*
*ec-parameter:k283* *ec-parameter:k409* *ec-parameter:k571* *ec-parameter:p192* *ec-parameter:p224*
*ec-parameter:p256* *ec-parameter:p384* *ec-parameter:p521* *ec-parameter:secp160k1* *ec-parameter:secp160r1*
*ec-parameter:secp160r2* *ec-parameter:secp192k1* *ec-parameter:secp192r1* *ec-parameter:secp224k1*
*ec-parameter:secp224r1* *ec-parameter:secp256k1* *ec-parameter:secp256r1* *ec-parameter:secp384r1*
*ec-parameter:secp521r1* *ec-parameter:sect113r1* *ec-parameter:sect163k1* *ec-parameter:sect163r1*
*ec-parameter:sect163r2* *ec-parameter:sect233k1* *ec-parameter:sect233r1* *ec-parameter:sect239k1*
*ec-parameter:sect283k1* *ec-parameter:sect283r1* *ec-parameter:sect409k1* *ec-parameter:sect409r1*
*ec-parameter:sect571k1* *ec-parameter:sect571r1* *key:dsa* *key:ecdsa* *key:ed25519* *key:ed448* *key:rsa*
*key:x25519* *key:x448* asymmetric-key? crypto-key? export-private-key export-public-key generate-key-pair
generate-symmetric-key import-private-key import-public-key key-pair-private key-pair-public key-pair?
make-symmetric-key private-key-format private-key-format? private-key? public-key-format public-key-format?
public-key? symmetric-key-value symmetric-key? *scheme:rsa*`},
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
	{sagcrypto.SignaturesLibrary, `*signature-algorithm:dsa-sha224* *signature-algorithm:dsa-sha256* *signature-algorithm:dsa-sha384*
*signature-algorithm:dsa-sha512* *signature-algorithm:ecdsa-sha1* *signature-algorithm:ecdsa-sha224*
*signature-algorithm:ecdsa-sha256* *signature-algorithm:ecdsa-sha3-224* *signature-algorithm:ecdsa-sha3-256*
*signature-algorithm:ecdsa-sha3-384* *signature-algorithm:ecdsa-sha3-512* *signature-algorithm:ecdsa-sha384*
*signature-algorithm:ecdsa-sha512* *signature-algorithm:ed25519* *signature-algorithm:ed448*
*signature-algorithm:rsa-pkcs-v1.5-sha1* *signature-algorithm:rsa-pkcs-v1.5-sha224*
*signature-algorithm:rsa-pkcs-v1.5-sha256* *signature-algorithm:rsa-pkcs-v1.5-sha3-224*
*signature-algorithm:rsa-pkcs-v1.5-sha3-256* *signature-algorithm:rsa-pkcs-v1.5-sha3-384*
*signature-algorithm:rsa-pkcs-v1.5-sha3-512* *signature-algorithm:rsa-pkcs-v1.5-sha384*
*signature-algorithm:rsa-pkcs-v1.5-sha512* *signature-algorithm:rsa-pkcs-v1.5-sha512/224*
*signature-algorithm:rsa-pkcs-v1.5-sha512/256* *signature-algorithm:rsa-ssa-pss* *signature:dsa*
*signature:ecdsa* *signature:ed25519* *signature:ed25519ctx* *signature:ed25519ph* *signature:ed448*
*signature:ed448ph* *signature:eddsa* *signature:rsa* make-hmac-k-generator make-random-k-generator
make-signer make-verifier mgf-1 pkcs1-emsa-pss-encode pkcs1-emsa-pss-verify pkcs1-emsa-v1.5-encode
pkcs1-emsa-v1.5-verify signer-init! signer-process! signer-sign! signer-sign-message signer? verifier-init!
verifier-process! verifier-verify! verifier-verify-signature verifier?`},
	// the document spells *ctr-mode:rfc3686* without its closing star and
	// names pkcs7-padding only as make-block-cipher's default
	{sagcrypto.CiphersLibrary, `*ctr-mode:big-endian* *ctr-mode:little-endian* *ctr-mode:rfc3686* *mode:cbc* *mode:ccm* *mode:cfb* *mode:ctr*
*mode:eax* *mode:ecb* *mode:f8* *mode:gcm* *mode:gcm-siv* *mode:lrw* *mode:ocb* *mode:ocb3* *mode:ofb*
*scheme:aes* *scheme:aes-128* *scheme:aes-192* *scheme:aes-256* *scheme:blowfish* *scheme:camellia*
*scheme:cast-128* *scheme:cast5* *scheme:chacha20* *scheme:chacha20-poly1305* *scheme:des* *scheme:des3*
*scheme:desede* *scheme:kasumi* *scheme:khazad* *scheme:multi2* *scheme:noekeon* *scheme:rc2* *scheme:rc5*
*scheme:rc6* *scheme:rsa* *scheme:safer+* *scheme:safer-k128* *scheme:safer-k64* *scheme:safer-sk128*
*scheme:safer-sk64* *scheme:seed* *scheme:skipjack* *scheme:sm4* *scheme:twofish* *scheme:x-tea*
*scheme:xchacha20* *scheme:xchacha20-poly1305* aad-parameter? asymmetric-cipher-decrypt-bytevector
asymmetric-cipher-descriptor? asymmetric-cipher-done! asymmetric-cipher-encrypt-bytevector
asymmetric-cipher-init asymmetric-cipher-init! asymmetric-cipher? block-cipher-block-length
block-cipher-decrypt block-cipher-decrypt! block-cipher-decrypt-last-block block-cipher-decrypt-last-block!
block-cipher-descriptor-block-length block-cipher-descriptor-suggested-key-length block-cipher-descriptor?
block-cipher-done! block-cipher-done/tag block-cipher-done/tag! block-cipher-encrypt block-cipher-encrypt!
block-cipher-encrypt-last-block block-cipher-encrypt-last-block! block-cipher-init block-cipher-init!
block-cipher-last-block-size block-cipher-max-tag-length block-cipher-update-aad! block-cipher-update-iv!
block-cipher? cipher-descriptor-name cipher-descriptor? cipher-direction cipher-parameter-aad
cipher-parameter-counter-mode cipher-parameter-iv cipher-parameter-nonce cipher-parameter-rounds
cipher-parameter-salt cipher-parameter-tag cipher-parameter-tag-length cipher-parameter-tweak
cipher-parameter? cipher? counter-mode-parameter? iv-parameter? make-aad-parameter make-asymmetric-cipher
make-block-cipher make-cipher-parameter make-counter-mode-parameter make-iv-parameter make-nonce-parameter
make-round-parameter make-salt-parameter make-stream-cipher make-tag-length-parameter make-tag-parameter
make-tweak-parameter mgf-1 mode-descriptor-name mode-descriptor? nonce-parameter? oaep-encoding
pkcs1-v1.5-encoding round-parameter? salt-parameter? stream-cipher-descriptor-aead? stream-cipher-descriptor?
stream-cipher? symmetric-cipher-descriptor-max-key-length symmetric-cipher-descriptor-min-key-length
symmetric-cipher-descriptor? symmetric-cipher? tag-length-parameter? tag-parameter? tweak-parameter?
pkcs7-padding`},
	// the document's spellings: *pkcs-9:channelge-password*, *pkcs-9:extenion-request*
	{sagcrypto.X509Library, `x509-certificate? bytevector->x509-certificate read-x509-certificate x509-certificate->bytevector
write-x509-certificate x509-certificate-expired? x509-certificate-issuer-dn x509-certificate-subject-dn x509-certificate-public-key
x509-certificate-validity x509-certificate-serial-number x509-certificate-version x509-certificate-signature
x509-certificate-signature-algorithm x509-certificate-extensions validate-x509-certificate x509-certificate-signature-validator
x509-certificate-validity-validator x509-certificate-signed-by? x509-certificate-revoked? x509-certificate-template?
x509-certificate-template-builder sign-x509-certificate-template
x509-certification-request? bytevector->x509-certification-request read-x509-certification-request
x509-certification-request->bytevector write-x509-certification-request x509-certification-request-version
x509-certification-request-subject x509-certification-request-public-key x509-certification-request-attributes
x509-certification-request-signature x509-certification-request-signature-algorithm validate-x509-certification-request
x509-certification-request-signature-validator x509-certification-request-template? x509-certification-request-template-builder
sign-x509-certification-request-template
x509-certificate-revocation-list? bytevector->x509-certificate-revocation-list read-x509-certificate-revocation-list
x509-certificate-revocation-list->bytevector write-x509-certificate-revocation-list x509-certificate-revocation-list-issuer
x509-certificate-revocation-list-this-update x509-certificate-revocation-list-next-update
x509-certificate-revocation-list-revoked-certificates x509-certificate-revocation-list-crl-extensions
x509-certificate-revocation-list-signature-algorithm x509-certificate-revocation-list-signature
validate-x509-certificate-revocation-list x509-certificate-revocation-list-signature-validator
x509-certificate-revocation-list-issuer-validator x509-revoked-certificate? make-x509-revoked-certificate
x509-revoked-certificate-serial-number x509-revoked-certificate-revocation-date x509-revoked-certificate-crl-entry-extensions
x509-certificate-revocation-list-template? x509-certificate-revocation-list-template-builder
sign-x509-certificate-revocation-list-template
x509-name? x509-name list->x509-name x509-name->string string->x509-name
x509-validity? make-x509-validity x509-validity-not-before x509-validity-not-after
x509-algorithm-identifier? make-x509-algorithm-identifier x509-algorithm-identifier-oid x509-algorithm-identifier-parameters
subject-public-key-info? subject-public-key-info->public-key public-key->subject-public-key-info
bytevector->subject-public-key-info subject-public-key-info->bytevector
x509-attribute? x509-attribute-type x509-attribute-values x509-attribute-of make-x509-challenge-password-attribute
make-x509-extension-request-attribute x509-attribute->x509-extension-list *pkcs-9:channelge-password* *pkcs-9:extenion-request*
x509-extension? x509-extension-id x509-extension-critical? x509-extension-value
*extension:authority-key-identifier* *extension:subject-key-identifier* *extension:key-usage* *extension:private-key-usage-period*
*extension:certificate-policies* *extension:policy-mappings* *extension:subject-alt-name* *extension:issuer-alt-name*
*extension:subject-directory-attributes* *extension:basic-constraints* *extension:name-constraints* *extension:policy-constraints*
*extension:ext-key-usage* *extension:crl-distribution-points* *extension:inhibit-any-policy* *extension:freshest-crl*
*extension:authority-info-access* *extension:subject-info-access* *extension:crl-number* *extension:delta-crl-indicator*
*extension:issuing-distribution-point* *extension:crl-reason* *extension:certificate-issuer* *extension:hold-instruction-code*
*extension:invalidity-date* x509-extension-of`},
	{sagcrypto.KeystoresLibrary, `pkcs12-keystore? make-pkcs12-keystore read-pkcs12-keystore bytevector->pkcs12-keystore
pkcs12-keystore->bytevector write-pkcs12-keystore pkcs12-keystore-private-key-ref pkcs12-keystore-private-key-set!
pkcs12-keystore-certificate-ref pkcs12-keystore-certificate-set! pkcs12-keystore-certificate-chain-ref
pkcs12-keystore-delete-entry! pkcs12-keystore-delete-all-entries!`},
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

// TestParsePEMFileFIFO: parse-pem-file of a FIFO that nobody writes ends
// with the evaluation's deadline, raising (i/o file), and leaves nothing
// behind once the writer comes; a FIFO written with a certificate chain
// parses as the same bytes in a regular file do.
func TestParsePEMFileFIFO(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	err := fifotest.CheckRead(t, "F", certgen.MustSet(t).Leaf.ChainPEM(), func(ctx context.Context, path string) (string, error) {
		v, err := in.EvalString(ctx, fmt.Sprintf(`(call-with-values (lambda () (parse-pem-file %q :multiple #t)) list)`, path))
		return scheme.WriteString(v), err
	})
	var se *scheme.Error
	if !errors.As(err, &se) || !se.Condition.(*scheme.Condition).Has("file") {
		t.Fatalf("nobody writing, a deadline: %v; want an (i/o file) condition", err)
	}
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
