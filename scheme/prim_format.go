// CHICKEN's (chicken format) and output conveniences: format, printf, fprintf, sprintf, write-line, print*.

package scheme

import "strings"

const chickenFormat = "CHICKEN (chicken format)"

// formatTo expands the format string fs with args (CHICKEN directives
// ~a ~A ~s ~S ~c ~b ~o ~x ~d ~% ~n ~~ ~! ~? and SRFI-28's subset).
func formatTo(th *Thread, who string, dst []byte, fs *String, args []Value, flush *bool) ([]byte, error) {
	f := fs.String()
	next := func() (Value, error) {
		if len(args) == 0 {
			return nil, NewError(who, "too few arguments for format string", []Value{fs})
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
			return nil, NewError(who, "format string ends with ~", []Value{fs})
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
		case '\n': // ~<newline>: skip the newline and following blanks
			for i+1 < len(f) && (f[i+1] == ' ' || f[i+1] == '\t') {
				i++
			}
		case 'a', 'A', 's', 'S', 'c', 'C', 'b', 'B', 'o', 'O', 'x', 'X', 'd', 'D', '?':
			v, err := next()
			if err != nil {
				return nil, err
			}
			switch d {
			case 'a', 'A':
				dst = AppendValue(dst, v, ModeDisplay)
			case 's', 'S':
				dst = AppendValue(dst, v, ModeWrite)
			case 'c', 'C':
				ch, ok := v.(Char)
				if !ok {
					return nil, NewError(who, "~c expects a character", []Value{v})
				}
				dst = append(dst, string(rune(ch))...)
			case '?':
				sub, ok := v.(*String)
				if !ok {
					return nil, NewError(who, "~? expects a format string", []Value{v})
				}
				l, err := next()
				if err != nil {
					return nil, err
				}
				items, ok := ListToSlice(l)
				if !ok {
					return nil, NewError(who, "~? expects a list of arguments", []Value{l})
				}
				if dst, err = formatTo(th, who, dst, sub, items, flush); err != nil {
					return nil, err
				}
			default:
				if !IsNumber(v) {
					return nil, NewError(who, "~"+string(d)+" expects a number", []Value{v})
				}
				radix := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'd': 10}[d|0x20]
				dst = append(dst, FormatNumber(v, radix)...)
			}
		default:
			return nil, NewError(who, "unknown format directive ~"+string(d), []Value{fs})
		}
	}
	if len(args) > 0 {
		return nil, NewError(who, "too many arguments for format string", append([]Value{fs}, args...))
	}
	return dst, nil
}

// formatOut formats and writes to port (nil: return a string).
func formatOut(th *Thread, who string, port *Port, fsv Value, args []Value) (Value, error) {
	fs, ok := fsv.(*String)
	if !ok {
		return nil, TypeError(who, 1, "format string", fsv)
	}
	flush := false
	b, err := formatTo(th, who, nil, fs, args, &flush)
	if err != nil {
		return nil, err
	}
	if port == nil {
		return MakeStringFromBytes(b), nil
	}
	if err := port.Write(th.Context(), b); err != nil {
		return nil, err
	}
	if flush {
		return Unspecified, port.Flush(th.Context())
	}
	return Unspecified, nil
}

func outputPortArg(th *Thread, who string, pos int, v Value) (*Port, error) {
	p, ok := v.(*Port)
	if !ok || !p.IsOutput() {
		return nil, TypeError(who, pos, "output port", v)
	}
	return p, nil
}

var formatProcs = []Proc{
	{Name: "format", Spec: chickenFormat + "; SRFI-28", Sig: "(format destination format-string arg ...)",
		Doc: "Formats args by the directives of format-string: ~a display, ~s write, ~c char, ~b ~o ~x ~d number in base 2/8/16/10, " +
			"~% and ~n newline, ~~ tilde, ~! flush, ~? nested format string and argument list. destination #f (or none) returns a string, " +
			"#t writes to the current output port, a port writes to that port.",
		Args: Params{Required: []string{"destination"}, Rest: "args", Spread: true},
		Fn:   format},
	{Name: "printf", Spec: chickenFormat, Sig: "(printf format-string arg ...)",
		Doc:  "Writes the formatted args to the current output port (directives as format).",
		Args: Params{Required: []string{"format-string"}, Rest: "args", Spread: true},
		Fn:   printf},
	{Name: "fprintf", Spec: chickenFormat, Sig: "(fprintf port format-string arg ...)",
		Doc:  "Writes the formatted args to port (directives as format).",
		Args: Params{Required: []string{"port", "format-string"}, Rest: "args", Spread: true},
		Fn:   fprintf},
	{Name: "sprintf", Spec: chickenFormat, Sig: "(sprintf format-string arg ...)",
		Doc:  "Returns the formatted args as a string (directives as format).",
		Args: Params{Required: []string{"format-string"}, Rest: "args", Spread: true},
		Fn:   sprintf},
	{Name: "write-line", Spec: "CHICKEN (chicken io)", Sig: "(write-line string [port])",
		Doc:  "Displays string followed by a newline on port (default: the current output port).",
		Args: Params{Required: []string{"string"}, Optional: []string{"port"}},
		Fn:   writeLine},
	{Name: "print*", Spec: "CHICKEN (chicken base)", Sig: "(print* obj ...)",
		Doc:  "Displays each obj on the current output port, without a newline.",
		Args: Params{Rest: "objs", Spread: true},
		Fn:   printStar},
}

