// (rnrs bytevectors), r6rs-lib §2: endianness, sized integer and IEEE-754 references, list and string conversions.

package rnrs

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

var typeEndianness = &scheme.Type{Name: "endianness (big or little)", Accept: func(v scheme.Value) bool {
	s, ok := v.(*scheme.Symbol)
	return ok && (s.Name == "big" || s.Name == "little")
}}

func order(v scheme.Value) binary.ByteOrder {
	if s, ok := v.(*scheme.Symbol); ok && s.Name == "big" {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func bvOf(v scheme.Value) []byte { return v.(*scheme.Bytevector).B }

// nativeOrder is the byte order of the -native- procedures, which work
// only at indices that are a multiple of the size (r6rs-lib §2.5-§2.8).
var nativeOrder binary.ByteOrder = nativeBO{binary.LittleEndian}

type nativeBO struct{ binary.ByteOrder }

// span checks that size bytes at index k fit in b, and that k is aligned
// when o is nativeOrder.
func span(b []byte, k scheme.Value, size int, o binary.ByteOrder) (int, error) {
	i := int(k.(scheme.Fixnum))
	if i+size > len(b) {
		return 0, scheme.RangeError("", 2, "index beyond the bytevector", k)
	}
	if _, ok := o.(nativeBO); ok && i%size != 0 {
		return 0, scheme.RangeError("", 2, "index not a multiple of the size", k)
	}
	return i, nil
}

// refInt reads a size-byte integer at a[1] of bytevector a[0] in byte order o.
func refInt(a []scheme.Value, size int, signed bool, o binary.ByteOrder) (scheme.Value, error) {
	b := bvOf(a[0])
	i, err := span(b, a[1], size, o)
	if err != nil {
		return nil, err
	}
	var u uint64
	switch size {
	case 1:
		u = uint64(b[i])
	case 2:
		u = uint64(o.Uint16(b[i:]))
	case 4:
		u = uint64(o.Uint32(b[i:]))
	case 8:
		u = o.Uint64(b[i:])
	}
	if signed {
		shift := 64 - 8*size
		return scheme.Fixnum(int64(u<<shift) >> shift), nil
	}
	if u > math.MaxInt64 {
		return scheme.NormBig(new(big.Int).SetUint64(u)), nil
	}
	return scheme.Fixnum(u), nil
}

// fits reports whether n is a size-byte integer, two's complement when signed.
func fits(n *big.Int, size int, signed bool) bool {
	lo, hi := new(big.Int), new(big.Int).Lsh(big.NewInt(1), uint(8*size))
	if signed {
		hi.Rsh(hi, 1)
		lo.Neg(hi)
	}
	return n.Cmp(lo) >= 0 && n.Cmp(hi) < 0
}

// setInt writes the exact integer a[2] as a size-byte integer at a[1].
func setInt(a []scheme.Value, size int, signed bool, o binary.ByteOrder) (scheme.Value, error) {
	b := bvOf(a[0])
	i, err := span(b, a[1], size, o)
	if err != nil {
		return nil, err
	}
	n := scheme.BigOf(a[2])
	if !fits(n, size, signed) {
		return nil, scheme.RangeError("", 3, "does not fit", a[2])
	}
	var u uint64
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	} else {
		u = n.Uint64()
	}
	switch size {
	case 1:
		b[i] = byte(u)
	case 2:
		o.PutUint16(b[i:], uint16(u))
	case 4:
		o.PutUint32(b[i:], uint32(u))
	case 8:
		o.PutUint64(b[i:], u)
	}
	return scheme.Unspecified, nil
}

// bigOf decodes size bytes at b as an integer in order o.
func bigOf(b []byte, big_ bool, signed bool) *big.Int {
	be := make([]byte, len(b))
	copy(be, b)
	if !big_ {
		for l, r := 0, len(be)-1; l < r; l, r = l+1, r-1 {
			be[l], be[r] = be[r], be[l]
		}
	}
	return scheme.BigFromBytes(be, signed)
}

// putBig writes n into b (len(b) bytes) in order big or little; false when it does not fit.
func putBig(b []byte, n *big.Int, bigEndian, signed bool) bool {
	if !fits(n, len(b), signed) {
		return false
	}
	scheme.PutBigBytes(b, n)
	if !bigEndian {
		for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
			b[l], b[r] = b[r], b[l]
		}
	}
	return true
}

