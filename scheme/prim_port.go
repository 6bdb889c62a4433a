// Port procedures: R7RS §6.13 input and output, string/bytevector/file ports and CHICKEN's extras.

package scheme

import (
	"errors"
	"os"
	"sync"
	"unicode/utf8"
)

const r7io = "r7rs §6.13"

// inPort returns the input port argument at i (1-based position pos), or
// the current input port when absent.
// InputPortArg returns args[i] as an input port, or the current input port
// when the argument is absent (#!default); another value is an (exn type)
// error naming argument i+1. For libraries' optional port parameters.
func InputPortArg(th *Thread, args []Value, i int) (*Port, error) { return inPort(th, args, i) }

// OutputPortArg is [InputPortArg] for output ports (default the current
// output port).
func OutputPortArg(th *Thread, args []Value, i int) (*Port, error) { return outPort(th, args, i) }

func inPort(th *Thread, args []Value, i int) (*Port, error) {
	if i < len(args) {
		if p, ok := args[i].(*Port); ok && p.input {
			return p, nil // the common case first: a port given
		}
	}
	if i >= len(args) || IsDefault(args[i]) {
		return th.Param(CurrentInputPort).(*Port), nil
	}
	p, ok := args[i].(*Port)
	if !ok || !p.input {
		return nil, TypeError("", i+1, "input port", args[i])
	}
	return p, nil
}

func outPort(th *Thread, args []Value, i int) (*Port, error) {
	if i < len(args) {
		if p, ok := args[i].(*Port); ok && p.IsOutput() {
			return p, nil
		}
	}
	if i >= len(args) || IsDefault(args[i]) {
		return th.Param(CurrentOutputPort).(*Port), nil
	}
	p, ok := args[i].(*Port)
	if !ok || !p.IsOutput() {
		return nil, TypeError("", i+1, "output port", args[i])
	}
	return p, nil
}

// eofOr maps the end of input (isEOF) to the eof object and passes other errors on.
func eofOr(v Value, err error) (Value, error) {
	if err == nil {
		return v, nil
	}
	if isEOF(err) {
		return EOF, nil
	}
	return nil, err
}

// writeOp runs an output operation on port arg i under its lock.
func writeOp(th *Thread, args []Value, i int, f func(p *Port) error) (Value, error) {
	p, err := outPort(th, args, i)
	if err != nil {
		return nil, err
	}
	th.WaitBegin() // thread-state: blocked while it writes (or waits for the port)
	defer th.WaitEnd()
	m := p.outMu()
	m.Lock()
	defer m.Unlock()
	if err := p.outputOp(th.Context(), f); err != nil {
		return nil, err
	}
	return Unspecified, nil
}

func readOp(th *Thread, args []Value, i int, f func(p *Port) (Value, error)) (Value, error) {
	p, err := inPort(th, args, i)
	if err != nil {
		return nil, err
	}
	th.WaitBegin() // thread-state: blocked while it reads (or waits for the port)
	defer th.WaitEnd()
	p.mu.Lock()
	defer p.mu.Unlock()
	return f(p)
}

// printObj writes args[0] in mode on the port args[1] (default the current
// output port).
func printObj(th *Thread, args []Value, mode PrintMode) (Value, error) {
	in := th.interp
	if _, ok := args[0].(*String); (!ok || mode != ModeDisplay && (in.r7rsProgram.Load() || in.r6rsProgram.Load())) && in.printNeedsInterp() {
		// Printed before the port is locked: a printer may write to it (an
		// R7RS or R6RS program's strings are written with its escapes).
		b, err := th.AppendValue(nil, args[0], mode)
		if err != nil {
			return nil, err
		}
		return writeOp(th, args, 1, func(p *Port) error { return p.writeBytes(th.Context(), b) })
	}
	return writeOp(th, args, 1, func(p *Port) error {
		if s, ok := args[0].(*String); ok && mode == ModeDisplay {
			return p.writeString(th.Context(), s, 0, s.Len())
		}
		return p.writeBytes(th.Context(), AppendValue(nil, args[0], mode))
	})
}

