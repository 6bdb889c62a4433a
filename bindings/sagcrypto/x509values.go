// The values of (sagittarius crypto x509): names, validities, algorithm identifiers, subject public key infos, extensions, attributes, templates, CSRs, CRLs and revoked certificates.

package sagcrypto

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/srfi19"
)

// X509Name is an x509-name: a DER-encoded distinguished name (RDNSequence).
type X509Name struct{ Raw []byte }

// X509Validity is an x509-validity: a certificate's validity period.
type X509Validity struct{ NotBefore, NotAfter time.Time }

// AlgorithmIdentifier is an x509-algorithm-identifier: an OID and its
// DER-encoded parameters (nil when absent).
type AlgorithmIdentifier struct {
	OID    string
	Params []byte
}

// SubjectPublicKeyInfo is a subject-public-key-info: its DER encoding and
// the Go public key.
type SubjectPublicKeyInfo struct {
	Raw []byte
	Key crypto.PublicKey
}

// X509Extension is an x509-extension: its OID, criticality and the DER
// contents of its extnValue.
type X509Extension struct{ pkix.Extension }

// X509Attribute is an x509-attribute of a CSR: its type OID and the DER
// encoding of each of its values.
type X509Attribute struct {
	Type   string
	Values [][]byte
}

// CertificateTemplate is an x509-certificate-template.
type CertificateTemplate struct {
	Issuer, Subject         []byte
	Serial                  *big.Int
	NotBefore, NotAfter     time.Time
	Public                  crypto.PublicKey
	IssuerUID, SubjectUID   []byte
	Extensions              []pkix.Extension
	hasIssuerUID, hasSubUID bool
}

// CSRTemplate is an x509-certification-request-template.
type CSRTemplate struct {
	Subject    []byte
	Attributes []*X509Attribute
}

// CRLTemplate is an x509-certificate-revocation-list-template.
type CRLTemplate struct {
	Issuer                 []byte
	ThisUpdate, NextUpdate time.Time
	Revoked                []*RevokedCertificate
	Extensions             []pkix.Extension
}

// CSR is an x509-certification-request.
type CSR struct{ R *x509.CertificateRequest }

// CRL is an x509-certificate-revocation-list.
type CRL struct{ L *x509.RevocationList }

// RevokedCertificate is an x509-revoked-certificate: a CRL entry.
type RevokedCertificate struct{ pkix.RevokedCertificate }

// TypeName implements scheme.Value.
func (*X509Name) TypeName() string { return "x509-name" }

// TypeName implements scheme.Value.
func (*X509Validity) TypeName() string { return "x509-validity" }

// TypeName implements scheme.Value.
func (*AlgorithmIdentifier) TypeName() string { return "x509-algorithm-identifier" }

// TypeName implements scheme.Value.
func (*SubjectPublicKeyInfo) TypeName() string { return "subject-public-key-info" }

// TypeName implements scheme.Value.
func (*X509Extension) TypeName() string { return "x509-extension" }

// TypeName implements scheme.Value.
func (*X509Attribute) TypeName() string { return "x509-attribute" }

// TypeName implements scheme.Value.
func (*CertificateTemplate) TypeName() string { return "x509-certificate-template" }

// TypeName implements scheme.Value.
func (*CSRTemplate) TypeName() string { return "x509-certification-request-template" }

// TypeName implements scheme.Value.
func (*CRLTemplate) TypeName() string { return "x509-certificate-revocation-list-template" }

// TypeName implements scheme.Value.
func (*CSR) TypeName() string { return "x509-certification-request" }

// TypeName implements scheme.Value.
func (*CRL) TypeName() string { return "x509-certificate-revocation-list" }

// TypeName implements scheme.Value.
func (*RevokedCertificate) TypeName() string { return "x509-revoked-certificate" }

// Repr implements scheme.Repr.
func (n *X509Name) Repr() string { return "#<x509-name " + nameString(n.Raw) + ">" }

// Repr implements scheme.Repr.
func (v *X509Validity) Repr() string {
	return "#<x509-validity " + v.NotBefore.UTC().Format(time.RFC3339) + " " + v.NotAfter.UTC().Format(time.RFC3339) + ">"
}

// Repr implements scheme.Repr.
func (a *AlgorithmIdentifier) Repr() string { return "#<x509-algorithm-identifier " + a.OID + ">" }

