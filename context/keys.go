// Private keys: PEM/DER decoding, PKCS#1, SEC1, PKCS#8, encrypted PKCS#8
// (PBES2) and legacy encrypted PEM (spec §1.1.5, §1.3.5).

package tlsctx

import (
	"bytes"
	"context"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/pbkdf2"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"strings"

	"github.com/tlsport/tlsport/conditions"
)

// KeyType is the private-key-type argument of ssl-load-private-key!.
type KeyType int

// Key types (egg: #t/'rsa, 'ec, #f/'dsa, 'dh). KeyAny accepts any type.
const (
	KeyRSA KeyType = iota
	KeyEC
	KeyDSA
	KeyDH
	KeyAny
)

// PasswordFunc returns the password for an encrypted key.
type PasswordFunc func() (string, error)

var (
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDSA        = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidDH         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 3, 1}
	oidDHX        = asn1.ObjectIdentifier{1, 2, 840, 10046, 2, 1}
)

func errDSA() error { return conditions.Unsupported("DSA keys are not supported by Go crypto/tls") }
func errDH() error  { return conditions.Unsupported("DH keys cannot authenticate TLS in Go crypto/tls") }

// passwordFunc converts a password argument: nil, string, []byte or
// PasswordFunc / func() (string, error).
func passwordFunc(pw any) PasswordFunc {
	switch p := pw.(type) {
	case nil:
		return nil
	case string:
		return func() (string, error) { return p, nil }
	case []byte:
		return func() (string, error) { return string(p), nil }
	case PasswordFunc:
		return p
	case func() (string, error):
		return p
	}
	return nil
}

// ReadPrivateKey is [ReadPrivateKeyContext] with context.Background().
func ReadPrivateKey(src any, password any) (crypto.Signer, error) {
	return ReadPrivateKeyContext(context.Background(), src, password)
}

// ReadPrivateKeyContext reads a private key from src: a file path (PEM,
// or DER when the file is not PEM; read under ctx as [ReadFile] reads
// it), a PEM string, or []byte (PEM or DER). password is nil, a string,
// []byte or a func() (string, error); it is asked for only when the key
// is encrypted. Errors are conditions.
func ReadPrivateKeyContext(ctx context.Context, src any, password any) (crypto.Signer, error) {
	data, name, err := readSource(ctx, src)
	if err != nil {
		return nil, err
	}
	return parseKey(data, name, KeyAny, passwordFunc(password), false)
}

// readSource resolves src (path string, read under ctx; PEM string;
// []byte) to bytes and a name for messages.
func readSource(ctx context.Context, src any) (data []byte, name string, err error) {
	switch s := src.(type) {
	case []byte:
		return s, "<bytevector>", nil
	case string:
		if strings.Contains(s, "-----BEGIN ") {
			return []byte(s), "<string>", nil
		}
		data, err := ReadFile(ctx, s)
		return data, s, err
	}
	return nil, "", conditions.TypeError("", "expected a path, PEM string or bytevector", src)
}

// parseKey decodes a key. der forces DER; otherwise PEM is tried first.
func parseKey(data []byte, name string, kt KeyType, pw PasswordFunc, der bool) (crypto.Signer, error) {
	switch kt {
	case KeyDSA:
		return nil, errDSA()
	case KeyDH:
		return nil, errDH()
	}
	if !der && bytes.Contains(data, []byte("-----BEGIN ")) {
		return parseKeyPEM(data, name, kt, pw)
	}
	k, err := parseKeyDER(data, kt)
	if err != nil {
		return nil, keyErr(err, name)
	}
	return k, nil
}

func keyErr(err error, name string) error {
	var ce *conditions.Error
	if errors.As(err, &ce) {
		return err
	}
	return conditions.Config(fmt.Sprintf("%v: %s", err, name), err)
}

