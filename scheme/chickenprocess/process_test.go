package chickenprocess_test

import (
	"os/exec"
	"testing"

	"github.com/tlsport/tlsport/scheme/chickenprocess"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) {
	for _, c := range []string{"sh", "cat", "tr"} {
		if _, err := exec.LookPath(c); err != nil {
			t.Skipf("%s not in PATH; apt-get install coreutils dash", c)
		}
	}
	schemetest.RunDir(t, "testdata", nil)
}

// TestManualExports checks every definition of the manual page "Module
// (chicken process)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenprocess.Library, `call-with-input-pipe call-with-output-pipe
		close-input-pipe close-output-pipe create-pipe open-input-pipe open-output-pipe pipe/buf process
		process* process-execute process-fork process-run process-signal process-sleep process-spawn
		process-wait qs spawn/detach spawn/nowait spawn/nowaito spawn/overlay spawn/wait system system*
		with-input-from-pipe with-output-to-pipe`)
}
