// CHICKEN's (chicken format) and output conveniences: format, printf, fprintf, sprintf, write-line, print*.

// Package chickenformat is the (chicken format) library: format, printf, fprintf, sprintf
// (SRFI-28 compatible) and output conveniences.
package chickenformat

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const chickenFormat = "CHICKEN (chicken format)"

// formatTo expands the format string fs with args (CHICKEN directives
// ~a ~A ~s ~S ~c ~b ~o ~x ~d ~% ~n ~~ ~! ~? and SRFI-28's subset).
// As CHICKEN's: extra args are ignored, a ~ ending the string is written
// as itself, and ~ before whitespace skips all the whitespace that follows.
func formatTo(th *scheme.Thread, who string, dst []byte, fs *scheme.String, args []scheme.Value, flush *bool) ([]byte, error) {
	f := fs.String()
	next := func() (scheme.Value, error) {
		if len(args) == 0 {
			return nil, scheme.NewError(who, "too few arguments for format string", []scheme.Value{fs})
		}
		v := args[0]
		args = args[1:]
		return v, nil
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '~' {
			dst = append(dst, c)
			continue
		}
		i++
		if i >= len(f) {
			dst = append(dst, '~')
			break
		}
		d := f[i]
		switch d {
		case '~':
			dst = append(dst, '~')
		case '%', 'n', 'N':
			dst = append(dst, '\n')
		case '!':
			if flush != nil {
				*flush = true
			}
		case ' ', '\t', '\n', '\r', '\f', '\v': // ~<whitespace>: skip it and all that follows
			for i+1 < len(f) && strings.IndexByte(" \t\n\r\f\v", f[i+1]) >= 0 {
				i++
			}
		case 'a', 'A', 's', 'S', 'c', 'C', 'b', 'B', 'o', 'O', 'x', 'X', 'd', 'D', '?':
			v, err := next()
			if err != nil {
				return nil, err
			}
			switch d {
			case 'a', 'A':
				if dst, err = th.AppendValue(dst, v, scheme.ModeDisplay); err != nil {
					return nil, err
				}
			case 's', 'S':
				if dst, err = th.AppendValue(dst, v, scheme.ModeWrite); err != nil {
					return nil, err
				}
			case 'c', 'C':
				ch, ok := v.(scheme.Char)
				if !ok {
					return nil, scheme.NewError(who, "~c expects a character", []scheme.Value{v})
				}
				dst = append(dst, string(rune(ch))...)
			case '?':
				sub, ok := v.(*scheme.String)
				if !ok {
					return nil, scheme.NewError(who, "~? expects a format string", []scheme.Value{v})
				}
				l, err := next()
				if err != nil {
					return nil, err
				}
				items, ok := scheme.ListToSlice(l)
				if !ok {
					return nil, scheme.NewError(who, "~? expects a list of arguments", []scheme.Value{l})
				}
				if dst, err = formatTo(th, who, dst, sub, items, flush); err != nil {
					return nil, err
				}
			default:
				if !scheme.IsNumber(v) {
					return nil, scheme.NewError(who, "~"+string(d)+" expects a number", []scheme.Value{v})
				}
				radix := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'd': 10}[d|0x20]
				dst = append(dst, th.FormatNumber(v, radix)...)
			}
		default:
			return nil, scheme.NewError(who, "unknown format directive ~"+string(d), []scheme.Value{fs})
		}
	}
	return dst, nil
}

// formatOut formats and writes to port (nil: return a string).
func formatOut(th *scheme.Thread, who string, port *scheme.Port, fsv scheme.Value, args []scheme.Value) (scheme.Value, error) {
	fs, ok := fsv.(*scheme.String)
	if !ok {
		return nil, scheme.TypeError(who, 1, "format string", fsv)
	}
	flush := false
	b, err := formatTo(th, who, nil, fs, args, &flush)
	if err != nil {
		return nil, err
	}
	if port == nil {
		return scheme.MakeStringFromBytes(b), nil
	}
	if err := port.Write(th.Context(), b); err != nil {
		return nil, err
	}
	if flush {
		return scheme.Unspecified, port.Flush(th.Context())
	}
	return scheme.Unspecified, nil
}

func outputPortArg(th *scheme.Thread, who string, pos int, v scheme.Value) (*scheme.Port, error) {
	p, ok := v.(*scheme.Port)
	if !ok || !p.IsOutput() {
		return nil, scheme.TypeError(who, pos, "output port", v)
	}
	return p, nil
}