// sizeArg returns the byte size a[i], which must be positive (r6rs-lib §2.5).
func sizeArg(a []scheme.Value, i int) (int, error) {
	n := int(a[i].(scheme.Fixnum))
	if n < 1 {
		return 0, scheme.RangeError("", i+1, "size not positive", a[i])
	}
	return n, nil
}

func isBig(v scheme.Value) bool { s, ok := v.(*scheme.Symbol); return ok && s.Name == "big" }

// intRef reads the integer of a[3] bytes at index a[1] of bytevector a[0]
// in endianness a[2], two's complement when signed.
func intRef(a []scheme.Value, signed bool) (scheme.Value, error) {
	b := bvOf(a[0])
	size, err := sizeArg(a, 3)
	if err != nil {
		return nil, err
	}
	i, err := span(b, a[1], size, nil)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(bigOf(b[i:i+size], isBig(a[2]), signed)), nil
}

// bytevectorUintRef implements bytevector-uint-ref.
func bytevectorUintRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return intRef(a, false)
}

// bytevectorSintRef implements bytevector-sint-ref.
func bytevectorSintRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return intRef(a, true)
}

func setSized(a []scheme.Value, signed bool) (scheme.Value, error) {
	b := bvOf(a[0])
	size, err := sizeArg(a, 4)
	if err != nil {
		return nil, err
	}
	i, err := span(b, a[1], size, nil)
	if err != nil {
		return nil, err
	}
	if !putBig(b[i:i+size], scheme.BigOf(a[2]), isBig(a[3]), signed) {
		return nil, scheme.RangeError("", 3, "does not fit", a[2])
	}
	return scheme.Unspecified, nil
}

// bytevectorUintSetBang implements bytevector-uint-set!.
func bytevectorUintSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setSized(a, false)
}

// bytevectorSintSetBang implements bytevector-sint-set!.
func bytevectorSintSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setSized(a, true)
}

func toList(a []scheme.Value, signed bool) (scheme.Value, error) {
	b := bvOf(a[0])
	size := int(a[2].(scheme.Fixnum))
	if size == 0 || len(b)%size != 0 {
		return nil, scheme.RangeError("", 3, "size does not divide the length", a[2])
	}
	out := make([]scheme.Value, 0, len(b)/size)
	for i := 0; i < len(b); i += size {
		out = append(out, scheme.NormBig(bigOf(b[i:i+size], isBig(a[1]), signed)))
	}
	return scheme.List(out...), nil
}

// bytevectorToUintList implements bytevector->uint-list.
func bytevectorToUintList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toList(a, false)
}

// bytevectorToSintList implements bytevector->sint-list.
func bytevectorToSintList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toList(a, true)
}

func fromList(a []scheme.Value, signed bool) (scheme.Value, error) {
	l, err := scheme.ListArg("", 1, a[0])
	if err != nil {
		return nil, err
	}
	size, err := sizeArg(a, 2)
	if err != nil {
		return nil, err
	}
	b := make([]byte, len(l)*size)
	for i, v := range l {
		if !scheme.IsExactInteger(v) || !putBig(b[i*size:(i+1)*size], scheme.BigOf(v), isBig(a[1]), signed) {
			return nil, scheme.RangeError("", 1, "element does not fit", v)
		}
	}
	return &scheme.Bytevector{B: b}, nil
}

// uintListToBytevector implements uint-list->bytevector.
func uintListToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fromList(a, false)
}

// sintListToBytevector implements sint-list->bytevector.
func sintListToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fromList(a, true)
}

// native is the native byte order (every platform Go runs tlsport on is little-endian or says so).
var native = scheme.Value(scheme.Intern("little"))

