// Dialogues against scripted in-process servers: refusals, offers missing, the bytes read ahead, and the reply readers.

package starttls

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"
)

// step is one exchange of a scripted server: it reads a line (read < 0)
// or read bytes, then writes write.
type step struct {
	read  int
	write string
}

// script serves steps on one loopback connection and returns the client end.
func script(t *testing.T, greeting string, steps ...step) net.Conn {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		r := bufio.NewReader(c)
		io.WriteString(c, greeting)
		for _, s := range steps {
			if s.read < 0 {
				if _, err := r.ReadString('\n'); err != nil {
					return
				}
			} else if _, err := io.ReadFull(r, make([]byte, s.read)); err != nil {
				return
			}
			io.WriteString(c, s.write)
		}
		io.Copy(io.Discard, r)
	}()
	c, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func line(w string) step { return step{read: -1, write: w} }

// ldapResponse is an ExtendedResponse with resultCode code and message.
func ldapResponse(code int64, msg string) string {
	op := &BER{Class: ClassApplication, Constructed: true, Tag: 24, Children: []*BER{
		IntBER(ClassUniversal, TagEnumerated, code),
		{Tag: TagOctetString}, {Tag: TagOctetString, Value: []byte(msg)}}}
	return string(LDAPMessage(1, op).Encode())
}

