// SRFI-4 homogeneous numeric vectors over the core's NumVector (u8vectors
// are the core's bytevectors): internal primitives here, the per-type
// procedures defined from them in srfi4.scm.

// Package srfi4 is SRFI-4, (srfi 4) or srfi-4, with CHICKEN's extensions:
// homogeneous numeric vectors of s8, u8, s16, u16, s32, u32, s64, u64, f32
// and f64 elements, their #tag( … ) read syntax (in the core reader),
// conversions to and from lists and blobs, subvectors and u8vector I/O.
package srfi4

import (
	_ "embed"
	"encoding/binary"
	"math"
	"math/big"

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
	numvec = &scheme.Type{Name: "number vector", Accept: func(v scheme.Value) bool { _, ok := v.(*scheme.NumVector); return ok }}
	index  = scheme.TypeIndex
)

func kindArg(v scheme.Value) *scheme.NumKind { return scheme.NumKindOf(v.(*scheme.Symbol).Name) }

// element checks v against k.
func element(k *scheme.NumKind, pos int, v scheme.Value) (scheme.Value, error) {
	e, ok := k.Element(v)
	if !ok {
		return nil, scheme.TypeError("", pos, k.Describe(), v)
	}
	return e, nil
}

// zero is the fill of a vector made without one.
func zero(k *scheme.NumKind) scheme.Value {
	if k.Float {
		return scheme.Flonum(0)
	}
	return scheme.Fixnum(0)
}

func internalMakeNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	n, err := scheme.ArgSize(2, a[1], scheme.ValueSize)
	if err != nil {
		return nil, err
	}
	fill := zero(k)
	if !scheme.IsDefault(a[2]) {
		if fill, err = element(k, 3, a[2]); err != nil {
			return nil, err
		}
	}
	items := make([]scheme.Value, n)
	for i := range items {
		items[i] = fill
	}
	return &scheme.NumVector{Kind: k, Items: items}, nil
}

func internalListToNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	l, _ := scheme.ListToSlice(a[1])
	items := make([]scheme.Value, len(l))
	for i, x := range l {
		e, ok := k.Element(x)
		if !ok {
			return nil, scheme.TypeError("", 2, "list of "+k.Describe(), a[1])
		}
		items[i] = e
	}
	return &scheme.NumVector{Kind: k, Items: items}, nil
}

func internalNumvectorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, ok := a[1].(*scheme.NumVector)
	return scheme.MakeBool(ok && v.Kind == kindArg(a[0])), nil
}

// vecOf returns argument pos as a vector of kind k.
func vecOf(k *scheme.NumKind, pos int, v scheme.Value) (*scheme.NumVector, error) {
	nv, ok := v.(*scheme.NumVector)
	if !ok || nv.Kind != k {
		return nil, scheme.TypeError("", pos, k.Tag+"vector", v)
	}
	return nv, nil
}

func indexIn(nv *scheme.NumVector, pos int, v scheme.Value) (int, error) {
	i := int(v.(scheme.Fixnum))
	if i >= len(nv.Items) {
		return 0, scheme.RangeError("", pos, "index out of range", v)
	}
	return i, nil
}

func internalNumvectorLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nv, err := vecOf(kindArg(a[0]), 2, a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(len(nv.Items)), nil
}

func internalNumvectorRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nv, err := vecOf(kindArg(a[0]), 2, a[1])
	if err != nil {
		return nil, err
	}
	i, err := indexIn(nv, 3, a[2])
	if err != nil {
		return nil, err
	}
	return nv.Items[i], nil
}

func internalNumvectorSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	nv, err := vecOf(k, 2, a[1])
	if err != nil {
		return nil, err
	}
	i, err := indexIn(nv, 3, a[2])
	if err != nil {
		return nil, err
	}
	e, err := element(k, 4, a[3])
	if err != nil {
		return nil, err
	}
	nv.Items[i] = e
	return scheme.Unspecified, nil
}

