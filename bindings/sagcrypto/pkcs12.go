// PKCS #12 (RFC 7292) files for (sagittarius crypto keystores): parsing with MAC checking and PBES2 or the PKCS #12 PBEs, and writing in OpenSSL 3's default scheme.

package sagcrypto

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"hash"
	"unicode/utf16"

	"github.com/tlsport/tlsport/scheme"
)

// The OIDs of PKCS #12 files.
var (
	oidData             = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidEncryptedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}
	oidKeyBag           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidShroudedKeyBag   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidCertBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidX509Certificate  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
	oidFriendlyName     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 20}
	oidLocalKeyID       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 21}
	oidPBES2            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA256       = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidAES256CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidSHA256           = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidPBEWithSHA3DES   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPBEWithSHA128RC2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 5}
	oidPBEWithSHA40RC2  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 6}
	oidDESEDE3CBC       = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidAES128CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
)

// p12Error is an error of PKCS #12 data (a constant, made at no start-up cost).
type p12Error string

func (e p12Error) Error() string { return string(e) }

// p12Unsupported is PKCS #12 data tlsport cannot read (an encryption, MAC
// or content type it has no implementation of).
type p12Unsupported string

func (e p12Unsupported) Error() string { return "sagcrypto: unsupported PKCS #12 " + string(e) }

const (
	errPKCS12Password    = p12Error("sagcrypto: wrong password or corrupted PKCS #12 data")
	errPKCS12Unsupported = p12Unsupported("encryption")
)

// p12Iterations is the KDF iteration count of files written here (OpenSSL
// 3's default); maxP12Iterations bounds the count a file may ask for.
const (
	p12Iterations    = 2048
	maxP12Iterations = 10_000_000
)

type pfx struct {
	Version  int
	AuthSafe p12ContentInfo
	MacData  p12MacData `asn1:"optional"`
}

type p12ContentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type p12MacData struct {
	Mac        p12DigestInfo
	MacSalt    []byte
	Iterations int `asn1:"optional,default:1"`
}

type p12DigestInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Digest    []byte
}

type p12EncryptedData struct {
	Version int
	Info    p12EncryptedContentInfo
}

type p12EncryptedContentInfo struct {
	ContentType asn1.ObjectIdentifier
	Algorithm   pkix.AlgorithmIdentifier
	Content     []byte `asn1:"tag:0,optional"`
}

type safeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue  `asn1:"tag:0,explicit"`
	Attributes []p12Attribute `asn1:"set,optional"`
}

type p12Attribute struct {
	ID     asn1.ObjectIdentifier
	Values asn1.RawValue `asn1:"set"`
}

type certBag struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

// encryptedPrivateKeyInfo is PKCS #8's.
type encryptedPrivateKeyInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Data      []byte
}

type pbes2Params struct {
	KDF pkix.AlgorithmIdentifier
	Enc pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       []byte
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}

// unmarshalAll is asn1.Unmarshal with no trailing data.
func unmarshalAll(b []byte, v any) error {
	rest, err := asn1.Unmarshal(b, v)
	if err == nil && len(rest) > 0 {
		err = errors.New("sagcrypto: trailing data after PKCS #12 structure")
	}
	return err
}

// hashOfOID is the digest of a MAC or PRF OID.
func hashOfOID(oid asn1.ObjectIdentifier) (crypto.Hash, bool) {
	s := oid.String()
	for _, o := range hashOIDs {
		if o.oid == s {
			return o.hash, true
		}
	}
	for h, o := range map[crypto.Hash]string{crypto.SHA1: "1.2.840.113549.2.7", crypto.SHA224: "1.2.840.113549.2.8",
		crypto.SHA256: "1.2.840.113549.2.9", crypto.SHA384: "1.2.840.113549.2.10", crypto.SHA512: "1.2.840.113549.2.11"} {
		if o == s {
			return h, true
		}
	}
	return 0, false
}

// iterations checks a file's iteration count.
func iterations(n int) (int, error) {
	if n < 1 || n > maxP12Iterations {
		return 0, errors.New("sagcrypto: PKCS #12 iteration count out of range")
	}
	return n, nil
}

