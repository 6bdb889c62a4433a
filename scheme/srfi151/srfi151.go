// SRFI-151 and SRFI-60 bit operations: the rows of (srfi 151) and (srfi
// 60), Go functions over math/big (bits.go, srfi60.go) but for the
// procedures taking procedures, in srfi151.scm.

// Package srfi151 is SRFI-151, (srfi 151), (srfi :151 bitwise-operations)
// or srfi-151, and SRFI-60, (srfi 60), (srfi :60 integer-bits) or srfi-60:
// bitwise operations on exact integers of any size in two's complement.
// The two SRFIs share most of their procedures, so one package holds both
// (a library package may import no other). Both are ImportOnly; the
// procedures they share with (chicken bitwise) — bitwise-and,
// bitwise-ior, bitwise-xor, bitwise-not, arithmetic-shift and
// integer-length — are those, re-exported.
package srfi151

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi151.scm
var source string

const spec = "srfi-151"

func oneInt() scheme.Params { return scheme.Lambda(scheme.Req("i", integer)) }

func twoInts() scheme.Params {
	return scheme.Lambda(scheme.Req("i", integer), scheme.Req("j", integer))
}

func maskArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("mask", integer), scheme.Req("i", integer), scheme.Req("j", integer))
}

// fieldArgs are an integer, then start and end.
func fieldArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("i", integer), scheme.Req("start", index), scheme.Req("end", index))
}

func replaceArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("dest", integer), scheme.Req("source", integer), scheme.Req("start", index), scheme.Req("end", index))
}

func rotateArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("i", integer), scheme.Req("count", integer), scheme.Req("start", index), scheme.Req("end", index))
}

func indexArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("index", index), scheme.Req("i", integer))
}

func toBitsArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("i", integer), scheme.Opt("len", index, nil))
}

