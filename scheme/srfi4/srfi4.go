// SRFI-4 homogeneous numeric vectors over the core's NumVector (u8vectors
// are the core's bytevectors): internal primitives and u8vector I/O here,
// the per-type procedures defined from the primitives in srfi4.scm.

// Package srfi4 is SRFI-4, (srfi 4) or srfi-4, with CHICKEN's extensions:
// homogeneous numeric vectors of s8, u8, s16, u16, s32, u32, s64, u64, f32
// and f64 elements, their #tag( … ) read syntax (in the core reader),
// conversions to and from lists and blobs, subvectors and u8vector I/O.
package srfi4

import (
	"bytes"
	_ "embed"
	"io"
	"math"
	"strconv"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi4.scm
var source string

const (
	spec    = "srfi-4"
	chicken = "CHICKEN (srfi 4)"
)

var (
	req = scheme.Req
	opt = scheme.Opt
	// kind is a tag symbol naming a NumKind (s8 … f64).
	kind = &scheme.Type{Name: "number-vector tag", Accept: func(v scheme.Value) bool {
		s, ok := v.(*scheme.Symbol)
		return ok && scheme.NumKindOf(s.Name) != nil
	}}
	// anyKind is kind or u8, for the primitives serving u8vectors too.
	anyKind = &scheme.Type{Name: "number-vector tag", Accept: func(v scheme.Value) bool {
		s, ok := v.(*scheme.Symbol)
		return ok && (s.Name == "u8" || scheme.NumKindOf(s.Name) != nil)
	}}
)

// The internal primitives check their arguments themselves: their errors
// name the per-type procedure called (s16vector-set!, not
// %numvector-set!), with the argument's position in it, through the
// NumKind's checks; op is that procedure, "%" standing for the type
// ("%-set!"). Their tag is checked by the runtime: srfi4.scm passes it.

func kindArg(v scheme.Value) *scheme.NumKind { return scheme.NumKindOf(v.(*scheme.Symbol).Name) }

// anyKindArg is kindArg for anyKind.
func anyKindArg(v scheme.Value) *scheme.NumKind {
	if name := v.(*scheme.Symbol).Name; name != "u8" {
		return scheme.NumKindOf(name)
	}
	return scheme.U8
}

// vecOf returns v, argument pos of op, as a vector of kind k.
func vecOf(k *scheme.NumKind, op string, pos int, v scheme.Value) (*scheme.NumVector, error) {
	nv, ok := v.(*scheme.NumVector)
	if !ok || nv.Kind != k {
		return nil, k.VectorError(op, pos, v)
	}
	return nv, nil
}

// storage returns the bytes of v, argument pos of op, a vector of kind k
// (which may be U8: a u8vector is a bytevector).
func storage(k *scheme.NumKind, op string, pos int, v scheme.Value) ([]byte, error) {
	if k == scheme.U8 {
		if b, ok := v.(*scheme.Bytevector); ok {
			return b.B, nil
		}
		return nil, k.VectorError(op, pos, v)
	}
	nv, err := vecOf(k, op, pos, v)
	if err != nil {
		return nil, err
	}
	return nv.B, nil
}

// vectorOver returns the vector of kind k whose storage is b.
func vectorOver(k *scheme.NumKind, b []byte) scheme.Value {
	if k == scheme.U8 {
		return &scheme.Bytevector{B: b}
	}
	return &scheme.NumVector{Kind: k, B: b}
}

func internalMakeNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	n, err := k.Length("make-%", 1, a[1])
	if err != nil {
		return nil, err
	}
	v := scheme.NewNumVector(k, n)
	if !scheme.IsDefault(a[2]) && !v.Fill(a[2]) {
		return nil, k.ElementError("make-%", 2, a[2])
	}
	return v, nil
}

func internalNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return numvectorOf(kindArg(a[0]), "%", a[1], false)
}

func internalListToNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return numvectorOf(kindArg(a[0]), "list->%", a[1], true)
}

// numvectorOf returns a new vector of kind k of the elements of l, the
// arguments of op, or with list its argument.
func numvectorOf(k *scheme.NumKind, op string, l scheme.Value, list bool) (scheme.Value, error) {
	xs, ok := scheme.ListToSlice(l)
	if !ok {
		return nil, scheme.TypeError(k.ProcName(op), 1, "list", l)
	}
	v := scheme.NewNumVector(k, len(xs))
	for i, x := range xs {
		switch {
		case v.Set(i, x):
		case list:
			return nil, k.ListElementError(op, 1, x)
		default:
			return nil, k.ElementError(op, i+1, x)
		}
	}
	return v, nil
}

func internalNumvectorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, ok := a[1].(*scheme.NumVector)
	return scheme.MakeBool(ok && v.Kind == kindArg(a[0])), nil
}

func internalNumvectorLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nv, err := vecOf(kindArg(a[0]), "%-length", 1, a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(nv.Len()), nil
}

// vecAt returns a[1] and a[2] as a vector of kind k and an index into
// it; ok is false when they are not (see atError).
func vecAt(k *scheme.NumKind, a []scheme.Value) (nv *scheme.NumVector, i int, ok bool) {
	nv, ok = a[1].(*scheme.NumVector)
	if !ok || nv.Kind != k {
		return nil, 0, false
	}
	j, ok := a[2].(scheme.Fixnum)
	return nv, int(j), ok && uint64(j) < uint64(nv.Len())
}

// atError is the error of op given a[1] and a[2], which vecAt refused.
func atError(k *scheme.NumKind, op string, a []scheme.Value) error {
	nv, err := vecOf(k, op, 1, a[1])
	if err == nil {
		_, err = k.Index(op, 2, a[2], nv.Len())
	}
	return err
}

func internalNumvectorRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	nv, i, ok := vecAt(k, a)
	if !ok {
		return nil, atError(k, "%-ref", a)
	}
	return nv.Ref(th, i), nil
}

func internalNumvectorSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	nv, i, ok := vecAt(k, a)
	if !ok {
		return nil, atError(k, "%-set!", a)
	}
	if !nv.Set(i, a[3]) {
		return nil, k.ElementError("%-set!", 3, a[3])
	}
	return scheme.Unspecified, nil
}

func internalNumvectorToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nv, err := vecOf(kindArg(a[0]), "%->list", 1, a[1])
	if err != nil {
		return nil, err
	}
	var l scheme.Value = scheme.Null
	for i := nv.Len() - 1; i >= 0; i-- {
		l = scheme.Cons(nv.Ref(th, i), l)
	}
	return l, nil
}

func internalSubnumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := anyKindArg(a[0])
	b, err := storage(k, "sub%", 1, a[1])
	if err != nil {
		return nil, err
	}
	start, end, err := k.Span("sub%", 2, a[2], a[3], len(b)/k.Size())
	if err != nil {
		return nil, err
	}
	return vectorOver(k, bytes.Clone(b[start*k.Size():end*k.Size()])), nil
}

// bytesOf returns b, or a copy of it unless shared is true.
func bytesOf(b []byte, shared bool) []byte {
	if shared {
		return b
	}
	return bytes.Clone(b)
}

// sharedOp returns op, or for the /shared variant op/shared.
func sharedOp(op string, shared bool) string {
	if shared {
		return op + "/shared"
	}
	return op
}

func internalNumvectorToBlob(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	shared := scheme.Truthy(a[2])
	b, err := storage(anyKindArg(a[0]), sharedOp("%->blob", shared), 1, a[1])
	if err != nil {
		return nil, err
	}
	return &scheme.Blob{B: bytesOf(b, shared)}, nil
}

func internalBlobToNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, shared := anyKindArg(a[0]), scheme.Truthy(a[2])
	op := sharedOp("blob->%", shared)
	bv, ok := a[1].(*scheme.Blob)
	if !ok {
		return nil, scheme.TypeError(k.ProcName(op), 1, "blob", a[1])
	}
	if len(bv.B)%k.Size() != 0 { // an (exn) of no other kind, as CHICKEN's
		return nil, scheme.NewError(k.ProcName(op), "blob size is not a multiple of the element size "+strconv.Itoa(k.Size()), []scheme.Value{scheme.Fixnum(len(bv.B))})
	}
	return vectorOver(k, bytesOf(bv.B, shared)), nil
}

func numberVectorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *scheme.NumVector, *scheme.Bytevector:
		return scheme.True, nil
	}
	return scheme.False, nil
}

func releaseNumberVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if v, _ := numberVectorP(th, a); v != scheme.Value(scheme.True) {
		// an (exn) of no other kind, as CHICKEN's
		return nil, scheme.NewError("release-number-vector", "bad argument type in argument 1 (expected number vector)", a[:1])
	}
	return scheme.Unspecified, nil
}

// countArg returns v, argument pos of op (a u8vector procedure), as a
// number of bytes: a fixnum, at most max, or #f for max.
func countArg(op string, pos int, v scheme.Value, max int) (int, error) {
	if v == scheme.Value(scheme.False) {
		return max, nil
	}
	n, ok := v.(scheme.Fixnum)
	switch {
	case !ok:
		return 0, scheme.TypeError(scheme.U8.ProcName(op), pos, "exact non-negative integer or #f", v)
	case n < 0:
		return 0, scheme.RangeError(scheme.U8.ProcName(op), pos, "negative length", v)
	}
	return min(int(n), max), nil
}

