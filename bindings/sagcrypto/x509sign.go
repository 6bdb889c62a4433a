// Signature algorithms of (sagittarius crypto x509): signing and verifying the to-be-signed part of certificates, CSRs and CRLs.

package sagcrypto

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"

	"github.com/tlsport/tlsport/scheme"
)

// x509SigAlg is a signature algorithm of X.509 structures.
type x509SigAlg struct {
	oid  string
	name string
	key  string      // "rsa", "pss", "ecdsa" or "ed25519"
	hash crypto.Hash // 0 for Ed25519
	// goAlg is crypto/x509's, for certificates (CreateCertificate);
	// UnknownSignatureAlgorithm when Go cannot sign certificates with it.
	goAlg x509.SignatureAlgorithm
}

// x509SigAlgs are the signature algorithms tlsport signs and verifies.
var x509SigAlgs = []x509SigAlg{
	{"1.2.840.113549.1.1.4", "md5WithRSAEncryption", "rsa", crypto.MD5, x509.UnknownSignatureAlgorithm},
	{"1.2.840.113549.1.1.5", "sha1WithRSAEncryption", "rsa", crypto.SHA1, x509.SHA1WithRSA},
	{"1.2.840.113549.1.1.14", "sha224WithRSAEncryption", "rsa", crypto.SHA224, x509.UnknownSignatureAlgorithm},
	{"1.2.840.113549.1.1.11", "sha256WithRSAEncryption", "rsa", crypto.SHA256, x509.SHA256WithRSA},
	{"1.2.840.113549.1.1.12", "sha384WithRSAEncryption", "rsa", crypto.SHA384, x509.SHA384WithRSA},
	{"1.2.840.113549.1.1.13", "sha512WithRSAEncryption", "rsa", crypto.SHA512, x509.SHA512WithRSA},
	{"1.2.840.113549.1.1.15", "sha512-224WithRSAEncryption", "rsa", crypto.SHA512_224, x509.UnknownSignatureAlgorithm},
	{"1.2.840.113549.1.1.16", "sha512-256WithRSAEncryption", "rsa", crypto.SHA512_256, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.13", "id-rsassa-pkcs1-v1_5-with-sha3-224", "rsa", crypto.SHA3_224, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.14", "id-rsassa-pkcs1-v1_5-with-sha3-256", "rsa", crypto.SHA3_256, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.15", "id-rsassa-pkcs1-v1_5-with-sha3-384", "rsa", crypto.SHA3_384, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.16", "id-rsassa-pkcs1-v1_5-with-sha3-512", "rsa", crypto.SHA3_512, x509.UnknownSignatureAlgorithm},
	{"1.2.840.113549.1.1.10", "RSASSA-PSS", "pss", crypto.SHA256, x509.SHA256WithRSAPSS},
	{"1.2.840.10045.4.1", "ecdsa-with-SHA1", "ecdsa", crypto.SHA1, x509.ECDSAWithSHA1},
	{"1.2.840.10045.4.3.1", "ecdsa-with-SHA224", "ecdsa", crypto.SHA224, x509.UnknownSignatureAlgorithm},
	{"1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "ecdsa", crypto.SHA256, x509.ECDSAWithSHA256},
	{"1.2.840.10045.4.3.3", "ecdsa-with-SHA384", "ecdsa", crypto.SHA384, x509.ECDSAWithSHA384},
	{"1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "ecdsa", crypto.SHA512, x509.ECDSAWithSHA512},
	{"2.16.840.1.101.3.4.3.9", "id-ecdsa-with-sha3-224", "ecdsa", crypto.SHA3_224, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.10", "id-ecdsa-with-sha3-256", "ecdsa", crypto.SHA3_256, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.11", "id-ecdsa-with-sha3-384", "ecdsa", crypto.SHA3_384, x509.UnknownSignatureAlgorithm},
	{"2.16.840.1.101.3.4.3.12", "id-ecdsa-with-sha3-512", "ecdsa", crypto.SHA3_512, x509.UnknownSignatureAlgorithm},
	{"1.3.101.112", "Ed25519", "ed25519", 0, x509.PureEd25519},
}

// hashOIDs are the OIDs of the digests RSASSA-PSS parameters name.
var hashOIDs = []struct {
	oid  string
	hash crypto.Hash
}{
	{"1.3.14.3.2.26", crypto.SHA1}, {"2.16.840.1.101.3.4.2.4", crypto.SHA224}, {"2.16.840.1.101.3.4.2.1", crypto.SHA256},
	{"2.16.840.1.101.3.4.2.2", crypto.SHA384}, {"2.16.840.1.101.3.4.2.3", crypto.SHA512},
}

// pssParams are RSASSA-PSS-params (RFC 4055).
type pssParams struct {
	Hash       pkix.AlgorithmIdentifier `asn1:"explicit,tag:0,optional"`
	MGF        pkix.AlgorithmIdentifier `asn1:"explicit,tag:1,optional"`
	SaltLength int                      `asn1:"explicit,tag:2,optional,default:20"`
	Trailer    int                      `asn1:"optional,explicit,tag:3,default:1"`
}

// sigAlgOf finds the algorithm of oid with DER parameters params (PSS:
// its digest; SHA-256 when absent). The error names an algorithm tlsport
// cannot use (DSA, Ed448 …) as an implementation restriction.
func sigAlgOf(who, oid string, params []byte) (x509SigAlg, error) {
	for _, a := range x509SigAlgs {
		if a.oid != oid {
			continue
		}
		if a.key == "pss" && len(params) > 0 {
			var p pssParams
			if _, err := asn1.Unmarshal(params, &p); err != nil {
				return a, scheme.NewError(who, "invalid RSASSA-PSS parameters", nil)
			}
			h := crypto.SHA1 // the default of RFC 4055
			if p.Hash.Algorithm != nil {
				h = 0
				for _, o := range hashOIDs {
					if o.oid == p.Hash.Algorithm.String() {
						h = o.hash
					}
				}
				if h == 0 {
					return a, Unsupported(who, "RSASSA-PSS with the digest "+p.Hash.Algorithm.String()+" is not supported", scheme.NewString(oid))
				}
			}
			a.hash, a.name = h, "RSASSA-PSS with "+h.String()
			a.goAlg = map[crypto.Hash]x509.SignatureAlgorithm{crypto.SHA256: x509.SHA256WithRSAPSS,
				crypto.SHA384: x509.SHA384WithRSAPSS, crypto.SHA512: x509.SHA512WithRSAPSS}[h]
		}
		return a, nil
	}
	for _, p := range signatureOIDs {
		if p[1] == oid {
			return x509SigAlg{}, Unsupported(who, "the signature algorithm "+p[0]+" is not supported: tlsport has RSA, ECDSA and Ed25519 keys", scheme.NewString(oid))
		}
	}
	return x509SigAlg{}, Unsupported(who, "unknown signature algorithm "+oid, scheme.NewString(oid))
}

// aidArg is the signature algorithm of an aid argument: an OID string
// (*signature-algorithm:…*) or an x509-algorithm-identifier.
func aidArg(who string, pos int, v scheme.Value) (x509SigAlg, error) {
	switch x := v.(type) {
	case *scheme.String:
		return sigAlgOf(who, x.String(), nil)
	case *AlgorithmIdentifier:
		return sigAlgOf(who, x.OID, x.Params)
	}
	return x509SigAlg{}, scheme.TypeError(who, pos, "OID string or x509-algorithm-identifier", v)
}

// identifier is the AlgorithmIdentifier a signature of a carries: NULL
// parameters for PKCS #1 v1.5, the digest and MGF1 for PSS, none for ECDSA
// and Ed25519.
func (a x509SigAlg) identifier() pkix.AlgorithmIdentifier {
	oid, _ := parseOID(a.oid)
	id := pkix.AlgorithmIdentifier{Algorithm: oid}
	switch a.key {
	case "rsa":
		id.Parameters = asn1.NullRawValue
	case "pss":
		var ho asn1.ObjectIdentifier
		for _, o := range hashOIDs {
			if o.hash == a.hash {
				ho, _ = parseOID(o.oid)
			}
		}
		hash := pkix.AlgorithmIdentifier{Algorithm: ho, Parameters: asn1.NullRawValue}
		mgf, _ := asn1.Marshal(hash)
		p, _ := asn1.Marshal(pssParams{Hash: hash, SaltLength: a.hash.Size(), Trailer: 1,
			MGF: pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 8}, Parameters: asn1.RawValue{FullBytes: mgf}}})
		id.Parameters = asn1.RawValue{FullBytes: p}
	}
	return id
}