// nativeEndianness implements native-endianness.
func nativeEndianness(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return native, nil }

// makeBytevector implements make-bytevector (R6RS: fill from -128 to 255).
func makeBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, err := scheme.ArgSize(1, a[0], 1)
	if err != nil {
		return nil, err
	}
	b := make([]byte, k)
	if !scheme.IsDefault(a[1]) {
		n, ok := a[1].(scheme.Fixnum)
		if !ok || n < -128 || n > 255 {
			return nil, scheme.RangeError("", 2, "fill not in -128..255", a[1])
		}
		for i := range b {
			b[i] = byte(n)
		}
	}
	return &scheme.Bytevector{B: b}, nil
}

// bytevectorEqP implements bytevector=?.
func bytevectorEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(string(bvOf(a[0])) == string(bvOf(a[1]))), nil
}

// bytevectorFillBang implements bytevector-fill!.
func bytevectorFillBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, ok := a[1].(scheme.Fixnum)
	if !ok || n < -128 || n > 255 {
		return nil, scheme.RangeError("", 2, "not a byte", a[1])
	}
	b := bvOf(a[0])
	for i := range b {
		b[i] = byte(n)
	}
	return scheme.Unspecified, nil
}

// bytevectorCopyBang implements bytevector-copy! (R6RS argument order).
func bytevectorCopyBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	src, dst := bvOf(a[0]), bvOf(a[2])
	ss, ds, k := int(a[1].(scheme.Fixnum)), int(a[3].(scheme.Fixnum)), int(a[4].(scheme.Fixnum))
	if ss+k > len(src) || ds+k > len(dst) {
		return nil, scheme.RangeError("", 5, "count beyond a bytevector", a[4])
	}
	copy(dst[ds:ds+k], src[ss:ss+k])
	return scheme.Unspecified, nil
}

// u8ListToBytevector implements u8-list->bytevector.
func u8ListToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := scheme.ListArg("", 1, a[0])
	if err != nil {
		return nil, err
	}
	b := make([]byte, len(l))
	for i, v := range l {
		n, ok := v.(scheme.Fixnum)
		if !ok || n < 0 || n > 255 {
			return nil, scheme.TypeError("", 1, "list of octets", a[0])
		}
		b[i] = byte(n)
	}
	return &scheme.Bytevector{B: b}, nil
}

// bytevectorToU8List implements bytevector->u8-list.
func bytevectorToU8List(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b := bvOf(a[0])
	out := make([]scheme.Value, len(b))
	for i, c := range b {
		out[i] = scheme.Fixnum(c)
	}
	return scheme.List(out...), nil
}

func refFloat(a []scheme.Value, size int, o binary.ByteOrder) (scheme.Value, error) {
	b := bvOf(a[0])
	i, err := span(b, a[1], size, o)
	if err != nil {
		return nil, err
	}
	if size == 4 {
		return scheme.Flonum(math.Float32frombits(o.Uint32(b[i:]))), nil
	}
	return scheme.Flonum(math.Float64frombits(o.Uint64(b[i:]))), nil
}

func setFloat(a []scheme.Value, size int, o binary.ByteOrder) (scheme.Value, error) {
	b := bvOf(a[0])
	i, err := span(b, a[1], size, o)
	if err != nil {
		return nil, err
	}
	f := scheme.ToFloat(a[2])
	if size == 4 {
		o.PutUint32(b[i:], math.Float32bits(float32(f)))
	} else {
		o.PutUint64(b[i:], math.Float64bits(f))
	}
	return scheme.Unspecified, nil
}

func endianArg(a []scheme.Value, i int, def binary.ByteOrder) binary.ByteOrder {
	if i < len(a) && !scheme.IsDefault(a[i]) {
		return order(a[i])
	}
	return def
}

// stringToUtf16 implements string->utf16.
func stringToUtf16(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	o := endianArg(a, 1, binary.BigEndian)
	units := utf16.Encode(a[0].(*scheme.String).Runes())
	b := make([]byte, 2*len(units))
	for i, u := range units {
		o.PutUint16(b[2*i:], u)
	}
	return &scheme.Bytevector{B: b}, nil
}

