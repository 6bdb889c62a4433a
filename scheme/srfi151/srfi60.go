// SRFI-60 integers as bits: the rows of (srfi 60), most of them SRFI-151's.

package srfi151

import (
	"slices"

	"github.com/tlsport/tlsport/scheme"
)

const spec60 = "srfi-60"

func variadic() scheme.Params { return scheme.Lambda(scheme.SpreadRest("n", integer)) }

// SRFI60 is the (srfi 60) binding table: SRFI-151's rows it shares, SRFI-60's
// own names for them, and its procedures of integers as lists of booleans
// (the most significant bit first, where SRFI-151's bits->list puts the
// least significant first). Its rows are put together on first use.
var SRFI60 = &scheme.Library{Name: "(srfi 60)", Doc: "SRFI-60: integers as bits.", ImportOnly: true, Build: buildSRFI60}

func buildSRFI60(l *scheme.Library) {
	l.Reexports = []string{"bitwise-and", "bitwise-ior", "bitwise-xor", "bitwise-not", "arithmetic-shift", "integer-length"}
	l.Procs = slices.Concat(Library.Procs[:nShared], []scheme.Proc{
		{Name: "logand", Spec: spec60, LazyArgs: variadic, Fn: logand, Doc: "bitwise-and: the bitwise and of the ns (-1 for none)."},
		{Name: "logior", Spec: spec60, LazyArgs: variadic, Fn: logior, Doc: "bitwise-ior: the bitwise inclusive or of the ns (0 for none)."},
		{Name: "logxor", Spec: spec60, LazyArgs: variadic, Fn: logxor, Doc: "bitwise-xor: the bitwise exclusive or of the ns (0 for none)."},
		{Name: "lognot", Spec: spec60, LazyArgs: oneInt, Fn: lognot, Doc: "bitwise-not: -i-1."},
		{Name: "ash", Spec: spec60, LazyArgs: twoInts, Fn: ash, Doc: "arithmetic-shift: i shifted left by j bits (right when j is negative)."},
		{Name: "bitwise-merge", Spec: spec60, LazyArgs: maskArgs, Fn: bitwiseIf, Doc: "Same as bitwise-if."},
		{Name: "any-bits-set?", Spec: spec60, LazyArgs: twoInts, Fn: anyBitsSetP, Doc: "Is any bit set in i set in j?"},
		{Name: "logtest", Spec: spec60, LazyArgs: twoInts, Fn: anyBitsSetP, Doc: "Same as any-bits-set?."},
		{Name: "logcount", Spec: spec60, LazyArgs: oneInt, Fn: bitCount, Doc: "Same as bit-count."},
		{Name: "log2-binary-factors", Spec: spec60, LazyArgs: oneInt, Fn: firstSetBit, Doc: "Same as first-set-bit."},
		{Name: "logbit?", Spec: spec60, LazyArgs: indexArgs, Fn: bitSetP, Doc: "Same as bit-set?."},
		{Name: "copy-bit-field", Spec: spec60, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("to", integer), scheme.Req("from", integer), scheme.Req("start", index), scheme.Req("end", index))
		}, Fn: copyBitField, Doc: "to with bits start to end replaced by the low end-start bits of from."},
		{Name: "rotate-bit-field", Spec: spec60, LazyArgs: rotateArgs, Fn: rotateBitField,
			Doc: "i with the field from start to end rotated left by count bits (right for a negative count)."},
		{Name: "reverse-bit-field", Spec: spec60, LazyArgs: fieldArgs, Fn: reverseBitField,
			Doc: "i with the order of the bits from start to end reversed."},
		{Name: "integer->list", Spec: spec60, LazyArgs: toBitsArgs, Fn: integerToList,
			Doc: "The len (by default the integer-length of i) low bits of i as booleans, the most significant first."},
		{Name: "list->integer", Spec: spec60, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("list", scheme.TypeList)) }, Fn: listToInteger,
			Doc: "The non-negative integer whose bits are the booleans of list (true for 1), the most significant first."},
		{Name: "booleans->integer", Spec: spec60, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("bool", nil)) }, Fn: booleansToInteger,
			Doc: "list->integer of the arguments."},
	})
}

// logand implements logand.
func logand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "logand", "bitwise-and", a)
}

// logior implements logior.
func logior(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "logior", "bitwise-ior", a)
}

// logxor implements logxor.
func logxor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "logxor", "bitwise-xor", a)
}

// lognot implements lognot.
func lognot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "lognot", "bitwise-not", a)
}

// ash implements ash.
func ash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallGlobal(th, "ash", "arithmetic-shift", a)
}

// anyBitsSetP implements any-bits-set?.
func anyBitsSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return anyBitSetP(th, a) }

// copyBitField implements copy-bit-field.
func copyBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return replaceField("copy-bit-field", a)
}

// rotateBitField implements rotate-bit-field.
func rotateBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return rotate("rotate-bit-field", a)
}

// reverseBitField implements reverse-bit-field.
func reverseBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return reverse("reverse-bit-field", a)
}

// integerToList implements integer->list.
func integerToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := bitList(a)
	if err != nil {
		return nil, err
	}
	slices.Reverse(l)
	return scheme.List(l...), nil
}

// listToInteger implements list->integer.
func listToInteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	slices.Reverse(l)
	return fromBits(l), nil
}

// booleansToInteger implements booleans->integer.
func booleansToInteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l := slices.Clone(a)
	slices.Reverse(l)
	return fromBits(l), nil
}
