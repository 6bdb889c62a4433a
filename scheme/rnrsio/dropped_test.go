package rnrsio_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestDroppedFilePortKeepsOutput: a file output port the program drops
// without closing it (R6RS open-file-output-port, and open-output-file)
// keeps its buffered output through (gc #t): it reaches the file when the
// port is collected or, at the latest, when the program ends
// (Interp.FlushAllOutput), as R6RS's buffer modes and CHICKEN's ports
// promise nothing written is lost.
func TestDroppedFilePortKeepsOutput(t *testing.T) {
	for _, tc := range []struct{ name, open, write string }{
		{"open-file-output-port textual", `(open-file-output-port path (file-options no-fail) (buffer-mode block) (native-transcoder))`, `(put-string p text)`},
		{"open-file-output-port binary", `(open-file-output-port path (file-options no-fail) (buffer-mode block))`, `(put-bytevector p (string->utf8 text))`},
		{"open-output-file", `(open-output-file path)`, `(write-string text p)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.txt")
			in := stdlib.New()
			ctx := context.Background()
			src := fmt.Sprintf(`(import (rnrs io ports) (chicken gc))
(define path %q)
(define text "written, dropped, never closed")
(define (write-and-drop!) (let ((p %s)) %s #f))
(write-and-drop!)
(gc #t)
(gc #t)`, path, tc.open, tc.write)
			if _, err := in.EvalString(ctx, src); err != nil {
				t.Fatal(err)
			}
			// written whole when the port was collected, or not yet
			if b, _ := os.ReadFile(path); len(b) != 0 && string(b) != "written, dropped, never closed" {
				t.Fatalf("file holds %q before the end of the program, want all or nothing", b)
			}
			if err := in.FlushAllOutput(ctx); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "written, dropped, never closed" {
				t.Errorf("file holds %q (%v), want the output written before the port was dropped", b, err)
			}
		})
	}
}
