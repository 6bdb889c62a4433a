// CHICKEN's (chicken io): read-line with a limit, read-list, read-token, read-string!, read-buffered, bytes, and CHICKEN's write-string.

// Package chickenio is the (chicken io) library: CHICKEN 5's input/output
// extensions. read-line, read-string and write-line are re-exported;
// read-lines honours MAX; write-string (adding CHICKEN's (write-string
// STRING [NUM [PORT]]) beside R7RS's form) extends the core's, which it
// calls.
package chickenio

import (
	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken io)"

var (
	typePort    = scheme.TypePort
	typeLimit   = scheme.OrFalse(scheme.TypeIndex)
	typeProcArg = scheme.TypeProcedure
)

var procs = []scheme.Proc{
	{Name: "read-list", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("port", typePort, nil), scheme.Opt("reader", typeProcArg, nil), scheme.Opt("max", typeLimit, nil))
	},
		Doc: "The list of the results of calling (reader port) up to max times (#f: until the eof object); reader defaults to read, port to the current input port.",
		Fn:  readList},
	{Name: "read-buffered", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("port", typePort, nil)) },
		Doc: "The data already read ahead into port's buffer, as a string (\"\" when none); never blocks.",
		Fn:  readBuffered},
	{Name: "read-byte", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("port", typePort, nil)) },
		Doc: "The next byte of port (default the current input port) as an integer, or the eof object.",
		Fn:  readByte},
	{Name: "write-byte", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("byte", scheme.TypeIndex), scheme.Opt("port", typePort, nil))
	},
		Doc: "Writes byte to port (default the current output port).",
		Fn:  writeByte},
	{Name: "read-lines", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("port", typePort, nil), scheme.Opt("max", typeLimit, nil))
	},
		Doc: "The list of the next max (default: all) lines of port (default the current input port), without their terminators.",
		Fn:  readLines},
	{Name: "read-string!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("num", typeLimit), scheme.Req("string", scheme.TypeString), scheme.Opt("port", typePort, nil), scheme.Opt("start", scheme.TypeIndex, scheme.Fixnum(0)))
	},
		Doc: "Reads up to num characters (#f: as many as fit) from port into string from start; returns the number read (0 at end of input).",
		Fn:  readStringBang},
	{Name: "write-string", Spec: spec, Sig: "(write-string string #!optional num port #!rest start-end)", Args: scheme.Params{Required: []string{"string"}, Optional: []string{"num", "port"}, Rest: "start-end"},
		Doc: "Writes the first num characters of string (#f or absent: all) to port (default the current output port); (write-string string port [start [end]]), R7RS's form, is accepted too.",
		Fn:  writeString},
	{Name: "read-token", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("predicate", typeProcArg), scheme.Opt("port", typePort, nil))
	},
		Doc: "The string of the characters read from port (default the current input port) while predicate is true of the next one.",
		Fn:  readToken},
	// the core's procedures, re-exported
	{Name: "read-line", Spec: spec, Sig: "(read-line [port [limit]])", Args: scheme.Params{Optional: []string{"port", "limit"}},
		Doc: "Same as the core's read-line: the next line of port without its terminator, or the eof object; with limit, at most limit characters (the rest of the line is left for the next read)."},
	{Name: "read-string", Spec: spec, Sig: "(read-string [num [port]])", Args: scheme.Params{Optional: []string{"num", "port"}},
		Doc: "Same as the core's read-string: num characters (#f or absent: all up to the end) from port, or the eof object."},
	{Name: "write-line", Spec: spec, Sig: "(write-line string [port])", Args: scheme.Params{Required: []string{"string"}, Optional: []string{"port"}},
		Doc: "Same as (chicken format)'s write-line: writes string and a newline to port."},
}

// coreProcs are the core procedures this library extends, captured per
// Interp before its own definitions replace them.
type coreProcs struct{ writeString scheme.Value }

type coreKey struct{}

// Library is the (chicken io) binding table.
var Library = &scheme.Library{Name: "(chicken io)", Doc: "CHICKEN 5's (chicken io): line, token, list and byte input/output.", Procs: procs,
	Init: func(in *scheme.Interp) error {
		in.HostData(coreKey{}, func() any {
			ws, _ := in.Lookup("write-string")
			return &coreProcs{ws}
		})
		return nil
	}}

func core(th *scheme.Thread) *coreProcs {
	return th.Interp().HostData(coreKey{}, func() any { return &coreProcs{} }).(*coreProcs)
}

// global returns the global procedure name (a core one this library does
// not replace).
func global(th *scheme.Thread, name string) (scheme.Value, error) {
	return scheme.Global(th, "chicken io", name)
}

