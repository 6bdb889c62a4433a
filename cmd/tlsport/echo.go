// csi -sx: a script whose expressions are printed before they are evaluated.

package main

import (
	"context"
	"strings"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenprettyprint"
)

// loadEchoing loads script as csi -sx does: (load script evalproc), where
// evalproc writes each expression to (current-error-port), pretty-printed
// with every line prefixed by "; " after an empty line, then evaluates it.
// load, eval and the printer are taken before the script runs, so a script
// that redefines them does not change how its own expressions are shown.
func loadEchoing(ctx context.Context, interp *scheme.Interp, script string) error {
	load, _ := interp.Lookup("load") // bound by every interpreter newInterp makes
	eval, _ := interp.Lookup("eval")
	show := scheme.NewPrimitive(nil, &scheme.Proc{Name: "csi-echo", Args: scheme.Lambda(scheme.Req("expression", nil)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, ok := th.Param(scheme.CurrentErrorPort).(*scheme.Port)
			if !ok {
				return scheme.Unspecified, nil
			}
			var b strings.Builder
			chickenprettyprint.Format(&b, a[0], 79, nil)
			text := "\n; " + strings.ReplaceAll(b.String(), "\n", "\n; ") + "\n; \n"
			return scheme.Unspecified, p.Write(th.Context(), []byte(text))
		}})
	evalproc, err := interp.EvalString(ctx, "(lambda (show eval) (lambda (x) (show x) (eval x)))")
	if err == nil {
		evalproc, err = interp.Apply(ctx, evalproc, show, eval)
	}
	if err == nil {
		_, err = interp.Apply(ctx, load, scheme.NewString(script), evalproc)
	}
	return err
}