// pbeDecrypt decrypts data encrypted with the PBE alg and password pw.
func pbeDecrypt(th *scheme.Thread, alg pkix.AlgorithmIdentifier, pw string, data []byte) ([]byte, error) {
	var block cipher.Block
	var iv []byte
	switch {
	case alg.Algorithm.Equal(oidPBES2):
		var p pbes2Params
		if err := unmarshalAll(alg.Parameters.FullBytes, &p); err != nil || !p.KDF.Algorithm.Equal(oidPBKDF2) {
			return nil, errPKCS12Unsupported
		}
		var kp pbkdf2Params
		if err := unmarshalAll(p.KDF.Parameters.FullBytes, &kp); err != nil {
			return nil, errPKCS12Unsupported
		}
		prf := crypto.SHA1
		if kp.PRF.Algorithm != nil {
			var ok bool
			if prf, ok = hashOfOID(kp.PRF.Algorithm); !ok {
				return nil, errPKCS12Unsupported
			}
		}
		n, err := iterations(kp.Iterations)
		if err != nil {
			return nil, err
		}
		keyLen := map[string]int{oidAES128CBC.String(): 16, oidAES192CBC.String(): 24, oidAES256CBC.String(): 32, oidDESEDE3CBC.String(): 24}[p.Enc.Algorithm.String()]
		if _, err := asn1.Unmarshal(p.Enc.Parameters.FullBytes, &iv); keyLen == 0 || err != nil {
			return nil, errPKCS12Unsupported
		}
		key, err := pbkdf2Derive(th, hmacPRF(prf.New, pw), kp.Salt, n, keyLen)
		if err != nil {
			return nil, err
		}
		if p.Enc.Algorithm.Equal(oidDESEDE3CBC) {
			block, err = des.NewTripleDESCipher(key)
		} else {
			block, err = aes.NewCipher(key)
		}
		if err != nil {
			return nil, err
		}
	case alg.Algorithm.Equal(oidPBEWithSHA3DES), alg.Algorithm.Equal(oidPBEWithSHA128RC2), alg.Algorithm.Equal(oidPBEWithSHA40RC2):
		var p pbeParams
		if err := unmarshalAll(alg.Parameters.FullBytes, &p); err != nil {
			return nil, errPKCS12Unsupported
		}
		n, err := iterations(p.Iterations)
		if err != nil {
			return nil, err
		}
		keyLen := map[string]int{oidPBEWithSHA3DES.String(): 24, oidPBEWithSHA128RC2.String(): 16, oidPBEWithSHA40RC2.String(): 5}[alg.Algorithm.String()]
		bpw := bmpString(pw)
		key, err := pkcs12Derive(th, sha1.New(), bpw, p.Salt, n, keyLen, 1)
		if err == nil {
			iv, err = pkcs12Derive(th, sha1.New(), bpw, p.Salt, n, 8, 2)
		}
		if err != nil {
			return nil, err
		}
		if keyLen == 24 {
			if block, err = des.NewTripleDESCipher(key); err != nil {
				return nil, err
			}
		} else {
			block = newRC2(key, 8*keyLen)
		}
	default:
		return nil, errPKCS12Unsupported
	}
	bs := block.BlockSize()
	if len(iv) != bs || len(data) == 0 || len(data)%bs != 0 {
		return nil, errPKCS12Password
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	pad := int(out[len(out)-1])
	if pad == 0 || pad > bs {
		return nil, errPKCS12Password
	}
	for _, b := range out[len(out)-pad:] {
		if int(b) != pad {
			return nil, errPKCS12Password
		}
	}
	return out[:len(out)-pad], nil
}

// pbes2Encrypt encrypts data with PBES2 (PBKDF2 with HMAC-SHA-256,
// AES-256-CBC) under the password pw.
func pbes2Encrypt(pw string, data []byte) (pkix.AlgorithmIdentifier, []byte, error) {
	salt, iv := make([]byte, 16), make([]byte, 16)
	rand.Read(salt)
	rand.Read(iv)
	key, err := pbkdf2Derive(nil, hmacPRF(sha256.New, pw), salt, p12Iterations, 32)
	if err != nil {
		return pkix.AlgorithmIdentifier{}, nil, err
	}
	kdf, _ := asn1.Marshal(pbkdf2Params{Salt: salt, Iterations: p12Iterations, PRF: pkix.AlgorithmIdentifier{Algorithm: oidHMACSHA256, Parameters: asn1.NullRawValue}})
	ivDER, _ := asn1.Marshal(iv)
	params, err := asn1.Marshal(pbes2Params{
		KDF: pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdf}},
		Enc: pkix.AlgorithmIdentifier{Algorithm: oidAES256CBC, Parameters: asn1.RawValue{FullBytes: ivDER}}})
	if err != nil {
		return pkix.AlgorithmIdentifier{}, nil, err
	}
	block, _ := aes.NewCipher(key)
	pad := 16 - len(data)%16
	out := append(append([]byte(nil), data...), make([]byte, pad)...)
	for i := len(data); i < len(out); i++ {
		out[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, out)
	return pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}, out, nil
}

