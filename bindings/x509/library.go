// The (rfc x509) binding table (spec §1.2.8).

package x509

import (
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

const spec = "§1.2.8"

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

// fixnums declares required exact-integer parameters.
func fixnums(names ...string) scheme.Params {
	ps := make([]scheme.Param, len(names))
	for i, n := range names {
		ps[i] = scheme.Req(n, tlsval.TypeFixnum)
	}
	return scheme.Lambda(ps...)
}

// Library is (rfc x509).
var Library = &scheme.Library{
	Name: "(rfc x509)", TypeKinds: []string{socket.KindAssertion},
	Doc:   "X.509 certificates: parse DER/PEM, names, serial number, validity, Sagittarius's x509-certificate-get-… accessors and check-validity (not its deprecated verify); dates print in ISO 8601.",
	Init:  func(in *scheme.Interp) error { tlsval.Install(in); return nil },
	Build: func(l *scheme.Library) { l.Procs = append(l.Procs, getters()...) },
	Procs: []scheme.Proc{
		{Name: "make-x509-certificate", Spec: spec, Sig: "(make-x509-certificate bv-or-port)", LazyArgs: func() scheme.Params { return req("bv-or-port") },
			Doc: "Parse one DER certificate from a bytevector, or read the next certificate from a port.", Fn: makeX509Certificate},
		{Name: "make-x509-issuer", Spec: "sagittarius (rfc x509)", Sig: "(make-x509-issuer alist)", LazyArgs: func() scheme.Params { return req("alist") },
			Doc: "An x509-name from ((C . \"NL\") (O . \"Org\") (CN . \"host\") …): keys C, O, OU, CN, L, ST, STREET, SERIALNUMBER, DC, UID, E.", Fn: makeX509Issuer},
		{Name: "make-x509-subject", Spec: "sagittarius (rfc x509)", Sig: "(make-x509-subject alist)", LazyArgs: func() scheme.Params { return req("alist") },
			Doc: "Same as make-x509-issuer, for the subject.", Fn: makeX509Subject},
		{Name: "make-validity", Spec: "sagittarius (rfc x509)", Sig: "(make-validity not-before not-after)", LazyArgs: func() scheme.Params { return req("not-before", "not-after") },
			Doc: "An x509-validity between two dates.", Fn: makeValidity},
		{Name: "make-x509-basic-certificate", Spec: "sagittarius (rfc x509)", Sig: "(make-x509-basic-certificate keypair serial-number issuer validity subject :optional issuer-keypair)",
			Args: scheme.Params{Required: []string{"keypair", "serial-number", "issuer", "validity", "subject"}, Optional: []string{"issuer-keypair"}},
			Doc:  "A v3 certificate for keypair's public key, signed by keypair (self-signed) or issuer-keypair; a host-name or IP CN is also its subject alternative name.", Fn: makeX509BasicCertificate},
		{Name: "bytevector->x509-certificate", Spec: spec, Sig: "(bytevector->x509-certificate bv)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("bv", scheme.TypeBytevector)) },
			Doc: "Parse one DER certificate.", Fn: bytevectorToX509Certificate},
		{Name: "read-x509-certificate", Spec: spec, Sig: "(read-x509-certificate port)", LazyArgs: func() scheme.Params { return req("port") },
			Doc: "Read the next certificate from a port: DER when it starts with #x30, else PEM text; the EOF object at the end.", Fn: readX509Certificate},
		{Name: "x509-certificate?", Spec: spec, Sig: "(x509-certificate? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "Is obj a certificate (the same type as ssl-certificate?)?", Fn: tlsval.CertificateP},
		{Name: "x509-certificate->bytevector", Spec: spec, Sig: "(x509-certificate->bytevector c)", LazyArgs: func() scheme.Params { return req("c") },
			Doc: "The DER encoding of c.", Fn: x509CertificateToBytevector},
		{Name: "x509-certificate-subject-dn", Spec: spec, Sig: "(x509-certificate-subject-dn c)", LazyArgs: func() scheme.Params { return req("c") },
			Doc: "The subject distinguished name (an x509-name).", Fn: x509CertificateSubjectDn},
		{Name: "x509-certificate-issuer-dn", Spec: spec, Sig: "(x509-certificate-issuer-dn c)", LazyArgs: func() scheme.Params { return req("c") },
			Doc: "The issuer distinguished name (an x509-name).", Fn: x509CertificateIssuerDn},
		{Name: "x509-name->string", Spec: spec, Sig: "(x509-name->string name)", LazyArgs: func() scheme.Params { return req("name") },
			Doc: "RFC 4514 text of a name, e.g. \"CN=host,O=Example,C=NL\".", Fn: x509NameToString},
		{Name: "x509-certificate-serial-number", Spec: spec, Sig: "(x509-certificate-serial-number c)", LazyArgs: func() scheme.Params { return req("c") },
			Doc: "The serial number (exact integer).", Fn: x509CertificateSerialNumber},
		{Name: "x509-certificate-expired?", Spec: spec, Sig: "(x509-certificate-expired? c :optional date)",
			Args: scheme.Params{Required: []string{"c"}, Optional: []string{"date"}},
			Doc:  "Is date (default now) after the certificate's not-after?", Fn: x509CertificateExpiredP},
		{Name: "x509-certificate-validity", Spec: spec, Sig: "(x509-certificate-validity c)", LazyArgs: func() scheme.Params { return req("c") },
			Doc: "The validity period; see x509-validity-not-before / -not-after.", Fn: x509CertificateValidity},
		{Name: "x509-validity-not-before", Spec: spec, Sig: "(x509-validity-not-before v)", LazyArgs: func() scheme.Params { return req("v") },
			Doc: "Start of the validity period (a date).", Fn: x509ValidityNotBefore},
		{Name: "x509-validity-not-after", Spec: spec, Sig: "(x509-validity-not-after v)", LazyArgs: func() scheme.Params { return req("v") },
			Doc: "End of the validity period (a date).", Fn: x509ValidityNotAfter},
		{Name: "date?", Spec: spec, Sig: "(date? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "[ext] Is obj a date (validity dates)?", Fn: dateP},
		{Name: "date->string", Spec: spec, Sig: "(date->string date)", LazyArgs: func() scheme.Params { return req("date") },
			Doc: "[ext] ISO 8601 UTC text of a date, e.g. \"2026-01-02T03:04:05Z\" (no SRFI-19 format argument).", Fn: dateToString},
		{Name: "current-date", Spec: spec, Sig: "(current-date)", LazyArgs: func() scheme.Params { return req() }, Doc: "[ext] The current date (UTC).", Fn: currentDate},
		{Name: "make-date", Spec: spec, Sig: "(make-date nanosecond second minute hour day month year zone-offset)",
			LazyArgs: func() scheme.Params {
				return fixnums("nanosecond", "second", "minute", "hour", "day", "month", "year", "zone-offset")
			},
			Doc: "[ext] A date as SRFI-19 make-date (zone-offset in seconds east of UTC).", Fn: makeDate},
		{Name: "date-year", Spec: spec, Sig: "(date-year date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Year (UTC).", Fn: dateYear},
		{Name: "date-month", Spec: spec, Sig: "(date-month date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Month 1-12 (UTC).", Fn: dateMonth},
		{Name: "date-day", Spec: spec, Sig: "(date-day date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Day of the month (UTC).", Fn: dateDay},
		{Name: "date-hour", Spec: spec, Sig: "(date-hour date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Hour (UTC).", Fn: dateHour},
		{Name: "date-minute", Spec: spec, Sig: "(date-minute date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Minute.", Fn: dateMinute},
		{Name: "date-second", Spec: spec, Sig: "(date-second date)", LazyArgs: func() scheme.Params { return req("date") }, Doc: "[ext] Second.", Fn: dateSecond},
	},
}

// DotLibrary is (rfc x.509), the name older Sagittarius code imports: the
// same bindings as (rfc x509).
var DotLibrary = &scheme.Library{Name: "(rfc x.509)", TypeKinds: []string{socket.KindAssertion}, Doc: "Same as (rfc x509): Sagittarius's older name of the library.",
	Init: Library.Init, Procs: Library.Procs, Values: Library.Values}