func inPort(th *scheme.Thread, v scheme.Value) scheme.Value {
	if scheme.IsDefault(v) {
		return th.Param(scheme.CurrentInputPort)
	}
	return v
}

func outPort(th *scheme.Thread, v scheme.Value) scheme.Value {
	if scheme.IsDefault(v) {
		return th.Param(scheme.CurrentOutputPort)
	}
	return v
}

func call(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	f, err := global(th, name)
	if err != nil {
		return nil, err
	}
	return th.Call(f, args...)
}

// readList implements read-list.
func readList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	port := inPort(th, a[0])
	reader := a[1]
	if scheme.IsDefault(reader) {
		var err error
		if reader, err = global(th, "read"); err != nil {
			return nil, err
		}
	}
	max := -1
	if n, ok := a[2].(scheme.Fixnum); ok {
		max = int(n)
	}
	var out []scheme.Value
	for max < 0 || len(out) < max {
		v, err := th.Call(reader, port)
		if err != nil {
			return nil, err
		}
		if v == scheme.EOF {
			break
		}
		out = append(out, v)
	}
	return scheme.List(out...), nil
}

// readBuffered implements read-buffered.
func readBuffered(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := scheme.InputPortArg(th, a, 0)
	if err != nil {
		return nil, err
	}
	return scheme.MakeStringFromBytes(p.TakeBuffered()), nil
}

// readByte implements read-byte.
func readByte(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f, err := global(th, "read-u8")
	if err != nil {
		return nil, err
	}
	return th.TailCall(f, []scheme.Value{inPort(th, a[0])})
}

// writeByte implements write-byte.
func writeByte(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f, err := global(th, "write-u8")
	if err != nil {
		return nil, err
	}
	return th.TailCall(f, []scheme.Value{a[0], outPort(th, a[1])})
}

// readLines implements read-lines.
func readLines(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	port := inPort(th, a[0])
	max := -1
	if n, ok := a[1].(scheme.Fixnum); ok {
		max = int(n)
	}
	var out []scheme.Value
	for max < 0 || len(out) < max {
		l, err := call(th, "read-line", port)
		if err != nil {
			return nil, err
		}
		if l == scheme.EOF {
			break
		}
		out = append(out, l)
	}
	return scheme.List(out...), nil
}

// readStringBang implements read-string!.
func readStringBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[1].(*scheme.String)
	start := int(a[3].(scheme.Fixnum))
	if start > s.Len() {
		return nil, scheme.RangeError("read-string!", 4, "start", a[3])
	}
	n := s.Len() - start
	if k, ok := a[0].(scheme.Fixnum); ok && int(k) < n {
		n = int(k)
	}
	return scheme.ReadStringInto(th, a, 2, s, start, n)
}

// writeString implements write-string.
func writeString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ok := a[0].(*scheme.String)
	if !ok {
		return nil, scheme.TypeError("write-string", 1, "string", a[0])
	}
	switch num := a[1].(type) {
	case scheme.Fixnum:
		if int(num) < 0 {
			return nil, scheme.RangeError("write-string", 2, "negative count", num)
		}
		end := scheme.Default
		if int(num) < s.Len() {
			end = num
		}
		return scheme.WriteStringTo(th, s, a[2], scheme.Default, end)
	case *scheme.Boolean:
		if num == scheme.False {
			return scheme.WriteStringTo(th, s, a[2], scheme.Default, scheme.Default)
		}
	}
	// R7RS: (write-string string [port [start [end]]]), here (string num
	// port . start-end) shifted by one: num is the port, port the start.
	if a[3] == scheme.Value(scheme.Null) {
		return scheme.WriteStringTo(th, s, a[1], a[2], scheme.Default)
	}
	r7rs, _ := scheme.ListToSlice(a[3])
	args := []scheme.Value{s}
	for _, v := range append([]scheme.Value{a[1], a[2]}, r7rs...) {
		if scheme.IsDefault(v) {
			break
		}
		args = append(args, v)
	}
	return th.TailCall(core(th).writeString, args)
}

// readToken implements read-token.
func readToken(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	port := inPort(th, a[1])
	var tok []rune
	for {
		c, err := call(th, "peek-char", port)
		if err != nil {
			return nil, err
		}
		if c == scheme.EOF {
			break
		}
		ok, err := th.Call(a[0], c)
		if err != nil {
			return nil, err
		}
		if ok == scheme.Value(scheme.False) {
			break
		}
		if _, err := call(th, "read-char", port); err != nil {
			return nil, err
		}
		tok = append(tok, rune(c.(scheme.Char)))
	}
	return scheme.NewStringRunes(tok), nil
}