// stringToUtf32 implements string->utf32.
func stringToUtf32(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	o := endianArg(a, 1, binary.BigEndian)
	rs := a[0].(*scheme.String).Runes()
	b := make([]byte, 4*len(rs))
	for i, r := range rs {
		o.PutUint32(b[4*i:], uint32(r))
	}
	return &scheme.Bytevector{B: b}, nil
}

// bom returns the byte order given by a BOM at the start of b (size 2 or
// 4), unless mandatory is true, and how many bytes it takes.
func bom(b []byte, size int, o binary.ByteOrder, a []scheme.Value) (binary.ByteOrder, int) {
	if len(a) > 2 && a[2] != scheme.False && !scheme.IsDefault(a[2]) {
		return o, 0
	}
	if len(b) >= size {
		switch {
		case size == 2 && b[0] == 0xFE && b[1] == 0xFF, size == 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
			return binary.BigEndian, size
		case size == 2 && b[0] == 0xFF && b[1] == 0xFE, size == 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
			return binary.LittleEndian, size
		}
	}
	return o, 0
}

// utf16ToString implements utf16->string.
func utf16ToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b := bvOf(a[0])
	o, skip := bom(b, 2, order(a[1]), a)
	b = b[skip:]
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = o.Uint16(b[2*i:])
	}
	rs := utf16.Decode(units)
	if len(b)%2 == 1 {
		rs = append(rs, utf8.RuneError)
	}
	return scheme.NewStringRunes(rs), nil
}

// utf32ToString implements utf32->string.
func utf32ToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b := bvOf(a[0])
	o, skip := bom(b, 4, order(a[1]), a)
	b = b[skip:]
	rs := make([]rune, 0, len(b)/4)
	for i := 0; i+4 <= len(b); i += 4 {
		r := rune(o.Uint32(b[i:]))
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		rs = append(rs, r)
	}
	if len(b)%4 != 0 {
		rs = append(rs, utf8.RuneError)
	}
	return scheme.NewStringRunes(rs), nil
}

// bytevectorS8Ref implements bytevector-s8-ref.
func bytevectorS8Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 1, true, binary.LittleEndian)
}

// bytevectorS8SetBang implements bytevector-s8-set!.
func bytevectorS8SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 1, true, binary.LittleEndian)
}

// bytevectorU16Ref implements bytevector-u16-ref.
func bytevectorU16Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 2, false, order(a[2]))
}

// bytevectorU16SetBang implements bytevector-u16-set!.
func bytevectorU16SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 2, false, order(a[3]))
}

// bytevectorU16NativeRef implements bytevector-u16-native-ref.
func bytevectorU16NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 2, false, nativeOrder)
}

// bytevectorU16NativeSetBang implements bytevector-u16-native-set!.
func bytevectorU16NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 2, false, nativeOrder)
}

// bytevectorS16Ref implements bytevector-s16-ref.
func bytevectorS16Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 2, true, order(a[2]))
}

// bytevectorS16SetBang implements bytevector-s16-set!.
func bytevectorS16SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 2, true, order(a[3]))
}

// bytevectorS16NativeRef implements bytevector-s16-native-ref.
func bytevectorS16NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 2, true, nativeOrder)
}

// bytevectorS16NativeSetBang implements bytevector-s16-native-set!.
func bytevectorS16NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 2, true, nativeOrder)
}

// bytevectorU32Ref implements bytevector-u32-ref.
func bytevectorU32Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 4, false, order(a[2]))
}

// bytevectorU32SetBang implements bytevector-u32-set!.
func bytevectorU32SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 4, false, order(a[3]))
}

// bytevectorU32NativeRef implements bytevector-u32-native-ref.
func bytevectorU32NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 4, false, nativeOrder)
}

// bytevectorU32NativeSetBang implements bytevector-u32-native-set!.
func bytevectorU32NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 4, false, nativeOrder)
}

