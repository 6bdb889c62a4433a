// The Scheme test scripts of (sagittarius socket): every testdata/*.scm file is a subtest.

package socket

import (
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/scheme"
)

func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: []*scheme.Library{Library, Library106}})
}
