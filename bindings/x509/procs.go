// The (rfc x509) procedures: parsing, reading from ports, names, serial, validity.

package x509

import (
	"bytes"
	stdx509 "crypto/x509"
	"encoding/pem"
	"strings"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// Name is an x509-name: a DER-encoded distinguished name.
type Name struct{ Raw []byte }

// TypeName implements scheme.Value.
func (*Name) TypeName() string { return "x509-name" }

// Repr implements scheme.Repr.
func (n *Name) Repr() string { return "#<x509-name " + tlsctx.RFC4514(n.Raw) + ">" }

// Validity is the validity period of a certificate.
type Validity struct{ NotBefore, NotAfter time.Time }

// TypeName implements scheme.Value.
func (*Validity) TypeName() string { return "x509-validity" }

// Repr implements scheme.Repr.
func (v *Validity) Repr() string {
	return "#<x509-validity " + (&Date{v.NotBefore}).String() + " " + (&Date{v.NotAfter}).String() + ">"
}

var (
	_ scheme.Repr = (*Name)(nil)
	_ scheme.Repr = (*Validity)(nil)
)

func certArg(who string, v scheme.Value) (*stdx509.Certificate, error) {
	if c, ok := v.(*tlsval.Certificate); ok {
		return c.C, nil
	}
	return nil, scheme.TypeError(who, 1, "x509-certificate", v)
}

// certProc is the (rfc x509) certificate accessor who.
func certProc(who string, get func(*stdx509.Certificate) scheme.Value) scheme.PrimFn {
	return tlsval.CertificateAccessor(who, "x509-certificate", get)
}

// parse parses one DER certificate.
func parse(who string, der []byte) (scheme.Value, error) {
	c, err := stdx509.ParseCertificate(der)
	if err != nil {
		return nil, conditions.Config("x509: cannot parse certificate", err).WithLocation(who)
	}
	return &tlsval.Certificate{C: c}, nil
}

func bytevectorToX509Certificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return parse("bytevector->x509-certificate", a[0].(*scheme.Bytevector).B)
}

func makeX509Certificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-x509-certificate"
	switch x := a[0].(type) {
	case *scheme.Bytevector:
		return parse(who, x.B)
	case *scheme.Port:
		return readCertificate(th, who, x)
	}
	return nil, scheme.TypeError(who, 1, "bytevector or binary input port", a[0])
}

func readX509Certificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "read-x509-certificate"
	p, ok := a[0].(*scheme.Port)
	if !ok || !p.IsInput() {
		return nil, scheme.TypeError(who, 1, "input port", a[0])
	}
	return readCertificate(th, who, p)
}

// call applies the global procedure name (a port primitive) to args.
func call(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	f, ok := th.Interp().Lookup(name)
	if !ok {
		return nil, scheme.Errorf("x509: %s is not available", name)
	}
	return th.Call(f, args...)
}

// readCertificate reads the next certificate of p: DER when it starts
// with a SEQUENCE tag (#x30), else PEM text up to its END line. The EOF
// object when p is at its end.
func readCertificate(th *scheme.Thread, who string, p *scheme.Port) (scheme.Value, error) {
	first, err := call(th, "peek-u8", p)
	if err != nil {
		return nil, err
	}
	if first == scheme.EOF {
		return scheme.EOF, nil
	}
	if first == scheme.Value(scheme.Fixnum(0x30)) {
		return readDER(th, who, p)
	}
	var b strings.Builder
	in := false
	for {
		line, err := call(th, "read-line", p)
		if err != nil {
			return nil, err
		}
		if line == scheme.EOF {
			if !in {
				return scheme.EOF, nil
			}
			return nil, conditions.Config("x509: PEM certificate ends early", nil).WithLocation(who)
		}
		s := strings.TrimSpace(scheme.DisplayString(line))
		if s == "-----BEGIN CERTIFICATE-----" {
			in = true
		}
		if in {
			b.WriteString(s + "\n")
		}
		if in && s == "-----END CERTIFICATE-----" {
			break
		}
	}
	blk, _ := pem.Decode([]byte(b.String()))
	if blk == nil {
		return nil, conditions.Config("x509: malformed PEM certificate", nil).WithLocation(who)
	}
	return parse(who, blk.Bytes)
}