// hmacPRF is PBKDF2's PRF HMAC-h keyed by the password pw.
func hmacPRF(h func() hash.Hash, pw string) func([]byte) ([]byte, error) {
	m := hmac.New(h, []byte(pw))
	return func(b []byte) ([]byte, error) {
		m.Reset()
		m.Write(b)
		return m.Sum(nil), nil
	}
}

// p12MAC is the HMAC of data under the PKCS #12 MAC key of pw.
func p12MAC(th *scheme.Thread, h func() hash.Hash, pw string, salt []byte, n int, data []byte) ([]byte, error) {
	key, err := pkcs12Derive(th, h(), bmpString(pw), salt, n, h().Size(), 3)
	if err != nil {
		return nil, err
	}
	m := hmac.New(h, key)
	m.Write(data)
	return m.Sum(nil), nil
}

// parsePFX checks the MAC of a PKCS #12 file and returns its safe bags,
// the encrypted parts decrypted with pw.
func parsePFX(th *scheme.Thread, der []byte, pw string) ([]safeBag, error) {
	var p pfx
	if err := unmarshalAll(der, &p); err != nil {
		return nil, errors.New("sagcrypto: not a PKCS #12 file: " + err.Error())
	}
	if p.Version != 3 || !p.AuthSafe.ContentType.Equal(oidData) {
		return nil, p12Unsupported("file: only password-integrity v3 files are supported")
	}
	var content []byte
	if err := unmarshalAll(p.AuthSafe.Content.Bytes, &content); err != nil {
		return nil, err
	}
	if p.MacData.Mac.Algorithm.Algorithm == nil {
		return nil, errors.New("sagcrypto: the PKCS #12 file has no MAC")
	}
	h, ok := hashOfOID(p.MacData.Mac.Algorithm.Algorithm)
	if !ok || !h.Available() {
		return nil, p12Unsupported("MAC " + p.MacData.Mac.Algorithm.Algorithm.String())
	}
	n, err := iterations(p.MacData.Iterations)
	if err != nil {
		return nil, err
	}
	mac, err := p12MAC(th, h.New, pw, p.MacData.MacSalt, n, content)
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare(mac, p.MacData.Mac.Digest) != 1 {
		return nil, errPKCS12Password
	}
	var safe []p12ContentInfo
	if err := unmarshalAll(content, &safe); err != nil {
		return nil, err
	}
	var bags []safeBag
	for _, ci := range safe {
		var data []byte
		switch {
		case ci.ContentType.Equal(oidData):
			if err := unmarshalAll(ci.Content.Bytes, &data); err != nil {
				return nil, err
			}
		case ci.ContentType.Equal(oidEncryptedData):
			var ed p12EncryptedData
			if err := unmarshalAll(ci.Content.Bytes, &ed); err != nil {
				return nil, err
			}
			if data, err = pbeDecrypt(th, ed.Info.Algorithm, pw, ed.Info.Content); err != nil {
				return nil, err
			}
		default:
			return nil, p12Unsupported("content " + ci.ContentType.String())
		}
		var sc []safeBag
		if err := unmarshalAll(data, &sc); err != nil {
			return nil, err
		}
		bags = append(bags, sc...)
	}
	return bags, nil
}

