// Package certgen generates test certificates and keys at run time (valid
// around time.Now(), so no committed fixture ever expires) and writes them
// as PEM files.
//
// Typical use in a test:
//
//	s := certgen.MustSet(t)           // CA, leaves, bad certificates, files in t.TempDir()
//	srv := s.Leaf.TLSCertificate()    // tls.Certificate for localhost/127.0.0.1/::1
//	pool := s.CA.Pool()               // roots that trust s.Leaf
//	_ = s.Files.CACert                // PEM file of the CA
//
// For individual certificates use NewCA, (*Cert).Issue and SelfSigned.
package certgen

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// KeyType selects the key algorithm of a generated certificate.
type KeyType int

// Key algorithms.
const (
	ECDSA    KeyType = iota // ECDSA P-256 (the default: fast)
	RSA                     // RSA, Options.RSABits (default 2048)
	Ed25519                 // Ed25519
	ECDSA384                // ECDSA P-384
)

// Options describe a certificate to generate. Zero values get defaults:
// CommonName "test", NotBefore now-1h, NotAfter now+24h, key ECDSA P-256.
type Options struct {
	KeyType     KeyType            // key algorithm (default ECDSA P-256)
	RSABits     int                // for RSA; 0 = 2048
	CommonName  string             // Subject CN (default "test")
	Org         string             // Subject O (optional)
	DNSNames    []string           // DNS subjectAltNames
	IPs         []net.IP           // IP subjectAltNames
	NotBefore   time.Time          // zero = now - 1h
	NotAfter    time.Time          // zero = now + 24h
	IsCA        bool               // a CA certificate (cert and CRL signing)
	ExtKeyUsage []x509.ExtKeyUsage // nil = ServerAuth+ClientAuth for leaves
	Key         crypto.Signer      // use this key instead of generating one
	MustStaple  bool               // add the RFC 7633 must-staple (status_request) feature
}

// Cert is a generated certificate with its private key.
type Cert struct {
	Cert *x509.Certificate // the parsed certificate
	Key  crypto.Signer     // its private key
	DER  []byte            // the certificate's DER encoding
	// Parent is the issuing Cert (nil for self-signed).
	Parent *Cert
}

// localhostIPs are the IPs of the default leaf: 127.0.0.1 and ::1.
func localhostIPs() []net.IP { return []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback} }

// NewKey generates a key of type kt (bits only used for RSA; 0 = 2048).
func NewKey(kt KeyType, bits int) (crypto.Signer, error) {
	switch kt {
	case RSA:
		if bits == 0 {
			bits = 2048
		}
		return rsa.GenerateKey(rand.Reader, bits)
	case Ed25519:
		_, k, err := ed25519.GenerateKey(rand.Reader)
		return k, err
	case ECDSA384:
		return ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	}
	return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	return n.Add(n, big.NewInt(1))
}

func template(o Options) *x509.Certificate {
	now := time.Now()
	nb, na := o.NotBefore, o.NotAfter
	if nb.IsZero() {
		nb = now.Add(-time.Hour)
	}
	if na.IsZero() {
		na = now.Add(24 * time.Hour)
	}
	cn := o.CommonName
	if cn == "" {
		cn = "test"
	}
	subj := pkix.Name{CommonName: cn}
	if o.Org != "" {
		subj.Organization = []string{o.Org}
	}
	t := &x509.Certificate{
		SerialNumber: serial(), Subject: subj, NotBefore: nb, NotAfter: na,
		DNSNames: o.DNSNames, IPAddresses: o.IPs, BasicConstraintsValid: true,
	}
	if o.IsCA {
		t.IsCA = true
		t.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature
	} else {
		t.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
		t.ExtKeyUsage = o.ExtKeyUsage
		if t.ExtKeyUsage == nil {
			t.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
		}
	}
	if o.MustStaple {
		t.ExtraExtensions = append(t.ExtraExtensions, mustStapleExtension)
	}
	return t
}

