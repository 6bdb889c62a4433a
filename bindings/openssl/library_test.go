// Checks of the binding tables: export lists equal the spec, rows are complete, Sig agrees with Args, scripts cover every procedure.

package openssl

import (
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// eggExports is the export list of spec §1.1; racketExports the table of §1.1.8.
var (
	eggExports = strings.Fields(`ssl-connect ssl-connect* ssl-make-client-context
ssl-make-client-context* ssl-client-context? ssl-listen ssl-listen* ssl-close
ssl-listener? ssl-listener-port ssl-listener-fileno ssl-listener-accept-ready?
ssl-accept-ready? ssl-accept ssl-start* ssl-handshake-timeout
ssl-shutdown-timeout ssl-default-certificate-authority-directory
ssl-load-certificate-chain! ssl-load-private-key! ssl-set-verify!
ssl-load-verify-root-certificates! ssl-load-suggested-certificate-authorities!
ssl-set-cipher-list! ssl-port? ssl-port->tcp-port ssl-peer-verified?
ssl-peer-subject-name ssl-peer-issuer-name`)
	racketExports = strings.Fields(`ssl-available? ssl-load-fail-reason ssl-secure-client-context
ssl-make-server-context ssl-server-context? ssl-context? supported-client-protocols
supported-server-protocols ssl-max-client-protocol ssl-max-server-protocol
ssl-protocol-version ports->ssl-ports ssl-abandon-port ssl-addresses
ssl-accept/enable-break ssl-connect/enable-break ssl-load-verify-source!
ssl-default-verify-sources ssl-load-default-verify-sources! ssl-set-ciphers!
ssl-seal-context! ssl-server-context-enable-dhe! ssl-server-context-enable-ecdhe!
ssl-dh4096-param-bytes ssl-set-server-name-identification-callback!
ssl-set-server-alpn! ssl-get-alpn-selected ssl-set-keylogger! ssl-try-verify!
ssl-set-verify-hostname! ssl-peer-certificate-hostnames ssl-peer-check-hostname
ssl-channel-binding ssl-default-channel-binding`)
)

// exported returns every name a library exports.
func exported(l *scheme.Library) []string {
	var out []string
	for _, p := range l.Procs {
		out = append(out, p.Name)
	}
	for _, b := range l.Values {
		out = append(out, b.Name)
	}
	for _, pd := range l.Parameters {
		out = append(out, pd.Name)
	}
	sort.Strings(out)
	return out
}

func TestExportsMatchSpec(t *testing.T) {
	want := append(slices.Clone(eggExports), racketExports...)
	sort.Strings(want)
	got := exported(Library)
	if !slices.Equal(got, want) {
		for _, n := range want {
			if !slices.Contains(got, n) {
				t.Errorf("(openssl) lacks %s", n)
			}
		}
		for _, n := range got {
			if !slices.Contains(want, n) {
				t.Errorf("(openssl) exports %s, not in spec §1.1", n)
			}
		}
	}
}

// sigParams parses a CHICKEN lambda-list signature into Params.
func sigParams(sig string) (name string, p scheme.Params) {
	sig = strings.TrimSuffix(strings.TrimPrefix(sig, "("), ")")
	// drop default expressions: (name default) -> name
	var toks []string
	depth, cur := 0, ""
	for _, r := range sig {
		switch {
		case r == '(':
			depth++
			if depth == 1 {
				cur = ""
				continue
			}
		case r == ')':
			depth--
			if depth == 0 {
				toks = append(toks, strings.Fields(cur)[0])
				cur = ""
				continue
			}
		case r == ' ' && depth == 0:
			if cur != "" {
				toks = append(toks, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	if cur != "" {
		toks = append(toks, cur)
	}
	name, toks = toks[0], toks[1:]
	section := "req"
	for _, tok := range toks {
		switch tok {
		case "#!optional":
			section = "opt"
		case "#!key":
			section = "key"
		case "#!rest":
			section = "rest"
		default:
			switch section {
			case "req":
				p.Required = append(p.Required, tok)
			case "opt":
				p.Optional = append(p.Optional, tok)
			case "key":
				p.Keys = append(p.Keys, tok)
			case "rest":
				p.Rest = tok
			}
		}
	}
	return name, p
}

// checkTable checks every row of l for Sig/Doc/Spec and Sig/Args agreement.
func checkTable(t *testing.T, l *scheme.Library) {
	t.Helper()
	for _, p := range l.Procs {
		if p.Sig == "" || p.Doc == "" || p.Spec == "" || p.Fn == nil {
			t.Errorf("%s %s: row lacks Sig, Doc, Spec or Fn", l.Name, p.Name)
			continue
		}
		name, sp := sigParams(p.Sig)
		if name != p.Name {
			t.Errorf("%s: Sig names %s", p.Name, name)
		}
		eq := func(a, b []string) bool { return slices.Equal(a, b) || (len(a) == 0 && len(b) == 0) }
		if !eq(sp.Required, p.Args.Required) || !eq(sp.Optional, p.Args.Optional) || !eq(sp.Keys, p.Args.Keys) || sp.Rest != p.Args.Rest {
			t.Errorf("%s: Sig %q disagrees with Args %+v", p.Name, p.Sig, p.Args)
		}
	}
	for _, pd := range l.Parameters {
		if pd.Sig == "" || pd.Doc == "" || pd.Spec == "" {
			t.Errorf("%s parameter %s lacks Sig, Doc or Spec", l.Name, pd.Name)
		}
	}
	for _, b := range l.Values {
		if b.Doc == "" || b.Spec == "" {
			t.Errorf("%s value %s lacks Doc or Spec", l.Name, b.Name)
		}
	}
}

func TestTablesComplete(t *testing.T) {
	checkTable(t, Library)
	checkTable(t, ExtLibrary)
}

// TestScriptsCallEveryProcedure: some testdata script calls each exported procedure.
func TestScriptsCallEveryProcedure(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.scm"))
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, l := range []*scheme.Library{Library, ExtLibrary} {
		for _, p := range l.Procs {
			re := regexp.MustCompile(`[(\s']` + regexp.QuoteMeta(p.Name) + `[\s)]`)
			if !re.MatchString(text) {
				t.Errorf("no testdata script calls %s", p.Name)
			}
		}
	}
}

// ffdhe4096 computes the RFC 7919 prime
// p = 2^4096 - 2^4032 + (floor(2^3966 * e) + 5736041) * 2^64 - 1.
func ffdhe4096() *big.Int {
	const prec = 4400
	e := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for k := int64(1); k < 1000; k++ {
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
		e.Add(e, term)
	}
	e.SetMantExp(e, 3966)
	fe, _ := e.Int(nil)
	fe.Add(fe, big.NewInt(5736041))
	fe.Lsh(fe, 64)
	p := new(big.Int).Lsh(big.NewInt(1), 4096)
	p.Sub(p, new(big.Int).Lsh(big.NewInt(1), 4032))
	p.Add(p, fe)
	return p.Sub(p, big.NewInt(1))
}

// TestDH4096: the PEM constant holds RFC 7919's ffdhe4096 prime (computed
// here from its formula), which is a safe prime, and g = 2.
func TestDH4096(t *testing.T) {
	block, _ := pem.Decode([]byte(dh4096PEM))
	if block == nil || block.Type != "DH PARAMETERS" {
		t.Fatalf("dh4096PEM is not a DH PARAMETERS block")
	}
	var params struct{ P, G *big.Int }
	if _, err := asn1.Unmarshal(block.Bytes, &params); err != nil {
		t.Fatal(err)
	}
	p := ffdhe4096()
	if params.P.Cmp(p) != 0 || params.G.Int64() != 2 {
		t.Fatalf("dh4096PEM does not hold (ffdhe4096, 2)")
	}
	if p.BitLen() != 4096 {
		t.Fatalf("bit length %d", p.BitLen())
	}
	if !strings.HasPrefix(p.Text(16), "ffffffffffffffffadf85458a2bb4a9a") || !strings.HasSuffix(p.Text(16), "ffffffffffffffff") {
		t.Errorf("prime has wrong ends: %s…%s", p.Text(16)[:32], p.Text(16)[len(p.Text(16))-32:])
	}
	q := new(big.Int).Rsh(p, 1)
	if !p.ProbablyPrime(4) || !q.ProbablyPrime(4) {
		t.Errorf("ffdhe4096 is not a safe prime")
	}
}

// extExports are the (openssl ext) names implemented so far: spec §1.3.1
// (setters, parameters), §1.3.2–§1.3.6, plus the [ext] extras
// ssl-listener-certificate and ssl-make-ephemeral-certificate.
var extExports = strings.Fields(`ssl-set-protocol-range! ssl-protocols-from-flags
ssl-set-ciphersuites! ssl-set-alpn-protocols! ssl-set-curves! ssl-set-client-auth!
ssl-set-verify-callback! ssl-set-verifier! ssl-set-password-callback! ssl-set-keylog!
ssl-set-session-cache! ssl-set-session-tickets! ssl-set-security-level!
ssl-set-renegotiation! ssl-context-copy ssl-set-certificate-callback!
ssl-default-options ssl-tcp-connect-procedure ssl-suppress-ragged-eofs
ssl-handshake! ssl-port-state ssl-set-blocking! ssl-blocking? ssl-shutdown!
ssl-port-truncated? ssl-peer-certificate ssl-peer-certificate-chain
ssl-local-certificate ssl-verify-result ssl-status ssl-connection-info ssl-cipher
ssl-session ssl-session-reused? ssl-negotiated-protocol ssl-ciphers ssl-protocols
ssl-version ssl-read-certificates ssl-read-private-key ssl-certificate?
ssl-private-key? ssl-certificate->pem ssl-certificate->der ssl-certificate-info
ssl-verify-certificate-chain ssl-make-ephemeral-certificate ssl-listener-certificate
ssl-error? ssl-error-status ssl-error-reason ssl-error-alert ssl-error-errno
ssl-zero-return-error? ssl-want-read-error? ssl-want-write-error? ssl-syscall-error?
ssl-eof-error? ssl-certificate-verification-error? ssl-error-verify-code
ssl-error-verify-message ssl-unsupported-error? ssl-timeout-error?`)

func TestExtExports(t *testing.T) {
	want := slices.Clone(extExports)
	sort.Strings(want)
	if got := exported(ExtLibrary); !slices.Equal(got, want) {
		t.Errorf("(openssl ext) exports\n%v\nwant\n%v", got, want)
	}
}
