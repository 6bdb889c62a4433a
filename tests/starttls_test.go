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

// realServers starts each server once and runs the dialogue, the example
// and tlsport connect against it.
func TestRealServers(t *testing.T) {
	set := certgen.MustSet(t)
	f := set.Files
	t.Run("dovecot", func(t *testing.T) {
		t.Parallel()
		m := testpeer.Dovecot(t, f.LeafCert, f.LeafKey)
		t.Run("imap", func(t *testing.T) {
			c, reply := upgrade(t, m.IMAPAddr, starttls.IMAP, f.CACert)
			contains(t, "STARTTLS reply", reply, "T2 OK")
			r, err := starttls.IMAPCommand(wire(c), "a1", "LOGIN "+testpeer.User+" "+testpeer.Password)
			if err != nil || r.Status != "OK" {
				t.Fatalf("LOGIN over TLS: %+v %v", r, err)
			}
			host, port := hostPort(t, m.IMAPAddr)
			example(t, "imap-list.scm", []string{host, port, f.CACert, testpeer.User, testpeer.Password},
				`^TLS: tls1[23], server verified: #t$`,
				`^S: a1 OK`,
				`^S: \* LIST .*INBOX`,
				`^S: a3 OK`,
				`Subject: tlsport test`,
				`^ok: mailbox listed$`)
			connectStartTLS(t, starttls.IMAP, m.IMAPAddr, f.CACert, "a1 LOGOUT\r\n", `^\* BYE `, `^a1 OK`)
		})
		t.Run("pop3", func(t *testing.T) {
			c, _ := upgrade(t, m.POP3Addr, starttls.POP3, f.CACert)
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
			host, port := hostPort(t, m.POP3Addr)
			example(t, "pop3-retrieve.scm", []string{host, port, f.CACert, testpeer.User, testpeer.Password},
				`^TLS: tls1[23], server verified: #t$`,
				`^S: \+OK 1 `,
				`^\| Subject: tlsport test$`,
				`^\| Hello from the test mailbox\.$`,
				`^ok: message retrieved$`)
			connectStartTLS(t, starttls.POP3, m.POP3Addr, f.CACert, "QUIT\r\n", `^\+OK Logging out`)
		})
		t.Run("postfix", func(t *testing.T) {
			d := testpeer.Postfix(t, f.LeafCert, f.LeafKey, m.AuthAddr)
			_, reply := upgrade(t, d.Addr, starttls.SMTP, f.CACert)
			contains(t, "EHLO after STARTTLS", reply, "AUTH PLAIN")
			host, port := hostPort(t, d.Addr)
			example(t, "smtp-submit.scm", []string{host, port, f.CACert, testpeer.User, testpeer.Password, "alice@localhost", "bob@example.org"},
				`^TLS: tls1[23], server verified: #t$`,
				`^S: EHLO after STARTTLS: .*AUTH PLAIN`,
				`^S: 235 `,
				`^S: 250 2\.0\.0 Ok: queued as \w+$`,
				`^ok: message submitted$`)
			connectStartTLS(t, starttls.SMTP, d.Addr, f.CACert, "QUIT\r\n", `^server's last reply:$`, `^  250-AUTH PLAIN$`, `^221 2\.0\.0 Bye`)
		})
	})
	t.Run("slapd", func(t *testing.T) {
		t.Parallel()
		d := testpeer.Slapd(t, f.LeafCert, f.LeafKey)
		_, reply := upgrade(t, d.Addr, starttls.LDAP, f.CACert)
		contains(t, "ExtendedResponse", reply, "resultCode 0 success")
		host, port := hostPort(t, d.Addr)
		example(t, "ldap-search.scm", []string{host, port, f.CACert, testpeer.LDAPAdmin, testpeer.Password, testpeer.LDAPBase, "cn", "alice"},
			`^StartTLS: resultCode 0 success$`,
			`^TLS: tls1[23], server verified: #t$`,
			`^bind as cn=admin,dc=example,dc=org: resultCode 0 $`,
			`^dn: cn=alice,dc=example,dc=org$`,
			`^sn: Liddell$`,
			`^entries: 1$`,
			`^ok: bound and searched$`)
		connectStartTLS(t, starttls.LDAP, d.Addr, f.CACert, "", `^  resultCode 0 success$`)
	})
	t.Run("postgresql", func(t *testing.T) {
		t.Parallel()
		d := testpeer.PostgreSQL(t, f.LeafCert, f.LeafKey)
		_, reply := upgrade(t, d.Addr, starttls.PostgreSQL, f.CACert)
		contains(t, "SSLRequest", reply, "S")
		host, port := hostPort(t, d.Addr)
		example(t, "postgresql-query.scm", []string{host, port, f.CACert, testpeer.PostgresUser, testpeer.Password, "postgres",
			"SELECT 6 * 7 AS answer, current_user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"},
			`^SSLRequest answered: S$`,
			`^TLS: tls1[23], server verified: #t$`,
			`^authenticated as tlsport$`,
			`^columns: answer \| current_user \| ssl$`,
			`^row: 42 \| tlsport \| t$`,
			`^done: SELECT 1$`,
			`^ok: query ran over TLS$`)
		connectStartTLS(t, starttls.PostgreSQL, d.Addr, f.CACert, "", `^  S$`)
	})
	t.Run("prosody", func(t *testing.T) {
		t.Parallel()
		d := testpeer.Prosody(t, f.LeafCert, f.LeafKey)
		_, reply := upgrade(t, d.Addr, starttls.XMPP, f.CACert)
		contains(t, "features after TLS", reply, "PLAIN")
		host, port := hostPort(t, d.Addr)
		example(t, "xmpp-login.scm", []string{host, port, f.CACert, testpeer.User, testpeer.Password, "localhost"},
			`^TLS: tls1[23], server verified: #t$`,
			`^S: <stream:features>.*PLAIN`,
			`^S: <success`,
			`^S: <iq .*<jid>alice@localhost/tlsport</jid>`,
			`^ok: authenticated as alice@localhost$`)
		connectStartTLS(t, starttls.XMPP, d.Addr, f.CACert, "</stream:stream>", `^  <stream:features>.*PLAIN`)
	})
	t.Run("vsftpd", func(t *testing.T) {
		t.Parallel()
		d := testpeer.VSFTPD(t, f.LeafCert, f.LeafKey)
		_, reply := upgrade(t, d.Addr, starttls.FTP, f.CACert)
		contains(t, "PROT P", reply, "200")
		host, port := hostPort(t, d.Addr)
		example(t, "ftp-list.scm", []string{host, port, f.CACert, "anonymous", "", "pub"},
			`^TLS: tls1[23], server verified: #t$`,
			`^S: 200 PROT now Private\.$`,
			`^S: 230 `,
			`^data port: \d+$`,
			`^\| -r.* readme\.txt$`,
			`^data connection verified: #t$`,
			`^S: 226 `,
			`^ok: directory listed over a TLS data connection$`)
		connectStartTLS(t, starttls.FTP, d.Addr, f.CACert, "QUIT\r\n", `^  200 PROT now Private\.$`, `^221 Goodbye\.`)
	})
}