func readU8vector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := countArg("read-%", 1, a[0], math.MaxInt)
	if err != nil {
		return nil, err
	}
	p, err := scheme.InputPortArg(th, a, 1)
	if err != nil {
		return nil, err
	}
	if n == 0 { // CHICKEN's: an empty u8vector even at the end of input
		return &scheme.Bytevector{B: []byte{}}, nil
	}
	th.WaitBegin() // thread-state: blocked while it reads
	defer th.WaitEnd()
	b, err := p.ReadBytesContext(th.WaitContext(), nil, n, false)
	switch {
	case err == io.EOF:
		return scheme.EOF, nil
	case err != nil:
		return nil, err
	}
	return &scheme.Bytevector{B: b}, nil
}

func readU8vectorBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bv, ok := a[1].(*scheme.Bytevector)
	if !ok {
		return nil, scheme.U8.VectorError("read-%!", 2, a[1])
	}
	start := scheme.Value(scheme.Fixnum(0))
	if !scheme.IsDefault(a[3]) {
		start = a[3]
	}
	at, end, err := scheme.U8.Span("read-%!", 4, start, scheme.Fixnum(len(bv.B)), len(bv.B))
	if err != nil {
		return nil, err
	}
	n, err := countArg("read-%!", 1, a[0], end-at) // CHICKEN reads no more than fit
	if err != nil {
		return nil, err
	}
	p, err := scheme.InputPortArg(th, a, 2)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return scheme.Fixnum(0), nil
	}
	th.WaitBegin()
	defer th.WaitEnd()
	got, err := p.ReadBytesContext(th.WaitContext(), bv.B[at:at:at+n], n, false) // read into bv
	switch {
	case err == io.EOF:
		return scheme.Fixnum(0), nil
	case err != nil:
		return nil, err
	}
	return scheme.Fixnum(len(got)), nil
}

func writeU8vector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bv, ok := a[0].(*scheme.Bytevector)
	if !ok {
		return nil, scheme.U8.VectorError("write-%", 1, a[0])
	}
	p, err := scheme.OutputPortArg(th, a, 1)
	if err != nil {
		return nil, err
	}
	start, end := scheme.Value(scheme.Fixnum(0)), scheme.Value(scheme.Fixnum(len(bv.B)))
	if !scheme.IsDefault(a[2]) {
		start = a[2]
	}
	if !scheme.IsDefault(a[3]) {
		end = a[3]
	}
	i, j, err := scheme.U8.Span("write-%", 3, start, end, len(bv.B))
	if err != nil {
		return nil, err
	}
	if err := p.Write(th.Context(), bv.B[i:j]); err != nil {
		return nil, err
	}
	return scheme.Unspecified, nil
}