var formatProcs = []scheme.Proc{
	{Name: "format", Spec: chickenFormat + "; SRFI-28", Sig: "(format destination format-string arg ...)",
		Doc: "Formats args by the directives of format-string: ~a display, ~s write, ~c char, ~b ~o ~x ~d number in base 2/8/16/10, " +
			"~% and ~n newline, ~~ tilde, ~! flush, ~? nested format string and argument list, ~ before whitespace skips that whitespace; extra args are ignored. destination #f (or none) returns a string, " +
			"#t writes to the current output port, a port writes to that port.",
		Args: scheme.Params{Required: []string{"destination"}, Rest: "args", Spread: true},
		Fn:   format},
	{Name: "printf", Spec: chickenFormat, Sig: "(printf format-string arg ...)",
		Doc:  "Writes the formatted args to the current output port (directives as format).",
		Args: scheme.Params{Required: []string{"format-string"}, Rest: "args", Spread: true},
		Fn:   printf},
	{Name: "fprintf", Spec: chickenFormat, Sig: "(fprintf port format-string arg ...)",
		Doc:  "Writes the formatted args to port (directives as format).",
		Args: scheme.Params{Required: []string{"port", "format-string"}, Rest: "args", Spread: true},
		Fn:   fprintf},
	{Name: "sprintf", Spec: chickenFormat, Sig: "(sprintf format-string arg ...)",
		Doc:  "Returns the formatted args as a string (directives as format).",
		Args: scheme.Params{Required: []string{"format-string"}, Rest: "args", Spread: true},
		Fn:   sprintf},
	{Name: "write-line", Spec: "CHICKEN (chicken io)", Sig: "(write-line string [port])",
		Doc:  "Displays string followed by a newline on port (default: the current output port).",
		Args: scheme.Params{Required: []string{"string"}, Optional: []string{"port"}},
		Fn:   writeLine},
	{Name: "print*", Spec: "CHICKEN (chicken base)", Sig: "(print* obj ...)",
		Doc:  "Displays each obj on the current output port, without a newline.",
		Args: scheme.Params{Rest: "objs", Spread: true},
		Fn:   printStar},
}

// Library is the (chicken format) binding table.
var Library = &scheme.Library{Name: "(chicken format)", Doc: "CHICKEN's format, printf, fprintf, sprintf (SRFI-28 compatible) and output conveniences.",
	Procs: formatProcs}

// format implements format.
func format(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch d := a[0].(type) {
	case *scheme.String:
		return formatOut(th, "format", nil, d, a[1:])
	case *scheme.Boolean:
		if len(a) < 2 {
			return nil, scheme.NewError("format", "missing format string", nil)
		}
		if d == scheme.False {
			return formatOut(th, "format", nil, a[1], a[2:])
		}
		return formatOut(th, "format", th.Param(scheme.CurrentOutputPort).(*scheme.Port), a[1], a[2:])
	case *scheme.Port:
		if len(a) < 2 {
			return nil, scheme.NewError("format", "missing format string", nil)
		}
		p, err := outputPortArg(th, "format", 1, d)
		if err != nil {
			return nil, err
		}
		return formatOut(th, "format", p, a[1], a[2:])
	}
	return nil, scheme.TypeError("format", 1, "#f, #t, an output port or a format string", a[0])
}

// printf implements printf.
func printf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return formatOut(th, "printf", th.Param(scheme.CurrentOutputPort).(*scheme.Port), a[0], a[1:])
}

// fprintf implements fprintf.
func fprintf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := outputPortArg(th, "fprintf", 1, a[0])
	if err != nil {
		return nil, err
	}
	return formatOut(th, "fprintf", p, a[1], a[2:])
}

// sprintf implements sprintf.
func sprintf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return formatOut(th, "sprintf", nil, a[0], a[1:])
}

// writeLine implements write-line.
func writeLine(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, ok := a[0].(*scheme.String); !ok {
		return nil, scheme.TypeError("write-line", 1, "string", a[0]) // as csi: only a string
	}
	p := th.Param(scheme.CurrentOutputPort).(*scheme.Port)
	if !scheme.IsDefault(a[1]) {
		var err error
		if p, err = outputPortArg(th, "write-line", 2, a[1]); err != nil {
			return nil, err
		}
	}
	b, err := th.AppendValue(nil, a[0], scheme.ModeDisplay)
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, p.Write(th.Context(), append(b, '\n'))
}

// printStar implements print*.
func printStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b []byte
	for _, v := range a {
		var err error
		if b, err = th.AppendValue(b, v, scheme.ModeDisplay); err != nil {
			return nil, err
		}
	}
	return scheme.Unspecified, th.Param(scheme.CurrentOutputPort).(*scheme.Port).Write(th.Context(), b)
}
