// tlsport connect: open a TLS or STARTTLS connection, report it legibly, then relay stdin/stdout or open the REPL.

package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/crypto/ocsp"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/repl"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

const connectUsage = `usage: tlsport connect [options] HOST:PORT

Connect with TLS (or upgrade a plaintext protocol with --starttls), print
the protocol, cipher, key exchange group, ALPN, session resumption, OCSP
staple and the server's chain with the verification result, then open the
REPL with in, out, conn (= in) and reply bound, or relay stdin/stdout
(--raw). A certificate that does not verify ends the command with status 1
unless --no-verify is given.

options:
`

// connectOptions are the flags of tlsport connect.
type connectOptions struct {
	addr, host, port  string
	starttls          string
	servername, alpn  string
	cafile, cert, key string
	noVerify, raw     bool
	tls12, tls13      bool
	timeout           time.Duration
	protocol          starttls.Protocol
	alpnOffered       []string
}

// parseConnect parses the arguments after "connect"; flags may come
// before or after HOST:PORT.
func parseConnect(args []string, stderr io.Writer) (*connectOptions, error) {
	o := &connectOptions{}
	fs := flag.NewFlagSet("connect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, connectUsage); fs.PrintDefaults() }
	fs.StringVar(&o.starttls, "starttls", "", "upgrade with the `protocol`'s STARTTLS dialogue: smtp, imap, pop3, ldap, postgresql, xmpp, ftp")
	fs.StringVar(&o.servername, "servername", "", "the `name` sent as SNI and verified (default: HOST)")
	fs.StringVar(&o.alpn, "alpn", "", "offer these ALPN `protocols` (comma-separated, e.g. h2,http/1.1)")
	fs.StringVar(&o.cafile, "cafile", "", "trust the CA certificates in this PEM `file` (default: the system roots)")
	fs.StringVar(&o.cert, "cert", "", "client certificate chain (PEM `file`)")
	fs.StringVar(&o.key, "key", "", "client private key (PEM `file`)")
	fs.BoolVar(&o.noVerify, "no-verify", false, "go on even when the server's certificate does not verify")
	fs.BoolVar(&o.raw, "raw", false, "relay stdin and stdout over the connection instead of opening the REPL")
	fs.BoolVar(&o.tls12, "tls1.2", false, "use TLS 1.2 only")
	fs.BoolVar(&o.tls13, "tls1.3", false, "use TLS 1.3 only")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Second, "limit for connecting, the dialogue and the handshake")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if rest := fs.Args(); len(rest) > 0 {
		o.addr = rest[0]
		if err := fs.Parse(rest[1:]); err != nil {
			return nil, err
		}
	}
	if fs.NArg() > 0 || o.addr == "" {
		fs.Usage()
		return nil, errors.New("tlsport connect: expected one HOST:PORT")
	}
	if o.tls12 && o.tls13 {
		return nil, errors.New("tlsport connect: --tls1.2 and --tls1.3 exclude each other")
	}
	if (o.cert == "") != (o.key == "") {
		return nil, errors.New("tlsport connect: --cert and --key go together")
	}
	if o.starttls != "" {
		p, err := starttls.ParseProtocol(o.starttls)
		if err != nil {
			return nil, err
		}
		o.protocol = p
	}
	var err error
	o.host, o.port, err = net.SplitHostPort(o.addr)
	if err != nil {
		if o.protocol == "" {
			return nil, fmt.Errorf("tlsport connect: %q is not HOST:PORT", o.addr)
		}
		o.host, o.port = o.addr, strconv.Itoa(starttls.DefaultPort[o.protocol])
	}
	if _, err := strconv.Atoi(o.port); err != nil {
		return nil, fmt.Errorf("tlsport connect: bad port in %q", o.addr)
	}
	if o.alpn != "" {
		o.alpnOffered = strings.Split(o.alpn, ",")
	}
	return o, nil
}

// name is the server name sent and verified.
func (o *connectOptions) name() string {
	if o.servername != "" {
		return o.servername
	}
	return o.host
}

