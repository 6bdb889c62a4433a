// The codec and transcoder procedures (r6rs-lib §8.2.4), bytevector↔string conversion (§8.2.4) and the i/o condition predicates (§8.1).

package rnrsio

import (
	"errors"
	"io/fs"
	"slices"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

// codecLatin1 implements latin-1-codec.
func latin1Codec(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return codecLatin1, nil
}

// utf8Codec implements utf-8-codec.
func utf8Codec(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return codecUTF8, nil }

// utf16Codec implements utf-16-codec.
func utf16Codec(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return codecUTF16, nil
}

// nativeEolStyle implements native-eol-style.
func nativeEolStyle(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(nativeEOL), nil
}

// makeTranscoder implements make-transcoder.
func makeTranscoder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	tc := &Transcoder{eol: nativeEOL, mode: "replace"}
	switch c := a[0].(type) {
	case *Codec:
		tc.codec = c
	case *scheme.ProcCodec:
		tc.custom = c
	}
	if !scheme.IsDefault(a[1]) {
		s, ok := symbolIn(a[1], eolStyles)
		if !ok {
			return nil, scheme.TypeError("", 2, "eol style", a[1])
		}
		tc.eol = s
	}
	if !scheme.IsDefault(a[2]) {
		s, ok := symbolIn(a[2], handlingModes)
		if !ok {
			return nil, scheme.TypeError("", 3, "error-handling mode", a[2])
		}
		tc.mode = s
	}
	return tc, nil
}

// nativeTranscoder implements native-transcoder.
func nativeTranscoder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nativeTc, nil
}

// transcoderCodec implements transcoder-codec.
func transcoderCodec(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if t := a[0].(*Transcoder); t.custom != nil {
		return t.custom, nil
	}
	return a[0].(*Transcoder).codec, nil
}

// transcoderEolStyle implements transcoder-eol-style.
func transcoderEolStyle(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(a[0].(*Transcoder).eol), nil
}

// transcoderErrorHandlingMode implements transcoder-error-handling-mode.
func transcoderErrorHandlingMode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Intern(a[0].(*Transcoder).mode), nil
}

// bufferModeP implements buffer-mode?.
func bufferModeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := symbolIn(a[0], []string{"none", "line", "block"})
	return scheme.MakeBool(ok), nil
}

// bytevectorToString implements bytevector->string.
func bytevectorToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if tc := a[1].(*Transcoder); tc.custom != nil { // getc reads a bytevector port
		p := transcode(scheme.NewMemInputPort("(bytevector)", a[0].(*scheme.Bytevector).B, false), tc)
		v, err := readChars(th, p, -1)
		if v == scheme.EOF {
			v = scheme.NewString("")
		}
		return v, err
	}
	b, err := decodeAll(a[0].(*scheme.Bytevector).B, a[1].(*Transcoder))
	if err != nil {
		return nil, codingCondition("", err, nil)
	}
	return scheme.MakeStringFromBytes(b), nil
}

// stringToBytevector implements string->bytevector.
func stringToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	if tc := a[1].(*Transcoder); tc.custom != nil { // putc writes to a bytevector port
		out, extract := bytevectorOutput(tc)
		if err := out.WriteStringContext(th.Context(), s, 0, s.Len()); err != nil {
			return nil, err
		}
		return th.Call(extract)
	}
	b, _, err := encode(a[1].(*Transcoder), nil, s.AppendUTF8(nil, 0, s.Len()), true)
	if err != nil {
		return nil, codingCondition("", err, nil)
	}
	if b == nil {
		b = []byte{}
	}
	return &scheme.Bytevector{B: b}, nil
}

// condPred is an R6RS i/o condition predicate over the CHICKEN kinds of a
// condition: it holds when the condition has every kind and test (when
// given) accepts it.
func condPred(kinds []string, test func(c *scheme.Condition) bool) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		c, ok := a[0].(*scheme.Condition)
		if !ok {
			return scheme.False, nil
		}
		for _, k := range kinds {
			if !c.Has(k) {
				return scheme.False, nil
			}
		}
		return scheme.MakeBool(test == nil || test(c)), nil
	}
}

// causeIs tests for the kind (conditions made in Scheme) or a Go cause
// (conditions of failed file operations).
func causeIs(kind string, target error) func(c *scheme.Condition) bool {
	return func(c *scheme.Condition) bool { return c.Has(kind) || (target != nil && errors.Is(c.Cause, target)) }
}

// iWithOReadErrorP implements i/o-read-error?.
func iWithOReadErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "read"}, nil)(th, a)
}

// iWithOWriteErrorP implements i/o-write-error?.
func iWithOWriteErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "write"}, nil)(th, a)
}

// iWithOInvalidPositionErrorP implements i/o-invalid-position-error?.
func iWithOInvalidPositionErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "position"}, nil)(th, a)
}

// iWithOFilenameErrorP implements i/o-filename-error?.
func iWithOFilenameErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "file"}, nil)(th, a)
}

// iWithOFileProtectionErrorP implements i/o-file-protection-error?.
func iWithOFileProtectionErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "file"}, causeIs("file-protection", fs.ErrPermission))(th, a)
}

// iWithOFileIsReadOnlyErrorP implements i/o-file-is-read-only-error?.
func iWithOFileIsReadOnlyErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "file"}, causeIs("file-is-read-only", nil))(th, a)
}

// iWithOFileAlreadyExistsErrorP implements i/o-file-already-exists-error?.
func iWithOFileAlreadyExistsErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "file"}, causeIs("file-already-exists", fs.ErrExist))(th, a)
}

