// The Scheme test scripts of (rfc x509), with the certgen fixture's file names bound.

package x509

import (
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: []*scheme.Library{sagcrypto.Library, Library}, Fixture: certgen.MustSet(t)})
}