func parseKeyPEM(data []byte, name string, kt KeyType, pw PasswordFunc) (crypto.Signer, error) {
	var keys []crypto.Signer
	var firstErr error
	for b := range pemBlocks(data) {
		var k crypto.Signer
		var err error
		switch {
		case b.Type == "DSA PRIVATE KEY":
			err = errDSA()
		case b.Type == "DH PARAMETERS" || b.Type == "X9.42 DH PARAMETERS":
			continue
		case b.Type == "ENCRYPTED PRIVATE KEY":
			var der []byte
			if der, err = decryptPKCS8(b.Bytes, pw, name); err == nil {
				k, err = parseKeyDER(der, KeyAny)
			}
		case strings.HasSuffix(b.Type, "PRIVATE KEY"):
			der := b.Bytes
			//lint:ignore SA1019 legacy encrypted PEM is part of the egg API
			if x509.IsEncryptedPEMBlock(b) { //nolint:staticcheck
				der, err = decryptLegacy(b, pw, name)
			}
			if err == nil {
				k, err = parseKeyDER(der, KeyAny)
			}
		default:
			continue
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		if firstErr != nil {
			return nil, keyErr(firstErr, name)
		}
		return nil, conditions.Config("no private key found in "+name, nil)
	}
	if kt == KeyRSA {
		for _, k := range keys {
			if _, ok := k.(*rsa.PrivateKey); ok {
				return k, nil
			}
		}
	}
	if kt == KeyEC {
		for _, k := range keys {
			if _, ok := k.(*ecdsa.PrivateKey); ok {
				return k, nil
			}
		}
	}
	return keys[0], nil
}

// parseKeyDER tries the DER encodings, preferring the one kt names.
func parseKeyDER(der []byte, kt KeyType) (crypto.Signer, error) {
	pkcs8 := func() (crypto.Signer, error) {
		k, err := x509.ParsePKCS8PrivateKey(der)
		if err != nil {
			var info struct {
				Version int
				Algo    pkix.AlgorithmIdentifier
				Key     []byte
			}
			if _, e2 := asn1.Unmarshal(der, &info); e2 == nil {
				switch {
				case info.Algo.Algorithm.Equal(oidDSA):
					return nil, errDSA()
				case info.Algo.Algorithm.Equal(oidDH), info.Algo.Algorithm.Equal(oidDHX):
					return nil, errDH()
				}
			}
			return nil, err
		}
		return toSigner(k)
	}
	pkcs1 := func() (crypto.Signer, error) { return x509.ParsePKCS1PrivateKey(der) }
	sec1 := func() (crypto.Signer, error) { return x509.ParseECPrivateKey(der) }
	order := []func() (crypto.Signer, error){pkcs8, pkcs1, sec1}
	switch kt {
	case KeyRSA:
		order = []func() (crypto.Signer, error){pkcs1, pkcs8, sec1}
	case KeyEC:
		order = []func() (crypto.Signer, error){sec1, pkcs8, pkcs1}
	}
	var first error
	for _, f := range order {
		k, err := f()
		if err == nil {
			return k, nil
		}
		var ce *conditions.Error
		if errors.As(err, &ce) {
			return nil, err
		}
		if first == nil {
			first = err
		}
	}
	if isDSAKey(der) {
		return nil, errDSA()
	}
	return nil, errors.New("tlsctx: failed to parse private key")
}

// isDSAKey reports whether der is a traditional DSA private key
// (SEQUENCE of six INTEGERs).
func isDSAKey(der []byte) bool {
	var k struct{ V, P, Q, G, Y, X asn1.RawValue }
	rest, err := asn1.Unmarshal(der, &k)
	return err == nil && len(rest) == 0 && k.V.Tag == asn1.TagInteger && k.X.Tag == asn1.TagInteger
}

func toSigner(k any) (crypto.Signer, error) {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	case ed25519.PrivateKey:
		return k, nil
	}
	return nil, conditions.Unsupported(fmt.Sprintf("%T keys are not supported by Go crypto/tls", k))
}

func getPassword(pw PasswordFunc) (string, error) {
	if pw == nil {
		return "", conditions.Config("bad password read", nil)
	}
	p, err := pw()
	if err != nil {
		var ce *conditions.Error
		if errors.As(err, &ce) {
			return "", err
		}
		e := conditions.Config("bad password read", err)
		e.CallbackCause = err
		return "", e
	}
	return p, nil
}

func decryptLegacy(b *pem.Block, pw PasswordFunc, name string) ([]byte, error) {
	p, err := getPassword(pw)
	if err != nil {
		return nil, err
	}
	der, err := x509.DecryptPEMBlock(b, []byte(p)) //nolint:staticcheck // legacy format required by the egg API
	if err != nil {
		return nil, conditions.Config("bad decrypt (wrong password?) for private key in "+name, err)
	}
	return der, nil
}

