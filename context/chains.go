// Further certificate chains of a server, one picked per client (ssl-add-certificate-chain!; spec §4.10).

package tlsctx

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"slices"

	"github.com/tlsport/tlsport/conditions"
)

// AddCertificateChain adds a further chain (leaf first) and its key to a
// server, after the one of SetCertificate/LoadCertificateChain; Go picks,
// per ClientHello, the first chain the client supports
// (ClientHelloInfo.SupportsCertificate), e.g. ECDSA for modern clients and
// RSA for the others.
func (c *Context) AddCertificateChain(chain []*x509.Certificate, key crypto.Signer) error {
	if c.role != Server {
		return conditions.Config("tlsctx: further certificate chains are for server contexts", nil)
	}
	if len(chain) == 0 || key == nil {
		return conditions.Config("certificate and key required", nil)
	}
	if !publicKeyEqual(key, chain[0].PublicKey) {
		return conditions.Config("key values mismatch", nil)
	}
	tc := tls.Certificate{PrivateKey: key, Leaf: chain[0]}
	for _, x := range chain {
		tc.Certificate = append(tc.Certificate, x.Raw)
	}
	return c.mutate(func(st *state) error {
		st.extraCerts = append(slices.Clip(st.extraCerts), tc)
		return nil
	})
}

// pickCertificate returns the first of certs the client supports, else the first.
func pickCertificate(h *tls.ClientHelloInfo, certs []tls.Certificate) *tls.Certificate {
	if len(certs) == 0 {
		return nil
	}
	for i := range certs {
		if h.SupportsCertificate(&certs[i]) == nil {
			c := certs[i]
			return &c
		}
	}
	c := certs[0]
	return &c
}