// Repr implements scheme.Repr.
func (s *SubjectPublicKeyInfo) Repr() string {
	return "#<subject-public-key-info " + algorithm(s.Key) + ">"
}

// Repr implements scheme.Repr.
func (e *X509Extension) Repr() string { return "#<x509-extension " + e.Id.String() + ">" }

// Repr implements scheme.Repr.
func (a *X509Attribute) Repr() string { return "#<x509-attribute " + a.Type + ">" }

// Repr implements scheme.Repr.
func (c *CSR) Repr() string {
	return "#<x509-certification-request " + nameString(c.R.RawSubject) + ">"
}

// Repr implements scheme.Repr.
func (c *CRL) Repr() string {
	return "#<x509-certificate-revocation-list " + nameString(c.L.RawIssuer) + ">"
}

// Repr implements scheme.Repr.
func (r *RevokedCertificate) Repr() string {
	return "#<x509-revoked-certificate " + r.SerialNumber.String() + ">"
}

var (
	_ scheme.Repr = (*X509Name)(nil)
	_ scheme.Repr = (*X509Validity)(nil)
	_ scheme.Repr = (*AlgorithmIdentifier)(nil)
	_ scheme.Repr = (*SubjectPublicKeyInfo)(nil)
	_ scheme.Repr = (*X509Extension)(nil)
	_ scheme.Repr = (*X509Attribute)(nil)
	_ scheme.Repr = (*CSR)(nil)
	_ scheme.Repr = (*CRL)(nil)
	_ scheme.Repr = (*RevokedCertificate)(nil)
)

// The parameter types of (sagittarius crypto x509), static data.
var (
	typeName      = &scheme.Type{Name: "x509-name", Accept: func(v scheme.Value) bool { _, ok := v.(*X509Name); return ok }}
	typeValidity  = &scheme.Type{Name: "x509-validity", Accept: func(v scheme.Value) bool { _, ok := v.(*X509Validity); return ok }}
	typeAID       = &scheme.Type{Name: "x509-algorithm-identifier", Accept: func(v scheme.Value) bool { _, ok := v.(*AlgorithmIdentifier); return ok }}
	typeSPKI      = &scheme.Type{Name: "subject-public-key-info", Accept: func(v scheme.Value) bool { _, ok := v.(*SubjectPublicKeyInfo); return ok }}
	typeExtension = &scheme.Type{Name: "x509-extension", Accept: func(v scheme.Value) bool { _, ok := v.(*X509Extension); return ok }}
	typeAttribute = &scheme.Type{Name: "x509-attribute", Accept: func(v scheme.Value) bool { _, ok := v.(*X509Attribute); return ok }}
	typeCertTmpl  = &scheme.Type{Name: "x509-certificate-template", Accept: func(v scheme.Value) bool { _, ok := v.(*CertificateTemplate); return ok }}
	typeCSRTmpl   = &scheme.Type{Name: "x509-certification-request-template", Accept: func(v scheme.Value) bool { _, ok := v.(*CSRTemplate); return ok }}
	typeCRLTmpl   = &scheme.Type{Name: "x509-certificate-revocation-list-template", Accept: func(v scheme.Value) bool { _, ok := v.(*CRLTemplate); return ok }}
	typeCSR       = &scheme.Type{Name: "x509-certification-request", Accept: func(v scheme.Value) bool { _, ok := v.(*CSR); return ok }}
	typeCRL       = &scheme.Type{Name: "x509-certificate-revocation-list", Accept: func(v scheme.Value) bool { _, ok := v.(*CRL); return ok }}
	typeRevoked   = &scheme.Type{Name: "x509-revoked-certificate", Accept: func(v scheme.Value) bool { _, ok := v.(*RevokedCertificate); return ok }}
	typePublicKey = &scheme.Type{Name: "public-key", Accept: func(v scheme.Value) bool { _, ok := v.(*PublicKey); return ok }}
	typeKeyPair   = &scheme.Type{Name: "key-pair", Accept: func(v scheme.Value) bool { _, ok := v.(*KeyPair); return ok }}
)

