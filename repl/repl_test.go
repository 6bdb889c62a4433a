// Tests of the session loop: golden transcripts of piped sessions.

package repl

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testLibrary is a documented table for ,help and ,apropos goldens that do
// not depend on the core's doc texts.
var testLibrary = &scheme.Library{
	Name: "(repl test)",
	Doc:  "documented rows for the REPL tests",
	Procs: []scheme.Proc{
		{Name: "demo-connect", Spec: "§9.1", Sig: "(demo-connect hostname #!optional port)",
			Doc:  "Pretend to connect to HOSTNAME. Returns two values.",
			Args: scheme.Params{Required: []string{"hostname"}, Optional: []string{"port"}},
			Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
				return scheme.Values(args[0], scheme.OrDefault(args[1], scheme.Fixnum(443))), nil
			}},
		{Name: "demo-block", Spec: "§9.4", Sig: "(demo-block)",
			Doc: "Block until the evaluation is cancelled.",
			Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
				<-th.Context().Done()
				return nil, th.Context().Err()
			}},
		{Name: "demo-fail", Spec: "§9.2", Sig: "(demo-fail)",
			Doc: "Raise an (exn i/o net openssl) condition with status ssl.",
			Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
				c := scheme.MakeError("demo-fail", "ssl: library=crypto/tls, function=handshake, reason=bad certificate",
					[]scheme.Value{scheme.NewString("example.com")}, "i/o", "net", "openssl")
				c.Set("openssl", "status", scheme.Intern("ssl"))
				return nil, scheme.Raise(c)
			}},
	},
	Parameters: []*scheme.ParamDef{
		{Name: "demo-timeout", Spec: "§9.3", Sig: "(demo-timeout [ms])", Doc: "Milliseconds to wait. #f waits forever.",
			Default: scheme.Fixnum(120000)},
	},
}

// newHelperInterp returns an interpreter with the test library imported
// and stdin from in, writing to the process's stdout.
func newHelperInterp(in *Input) *scheme.Interp {
	interp := stdlib.New(scheme.WithStdio(in, os.Stdout, os.Stdout))
	if err := interp.Register(testLibrary); err != nil {
		panic(err)
	}
	interp.Import(testLibrary.Name)
	return interp
}

// newTestInterp returns an interpreter with the test library imported,
// reading stdin from in and writing to out.
func newTestInterp(t testing.TB, in *Input, out *bytes.Buffer) *scheme.Interp {
	t.Helper()
	interp := stdlib.New(scheme.WithStdio(in, out, out))
	if err := interp.Register(testLibrary); err != nil {
		t.Fatal(err)
	}
	interp.Import(testLibrary.Name)
	return interp
}

// runSession runs a piped session over input and returns its transcript
// (prompts, results and errors in order) and Run's error.
func runSession(t testing.TB, input string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	in := NewInput(strings.NewReader(input))
	interp := newTestInterp(t, in, &out)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := Run(ctx, interp, Options{In: in, Out: &out, Err: &out, HistoryFile: "-"})
	return out.String(), err
}

// TestGolden runs every testdata/*.in as a piped session and compares the
// transcript with testdata/*.golden (rewritten by -update). The last line
// of the golden file is Run's result.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.in")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.in")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".in")
		t.Run(name, func(t *testing.T) {
			input, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, rerr := runSession(t, string(input))
			got += "\n[" + runResult(rerr) + "]\n"
			golden := strings.TrimSuffix(f, ".in") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("transcript of %s differs from %s\n--- got ---\n%s\n--- want ---\n%s", f, golden, got, want)
			}
		})
	}
}

// runResult describes Run's error for the golden files.
func runResult(err error) string {
	var exit *scheme.ExitError
	switch {
	case err == nil:
		return "end"
	case errors.As(err, &exit):
		return "exit " + strconv.Itoa(exit.Code)
	}
	return "error: " + err.Error()
}
