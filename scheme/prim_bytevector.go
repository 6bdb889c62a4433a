// Bytevector procedures: R7RS §6.9, CHICKEN blobs and SRFI-4 u8vectors.

package scheme

import "bytes"

const r7bv = "r7rs §6.9"

func argByte(i int, v Value) (byte, error) {
	n, ok := v.(Fixnum)
	if !ok || n < 0 || n > 255 {
		return 0, TypeError("", i, "byte (exact integer 0-255)", v)
	}
	return byte(n), nil
}

func makeBytevector(th *Thread, args []Value) (Value, error) {
	k, err := ArgSize(1, args[0], 1)
	if err != nil {
		return nil, err
	}
	var fill byte
	if len(args) > 1 && !IsDefault(args[1]) {
		if fill, err = argByte(2, args[1]); err != nil {
			return nil, err
		}
	}
	return filledBytevector(k, fill), nil
}

// filledBytevector returns a new bytevector of k bytes, each fill.
func filledBytevector(k int, fill byte) *Bytevector {
	b := make([]byte, k)
	if fill != 0 {
		for i := range b {
			b[i] = fill
		}
	}
	return &Bytevector{B: b}
}

func bytevector(th *Thread, args []Value) (Value, error) {
	b := make([]byte, len(args))
	for i, a := range args {
		x, err := argByte(i+1, a)
		if err != nil {
			return nil, err
		}
		b[i] = x
	}
	return &Bytevector{B: b}, nil
}

func bytevectorU8Ref(th *Thread, args []Value) (Value, error) {
	b, k, err := bvSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	return Fixnum(b.B[k]), nil
}

func bytevectorU8SetBang(th *Thread, args []Value) (Value, error) {
	b, k, err := bvSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	x, err := argByte(3, args[2])
	if err != nil {
		return nil, err
	}
	b.B[k] = x
	return Unspecified, nil
}

func bytevectorLength(th *Thread, args []Value) (Value, error) {
	b, err := argBytevector(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(len(b.B)), nil
}

func bvRangeFn(th *Thread, args []Value, f func(b []byte) (Value, error)) (Value, error) {
	return bvSeq.rangeFn(th, args, func(b *Bytevector, start, end int) (Value, error) { return f(b.B[start:end]) })
}

func bvCopy(b []byte) (Value, error) { return &Bytevector{B: append([]byte{}, b...)}, nil }

func bvToString(b []byte) (Value, error) { return MakeStringFromBytes(b), nil }

func stringToUtf8(th *Thread, a []Value) (Value, error) {
	return strSeq.rangeFn(th, a, func(s *String, start, end int) (Value, error) {
		return &Bytevector{B: s.AppendUTF8(make([]byte, 0, end-start), start, end)}, nil
	})
}

func bytevectorP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Bytevector)
	return MakeBool(ok), nil
}