// Library is the (srfi 4) binding table: CHICKEN's (srfi 4) module. The
// per-type procedures are rows without Fn, defined in srfi4.scm.
var Library = &scheme.Library{Name: "(srfi 4)", Doc: "SRFI-4: homogeneous numeric vectors, with CHICKEN's blob conversions, subvectors and u8vector I/O.",
	Source: scheme.LibrarySource("srfi4.scm", source), Procs: []scheme.Proc{
		{Name: "number-vector?", Spec: chicken, Doc: "Is obj a SRFI-4 vector of any type (a bytevector counts as a u8vector)?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("obj", nil)) }, Fn: numberVectorP},
		{Name: "release-number-vector", Spec: chicken, Doc: "Releases a vector allocated outside the garbage-collected heap: nothing to do, as every vector is collected.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("nvector", nil)) }, Fn: releaseNumberVector},
		{Name: "read-u8vector", Spec: chicken, Sig: "(read-u8vector [length [port]])", Doc: "A fresh u8vector of up to length bytes (all of them for #f) read from port, or #!eof at end of file (for a length of 0, an empty u8vector).",
			LazyArgs: func() scheme.Params { return scheme.Lambda(opt("length", nil, scheme.False), opt("port", nil, nil)) }, Fn: readU8vector},
		{Name: "read-u8vector!", Spec: chicken, Sig: "(read-u8vector! length u8vector [port [start]])", Doc: "Reads up to length bytes (to the vector's end for #f, and no more than fit) from port into u8vector at start; returns the number read.",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(req("length", nil), req("u8vector", nil), opt("port", nil, nil), opt("start", nil, nil))
			}, Fn: readU8vectorBang},
		{Name: "write-u8vector", Spec: chicken, Sig: "(write-u8vector u8vector [port [start [end]]])", Doc: "Writes the bytes of u8vector from start to end to port.",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(req("u8vector", nil), opt("port", nil, nil), opt("start", nil, nil), opt("end", nil, nil))
			}, Fn: writeU8vector},
		{Name: "%make-numvector", Spec: chicken, Doc: "make-XXXvector: a new vector of n elements of the kind tag, each fill (default 0).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("n", nil), opt("fill", nil, nil)) }, Fn: internalMakeNumvector},
		{Name: "%numvector", Spec: chicken, Doc: "XXXvector: a new vector of the kind tag of the elements of list, the constructor's arguments.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("list", nil)) }, Fn: internalNumvector},
		{Name: "%list->numvector", Spec: chicken, Doc: "list->XXXvector: a new vector of the kind tag of the elements of list.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("list", nil)) }, Fn: internalListToNumvector},
		{Name: "%numvector?", Spec: chicken, Doc: "XXXvector?: is obj a vector of the kind tag?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("obj", nil)) }, Fn: internalNumvectorP},
		{Name: "%numvector-length", Spec: chicken, Doc: "XXXvector-length: the length of a vector of the kind tag.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("vector", nil)) }, Fn: internalNumvectorLength},
		{Name: "%numvector-ref", Spec: chicken, Doc: "XXXvector-ref: element i of a vector of the kind tag.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("vector", nil), req("i", nil)) }, Fn: internalNumvectorRef},
		{Name: "%numvector-set!", Spec: chicken, Doc: "XXXvector-set!: stores x, checked against the kind tag, as element i.", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("tag", kind), req("vector", nil), req("i", nil), req("x", nil))
		}, Fn: internalNumvectorSetBang},
		{Name: "%numvector->list", Spec: chicken, Doc: "XXXvector->list: the elements as a list.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("tag", kind), req("vector", nil)) }, Fn: internalNumvectorToList},
		{Name: "%subnumvector", Spec: chicken, Doc: "subXXXvector: a new vector of the elements from start to end (the tag may be u8).", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("tag", anyKind), req("vector", nil), req("start", nil), req("end", nil))
		}, Fn: internalSubnumvector},
		{Name: "%numvector->blob", Spec: chicken, Doc: "XXXvector->blob[/shared]: the elements (packed little-endian) as a new blob: a copy, or the vector's own storage when shared is true (the tag may be u8).", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("tag", anyKind), req("vector", nil), opt("shared", nil, scheme.False))
		}, Fn: internalNumvectorToBlob},
		{Name: "%blob->numvector", Spec: chicken, Doc: "blob->XXXvector[/shared]: a new vector of the kind tag whose elements are the bytes of blob (packed little-endian): a copy, or the blob's own storage when shared is true (the tag may be u8).", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("tag", anyKind), req("blob", nil), opt("shared", nil, scheme.False))
		}, Fn: internalBlobToNumvector},
		// The per-type procedures srfi4.scm defines, as static data (nothing
		// to build at start-up): written by TestTypedRows (go test -run
		// TypedRows -update ./scheme/srfi4/); do not edit by hand.
		// BEGIN typed rows
		{Name: "u8vector?", Spec: spec, Sig: "(u8vector? obj)", Doc: "Is obj a u8vector?"},
		{Name: "make-u8vector", Spec: spec, Sig: "(make-u8vector n [value nongc finalize])", Doc: "A new u8vector of n elements, each value (default 0; an exact integer in the range of u8); nongc and finalize are accepted and ignored."},
		{Name: "u8vector", Spec: spec, Sig: "(u8vector value ...)", Doc: "A new u8vector of the values, each an exact integer in the range of u8."},
		{Name: "u8vector-length", Spec: spec, Sig: "(u8vector-length u8vector)", Doc: "The number of elements of the u8vector."},
		{Name: "u8vector-ref", Spec: spec, Sig: "(u8vector-ref u8vector i)", Doc: "Element i of the u8vector."},
		{Name: "u8vector-set!", Spec: spec, Sig: "(u8vector-set! u8vector i value)", Doc: "Stores value (an exact integer in the range of u8) as element i of the u8vector."},
		{Name: "u8vector->list", Spec: spec, Sig: "(u8vector->list u8vector)", Doc: "The elements of the u8vector as a list."},
		{Name: "list->u8vector", Spec: spec, Sig: "(list->u8vector list)", Doc: "A new u8vector of the elements of list."},
		{Name: "u8vector->blob", Spec: chicken, Sig: "(u8vector->blob u8vector)", Doc: "The elements of the u8vector packed (little-endian) in a new blob."},
		{Name: "u8vector->blob/shared", Spec: chicken, Sig: "(u8vector->blob/shared u8vector)", Doc: "As u8vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->u8vector", Spec: chicken, Sig: "(blob->u8vector blob)", Doc: "A new u8vector unpacked (little-endian) from blob."},
		{Name: "blob->u8vector/shared", Spec: chicken, Sig: "(blob->u8vector/shared blob)", Doc: "As blob->u8vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subu8vector", Spec: chicken, Sig: "(subu8vector u8vector from to)", Doc: "A new u8vector of the elements from index from up to to."},
		{Name: "s8vector?", Spec: spec, Sig: "(s8vector? obj)", Doc: "Is obj a s8vector?"},
		{Name: "make-s8vector", Spec: spec, Sig: "(make-s8vector n [value nongc finalize])", Doc: "A new s8vector of n elements, each value (default 0; an exact integer in the range of s8); nongc and finalize are accepted and ignored."},
		{Name: "s8vector", Spec: spec, Sig: "(s8vector value ...)", Doc: "A new s8vector of the values, each an exact integer in the range of s8."},
		{Name: "s8vector-length", Spec: spec, Sig: "(s8vector-length s8vector)", Doc: "The number of elements of the s8vector."},
		{Name: "s8vector-ref", Spec: spec, Sig: "(s8vector-ref s8vector i)", Doc: "Element i of the s8vector."},
		{Name: "s8vector-set!", Spec: spec, Sig: "(s8vector-set! s8vector i value)", Doc: "Stores value (an exact integer in the range of s8) as element i of the s8vector."},
		{Name: "s8vector->list", Spec: spec, Sig: "(s8vector->list s8vector)", Doc: "The elements of the s8vector as a list."},
		{Name: "list->s8vector", Spec: spec, Sig: "(list->s8vector list)", Doc: "A new s8vector of the elements of list."},
		{Name: "s8vector->blob", Spec: chicken, Sig: "(s8vector->blob s8vector)", Doc: "The elements of the s8vector packed (little-endian) in a new blob."},
		{Name: "s8vector->blob/shared", Spec: chicken, Sig: "(s8vector->blob/shared s8vector)", Doc: "As s8vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->s8vector", Spec: chicken, Sig: "(blob->s8vector blob)", Doc: "A new s8vector unpacked (little-endian) from blob."},
		{Name: "blob->s8vector/shared", Spec: chicken, Sig: "(blob->s8vector/shared blob)", Doc: "As blob->s8vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subs8vector", Spec: chicken, Sig: "(subs8vector s8vector from to)", Doc: "A new s8vector of the elements from index from up to to."},
		{Name: "u16vector?", Spec: spec, Sig: "(u16vector? obj)", Doc: "Is obj a u16vector?"},
		{Name: "make-u16vector", Spec: spec, Sig: "(make-u16vector n [value nongc finalize])", Doc: "A new u16vector of n elements, each value (default 0; an exact integer in the range of u16); nongc and finalize are accepted and ignored."},
		{Name: "u16vector", Spec: spec, Sig: "(u16vector value ...)", Doc: "A new u16vector of the values, each an exact integer in the range of u16."},
		{Name: "u16vector-length", Spec: spec, Sig: "(u16vector-length u16vector)", Doc: "The number of elements of the u16vector."},
		{Name: "u16vector-ref", Spec: spec, Sig: "(u16vector-ref u16vector i)", Doc: "Element i of the u16vector."},
		{Name: "u16vector-set!", Spec: spec, Sig: "(u16vector-set! u16vector i value)", Doc: "Stores value (an exact integer in the range of u16) as element i of the u16vector."},
		{Name: "u16vector->list", Spec: spec, Sig: "(u16vector->list u16vector)", Doc: "The elements of the u16vector as a list."},
		{Name: "list->u16vector", Spec: spec, Sig: "(list->u16vector list)", Doc: "A new u16vector of the elements of list."},
		{Name: "u16vector->blob", Spec: chicken, Sig: "(u16vector->blob u16vector)", Doc: "The elements of the u16vector packed (little-endian) in a new blob."},
		{Name: "u16vector->blob/shared", Spec: chicken, Sig: "(u16vector->blob/shared u16vector)", Doc: "As u16vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->u16vector", Spec: chicken, Sig: "(blob->u16vector blob)", Doc: "A new u16vector unpacked (little-endian) from blob."},
		{Name: "blob->u16vector/shared", Spec: chicken, Sig: "(blob->u16vector/shared blob)", Doc: "As blob->u16vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subu16vector", Spec: chicken, Sig: "(subu16vector u16vector from to)", Doc: "A new u16vector of the elements from index from up to to."},
		{Name: "s16vector?", Spec: spec, Sig: "(s16vector? obj)", Doc: "Is obj a s16vector?"},
		{Name: "make-s16vector", Spec: spec, Sig: "(make-s16vector n [value nongc finalize])", Doc: "A new s16vector of n elements, each value (default 0; an exact integer in the range of s16); nongc and finalize are accepted and ignored."},
		{Name: "s16vector", Spec: spec, Sig: "(s16vector value ...)", Doc: "A new s16vector of the values, each an exact integer in the range of s16."},
		{Name: "s16vector-length", Spec: spec, Sig: "(s16vector-length s16vector)", Doc: "The number of elements of the s16vector."},
		{Name: "s16vector-ref", Spec: spec, Sig: "(s16vector-ref s16vector i)", Doc: "Element i of the s16vector."},
		{Name: "s16vector-set!", Spec: spec, Sig: "(s16vector-set! s16vector i value)", Doc: "Stores value (an exact integer in the range of s16) as element i of the s16vector."},
		{Name: "s16vector->list", Spec: spec, Sig: "(s16vector->list s16vector)", Doc: "The elements of the s16vector as a list."},
		{Name: "list->s16vector", Spec: spec, Sig: "(list->s16vector list)", Doc: "A new s16vector of the elements of list."},
		{Name: "s16vector->blob", Spec: chicken, Sig: "(s16vector->blob s16vector)", Doc: "The elements of the s16vector packed (little-endian) in a new blob."},
		{Name: "s16vector->blob/shared", Spec: chicken, Sig: "(s16vector->blob/shared s16vector)", Doc: "As s16vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->s16vector", Spec: chicken, Sig: "(blob->s16vector blob)", Doc: "A new s16vector unpacked (little-endian) from blob."},
		{Name: "blob->s16vector/shared", Spec: chicken, Sig: "(blob->s16vector/shared blob)", Doc: "As blob->s16vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subs16vector", Spec: chicken, Sig: "(subs16vector s16vector from to)", Doc: "A new s16vector of the elements from index from up to to."},
		{Name: "u32vector?", Spec: spec, Sig: "(u32vector? obj)", Doc: "Is obj a u32vector?"},
		{Name: "make-u32vector", Spec: spec, Sig: "(make-u32vector n [value nongc finalize])", Doc: "A new u32vector of n elements, each value (default 0; an exact integer in the range of u32); nongc and finalize are accepted and ignored."},
		{Name: "u32vector", Spec: spec, Sig: "(u32vector value ...)", Doc: "A new u32vector of the values, each an exact integer in the range of u32."},
		{Name: "u32vector-length", Spec: spec, Sig: "(u32vector-length u32vector)", Doc: "The number of elements of the u32vector."},
		{Name: "u32vector-ref", Spec: spec, Sig: "(u32vector-ref u32vector i)", Doc: "Element i of the u32vector."},
		{Name: "u32vector-set!", Spec: spec, Sig: "(u32vector-set! u32vector i value)", Doc: "Stores value (an exact integer in the range of u32) as element i of the u32vector."},
		{Name: "u32vector->list", Spec: spec, Sig: "(u32vector->list u32vector)", Doc: "The elements of the u32vector as a list."},
		{Name: "list->u32vector", Spec: spec, Sig: "(list->u32vector list)", Doc: "A new u32vector of the elements of list."},
		{Name: "u32vector->blob", Spec: chicken, Sig: "(u32vector->blob u32vector)", Doc: "The elements of the u32vector packed (little-endian) in a new blob."},
		{Name: "u32vector->blob/shared", Spec: chicken, Sig: "(u32vector->blob/shared u32vector)", Doc: "As u32vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->u32vector", Spec: chicken, Sig: "(blob->u32vector blob)", Doc: "A new u32vector unpacked (little-endian) from blob."},
		{Name: "blob->u32vector/shared", Spec: chicken, Sig: "(blob->u32vector/shared blob)", Doc: "As blob->u32vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subu32vector", Spec: chicken, Sig: "(subu32vector u32vector from to)", Doc: "A new u32vector of the elements from index from up to to."},
		{Name: "s32vector?", Spec: spec, Sig: "(s32vector? obj)", Doc: "Is obj a s32vector?"},
		{Name: "make-s32vector", Spec: spec, Sig: "(make-s32vector n [value nongc finalize])", Doc: "A new s32vector of n elements, each value (default 0; an exact integer in the range of s32); nongc and finalize are accepted and ignored."},
		{Name: "s32vector", Spec: spec, Sig: "(s32vector value ...)", Doc: "A new s32vector of the values, each an exact integer in the range of s32."},
		{Name: "s32vector-length", Spec: spec, Sig: "(s32vector-length s32vector)", Doc: "The number of elements of the s32vector."},
		{Name: "s32vector-ref", Spec: spec, Sig: "(s32vector-ref s32vector i)", Doc: "Element i of the s32vector."},
		{Name: "s32vector-set!", Spec: spec, Sig: "(s32vector-set! s32vector i value)", Doc: "Stores value (an exact integer in the range of s32) as element i of the s32vector."},
		{Name: "s32vector->list", Spec: spec, Sig: "(s32vector->list s32vector)", Doc: "The elements of the s32vector as a list."},
		{Name: "list->s32vector", Spec: spec, Sig: "(list->s32vector list)", Doc: "A new s32vector of the elements of list."},
		{Name: "s32vector->blob", Spec: chicken, Sig: "(s32vector->blob s32vector)", Doc: "The elements of the s32vector packed (little-endian) in a new blob."},
		{Name: "s32vector->blob/shared", Spec: chicken, Sig: "(s32vector->blob/shared s32vector)", Doc: "As s32vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->s32vector", Spec: chicken, Sig: "(blob->s32vector blob)", Doc: "A new s32vector unpacked (little-endian) from blob."},
		{Name: "blob->s32vector/shared", Spec: chicken, Sig: "(blob->s32vector/shared blob)", Doc: "As blob->s32vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subs32vector", Spec: chicken, Sig: "(subs32vector s32vector from to)", Doc: "A new s32vector of the elements from index from up to to."},
		{Name: "u64vector?", Spec: spec, Sig: "(u64vector? obj)", Doc: "Is obj a u64vector?"},
		{Name: "make-u64vector", Spec: spec, Sig: "(make-u64vector n [value nongc finalize])", Doc: "A new u64vector of n elements, each value (default 0; an exact integer in the range of u64); nongc and finalize are accepted and ignored."},
		{Name: "u64vector", Spec: spec, Sig: "(u64vector value ...)", Doc: "A new u64vector of the values, each an exact integer in the range of u64."},
		{Name: "u64vector-length", Spec: spec, Sig: "(u64vector-length u64vector)", Doc: "The number of elements of the u64vector."},
		{Name: "u64vector-ref", Spec: spec, Sig: "(u64vector-ref u64vector i)", Doc: "Element i of the u64vector."},
		{Name: "u64vector-set!", Spec: spec, Sig: "(u64vector-set! u64vector i value)", Doc: "Stores value (an exact integer in the range of u64) as element i of the u64vector."},
		{Name: "u64vector->list", Spec: spec, Sig: "(u64vector->list u64vector)", Doc: "The elements of the u64vector as a list."},
		{Name: "list->u64vector", Spec: spec, Sig: "(list->u64vector list)", Doc: "A new u64vector of the elements of list."},
		{Name: "u64vector->blob", Spec: chicken, Sig: "(u64vector->blob u64vector)", Doc: "The elements of the u64vector packed (little-endian) in a new blob."},
		{Name: "u64vector->blob/shared", Spec: chicken, Sig: "(u64vector->blob/shared u64vector)", Doc: "As u64vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->u64vector", Spec: chicken, Sig: "(blob->u64vector blob)", Doc: "A new u64vector unpacked (little-endian) from blob."},
		{Name: "blob->u64vector/shared", Spec: chicken, Sig: "(blob->u64vector/shared blob)", Doc: "As blob->u64vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subu64vector", Spec: chicken, Sig: "(subu64vector u64vector from to)", Doc: "A new u64vector of the elements from index from up to to."},
		{Name: "s64vector?", Spec: spec, Sig: "(s64vector? obj)", Doc: "Is obj a s64vector?"},
		{Name: "make-s64vector", Spec: spec, Sig: "(make-s64vector n [value nongc finalize])", Doc: "A new s64vector of n elements, each value (default 0; an exact integer in the range of s64); nongc and finalize are accepted and ignored."},
		{Name: "s64vector", Spec: spec, Sig: "(s64vector value ...)", Doc: "A new s64vector of the values, each an exact integer in the range of s64."},
		{Name: "s64vector-length", Spec: spec, Sig: "(s64vector-length s64vector)", Doc: "The number of elements of the s64vector."},
		{Name: "s64vector-ref", Spec: spec, Sig: "(s64vector-ref s64vector i)", Doc: "Element i of the s64vector."},
		{Name: "s64vector-set!", Spec: spec, Sig: "(s64vector-set! s64vector i value)", Doc: "Stores value (an exact integer in the range of s64) as element i of the s64vector."},
		{Name: "s64vector->list", Spec: spec, Sig: "(s64vector->list s64vector)", Doc: "The elements of the s64vector as a list."},
		{Name: "list->s64vector", Spec: spec, Sig: "(list->s64vector list)", Doc: "A new s64vector of the elements of list."},
		{Name: "s64vector->blob", Spec: chicken, Sig: "(s64vector->blob s64vector)", Doc: "The elements of the s64vector packed (little-endian) in a new blob."},
		{Name: "s64vector->blob/shared", Spec: chicken, Sig: "(s64vector->blob/shared s64vector)", Doc: "As s64vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->s64vector", Spec: chicken, Sig: "(blob->s64vector blob)", Doc: "A new s64vector unpacked (little-endian) from blob."},
		{Name: "blob->s64vector/shared", Spec: chicken, Sig: "(blob->s64vector/shared blob)", Doc: "As blob->s64vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subs64vector", Spec: chicken, Sig: "(subs64vector s64vector from to)", Doc: "A new s64vector of the elements from index from up to to."},
		{Name: "f32vector?", Spec: spec, Sig: "(f32vector? obj)", Doc: "Is obj a f32vector?"},
		{Name: "make-f32vector", Spec: spec, Sig: "(make-f32vector n [value nongc finalize])", Doc: "A new f32vector of n elements, each value (default 0; a flonum, or an exact integer stored inexact); nongc and finalize are accepted and ignored."},
		{Name: "f32vector", Spec: spec, Sig: "(f32vector value ...)", Doc: "A new f32vector of the values, each a flonum, or an exact integer stored inexact."},
		{Name: "f32vector-length", Spec: spec, Sig: "(f32vector-length f32vector)", Doc: "The number of elements of the f32vector."},
		{Name: "f32vector-ref", Spec: spec, Sig: "(f32vector-ref f32vector i)", Doc: "Element i of the f32vector."},
		{Name: "f32vector-set!", Spec: spec, Sig: "(f32vector-set! f32vector i value)", Doc: "Stores value (a flonum, or an exact integer stored inexact) as element i of the f32vector."},
		{Name: "f32vector->list", Spec: spec, Sig: "(f32vector->list f32vector)", Doc: "The elements of the f32vector as a list."},
		{Name: "list->f32vector", Spec: spec, Sig: "(list->f32vector list)", Doc: "A new f32vector of the elements of list."},
		{Name: "f32vector->blob", Spec: chicken, Sig: "(f32vector->blob f32vector)", Doc: "The elements of the f32vector packed (little-endian) in a new blob."},
		{Name: "f32vector->blob/shared", Spec: chicken, Sig: "(f32vector->blob/shared f32vector)", Doc: "As f32vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->f32vector", Spec: chicken, Sig: "(blob->f32vector blob)", Doc: "A new f32vector unpacked (little-endian) from blob."},
		{Name: "blob->f32vector/shared", Spec: chicken, Sig: "(blob->f32vector/shared blob)", Doc: "As blob->f32vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subf32vector", Spec: chicken, Sig: "(subf32vector f32vector from to)", Doc: "A new f32vector of the elements from index from up to to."},
		{Name: "f64vector?", Spec: spec, Sig: "(f64vector? obj)", Doc: "Is obj a f64vector?"},
		{Name: "make-f64vector", Spec: spec, Sig: "(make-f64vector n [value nongc finalize])", Doc: "A new f64vector of n elements, each value (default 0; a flonum, or an exact integer stored inexact); nongc and finalize are accepted and ignored."},
		{Name: "f64vector", Spec: spec, Sig: "(f64vector value ...)", Doc: "A new f64vector of the values, each a flonum, or an exact integer stored inexact."},
		{Name: "f64vector-length", Spec: spec, Sig: "(f64vector-length f64vector)", Doc: "The number of elements of the f64vector."},
		{Name: "f64vector-ref", Spec: spec, Sig: "(f64vector-ref f64vector i)", Doc: "Element i of the f64vector."},
		{Name: "f64vector-set!", Spec: spec, Sig: "(f64vector-set! f64vector i value)", Doc: "Stores value (a flonum, or an exact integer stored inexact) as element i of the f64vector."},
		{Name: "f64vector->list", Spec: spec, Sig: "(f64vector->list f64vector)", Doc: "The elements of the f64vector as a list."},
		{Name: "list->f64vector", Spec: spec, Sig: "(list->f64vector list)", Doc: "A new f64vector of the elements of list."},
		{Name: "f64vector->blob", Spec: chicken, Sig: "(f64vector->blob f64vector)", Doc: "The elements of the f64vector packed (little-endian) in a new blob."},
		{Name: "f64vector->blob/shared", Spec: chicken, Sig: "(f64vector->blob/shared f64vector)", Doc: "As f64vector->blob, but the blob shares the vector's storage: a change to either is seen in both."},
		{Name: "blob->f64vector", Spec: chicken, Sig: "(blob->f64vector blob)", Doc: "A new f64vector unpacked (little-endian) from blob."},
		{Name: "blob->f64vector/shared", Spec: chicken, Sig: "(blob->f64vector/shared blob)", Doc: "As blob->f64vector, but the vector shares the blob's storage: a change to either is seen in both."},
		{Name: "subf64vector", Spec: chicken, Sig: "(subf64vector f64vector from to)", Doc: "A new f64vector of the elements from index from up to to."},
		// END typed rows
	}}
