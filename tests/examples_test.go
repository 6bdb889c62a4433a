// End-to-end tests: every examples/*.scm run through the real tlsport command, and the README's commands.

package tests

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/tests/testbin"
)

// root is the module root, relative to this package's directory.
const root = ".."

// exampleDeadline bounds one example run (the machine may be slow and busy).
const exampleDeadline = 90 * time.Second

// tlsportBin is the tlsport command built once by TestMain.
var tlsportBin string

func TestMain(m *testing.M) { os.Exit(testbin.Main(m, root, &tlsportBin)) }

// expectation is what a run of one example must print on stdout, as
// regular expressions matched against whole lines, in order.
type expectation struct {
	lines []string
}

// examples holds one row per examples/*.scm. A new example without a row
// fails TestExamples, so every example gets its expectations.
var examples = map[string]expectation{
	"https-demo.scm": {lines: []string{
		`^server: listening on 127\.0\.0\.1:\d+$`,
		`^server: got request line "GET /hello HTTP/1\.0"$`,
		`^client: status line: HTTP/1\.0 200 OK$`,
		`^client: body: Hello over tls13, you asked for /hello$`,
		`^client: protocol: tls13$`,
		`^client: ALPN: http/1\.1$`,
		`^client: cipher: TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$`,
		`^client: peer verified: #t$`,
		`^client: peer subject: /O=tlsport ephemeral/CN=localhost$`,
		`^ok: request served and verified over TLS$`,
	}},
	"echo-server.scm": {lines: []string{
		`^server: listening on 127\.0\.0\.1:\d+$`,
		`^client 1: 4/4 echoes matched$`,
		`^client 2: 4/4 echoes matched$`,
		`^client 3: 4/4 echoes matched$`,
		`^client 4: 4/4 echoes matched$`,
		`^client 5: 4/4 echoes matched$`,
		`^server: served 5 connections, 20 lines$`,
		`^ok: 5 concurrent clients echoed$`,
	}},
	"sagittarius-echo.scm": {lines: []string{
		`^server: listening on 127\.0\.0\.1:\d+$`,
		`^client: echo: hello$`,
		`^client: echo: grüß dich$`,
		`^client: echo: bye$`,
		`^server: echoed 3 lines$`,
		`^ok: every line came back over TLS$`,
	}},
	"cert-inspector.scm": {lines: []string{
		`^-- trusting exactly the server's certificate:$`,
		`^  subject:   /O=tlsport ephemeral/CN=localhost$`,
		`^  issuer:    /O=tlsport ephemeral/CN=localhost$`,
		`^  SANs:      localhost, 127\.0\.0\.1, ::1$`,
		`^  validity:  [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT to [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$`,
		`^  verified:  #t$`,
		`^  verify result: 0 ok$`,
		`^-- with the default trust store`,
		`^  verified:  #f$`,
		`^  verify result: 18 self-signed certificate$`,
		`^  refused: status ssl, verify error depth-zero-self-signed-cert \(self-signed certificate\)$`,
		`^ok: certificate inspected$`,
	}},
	"tls-repl.scm": {lines: []string{
		`^server: listening on 127\.0\.0\.1:\d+$`,
		`^client: "hello over TLS"$`,
		`^client: 3$`,
		`^client: 42$`,
		`^client: ; 2 values$`,
		`^client: Error: \(car\) bad argument type in argument 1 \(expected pair\): \(\)$`,
		`^client: 2$`,
		`^server: repl returned session-closed$`,
		`^ok: console session over TLS$`,
	}},
	"conditions.scm": {lines: []string{
		`^condition-case: depth-zero-self-signed-cert$`,
		`^guard: ssl: library=crypto/x509, function=handshake, reason=`,
		`^ext predicates: \(18 self-signed certificate\)$`,
		`^timeout: timeout$`,
		`^ok: every failure was caught$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"smtp-submit.scm": {lines: []string{
		`^usage: tlsport examples/smtp-submit\.scm HOST PORT CAFILE USER PASSWORD FROM TO$`,
		`^\(needs an SMTP server offering STARTTLS and AUTH PLAIN; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"imap-list.scm": {lines: []string{
		`^usage: tlsport examples/imap-list\.scm HOST PORT CAFILE USER PASSWORD \[MAILBOX\]$`,
		`^\(needs an IMAP server offering STARTTLS; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"pop3-retrieve.scm": {lines: []string{
		`^usage: tlsport examples/pop3-retrieve\.scm HOST PORT CAFILE USER PASSWORD \[N\]$`,
		`^\(needs a POP3 server offering STLS; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"ldap-search.scm": {lines: []string{
		`^usage: tlsport examples/ldap-search\.scm HOST PORT CAFILE BIND-DN PASSWORD BASE ATTRIBUTE VALUE$`,
		`^\(needs an LDAP server supporting StartTLS; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"postgresql-query.scm": {lines: []string{
		`^usage: tlsport examples/postgresql-query\.scm HOST PORT CAFILE USER PASSWORD DATABASE QUERY$`,
		`^\(needs a PostgreSQL server with ssl=on; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"xmpp-login.scm": {lines: []string{
		`^usage: tlsport examples/xmpp-login\.scm HOST PORT CAFILE USER PASSWORD DOMAIN$`,
		`^\(needs an XMPP server offering STARTTLS; nothing to do\)$`,
	}},
	// Needs a server: without arguments it prints its usage (TestRealServers runs it).
	"ftp-list.scm": {lines: []string{
		`^usage: tlsport examples/ftp-list\.scm HOST PORT CAFILE USER PASSWORD \[DIRECTORY\]$`,
		`^\(needs an FTP server offering AUTH TLS; nothing to do\)$`,
	}},
	"starttls-smtp.scm": {lines: []string{
		`^S: 220 mail\.example ESMTP tlsport$`,
		`^C: EHLO client\.example$`,
		`^S: 250 STARTTLS$`,
		`^S: 530 Must issue a STARTTLS command first$`,
		`^C: STARTTLS$`,
		`^S: 220 Ready to start TLS$`,
		`^-- TLS started: tls1[23], server certificate /O=tlsport ephemeral/CN=localhost$`,
		`^-- server verified: ok$`,
		`^C: EHLO client\.example$`,
		`^S: 250 AUTH PLAIN$`,
		`^C: MAIL FROM:<alice@example\.org>$`,
		`^S: 250 OK$`,
		`^C: QUIT$`,
		`^S: 221 Bye$`,
		`^ok: STARTTLS session completed$`,
	}},
}

// run runs tlsport with args from the module root and returns stdout,
// stderr and the exit status (-1 when it could not run or timed out).
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), exampleDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, tlsportBin, args...)
	cmd.Dir = root
	cmd.Stdin = strings.NewReader("")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code = cmd.ProcessState.ExitCode()
	if ctx.Err() != nil {
		t.Errorf("tlsport %s: no exit within %v", strings.Join(args, " "), exampleDeadline)
		code = -1
	} else if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Errorf("tlsport %s: %v", strings.Join(args, " "), err)
			code = -1
		}
	}
	return out.String(), errOut.String(), code
}

// matchLines checks that the patterns match lines of out, in order.
func matchLines(t *testing.T, out string, patterns []string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	i := 0
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		for i < len(lines) && !re.MatchString(lines[i]) {
			i++
		}
		if i == len(lines) {
			t.Errorf("no line matching %q (in order) in output:\n%s", p, out)
			return
		}
		i++
	}
}

// exampleFiles returns the base names of examples/*.scm.
func exampleFiles(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, "examples", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no examples/*.scm found")
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return names
}

// runExample runs one example the way the README says and checks its output.
func runExample(t *testing.T, name string) {
	t.Helper()
	want, ok := examples[name]
	if !ok {
		t.Fatalf("examples/%s has no entry in the examples table of tests/examples_test.go; add its expected output lines", name)
	}
	stdout, stderr, code := run(t, "examples/"+name)
	if code != 0 {
		t.Fatalf("tlsport examples/%s: exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", name, code, stdout, stderr)
	}
	matchLines(t, stdout, want.lines)
	if t.Failed() && stderr != "" {
		t.Logf("stderr:\n%s", stderr)
	}
}

func TestExamples(t *testing.T) {
	names := exampleFiles(t)
	for _, name := range names {
		t.Run(strings.TrimSuffix(name, ".scm"), func(t *testing.T) {
			t.Parallel()
			runExample(t, name)
		})
	}
	for name := range examples {
		if !slices.Contains(names, name) {
			t.Errorf("the examples table has an entry for %s, but examples/%s does not exist", name, name)
		}
	}
}

// TestCertInspectorRemote runs cert-inspector.scm with HOST PORT against a
// bare Go crypto/tls server whose certificate nobody trusts.
func TestCertInspectorRemote(t *testing.T) {
	cert := selfSigned(t, "inspect.test", []string{"inspect.test", "alt.inspect.test"})
	l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(exampleDeadline))
				// Complete the handshake, then wait for the client to close.
				if err := c.(*tls.Conn).Handshake(); err == nil {
					bufio.NewReader(c).ReadString('\n')
				}
			}()
		}
	}()
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	stdout, stderr, code := run(t, "examples/cert-inspector.scm", "127.0.0.1", port)
	if code != 0 {
		t.Fatalf("exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	matchLines(t, stdout, []string{
		`^connected to 127\.0\.0\.1:` + port + ` using tls13$`,
		`^  subject:   /O=tlsport e2e/CN=inspect\.test$`,
		`^  issuer:    /O=tlsport e2e/CN=inspect\.test$`,
		`^  SANs:      inspect\.test, alt\.inspect\.test$`,
		`^  name 127\.0\.0\.1 matches: #f$`,
		`^  verified:  #f$`,
		// the engine reports the last failure, as OpenSSL's SSL_get_verify_result
		// does when verification continues past errors: the IP mismatch.
		`^  verify result: 64 IP address mismatch$`,
	})
}

// selfSigned makes a certificate valid around now for the given DNS names.
func selfSigned(t *testing.T, cn string, dns []string) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(now.UnixNano()),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"tlsport e2e"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(time.Hour),
		DNSNames:     dns,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// readme returns the top-level README.md.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestREADMEMainJob runs the README's main-job command exactly as written:
// the first `go run ./cmd/tlsport examples/….scm` line, which must come
// before any other command and name an example with a table entry.
func TestREADMEMainJob(t *testing.T) {
	text := readme(t)
	re := regexp.MustCompile("(?m)^\\s*(?:\\$ )?go run \\./cmd/tlsport (examples/[\\w.-]+\\.scm)\\s*(?:#.*)?$")
	m := re.FindStringSubmatchIndex(text)
	if m == nil {
		t.Fatal("README.md has no line `go run ./cmd/tlsport examples/NAME.scm`")
	}
	if first := strings.Index(text, "go test ./..."); first < 0 {
		t.Error("README.md does not show `go test ./...`")
	}
	if lines := strings.Count(text[:m[0]], "\n"); lines > 15 {
		t.Errorf("the main-job command is on line %d of README.md; it belongs at the top", lines+1)
	}
	path := text[m[2]:m[3]]
	if _, err := os.Stat(filepath.Join(root, path)); err != nil {
		t.Fatalf("README.md runs %s: %v", path, err)
	}
	name := filepath.Base(path)
	if _, ok := examples[name]; !ok {
		t.Fatalf("README.md runs %s, which has no entry in the examples table", path)
	}
	runExample(t, name)
}

// TestREADMEGoAPI checks that the README's Go code block is an excerpt of
// a compiled, run example: every line of it appears, in order, in the
// root package's example_test.go.
func TestREADMEGoAPI(t *testing.T) {
	text := readme(t)
	start := strings.Index(text, "```go\n")
	if start < 0 {
		t.Fatal("README.md has no ```go block")
	}
	block, _, ok := strings.Cut(text[start+len("```go\n"):], "```")
	if !ok {
		t.Fatal("README.md: unterminated ```go block")
	}
	src, err := os.ReadFile(filepath.Join(root, "example_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, l := range strings.Split(string(src), "\n") {
		have = append(have, strings.TrimSpace(l))
	}
	i := 0
	for _, l := range strings.Split(block, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == "..." || strings.HasPrefix(l, "// ...") {
			continue
		}
		for i < len(have) && have[i] != l {
			i++
		}
		if i == len(have) {
			t.Fatalf("README.md Go block line %q is not (in order) in example_test.go", l)
		}
		i++
	}
}

// TestREADMETour drives the REPL through a pipe with the tour's inputs:
// the lines after the "#;N> " prompts in README blocks marked
// ```tlsport-session (and the indented lines continuing them).
func TestREADMETour(t *testing.T) {
	text := readme(t)
	var inputs []string
	for _, part := range strings.Split(text, "```tlsport-session\n")[1:] {
		block, _, _ := strings.Cut(part, "```")
		for _, l := range strings.Split(block, "\n") {
			if m := promptRE.FindStringSubmatch(l); m != nil {
				inputs = append(inputs, m[1])
			} else if n := len(inputs); n > 0 && continuation(inputs[n-1]) {
				inputs[n-1] += "\n" + l
			}
		}
	}
	if len(inputs) == 0 {
		t.Skip("README.md has no ```tlsport-session block")
	}
	ctx, cancel := context.WithTimeout(context.Background(), exampleDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, tlsportBin)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "TLSPORT_HISTORY="+filepath.Join(t.TempDir(), "history"), "HOME="+t.TempDir()) // no ~/.tlsportrc
	cmd.Stdin = strings.NewReader(strings.Join(inputs, "\n") + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("REPL tour: %v\n%s", err, out)
	}
	for _, want := range tourChecks {
		if !regexp.MustCompile(want).Match(out) {
			t.Errorf("REPL tour output has no match for %q:\n%s", want, out)
		}
	}
}

// promptRE matches a REPL input line of a README session: "#;1> (+ 1 2)".
var promptRE = regexp.MustCompile(`^#;\d+> (.*)$`)

// continuation reports whether a REPL input is still inside an open datum.
func continuation(src string) bool {
	depth := 0
	inString := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == ';':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
	}
	return depth > 0 || inString
}

// tourChecks are what the REPL tour of README.md must print.
var tourChecks = []string{
	`\(ssl-connect\* #!key`,              // ,help ssl-connect*
	`ssl-peer-verified\?`,                // ,apropos ssl-peer
	`ssl-peer-certificate-hostnames`,     // ,apropos ssl-peer
	`"hello, tls"`,                       // the echo
	`#t`,                                 // ssl-peer-verified?
	`caught: ssl depth-zero-self-signed`, // the condition-case
	`Error: \(read-line\) TLS handshake failed: certificate verify failed: self-signed certificate.*\n  status ssl; verify error: self-signed certificate \(depth-zero-self-signed-cert, depth 0\)\n  peer: certificate /O=tlsport ephemeral/CN=localhost\n#;`, // the short report
	`openssl.verify-code: 18`, // ,exn
}