func readString(th *Thread, args []Value) (Value, error) {
	// R7RS (read-string k [port]); CHICKEN (read-string [k] [port]) with k #f = all.
	k := -1
	portAt := 1
	switch a := args[0].(type) {
	case *Port:
		portAt = 0
	case Fixnum:
		if a < 0 {
			return nil, RangeError("", 1, "negative count", a)
		}
		k = int(a)
	default:
		if a != Value(False) && !IsDefault(a) {
			return nil, TypeError("", 1, "exact non-negative integer or #f", a)
		}
	}
	if portAt == 0 && !IsDefault(args[1]) {
		if n, ok := args[1].(Fixnum); ok && n >= 0 {
			k = int(n)
		}
	}
	return readOp(th, args, portAt, func(p *Port) (Value, error) {
		if k == 0 {
			return NewString(""), nil
		}
		sizeHint := k
		if k < 0 || k > portBufSize {
			sizeHint = portBufSize
		}
		buf, n, err := p.readChars(th.WaitContext(), make([]byte, 0, sizeHint), k)
		if err != nil && !(isEOF(err) && n > 0) {
			if isEOF(err) {
				if k < 0 {
					return NewString(""), nil
				}
				return EOF, nil
			}
			return nil, err
		}
		if n == len(buf) {
			return stringFromASCII(buf), nil
		}
		return MakeStringFromBytes(buf), nil
	})
}

// ReadStringInto reads up to n characters from the port args[i] (the
// current input port when absent) into s from index start, which must
// leave room for them, and returns how many it read as a fixnum (the
// port's last count again when it is the same, as read-bytevector!'s: no
// box per call): 0 at the end of input. It blocks as read-string does. It is CHICKEN's read-string!: the
// text goes through a pooled buffer and, when it is ASCII and s is too, is
// copied into s's storage — or, when it replaces all of s (at most a port
// buffer's size), becomes s's storage, s's old storage going to the pool
// (no copy: a narrow string's storage is never shared) — so reading into a
// string the program reuses
// allocates nothing. Characters of s past the count read are unchanged.
func ReadStringInto(th *Thread, args []Value, i int, s *String, start, n int) (Value, error) {
	if s.immutable {
		return nil, ImmutableError("", s)
	}
	if n <= 0 {
		return Fixnum(0), nil
	}
	p, err := inPort(th, args, i)
	if err != nil {
		return nil, err
	}
	th.WaitBegin()
	defer th.WaitEnd()
	p.mu.Lock()
	defer p.mu.Unlock()
	bp := readScratch.Get().(*[]byte)
	defer readScratch.Put(bp)
	if cap(*bp) < min(n, portBufSize) {
		*bp = make([]byte, 0, min(n, portBufSize))
	}
	buf, got, err := p.readChars(th.WaitContext(), (*bp)[:0], n)
	if cap(buf) <= portBufSize {
		*bp = buf[:0] // keep what readChars grew, up to a port buffer
	}
	if err != nil && !(isEOF(err) && got > 0) {
		if isEOF(err) {
			return Fixnum(0), nil
		}
		return nil, err
	}
	if got == len(buf) && !s.wide {
		if start == 0 && got == len(s.b) && cap(buf) == got && got <= portBufSize {
			s.b, *bp = buf, s.b[:0]
			return p.count(got), nil
		}
		copy(s.b[start:], buf)
		return p.count(got), nil
	}
	for j := start; len(buf) > 0; j++ {
		r, size := utf8.DecodeRune(buf)
		s.Set(j, r)
		buf = buf[size:]
	}
	return p.count(got), nil
}

// readScratch holds the buffers of ReadStringInto.
var readScratch = sync.Pool{New: func() any { return new([]byte) }}

func readBytevector(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(1, args[0])
	if err != nil {
		return nil, err
	}
	return readOp(th, args, 1, func(p *Port) (Value, error) {
		if k == 0 {
			return &Bytevector{B: []byte{}}, nil
		}
		b, err := p.readBytes(th.WaitContext(), make([]byte, 0, min(k, portBufSize)), k, false)
		if err != nil {
			return eofOr(nil, err)
		}
		return &Bytevector{B: b}, nil
	})
}

// bvRangeArgs decodes args[0] as a bytevector and args[2], args[3] as
// an optional start/end range within it (read-bytevector!,
// write-bytevector).
func bvRangeArgs(args []Value) (*Bytevector, int, int, error) {
	bv, err := argBytevector(1, args[0])
	if err != nil {
		return nil, 0, 0, err
	}
	if absent(args, 2) && absent(args, 3) {
		return bv, 0, len(bv.B), nil // the common case, decided without ArgRange's interface comparisons
	}
	start, end, err := ArgRange(len(bv.B), args, 2)
	return bv, start, end, err
}