// span returns the optional [start, end) of nv.
func span(nv *scheme.NumVector, a []scheme.Value, pos int) (int, int, error) {
	start, end := 0, len(nv.Items)
	if !scheme.IsDefault(a[pos]) {
		start = int(a[pos].(scheme.Fixnum))
	}
	if !scheme.IsDefault(a[pos+1]) {
		end = int(a[pos+1].(scheme.Fixnum))
	}
	if start > end || end > len(nv.Items) {
		return 0, 0, scheme.RangeError("", pos+1, "start/end out of range", scheme.List(a[pos], a[pos+1]))
	}
	return start, end, nil
}

func internalNumvectorToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nv, err := vecOf(kindArg(a[0]), 2, a[1])
	if err != nil {
		return nil, err
	}
	start, end, err := span(nv, a, 2)
	if err != nil {
		return nil, err
	}
	return scheme.List(nv.Items[start:end]...), nil
}

func internalSubnumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	nv, err := vecOf(k, 2, a[1])
	if err != nil {
		return nil, err
	}
	start, end, err := span(nv, a, 2)
	if err != nil {
		return nil, err
	}
	return &scheme.NumVector{Kind: k, Items: append([]scheme.Value(nil), nv.Items[start:end]...)}, nil
}

// width is the size in bytes of an element of k.
func width(k *scheme.NumKind) int {
	switch k.Tag {
	case "s8":
		return 1
	case "s16", "u16":
		return 2
	case "s32", "u32", "f32":
		return 4
	}
	return 8
}

func internalNumvectorToBlob(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	nv, err := vecOf(k, 2, a[1])
	if err != nil {
		return nil, err
	}
	w := width(k)
	b := make([]byte, w*len(nv.Items))
	for i, e := range nv.Items {
		var bits uint64
		switch {
		case k.Tag == "f32":
			bits = uint64(math.Float32bits(float32(e.(scheme.Flonum))))
		case k.Float:
			bits = math.Float64bits(float64(e.(scheme.Flonum)))
		default:
			bits = intBits(e)
		}
		for j := 0; j < w; j++ {
			b[i*w+j] = byte(bits >> (8 * j))
		}
	}
	return &scheme.Bytevector{B: b}, nil
}

// intBits is the two's-complement bit pattern of an integer element.
func intBits(v scheme.Value) uint64 {
	if n, ok := v.(scheme.Fixnum); ok {
		return uint64(n)
	}
	return v.(*scheme.Bignum).I.Uint64()
}

func internalBlobToNumvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := kindArg(a[0])
	bv, ok := a[1].(*scheme.Bytevector)
	if !ok {
		return nil, scheme.TypeError("", 2, "blob", a[1])
	}
	w := width(k)
	if len(bv.B)%w != 0 {
		return nil, scheme.RangeError("", 2, "blob size is not a multiple of the element size", a[1])
	}
	items := make([]scheme.Value, len(bv.B)/w)
	for i := range items {
		var bits uint64
		switch w {
		case 1:
			bits = uint64(bv.B[i])
		case 2:
			bits = uint64(binary.LittleEndian.Uint16(bv.B[i*2:]))
		case 4:
			bits = uint64(binary.LittleEndian.Uint32(bv.B[i*4:]))
		default:
			bits = binary.LittleEndian.Uint64(bv.B[i*8:])
		}
		items[i] = fromBits(k, w, bits)
	}
	return &scheme.NumVector{Kind: k, Items: items}, nil
}

// fromBits is the element of kind k (w bytes wide) with bit pattern bits.
func fromBits(k *scheme.NumKind, w int, bits uint64) scheme.Value {
	switch {
	case k.Tag == "f32":
		return scheme.Flonum(math.Float32frombits(uint32(bits)))
	case k.Float:
		return scheme.Flonum(math.Float64frombits(bits))
	case k.Tag[0] == 's':
		shift := 64 - 8*w
		return scheme.Fixnum(int64(bits<<shift) >> shift)
	case bits > math.MaxInt64:
		return scheme.NormBig(new(big.Int).SetUint64(bits))
	}
	return scheme.Fixnum(int64(bits))
}

func numberVectorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *scheme.NumVector, *scheme.Bytevector:
		return scheme.True, nil
	}
	return scheme.False, nil
}

func releaseNumberVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}

// Library is the (srfi 4) binding table: CHICKEN's (srfi 4) module. The
// per-type procedures are rows without Fn, defined in srfi4.scm.
var Library = &scheme.Library{Name: "(srfi 4)", Doc: "SRFI-4: homogeneous numeric vectors, with CHICKEN's blob conversions, subvectors and u8vector I/O.",
	Source: scheme.LibrarySource("srfi4.scm", source), Procs: append([]scheme.Proc{
		{Name: "number-vector?", Spec: chicken, Doc: "Is obj a SRFI-4 vector of any type (a bytevector counts as a u8vector)?", Args: scheme.Lambda(req("obj", nil)), Fn: numberVectorP},
		{Name: "release-number-vector", Spec: chicken, Doc: "Releases a vector allocated outside the garbage-collected heap: nothing to do, as every vector is collected.", Args: scheme.Lambda(req("nvector", nil)), Fn: releaseNumberVector},
		{Name: "read-u8vector", Spec: chicken, Sig: "(read-u8vector [length [port]])", Doc: "A fresh u8vector of up to length bytes (all of them for #f) read from port, or #!eof at end of file."},
		{Name: "read-u8vector!", Spec: chicken, Sig: "(read-u8vector! length u8vector [port [start]])", Doc: "Reads up to length bytes (to the vector's end for #f) from port into u8vector at start; returns the number read."},
		{Name: "write-u8vector", Spec: chicken, Sig: "(write-u8vector u8vector [port [start [end]]])", Doc: "Writes the bytes of u8vector from start to end to port."},
		{Name: "%make-numvector", Spec: chicken, Doc: "A new vector of n elements of the kind tag, each fill (default 0).", Args: scheme.Lambda(req("tag", kind), req("n", index), opt("fill", nil, nil)), Fn: internalMakeNumvector},
		{Name: "%list->numvector", Spec: chicken, Doc: "A new vector of the kind tag of the elements of list.", Args: scheme.Lambda(req("tag", kind), req("list", scheme.TypeList)), Fn: internalListToNumvector},
		{Name: "%numvector?", Spec: chicken, Doc: "Is obj a vector of the kind tag?", Args: scheme.Lambda(req("tag", kind), req("obj", nil)), Fn: internalNumvectorP},
		{Name: "%numvector-length", Spec: chicken, Doc: "The length of a vector of the kind tag.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec)), Fn: internalNumvectorLength},
		{Name: "%numvector-ref", Spec: chicken, Doc: "Element i of a vector of the kind tag.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec), req("i", index)), Fn: internalNumvectorRef},
		{Name: "%numvector-set!", Spec: chicken, Doc: "Stores x, checked against the kind tag, as element i.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec), req("i", index), req("x", nil)), Fn: internalNumvectorSetBang},
		{Name: "%numvector->list", Spec: chicken, Doc: "The elements from start to end as a list.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec), opt("start", index, nil), opt("end", index, nil)), Fn: internalNumvectorToList},
		{Name: "%subnumvector", Spec: chicken, Doc: "A new vector of the elements from start to end.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec), opt("start", index, nil), opt("end", index, nil)), Fn: internalSubnumvector},
		{Name: "%numvector->blob", Spec: chicken, Doc: "The elements packed little-endian into a new blob.", Args: scheme.Lambda(req("tag", kind), req("vector", numvec)), Fn: internalNumvectorToBlob},
		{Name: "%blob->numvector", Spec: chicken, Doc: "A new vector of the kind tag unpacked (little-endian) from blob.", Args: scheme.Lambda(req("tag", kind), req("blob", nil)), Fn: internalBlobToNumvector},
	}, typedRows...)}