// readDER reads one ASN.1 SEQUENCE (tag, length, contents) from p.
func readDER(th *scheme.Thread, who string, p *scheme.Port) (scheme.Value, error) {
	read := func(n int) ([]byte, error) {
		v, err := call(th, "read-bytevector", scheme.Fixnum(n), p)
		if err != nil {
			return nil, err
		}
		bv, ok := v.(*scheme.Bytevector)
		if !ok || len(bv.B) != n {
			return nil, conditions.Config("x509: DER certificate ends early", nil).WithLocation(who)
		}
		return bv.B, nil
	}
	hdr, err := read(2)
	if err != nil {
		return nil, err
	}
	length := int(hdr[1])
	var der bytes.Buffer
	der.Write(hdr)
	if hdr[1]&0x80 != 0 {
		k := int(hdr[1] & 0x7f)
		if k == 0 || k > 4 {
			return nil, conditions.Config("x509: bad DER length", nil).WithLocation(who)
		}
		lb, err := read(k)
		if err != nil {
			return nil, err
		}
		der.Write(lb)
		length = 0
		for _, x := range lb {
			length = length<<8 | int(x)
		}
	}
	if length > 1<<24 {
		return nil, conditions.Config("x509: certificate too large", nil).WithLocation(who)
	}
	body, err := read(length)
	if err != nil {
		return nil, err
	}
	der.Write(body)
	return parse(who, der.Bytes())
}

var x509CertificateToBytevector = certProc("x509-certificate->bytevector", tlsval.CertificateDER)

func subjectDN(c *stdx509.Certificate) scheme.Value { return &Name{Raw: c.RawSubject} }
func issuerDN(c *stdx509.Certificate) scheme.Value  { return &Name{Raw: c.RawIssuer} }
func serialNumber(c *stdx509.Certificate) scheme.Value {
	return scheme.NormBig(c.SerialNumber)
}

var x509CertificateSubjectDn = certProc("x509-certificate-subject-dn", subjectDN)

var x509CertificateIssuerDn = certProc("x509-certificate-issuer-dn", issuerDN)

func x509NameToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, ok := a[0].(*Name)
	if !ok {
		return nil, scheme.TypeError("x509-name->string", 1, "x509-name", a[0])
	}
	return scheme.NewString(tlsctx.RFC4514(n.Raw)), nil
}

var x509CertificateSerialNumber = certProc("x509-certificate-serial-number", serialNumber)

func dateArg(who string, pos int, v scheme.Value) (*Date, error) {
	if d, ok := v.(*Date); ok {
		return d, nil
	}
	return nil, scheme.TypeError(who, pos, "date", v)
}

// certAndDate returns who's certificate argument and its optional date
// argument (default now).
func certAndDate(who string, a []scheme.Value) (*stdx509.Certificate, time.Time, error) {
	c, err := certArg(who, a[0])
	if err != nil {
		return nil, time.Time{}, err
	}
	if !tlsval.Given(a[1]) {
		return c, time.Now(), nil
	}
	d, err := dateArg(who, 2, a[1])
	if err != nil {
		return nil, time.Time{}, err
	}
	return c, d.T, nil
}

func x509CertificateExpiredP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, at, err := certAndDate("x509-certificate-expired?", a)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(at.After(c.NotAfter)), nil
}

var x509CertificateValidity = certProc("x509-certificate-validity", func(c *stdx509.Certificate) scheme.Value {
	return &Validity{NotBefore: c.NotBefore, NotAfter: c.NotAfter}
})

func validityArg(who string, v scheme.Value) (*Validity, error) {
	if x, ok := v.(*Validity); ok {
		return x, nil
	}
	return nil, scheme.TypeError(who, 1, "x509-validity", v)
}

func x509ValidityNotBefore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := validityArg("x509-validity-not-before", a[0])
	if err != nil {
		return nil, err
	}
	return &Date{T: v.NotBefore}, nil
}

func x509ValidityNotAfter(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := validityArg("x509-validity-not-after", a[0])
	if err != nil {
		return nil, err
	}
	return &Date{T: v.NotAfter}, nil
}

func dateP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Date)
	return scheme.MakeBool(ok), nil
}

func dateToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, err := dateArg("date->string", 1, a[0])
	if err != nil {
		return nil, err
	}
	return scheme.NewString(d.String()), nil
}

func currentDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &Date{T: time.Now().UTC()}, nil
}

func makeDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var f [8]int
	for i := range f {
		f[i] = int(a[i].(scheme.Fixnum))
	}
	zone := time.FixedZone("", f[7])
	return &Date{T: time.Date(f[6], time.Month(f[5]), f[4], f[3], f[2], f[1], f[0], zone)}, nil
}

func dateField(who string, get func(t time.Time) int) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		d, err := dateArg(who, 1, a[0])
		if err != nil {
			return nil, err
		}
		return scheme.Fixnum(get(d.T.UTC())), nil
	}
}

var (
	dateYear   = dateField("date-year", func(t time.Time) int { return t.Year() })
	dateMonth  = dateField("date-month", func(t time.Time) int { return int(t.Month()) })
	dateDay    = dateField("date-day", func(t time.Time) int { return t.Day() })
	dateHour   = dateField("date-hour", func(t time.Time) int { return t.Hour() })
	dateMinute = dateField("date-minute", func(t time.Time) int { return t.Minute() })
	dateSecond = dateField("date-second", func(t time.Time) int { return t.Second() })
)
