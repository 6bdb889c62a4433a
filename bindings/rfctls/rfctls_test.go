// The Scheme test scripts of (rfc tls): every testdata/*.scm file is a subtest.

package rfctls

import (
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// TestScripts runs every testdata/*.scm script against real peers over
// loopback, with (sagittarius socket), (rfc x509), (rfc tls), (openssl)
// and (openssl ext) (which take TLS sockets as conn), the certificate
// fixture and the real-peer procedures bound.
func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{
		Libs:    []*scheme.Library{socket.Library, x509.Library, Library, openssl.Library, openssl.ExtLibrary},
		Fixture: certgen.MustSet(t), Peers: true,
	})
}
