// Names: OpenSSL one-line and RFC 4514 distinguished names, peer hostnames.

package tlsctx

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"net/netip"
	"strings"
)

// shortName returns the OpenSSL short name of an attribute OID, or the dotted OID.
func shortName(oid asn1.ObjectIdentifier) string {
	if len(oid) == 4 && oid[0] == 2 && oid[1] == 5 && oid[2] == 4 {
		switch oid[3] {
		case 3:
			return "CN"
		case 4:
			return "SN"
		case 5:
			return "serialNumber"
		case 6:
			return "C"
		case 7:
			return "L"
		case 8:
			return "ST"
		case 9:
			return "street"
		case 10:
			return "O"
		case 11:
			return "OU"
		case 12:
			return "title"
		case 15:
			return "businessCategory"
		case 17:
			return "postalCode"
		case 42:
			return "GN"
		case 43:
			return "initials"
		case 46:
			return "dnQualifier"
		case 65:
			return "pseudonym"
		}
	}
	switch oid.String() {
	case "1.2.840.113549.1.9.1":
		return "emailAddress"
	case "0.9.2342.19200300.100.1.25":
		return "DC"
	case "0.9.2342.19200300.100.1.1":
		return "UID"
	}
	return oid.String()
}

// OneLineName formats a DER-encoded Name (e.g. Certificate.RawSubject) in
// OpenSSL's one-line form "/C=NL/O=Example/CN=host", attributes in
// certificate order, non-printable bytes as \xHH.
func OneLineName(raw []byte) string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return ""
	}
	var b strings.Builder
	for _, rdn := range seq {
		for _, atv := range rdn {
			b.WriteByte('/')
			b.WriteString(shortName(atv.Type))
			b.WriteByte('=')
			var v string
			switch x := atv.Value.(type) {
			case string:
				v = x
			case []byte:
				v = string(x)
			default:
				v = fmt.Sprint(x)
			}
			for i := 0; i < len(v); i++ {
				c := v[i]
				if c < 0x20 || c > 0x7e {
					fmt.Fprintf(&b, "\\x%02X", c)
				} else {
					b.WriteByte(c)
				}
			}
		}
	}
	return b.String()
}

// SubjectName / IssuerName return the one-line names of a certificate.
func SubjectName(c *x509.Certificate) string { return OneLineName(c.RawSubject) }

// IssuerName returns the one-line issuer name of c.
func IssuerName(c *x509.Certificate) string { return OneLineName(c.RawIssuer) }

// RFC4514 formats a DER-encoded Name as an RFC 4514 string ("" on error).
func RFC4514(raw []byte) string {
	var seq pkix.RDNSequence
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return ""
	}
	var n pkix.Name
	n.FillFromRDNSequence(&seq)
	return n.String()
}

// CertificateHostnames lists DNS SANs, then IP SANs as text; the subject
// CN only when there are no SANs (ssl-peer-certificate-hostnames).
func CertificateHostnames(c *x509.Certificate) []string {
	out := append([]string{}, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	if len(out) == 0 && c.Subject.CommonName != "" {
		out = append(out, c.Subject.CommonName)
	}
	return out
}

// IsIPLiteral reports whether name is an IP address literal without a
// zone (as net.ParseIP accepts): such a name is never sent as SNI. Unlike
// net.ParseIP it allocates nothing, for a host name neither.
func IsIPLiteral(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F', c == '.', c == ':':
		default:
			return false // a host name: spare netip its error value
		}
	}
	_, err := netip.ParseAddr(name)
	return err == nil
}