// bagAttribute is the first value of the attribute oid of b, nil when absent.
func (b *safeBag) attribute(oid asn1.ObjectIdentifier) []byte {
	for _, a := range b.Attributes {
		if a.ID.Equal(oid) {
			var v asn1.RawValue
			if _, err := asn1.Unmarshal(a.Values.Bytes, &v); err == nil {
				return v.Bytes
			}
		}
	}
	return nil
}

// friendlyName is the friendlyName of b, "" when absent.
func (b *safeBag) friendlyName() string {
	raw := b.attribute(oidFriendlyName)
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(u))
}

// bagAttributes are the friendlyName and localKeyId attributes of a bag
// written here (nil values are left out).
func bagAttributes(name string, keyID []byte) []p12Attribute {
	var out []p12Attribute
	if name != "" {
		v, _ := asn1.Marshal(asn1.RawValue{Tag: asn1.TagBMPString, Bytes: bmpString(name)[:len(bmpString(name))-2]})
		out = append(out, p12Attribute{ID: oidFriendlyName, Values: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: v}})
	}
	if keyID != nil {
		v, _ := asn1.Marshal(keyID)
		out = append(out, p12Attribute{ID: oidLocalKeyID, Values: asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: v}})
	}
	return out
}

// makeCertBag is the safe bag of the certificate c.
func makeCertBag(c *x509.Certificate, attrs []p12Attribute) (safeBag, error) {
	v, err := asn1.Marshal(certBag{ID: oidX509Certificate, Data: c.Raw})
	return safeBag{ID: oidCertBag, Value: asn1.RawValue{FullBytes: mustExplicit0(v)}, Attributes: attrs}, err
}

// mustExplicit0 wraps DER in a [0] EXPLICIT tag.
func mustExplicit0(der []byte) []byte {
	b, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: der})
	return b
}

// writePFX writes the bags, certBags encrypted with PBES2 and keyBags as
// they are, MACed with HMAC-SHA-256, all under pw.
func writePFX(th *scheme.Thread, certBags, keyBags []safeBag, pw string) ([]byte, error) {
	var safe []p12ContentInfo
	if len(certBags) > 0 {
		plain, err := asn1.Marshal(certBags)
		if err != nil {
			return nil, err
		}
		alg, enc, err := pbes2Encrypt(pw, plain)
		if err != nil {
			return nil, err
		}
		ed, err := asn1.Marshal(p12EncryptedData{Info: p12EncryptedContentInfo{ContentType: oidData, Algorithm: alg, Content: enc}})
		if err != nil {
			return nil, err
		}
		safe = append(safe, p12ContentInfo{ContentType: oidEncryptedData, Content: asn1.RawValue{FullBytes: mustExplicit0(ed)}})
	}
	if len(keyBags) > 0 {
		plain, err := asn1.Marshal(keyBags)
		if err != nil {
			return nil, err
		}
		data, _ := asn1.Marshal(plain)
		safe = append(safe, p12ContentInfo{ContentType: oidData, Content: asn1.RawValue{FullBytes: mustExplicit0(data)}})
	}
	if safe == nil {
		safe = []p12ContentInfo{}
	}
	content, err := asn1.Marshal(safe)
	if err != nil {
		return nil, err
	}
	salt := make([]byte, 8)
	rand.Read(salt)
	mac, err := p12MAC(th, sha256.New, pw, salt, p12Iterations, content)
	if err != nil {
		return nil, err
	}
	wrapped, _ := asn1.Marshal(content)
	return asn1.Marshal(pfx{Version: 3, AuthSafe: p12ContentInfo{ContentType: oidData, Content: asn1.RawValue{FullBytes: mustExplicit0(wrapped)}},
		MacData: p12MacData{Mac: p12DigestInfo{Algorithm: pkix.AlgorithmIdentifier{Algorithm: oidSHA256, Parameters: asn1.NullRawValue}, Digest: mac},
			MacSalt: salt, Iterations: p12Iterations}})
}