// keyFits reports whether key k is of the algorithm's kind.
func (a x509SigAlg) keyFits(k crypto.PublicKey) bool {
	switch k.(type) {
	case *rsa.PublicKey:
		return a.key == "rsa" || a.key == "pss"
	case *ecdsa.PublicKey:
		return a.key == "ecdsa"
	case ed25519.PublicKey:
		return a.key == "ed25519"
	}
	return false
}

// digest is what is signed of tbs: its hash, or tbs itself for Ed25519.
func (a x509SigAlg) digest(tbs []byte) ([]byte, error) {
	if a.hash == 0 {
		return tbs, nil
	}
	if !a.hash.Available() {
		return nil, errUnavailable
	}
	h := a.hash.New()
	h.Write(tbs)
	return h.Sum(nil), nil
}

var errUnavailable = errors.New("sagcrypto: digest not available")

// sign signs tbs with signer.
func (a x509SigAlg) sign(who string, signer crypto.Signer, tbs []byte) ([]byte, error) {
	if !a.keyFits(signer.Public()) {
		return nil, scheme.NewError(who, "the key is "+algorithm(signer.Public())+", which cannot sign "+a.name, nil, "type")
	}
	d, err := a.digest(tbs)
	if err != nil {
		return nil, Unsupported(who, a.name+" is not supported", scheme.NewString(a.oid))
	}
	var opts crypto.SignerOpts = a.hash
	if a.key == "pss" {
		opts = &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash, Hash: a.hash}
	}
	sig, err := signer.Sign(rand.Reader, d, opts)
	if err != nil {
		return nil, scheme.NewError(who, "signing failed: "+err.Error(), nil)
	}
	return sig, nil
}

