// The seven dialogues: the plaintext part up to the ClientHello, and the part after the handshake.

package starttls

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// dialogue is one protocol's client side.
type dialogue struct {
	plain func(w Wire, o Options) ([]string, error)
	after func(w Wire, o Options) ([]string, error) // nil: nothing after the handshake
}

var dialogues = map[Protocol]dialogue{
	SMTP:       {plain: smtpPlain, after: smtpAfter},
	IMAP:       {plain: imapPlain},
	POP3:       {plain: pop3Plain},
	LDAP:       {plain: ldapPlain},
	PostgreSQL: {plain: postgresPlain},
	XMPP:       {plain: xmppPlain, after: xmppAfter},
	FTP:        {plain: ftpPlain, after: ftpAfter},
}

// expectCode fails with a RefusedError unless r has the code want.
func expectCode(p Protocol, r *CodeReply, want int, reason string) error {
	if r.Code != want {
		return refused(p, reason, r.Text())
	}
	return nil
}

func smtpPlain(w Wire, o Options) ([]string, error) {
	banner, err := ReadCodeReply(w)
	if err != nil {
		return nil, err
	}
	if err := expectCode(SMTP, banner, 220, "greeting is not 220"); err != nil {
		return nil, err
	}
	ehlo, err := CodeCommand(w, "EHLO "+o.ehloName())
	if err != nil {
		return nil, err
	}
	if err := expectCode(SMTP, ehlo, 250, "EHLO failed"); err != nil {
		return nil, err
	}
	if !hasWord(ehlo.Lines, "STARTTLS") {
		return nil, refused(SMTP, "STARTTLS not offered", ehlo.Text())
	}
	r, err := CodeCommand(w, "STARTTLS")
	if err != nil {
		return nil, err
	}
	return r.Raw, expectCode(SMTP, r, 220, "STARTTLS not accepted")
}

func smtpAfter(w Wire, o Options) ([]string, error) {
	r, err := CodeCommand(w, "EHLO "+o.ehloName())
	if err != nil {
		return nil, err
	}
	return r.Raw, expectCode(SMTP, r, 250, "EHLO after STARTTLS failed")
}

// hasWord reports whether a line's first word is word (SMTP/POP3
// capability lists), case-insensitively.
func hasWord(lines []string, word string) bool {
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && strings.EqualFold(f[0], word) {
			return true
		}
	}
	return false
}

func imapPlain(w Wire, o Options) ([]string, error) {
	greeting, err := w.ReadLine()
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(strings.ToUpper(greeting), "* OK") {
		return nil, refused(IMAP, "greeting is not * OK", greeting)
	}
	caps, err := IMAPCommand(w, "T1", "CAPABILITY")
	if err != nil {
		return nil, err
	}
	offered := false
	for _, l := range caps.Lines {
		if u := strings.ToUpper(l); strings.HasPrefix(u, "* CAPABILITY ") && strings.Contains(u+" ", " STARTTLS ") {
			offered = true
		}
	}
	if caps.Status != "OK" || !offered {
		return nil, refused(IMAP, "STARTTLS not offered", strings.Join(caps.Raw, "\n"))
	}
	r, err := IMAPCommand(w, "T2", "STARTTLS")
	if err != nil {
		return nil, err
	}
	if r.Status != "OK" {
		return nil, refused(IMAP, "STARTTLS not accepted", strings.Join(r.Raw, "\n"))
	}
	return r.Raw, nil
}

func pop3Plain(w Wire, o Options) ([]string, error) {
	greeting, err := ReadPOP3(w, false)
	if err != nil {
		return nil, err
	}
	if !greeting.OK {
		return nil, refused(POP3, "greeting is not +OK", greeting.Status)
	}
	capa, err := POP3Command(w, "CAPA", true)
	if err != nil {
		return nil, err
	}
	if capa.OK && !hasWord(capa.Data, "STLS") {
		return nil, refused(POP3, "STLS not offered", strings.Join(append([]string{capa.Status}, capa.Data...), "\n"))
	}
	r, err := POP3Command(w, "STLS", false)
	if err != nil {
		return nil, err
	}
	if !r.OK {
		return nil, refused(POP3, "STLS not accepted", r.Status)
	}
	return []string{r.Status}, nil
}

// LDAPStartTLSOID is the requestName of the StartTLS extended operation (RFC 4511 §4.14).
const LDAPStartTLSOID = "1.3.6.1.4.1.1466.20037"

// LDAPResultNames names the LDAP result codes a StartTLS response may carry.
var LDAPResultNames = map[int64]string{
	0: "success", 1: "operationsError", 2: "protocolError", 3: "timeLimitExceeded",
	7: "authMethodNotSupported", 8: "strongerAuthRequired", 12: "unavailableCriticalExtension",
	13: "confidentialityRequired", 32: "noSuchObject", 34: "invalidDNSyntax", 48: "inappropriateAuthentication",
	49: "invalidCredentials", 50: "insufficientAccessRights", 51: "busy", 52: "unavailable",
	53: "unwillingToPerform", 80: "other",
}

// LDAPResult is the result part of an LDAP response (RFC 4511 §4.1.9).
type LDAPResult struct {
	Code       int64
	MatchedDN  string
	Diagnostic string
}

// String renders the result for messages: "52 unavailable: text".
func (r LDAPResult) String() string {
	s := fmt.Sprintf("%d", r.Code)
	if n, ok := LDAPResultNames[r.Code]; ok {
		s += " " + n
	}
	if r.Diagnostic != "" {
		s += ": " + r.Diagnostic
	}
	return s
}

