// print-error-message and current-exception-handler of (chicken condition).

package chickencondition

import (
	"github.com/tlsport/tlsport/scheme"
)

var reportProcs = []scheme.Proc{
	{Name: "print-error-message", Spec: "CHICKEN (chicken condition)",
		Args: scheme.Lambda(scheme.Req("exn", nil), scheme.Opt("port", scheme.TypeOutputPort, nil), scheme.Opt("header", scheme.TypeString, scheme.NewString("Error"))),
		Doc:  "Writes header (default \"Error\"), \": \", the location in parentheses, the message and the irritants of the condition exn and a newline to port (default the current error port), as CHICKEN reports an uncaught error.",
		Fn:   printErrorMessage},
	{Name: "current-exception-handler", Spec: "CHICKEN (chicken condition)", Args: scheme.Lambda(),
		Doc: "The current exception handler: the innermost one installed by with-exception-handler (or handle-exceptions, condition-case, guard), else raise.",
		Fn:  currentExceptionHandler},
}

// printErrorMessage implements print-error-message.
func printErrorMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, ok := a[1].(*scheme.Port) // checked by the row's type
	if scheme.IsDefault(a[1]) {
		p, ok = th.Param(scheme.CurrentErrorPort).(*scheme.Port)
	}
	if !ok {
		return nil, scheme.TypeError("print-error-message", 2, "output port", a[1])
	}
	msg := a[2].(*scheme.String).String() + ": " + scheme.ConditionSummary(a[0]) + "\n"
	if err := p.Write(th.Context(), []byte(msg)); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

// currentExceptionHandler implements current-exception-handler.
func currentExceptionHandler(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if h := th.ExceptionHandler(); h != nil {
		return h, nil
	}
	if r, ok := th.Interp().Lookup("raise"); ok {
		return r, nil
	}
	return scheme.False, nil
}