// iWithOFileDoesNotExistErrorP implements i/o-file-does-not-exist-error?.
func iWithOFileDoesNotExistErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "file"}, causeIs("file-does-not-exist", fs.ErrNotExist))(th, a)
}

// iWithOPortErrorP implements i/o-port-error?.
func iWithOPortErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o"}, func(c *scheme.Condition) bool { return errorPort(c) != nil })(th, a)
}

// iWithODecodingErrorP implements i/o-decoding-error?.
func iWithODecodingErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "decoding"}, nil)(th, a)
}

// iWithOEncodingErrorP implements i/o-encoding-error?.
func iWithOEncodingErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condPred([]string{"i/o", "encoding"}, nil)(th, a)
}

// errorPort returns the port of an i/o condition: its i/o.port property,
// else the first port among its irritants.
func errorPort(c *scheme.Condition) scheme.Value {
	if v, ok := c.Get("i/o", "port"); ok {
		return v
	}
	if v, ok := c.Get("exn", "arguments"); ok {
		l, _ := scheme.ListToSlice(v)
		for _, x := range l {
			if _, ok := x.(*scheme.Port); ok {
				return x
			}
		}
	}
	return nil
}

func condArg(a []scheme.Value) (*scheme.Condition, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok {
		return nil, scheme.TypeError("", 1, "condition", a[0])
	}
	return c, nil
}

// iWithOErrorPort implements i/o-error-port.
func iWithOErrorPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := condArg(a)
	if err != nil {
		return nil, err
	}
	if p := errorPort(c); p != nil {
		return p, nil
	}
	return scheme.False, nil
}

// iWithOErrorFilename implements i/o-error-filename.
func iWithOErrorFilename(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := condArg(a)
	if err != nil {
		return nil, err
	}
	if v, ok := c.Get("file", "filename"); ok {
		return v, nil
	}
	if v, ok := c.Get("exn", "arguments"); ok {
		if p, ok := v.(*scheme.Pair); ok {
			return p.Car, nil
		}
	}
	return scheme.False, nil
}

// condField returns property prop of kind of the condition a[0], or #f.
func condField(a []scheme.Value, kind, prop string) (scheme.Value, error) {
	c, err := condArg(a)
	if err != nil {
		return nil, err
	}
	if v, ok := c.Get(kind, prop); ok {
		return v, nil
	}
	return scheme.False, nil
}

// iWithOErrorPosition implements i/o-error-position.
func iWithOErrorPosition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condField(a, "position", "position")
}

// iWithOEncodingErrorChar implements i/o-encoding-error-char.
func iWithOEncodingErrorChar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return condField(a, "encoding", "char")
}

// fileOptionNames are the universe of the file-options enum sets.
var fileOptionNames = []string{"no-create", "no-fail", "no-truncate"}

// fileOptionsSyntax is the file-options syntax: (file-options sym ...)
// expands to a call of fileOptionsProc on the quoted symbols, each of
// which must be a file option (r6rs-lib §8.2.2).
func fileOptionsSyntax(form scheme.Value) (scheme.Value, error) {
	it, ok := scheme.ListToSlice(scheme.StripSyntax(form))
	if !ok {
		return nil, errors.New("expected (file-options file-options-symbol ...)")
	}
	for _, o := range it[1:] {
		if s, ok := o.(*scheme.Symbol); !ok || !slices.Contains(fileOptionNames, s.Name) {
			return nil, errors.New("invalid file option " + scheme.WriteString(o) + " (expected no-create, no-fail or no-truncate)")
		}
	}
	return scheme.List(fileOptionsProc, scheme.List(scheme.Intern("quote"), scheme.List(it[1:]...))), nil
}

// fileOptionsKey keeps an interpreter's constructor of file-options enum
// sets (a *fileOptionsCtor), made once so that the sets it makes combine
// (enum-set-union …).
type fileOptionsKey struct{}

type fileOptionsCtor struct {
	mu   sync.Mutex
	ctor scheme.Value
}

var fileOptionsProc = scheme.NewPrimitive(nil, &scheme.Proc{Name: "file-options", Spec: "r6rs-lib §8.2.2", Doc: "The file-options enum set of the symbols.",
	Args: scheme.Lambda(scheme.Req("symbols", nil)), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		c := th.Interp().HostData(fileOptionsKey{}, func() any { return new(fileOptionsCtor) }).(*fileOptionsCtor)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.ctor == nil {
			syms := make([]scheme.Value, len(fileOptionNames))
			for i, n := range fileOptionNames {
				syms[i] = scheme.Intern(n)
			}
			enums := th.Interp().Library("(rnrs enums)")
			if enums == nil {
				return nil, scheme.NewError("file-options", "(rnrs enums) is not registered", nil)
			}
			u, err := enums.Lookup("make-enumeration").Fn(th, []scheme.Value{scheme.List(syms...)})
			if err != nil {
				return nil, err
			}
			if c.ctor, err = enums.Lookup("enum-set-constructor").Fn(th, []scheme.Value{u}); err != nil {
				return nil, err
			}
		}
		return th.Call(c.ctor, a[0])
	}})

// enumList returns the symbols of a file-options value: an enum set's
// list, or a list of symbols.
func enumList(v scheme.Value) scheme.Value {
	if l, ok := scheme.ListToSlice(v); ok {
		return scheme.List(l...)
	}
	if e, ok := v.(interface{ Symbols() []scheme.Value }); ok {
		return scheme.List(e.Symbols()...)
	}
	return scheme.Null
}
