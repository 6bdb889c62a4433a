// Checks of the binding tables: export lists equal the spec, rows are complete, Sig agrees with Args, scripts cover every procedure.

package openssl

import (
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
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

// TestLibrary checks (openssl) against spec §1.1 and (openssl ext) against extExports.
func TestLibrary(t *testing.T) {
	bindingtest.CheckLibrary(t, Library, append(slices.Clone(eggExports), racketExports...), "testdata")
}

func TestExtLibrary(t *testing.T) {
	bindingtest.CheckLibrary(t, ExtLibrary, slices.Concat(extExports, depthExports), "testdata")
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
ssl-set-verify-callback! ssl-set-info-callback! ssl-set-verifier! ssl-set-verify-time! ssl-set-password-callback! ssl-set-keylog!
ssl-set-session-cache! ssl-set-session-tickets! ssl-set-security-level!
ssl-set-renegotiation! ssl-context-copy ssl-set-certificate-callback!
ssl-default-options ssl-tcp-connect-procedure ssl-suppress-ragged-eofs
ssl-callback-error-handler
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
