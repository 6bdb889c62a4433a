// load, include and import of a FIFO: the read ends with the thread's context.

package scheme_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/tlsport/tlsport/internal/fifotest"
	"github.com/tlsport/tlsport/scheme"
)

// TestLoadFIFO: load (the procedure and Interp.Load), include and import
// of a file that is a FIFO nobody writes end with the evaluation's
// deadline, raising (exn i/o file) with the deadline as its cause, and
// leave no goroutine or descriptor once the writer comes; a FIFO written
// with source defines what that source in a regular file does. Each call
// runs in a fresh interpreter whose library path is the file's directory.
func TestLoadFIFO(t *testing.T) {
	const src = `(define loaded-value (list 1 2 3))`
	for _, r := range []struct {
		name, file, data string
		// run runs the file f in in under ctx, returning loaded-value
		run func(ctx context.Context, in *scheme.Interp, f string) (scheme.Value, error)
	}{
		{"load", "src.scm", src, func(ctx context.Context, in *scheme.Interp, f string) (scheme.Value, error) {
			return in.EvalString(ctx, fmt.Sprintf("(begin (load %q) loaded-value)", f))
		}},
		{"Interp.Load", "src.scm", src, func(ctx context.Context, in *scheme.Interp, f string) (scheme.Value, error) {
			if err := in.Load(ctx, f); err != nil {
				return nil, err
			}
			return in.EvalString(ctx, "loaded-value")
		}},
		{"include", "src.scm", src, func(ctx context.Context, in *scheme.Interp, f string) (scheme.Value, error) {
			return in.EvalString(ctx, fmt.Sprintf("(begin (include %q) loaded-value)", f))
		}},
		{"import", "fifolib.sld", `(define-library (fifolib) (export loaded-value) (import (scheme base)) (begin ` + src + `))`,
			func(ctx context.Context, in *scheme.Interp, _ string) (scheme.Value, error) {
				return in.EvalString(ctx, "(begin (import (fifolib)) loaded-value)")
			}},
	} {
		t.Run(r.name, func(t *testing.T) {
			err := fifotest.CheckRead(t, r.file, []byte(r.data), func(ctx context.Context, path string) (string, error) {
				v, err := r.run(ctx, scheme.New(scheme.WithLibraryPath(filepath.Dir(path))), path)
				if err == nil && scheme.WriteString(v) != "(1 2 3)" {
					t.Errorf("%s of %s: %s, want (1 2 3)", r.name, path, scheme.WriteString(v))
				}
				return scheme.WriteString(v), err
			})
			var se *scheme.Error
			if !errors.As(err, &se) || !se.Condition.(*scheme.Condition).Has("file") {
				t.Fatalf("nobody writing, a deadline: %v; want (exn i/o file)", err)
			}
		})
	}
}
