// Tests of (chicken tcp): the scripts in testdata and the binding table.

package tcp

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/scheme"
)

// TestScripts runs every testdata/*.scm file as a subtest.
func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: []*scheme.Library{Library}})
}

// specExports is the export list of spec §1.4.
var specExports = strings.Fields(`tcp-connect tcp-listen tcp-listener? tcp-accept tcp-accept-ready?
tcp-close tcp-listener-port tcp-listener-fileno tcp-addresses tcp-port-numbers tcp-abandon-port
tcp-buffer-size tcp-read-timeout tcp-write-timeout tcp-connect-timeout tcp-accept-timeout`)

// TestLibrary: the table exports exactly the rows of spec §1.4, complete.
func TestLibrary(t *testing.T) {
	bindingtest.CheckExports(t, Library, specExports)
	bindingtest.CheckTable(t, Library)
}
