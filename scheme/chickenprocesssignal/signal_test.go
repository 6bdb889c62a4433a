package chickenprocesssignal_test

import (
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenprocesssignal"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every definition of the manual page "Module
// (chicken process signal)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenprocesssignal.Library, `set-alarm! signal-handler set-signal-handler!
		set-signal-mask! signal-mask signal-masked? signal-mask! signal-unmask! signal/term signal/kill
		signal/int signal/hup signal/fpe signal/ill signal/segv signal/abrt signal/trap signal/quit
		signal/alrm signal/vtalrm signal/prof signal/io signal/urg signal/chld signal/cont signal/stop
		signal/tstp signal/pipe signal/xcpu signal/xfsz signal/usr1 signal/usr2 signal/bus signal/winch
		signal/break signals-list`)
}
