// Tests of the session loop: golden transcripts of piped sessions.

package repl

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
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
			Doc: "Raise an (exn i/o net openssl) condition with status ssl, as a failed verification does.",
			Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
				return nil, scheme.Raise(demoTLSCondition())
			}},
		{Name: "demo-connect*", Spec: "§9.5", Sig: "(demo-connect* #!key hostname (port 443) (verify? #t))",
			Doc:  "Pretend to connect; returns the hostname.",
			Args: scheme.Params{Keys: []string{"hostname", "port", "verify?"}},
			Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
				return args[0], nil
			}},
	},
	Parameters: []*scheme.ParamDef{
		{Name: "demo-timeout", Spec: "§9.3", Sig: "(demo-timeout [ms])", Doc: "Milliseconds to wait. #f waits forever.",
			Default: scheme.Fixnum(120000)},
	},
}

// demoTLSCondition is an (exn i/o net openssl) condition as tlsval makes
// one for a certificate that failed verification: every §0.5 property,
// most of them #f.
func demoTLSCondition() *scheme.Condition {
	c := scheme.MakeError("demo-connect*", "ssl: library=crypto/x509, function=handshake, reason=tlsport: certificate verify failed: self-signed certificate",
		[]scheme.Value{scheme.NewString("example.com"), scheme.Fixnum(443)}, "i/o", "net", "openssl")
	props := []struct {
		name string
		v    scheme.Value
	}{
		{"status", scheme.Intern("ssl")},
		{"reason", scheme.NewString("tlsport: certificate verify failed: self-signed certificate")},
		{"library", scheme.NewString("crypto/x509")}, {"function", scheme.NewString("handshake")},
		{"alert", scheme.Fixnum(42)}, {"alert-description", scheme.Intern("bad-certificate")},
		{"alert-origin", scheme.Intern("local")}, {"verify-code", scheme.Fixnum(18)},
		{"verify-error", scheme.Intern("depth-zero-self-signed-cert")},
		{"verify-message", scheme.NewString("self-signed certificate")}, {"depth", scheme.Fixnum(0)},
		{"certificate", scheme.False}, {"errno", scheme.False}, {"errno-name", scheme.False},
		{"eof", scheme.False}, {"retry", scheme.False}, {"cause", scheme.False},
		{"go-type", scheme.NewString("x509.UnknownAuthorityError")},
	}
	for _, p := range props {
		c.Set("openssl", p.name, p.v)
	}
	return c
}

// newHelperInterp returns an interpreter with the test library imported
// and stdin from in, writing to the process's stdout.
func newHelperInterp(in *Input, out io.Writer) *scheme.Interp {
	interp := stdlib.New(scheme.WithStdio(in, out, out))
	if err := interp.Register(testLibrary); err != nil {
		panic(err)
	}
	interp.Import(testLibrary.Name)
	return interp
}

// newTestInterp returns an interpreter with the test library imported,
// reading stdin from in and writing to out.
func newTestInterp(t testing.TB, in *Input, out io.Writer) *scheme.Interp {
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
	var buf bytes.Buffer
	out := NewOutput(&buf)
	in := NewInput(strings.NewReader(input))
	interp := newTestInterp(t, in, out)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := Run(ctx, interp, Options{In: in, Out: out, Err: out, HistoryFile: "-"})
	return scrub(buf.String()), err
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

// scrubs replace what varies from run to run in a transcript: timings
// and the working directory.
var scrubs = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`real \d+\.\d+s, cpu \d+\.\d+s \(user \d+\.\d+s, sys \d+\.\d+s\), allocated [\d.]+ [KMG]?i?B in \d+ objects, \d+ GCs`),
		"real Ns, cpu Ns (user Ns, sys Ns), allocated N in N objects, N GCs"},
}

// scrub makes a transcript comparable across runs and machines.
func scrub(t string) string {
	if wd, err := os.Getwd(); err == nil {
		t = strings.ReplaceAll(t, wd, "$REPL")
	}
	for _, s := range scrubs {
		t = s.re.ReplaceAllString(t, s.with)
	}
	return t
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

// TestQuitFlushes: ,quit flushes what the program wrote to a port and did
// not flush (issue 9 §2: nothing written is lost).
func TestQuitFlushes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	input := fmt.Sprintf("(define p (open-output-file %q))\n(write-string \"kept\" p)\n,quit\n", path)
	if _, err := runSession(t, input); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "kept" {
		t.Fatalf("file after ,quit: %q, %v; want \"kept\"", data, err)
	}
}