// verify checks sig over tbs with pub.
func (a x509SigAlg) verify(pub crypto.PublicKey, tbs, sig []byte) bool {
	d, err := a.digest(tbs)
	if err != nil || !a.keyFits(pub) {
		return false
	}
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if a.key == "pss" {
			return rsa.VerifyPSS(k, a.hash, d, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto}) == nil
		}
		return rsa.VerifyPKCS1v15(k, a.hash, d, sig) == nil
	case *ecdsa.PublicKey:
		return ecdsa.VerifyASN1(k, d, sig)
	case ed25519.PublicKey:
		return ed25519.Verify(k, d, sig)
	}
	return false
}

// signed is the outer structure of certificates, CSRs and CRLs.
type signed struct {
	TBS       asn1.RawValue
	Algorithm pkix.AlgorithmIdentifier
	Signature asn1.BitString
}

// parseSigned splits a signed structure.
func parseSigned(der []byte) (signed, bool) {
	var s signed
	rest, err := asn1.Unmarshal(der, &s)
	return s, err == nil && len(rest) == 0
}

// aidOf is the x509-algorithm-identifier of the signature of der.
func aidOf(der []byte) scheme.Value {
	s, ok := parseSigned(der)
	if !ok {
		return scheme.False
	}
	return algorithmIdentifier(s.Algorithm)
}

func algorithmIdentifier(id pkix.AlgorithmIdentifier) *AlgorithmIdentifier {
	a := &AlgorithmIdentifier{OID: id.Algorithm.String()}
	if len(id.Parameters.FullBytes) > 0 {
		a.Params = append([]byte(nil), id.Parameters.FullBytes...)
	}
	return a
}

// verifySigned checks the signature of the signed structure der with pub.
// The error is an implementation restriction for an algorithm tlsport
// cannot use; ok is false for a wrong signature.
func verifySigned(who string, der []byte, pub crypto.PublicKey) (ok bool, err error) {
	s, ok := parseSigned(der)
	if !ok {
		return false, scheme.NewError(who, "malformed signed structure", nil)
	}
	a, err := sigAlgOf(who, s.Algorithm.Algorithm.String(), s.Algorithm.Parameters.FullBytes)
	if err != nil {
		return false, err
	}
	return a.verify(pub, s.TBS.FullBytes, s.Signature.RightAlign()), nil
}

// signTBS signs the DER tbs with a and signer and returns the signed
// structure's DER.
func signTBS(who string, a x509SigAlg, signer crypto.Signer, tbs []byte) ([]byte, error) {
	sig, err := a.sign(who, signer, tbs)
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(signed{TBS: asn1.RawValue{FullBytes: tbs}, Algorithm: a.identifier(),
		Signature: asn1.BitString{Bytes: sig, BitLength: 8 * len(sig)}})
}

// signArgs are the aid (a[1]) and the signing key (a[2], what it is named
// in the error) of the sign-…-template procedures.
func signArgs(who string, a []scheme.Value, what string) (x509SigAlg, crypto.Signer, error) {
	alg, err := aidArg(who, 2, a[1])
	if err != nil {
		return alg, nil, err
	}
	signer, ok := Signer(a[2])
	if !ok {
		return alg, nil, scheme.TypeError(who, 3, what, a[2])
	}
	return alg, signer, nil
}
