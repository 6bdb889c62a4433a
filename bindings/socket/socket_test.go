// The Scheme test scripts of (sagittarius socket): every testdata/*.scm file is a subtest.

package socket

import (
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

func TestScripts(t *testing.T) {
	schemetest.RunDir(t, "testdata", func() *scheme.Interp {
		in := scheme.New()
		if err := in.Register(Library); err != nil {
			t.Fatal(err)
		}
		in.Import(Library.Name)
		return in
	})
}