// formatLibrary is the (chicken format) table.
var formatLibrary = &Library{Name: "(chicken format)", Doc: "CHICKEN's format, printf, fprintf, sprintf (SRFI-28 compatible) and output conveniences.",
	Procs: formatProcs}

// padString implements string-pad (left) and string-pad-right.
func padString(th *Thread, a []Value, who string, right bool) (Value, error) {
	s, ok := a[0].(*String)
	if !ok {
		return nil, TypeError(who, 1, "string", a[0])
	}
	n, ok := a[1].(Fixnum)
	if !ok || n < 0 {
		return nil, TypeError(who, 2, "non-negative fixnum", a[1])
	}
	pad := ' '
	if !IsDefault(a[2]) {
		c, ok := a[2].(Char)
		if !ok {
			return nil, TypeError(who, 3, "char", a[2])
		}
		pad = rune(c)
	}
	rs := s.Runes()
	k := int(n)
	switch {
	case len(rs) >= k && right:
		rs = rs[:k]
	case len(rs) >= k:
		rs = rs[len(rs)-k:]
	case right:
		rs = append(rs, []rune(strings.Repeat(string(pad), k-len(rs)))...)
	default:
		rs = append([]rune(strings.Repeat(string(pad), k-len(rs))), rs...)
	}
	return NewStringRunes(rs), nil
}

// format implements format.
func format(th *Thread, a []Value) (Value, error) {
	switch d := a[0].(type) {
	case *String:
		return formatOut(th, "format", nil, d, a[1:])
	case *Boolean:
		if len(a) < 2 {
			return nil, NewError("format", "missing format string", nil)
		}
		if d == False {
			return formatOut(th, "format", nil, a[1], a[2:])
		}
		return formatOut(th, "format", th.Param(CurrentOutputPort).(*Port), a[1], a[2:])
	case *Port:
		if len(a) < 2 {
			return nil, NewError("format", "missing format string", nil)
		}
		p, err := outputPortArg(th, "format", 1, d)
		if err != nil {
			return nil, err
		}
		return formatOut(th, "format", p, a[1], a[2:])
	}
	return nil, TypeError("format", 1, "#f, #t, an output port or a format string", a[0])
}

// printf implements printf.
func printf(th *Thread, a []Value) (Value, error) {
	return formatOut(th, "printf", th.Param(CurrentOutputPort).(*Port), a[0], a[1:])
}

// fprintf implements fprintf.
func fprintf(th *Thread, a []Value) (Value, error) {
	p, err := outputPortArg(th, "fprintf", 1, a[0])
	if err != nil {
		return nil, err
	}
	return formatOut(th, "fprintf", p, a[1], a[2:])
}

// sprintf implements sprintf.
func sprintf(th *Thread, a []Value) (Value, error) {
	return formatOut(th, "sprintf", nil, a[0], a[1:])
}

// writeLine implements write-line.
func writeLine(th *Thread, a []Value) (Value, error) {
	p := th.Param(CurrentOutputPort).(*Port)
	if !IsDefault(a[1]) {
		var err error
		if p, err = outputPortArg(th, "write-line", 2, a[1]); err != nil {
			return nil, err
		}
	}
	return Unspecified, p.Write(th.Context(), append(AppendValue(nil, a[0], ModeDisplay), '\n'))
}

// printStar implements print*.
func printStar(th *Thread, a []Value) (Value, error) {
	var b []byte
	for _, v := range a {
		b = AppendValue(b, v, ModeDisplay)
	}
	return Unspecified, th.Param(CurrentOutputPort).(*Port).Write(th.Context(), b)
}