// ParseLDAPResult reads the LDAPResult fields of a response protocolOp.
func ParseLDAPResult(op *BER) (LDAPResult, error) {
	if !op.Constructed || len(op.Children) < 3 {
		return LDAPResult{}, fmt.Errorf("starttls: LDAP response has no result")
	}
	code, err := op.Children[0].Int()
	if err != nil {
		return LDAPResult{}, err
	}
	return LDAPResult{Code: code, MatchedDN: string(op.Children[1].Value), Diagnostic: string(op.Children[2].Value)}, nil
}

// LDAPMessage returns the LDAPMessage envelope of op with id.
func LDAPMessage(id int64, op *BER) *BER {
	return &BER{Class: ClassUniversal, Constructed: true, Tag: TagSequence,
		Children: []*BER{IntBER(ClassUniversal, TagInteger, id), op}}
}

func ldapPlain(w Wire, o Options) ([]string, error) {
	req := &BER{Class: ClassApplication, Constructed: true, Tag: 23, Children: []*BER{
		{Class: ClassContext, Tag: 0, Value: []byte(LDAPStartTLSOID)}}}
	if err := w.Send(LDAPMessage(1, req).Encode()); err != nil {
		return nil, err
	}
	msg, err := ReadBER(w)
	if err != nil {
		return nil, err
	}
	if !msg.Constructed || len(msg.Children) < 2 || msg.Children[1].Class != ClassApplication || msg.Children[1].Tag != 24 {
		return nil, fmt.Errorf("starttls: LDAP: expected an ExtendedResponse, got %x", msg.Encode())
	}
	res, err := ParseLDAPResult(msg.Children[1])
	if err != nil {
		return nil, err
	}
	if res.Code != 0 {
		return nil, refused(LDAP, "StartTLS extended operation failed", "resultCode "+res.String())
	}
	return []string{"resultCode " + res.String()}, nil
}

// postgresSSLRequest is the SSLRequest code (PostgreSQL protocol §55.2.10).
const postgresSSLRequest = 80877103

func postgresPlain(w Wire, o Options) ([]string, error) {
	if err := w.Send(PostgresMessage(0, binary.BigEndian.AppendUint32(nil, postgresSSLRequest))); err != nil {
		return nil, err
	}
	b, err := w.ReadByte()
	if err != nil {
		return nil, err
	}
	switch b {
	case 'S':
		return []string{"S"}, nil
	case 'N':
		return nil, refused(PostgreSQL, "SSLRequest declined", "N")
	case 'E':
		return nil, refused(PostgreSQL, "SSLRequest answered with an error", "E")
	}
	return nil, fmt.Errorf("starttls: PostgreSQL: unexpected answer %q to SSLRequest", b)
}

// XMPPStreamHeader is the client's stream header for domain.
func XMPPStreamHeader(domain string) string {
	return "<?xml version='1.0'?><stream:stream to='" + xmlEscape(domain) +
		"' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&apos;", `"`, "&quot;").Replace(s)
}

// XMPPOpen sends the stream header and returns the server's stream
// features element (the server's header and XML declaration are skipped).
func XMPPOpen(w Wire, domain string) (string, error) {
	if err := w.Send([]byte(XMPPStreamHeader(domain))); err != nil {
		return "", err
	}
	for {
		el, err := ReadElement(w)
		if err != nil {
			return "", err
		}
		switch {
		case strings.HasPrefix(el, "<?"), strings.HasPrefix(el, "<stream:stream"):
			continue
		case strings.HasPrefix(el, "<stream:features"):
			return el, nil
		}
		return "", refused(XMPP, "expected stream features", el)
	}
}

func xmppPlain(w Wire, o Options) ([]string, error) {
	features, err := XMPPOpen(w, o.domain())
	if err != nil {
		return nil, err
	}
	if !strings.Contains(features, "<starttls") {
		return nil, refused(XMPP, "STARTTLS not offered", features)
	}
	if err := w.Send([]byte("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")); err != nil {
		return nil, err
	}
	el, err := ReadElement(w)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(el, "<proceed") {
		return nil, refused(XMPP, "STARTTLS not accepted", el)
	}
	return []string{el}, nil
}

func xmppAfter(w Wire, o Options) ([]string, error) {
	features, err := XMPPOpen(w, o.domain())
	if err != nil {
		return nil, err
	}
	return []string{features}, nil
}

func ftpPlain(w Wire, o Options) ([]string, error) {
	banner, err := ReadCodeReply(w)
	if err != nil {
		return nil, err
	}
	if err := expectCode(FTP, banner, 220, "greeting is not 220"); err != nil {
		return nil, err
	}
	r, err := CodeCommand(w, "AUTH TLS")
	if err != nil {
		return nil, err
	}
	return r.Raw, expectCode(FTP, r, 234, "AUTH TLS not accepted")
}

func ftpAfter(w Wire, o Options) ([]string, error) {
	var all []string
	for _, cmd := range []string{"PBSZ 0", "PROT P"} {
		r, err := CodeCommand(w, cmd)
		if err != nil {
			return nil, err
		}
		if err := expectCode(FTP, r, 200, cmd+" not accepted"); err != nil {
			return nil, err
		}
		all = append(all, r.Raw...)
	}
	return all, nil
}