func create(o Options, parent *Cert) (*Cert, error) {
	key := o.Key
	if key == nil {
		var err error
		if key, err = NewKey(o.KeyType, o.RSABits); err != nil {
			return nil, fmt.Errorf("certgen: %w", err)
		}
	}
	tmpl := template(o)
	ptmpl, pkey := tmpl, key
	if parent != nil {
		ptmpl, pkey = parent.Cert, parent.Key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ptmpl, key.Public(), pkey)
	if err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	return &Cert{Cert: c, Key: key, DER: der, Parent: parent}, nil
}

// NewCA returns a self-signed CA certificate named cn.
func NewCA(cn string, kt KeyType) (*Cert, error) {
	return create(Options{CommonName: cn, KeyType: kt, IsCA: true, Org: "tlsport test"}, nil)
}

// SelfSigned returns a self-signed (non-CA) certificate described by o.
func SelfSigned(o Options) (*Cert, error) { return create(o, nil) }

// Issue returns a certificate described by o, signed by ca.
func (ca *Cert) Issue(o Options) (*Cert, error) { return create(o, ca) }

// Localhost returns Options for a leaf valid for localhost, 127.0.0.1 and ::1.
func Localhost() Options {
	return Options{CommonName: "localhost", DNSNames: []string{"localhost"}, IPs: localhostIPs()}
}

// Chain returns c followed by its issuers, excluding the self-signed root.
func (c *Cert) Chain() []*Cert {
	var out []*Cert
	for x := c; x != nil; x = x.Parent {
		if x.Parent == nil && x != c {
			break
		}
		out = append(out, x)
	}
	return out
}

// TLSCertificate returns c with its key (and any intermediates up to but
// excluding the root) as a tls.Certificate.
func (c *Cert) TLSCertificate() tls.Certificate {
	tc := tls.Certificate{PrivateKey: c.Key, Leaf: c.Cert}
	for _, x := range c.Chain() {
		tc.Certificate = append(tc.Certificate, x.DER)
	}
	return tc
}

// Pool returns a CertPool holding only c.
func (c *Cert) Pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(c.Cert)
	return p
}

// CertPEM returns c's certificate as a PEM block.
func (c *Cert) CertPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.DER})
}

// ChainPEM returns c and its intermediates (see Chain) as PEM blocks.
func (c *Cert) ChainPEM() []byte {
	var out []byte
	for _, x := range c.Chain() {
		out = append(out, x.CertPEM()...)
	}
	return out
}

// KeyPEM returns c's private key as an unencrypted PKCS#8 PEM block.
func (c *Cert) KeyPEM() []byte { return KeyPEM(c.Key) }

// KeyPEM returns key as an unencrypted PKCS#8 "PRIVATE KEY" PEM block.
func KeyPEM(key crypto.Signer) []byte {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// WriteFiles writes dir/name.crt (the chain, PEM) and dir/name.key
// (PKCS#8 PEM) and returns their paths.
func (c *Cert) WriteFiles(dir, name string) (certPath, keyPath string, err error) {
	certPath = filepath.Join(dir, name+".crt")
	keyPath = filepath.Join(dir, name+".key")
	if err = os.WriteFile(certPath, c.ChainPEM(), 0o600); err != nil {
		return "", "", fmt.Errorf("certgen: %w", err)
	}
	if err = os.WriteFile(keyPath, c.KeyPEM(), 0o600); err != nil {
		return "", "", fmt.Errorf("certgen: %w", err)
	}
	return certPath, keyPath, nil
}

// Dated returns a CA and a leaf for localhost, 127.0.0.1 and ::1 issued by
// it, both valid only from notBefore to notAfter: a chain that verifies
// only as of a time in that window (x509.VerifyOptions.CurrentTime), for
// tests of verification at a past or future moment.
func Dated(notBefore, notAfter time.Time) (ca, leaf *Cert, err error) {
	ca, err = create(Options{CommonName: "tlsport dated CA", IsCA: true, Org: "tlsport test",
		NotBefore: notBefore, NotAfter: notAfter}, nil)
	if err != nil {
		return nil, nil, err
	}
	o := Localhost()
	o.NotBefore, o.NotAfter = notBefore, notAfter
	leaf, err = ca.Issue(o)
	return ca, leaf, err
}