// keywords are the ssl-connect* / ssl-start* keywords for o. Verification
// is computed but not enforced, so the chain can be shown either way;
// runConnect enforces it.
func (o *connectOptions) keywords() []scheme.Value {
	var kw []scheme.Value
	add := func(k string, v scheme.Value) { kw = append(kw, scheme.InternKeyword(k), v) }
	add("verify?", scheme.False)
	add("verify-hostname", scheme.NewString(o.name()))
	if o.cafile != "" {
		add("certificate-authorities", scheme.NewString(o.cafile))
	}
	if o.cert != "" {
		add("certificate", scheme.NewString(o.cert))
		add("private-key", scheme.NewString(o.key))
	}
	if len(o.alpnOffered) > 0 {
		add("alpn", tlsval.StringList(o.alpnOffered))
	}
	switch {
	case o.tls12:
		add("protocol", scheme.Intern("tlsv12"))
		add("max-protocol", scheme.Intern("tlsv12"))
	case o.tls13:
		add("protocol", scheme.Intern("tlsv13"))
	}
	return kw
}

// connectExpr is the Scheme that opens the connection, with the
// %connect-… names defined by runConnect.
func (o *connectOptions) connectExpr() string {
	ms := strconv.FormatInt(o.timeout.Milliseconds(), 10)
	open := `(let-values (((i o) (apply ssl-connect* hostname: %connect-host port: %connect-port sni-name: %connect-name %connect-keywords)))
      (values i o '()))`
	if o.protocol != "" {
		open = `(let-values (((i o) (tcp-connect %connect-host %connect-port)))
      (apply ` + string(o.protocol) + `-starttls %connect-name i o %connect-keywords))`
	}
	return `(define-values (in out reply)
  (parameterize ((tcp-connect-timeout ` + ms + `) (tcp-read-timeout ` + ms + `))
    ` + open + `))
(define conn in)`
}