// defaultSingleton is #!default's object.
var defaultSingleton = Default.(*Singleton)

// absent reports whether the optional argument args[i] was not given
// (IsDefault, with a pointer comparison instead of an interface one).
func absent(args []Value, i int) bool {
	if i >= len(args) {
		return true
	}
	s, ok := args[i].(*Singleton)
	return ok && s == defaultSingleton
}

// wholeBytevector returns the bytevector and the port of a bulk call
// (read-bytevector! or write-bytevector) given both and no range, the
// common case, decided without the general argument checks; ok false
// otherwise.
func wholeBytevector(args []Value) (bv *Bytevector, p *Port, ok bool) {
	if len(args) != 4 {
		return nil, nil, false
	}
	s2, _ := args[2].(*Singleton)
	s3, _ := args[3].(*Singleton)
	bv, ok1 := args[0].(*Bytevector)
	p, ok2 := args[1].(*Port)
	return bv, p, ok1 && ok2 && s2 == defaultSingleton && s3 == defaultSingleton
}

func readBytevectorBang(th *Thread, args []Value) (Value, error) {
	th.WaitBegin() // thread-state: blocked while it reads
	defer th.WaitEnd()
	if bv, p, ok := wholeBytevector(args); ok && p.input {
		return eofOr(p.readBytesInto(th.WaitContext(), bv.B))
	}
	bv, start, end, err := bvRangeArgs(args)
	if err != nil {
		return nil, err
	}
	p, err := inPort(th, args, 1)
	if err != nil {
		return nil, err
	}
	return eofOr(p.readBytesInto(th.WaitContext(), bv.B[start:end]))
}

