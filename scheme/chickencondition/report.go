// print-error-message and current-exception-handler of (chicken condition).

package chickencondition

import (
	"github.com/tlsport/tlsport/scheme"
)

// printErrorMessage implements print-error-message, laid out as CHICKEN's
// library.scm does: a newline, the header, then for a condition ": ", the
// location when it is a symbol, the message (or "<condition> (kinds)"),
// then one argument after ": " or several each on a line of its own, and a
// newline when there are arguments (an empty list counts); a string after
// ": "; any other object as an uncaught exception.
func printErrorMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, ok := a[1].(*scheme.Port) // checked by the row's type
	if scheme.IsDefault(a[1]) {
		p, ok = th.Param(scheme.CurrentOutputPort).(*scheme.Port)
	}
	if !ok {
		return nil, scheme.TypeError("print-error-message", 2, "output port", a[1])
	}
	b := append([]byte{'\n'}, a[2].(*scheme.String).String()...)
	var err error
	put := func(v scheme.Value, mode scheme.PrintMode) {
		if err == nil {
			b, err = th.AppendValue(b, v, mode)
		}
	}
	switch x := a[0].(type) {
	case *scheme.Condition:
		b = append(b, ": "...)
		if msg, ok := x.Get("exn", "message"); ok {
			if loc, ok := x.Get("exn", "location"); ok {
				if sym, ok := loc.(*scheme.Symbol); ok {
					b = append(b, "("+sym.Name+") "...)
				}
			}
			put(msg, scheme.ModeDisplay)
		} else {
			kinds := make([]scheme.Value, len(x.Kinds))
			for i, k := range x.Kinds {
				kinds[i] = k.Kind
			}
			b = append(b, "<condition> "...)
			put(scheme.List(kinds...), scheme.ModeDisplay)
		}
		if args, ok := x.Get("exn", "arguments"); ok {
			if items, proper := scheme.ListToSlice(args); proper {
				for _, it := range items {
					if len(items) == 1 {
						b = append(b, ": "...)
					} else {
						b = append(b, '\n')
					}
					put(it, scheme.ModeWrite)
				}
				b = append(b, '\n')
			}
		}
	case *scheme.String:
		b = append(append(b, ": "...), x.String()...)
		b = append(b, '\n')
	default:
		b = append(b, ": uncaught exception: "...)
		put(x, scheme.ModeWrite)
		b = append(b, '\n')
	}
	if err != nil {
		return nil, err
	}
	if err := p.Write(th.Context(), b); err != nil {
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
