// The Scheme test scripts of (openssl): every testdata/*.scm file is a subtest.

package openssl

import (
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/tcp"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// testOptions binds (chicken tcp), (openssl), (openssl ext), the
// certificate fixture, its CRL/OCSP makers and the real-peer procedures.
func testOptions(set *certgen.Set) bindingtest.Options {
	return bindingtest.Options{Libs: []*scheme.Library{tcp.Library, Library, ExtLibrary, fixtureLibrary(set)}, Fixture: set, Peers: true}
}

// TestScripts runs every testdata/*.scm script against real peers over
// loopback, in a fresh interpreter with the certificate fixture bound.
func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", testOptions(certgen.MustSet(t)))
}
