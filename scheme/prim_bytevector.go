// Bytevector procedures: R7RS §6.9, CHICKEN blobs and SRFI-4 u8vectors.

package scheme

const r7bv = "r7rs §6.9"

func argByte(i int, v Value) (byte, error) {
	n, ok := v.(Fixnum)
	if !ok || n < 0 || n > 255 {
		return 0, TypeError("", i, "byte (exact integer 0-255)", v)
	}
	return byte(n), nil
}

func bvMake(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(1, args[0])
	if err != nil {
		return nil, err
	}
	var fill byte
	if len(args) > 1 && !IsDefault(args[1]) {
		if fill, err = argByte(2, args[1]); err != nil {
			return nil, err
		}
	}
	b := make([]byte, k)
	if fill != 0 {
		for i := range b {
			b[i] = fill
		}
	}
	return &Bytevector{B: b}, nil
}

func bvOf(th *Thread, args []Value) (Value, error) {
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

func bvRef(th *Thread, args []Value) (Value, error) {
	b, k, err := bvSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	return Fixnum(b.B[k]), nil
}

func bvSet(th *Thread, args []Value) (Value, error) {
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

func bvLength(th *Thread, args []Value) (Value, error) {
	b, err := argBytevector(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(len(b.B)), nil
}

func bvRangeFn(f func(b []byte) (Value, error)) PrimFn {
	return bvSeq.rangeFn(func(b *Bytevector, start, end int) (Value, error) { return f(b.B[start:end]) })
}

func bvCopy(b []byte) (Value, error) { return &Bytevector{B: append([]byte{}, b...)}, nil }

func bvToString(b []byte) (Value, error) { return MakeStringFromBytes(b), nil }

var stringToBv = strSeq.rangeFn(func(s *String, start, end int) (Value, error) {
	return &Bytevector{B: s.AppendUTF8(make([]byte, 0, end-start), start, end)}, nil
})

var isBv = pred(func(v Value) bool { _, ok := v.(*Bytevector); return ok })

var bytevectorProcs = []Proc{
	{Name: "bytevector?", Spec: r7bv, Sig: "(bytevector? obj)", Doc: "Is obj a bytevector?", Args: req("obj"), Fn: isBv},
	{Name: "make-bytevector", Spec: r7bv, Sig: "(make-bytevector k [byte])", Doc: "A new bytevector of k bytes.",
		Args: Params{Required: []string{"k"}, Optional: []string{"byte"}}, Fn: bvMake},
	{Name: "bytevector", Spec: r7bv, Sig: "(bytevector byte ...)", Doc: "A new bytevector of the arguments.", Args: Params{Rest: "bytes", Spread: true}, Fn: bvOf},
	{Name: "bytevector-u8-ref", Spec: r7bv, Sig: "(bytevector-u8-ref bytevector k)", Doc: "Byte k.", Args: req("bytevector", "k"), Fn: bvRef},
	{Name: "bytevector-u8-set!", Spec: r7bv, Sig: "(bytevector-u8-set! bytevector k byte)", Doc: "Stores byte at k.", Args: req("bytevector", "k", "byte"), Fn: bvSet},
	{Name: "bytevector-length", Spec: r7bv, Sig: "(bytevector-length bytevector)", Doc: "Number of bytes.", Args: req("bytevector"), Fn: bvLength},
	{Name: "bytevector-copy", Spec: r7bv, Sig: "(bytevector-copy bytevector [start [end]])", Doc: "New bytevector of the bytes from start to end.",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"start", "end"}}, Fn: bvRangeFn(bvCopy)},
	{Name: "bytevector-copy!", Spec: r7bv, Sig: "(bytevector-copy! to at from [start [end]])", Doc: "Copies bytes of from into to starting at at.",
		Args: Params{Required: []string{"to", "at", "from"}, Optional: []string{"start", "end"}}, Fn: bvSeq.copyBangFn(func(to *Bytevector, at int, from *Bytevector, start, end int) { copy(to.B[at:], from.B[start:end]) })},
	{Name: "bytevector-append", Spec: r7bv, Sig: "(bytevector-append bytevector ...)", Doc: "New bytevector of the bytes of the arguments.",
		Args: Params{Rest: "bytevectors", Spread: true}, Fn: bytevectorAppend},
	{Name: "utf8->string", Spec: r7bv, Sig: "(utf8->string bytevector [start [end]])", Doc: "Decodes UTF-8 (invalid sequences become U+FFFD).",
		Args: Params{Required: []string{"bytevector"}, Optional: []string{"start", "end"}}, Fn: bvRangeFn(bvToString)},
	{Name: "string->utf8", Spec: r7bv, Sig: "(string->utf8 string [start [end]])", Doc: "UTF-8 encoding of the characters from start to end.",
		Args: Params{Required: []string{"string"}, Optional: []string{"start", "end"}}, Fn: stringToBv},
	// CHICKEN blobs.
	{Name: "blob?", Spec: "chicken blob", Sig: "(blob? obj)", Doc: "Is obj a blob (bytevector)?", Args: req("obj"), Fn: isBv},
	{Name: "make-blob", Spec: "chicken blob", Sig: "(make-blob size)", Doc: "A new zero-filled blob.", Args: req("size"), Fn: bvMake},
	{Name: "blob-size", Spec: "chicken blob", Sig: "(blob-size blob)", Doc: "Number of bytes.", Args: req("blob"), Fn: bvLength},
	{Name: "blob->string", Spec: "chicken blob", Sig: "(blob->string blob)", Doc: "String of the bytes (decoded as UTF-8).", Args: req("blob"), Fn: bvRangeFn(bvToString)},
	{Name: "string->blob", Spec: "chicken blob", Sig: "(string->blob string)", Doc: "Blob of the UTF-8 bytes of string.", Args: req("string"), Fn: stringToBv},
	{Name: "blob=?", Spec: "chicken blob", Sig: "(blob=? blob1 blob2)", Doc: "Same bytes?", Args: req("blob1", "blob2"),
		Fn: blobEqP},
	// SRFI-4 u8vectors (the same objects).
	{Name: "u8vector?", Spec: "srfi-4", Sig: "(u8vector? obj)", Doc: "Is obj a u8vector (bytevector)?", Args: req("obj"), Fn: isBv},
	{Name: "make-u8vector", Spec: "srfi-4", Sig: "(make-u8vector k [byte])", Doc: "A new u8vector of k bytes.",
		Args: Params{Required: []string{"k"}, Optional: []string{"byte"}}, Fn: bvMake},
	{Name: "u8vector", Spec: "srfi-4", Sig: "(u8vector byte ...)", Doc: "A new u8vector of the arguments.", Args: Params{Rest: "bytes", Spread: true}, Fn: bvOf},
	{Name: "u8vector-ref", Spec: "srfi-4", Sig: "(u8vector-ref u8vector k)", Doc: "Byte k.", Args: req("u8vector", "k"), Fn: bvRef},
	{Name: "u8vector-set!", Spec: "srfi-4", Sig: "(u8vector-set! u8vector k byte)", Doc: "Stores byte at k.", Args: req("u8vector", "k", "byte"), Fn: bvSet},
	{Name: "u8vector-length", Spec: "srfi-4", Sig: "(u8vector-length u8vector)", Doc: "Number of bytes.", Args: req("u8vector"), Fn: bvLength},
	{Name: "u8vector->blob", Spec: "srfi-4", Sig: "(u8vector->blob u8vector)", Doc: "Copy as a blob.", Args: req("u8vector"), Fn: bvRangeFn(bvCopy)},
	{Name: "blob->u8vector", Spec: "srfi-4", Sig: "(blob->u8vector blob)", Doc: "Copy as a u8vector.", Args: req("blob"), Fn: bvRangeFn(bvCopy)},
	{Name: "u8vector->list", Spec: "srfi-4", Sig: "(u8vector->list u8vector)", Doc: "List of the bytes.", Args: req("u8vector"),
		Fn: bvRangeFn(func(b []byte) (Value, error) {
			items := make([]Value, len(b))
			for i, x := range b {
				items[i] = Fixnum(x)
			}
			return List(items...), nil
		})},
	{Name: "list->u8vector", Spec: "srfi-4", Sig: "(list->u8vector list)", Doc: "New u8vector of the bytes in list.", Args: req("list"),
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

// blobEqP implements blob=?.
func blobEqP(th *Thread, args []Value) (Value, error) {
	a, err := argBytevector(1, args[0])
	if err != nil {
		return nil, err
	}
	b, err := argBytevector(2, args[1])
	if err != nil {
		return nil, err
	}
	return MakeBool(string(a.B) == string(b.B)), nil
}

// listToU8vector implements list->u8vector.
func listToU8vector(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	return bvOf(th, l)
}