func openFile(th *Thread, args []Value, input, textual bool) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	path := s.String()
	if input {
		f, err := OpenFile(th.WaitContext(), path, os.O_RDONLY, 0)
		if err != nil {
			return nil, Raise(fileError("open-input-file", err, path))
		}
		p := NewInputPort(path, syncReader{f}, f)
		p.textual, p.binary = textual, !textual
		return p, nil
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if len(args) > 1 && !IsDefault(args[1]) && args[1] != Value(False) {
		if k, ok := args[1].(*Keyword); ok && k.Name == "append" || args[1] == Value(Intern("append")) {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
	}
	f, err := OpenFile(th.WaitContext(), path, flags, 0o666)
	if err != nil {
		return nil, Raise(fileError("open-output-file", err, path))
	}
	p := th.interp.NewFileOutputPort(path, f)
	p.textual, p.binary = textual, !textual
	return p, nil
}

// portIs reports whether v is a port for which f holds.
func portIs(v Value, f func(p *Port) bool) (Value, error) {
	p, ok := v.(*Port)
	return MakeBool(ok && f(p)), nil
}

// closeSide closes port args[0]: both sides (want 0), the input side (1)
// or the output side (2).
func closeSide(th *Thread, args []Value, want int) (Value, error) {
	p, ok := args[0].(*Port)
	if !ok || (want == 1 && !p.input) || (want == 2 && !p.IsOutput()) {
		return nil, TypeError("", 1, [...]string{"port", "input port", "output port"}[want], args[0])
	}
	if p.stdio {
		if p.input {
			return Unspecified, nil
		}
		return Unspecified, p.Flush(th.Context())
	}
	if p.inout {
		return Unspecified, p.closeSides(th.Context(), want != 2, want != 1)
	}
	return Unspecified, p.CloseContext(th.Context())
}

var portProcs = []Proc{
	{Name: "port?", Spec: r7io, Sig: "(port? obj)", Doc: "Is obj a port?", Args: req("obj"), Fn: portP},
	{Name: "input-port?", Spec: r7io, Sig: "(input-port? obj)", Doc: "Is obj an input port?", Args: req("obj"), Fn: inputPortP},
	{Name: "output-port?", Spec: r7io, Sig: "(output-port? obj)", Doc: "Is obj an output port?", Args: req("obj"), Fn: outputPortP},
	{Name: "textual-port?", Spec: r7io, Sig: "(textual-port? obj)", Doc: "Is obj a textual port?", Args: req("obj"), Fn: textualPortP},
	{Name: "binary-port?", Spec: r7io, Sig: "(binary-port? obj)", Doc: "Is obj a binary port?", Args: req("obj"), Fn: binaryPortP},
	{Name: "input-port-open?", Spec: r7io, Sig: "(input-port-open? port)", Doc: "Is the input port open?", Args: req("port"),
		Fn: inputPortOpenP},
	{Name: "output-port-open?", Spec: r7io, Sig: "(output-port-open? port)", Doc: "Is the output port open?", Args: req("port"),
		Fn: outputPortOpenP},
	{Name: "close-port", Spec: r7io, Sig: "(close-port port)", Doc: "Closes the port (flushing output).", Args: req("port"), Fn: closePort},
	{Name: "close-input-port", Spec: r7io, Sig: "(close-input-port port)", Doc: "Closes the input port.", Args: req("port"), Fn: closeInputPort},
	{Name: "close-output-port", Spec: r7io, Sig: "(close-output-port port)", Doc: "Flushes and closes the output port.", Args: req("port"), Fn: closeOutputPort},
	{Name: "eof-object", Spec: r7io, Sig: "(eof-object)", Doc: "The end-of-file object.", Fn: eofObject},
	{Name: "eof-object?", Spec: r7io, Sig: "(eof-object? obj)", Doc: "Is obj the end-of-file object?", Args: req("obj"), Fn: eofObjectP},
	{Name: "open-input-string", Spec: r7io, Sig: "(open-input-string string)", Doc: "Textual input port reading the characters of string.", Args: req("string"),
		Fn: openInputString},
	{Name: "open-output-string", Spec: r7io, Sig: "(open-output-string)", Doc: "Textual output port accumulating a string.",
		Fn: openOutputString},
	{Name: "get-output-string", Spec: r7io, Sig: "(get-output-string port)", Doc: "The characters written so far to a string port.", Args: req("port"),
		Fn: getOutputString},
	{Name: "open-input-bytevector", Spec: r7io, Sig: "(open-input-bytevector bytevector)", Doc: "Binary input port reading the bytes.", Args: req("bytevector"),
		Fn: openInputBytevector},
	{Name: "open-output-bytevector", Spec: r7io, Sig: "(open-output-bytevector)", Doc: "Binary output port accumulating a bytevector.",
		Fn: openOutputBytevector},
	{Name: "get-output-bytevector", Spec: r7io, Sig: "(get-output-bytevector port)", Doc: "The bytes written so far to a bytevector port.", Args: req("port"),
		Fn: getOutputBytevector},
	{Name: "open-input-file", Spec: r7io, Sig: "(open-input-file filename)", Doc: "Textual input port reading the file.", Args: req("filename"),
		Fn: openInputFile},
	{Name: "open-binary-input-file", Spec: r7io, Sig: "(open-binary-input-file filename)", Doc: "Binary input port reading the file.", Args: req("filename"),
		Fn: openBinaryInputFile},
	{Name: "open-output-file", Spec: r7io, Sig: "(open-output-file filename [#:append])", Doc: "Textual output port writing the file (truncated, or appended to with #:append).",
		Args: Params{Required: []string{"filename"}, Optional: []string{"mode"}}, Fn: openOutputFile},
	{Name: "open-binary-output-file", Spec: r7io, Sig: "(open-binary-output-file filename [mode])", Doc: "Binary output port writing the file.",
		Args: Params{Required: []string{"filename"}, Optional: []string{"mode"}}, Fn: openBinaryOutputFile},
	{Name: "file-exists?", Spec: "r7rs §6.14", Sig: "(file-exists? filename)", Doc: "Does the file (or directory) exist? Returns filename when it does, as CHICKEN (#t in an R6RS or R7RS program), #f when not.", Args: req("filename"),
		Fn: fileExistsP},
	{Name: "delete-file", Spec: "r7rs §6.14", Sig: "(delete-file filename)", Doc: "Deletes the file.", Args: req("filename"),
		Fn: deleteFile},
	{Name: "read-char", Spec: r7io, Sig: "(read-char [port])", Doc: "Next character, or the eof object.", Args: Params{Optional: []string{"port"}},
		Fn: readChar},
	{Name: "peek-char", Spec: r7io, Sig: "(peek-char [port])", Doc: "Next character without consuming it, or the eof object.", Args: Params{Optional: []string{"port"}},
		Fn: peekChar},
	{Name: "read-line", Spec: "r7rs §6.13.2; CHICKEN (chicken io); API §1.4", Sig: "(read-line [port [limit]])",
		Doc: "Next line without its terminator (\\n, \\r\\n or \\r), or the eof object. With limit (a count, or #f for none) at most limit " +
			"characters are read; the rest of a longer line is left for the next read. Without limit, (read-line-limit) applies.",
		Args: Params{Optional: []string{"port", "limit"}}, Fn: readLine},
	{Name: "read-string", Spec: r7io, Sig: "(read-string [k [port]])", Doc: "Up to k characters (CHICKEN: k #f or absent = all), or the eof object.",
		Args: Params{Optional: []string{"k", "port"}}, Fn: readString},
	{Name: "read-u8", Spec: r7io, Sig: "(read-u8 [port])", Doc: "Next byte, or the eof object.", Args: Params{Optional: []string{"port"}},
		Fn: readU8},
	{Name: "peek-u8", Spec: r7io, Sig: "(peek-u8 [port])", Doc: "Next byte without consuming it, or the eof object.", Args: Params{Optional: []string{"port"}},
		Fn: peekU8},
	{Name: "u8-ready?", Spec: r7io, Sig: "(u8-ready? [port])", Doc: "Would read-u8 return at once?", Args: Params{Optional: []string{"port"}},
		Fn: u8ReadyP},
	{Name: "char-ready?", Spec: r7io, Sig: "(char-ready? [port])", Doc: "Would read-char return at once? (#t when the backend cannot tell)", Args: Params{Optional: []string{"port"}},
		Fn: charReadyP},
	{Name: "read-bytevector", Spec: r7io, Sig: "(read-bytevector k [port])", Doc: "Up to k bytes (fewer only at end of input), or the eof object.",
		Args: Params{Required: []string{"k"}, Optional: []string{"port"}}, Fn: readBytevector},
	{Name: "read-bytevector!", Spec: r7io, Sig: "(read-bytevector! bytevector [port [start [end]]])", Doc: "Reads bytes into bytevector; returns the count or the eof object.",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"port", "start", "end"}}, Fn: readBytevectorBang},
	{Name: "read", Spec: "r7rs §6.13.2", Sig: "(read [port])", Doc: "Reads a datum, or the eof object.", Args: Params{Optional: []string{"port"}},
		Fn: read},
	{Name: "write-char", Spec: r7io, Sig: "(write-char char [port])", Doc: "Writes the character.", Args: Params{Required: []string{"char"}, Optional: []string{"port"}},
		Fn: writeChar},
	{Name: "write-string", Spec: r7io, Sig: "(write-string string [port [start [end]]])", Doc: "Writes the characters of string from start to end. Cut short (Ctrl-C, a timeout), the part not sent stays in the port, sent first by the next output, flush-output or close-port; the same call made again only finishes it, so nothing goes twice.",
		Args: Params{Required: []string{"string"}, Optional: []string{"port", "start", "end"}}, Fn: writeString},
	{Name: "write-u8", Spec: r7io, Sig: "(write-u8 byte [port])", Doc: "Writes the byte.", Args: Params{Required: []string{"byte"}, Optional: []string{"port"}},
		Fn: writeU8},
	{Name: "write-bytevector", Spec: r7io, Sig: "(write-bytevector bytevector [port [start [end]]])", Doc: "Writes the bytes from start to end. Cut short (Ctrl-C, a timeout), the part not sent stays in the port, sent first by the next output, flush-output or close-port; the same call made again only finishes it, so nothing goes twice.",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"port", "start", "end"}}, Fn: writeBytevector},
	{Name: "newline", Spec: r7io, Sig: "(newline [port])", Doc: "Writes an end of line.", Args: Params{Optional: []string{"port"}},
		Fn: newline},
	{Name: "flush-output-port", Spec: r7io, Sig: "(flush-output-port [port])", Doc: "Sends buffered output to the backend, with what an output operation cut short left in the port.", Args: Params{Optional: []string{"port"}},
		Fn: flushOutputPort},
	{Name: "flush-output", Spec: "chicken; API §1.4", Sig: "(flush-output [port])", Doc: "Same as flush-output-port.", Args: Params{Optional: []string{"port"}},
		Fn: flushOutputPort},
	{Name: "write", Spec: "r7rs §6.13.3", Sig: "(write obj [port])", Doc: "Writes the external representation of obj (datum labels for cycles).", Args: Params{Required: []string{"obj"}, Optional: []string{"port"}}, Fn: write},
	{Name: "write-shared", Spec: "r7rs §6.13.3", Sig: "(write-shared obj [port])", Doc: "Writes obj with datum labels for all shared structure.", Args: Params{Required: []string{"obj"}, Optional: []string{"port"}}, Fn: writeShared},
	{Name: "write-simple", Spec: "r7rs §6.13.3", Sig: "(write-simple obj [port])", Doc: "Writes obj without datum labels (cycles are still labelled so it terminates).", Args: Params{Required: []string{"obj"}, Optional: []string{"port"}}, Fn: writeSimple},
	{Name: "display", Spec: "r7rs §6.13.3", Sig: "(display obj [port])", Doc: "Writes obj as display shows it (strings and chars raw).", Args: Params{Required: []string{"obj"}, Optional: []string{"port"}}, Fn: display},
}

