// Package starttls is the (tlsport starttls) library: one procedure per
// protocol that runs the plaintext dialogue of SMTP, IMAP, POP3, LDAP,
// PostgreSQL, XMPP or FTP over (chicken tcp) ports and upgrades them with
// ssl-start* (same keywords, same verification), plus the reply readers a
// client needs after the upgrade. The dialogues themselves are package
// github.com/tlsport/tlsport/starttls; a refusal is an
// (exn i/o net starttls) condition with the properties protocol and reply.
package starttls

import (
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

// spec is the Spec of every row: this library is not in the spec; issue 16 defines it.
const spec = "issue 16"

// upgradeDoc ends the Doc of every upgrade procedure, after its dialogue.
const upgradeDoc = " over the TCP ports (from tcp-connect), then start TLS as ssl-start* does with the same keywords" +
	" (verify? defaults to #t; sni-name is the name sent and verified, or #f). " +
	"Returns (values in out reply): the TLS ports and the server's last reply as a list of strings. " +
	"A refusal raises (exn i/o net starttls) with properties protocol and reply; each step honours tcp-read-timeout."

// startKeysSig lists ssl-start*'s keywords, which end the Sig of every
// upgrade procedure: a constant, where joining them cost every start
// (TestUpgradeRows checks it and the rows).
const startKeysSig = "protocol cipher-list certificate private-key private-key-type private-key-asn1? certificate-authorities certificate-authority-directory verify? " + openssl.CtxSigTail

// Library is the (tlsport starttls) binding table.
var Library = &scheme.Library{
	Name: "(tlsport starttls)",
	Doc:  "STARTTLS clients for SMTP, IMAP, POP3, LDAP, PostgreSQL, XMPP and FTP over (chicken tcp) ports, with the reply readers each protocol needs.",
	Init: func(in *scheme.Interp) error {
		tlsval.Install(in)
		in.AddErrorConverter(convert)
		return nil
	},
	Procs: []scheme.Proc{
		{Name: "smtp-starttls", Spec: spec, Sig: "(smtp-starttls sni-name tcp-in tcp-out #!key ehlo-name " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.SMTP)...) },
			Doc:      "Read the 220 greeting, EHLO (ehlo-name:, default \"localhost\"), check STARTTLS is offered, send STARTTLS and expect 220; after the handshake EHLO again (the reply is that EHLO's lines)" + upgradeDoc, Fn: smtpStarttls},
		{Name: "imap-starttls", Spec: spec, Sig: "(imap-starttls sni-name tcp-in tcp-out #!key " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.IMAP)...) },
			Doc:      "Read the * OK greeting, CAPABILITY (must list STARTTLS), STARTTLS (expect the tagged OK)" + upgradeDoc, Fn: imapStarttls},
		{Name: "pop3-starttls", Spec: spec, Sig: "(pop3-starttls sni-name tcp-in tcp-out #!key " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.POP3)...) },
			Doc:      "Read the +OK greeting, CAPA (must list STLS when it succeeds), STLS (expect +OK)" + upgradeDoc, Fn: pop3Starttls},
		{Name: "ldap-starttls", Spec: spec, Sig: "(ldap-starttls sni-name tcp-in tcp-out #!key " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.LDAP)...) },
			Doc:      "Send the StartTLS extended request (message ID 1, BER) and expect resultCode 0" + upgradeDoc, Fn: ldapStarttls},
		{Name: "postgresql-starttls", Spec: spec, Sig: "(postgresql-starttls sni-name tcp-in tcp-out #!key " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.PostgreSQL)...) },
			Doc:      "Send SSLRequest and expect the one-byte answer S (N is a refusal)" + upgradeDoc, Fn: postgresqlStarttls},
		{Name: "xmpp-starttls", Spec: spec, Sig: "(xmpp-starttls sni-name tcp-in tcp-out #!key domain " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.XMPP)...) },
			Doc:      "Open the stream to domain: (default sni-name, else \"localhost\"), expect <starttls/> in the features, send <starttls/> and expect <proceed/>; after the handshake restart the stream (the reply is the new <stream:features>)" + upgradeDoc, Fn: xmppStarttls},
		{Name: "ftp-starttls", Spec: spec, Sig: "(ftp-starttls sni-name tcp-in tcp-out #!key " + startKeysSig + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(upgradeParams(starttls.FTP)...) },
			Doc:      "Read the 220 greeting, AUTH TLS (expect 234); after the handshake PBSZ 0 and PROT P so data connections are protected too (the reply is their lines)" + upgradeDoc, Fn: ftpStarttls},
		{Name: "smtp-read-reply", Spec: spec, Sig: "(smtp-read-reply in)", Args: req("in"),
			Doc: "Read one SMTP reply (multi-line \"250-…\" included) from a tcp or ssl port: (code text …).", Fn: smtpReadReply},
		{Name: "smtp-command", Spec: spec, Sig: "(smtp-command in out line)", LazyArgs: lineParams,
			Doc: "Send line with CRLF, flush, and read the reply: (code text …).", Fn: smtpCommand},
		{Name: "imap-command", Spec: spec, Sig: "(imap-command in out tag command)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("in", nil), scheme.Req("out", nil), scheme.Req("tag", tlsval.TypeName), scheme.Req("command", tlsval.TypeName))
		},
			Doc: "Send \"tag command\" and read up to the tagged completion: (values status text lines), status 'OK, 'NO or 'BAD, lines the untagged responses (literals inlined).", Fn: imapCommand},
		{Name: "pop3-command", Spec: spec, Sig: "(pop3-command in out line #!optional multi-line?)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("in", nil), scheme.Req("out", nil), scheme.Req("line", tlsval.TypeName), scheme.Opt("multi-line?", nil, scheme.False))
			},
			Doc: "Send line and read the status: (values ok? status-line data), data the dot-unstuffed lines of a multi-line reply (RETR, LIST, CAPA) when multi-line? and +OK, else '().", Fn: pop3Command},
		{Name: "ldap-write-message", Spec: spec, Sig: "(ldap-write-message out message-id op)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("out", nil), scheme.Req("message-id", scheme.OrFalse(tlsval.TypeFixnum)), scheme.Req("op", nil))
		},
			Doc: "Send an LDAPMessage with message-id and the protocol op given as a BER datum: (integer n), (enumerated n), (boolean b), (null), (octet-string s-or-bytevector), (sequence d …), (set d …), (application tag d …), (context tag d …), (application-primitive tag s), (context-primitive tag s).", Fn: ldapWriteMessage},
		{Name: "ldap-read-message", Spec: spec, Sig: "(ldap-read-message in)", Args: req("in"),
			Doc: "Read one LDAPMessage: (values message-id op), op a BER datum as ldap-write-message takes (octet strings as strings when UTF-8).", Fn: ldapReadMessage},
		{Name: "postgresql-write-message", Spec: spec, Sig: "(postgresql-write-message out type . fields)",
			Args: scheme.Params{Required: []string{"out", "type"}, Rest: "fields"},
			Doc:  "Send a frontend message of type (a char, or #f for the startup message): strings become NUL-terminated, integers Int32, bytevectors are sent as they are.", Fn: postgresqlWriteMessage},
		{Name: "postgresql-read-message", Spec: spec, Sig: "(postgresql-read-message in)", Args: req("in"),
			Doc: "Read one backend message: (values type value), type a char; value for R (code extra…), S (name value), K (pid key), Z status string, C tag string, T column names, D column strings (#f for NULL), E/N ((field-char . text) …); else the payload bytevector.", Fn: postgresqlReadMessage},
		{Name: "xmpp-stream-header", Spec: spec, Sig: "(xmpp-stream-header domain)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("domain", tlsval.TypeName)) },
			Doc: "The client's <stream:stream …> header (with XML declaration) for domain.", Fn: xmppStreamHeader},
		{Name: "xmpp-read-element", Spec: spec, Sig: "(xmpp-read-element in)", Args: req("in"),
			Doc: "Read the next top-level XMPP item as a string: a whole element with its children, or the server's stream header or XML declaration alone.", Fn: xmppReadElement},
		{Name: "sasl-plain", Spec: spec, Sig: "(sasl-plain user password #!optional authzid)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("user", tlsval.TypeName), scheme.Req("password", tlsval.TypeName), scheme.Opt("authzid", scheme.OrFalse(tlsval.TypeName), nil))
			},
			Doc: "The base64 SASL PLAIN response (RFC 4616) for AUTH PLAIN (SMTP, IMAP AUTHENTICATE, XMPP <auth/>).", Fn: saslPlain},
		{Name: "ftp-read-reply", Spec: spec, Sig: "(ftp-read-reply in)", Args: req("in"),
			Doc: "Read one FTP reply (multi-line included): (code text …).", Fn: ftpReadReply},
		{Name: "ftp-command", Spec: spec, Sig: "(ftp-command in out line)", LazyArgs: lineParams,
			Doc: "Send line with CRLF, flush, and read the reply: (code text …).", Fn: ftpCommand},
		{Name: "ftp-epsv", Spec: spec, Sig: "(ftp-epsv in out)", Args: req("in", "out"),
			Doc: "Send EPSV and return the data port of the 229 reply (connect to the control connection's host).", Fn: ftpEpsv},
	},
}

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

// lineParams declare (in out line) of smtp-command and ftp-command.
func lineParams() scheme.Params {
	return scheme.Lambda(scheme.Req("in", nil), scheme.Req("out", nil), scheme.Req("line", tlsval.TypeName))
}
