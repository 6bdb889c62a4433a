// STARTTLS against the real servers from Debian: the starttls package's dialogues, the examples, and tlsport connect.

package tests

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/starttls"
)

// upgrade dials addr and runs p's dialogue with a client verifying the
// server against caFile for the name localhost.
func upgrade(t *testing.T, addr string, p starttls.Protocol, caFile string) (*ports.Conn, []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	c, err := tlsctx.New(tlsctx.Client, "tlsv12")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.LoadVerifyRoots(caFile, ""); err != nil {
		t.Fatal(err)
	}
	c.SetVerify(true)
	c.SetVerifyHostname(true, "")
	cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	conn, reply, err := starttls.Client(ctx, raw, nil, p, starttls.Options{Domain: "localhost", Timeout: 10 * time.Second},
		cc, ports.Options{ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("%s STARTTLS with %s: %v", p, addr, err)
	}
	t.Cleanup(func() { conn.Close() })
	if !conn.VerifyResult().OK() {
		t.Fatalf("%s: server certificate not verified: %s", p, conn.VerifyResult().Message)
	}
	return conn, reply
}

// wire returns a starttls.Wire over the TLS connection c.
func wire(c *ports.Conn) starttls.Wire { return &starttls.ConnWire{Ctx: context.Background(), C: c} }

// contains fails t unless some line contains want.
func contains(t *testing.T, what string, lines []string, want string) {
	t.Helper()
	for _, l := range lines {
		if strings.Contains(l, want) {
			return
		}
	}
	t.Errorf("%s: no line containing %q in %q", what, want, lines)
}

// example runs examples/name with args and matches its output lines.
func example(t *testing.T, name string, args []string, patterns ...string) {
	t.Helper()
	stdout, stderr, code := run(t, append([]string{"examples/" + name}, args...)...)
	if code != 0 {
		t.Fatalf("tlsport examples/%s: exit status %d\nstdout:\n%s\nstderr:\n%s", name, code, stdout, stderr)
	}
	matchLines(t, stdout, patterns)
}

// hostPort splits "127.0.0.1:port" into "localhost" (the name the
// certificate is valid for) and the port.
func hostPort(t *testing.T, addr string) (string, string) {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return "localhost", port
}

// connectStartTLS runs tlsport connect --starttls p --raw against addr
// with stdin and matches its output after the verified report.
func connectStartTLS(t *testing.T, p starttls.Protocol, addr, caFile, stdin string, patterns ...string) {
	t.Helper()
	_, port := hostPort(t, addr)
	out, errOut, code := connectRun(t, stdin, "--starttls", string(p), "--cafile", caFile, "--raw", "localhost:"+port)
	if code != 0 {
		t.Fatalf("tlsport connect --starttls %s: exit %d\nstdout:\n%s\nstderr:\n%s", p, code, out, errOut)
	}
	matchLines(t, out, append([]string{`^connecting to localhost:\d+ \(STARTTLS: ` + string(p) + `\)$`,
		`^protocol: +TLS 1\.[23]$`, `^verification: ok`}, patterns...))
}

// serverCase is one STARTTLS protocol against one real server: the
// dialogue (with a reply line containing replyWant, then more checks on
// the connection), the example script and tlsport connect.
type serverCase struct {
	p                    starttls.Protocol
	replyWhat, replyWant string            // "": the reply is not checked
	more                 func(*ports.Conn) // nil: nothing more over the upgraded connection
	example              string            // examples/ script, run with host, port, CA file, then args
	args                 []string
	exampleWant          []string
	stdin                string // what tlsport connect sends
	connectWant          []string
}

// check runs c against the server at addr, verified by caFile.
func (c serverCase) check(t *testing.T, addr, caFile string) {
	t.Helper()
	conn, reply := upgrade(t, addr, c.p, caFile)
	if c.replyWant != "" {
		contains(t, c.replyWhat, reply, c.replyWant)
	}
	if c.more != nil {
		c.more(conn)
	}
	host, port := hostPort(t, addr)
	example(t, c.example, append([]string{host, port, caFile}, c.args...), c.exampleWant...)
	connectStartTLS(t, c.p, addr, caFile, c.stdin, c.connectWant...)
}

// realServers starts each server once and runs the dialogue, the example
// and tlsport connect against it.
func TestRealServers(t *testing.T) {
	set := certgen.MustSet(t)
	f := set.Files
	t.Run("dovecot", func(t *testing.T) {
		t.Parallel()
		m := testpeer.Dovecot(t, f.LeafCert, f.LeafKey)
		t.Run("imap", func(t *testing.T) {
			serverCase{p: starttls.IMAP, replyWhat: "STARTTLS reply", replyWant: "T2 OK",
				more: func(c *ports.Conn) {
					r, err := starttls.IMAPCommand(wire(c), "a1", "LOGIN "+testpeer.User+" "+testpeer.Password)
					if err != nil || r.Status != "OK" {
						t.Fatalf("LOGIN over TLS: %+v %v", r, err)
					}
				},
				example: "imap-list.scm", args: []string{testpeer.User, testpeer.Password},
				exampleWant: []string{
					`^TLS: tls1[23], server verified: #t$`,
					`^S: a1 OK`,
					`^S: \* LIST .*INBOX`,
					`^S: a3 OK`,
					`Subject: tlsport test`,
					`^ok: mailbox listed$`},
				stdin: "a1 LOGOUT\r\n", connectWant: []string{`^\* BYE `, `^a1 OK`},
			}.check(t, m.IMAPAddr, f.CACert)
		})
		t.Run("pop3", func(t *testing.T) {
			serverCase{p: starttls.POP3,
				more: func(c *ports.Conn) {
					w := wire(c)
					for _, cmd := range []string{"USER " + testpeer.User, "PASS " + testpeer.Password} {
						if r, err := starttls.POP3Command(w, cmd, false); err != nil || !r.OK {
							t.Fatalf("%s: %+v %v", cmd, r, err)
						}
					}
					r, err := starttls.POP3Command(w, "RETR 1", true)
					if err != nil || !r.OK {
						t.Fatalf("RETR: %+v %v", r, err)
					}
					contains(t, "RETR", r.Data, "Hello from the test mailbox.")
				},
				example: "pop3-retrieve.scm", args: []string{testpeer.User, testpeer.Password},
				exampleWant: []string{
					`^TLS: tls1[23], server verified: #t$`,
					`^S: \+OK 1 `,
					`^\| Subject: tlsport test$`,
					`^\| Hello from the test mailbox\.$`,
					`^ok: message retrieved$`},
				stdin: "QUIT\r\n", connectWant: []string{`^\+OK Logging out`},
			}.check(t, m.POP3Addr, f.CACert)
		})
		t.Run("postfix", func(t *testing.T) {
			d := testpeer.Postfix(t, f.LeafCert, f.LeafKey, m.AuthAddr)
			serverCase{p: starttls.SMTP, replyWhat: "EHLO after STARTTLS", replyWant: "AUTH PLAIN",
				example: "smtp-submit.scm", args: []string{testpeer.User, testpeer.Password, "alice@localhost", "bob@example.org"},
				exampleWant: []string{
					`^TLS: tls1[23], server verified: #t$`,
					`^S: EHLO after STARTTLS: .*AUTH PLAIN`,
					`^S: 235 `,
					`^S: 250 2\.0\.0 Ok: queued as \w+$`,
					`^ok: message submitted$`},
				stdin: "QUIT\r\n", connectWant: []string{`^server's last reply:$`, `^  250-AUTH PLAIN$`, `^221 2\.0\.0 Bye`},
			}.check(t, d.Addr, f.CACert)
		})
	})
	for _, s := range []struct {
		name  string
		start func(t *testing.T) string // starts the server, returns its address
		c     serverCase
	}{
		{"slapd", func(t *testing.T) string { return testpeer.Slapd(t, f.LeafCert, f.LeafKey).Addr },
			serverCase{p: starttls.LDAP, replyWhat: "ExtendedResponse", replyWant: "resultCode 0 success",
				example: "ldap-search.scm", args: []string{testpeer.LDAPAdmin, testpeer.Password, testpeer.LDAPBase, "cn", "alice"},
				exampleWant: []string{
					`^StartTLS: resultCode 0 success$`,
					`^TLS: tls1[23], server verified: #t$`,
					`^bind as cn=admin,dc=example,dc=org: resultCode 0 $`,
					`^dn: cn=alice,dc=example,dc=org$`,
					`^sn: Liddell$`,
					`^entries: 1$`,
					`^ok: bound and searched$`},
				connectWant: []string{`^  resultCode 0 success$`}}},
		{"postgresql", func(t *testing.T) string { return testpeer.PostgreSQL(t, f.LeafCert, f.LeafKey).Addr },
			serverCase{p: starttls.PostgreSQL, replyWhat: "SSLRequest", replyWant: "S",
				example: "postgresql-query.scm", args: []string{testpeer.PostgresUser, testpeer.Password, "postgres",
					"SELECT 6 * 7 AS answer, current_user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"},
				exampleWant: []string{
					`^SSLRequest answered: S$`,
					`^TLS: tls1[23], server verified: #t$`,
					`^authenticated as tlsport$`,
					`^columns: answer \| current_user \| ssl$`,
					`^row: 42 \| tlsport \| t$`,
					`^done: SELECT 1$`,
					`^ok: query ran over TLS$`},
				connectWant: []string{`^  S$`}}},
		{"prosody", func(t *testing.T) string { return testpeer.Prosody(t, f.LeafCert, f.LeafKey).Addr },
			serverCase{p: starttls.XMPP, replyWhat: "features after TLS", replyWant: "PLAIN",
				example: "xmpp-login.scm", args: []string{testpeer.User, testpeer.Password, "localhost"},
				exampleWant: []string{
					`^TLS: tls1[23], server verified: #t$`,
					`^S: <stream:features>.*PLAIN`,
					`^S: <success`,
					`^S: <iq .*<jid>alice@localhost/tlsport</jid>`,
					`^ok: authenticated as alice@localhost$`},
				stdin: "</stream:stream>", connectWant: []string{`^  <stream:features>.*PLAIN`}}},
		{"vsftpd", func(t *testing.T) string { return testpeer.VSFTPD(t, f.LeafCert, f.LeafKey).Addr },
			serverCase{p: starttls.FTP, replyWhat: "PROT P", replyWant: "200",
				example: "ftp-list.scm", args: []string{"anonymous", "", "pub"},
				exampleWant: []string{
					`^TLS: tls1[23], server verified: #t$`,
					`^S: 200 PROT now Private\.$`,
					`^S: 230 `,
					`^data port: \d+$`,
					`^\| -r.* readme\.txt$`,
					`^data connection verified: #t$`,
					`^S: 226 `,
					`^ok: directory listed over a TLS data connection$`},
				stdin: "QUIT\r\n", connectWant: []string{`^  200 PROT now Private\.$`, `^221 Goodbye\.`}}},
	} {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			s.c.check(t, s.start(t), f.CACert)
		})
	}
}