// runConnect is tlsport connect.
func runConnect(args []string, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseConnect(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		return exitOK
	}
	input := repl.NewInput(stdin)
	out, errw := console(stdout, stderr)
	interp, err := newInterp(input, out, errw, []string{"tlsport"}, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	ctx, stop := interruptible()
	defer stop()
	port, _ := strconv.Atoi(o.port)
	interp.Define("%connect-host", scheme.NewString(o.host))
	interp.Define("%connect-port", scheme.Fixnum(port))
	interp.Define("%connect-name", scheme.NewString(o.name()))
	interp.Define("%connect-keywords", scheme.List(o.keywords()...))
	fmt.Fprintf(stdout, "connecting to %s", net.JoinHostPort(o.host, o.port))
	if o.protocol != "" {
		fmt.Fprintf(stdout, " (STARTTLS: %s)", o.protocol)
	}
	fmt.Fprintln(stdout)
	if _, err := interp.EvalString(ctx, o.connectExpr()); err != nil {
		// The condition without the call stack of the generated Scheme.
		msg, _, _ := strings.Cut(repl.FormatError(err), "  call stack")
		fmt.Fprint(stderr, "tlsport connect: "+msg)
		return 1
	}
	inPort, _ := interp.Lookup("in")
	c, err := tlsval.SSLConn("connect", inPort)
	if err != nil {
		fmt.Fprintln(stderr, "tlsport connect:", err)
		return exitSoftware
	}
	hctx, cancel := context.WithTimeout(ctx, o.timeout)
	err = c.E.Handshake(hctx)
	cancel()
	if err != nil {
		fmt.Fprintf(stderr, "tlsport connect: TLS handshake with %s failed: %s\n", o.addr, handshakeReason(err))
		return 1
	}
	res := c.E.VerifyResult()
	report(stdout, c.E.ConnectionState(), res, o, time.Now())
	if reply, ok := interp.Lookup("reply"); ok {
		if lines, ok := scheme.ListToSlice(reply); ok && len(lines) > 0 {
			fmt.Fprintln(stdout, "server's last reply:")
			for _, l := range lines {
				fmt.Fprintln(stdout, "  "+scheme.DisplayString(l))
			}
		}
	}
	if !res.OK() && !o.noVerify {
		fmt.Fprintln(stderr, "tlsport connect: not going on with an unverified server (use --no-verify to insist)")
		c.E.Close()
		return 1
	}
	if o.raw {
		return relay(ctx, c.E, input, stdout, stderr)
	}
	fmt.Fprintln(stdout, "REPL: in and out are the connection's ports (conn = in), reply the server's last plaintext reply; ,q quits.")
	loadInitFile(interp, errw) // ~/.tlsportrc, as the plain REPL loads it
	return replLoop(input, interp, stdin, stdout, out, errw, false)
}

// handshakeReason words a handshake failure.
func handshakeReason(err error) string {
	var ce *conditions.Error
	if errors.As(err, &ce) && ce.Message != "" {
		return ce.Message
	}
	return err.Error()
}

// relay copies input to the connection and the connection to stdout
// until the server closes (or input ends and the server then closes).
func relay(ctx context.Context, c *ports.Conn, input io.Reader, stdout, stderr io.Writer) int {
	go func() {
		buf := make([]byte, 16<<10)
		for {
			n, err := input.Read(buf)
			if n > 0 {
				if _, werr := c.WriteContext(ctx, buf[:n]); werr != nil {
					return
				}
				if c.Flush(ctx) != nil {
					return
				}
			}
			if err != nil {
				_ = c.CloseWriteContext(ctx)
				return
			}
		}
	}()
	buf := make([]byte, 16<<10)
	for {
		n, err := c.ReadContext(ctx, buf)
		if n > 0 {
			if _, werr := stdout.Write(buf[:n]); werr != nil {
				return 1
			}
		}
		if err != nil {
			c.Close()
			if errors.Is(err, io.EOF) {
				return exitOK
			}
			if errors.Is(err, syscall.ECONNRESET) {
				// Common right after a goodbye (QUIT, LOGOUT): the server
				// closed while our close_notify was on its way.
				fmt.Fprintln(stderr, "tlsport connect: the server reset the connection")
				return exitOK
			}
			if ctx.Err() != nil {
				return exitInterrupt
			}
			fmt.Fprintln(stderr, "tlsport connect:", err)
			return 1
		}
	}
}

// report prints the connection and the server's chain.
func report(w io.Writer, cs tls.ConnectionState, res *tlsctx.VerifyResult, o *connectOptions, now time.Time) {
	line := func(k, v string) { fmt.Fprintf(w, "%-22s %s\n", k+":", v) }
	line("protocol", tls.VersionName(cs.Version))
	line("cipher", tls.CipherSuiteName(cs.CipherSuite))
	group := "none (RSA key exchange)"
	if cs.CurveID != 0 {
		group = cs.CurveID.String()
	}
	line("key exchange group", group)
	switch {
	case cs.NegotiatedProtocol != "":
		line("ALPN", cs.NegotiatedProtocol)
	case len(o.alpnOffered) > 0:
		line("ALPN", "none agreed (offered "+strings.Join(o.alpnOffered, ", ")+")")
	default:
		line("ALPN", "none offered")
	}
	if cs.DidResume {
		line("session", "resumed")
	} else {
		line("session", "new (not resumed)")
	}
	line("OCSP staple", ocspSummary(cs))
	line("server name", o.name())
	fmt.Fprintln(w, "certificate chain (as sent by the server):")
	for i, c := range cs.PeerCertificates {
		fmt.Fprintf(w, "  %d subject:  %s\n", i, c.Subject)
		fmt.Fprintf(w, "    issuer:   %s\n", c.Issuer)
		if sans := sanList(c); sans != "" {
			fmt.Fprintf(w, "    SANs:     %s\n", sans)
		}
		fmt.Fprintf(w, "    validity: %s to %s (%s)\n", c.NotBefore.UTC().Format(time.DateOnly), c.NotAfter.UTC().Format(time.DateOnly), daysLeft(c, now))
		fmt.Fprintf(w, "    key:      %s\n", keyDesc(c.PublicKey))
		fmt.Fprintf(w, "    SHA-256:  %s\n", fingerprint(c.Raw))
	}
	if res.OK() {
		fmt.Fprintf(w, "verification: ok (chain to %s, name %s matches)\n", chainRoot(res), o.name())
		return
	}
	fmt.Fprintf(w, "verification: FAILED (%d %s)\n", res.Code, res.Message)
	fmt.Fprintf(w, "  reason: %s\n", plainReason(res, o, now))
}

// ocspSummary describes the stapled OCSP response.
func ocspSummary(cs tls.ConnectionState) string {
	if len(cs.OCSPResponse) == 0 {
		return "none"
	}
	var issuer *x509.Certificate
	if len(cs.PeerCertificates) > 1 {
		issuer = cs.PeerCertificates[1]
	}
	r, err := ocsp.ParseResponse(cs.OCSPResponse, issuer)
	if err != nil {
		return fmt.Sprintf("present but unreadable (%v)", err)
	}
	status := map[int]string{ocsp.Good: "good", ocsp.Revoked: "REVOKED", ocsp.Unknown: "unknown"}[r.Status]
	s := fmt.Sprintf("%s, produced %s", status, r.ProducedAt.UTC().Format(time.DateTime))
	if !r.NextUpdate.IsZero() {
		s += ", next update " + r.NextUpdate.UTC().Format(time.DateTime)
	}
	return s
}

func sanList(c *x509.Certificate) string {
	var out []string
	out = append(out, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	out = append(out, c.EmailAddresses...)
	for _, u := range c.URIs {
		out = append(out, u.String())
	}
	return strings.Join(out, ", ")
}

// daysLeft says how long c stays valid, or since when it is not.
func daysLeft(c *x509.Certificate, now time.Time) string {
	switch {
	case now.Before(c.NotBefore):
		return fmt.Sprintf("NOT YET VALID, starts in %s", days(c.NotBefore.Sub(now)))
	case now.After(c.NotAfter):
		return fmt.Sprintf("EXPIRED %s ago", days(now.Sub(c.NotAfter)))
	}
	return days(c.NotAfter.Sub(now)) + " left"
}

func days(d time.Duration) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	if n := int(math.Floor(d.Hours() / 24)); n > 0 {
		return plural(n, "day")
	}
	return plural(int(d.Hours()), "hour")
}

func keyDesc(pub any) string {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA %d bits", k.N.BitLen())
	case *ecdsa.PublicKey:
		return fmt.Sprintf("ECDSA %s (%d bits)", k.Curve.Params().Name, k.Curve.Params().BitSize)
	case ed25519.PublicKey:
		return "Ed25519 (256 bits)"
	}
	return fmt.Sprintf("%T", pub)
}

