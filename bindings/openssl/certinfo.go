// Certificate description alists: the certificate keys of ssl-status and ssl-certificate-info (spec §1.3.3, §1.3.5).

package openssl

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

// opensslTime is OpenSSL's text form of a certificate time.
const opensslTime = "Jan _2 15:04:05 2006 GMT"

// sigAlgNames are OpenSSL's long names of the signature algorithms Go knows.
var sigAlgNames = sync.OnceValue(func() map[x509.SignatureAlgorithm][2]string {
	return map[x509.SignatureAlgorithm][2]string{ // name, digest
		x509.MD5WithRSA: {"md5WithRSAEncryption", "md5"}, x509.SHA1WithRSA: {"sha1WithRSAEncryption", "sha1"},
		x509.SHA256WithRSA: {"sha256WithRSAEncryption", "sha256"}, x509.SHA384WithRSA: {"sha384WithRSAEncryption", "sha384"},
		x509.SHA512WithRSA: {"sha512WithRSAEncryption", "sha512"}, x509.ECDSAWithSHA1: {"ecdsa-with-SHA1", "sha1"},
		x509.ECDSAWithSHA256: {"ecdsa-with-SHA256", "sha256"}, x509.ECDSAWithSHA384: {"ecdsa-with-SHA384", "sha384"},
		x509.ECDSAWithSHA512: {"ecdsa-with-SHA512", "sha512"}, x509.SHA256WithRSAPSS: {"rsassaPss", "sha256"},
		x509.SHA384WithRSAPSS: {"rsassaPss", "sha384"}, x509.SHA512WithRSAPSS: {"rsassaPss", "sha512"},
		x509.PureEd25519: {"ED25519", "none"}, x509.DSAWithSHA1: {"dsaWithSHA1", "sha1"},
		x509.DSAWithSHA256: {"dsa_with_SHA256", "sha256"},
	}
})

// extNames are OpenSSL's long names of common extension OIDs.
var extNames = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"2.5.29.14": "X509v3 Subject Key Identifier", "2.5.29.15": "X509v3 Key Usage",
		"2.5.29.17": "X509v3 Subject Alternative Name", "2.5.29.18": "X509v3 Issuer Alternative Name",
		"2.5.29.19": "X509v3 Basic Constraints", "2.5.29.30": "X509v3 Name Constraints",
		"2.5.29.31": "X509v3 CRL Distribution Points", "2.5.29.32": "X509v3 Certificate Policies",
		"2.5.29.35": "X509v3 Authority Key Identifier", "2.5.29.37": "X509v3 Extended Key Usage",
		"1.3.6.1.5.5.7.1.1": "Authority Information Access", "1.3.6.1.4.1.11129.2.4.2": "CT Precertificate SCTs",
		"1.3.6.1.5.5.7.1.24": "TLS Feature",
	}
})

func hexUpper(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }

// tbsUniqueIDs parses the optional issuer/subject unique IDs of a
// TBSCertificate (x509.Certificate does not keep them).
func tbsUniqueIDs(raw []byte) (issuer, subject []byte) {
	var tbs struct {
		Raw        asn1.RawContent
		Version    int `asn1:"optional,explicit,default:0,tag:0"`
		Serial     *big.Int
		SigAlg     asn1.RawValue
		Issuer     asn1.RawValue
		Validity   asn1.RawValue
		Subject    asn1.RawValue
		PublicKey  asn1.RawValue
		IssuerUID  asn1.BitString `asn1:"optional,tag:1"`
		SubjectUID asn1.BitString `asn1:"optional,tag:2"`
		Extensions asn1.RawValue  `asn1:"optional,explicit,tag:3"`
	}
	if _, err := asn1.Unmarshal(raw, &tbs); err != nil {
		return nil, nil
	}
	return tbs.IssuerUID.Bytes, tbs.SubjectUID.Bytes
}

// publicKeyInfo returns the OpenSSL key algorithm name, the subject public
// key bits and the key size.
func publicKeyInfo(c *x509.Certificate) (alg string, key []byte, bits int) {
	var spki struct {
		Algorithm asn1.RawValue
		Key       asn1.BitString
	}
	if _, err := asn1.Unmarshal(c.RawSubjectPublicKeyInfo, &spki); err == nil {
		key = spki.Key.Bytes
	}
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		return "rsaEncryption", key, k.N.BitLen()
	case *ecdsa.PublicKey:
		return "id-ecPublicKey", key, k.Curve.Params().BitSize
	case ed25519.PublicKey:
		return "ED25519", key, 256
	}
	return c.PublicKeyAlgorithm.String(), key, 0
}

// subjectAltNames renders the SANs as OpenSSL does ("DNS:…", "IP:…" …).
func subjectAltNames(c *x509.Certificate) []string {
	var out []string
	for _, n := range c.DNSNames {
		out = append(out, "DNS:"+n)
	}
	for _, ip := range c.IPAddresses {
		out = append(out, "IP:"+ip.String())
	}
	for _, e := range c.EmailAddresses {
		out = append(out, "email:"+e)
	}
	for _, u := range c.URIs {
		out = append(out, "URI:"+u.String())
	}
	return out
}