func TestNegotiate(t *testing.T) {
	ldapReq := len(LDAPMessage(1, &BER{Class: ClassApplication, Constructed: true, Tag: 23, Children: []*BER{
		{Class: ClassContext, Tag: 0, Value: []byte(LDAPStartTLSOID)}}}).Encode())
	tests := []struct {
		name     string
		p        Protocol
		greeting string
		steps    []step
		reply    string // a line of the reply on success
		left     string // bytes read ahead on success
		refusal  string // RefusedError.Reply on refusal
	}{
		{name: "smtp", p: SMTP, greeting: "220-mx ESMTP\r\n220 ready\r\n",
			steps: []step{line("250-mx\r\n250-starttls\r\n250 8BITMIME\r\n"), line("220 2.0.0 go ahead\r\n\x16\x03")},
			reply: "220 2.0.0 go ahead", left: "\x16\x03"},
		{name: "smtp 454", p: SMTP, greeting: "220 mx\r\n",
			steps:   []step{line("250-mx\r\n250 STARTTLS\r\n"), line("454 4.7.0 TLS not available\r\n")},
			refusal: "454 4.7.0 TLS not available"},
		{name: "smtp not offered", p: SMTP, greeting: "220 mx\r\n",
			steps:   []step{line("250-mx\r\n250 SIZE 100\r\n")},
			refusal: "250-mx\n250 SIZE 100"},
		{name: "imap", p: IMAP, greeting: "* OK IMAP4rev1\r\n",
			steps: []step{line("* CAPABILITY IMAP4rev1 STARTTLS\r\nT1 OK done\r\n"), line("T2 OK Begin TLS\r\n")},
			reply: "T2 OK Begin TLS"},
		{name: "imap NO", p: IMAP, greeting: "* OK hi\r\n",
			steps:   []step{line("* CAPABILITY IMAP4rev1 STARTTLS\r\nT1 OK done\r\n"), line("T2 NO [UNAVAILABLE] later\r\n")},
			refusal: "T2 NO [UNAVAILABLE] later"},
		{name: "pop3", p: POP3, greeting: "+OK hi\r\n",
			steps: []step{line("+OK\r\nUSER\r\nSTLS\r\n.\r\n"), line("+OK begin\r\n")}, reply: "+OK begin"},
		{name: "pop3 -ERR", p: POP3, greeting: "+OK hi\r\n",
			steps:   []step{line("+OK\r\nSTLS\r\n.\r\n"), line("-ERR not now\r\n")},
			refusal: "-ERR not now"},
		{name: "ldap", p: LDAP, steps: []step{{read: ldapReq, write: ldapResponse(0, "")}}, reply: "resultCode 0 success"},
		{name: "ldap unavailable", p: LDAP, steps: []step{{read: ldapReq, write: ldapResponse(52, "no TLS here")}},
			refusal: "resultCode 52 unavailable: no TLS here"},
		{name: "postgresql", p: PostgreSQL, steps: []step{{read: 8, write: "S"}}, reply: "S"},
		{name: "postgresql N", p: PostgreSQL, steps: []step{{read: 8, write: "N"}}, refusal: "N"},
		{name: "xmpp", p: XMPP, steps: []step{
			{read: len(XMPPStreamHeader("localhost")), write: "<?xml version='1.0'?><stream:stream from='localhost' id='x' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" +
				"<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls><a b='>'/></stream:features>"},
			{read: len("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"), write: "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"}},
			reply: "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"},
		{name: "xmpp failure", p: XMPP, steps: []step{
			{read: len(XMPPStreamHeader("localhost")), write: "<stream:stream><stream:features><starttls/></stream:features>"},
			{read: len("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"), write: "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"}},
			refusal: "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"},
		{name: "ftp", p: FTP, greeting: "220-welcome\r\nsecond line\r\n220 ready\r\n",
			steps: []step{line("234 Proceed\r\n")}, reply: "234 Proceed"},
		{name: "ftp 530", p: FTP, greeting: "220 hi\r\n", steps: []step{line("530 TLS not configured\r\n")},
			refusal: "530 TLS not configured"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := script(t, tc.greeting, tc.steps...)
			if tc.left != "" {
				time.Sleep(50 * time.Millisecond) // let the read-ahead bytes arrive with the reply
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			left, reply, err := Negotiate(ctx, c, nil, tc.p, Options{Timeout: 5 * time.Second})
			if tc.refusal != "" {
				var re *RefusedError
				if !errors.As(err, &re) {
					t.Fatalf("err = %v, want a RefusedError", err)
				}
				if re.Protocol != tc.p || re.Reply != tc.refusal {
					t.Errorf("refusal = %s %q, want %s %q", re.Protocol, re.Reply, tc.p, tc.refusal)
				}
				if !strings.Contains(err.Error(), string(tc.p)) || !strings.Contains(err.Error(), tc.refusal) {
					t.Errorf("message %q does not name the protocol and quote the reply", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(reply, "\n"), tc.reply) {
				t.Errorf("reply %q lacks %q", reply, tc.reply)
			}
			if string(left) != tc.left {
				t.Errorf("read ahead %q, want %q", left, tc.left)
			}
		})
	}
}

// TestNegotiateCancel: a silent server and a cancelled context end the
// dialogue promptly.
func TestNegotiateCancel(t *testing.T) {
	c := script(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	if _, _, err := Negotiate(ctx, c, nil, SMTP, Options{}); err == nil {
		t.Fatal("no error from a cancelled dialogue")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("cancel took %v", d)
	}
	c2 := script(t, "")
	if _, _, err := Negotiate(context.Background(), c2, nil, IMAP, Options{Timeout: 50 * time.Millisecond}); err == nil {
		t.Fatal("no error from a timed-out dialogue")
	}
}

func TestBER(t *testing.T) {
	long := strings.Repeat("x", 300)
	e := LDAPMessage(7, &BER{Class: ClassApplication, Constructed: true, Tag: 3, Children: []*BER{
		{Tag: TagOctetString, Value: []byte(long)}, IntBER(ClassUniversal, TagInteger, -129), IntBER(ClassUniversal, TagInteger, 70000)}})
	got, rest, err := ParseBER(append(e.Encode(), 0xff))
	if err != nil || len(rest) != 1 {
		t.Fatalf("ParseBER: %v, rest %x", err, rest)
	}
	id, _ := got.Children[0].Int()
	n1, _ := got.Children[1].Children[1].Int()
	n2, _ := got.Children[1].Children[2].Int()
	if id != 7 || n1 != -129 || n2 != 70000 || string(got.Children[1].Children[0].Value) != long {
		t.Errorf("round trip: id %d, ints %d %d", id, n1, n2)
	}
	for _, bad := range [][]byte{{0x30}, {0x30, 0x05, 0x02}, {0x30, 0x85, 1, 1, 1, 1, 1}, {0x1f, 0x01, 0x00}} {
		if _, _, err := ParseBER(bad); err == nil {
			t.Errorf("ParseBER(%x) accepted", bad)
		}
	}
}

func TestParseProtocol(t *testing.T) {
	for in, want := range map[string]Protocol{"SMTP": SMTP, "postgres": PostgreSQL, "pop": POP3, "xmpp": XMPP} {
		if p, err := ParseProtocol(in); err != nil || p != want {
			t.Errorf("ParseProtocol(%q) = %q, %v", in, p, err)
		}
	}
	if _, err := ParseProtocol("gopher"); err == nil || !strings.Contains(err.Error(), "smtp, imap") {
		t.Errorf("ParseProtocol(gopher) = %v", err)
	}
}

// TestNegotiateNoLeak: refused and cancelled dialogues leave no goroutine
// behind (the context watch is released).
func TestNegotiateNoLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 50 {
		c := script(t, "220 mx\r\n", line("250 SIZE 1\r\n"))
		ctx, cancel := context.WithCancel(context.Background())
		if _, _, err := Negotiate(ctx, c, nil, SMTP, Options{Timeout: time.Second}); err == nil {
			t.Fatal("no refusal")
		}
		cancel()
		c.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("goroutines: %d before, %d after", before, n)
	}
}
