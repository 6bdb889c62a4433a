// Set: a ready-made fixture of good and bad certificates for tests.

package certgen

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Set is a standard fixture. CA is valid from a week ago to a week ahead;
// the other certificates for the usual window (an hour ago to a day
// ahead) unless noted. All leaves except WrongHost and SelfSigned are
// valid for localhost, 127.0.0.1 and ::1. Certificates signed by CA:
// Leaf, Client, Expired, NotYetValid, WrongHost, RSALeaf; by Intermediate
// (itself signed by CA): ChainLeaf; by OtherCA (not trusted by CA.Pool()):
// Unknown.
type Set struct {
	CA           *Cert // root, ECDSA P-256
	Intermediate *Cert // intermediate CA under CA
	OtherCA      *Cert // an unrelated root
	Leaf         *Cert // server leaf
	ChainLeaf    *Cert // leaf under Intermediate (Chain() = leaf, intermediate)
	Client       *Cert // client certificate, CN "client"
	Expired      *Cert // NotAfter one hour ago
	NotYetValid  *Cert // NotBefore in one hour
	WrongHost    *Cert // valid only for wrong.example
	SelfSigned   *Cert // self-signed leaf for localhost
	Unknown      *Cert // leaf for localhost signed by OtherCA
	RSALeaf      *Cert // RSA 2048 leaf for localhost
	Files        Files // where NewSet wrote the PEM files
}

// Files are the PEM files a Set wrote (certificate files hold the chain
// without the root; key files are PKCS#8).
type Files struct {
	Dir                           string // the directory holding the files
	CACert, OtherCACert           string // the roots CA and OtherCA
	LeafCert, LeafKey             string // Leaf: chain and PKCS#8 key
	ChainLeafCert, ChainLeafKey   string // ChainLeaf: chain and PKCS#8 key
	ClientCert, ClientKey         string // Client: chain and PKCS#8 key
	ExpiredCert, ExpiredKey       string // Expired: chain and PKCS#8 key
	WrongHostCert, WrongHostKey   string // WrongHost: chain and PKCS#8 key
	SelfSignedCert, SelfSignedKey string // SelfSigned: chain and PKCS#8 key
	UnknownCert, UnknownKey       string // Unknown: chain and PKCS#8 key
	RSALeafCert, RSALeafKey       string // RSALeaf: chain and PKCS#8 key
}

// NewSet generates a Set and writes its files into dir.
func NewSet(dir string) (*Set, error) {
	s := &Set{}
	var err error
	step := func(f func() (*Cert, error), dst **Cert) {
		if err == nil {
			*dst, err = f()
		}
	}
	now := time.Now()
	step(func() (*Cert, error) {
		// A root valid for a week either side, so the leaves it issues
		// verify as of a past or future moment inside their own window.
		return create(Options{CommonName: "tlsport test CA", IsCA: true, Org: "tlsport test",
			NotBefore: now.Add(-7 * 24 * time.Hour), NotAfter: now.Add(7 * 24 * time.Hour)}, nil)
	}, &s.CA)
	step(func() (*Cert, error) { return NewCA("tlsport other CA", ECDSA) }, &s.OtherCA)
	if err != nil {
		return nil, err
	}
	step(func() (*Cert, error) {
		o := Options{CommonName: "tlsport intermediate", IsCA: true}
		return s.CA.Issue(o)
	}, &s.Intermediate)
	step(func() (*Cert, error) { return s.CA.Issue(Localhost()) }, &s.Leaf)
	step(func() (*Cert, error) { return s.Intermediate.Issue(Localhost()) }, &s.ChainLeaf)
	step(func() (*Cert, error) {
		return s.CA.Issue(Options{CommonName: "client", ExtKeyUsage: nil})
	}, &s.Client)
	step(func() (*Cert, error) {
		o := Localhost()
		o.NotBefore, o.NotAfter = now.Add(-48*time.Hour), now.Add(-time.Hour)
		return s.CA.Issue(o)
	}, &s.Expired)
	step(func() (*Cert, error) {
		o := Localhost()
		o.NotBefore, o.NotAfter = now.Add(time.Hour), now.Add(48*time.Hour)
		return s.CA.Issue(o)
	}, &s.NotYetValid)
	step(func() (*Cert, error) {
		return s.CA.Issue(Options{CommonName: "wrong.example", DNSNames: []string{"wrong.example"}})
	}, &s.WrongHost)
	step(func() (*Cert, error) { return SelfSigned(Localhost()) }, &s.SelfSigned)
	step(func() (*Cert, error) { return s.OtherCA.Issue(Localhost()) }, &s.Unknown)
	step(func() (*Cert, error) {
		o := Localhost()
		o.KeyType = RSA
		return s.CA.Issue(o)
	}, &s.RSALeaf)
	if err != nil {
		return nil, err
	}
	f := &s.Files
	f.Dir = dir
	f.CACert = filepath.Join(dir, "ca.crt")
	f.OtherCACert = filepath.Join(dir, "other-ca.crt")
	if err := os.WriteFile(f.CACert, s.CA.CertPEM(), 0o600); err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	if err := os.WriteFile(f.OtherCACert, s.OtherCA.CertPEM(), 0o600); err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	for _, w := range []struct {
		c        *Cert
		name     string
		crt, key *string
	}{
		{s.Leaf, "leaf", &f.LeafCert, &f.LeafKey},
		{s.ChainLeaf, "chain-leaf", &f.ChainLeafCert, &f.ChainLeafKey},
		{s.Client, "client", &f.ClientCert, &f.ClientKey},
		{s.Expired, "expired", &f.ExpiredCert, &f.ExpiredKey},
		{s.WrongHost, "wrong-host", &f.WrongHostCert, &f.WrongHostKey},
		{s.SelfSigned, "self-signed", &f.SelfSignedCert, &f.SelfSignedKey},
		{s.Unknown, "unknown", &f.UnknownCert, &f.UnknownKey},
		{s.RSALeaf, "rsa-leaf", &f.RSALeafCert, &f.RSALeafKey},
	} {
		if *w.crt, *w.key, err = w.c.WriteFiles(dir, w.name); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// MustSet returns a Set written to tb.TempDir(); it fails tb on error.
func MustSet(tb testing.TB) *Set {
	tb.Helper()
	s, err := NewSet(tb.TempDir())
	if err != nil {
		tb.Fatalf("certgen: %v", err)
	}
	return s
}