// Library is the (srfi 151) binding table. Its first nShared rows are
// SRFI-60's too.
var Library = &scheme.Library{Name: "(srfi 151)", Doc: "SRFI-151: bitwise operations on exact integers.", ImportOnly: true,
	Source:    scheme.LibrarySource("srfi151.scm", source),
	Reexports: []string{"bitwise-not", "bitwise-and", "bitwise-ior", "bitwise-xor", "arithmetic-shift", "integer-length"},
	Procs: []scheme.Proc{
		{Name: "bit-count", Spec: spec, LazyArgs: oneInt, Fn: bitCount,
			Doc: "The number of 1 bits of i if it is not negative, else of its 0 bits (in two's complement)."},
		{Name: "bitwise-if", Spec: spec, LazyArgs: maskArgs, Fn: bitwiseIf,
			Doc: "The bits of i where mask has a 1, of j where it has a 0."},
		{Name: "bit-set?", Spec: spec, LazyArgs: indexArgs, Fn: bitSetP,
			Doc: "Is bit index of i set (bit 0 the least significant, in two's complement)?"},
		{Name: "copy-bit", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("index", index), scheme.Req("i", integer), scheme.Req("boolean", nil))
		}, Fn: copyBit,
			Doc: "i with bit index set if boolean is true, cleared if it is #f."},
		{Name: "first-set-bit", Spec: spec, LazyArgs: oneInt, Fn: firstSetBit,
			Doc: "The index of the lowest 1 bit of i, -1 for 0."},
		{Name: "bit-field", Spec: spec, LazyArgs: fieldArgs, Fn: bitField,
			Doc: "Bits start (inclusive) to end (exclusive) of i, shifted down to bit 0."},
		{Name: "bitwise-eqv", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("i", integer)) }, Fn: bitwiseEqv,
			Doc: "The bitwise equivalence (not xor) of the is, folded from the left; -1 for none."},
		{Name: "bitwise-nand", Spec: spec, LazyArgs: twoInts, Fn: bitwiseNand, Doc: "(bitwise-not (bitwise-and i j))."},
		{Name: "bitwise-nor", Spec: spec, LazyArgs: twoInts, Fn: bitwiseNor, Doc: "(bitwise-not (bitwise-ior i j))."},
		{Name: "bitwise-andc1", Spec: spec, LazyArgs: twoInts, Fn: bitwiseAndc1, Doc: "(bitwise-and (bitwise-not i) j)."},
		{Name: "bitwise-andc2", Spec: spec, LazyArgs: twoInts, Fn: bitwiseAndc2, Doc: "(bitwise-and i (bitwise-not j))."},
		{Name: "bitwise-orc1", Spec: spec, LazyArgs: twoInts, Fn: bitwiseOrc1, Doc: "(bitwise-ior (bitwise-not i) j)."},
		{Name: "bitwise-orc2", Spec: spec, LazyArgs: twoInts, Fn: bitwiseOrc2, Doc: "(bitwise-ior i (bitwise-not j))."},
		{Name: "bit-swap", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("index1", index), scheme.Req("index2", index), scheme.Req("i", integer))
		}, Fn: bitSwap, Doc: "i with bits index1 and index2 exchanged."},
		{Name: "any-bit-set?", Spec: spec, LazyArgs: twoInts, Fn: anyBitSetP,
			Doc: "Is any bit set in i set in j?"},
		{Name: "every-bit-set?", Spec: spec, LazyArgs: twoInts, Fn: everyBitSetP,
			Doc: "Is every bit set in i set in j?"},
		{Name: "bit-field-any?", Spec: spec, LazyArgs: fieldArgs, Fn: bitFieldAnyP, Doc: "Is any bit from start to end of i set?"},
		{Name: "bit-field-every?", Spec: spec, LazyArgs: fieldArgs, Fn: bitFieldEveryP, Doc: "Is every bit from start to end of i set?"},
		{Name: "bit-field-clear", Spec: spec, LazyArgs: fieldArgs, Fn: bitFieldClear, Doc: "i with bits start to end cleared."},
		{Name: "bit-field-set", Spec: spec, LazyArgs: fieldArgs, Fn: bitFieldSet, Doc: "i with bits start to end set."},
		{Name: "bit-field-replace", Spec: spec, LazyArgs: replaceArgs, Fn: bitFieldReplace,
			Doc: "dest with bits start to end replaced by the low end-start bits of source."},
		{Name: "bit-field-replace-same", Spec: spec, LazyArgs: replaceArgs, Fn: bitFieldReplaceSame,
			Doc: "dest with bits start to end replaced by the same bits of source."},
		{Name: "bit-field-rotate", Spec: spec, LazyArgs: rotateArgs, Fn: bitFieldRotate,
			Doc: "i with the field from start to end rotated left by count bits (right for a negative count)."},
		{Name: "bit-field-reverse", Spec: spec, LazyArgs: fieldArgs, Fn: bitFieldReverse,
			Doc: "i with the order of the bits from start to end reversed."},
		{Name: "bits->list", Spec: spec, LazyArgs: toBitsArgs, Fn: bitsToList,
			Doc: "The len (by default the integer-length of i) low bits of i as booleans, the least significant first."},
		{Name: "bits->vector", Spec: spec, LazyArgs: toBitsArgs, Fn: bitsToVector,
			Doc: "bits->list as a vector."},
		{Name: "list->bits", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("list", scheme.TypeList)) }, Fn: listToBits,
			Doc: "The non-negative integer whose bit k is set when element k of list is true, the first element the least significant bit."},
		{Name: "vector->bits", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("vector", scheme.TypeVector)) }, Fn: vectorToBits,
			Doc: "list->bits of the elements of vector."},
		{Name: "bits", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("bool", nil)) }, Fn: bits,
			Doc: "list->bits of the arguments."},
		{Name: "bitwise-fold", Spec: spec, Sig: "(bitwise-fold proc seed i)",
			Doc: "Folds (proc bit acc) over the bits of i from bit 0 up to its integer-length, from seed."},
		{Name: "bitwise-for-each", Spec: spec, Sig: "(bitwise-for-each proc i)",
			Doc: "Calls (proc bit) for the bits of i from bit 0 up to its integer-length."},
		{Name: "bitwise-unfold", Spec: spec, Sig: "(bitwise-unfold stop? mapper successor seed)",
			Doc: "The integer whose bit k is (mapper state-k), states from seed by successor until (stop? state)."},
		{Name: "make-bitwise-generator", Spec: spec, Sig: "(make-bitwise-generator i)",
			Doc: "A procedure returning the bits of i as booleans, bit 0 first, without end."},
	}}

// nShared is the number of (srfi 151)'s rows that SRFI-60 shares.
const nShared = 6