// nameAttributes are the symbols of name components, in the document's
// order, with their OIDs; C (country) too.
var nameAttributes = [][2]string{
	{"CN", "2.5.4.3"}, {"L", "2.5.4.7"}, {"ST", "2.5.4.8"}, {"O", "2.5.4.10"}, {"OU", "2.5.4.11"},
	{"STREET", "2.5.4.9"}, {"DC", "0.9.2342.19200300.100.1.25"}, {"UID", "0.9.2342.19200300.100.1.1"},
	{"Name", "2.5.4.41"}, {"SURNAME", "2.5.4.4"}, {"GIVENNAME", "2.5.4.42"}, {"T", "2.5.4.12"},
	{"DN", "2.5.4.46"}, {"SERIALNUMBER", "2.5.4.5"}, {"Pseudonym", "2.5.4.65"}, {"E", "1.2.840.113549.1.9.1"},
	{"C", "2.5.4.6"},
}

// parseOID parses a dotted OID string.
func parseOID(s string) (asn1.ObjectIdentifier, bool) {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return nil, false
	}
	oid := make(asn1.ObjectIdentifier, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || p[0] == '+' {
			return nil, false
		}
		oid[i] = n
	}
	if oid[0] > 2 || (oid[0] < 2 && oid[1] >= 40) {
		return nil, false
	}
	return oid, true
}

// attributeOID is the OID of a name component key: a symbol of
// nameAttributes (any case) or a dotted OID.
func attributeOID(key string) (asn1.ObjectIdentifier, bool) {
	for _, a := range nameAttributes {
		if strings.EqualFold(a[0], key) {
			oid, _ := parseOID(a[1])
			return oid, true
		}
	}
	return parseOID(key)
}

// attributeKey is the symbol of oid in a name's string form, or its dotted
// form.
func attributeKey(oid asn1.ObjectIdentifier) string {
	s := oid.String()
	for _, a := range nameAttributes {
		if a[1] == s {
			return a[0]
		}
	}
	return s
}

// nameValue is the DER encoding of the string value of a name component:
// IA5String for e-mail addresses and domain components, else
// PrintableString when it can be, else UTF8String.
func nameValue(oid asn1.ObjectIdentifier, v string) (asn1.RawValue, error) {
	tag := asn1.TagUTF8String
	switch s := oid.String(); {
	case s == "1.2.840.113549.1.9.1" || s == "0.9.2342.19200300.100.1.25":
		tag = asn1.TagIA5String
		for _, r := range v {
			if r > 127 {
				tag = asn1.TagUTF8String
			}
		}
	case s == "2.5.4.6" || s == "2.5.4.5" || s == "2.5.4.46":
		tag = asn1.TagPrintableString
	default:
		if _, err := asn1.MarshalWithParams(v, "printable"); err == nil {
			tag = asn1.TagPrintableString
		}
	}
	return asn1.RawValue{Tag: tag, Bytes: []byte(v)}, nil
}

// rdn is one attribute of a name: the key as given and the value.
type rdn struct {
	oid   asn1.ObjectIdentifier
	value string
	multi bool // joined to the previous attribute by + (one RDN)
}