func portP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return true })
}

func inputPortP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.input })
}

func outputPortP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.IsOutput() })
}

func textualPortP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.textual })
}

func binaryPortP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.binary })
}

func inputPortOpenP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.InputOpen() })
}

func outputPortOpenP(th *Thread, args []Value) (Value, error) {
	return portIs(args[0], func(p *Port) bool { return p.OutputOpen() })
}

func closePort(th *Thread, args []Value) (Value, error) { return closeSide(th, args, 0) }

func closeInputPort(th *Thread, args []Value) (Value, error) { return closeSide(th, args, 1) }

func closeOutputPort(th *Thread, args []Value) (Value, error) { return closeSide(th, args, 2) }

func eofObject(th *Thread, args []Value) (Value, error) { return EOF, nil }

func openInputString(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	return NewMemInputPort("(string)", s.AppendUTF8(nil, 0, s.Len()), true), nil
}

func openOutputString(th *Thread, args []Value) (Value, error) {
	return newMemOutput("(string)", true), nil
}

func getOutputString(th *Thread, args []Value) (Value, error) {
	return getOutput(args, "string output port", func(b []byte) Value { return MakeStringFromBytes(b) })
}

func openInputBytevector(th *Thread, args []Value) (Value, error) {
	b, err := argBytevector(1, args[0])
	if err != nil {
		return nil, err
	}
	return newMemInput("(bytevector)", append([]byte(nil), b.B...), false), nil
}

