// Package starttls performs the plaintext dialogues that come before TLS in
// SMTP, IMAP, POP3, LDAP, PostgreSQL, XMPP and FTP, and the steps a client
// takes right after the handshake (SMTP's second EHLO, XMPP's stream
// restart, FTP's PBSZ/PROT).
//
// [Negotiate] runs the plaintext part over a connected net.Conn and returns
// the bytes it read ahead, [After] runs the part after the handshake over
// the [ports.Conn], and [Client] does both around [ports.StartTLS]. A server
// that declines the upgrade yields a [*RefusedError] naming the protocol
// and quoting the reply. The reply readers (SMTP/FTP codes, IMAP tagged
// responses, POP3 status lines, XMPP elements, LDAP messages in BER,
// PostgreSQL messages) work over any [Wire], so the Scheme binding
// (tlsport starttls) uses them on ports too.
package starttls

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
)

// Protocol names a STARTTLS dialogue.
type Protocol string

// The protocols with a dialogue.
const (
	SMTP       Protocol = "smtp"
	IMAP       Protocol = "imap"
	POP3       Protocol = "pop3"
	LDAP       Protocol = "ldap"
	PostgreSQL Protocol = "postgresql"
	XMPP       Protocol = "xmpp"
	FTP        Protocol = "ftp"
)

// Protocols lists every protocol, in the order of the package comment.
var Protocols = []Protocol{SMTP, IMAP, POP3, LDAP, PostgreSQL, XMPP, FTP}

// DefaultPort is the well-known plaintext port of each protocol.
var DefaultPort = map[Protocol]int{SMTP: 25, IMAP: 143, POP3: 110, LDAP: 389, PostgreSQL: 5432, XMPP: 5222, FTP: 21}

// ParseProtocol returns the protocol named s (case-insensitive; "postgres"
// and "pop" are accepted too).
func ParseProtocol(s string) (Protocol, error) {
	switch p := Protocol(strings.ToLower(s)); p {
	case "postgres", "pgsql":
		return PostgreSQL, nil
	case "pop":
		return POP3, nil
	case SMTP, IMAP, POP3, LDAP, PostgreSQL, XMPP, FTP:
		return p, nil
	}
	return "", fmt.Errorf("starttls: unknown protocol %q (want one of smtp, imap, pop3, ldap, postgresql, xmpp, ftp)", s)
}

// Options tune a dialogue. The zero value is usable.
type Options struct {
	// Domain is the server's name: the XMPP stream's to= attribute. Empty
	// means "localhost".
	Domain string
	// EHLOName is the name the SMTP client gives in EHLO; empty means
	// "localhost".
	EHLOName string
	// Timeout bounds each read and write of the plaintext part
	// ([Negotiate]); 0 = none (the context still cancels). [After] runs
	// under the TLS connection's own timeouts ([ports.Options]).
	Timeout time.Duration
}

func (o Options) domain() string   { return or(o.Domain, "localhost") }
func (o Options) ehloName() string { return or(o.EHLOName, "localhost") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// RefusedError is returned when the server declines the upgrade (SMTP 454,
// IMAP NO/BAD, POP3 -ERR, PostgreSQL N, an LDAP result other than success,
// XMPP <failure/>, FTP non-234) or does not offer it.
type RefusedError struct {
	Protocol Protocol
	Reply    string // the server's reply, as received (lines joined by "\n")
	Reason   string // what was expected, e.g. "STARTTLS not offered"
}

// Error implements error.
func (e *RefusedError) Error() string {
	return fmt.Sprintf("starttls: %s server refused TLS (%s): %s", e.Protocol, e.Reason, e.Reply)
}

func refused(p Protocol, reason string, reply string) error {
	return &RefusedError{Protocol: p, Reason: reason, Reply: reply}
}

// Negotiate runs the plaintext part of p's dialogue over conn, whose
// read-ahead bytes so far are buffered, up to the point where the client
// must send its ClientHello. It returns the bytes read beyond the server's
// last plaintext reply (to hand to [ports.StartTLS]) and that reply's
// lines. ctx cancels the dialogue; conn's deadlines are cleared on return.
func Negotiate(ctx context.Context, conn net.Conn, buffered []byte, p Protocol, o Options) (leftover []byte, reply []string, err error) {
	w := NewNetWire(ctx, conn, buffered, o.Timeout)
	defer w.Release()
	d, ok := dialogues[p]
	if !ok {
		_, err := ParseProtocol(string(p))
		return nil, nil, err
	}
	reply, err = d.plain(w, o)
	if err != nil {
		return nil, nil, err
	}
	return w.Buffered(), reply, nil
}

// After runs the part of p's dialogue that follows the handshake, over the
// TLS connection c, and returns the server's last reply: SMTP's EHLO
// lines, XMPP's stream features, FTP's PBSZ and PROT replies; nil for the
// other protocols.
func After(ctx context.Context, c *ports.Conn, p Protocol, o Options) ([]string, error) {
	d, ok := dialogues[p]
	if !ok || d.after == nil {
		return nil, nil
	}
	return d.after(&ConnWire{Ctx: ctx, C: c}, o)
}

// Client upgrades conn with p's dialogue: [Negotiate], [ports.StartTLS]
// with cc as a client, the handshake, then [After]. It returns the TLS
// connection and the server's last reply. On error conn is closed.
func Client(ctx context.Context, conn net.Conn, buffered []byte, p Protocol, o Options, cc *tlsctx.ConnConfig, po ports.Options) (*ports.Conn, []string, error) {
	left, reply, err := Negotiate(ctx, conn, buffered, p, o)
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	c := ports.StartTLS(conn, left, cc, false, po)
	if err := c.Handshake(ctx); err != nil {
		c.Close()
		return nil, nil, err
	}
	if after, err := After(ctx, c, p, o); err != nil {
		c.Close()
		return nil, nil, err
	} else if after != nil {
		reply = after
	}
	return c, reply, nil
}