// bytevectorS32Ref implements bytevector-s32-ref.
func bytevectorS32Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 4, true, order(a[2]))
}

// bytevectorS32SetBang implements bytevector-s32-set!.
func bytevectorS32SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 4, true, order(a[3]))
}

// bytevectorS32NativeRef implements bytevector-s32-native-ref.
func bytevectorS32NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 4, true, nativeOrder)
}

// bytevectorS32NativeSetBang implements bytevector-s32-native-set!.
func bytevectorS32NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 4, true, nativeOrder)
}

// bytevectorU64Ref implements bytevector-u64-ref.
func bytevectorU64Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 8, false, order(a[2]))
}

// bytevectorU64SetBang implements bytevector-u64-set!.
func bytevectorU64SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 8, false, order(a[3]))
}

// bytevectorU64NativeRef implements bytevector-u64-native-ref.
func bytevectorU64NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 8, false, nativeOrder)
}

// bytevectorU64NativeSetBang implements bytevector-u64-native-set!.
func bytevectorU64NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 8, false, nativeOrder)
}

// bytevectorS64Ref implements bytevector-s64-ref.
func bytevectorS64Ref(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 8, true, order(a[2]))
}

// bytevectorS64SetBang implements bytevector-s64-set!.
func bytevectorS64SetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 8, true, order(a[3]))
}

// bytevectorS64NativeRef implements bytevector-s64-native-ref.
func bytevectorS64NativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refInt(a, 8, true, nativeOrder)
}

// bytevectorS64NativeSetBang implements bytevector-s64-native-set!.
func bytevectorS64NativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setInt(a, 8, true, nativeOrder)
}

// bytevectorIeeeSingleRef implements bytevector-ieee-single-ref.
func bytevectorIeeeSingleRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refFloat(a, 4, order(a[2]))
}

// bytevectorIeeeSingleSetBang implements bytevector-ieee-single-set!.
func bytevectorIeeeSingleSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFloat(a, 4, order(a[3]))
}

// bytevectorIeeeSingleNativeRef implements bytevector-ieee-single-native-ref.
func bytevectorIeeeSingleNativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refFloat(a, 4, nativeOrder)
}

// bytevectorIeeeSingleNativeSetBang implements bytevector-ieee-single-native-set!.
func bytevectorIeeeSingleNativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFloat(a, 4, nativeOrder)
}

// bytevectorIeeeDoubleRef implements bytevector-ieee-double-ref.
func bytevectorIeeeDoubleRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refFloat(a, 8, order(a[2]))
}

// bytevectorIeeeDoubleSetBang implements bytevector-ieee-double-set!.
func bytevectorIeeeDoubleSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFloat(a, 8, order(a[3]))
}

// bytevectorIeeeDoubleNativeRef implements bytevector-ieee-double-native-ref.
func bytevectorIeeeDoubleNativeRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return refFloat(a, 8, nativeOrder)
}

// bytevectorIeeeDoubleNativeSetBang implements bytevector-ieee-double-native-set!.
func bytevectorIeeeDoubleNativeSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setFloat(a, 8, nativeOrder)
}

