// Revocation fixtures: CRLs and OCSP responses signed by a generated CA.

package certgen

import (
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"time"

	"golang.org/x/crypto/ocsp"
)

// mustStapleExtension is the TLS Feature extension (RFC 7633) listing
// status_request (5).
var mustStapleExtension = pkix.Extension{
	Id:    asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 24},
	Value: []byte{0x30, 0x03, 0x02, 0x01, 0x05},
}

// Revoked is one CRL entry: the revoked certificate and the RFC 5280
// reason code.
type Revoked struct {
	Cert   *Cert
	Reason int
}

// CRLOptions describe a CRL to generate. Zero values: ThisUpdate now-1h,
// NextUpdate now+24h, Number from the clock.
type CRLOptions struct {
	Revoked    []Revoked
	ThisUpdate time.Time
	NextUpdate time.Time
	Number     int64
}

// CRL returns a PEM CRL issued by ca listing o.Revoked.
func (ca *Cert) CRL(o CRLOptions) ([]byte, error) {
	now := time.Now()
	if o.ThisUpdate.IsZero() {
		o.ThisUpdate = now.Add(-time.Hour)
	}
	if o.NextUpdate.IsZero() {
		o.NextUpdate = now.Add(24 * time.Hour)
	}
	if o.Number == 0 {
		o.Number = now.UnixNano()
	}
	tmpl := &x509.RevocationList{Number: big.NewInt(o.Number), ThisUpdate: o.ThisUpdate, NextUpdate: o.NextUpdate}
	for _, r := range o.Revoked {
		tmpl.RevokedCertificateEntries = append(tmpl.RevokedCertificateEntries, x509.RevocationListEntry{
			SerialNumber: r.Cert.Cert.SerialNumber, RevocationTime: now.Add(-30 * time.Minute), ReasonCode: r.Reason,
		})
	}
	der, err := x509.CreateRevocationList(rand.Reader, tmpl, ca.Cert, ca.Key)
	if err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der}), nil
}

// OCSP statuses of OCSPResponse.
const (
	OCSPGood    = ocsp.Good
	OCSPRevoked = ocsp.Revoked
	OCSPUnknown = ocsp.Unknown
)

// OCSPResponse returns a DER OCSP response for c, signed by its issuer
// (c.Parent), with status (OCSPGood, OCSPRevoked, OCSPUnknown) and, for
// revoked, the reason code. nextUpdate zero means now+24h; a past value
// gives an expired response.
func (c *Cert) OCSPResponse(status, reason int, nextUpdate time.Time) ([]byte, error) {
	if c.Parent == nil {
		return nil, fmt.Errorf("certgen: %s has no issuer", c.Cert.Subject)
	}
	now := time.Now()
	if nextUpdate.IsZero() {
		nextUpdate = now.Add(24 * time.Hour)
	}
	tmpl := ocsp.Response{
		Status: status, SerialNumber: c.Cert.SerialNumber,
		ThisUpdate: nextUpdate.Add(-25 * time.Hour), NextUpdate: nextUpdate,
		RevokedAt: now.Add(-30 * time.Minute), RevocationReason: reason,
	}
	der, err := ocsp.CreateResponse(c.Parent.Cert, c.Parent.Cert, tmpl, c.Parent.Key)
	if err != nil {
		return nil, fmt.Errorf("certgen: %w", err)
	}
	return der, nil
}