func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	hex := make([]string, len(sum))
	for i, b := range sum {
		hex[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(hex, ":")
}

// chainRoot names the trust anchor of a verified chain.
func chainRoot(res *tlsctx.VerifyResult) string {
	if len(res.Chain) == 0 {
		return "a trusted root"
	}
	return res.Chain[len(res.Chain)-1].Subject.String()
}

// plainReason explains a failed verification in plain words.
func plainReason(res *tlsctx.VerifyResult, o *connectOptions, now time.Time) string {
	var leaf, blamed *x509.Certificate
	if len(res.Chain) > 0 {
		leaf = res.Chain[0]
		blamed = leaf
		if d, ok := res.Depth.Get(); ok && d < len(res.Chain) {
			blamed = res.Chain[d]
		}
	}
	trustHint := "pass the CA that issued it with --cafile FILE, or --no-verify to go on anyway"
	if o.cafile != "" {
		trustHint = "it is not among the CAs in " + o.cafile
	}
	switch {
	case blamed == nil:
		return "the server sent no certificate"
	case res.Code == conditions.VerifyCertHasExpired:
		return fmt.Sprintf("the certificate of %s expired on %s (%s ago)", blamed.Subject, blamed.NotAfter.UTC().Format(time.DateOnly), days(now.Sub(blamed.NotAfter)))
	case res.Code == conditions.VerifyCertNotYetValid:
		return fmt.Sprintf("the certificate of %s is not valid before %s", blamed.Subject, blamed.NotBefore.UTC().Format(time.DateOnly))
	case res.Code == conditions.VerifyHostnameMismatch || res.Code == conditions.VerifyIPAddressMismatch:
		return fmt.Sprintf("the certificate is for %s, not for %s", orNone(sanList(leaf)), o.name())
	case res.Code == conditions.VerifyDepthZeroSelfSigned:
		return "the certificate is self-signed (its own issuer) and not trusted here; " + trustHint
	case res.Code == conditions.VerifySelfSignedInChain:
		return fmt.Sprintf("the chain ends in the root %s, which is not trusted here; %s", blamed.Subject, trustHint)
	case res.Code == conditions.VerifyUnableToGetLocalIssuer:
		return fmt.Sprintf("the certificate was issued by %s, which is not a trusted authority here (or the server left out an intermediate certificate); %s", blamed.Issuer, trustHint)
	case res.Code == conditions.VerifyInvalidPurpose:
		return "the certificate is not meant for TLS servers (its extended key usage does not allow it)"
	case res.Code == conditions.VerifyEEKeyTooSmall || res.Code == conditions.VerifyCAKeyTooSmall:
		return fmt.Sprintf("the key of %s (%s) is too small for the security level", blamed.Subject, keyDesc(blamed.PublicKey))
	}
	if res.Err != nil {
		return res.Message + ": " + res.Err.Error()
	}
	return res.Message
}

func orNone(s string) string {
	if s == "" {
		return "no names at all"
	}
	return s
}