var bytevectorProcs = []Proc{
	{Name: "bytevector?", Spec: r7bv, Doc: "Is obj a bytevector?", Args: req("obj"), Fn: bytevectorP},
	{Name: "make-bytevector", Spec: r7bv, Sig: "(make-bytevector k [byte])", Doc: "A new bytevector of k bytes.",
		Args: Params{Required: []string{"k"}, Optional: []string{"byte"}}, Fn: makeBytevector},
	{Name: "bytevector", Spec: r7bv, Sig: "(bytevector byte ...)", Doc: "A new bytevector of the arguments.", Args: Params{Rest: "bytes", Spread: true}, Fn: bytevector},
	{Name: "bytevector-u8-ref", Spec: r7bv, Doc: "Byte k.", Args: req("bytevector", "k"), Fn: bytevectorU8Ref},
	{Name: "bytevector-u8-set!", Spec: r7bv, Doc: "Stores byte at k.", Args: req("bytevector", "k", "byte"), Fn: bytevectorU8SetBang},
	{Name: "bytevector-length", Spec: r7bv, Doc: "Number of bytes.", Args: req("bytevector"), Fn: bytevectorLength},
	{Name: "bytevector-copy", Spec: r7bv, Sig: "(bytevector-copy bytevector [start [end]])", Doc: "New bytevector of the bytes from start to end.",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"start", "end"}}, Fn: bytevectorCopy},
	{Name: "bytevector-copy!", Spec: r7bv, Sig: "(bytevector-copy! to at from [start [end]])", Doc: "Copies bytes of from into to starting at at.",
		Args: Params{Required: []string{"to", "at", "from"}, Optional: []string{"start", "end"}}, Fn: bytevectorCopyBang},
	{Name: "bytevector-append", Spec: r7bv, Sig: "(bytevector-append bytevector ...)", Doc: "New bytevector of the bytes of the arguments.",
		Args: Params{Rest: "bytevectors", Spread: true}, Fn: bytevectorAppend},
	{Name: "utf8->string", Spec: r7bv, Sig: "(utf8->string bytevector [start [end]])", Doc: "Decodes UTF-8 (invalid sequences become U+FFFD).",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"start", "end"}}, Fn: utf8ToString},
	{Name: "string->utf8", Spec: r7bv, Sig: "(string->utf8 string [start [end]])", Doc: "UTF-8 encoding of the characters from start to end.",
		Args: Params{Required: []string{"string"}, Optional: []string{"start", "end"}}, Fn: stringToUtf8},
	// CHICKEN blobs.
	{Name: "blob?", Spec: "chicken blob", Doc: "Is obj a blob (not a bytevector: blobs are a type of their own, as in CHICKEN)?", Args: req("obj"), Fn: blobP},
	{Name: "make-blob", Spec: "chicken blob", Doc: "A new zero-filled blob.", Args: req("size"), Fn: makeBlob},
	{Name: "blob-size", Spec: "chicken blob", Doc: "Number of bytes.", Args: req("blob"), Fn: blobSize},
	{Name: "blob->string", Spec: "chicken blob", Doc: "String of the bytes (decoded as UTF-8).", Args: req("blob"), Fn: blobToString},
	{Name: "string->blob", Spec: "chicken blob", Doc: "Blob of the UTF-8 bytes of string.", Args: req("string"), Fn: stringToBlob},
	{Name: "blob=?", Spec: "chicken blob", Doc: "Same bytes?", Args: req("blob1", "blob2"),
		Fn: blobEqP},
	// SRFI-4 u8vectors (bytevectors).
	{Name: "u8vector?", Spec: "srfi-4", Doc: "Is obj a u8vector (bytevector)?", Args: req("obj"), Fn: u8vectorP},
	{Name: "make-u8vector", Spec: "srfi-4", Sig: "(make-u8vector n [value nongc finalize])", Doc: "A new u8vector of n bytes, each value (default 0); nongc and finalize are accepted and ignored.",
		Args: Params{Required: []string{"n"}, Optional: []string{"value", "nongc", "finalize"}}, Fn: makeU8vector},
	{Name: "u8vector", Spec: "srfi-4", Sig: "(u8vector byte ...)", Doc: "A new u8vector of the arguments.", Args: Params{Rest: "bytes", Spread: true}, Fn: u8vector},
	{Name: "u8vector-ref", Spec: "srfi-4", Doc: "Byte k.", Args: req("u8vector", "k"), Fn: u8vectorRef},
	{Name: "u8vector-set!", Spec: "srfi-4", Doc: "Stores byte at k.", Args: req("u8vector", "k", "byte"), Fn: u8vectorSetBang},
	{Name: "u8vector-length", Spec: "srfi-4", Doc: "Number of bytes.", Args: req("u8vector"), Fn: u8vectorLength},
	{Name: "u8vector->blob", Spec: "srfi-4", Doc: "Copy as a blob.", Args: req("u8vector"), Fn: u8vectorToBlob},
	{Name: "blob->u8vector", Spec: "srfi-4", Doc: "Copy as a u8vector.", Args: req("blob"), Fn: blobToU8vector},
	{Name: "u8vector->list", Spec: "srfi-4", Doc: "List of the bytes.", Args: req("u8vector"),
		Fn: u8vectorToList},
	{Name: "list->u8vector", Spec: "srfi-4", Doc: "New u8vector of the bytes in list.", Args: req("list"),
		Fn: listToU8vector},
}