// encodeName encodes the components in order as an RDNSequence.
func encodeName(comps []rdn) ([]byte, error) {
	type atv struct {
		Type  asn1.ObjectIdentifier
		Value asn1.RawValue
	}
	var seq []asn1.RawValue
	var set []atv
	flush := func() error {
		if len(set) == 0 {
			return nil
		}
		b, err := asn1.MarshalWithParams(set, "set")
		seq, set = append(seq, asn1.RawValue{FullBytes: b}), nil
		return err
	}
	for _, c := range comps {
		if !c.multi {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		v, err := nameValue(c.oid, c.value)
		if err != nil {
			return nil, err
		}
		set = append(set, atv{c.oid, v})
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if seq == nil {
		return []byte{0x30, 0}, nil
	}
	return asn1.Marshal(seq)
}

// nameString is the RFC 4514 string of a DER name: its RDNs last first,
// the keys of nameAttributes, unknown values as #hex.
func nameString(raw []byte) string {
	var seq pkix.RDNSequence
	if rest, err := asn1.Unmarshal(raw, &seq); err != nil || len(rest) > 0 {
		return ""
	}
	var b strings.Builder
	for i := len(seq) - 1; i >= 0; i-- {
		if i < len(seq)-1 {
			b.WriteByte(',')
		}
		for j, a := range seq[i] {
			if j > 0 {
				b.WriteByte('+')
			}
			b.WriteString(attributeKey(a.Type) + "=")
			if s, ok := a.Value.(string); ok {
				b.WriteString(escapeDN(s))
			} else if der, err := asn1.Marshal(a.Value); err == nil {
				b.WriteString("#" + hex.EncodeToString(der))
			}
		}
	}
	return b.String()
}

// escapeDN escapes an attribute value as RFC 4514 §2.4 asks.
func escapeDN(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune(",+\"\\<>;", r),
			i == 0 && (r == ' ' || r == '#'),
			i == len(s)-1 && r == ' ':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == 0:
			b.WriteString(`\00`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parseDN parses an RFC 4514 string into components in encoding order
// (the string's last RDN first).
func parseDN(s string) ([]rdn, bool) {
	var rdns [][]rdn
	var cur []rdn
	var key, val strings.Builder
	inKey := true
	end := func(multi bool) bool {
		oid, ok := attributeOID(strings.TrimSpace(key.String()))
		if !ok || inKey {
			return false
		}
		cur = append(cur, rdn{oid: oid, value: strings.TrimRight(val.String(), " "), multi: len(cur) > 0})
		key.Reset()
		val.Reset()
		inKey = true
		if !multi {
			rdns, cur = append(rdns, cur), nil
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inKey && c == '=':
			inKey = false
		case inKey:
			key.WriteByte(c)
		case c == '\\' && i+1 < len(s):
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
				val.WriteByte(byte(n))
				i += 2
			} else {
				val.WriteByte(s[i+1])
				i++
			}
		case c == ',' || c == ';' || c == '+':
			if !end(c == '+') {
				return nil, false
			}
		case c == ' ' && val.Len() == 0:
		default:
			val.WriteByte(c)
		}
	}
	if strings.TrimSpace(s) != "" && !end(false) {
		return nil, false
	}
	var out []rdn
	for i := len(rdns) - 1; i >= 0; i-- {
		out = append(out, rdns[i]...)
	}
	return out, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// dateOf is the SRFI-19 date (UTC) of t.
func dateOf(t time.Time) scheme.Value {
	t = t.UTC()
	return &srfi19.Date{Nanosecond: t.Nanosecond(), Second: t.Second(), Minute: t.Minute(), Hour: t.Hour(),
		Day: t.Day(), Month: int(t.Month()), Year: t.Year()}
}

// timeOf is the Go time of an SRFI-19 date.
func timeOf(d *srfi19.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond,
		time.FixedZone("", d.ZoneOffset))
}

// whenArg is the time of an optional date argument, now when absent.
func whenArg(who string, pos int, v scheme.Value) (time.Time, error) {
	if scheme.IsDefault(v) {
		return time.Now(), nil
	}
	d, ok := v.(*srfi19.Date)
	if !ok {
		return time.Time{}, scheme.TypeError(who, pos, "date", v)
	}
	return timeOf(d), nil
}

// oidString is the dotted OID of a string argument (an OID string or the
// value of an *extension:…* constant).
func oidString(who string, pos int, v scheme.Value) (string, error) {
	s, ok := v.(*scheme.String)
	if ok {
		if _, ok = parseOID(s.String()); ok {
			return s.String(), nil
		}
	}
	return "", scheme.TypeError(who, pos, "OID string such as \"2.5.29.19\"", v)
}

// extensionList is the Scheme list of extensions.
func extensionList(exts []pkix.Extension) scheme.Value {
	out := make([]scheme.Value, len(exts))
	for i, e := range exts {
		out[i] = &X509Extension{e}
	}
	return scheme.List(out...)
}

// listOf is the elements of the list v of T, argument pos of who (want
// names the list in the error).
func listOf[T scheme.Value](who string, pos int, want string, v scheme.Value) ([]T, error) {
	items, ok := scheme.ListToSlice(v)
	out := make([]T, 0, len(items))
	for _, x := range items {
		t, isT := x.(T)
		if !isT {
			ok = false
			break
		}
		out = append(out, t)
	}
	if !ok {
		return nil, scheme.TypeError(who, pos, want, v)
	}
	return out, nil
}

// extensionsArg is the list of x509-extension v, argument pos of who.
func extensionsArg(who string, pos int, v scheme.Value) ([]pkix.Extension, error) {
	exts, err := listOf[*X509Extension](who, pos, "list of x509-extension", v)
	var out []pkix.Extension
	for _, e := range exts {
		out = append(out, e.Extension)
	}
	return out, err
}

// bytevector is a fresh bytevector of b.
func bytevector(b []byte) scheme.Value { return &scheme.Bytevector{B: append([]byte(nil), b...)} }
