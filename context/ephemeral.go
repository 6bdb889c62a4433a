// Ephemeral self-signed server certificates (Sagittarius fallback, demos).

package tlsctx

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// EphemeralCertificate returns a fresh self-signed ECDSA P-256 certificate
// for localhost, 127.0.0.1 and ::1, valid from one hour ago for 30 days.
func EphemeralCertificate() (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, conditions.Config("", err)
	}
	sn, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: sn.Add(sn, big.NewInt(1)),
		Subject:      pkix.Name{CommonName: "localhost", Organization: []string{"tlsport ephemeral"}},
		NotBefore:    now.Add(-time.Hour), NotAfter: now.Add(30 * 24 * time.Hour),
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, conditions.Config("", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, conditions.Config("", err)
	}
	return cert, key, nil
}

// UseEphemeralCertificate installs a fresh EphemeralCertificate as c's
// chain and key. Clients can trust it via c.Certificate().
func (c *Context) UseEphemeralCertificate() error {
	cert, key, err := EphemeralCertificate()
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		st.chain, st.key = []*x509.Certificate{cert}, key
		return nil
	})
}
