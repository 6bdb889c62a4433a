// Enforcing ssl-set-ciphersuites! after negotiation: Go always offers and accepts all three TLS 1.3 suites (spec §1.3.1).

package tlsctx

import (
	"crypto/tls"
	"slices"
	"strings"

	"github.com/tlsport/tlsport/conditions"
)

// checkTLS13Suite fails a TLS 1.3 connection whose suite is outside the
// configured set with a status-ssl condition naming the negotiated suite,
// the allowed ones, and why the offer could not be restricted.
func (s *snapshot) checkTLS13Suite(cs tls.ConnectionState) error {
	if cs.Version != tls.VersionTLS13 || s.tls13 == nil || slices.Contains(s.tls13, cs.CipherSuite) {
		return nil
	}
	allowed := make([]string, len(s.tls13))
	for i, id := range s.tls13 {
		allowed[i] = tls.CipherSuiteName(id)
	}
	why := "Go crypto/tls always offers all three TLS 1.3 suites and cannot restrict its offer, so ciphersuites: is enforced after negotiation"
	if s.role == Server {
		why = "Go crypto/tls servers accept all three TLS 1.3 suites and cannot restrict their choice, so ciphersuites: is enforced after negotiation"
	}
	return conditions.Policy("tlsctx: negotiated TLS 1.3 cipher suite "+tls.CipherSuiteName(cs.CipherSuite)+
		" is not allowed by ciphersuites: ("+strings.Join(allowed, ":")+"); "+why, nil)
}