// bytevectorLibrary is the (scheme base bytevectors) table.
var bytevectorLibrary = &Library{Name: "(scheme base bytevectors)", Doc: "R7RS bytevectors (r7rs §6.9), CHICKEN blobs and SRFI-4 u8vectors.", Procs: bytevectorProcs}

// bytevectorAppend implements bytevector-append.
func bytevectorAppend(th *Thread, args []Value) (Value, error) {
	out := []byte{}
	for i, a := range args {
		b, err := argBytevector(i+1, a)
		if err != nil {
			return nil, err
		}
		out = append(out, b.B...)
	}
	return &Bytevector{B: out}, nil
}

// argBlob is argument i, a blob.
func argBlob(i int, v Value) (*Blob, error) {
	b, ok := v.(*Blob)
	if !ok {
		return nil, TypeError("", i, "blob", v)
	}
	return b, nil
}

// blobEqP implements blob=?.
func blobEqP(th *Thread, args []Value) (Value, error) {
	a, err := argBlob(1, args[0])
	if err != nil {
		return nil, err
	}
	b, err := argBlob(2, args[1])
	if err != nil {
		return nil, err
	}
	return MakeBool(string(a.B) == string(b.B)), nil
}

// listToU8vector implements list->u8vector.
func listToU8vector(th *Thread, args []Value) (Value, error) {
	l, ok := ListToSlice(args[0])
	if !ok {
		return nil, TypeError("list->u8vector", 1, "list", args[0])
	}
	return u8vectorOf("list->%", l, true)
}

// bytevectorCopyBang implements bytevector-copy!.
func bytevectorCopyBang(th *Thread, a []Value) (Value, error) {
	return bvSeq.copyBangFn(th, a, func(to *Bytevector, at int, from *Bytevector, start, end int) { copy(to.B[at:], from.B[start:end]) })
}

// bytevectorCopy implements bytevector-copy.
func bytevectorCopy(th *Thread, a []Value) (Value, error) { return bvRangeFn(th, a, bvCopy) }

// utf8ToString implements utf8->string.
func utf8ToString(th *Thread, a []Value) (Value, error) { return bvRangeFn(th, a, bvToString) }

// blobFn calls f with the bytes of the blob argument.
func blobFn(a []Value, f func(b []byte) (Value, error)) (Value, error) {
	b, err := argBlob(1, a[0])
	if err != nil {
		return nil, err
	}
	return f(b.B)
}

// blobToString implements blob->string.
func blobToString(th *Thread, a []Value) (Value, error) { return blobFn(a, bvToString) }

// u8vectorToBlob implements u8vector->blob.
func u8vectorToBlob(th *Thread, a []Value) (Value, error) {
	b, err := u8vectorArg("%->blob", 1, a[0])
	if err != nil {
		return nil, err
	}
	return &Blob{B: bytes.Clone(b.B)}, nil
}

// blobToU8vector implements blob->u8vector.
func blobToU8vector(th *Thread, a []Value) (Value, error) { return blobFn(a, bvCopy) }

// u8vectorToList implements u8vector->list.
func u8vectorToList(th *Thread, a []Value) (Value, error) {
	b, err := u8vectorArg("%->list", 1, a[0])
	if err != nil {
		return nil, err
	}
	var l Value = Null
	for i := len(b.B) - 1; i >= 0; i-- {
		l = Cons(Fixnum(b.B[i]), l)
	}
	return l, nil
}

// blobSize implements blob-size.
func blobSize(th *Thread, a []Value) (Value, error) {
	return blobFn(a, func(b []byte) (Value, error) { return Fixnum(len(b)), nil })
}