func openOutputBytevector(th *Thread, args []Value) (Value, error) {
	return newMemOutput("(bytevector)", false), nil
}

func getOutputBytevector(th *Thread, args []Value) (Value, error) {
	return getOutput(args, "bytevector output port", func(b []byte) Value { return &Bytevector{B: append([]byte{}, b...)} })
}

func openInputFile(th *Thread, args []Value) (Value, error) { return openFile(th, args, true, true) }

func openBinaryInputFile(th *Thread, args []Value) (Value, error) {
	return openFile(th, args, true, false)
}

func openOutputFile(th *Thread, args []Value) (Value, error) { return openFile(th, args, false, true) }

func openBinaryOutputFile(th *Thread, args []Value) (Value, error) {
	return openFile(th, args, false, false)
}

func fileExistsP(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	if _, err = os.Stat(s.String()); err != nil {
		return False, nil
	}
	if th.interp.r6rsProgram.Load() || th.interp.r7rsProgram.Load() {
		return True, nil // R6RS's and R7RS's #t
	}
	return args[0], nil // CHICKEN's: the file name, for (or (file-exists? a) (file-exists? b))
}

func deleteFile(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	if err := os.Remove(s.String()); err != nil {
		return nil, Raise(fileError("delete-file", err, s.String()))
	}
	return Unspecified, nil
}

func readChar(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		r, err := p.readRune(th.WaitContext())
		return eofOr(Char(r), err)
	})
}

func peekChar(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		r, _, err := p.peekRune(th.WaitContext())
		return eofOr(Char(r), err)
	})
}

func readU8(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		b, err := p.readByte(th.WaitContext())
		return eofOr(Fixnum(b), err)
	})
}

func peekU8(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		b, err := p.peekByte(th.WaitContext())
		return eofOr(Fixnum(b), err)
	})
}

func u8ReadyP(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		ok, err := p.ready(th.WaitContext()) // thread-signal! reaches it
		return MakeBool(ok), err
	})
}