func extensionNames(c *x509.Certificate) []string {
	out := make([]string, len(c.Extensions))
	for i, e := range c.Extensions {
		if n, ok := extNames()[e.Id.String()]; ok {
			out[i] = n
		} else {
			out[i] = e.Id.String()
		}
	}
	return out
}

func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawSubject, c.RawIssuer) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// optHex is the hex of b, or #f when empty.
func optHex(b []byte) scheme.Value {
	if len(b) == 0 {
		return scheme.False
	}
	return scheme.NewString(hexUpper(b))
}

func strs(ss []string) scheme.Value {
	vals := make([]scheme.Value, len(ss))
	for i, s := range ss {
		vals[i] = scheme.NewString(s)
	}
	return scheme.List(vals...)
}

// alist builds an association list from key/value pairs.
type alist []scheme.Value

func (a *alist) add(key string, v scheme.Value) { *a = append(*a, scheme.Cons(scheme.Intern(key), v)) }
func (a *alist) str(key, s string)              { a.add(key, scheme.NewString(s)) }
func (a alist) list() scheme.Value              { return scheme.List(a...) }

// certificateInfo appends the certificate keys of the ssl-status table for c.
func certificateInfo(a *alist, c *x509.Certificate) {
	alg, key, bits := publicKeyInfo(c)
	sig := sigAlgNames()[c.SignatureAlgorithm]
	if sig[0] == "" {
		sig = [2]string{c.SignatureAlgorithm.String(), "unknown"}
	}
	iu, su := tbsUniqueIDs(c.RawTBSCertificate)
	s1, s256 := sha1.Sum(c.Raw), sha256.Sum256(c.Raw)
	a.add("version", scheme.Fixnum(c.Version))
	a.str("serial-number", fmt.Sprintf("%X", c.SerialNumber))
	a.str("signature", sig[0])
	a.str("signature-algorithm", sig[0])
	a.str("issuer", c.Issuer.String())
	a.str("subject", c.Subject.String())
	a.str("not-before", c.NotBefore.UTC().Format(opensslTime))
	a.str("not-after", c.NotAfter.UTC().Format(opensslTime))
	a.add("issuer-unique-id", optHex(iu))
	a.add("subject-unique-id", optHex(su))
	a.add("num-extensions", scheme.Fixnum(len(c.Extensions)))
	a.add("extensions", strs(extensionNames(c)))
	a.add("authority-key-identifier", optHex(c.AuthorityKeyId))
	a.add("subject-key-identifier", optHex(c.SubjectKeyId))
	a.add("subject-alt-name", strs(subjectAltNames(c)))
	a.add("ocsp", strs(c.OCSPServer))
	a.str("certificate", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})))
	a.str("signature-value", hexUpper(c.Signature))
	a.str("signature-digest", sig[1])
	a.str("public-key-algorithm", alg)
	a.str("public-key", hexUpper(key))
	a.add("bits", scheme.Fixnum(bits))
	a.add("self-signed", scheme.MakeBool(selfSigned(c)))
	a.str("sha1-hash", hexUpper(s1[:]))
	a.str("sha256-hash", hexUpper(s256[:]))
	a.str("all", certificateText(c, sig[0], alg, bits))
}

// certificateText is a dump in the style of `openssl x509 -text`.
func certificateText(c *x509.Certificate, sig, alg string, bits int) string {
	var b strings.Builder
	w := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat(" ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	w(0, "Certificate:")
	w(4, "Data:")
	w(8, "Version: %d (0x%x)", c.Version, c.Version-1)
	w(8, "Serial Number: %X", c.SerialNumber)
	w(8, "Signature Algorithm: %s", sig)
	w(8, "Issuer: %s", c.Issuer.String())
	w(8, "Validity")
	w(12, "Not Before: %s", c.NotBefore.UTC().Format(opensslTime))
	w(12, "Not After : %s", c.NotAfter.UTC().Format(opensslTime))
	w(8, "Subject: %s", c.Subject.String())
	w(8, "Subject Public Key Info:")
	w(12, "Public Key Algorithm: %s", alg)
	w(16, "Public-Key: (%d bit)", bits)
	if len(c.Extensions) > 0 {
		w(8, "X509v3 extensions:")
		for _, n := range extensionNames(c) {
			w(12, "%s", n)
		}
		if sans := subjectAltNames(c); len(sans) > 0 {
			w(16, "Subject Alternative Name: %s", strings.Join(sans, ", "))
		}
	}
	w(4, "Signature Algorithm: %s", sig)
	w(4, "Signature Value: %s", hexUpper(c.Signature))
	return b.String()
}

// certificateAlist is ssl-certificate-info's result.
func certificateAlist(c *x509.Certificate) scheme.Value {
	var a alist
	certificateInfo(&a, c)
	return a.list()
}
