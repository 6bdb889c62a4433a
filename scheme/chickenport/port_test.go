package chickenport_test

import (
	"context"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"

	"github.com/tlsport/tlsport/scheme/chickenport"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestManualExports checks every procedure of the manual page "Module
// (chicken port)" is exported.
func TestManualExports(t *testing.T) {
	schemetest.CheckExports(t, chickenport.Library, `call-with-input-string call-with-output-string
		copy-port make-bidirectional-port make-broadcast-port make-concatenated-port make-input-port
		make-output-port port-fold port-for-each port-map port-name port-position set-buffering-mode!
		set-port-name! terminal-name terminal-port? terminal-size with-error-output-to-port
		with-error-output-to-string with-input-from-port with-input-from-string with-output-to-port
		with-output-to-string`)
}

// TestCustomPortsFromGo drives a custom output port from Go code outside
// any Scheme thread, as ports->ssl-ports does (Port.Write, Flush, Close
// with a plain context): the Scheme procedures run on a fresh thread.
func TestCustomPortsFromGo(t *testing.T) {
	in := stdlib.New()
	ctx := context.Background()
	v, err := in.EvalString(ctx, `(define acc "")
		(define closed #f)
		(make-output-port (lambda (s) (set! acc (string-append acc s))) (lambda () (set! closed #t)))`)
	if err != nil {
		t.Fatal(err)
	}
	out := v.(*scheme.Port)
	if err := out.Write(ctx, []byte("from go")); err != nil {
		t.Fatal(err)
	}
	if err := out.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := in.Lookup("acc"); scheme.DisplayString(got) != "from go" {
		t.Errorf("acc = %s, want \"from go\"", scheme.WriteString(got))
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := in.Lookup("closed"); got != scheme.Value(scheme.True) {
		t.Errorf("closed = %s after Close, want #t", scheme.WriteString(got))
	}
}