// u8vectorLength implements u8vector-length.
func u8vectorLength(th *Thread, a []Value) (Value, error) {
	b, err := u8vectorArg("%-length", 1, a[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(len(b.B)), nil
}

// blobP implements blob?.
func blobP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Blob)
	return MakeBool(ok), nil
}

// u8vectorP implements u8vector? (as bytevectorP).
func u8vectorP(th *Thread, a []Value) (Value, error) { return bytevectorP(th, a) }

// The u8vector procedures are SRFI-4's over bytevectors: their errors are
// those of the other SRFI-4 vectors' (see [NumKind.ElementError]), named
// by op ("%-ref" for u8vector-ref).

// u8vectorArg returns v, argument pos of op, as a u8vector.
func u8vectorArg(op string, pos int, v Value) (*Bytevector, error) {
	b, ok := v.(*Bytevector)
	if !ok {
		return nil, U8.VectorError(op, pos, v)
	}
	return b, nil
}

// u8Arg returns x, argument pos of op, as an element of a u8vector.
func u8Arg(op string, pos int, x Value) (byte, error) {
	u, ok := U8.bits(x)
	if !ok {
		return 0, U8.ElementError(op, pos, x)
	}
	return byte(u), nil
}

// u8vectorAt returns a[0] and a[1], the arguments of op, as a u8vector
// and an index into it.
func u8vectorAt(op string, a []Value) (*Bytevector, int, error) {
	b, err := u8vectorArg(op, 1, a[0])
	if err != nil {
		return nil, 0, err
	}
	i, err := U8.Index(op, 2, a[1], len(b.B))
	return b, i, err
}

// u8vectorRef implements u8vector-ref.
func u8vectorRef(th *Thread, a []Value) (Value, error) {
	b, i, err := u8vectorAt("%-ref", a)
	if err != nil {
		return nil, err
	}
	return Fixnum(b.B[i]), nil
}

// u8vectorSetBang implements u8vector-set!.
func u8vectorSetBang(th *Thread, a []Value) (Value, error) {
	b, i, err := u8vectorAt("%-set!", a)
	if err != nil {
		return nil, err
	}
	x, err := u8Arg("%-set!", 3, a[2])
	if err != nil {
		return nil, err
	}
	b.B[i] = x
	return Unspecified, nil
}

// u8vector implements u8vector.
func u8vector(th *Thread, a []Value) (Value, error) { return u8vectorOf("%", a, false) }

// u8vectorOf returns a new u8vector of xs, the arguments of op, or with
// list the elements of its argument.
func u8vectorOf(op string, xs []Value, list bool) (Value, error) {
	b := make([]byte, len(xs))
	for i, x := range xs {
		u, ok := U8.bits(x)
		switch {
		case ok:
			b[i] = byte(u)
		case list:
			return nil, U8.ListElementError(op, 1, x)
		default:
			return nil, U8.ElementError(op, i+1, x)
		}
	}
	return &Bytevector{B: b}, nil
}

// makeBlob implements make-blob: zero-filled, where CHICKEN leaves the
// bytes uninitialised.
func makeBlob(th *Thread, a []Value) (Value, error) {
	k, err := ArgSize(1, a[0], 1)
	if err != nil {
		return nil, err
	}
	return &Blob{B: make([]byte, k)}, nil
}

// makeU8vector implements make-u8vector.
func makeU8vector(th *Thread, a []Value) (Value, error) {
	n, err := U8.Length("make-%", 1, a[0])
	if err != nil {
		return nil, err
	}
	var fill byte
	if len(a) > 1 && !IsDefault(a[1]) {
		if fill, err = u8Arg("make-%", 2, a[1]); err != nil {
			return nil, err
		}
	}
	return filledBytevector(n, fill), nil
}

// stringToBlob implements string->blob: the string's UTF-8 bytes.
func stringToBlob(th *Thread, a []Value) (Value, error) {
	s, err := argString(1, a[0])
	if err != nil {
		return nil, err
	}
	return &Blob{B: s.AppendUTF8(nil, 0, s.Len())}, nil
}