// charReadyP is u8ReadyP: the backend tells whether input is buffered.
func charReadyP(th *Thread, args []Value) (Value, error) { return u8ReadyP(th, args) }

func read(th *Thread, args []Value) (Value, error) {
	return readWith(th, args, func(th *Thread, p *Port) (Value, error) {
		return readPortDatum(th, p)
	})
}

func writeChar(th *Thread, args []Value) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	var b [4]byte
	n := encodeRune(b[:], rune(c))
	return writeOp(th, args, 1, func(p *Port) error { return p.writeBytes(th.Context(), b[:n]) })
}

func writeString(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	start, end, err := ArgRange(s.Len(), args, 2)
	if err != nil {
		return nil, err
	}
	if !s.wide {
		// An ASCII string's bytes are the operation's: write-bytevector's
		// Port.Write, without a closure nor opBytes to find them.
		p, err := outPort(th, args, 1)
		if err != nil {
			return nil, err
		}
		th.WaitBegin() // thread-state: blocked while it writes (or waits for the port)
		defer th.WaitEnd()
		if err := p.Write(th.Context(), s.b[start:end]); err != nil {
			return nil, err
		}
		return Unspecified, nil
	}
	return writeOp(th, args, 1, func(p *Port) error { return p.writeString(th.Context(), s, start, end) })
}

// WriteStringTo is the core write-string, (write-string s port start end),
// called from Go without building an argument list: it writes the
// characters of s from start to end (each #!default when absent) to port
// (#!default: the current output port). Errors are write-string's, naming
// the argument positions 2 (port), 3 (start) and 4 (end). Libraries that
// extend write-string (CHICKEN's (chicken io)) call it.
func WriteStringTo(th *Thread, s *String, port, start, end Value) (Value, error) {
	args := [4]Value{s, port, start, end}
	return writeString(th, args[:])
}

func writeU8(th *Thread, args []Value) (Value, error) {
	b, err := argByte(1, args[0])
	if err != nil {
		return nil, err
	}
	return writeOp(th, args, 1, func(p *Port) error { return p.writeBytes(th.Context(), []byte{b}) })
}

func writeBytevector(th *Thread, args []Value) (Value, error) {
	var b []byte
	bv, p, ok := wholeBytevector(args)
	if ok && p.IsOutput() {
		b = bv.B
	} else {
		bv, start, end, err := bvRangeArgs(args)
		if err != nil {
			return nil, err
		}
		if p, err = outPort(th, args, 1); err != nil {
			return nil, err
		}
		b = bv.B[start:end]
	}
	if err := p.Write(th.Context(), b); err != nil {
		return nil, err
	}
	return Unspecified, nil
}

func newline(th *Thread, args []Value) (Value, error) {
	return writeOp(th, args, 0, func(p *Port) error { return p.writeBytes(th.Context(), []byte{'\n'}) })
}

func write(th *Thread, args []Value) (Value, error) { return printObj(th, args, ModeWrite) }

func writeShared(th *Thread, args []Value) (Value, error) { return printObj(th, args, ModeWriteShared) }

func writeSimple(th *Thread, args []Value) (Value, error) { return printObj(th, args, ModeWriteSimple) }

func display(th *Thread, args []Value) (Value, error) { return printObj(th, args, ModeDisplay) }

// ReadLineLimit is the parameter read-line-limit: the limit of a read-line
// called without one. #f (the default, CHICKEN's behaviour) reads lines of
// any length; a server sets a count to bound the memory one line may take.
var ReadLineLimit = &ParamDef{Name: "read-line-limit", Spec: "tlsport", Sig: "(read-line-limit [count])", Default: False,
	Doc: "Characters read-line reads at most when called without a limit (#f = no limit, the default). A server sets it, e.g. " +
		"(read-line-limit 8192), to bound the memory a client's line may take: a longer line comes back in pieces of at most count characters.",
	Convert: func(th *Thread, v Value) (Value, error) {
		if v == Value(False) {
			return v, nil
		}
		if _, err := lineLimit(v, 1); err != nil {
			return nil, err
		}
		return v, nil
	}}

