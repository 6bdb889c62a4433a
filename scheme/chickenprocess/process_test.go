package chickenprocess_test

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenprocess"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
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

// TestCreatePipeDescriptors checks create-pipe's descriptors belong to the
// program alone: once it has closed them with file-close, collecting the
// interpreter closes nothing (its descriptor numbers may by then name
// other files).
func TestCreatePipeDescriptors(t *testing.T) {
	in := stdlib.New()
	v, err := in.EvalString(context.Background(), `(import (chicken process) (chicken file posix))
		(call-with-values create-pipe (lambda (r w) (file-close r) (file-close w) (list r w)))`)
	if err != nil {
		t.Fatal(err)
	}
	in = nil
	// Files opened now get the numbers the pipe had.
	var files []*os.File
	for range 2 {
		f, err := os.Open(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		files = append(files, f)
	}
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	for _, f := range files {
		if _, err := f.Stat(); err != nil {
			t.Errorf("a file opened after create-pipe's descriptors %s were closed: %v", scheme.WriteString(v), err)
		}
	}
}