func bytevectorRows() []scheme.Proc {
	return []scheme.Proc{
		{Name: "endianness", Spec: specBv, Sig: "(endianness endianness-symbol)", Doc: "The symbol big or little.", Syntax: `(syntax-rules (big little) ((_ big) 'big) ((_ little) 'little) ((_ other) (syntax-error "invalid endianness (expected big or little)" other)))`},
		scheme.Row("native-endianness", specBv, "The native endianness: little.", none, nativeEndianness),
		scheme.Row("make-bytevector", specBv, "A bytevector of k bytes, each fill (-128 to 255; default 0).", lam(req("k", idx), opt("fill", typeExactInt, nil)), makeBytevector),
		scheme.Row("bytevector=?", specBv, "Do the bytevectors hold the same bytes?", lam(req("bytevector1", bv), req("bytevector2", bv)), bytevectorEqP),
		scheme.Row("bytevector-fill!", specBv, "Stores fill (-128 to 255) in every byte.", lam(req("bytevector", bv), req("fill", scheme.TypeInteger)), bytevectorFillBang),
		scheme.Row("bytevector-copy!", specBv, "Copies k bytes of source from source-start to target at target-start (R6RS argument order; overlapping ranges allowed).",
			lam(req("source", bv), req("source-start", idx), req("target", bv), req("target-start", idx), req("k", idx)), bytevectorCopyBang),
		scheme.Row("u8-list->bytevector", specBv, "Bytevector of the octets in list.", lam(req("list", nil)), u8ListToBytevector),
		scheme.Row("bytevector->u8-list", specBv, "List of the octets of bytevector.", lam(req("bytevector", bv)), bytevectorToU8List),
		scheme.Row("bytevector-uint-ref", specBv, "The unsigned integer of size bytes at index k.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness), req("size", idx)), bytevectorUintRef),
		scheme.Row("bytevector-sint-ref", specBv, "The signed integer of size bytes at index k.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness), req("size", idx)), bytevectorSintRef),
		scheme.Row("bytevector-uint-set!", specBv, "Stores n as an unsigned integer of size bytes at index k.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness), req("size", idx)), bytevectorUintSetBang),
		scheme.Row("bytevector-sint-set!", specBv, "Stores n as a signed integer of size bytes at index k.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness), req("size", idx)), bytevectorSintSetBang),
		scheme.Row("bytevector->uint-list", specBv, "The unsigned integers of size bytes making up bytevector.", lam(req("bytevector", bv), req("endianness", typeEndianness), req("size", idx)), bytevectorToUintList),
		scheme.Row("bytevector->sint-list", specBv, "The signed integers of size bytes making up bytevector.", lam(req("bytevector", bv), req("endianness", typeEndianness), req("size", idx)), bytevectorToSintList),
		scheme.Row("uint-list->bytevector", specBv, "Bytevector of the unsigned integers of list, size bytes each.", lam(req("list", nil), req("endianness", typeEndianness), req("size", idx)), uintListToBytevector),
		scheme.Row("sint-list->bytevector", specBv, "Bytevector of the signed integers of list, size bytes each.", lam(req("list", nil), req("endianness", typeEndianness), req("size", idx)), sintListToBytevector),
		scheme.Row("string->utf16", specBv, "UTF-16 encoding of string (default big-endian, no BOM).", lam(req("string", str), opt("endianness", typeEndianness, nil)), stringToUtf16),
		scheme.Row("string->utf32", specBv, "UTF-32 encoding of string (default big-endian, no BOM).", lam(req("string", str), opt("endianness", typeEndianness, nil)), stringToUtf32),
		scheme.Row("utf16->string", specBv, "Decodes UTF-16 in endianness, a BOM overriding it unless endianness-mandatory is true.",
			lam(req("bytevector", bv), req("endianness", typeEndianness), opt("endianness-mandatory", nil, nil)), utf16ToString),
		scheme.Row("utf32->string", specBv, "Decodes UTF-32 in endianness, a BOM overriding it unless endianness-mandatory is true.",
			lam(req("bytevector", bv), req("endianness", typeEndianness), opt("endianness-mandatory", nil, nil)), utf32ToString),
		scheme.Row("bytevector-s8-ref", specBv, "The signed 8-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorS8Ref),
		scheme.Row("bytevector-s8-set!", specBv, "Stores n as a signed 8-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorS8SetBang),
		scheme.Row("bytevector-u16-ref", specBv, "The unsigned 16-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorU16Ref),
		scheme.Row("bytevector-u16-set!", specBv, "Stores n as a unsigned 16-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorU16SetBang),
		scheme.Row("bytevector-u16-native-ref", specBv, "The unsigned 16-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorU16NativeRef),
		scheme.Row("bytevector-u16-native-set!", specBv, "Stores n as a unsigned 16-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorU16NativeSetBang),
		scheme.Row("bytevector-s16-ref", specBv, "The signed 16-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorS16Ref),
		scheme.Row("bytevector-s16-set!", specBv, "Stores n as a signed 16-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorS16SetBang),
		scheme.Row("bytevector-s16-native-ref", specBv, "The signed 16-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorS16NativeRef),
		scheme.Row("bytevector-s16-native-set!", specBv, "Stores n as a signed 16-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorS16NativeSetBang),
		scheme.Row("bytevector-u32-ref", specBv, "The unsigned 32-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorU32Ref),
		scheme.Row("bytevector-u32-set!", specBv, "Stores n as a unsigned 32-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorU32SetBang),
		scheme.Row("bytevector-u32-native-ref", specBv, "The unsigned 32-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorU32NativeRef),
		scheme.Row("bytevector-u32-native-set!", specBv, "Stores n as a unsigned 32-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorU32NativeSetBang),
		scheme.Row("bytevector-s32-ref", specBv, "The signed 32-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorS32Ref),
		scheme.Row("bytevector-s32-set!", specBv, "Stores n as a signed 32-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorS32SetBang),
		scheme.Row("bytevector-s32-native-ref", specBv, "The signed 32-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorS32NativeRef),
		scheme.Row("bytevector-s32-native-set!", specBv, "Stores n as a signed 32-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorS32NativeSetBang),
		scheme.Row("bytevector-u64-ref", specBv, "The unsigned 64-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorU64Ref),
		scheme.Row("bytevector-u64-set!", specBv, "Stores n as a unsigned 64-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorU64SetBang),
		scheme.Row("bytevector-u64-native-ref", specBv, "The unsigned 64-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorU64NativeRef),
		scheme.Row("bytevector-u64-native-set!", specBv, "Stores n as a unsigned 64-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorU64NativeSetBang),
		scheme.Row("bytevector-s64-ref", specBv, "The signed 64-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorS64Ref),
		scheme.Row("bytevector-s64-set!", specBv, "Stores n as a signed 64-bit integer at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt), req("endianness", typeEndianness)), bytevectorS64SetBang),
		scheme.Row("bytevector-s64-native-ref", specBv, "The signed 64-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorS64NativeRef),
		scheme.Row("bytevector-s64-native-set!", specBv, "Stores n as a signed 64-bit integer at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("n", typeExactInt)), bytevectorS64NativeSetBang),
		scheme.Row("bytevector-ieee-single-ref", specBv, "The IEEE-754 single precision number at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorIeeeSingleRef),
		scheme.Row("bytevector-ieee-single-set!", specBv, "Stores x as an IEEE-754 single precision number at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("x", scheme.TypeNumber), req("endianness", typeEndianness)), bytevectorIeeeSingleSetBang),
		scheme.Row("bytevector-ieee-single-native-ref", specBv, "The IEEE-754 single precision number at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorIeeeSingleNativeRef),
		scheme.Row("bytevector-ieee-single-native-set!", specBv, "Stores x as an IEEE-754 single precision number at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("x", scheme.TypeNumber)), bytevectorIeeeSingleNativeSetBang),
		scheme.Row("bytevector-ieee-double-ref", specBv, "The IEEE-754 double precision number at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("endianness", typeEndianness)), bytevectorIeeeDoubleRef),
		scheme.Row("bytevector-ieee-double-set!", specBv, "Stores x as an IEEE-754 double precision number at index k in the given endianness.", lam(req("bytevector", bv), req("k", idx), req("x", scheme.TypeNumber), req("endianness", typeEndianness)), bytevectorIeeeDoubleSetBang),
		scheme.Row("bytevector-ieee-double-native-ref", specBv, "The IEEE-754 double precision number at index k (native byte order).", lam(req("bytevector", bv), req("k", idx)), bytevectorIeeeDoubleNativeRef),
		scheme.Row("bytevector-ieee-double-native-set!", specBv, "Stores x as an IEEE-754 double precision number at index k (native byte order).", lam(req("bytevector", bv), req("k", idx), req("x", scheme.TypeNumber)), bytevectorIeeeDoubleNativeSetBang),
	}
}