// decryptPKCS8 decrypts an EncryptedPrivateKeyInfo using PBES2 with
// PBKDF2-HMAC-SHA1/SHA256 and AES-CBC.
func decryptPKCS8(der []byte, pw PasswordFunc, name string) ([]byte, error) {
	var epki struct {
		Algo pkix.AlgorithmIdentifier
		Data []byte
	}
	if _, err := asn1.Unmarshal(der, &epki); err != nil {
		return nil, conditions.Config("malformed encrypted private key in "+name, err)
	}
	if !epki.Algo.Algorithm.Equal(oidPBES2) {
		return nil, conditions.Unsupported("unsupported key encryption")
	}
	var params struct {
		KDF    pkix.AlgorithmIdentifier
		Scheme pkix.AlgorithmIdentifier
	}
	if _, err := asn1.Unmarshal(epki.Algo.Parameters.FullBytes, &params); err != nil {
		return nil, conditions.Config("malformed PBES2 parameters in "+name, err)
	}
	if !params.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, conditions.Unsupported("unsupported key encryption")
	}
	var kdf struct {
		Salt      []byte
		Iter      int
		KeyLength int                      `asn1:"optional"`
		PRF       pkix.AlgorithmIdentifier `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(params.KDF.Parameters.FullBytes, &kdf); err != nil {
		return nil, conditions.Config("malformed PBKDF2 parameters in "+name, err)
	}
	var h func() hash.Hash
	switch {
	case len(kdf.PRF.Algorithm) == 0, kdf.PRF.Algorithm.Equal(oidHMACSHA1):
		h = sha1.New
	case kdf.PRF.Algorithm.Equal(oidHMACSHA256):
		h = sha256.New
	default:
		return nil, conditions.Unsupported("unsupported key encryption")
	}
	var keyLen int
	switch {
	case params.Scheme.Algorithm.Equal(oidAES128CBC):
		keyLen = 16
	case params.Scheme.Algorithm.Equal(oidAES192CBC):
		keyLen = 24
	case params.Scheme.Algorithm.Equal(oidAES256CBC):
		keyLen = 32
	default:
		return nil, conditions.Unsupported("unsupported key encryption")
	}
	var iv []byte
	if _, err := asn1.Unmarshal(params.Scheme.Parameters.FullBytes, &iv); err != nil || len(iv) != aes.BlockSize {
		return nil, conditions.Config("malformed AES-CBC parameters in "+name, err)
	}
	if kdf.Iter <= 0 || kdf.Iter > 10_000_000 {
		return nil, conditions.Config("invalid PBKDF2 iteration count in "+name, nil)
	}
	p, err := getPassword(pw)
	if err != nil {
		return nil, err
	}
	key, err := pbkdf2.Key(h, p, kdf.Salt, kdf.Iter, keyLen)
	if err != nil {
		return nil, conditions.Config("", err)
	}
	if len(epki.Data) == 0 || len(epki.Data)%aes.BlockSize != 0 {
		return nil, conditions.Config("malformed encrypted private key in "+name, nil)
	}
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(epki.Data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, epki.Data)
	// PKCS#7 padding; a wrong password almost always breaks it.
	n := int(out[len(out)-1])
	bad := n == 0 || n > aes.BlockSize
	if !bad {
		for _, c := range out[len(out)-n:] {
			if int(c) != n {
				bad = true
			}
		}
	}
	if bad {
		return nil, conditions.Config("bad decrypt (wrong password?) for private key in "+name, nil)
	}
	out = out[:len(out)-n]
	if _, err := x509.ParsePKCS8PrivateKey(out); err != nil {
		var info struct {
			Version int
			Algo    pkix.AlgorithmIdentifier
			Key     []byte
		}
		if _, e2 := asn1.Unmarshal(out, &info); e2 != nil {
			return nil, conditions.Config("bad decrypt (wrong password?) for private key in "+name, err)
		}
	}
	return out, nil
}

// publicKeyEqual reports whether key's public half equals pub.
func publicKeyEqual(key crypto.Signer, pub crypto.PublicKey) bool {
	k, ok := key.Public().(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(pub)
}