// lineLimit converts a read-line limit argument at pos: a non-negative
// count, or -1 for #f (no limit).
func lineLimit(v Value, pos int) (int, error) {
	if v == Value(False) {
		return -1, nil
	}
	n, ok := v.(Fixnum)
	if !ok || n < 0 {
		return 0, TypeError("read-line", pos, "non-negative exact integer or #f", v)
	}
	return int(n), nil
}

func readLine(th *Thread, args []Value) (Value, error) {
	lim := th.Param(ReadLineLimit)
	if len(args) > 1 && !IsDefault(args[1]) {
		lim = args[1]
	}
	limit, err := lineLimit(lim, 2)
	if err != nil {
		return nil, err
	}
	return readOp(th, args, 0, func(p *Port) (Value, error) {
		var b []byte
		var err error
		if limit < 0 {
			b, err = p.readLine(th.WaitContext())
		} else {
			b, err = p.readLineLimit(th.WaitContext(), limit)
		}
		if err != nil {
			return eofOr(nil, err)
		}
		return MakeStringFromBytes(b), nil
	})
}

func flushOutputPort(th *Thread, args []Value) (Value, error) {
	p, err := outPort(th, args, 0)
	if err != nil {
		return nil, err
	}
	return Unspecified, p.Flush(th.Context())
}

func encodeRune(b []byte, r rune) int {
	if r < 0x80 {
		b[0] = byte(r)
		return 1
	}
	return copy(b, string(r))
}

// portRuneScanner lets the reader read characters from a port (the caller
// holds p.mu). UnreadRune restores the window the last ReadRune consumed from.
type portRuneScanner struct {
	p    *Port
	th   *Thread
	prev []byte
	ok   bool
	// keep: the bytes of the runes read so far (datum), for a read that
	// fails part-way to put back; ioErr: the port's error that ended it
	keep     bool
	consumed []byte
	ioErr    error
}

func (s *portRuneScanner) ReadRune() (rune, int, error) {
	r, size, err := s.p.peekRuneHeld(s.th.WaitContext())
	if err != nil {
		s.ok = false
		if !isEOF(err) {
			s.ioErr = err
		}
		return 0, 0, err
	}
	s.prev, s.ok = s.p.unread, true
	if s.keep {
		s.consumed = append(s.consumed, s.p.unread[:size]...)
	}
	s.p.unread = s.p.unread[size:]
	return r, size, nil
}

func (s *portRuneScanner) UnreadRune() error {
	if !s.ok {
		return errors.New("scheme: UnreadRune without ReadRune")
	}
	if s.keep {
		s.consumed = s.consumed[:len(s.consumed)-(len(s.prev)-len(s.p.unread))]
	}
	s.p.unread, s.ok = s.prev, false
	return nil
}

// readPortDatum is read on port p (under its lock): a read the port fails
// part-way (a timeout, Ctrl-C, a broken connection) puts back the text of
// the datum read so far, so that the next read starts from it again.
func readPortDatum(th *Thread, p *Port) (Value, error) {
	s := &portRuneScanner{p: p, th: th, keep: !p.IsMem()}
	v, err := ReadDatum(s, p.name)
	if err != nil && s.ioErr != nil {
		p.keepRead(s.consumed)
	}
	return v, err
}

// portLibrary is the (scheme base ports) table.
var portLibrary = &Library{Name: "(scheme base ports)", Doc: "R7RS ports and input/output (r7rs §6.13), file ports (r7rs §6.14) and CHICKEN's port extras.",
	Procs: portProcs, Parameters: []*ParamDef{CurrentInputPort, CurrentOutputPort, CurrentErrorPort, ReadLineLimit}}

// getOutput returns conv of the bytes written so far to the memory output
// port args[0]; what names the expected port.
func getOutput(args []Value, what string, conv func(b []byte) Value) (Value, error) {
	p, ok := args[0].(*Port)
	if !ok || !p.mem {
		return nil, TypeError("", 1, what, args[0])
	}
	p = p.last()
	p.mu.Lock()
	defer p.mu.Unlock()
	return conv(p.wbuf), nil
}

// readWith reads from the port args[0] (default the current input port)
// with f.
func readWith(th *Thread, args []Value, f func(th *Thread, p *Port) (Value, error)) (Value, error) {
	return readOp(th, args, 0, func(p *Port) (Value, error) { return f(th, p) })
}

// eofObjectP implements eof-object?.
func eofObjectP(th *Thread, a []Value) (Value, error) { return MakeBool(a[0] == EOF), nil }
