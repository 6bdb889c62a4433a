// evalprint: evaluating a string and printing its results (tlsport -e).

package repl

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// EvalPrint reads every datum of src, evaluates them in order with interp
// and writes each result to w as the REPL does. It stops at the first
// error: a read error, the *scheme.Error of an uncaught condition or an
// *scheme.ExitError; format it with [FormatError].
func EvalPrint(ctx context.Context, interp *scheme.Interp, src string, w io.Writer) error {
	datums, incomplete, err := parseInput(interp, src+"\n", nil)
	if err != nil {
		return err
	}
	if incomplete {
		return errors.New("repl: incomplete expression: " + strings.TrimSpace(src))
	}
	for _, d := range datums {
		v, err := interp.Eval(ctx, d)
		if err != nil {
			return err
		}
		if err := writeResults(ctx, interp, w, v); err != nil {
			return err
		}
	}
	return nil
}
