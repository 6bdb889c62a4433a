// Numeric literals: ParseNumber (string->number, the reader) and FormatNumber (number->string).

package scheme

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// maxExactExponent bounds the exponent of an exact decimal literal such as
// #e1e400 so that bad input cannot make the reader compute forever.
const maxExactExponent = 100000

// ParseNumber parses a numeric literal in the given default radix (2, 8, 10
// or 16): R7RS real syntax with the #x #b #o #d #e #i prefixes, integers,
// rationals n/d, decimals with exponents (radix 10) and ±inf.0, ±nan.0,
// and the complex forms of r7rs §7.1.1: a+bi, a-bi, +bi, ±i, a±i, a@b;
// and R5RS's # digits (1# is 10.0, an inexact number, as csi and Guile read
// it). ok is false when text is not a number.
func ParseNumber(text string, radix int) (Value, bool) {
	exactness := byte(0)
	radixSet := false
	for len(text) >= 2 && text[0] == '#' {
		switch text[1] {
		case 'x', 'X':
			radix = 16
		case 'b', 'B':
			radix = 2
		case 'o', 'O':
			radix = 8
		case 'd', 'D':
			radix = 10
		case 'e', 'E', 'i', 'I':
			if exactness != 0 {
				return nil, false
			}
			exactness = text[1] | 0x20
			text = text[2:]
			continue
		default:
			return nil, false
		}
		if radixSet {
			return nil, false
		}
		radixSet = true
		text = text[2:]
	}
	if text == "" {
		return nil, false
	}
	v, ok := parseComplex(text, radix, exactness)
	if !ok {
		return nil, false
	}
	switch exactness {
	case 'e':
		return ToExact(v)
	case 'i':
		return ToInexact(v), true
	}
	return v, true
}

// parseComplex parses <complex R> without prefix.
func parseComplex(text string, radix int, exactness byte) (Value, bool) {
	if last := text[len(text)-1]; last == 'i' || last == 'I' {
		body := text[:len(text)-1]
		split := -1
		for p := len(body) - 1; p > 0; p-- {
			if body[p] != '+' && body[p] != '-' {
				continue
			}
			if radix == 10 && p > 1 && isExponentMarker(body[p-1]) && (body[p-2] >= '0' && body[p-2] <= '9' || body[p-2] == '.') {
				continue
			}
			split = p
			break
		}
		re, im := "", body
		if split > 0 {
			re, im = body[:split], body[split:]
		}
		if im == "" || im[0] != '+' && im[0] != '-' {
			return nil, false
		}
		var iv Value = Fixnum(1)
		if len(im) > 1 {
			v, ok := parseReal(im, radix, exactness)
			if !ok {
				return nil, false
			}
			iv = v
		}
		if im[0] == '-' && len(im) == 1 {
			iv = Fixnum(-1)
		}
		var rv Value = Fixnum(0)
		if re != "" {
			v, ok := parseReal(re, radix, exactness)
			if !ok {
				return nil, false
			}
			rv = v
		}
		return MakeRectangular(rv, iv), true
	}
	if at := strings.IndexByte(text, '@'); at > 0 {
		m, ok1 := parseReal(text[:at], radix, exactness)
		if !ok1 || at+1 == len(text) {
			return nil, false
		}
		a, ok2 := parseReal(text[at+1:], radix, exactness)
		if !ok2 {
			return nil, false
		}
		return MakePolar(m, a), true
	}
	return parseReal(text, radix, exactness)
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// allDigits reports whether s is a non-empty run of radix digits.
func allDigits(s string, radix int) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if digitVal(s[i]) >= radix {
			return false
		}
	}
	return true
}

func parseReal(text string, radix int, exactness byte) (Value, bool) {
	sign := ""
	body := text
	if body[0] == '+' || body[0] == '-' {
		sign, body = body[:1], body[1:]
	}
	if strings.IndexByte(body, '#') >= 0 {
		zeros, ok := r5rsHashes(body, radix)
		if !ok {
			return nil, false
		}
		v, ok := parseReal(sign+zeros, radix, exactness)
		if ok && exactness != 'e' {
			v = ToInexact(v)
		}
		return v, ok
	}
	if sign != "" {
		switch strings.ToLower(body) {
		case "inf.0":
			if sign == "-" {
				return Flonum(math.Inf(-1)), true
			}
			return Flonum(math.Inf(1)), true
		case "nan.0":
			return Flonum(math.NaN()), true
		}
	}
	if i := strings.IndexByte(body, '/'); i >= 0 {
		n, d := body[:i], body[i+1:]
		if !allDigits(n, radix) || !allDigits(d, radix) {
			return nil, false
		}
		num, _ := new(big.Int).SetString(n, radix)
		den, _ := new(big.Int).SetString(d, radix)
		if sign == "-" {
			num.Neg(num)
		}
		if den.Sign() == 0 {
			if exactness != 'i' {
				return nil, false
			}
			if num.Sign() == 0 {
				return Flonum(math.NaN()), true
			}
			return Flonum(math.Inf(num.Sign())), true
		}
		return NormRat(new(big.Rat).SetFrac(num, den)), true
	}
	if allDigits(body, radix) {
		if n, err := strconv.ParseInt(body, radix, 64); err == nil {
			if sign == "-" {
				n = -n
			}
			return Fixnum(n), true
		}
		b, _ := new(big.Int).SetString(body, radix)
		if sign == "-" {
			b.Neg(b)
		}
		return NormBig(b), true
	}
	if radix != 10 || !isDecimal(body) {
		return nil, false
	}
	if e := strings.IndexAny(body, "sSfFdDlL"); e >= 0 {
		body = body[:e] + "e" + body[e+1:] // the R4RS exponent markers
	}
	if exactness == 'e' {
		if e := strings.IndexAny(body, "eE"); e >= 0 {
			x, err := strconv.Atoi(body[e+1:])
			if err != nil || x > maxExactExponent || x < -maxExactExponent {
				return nil, false
			}
		}
		r, ok := new(big.Rat).SetString(sign + body)
		if !ok {
			return nil, false
		}
		return NormRat(r), true
	}
	f, err := strconv.ParseFloat(sign+body, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return nil, false
		}
	}
	return Flonum(f), true
}

// r5rsHashes returns body, an unsigned real, with its # digits made 0:
// R5RS §7.1.1 (and csi and guile --r7rs) read 1# as 10.0, 1#.# as 10.0,
// .5# as 0.5 and 1/2# as 0.05, an inexact number. A # may only end the
// digits of an integer (<uinteger R> is <digit R>+ #*), numerator or
// denominator, or of a decimal's fraction, and once the integer part has
// one its fraction is # only (<digit 10>+ #+ . #*). ok is false when
// body puts a # anywhere else.
func r5rsHashes(body string, radix int) (string, bool) {
	// uint reports whether s is <digit R>+ #* (digits may be absent when
	// optional), and whether it ends in #.
	uint := func(s string, optional bool) (ok, hashed bool) {
		i := 0
		for i < len(s) && digitVal(s[i]) < radix {
			i++
		}
		if i == 0 && !optional {
			return false, false
		}
		j := i
		for j < len(s) && s[j] == '#' {
			j++
		}
		return j == len(s), j > i
	}
	zeros := strings.ReplaceAll(body, "#", "0")
	if n, d, ok := strings.Cut(body, "/"); ok {
		okN, _ := uint(n, false)
		okD, _ := uint(d, false)
		return zeros, okN && okD
	}
	if ok, _ := uint(body, false); ok {
		return zeros, true
	}
	if radix != 10 {
		return "", false
	}
	mant := body
	if e := strings.IndexAny(body, "eEsSfFdDlL"); e >= 0 {
		mant = body[:e]
		if strings.IndexByte(body[e:], '#') >= 0 {
			return "", false
		}
	}
	ip, fp, point := strings.Cut(mant, ".")
	if !point {
		ok, _ := uint(ip, false)
		return zeros, ok
	}
	okI, hashedI := uint(ip, true)
	if !okI {
		return "", false
	}
	if hashedI {
		if ip[0] == '#' || strings.Trim(fp, "#") != "" {
			return "", false
		}
		return zeros, true
	}
	okF, _ := uint(fp, ip != "")
	if !okF || ip == "" && (fp == "" || fp[0] == '#') {
		return "", false
	}
	return zeros, true
}

// isDecimal checks R7RS <decimal 10> without sign: digits with at most one
// point and at least one digit, then an optional exponent.
func isDecimal(s string) bool {
	i, digits := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && isExponentMarker(s[i]) {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

// DefaultFlonumPrintPrecision is CHICKEN's flonum-print-precision: the
// significant digits of a flonum printed in radix 10.
const DefaultFlonumPrintPrecision = 15

// FormatNumber returns the external representation of the number v in
// radix 2, 8, 10 or 16. Flonums print in radix 10 as CHICKEN prints them,
// with [DefaultFlonumPrintPrecision] significant digits (C's %.15g) and
// ".0" when that shows neither a point nor an exponent; in radix 2, 8 and
// 16 they print exactly, with a point ("ff." for 255.0, "0.1" for 0.5 in
// radix 2).
func FormatNumber(v Value, radix int) string {
	return formatNumber(v, radix, DefaultFlonumPrintPrecision, false)
}

// FlonumPrintPrecision returns the significant digits with which write,
// display and number->string print flonums in radix 10 on in (CHICKEN's
// flonum-print-precision, [DefaultFlonumPrintPrecision] unless set).
func (in *Interp) FlonumPrintPrecision() int {
	if n := in.flonumPrec.Load(); n > 0 {
		return int(n)
	}
	return DefaultFlonumPrintPrecision
}

// MaxFlonumPrintPrecision bounds the flonum print precision (a double's
// exact decimal expansion has at most 767 significant digits).
const MaxFlonumPrintPrecision = 767

// SetFlonumPrintPrecision sets in's flonum print precision to n digits,
// clamped to 1 … [MaxFlonumPrintPrecision], and returns the previous one.
// 17 digits print every flonum so that it reads back the same.
func (in *Interp) SetFlonumPrintPrecision(n int) int {
	old := in.FlonumPrintPrecision()
	in.flonumPrec.Store(int32(min(max(n, 1), MaxFlonumPrintPrecision)))
	return old
}

// FormatNumber is [FormatNumber] with flonums printed as th's interpreter
// prints them: with its [Interp.FlonumPrintPrecision], or, in an R6RS or
// R7RS program that did not set one, with the fewest digits that read back.
func (th *Thread) FormatNumber(v Value, radix int) string {
	st := th.interp.printStyle()
	return formatNumber(v, radix, st.prec, st.r7rs)
}

// SetR6RSPrinting makes in print as an R6RS system does (the program it
// runs is an R6RS top-level program): flonums with the fewest digits that
// read back (R6RS §11.7.4.4's number->string) unless flonum-print-precision
// was set, bytevectors #vu8(…), symbols without a plain spelling with
// \x<hex>; escapes instead of |…|.
func (in *Interp) SetR6RSPrinting() { in.r6rsProgram.Store(true) }

// printStyle returns how in prints.
func (in *Interp) printStyle() printStyle {
	st := printStyle{prec: in.FlonumPrintPrecision(), r6rs: in.r6rsProgram.Load(), r7rs: in.r7rsProgram.Load()}
	if (st.r6rs || st.r7rs) && in.flonumPrec.Load() == 0 {
		st.prec = -1
	}
	return st
}

// formatNumber is FormatNumber with prec significant digits for radix-10
// flonums (the interpreter's flonum-print-precision).
//
// An exact complex number is written whole, 0+1i and 1-1i, as csi and
// Chez write it; an R7RS program (r7rs) writes the report's +i and 1-i,
// leaving out an exact zero real part and an imaginary part of one.
func formatNumber(v Value, radix, prec int, r7rs bool) string {
	switch x := v.(type) {
	case *Compnum:
		re, im := "", formatNumber(x.Im, radix, prec, r7rs)
		// An inexact real part is always written, 0.0 too, as CHICKEN,
		// Chez and Guile write it (0.0+2.0i): both parts share exactness.
		if !r7rs || !(IsExact(x.Re) && Sign(x.Re) == 0) {
			re = formatNumber(x.Re, radix, prec, r7rs)
		}
		switch {
		case r7rs && im == "1":
			im = "+"
		case r7rs && im == "-1":
			im = "-"
		case im[0] != '-' && im[0] != '+':
			im = "+" + im
		}
		return re + im + "i"
	case Fixnum:
		return strconv.FormatInt(int64(x), radix)
	case *Bignum:
		return x.I.Text(radix)
	case *Ratnum:
		return x.R.Num().Text(radix) + "/" + x.R.Denom().Text(radix)
	case Flonum:
		if radix != 10 && !math.IsInf(float64(x), 0) && !math.IsNaN(float64(x)) {
			return formatFlonumRadix(float64(x), radix)
		}
		return formatFlonum(float64(x), prec)
	}
	return ""
}

// maxFullIntegralFlonum bounds the integral flonums that CHICKEN prints
// with all their digits whatever the precision (1e17 as
// 100000000000000000.0, 2^64 as 1.84467440737096e+19): measured on csi
// 5.3, the bound lies between 18446744073709500416 and
// 18446744073709539328, and 2^64 - 2^15 is the power-of-two step there.
const maxFullIntegralFlonum = 1<<64 - 1<<15

// formatFlonum writes f in radix 10 as CHICKEN's number->string does: an
// integral f below maxFullIntegralFlonum with all its digits and ".0",
// else with prec significant digits (C's %.*g), then ".0" if the result
// has neither a point nor an exponent. prec -1 (an R6RS program's) is the
// fewest digits that read back, with an exponent as R6RS systems write it.
func formatFlonum(f float64, prec int) string {
	switch {
	case math.IsNaN(f):
		return "+nan.0"
	case math.IsInf(f, 1):
		return "+inf.0"
	case math.IsInf(f, -1):
		return "-inf.0"
	}
	if prec < 0 {
		return formatFlonumR6RS(f)
	}
	if f == math.Trunc(f) && math.Abs(f) < maxFullIntegralFlonum {
		return strconv.FormatFloat(f, 'f', 0, 64) + ".0"
	}
	s := strconv.FormatFloat(f, 'g', prec, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// formatFlonumR6RS writes the finite f with the fewest digits that read
// back, as Chez Scheme does: positional from 0.001 up to 1e10 (0.001,
// 9999999999.0), an exponent outside (1e10, 1.5e-7, 1e-4).
func formatFlonumR6RS(f float64) string {
	if a := math.Abs(f); a == 0 || a >= 1e-3 && a < 1e10 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	m, e, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	sign := ""
	if e[0] == '-' {
		sign = "-"
	}
	return m + "e" + sign + strings.TrimLeft(e[1:], "0")
}

// formatFlonumRadix writes the finite f exactly in radix 2, 8 or 16 (the
// binary fraction always terminates in these radices).
func formatFlonumRadix(f float64, radix int) string {
	r := toRat(Flonum(math.Abs(f)))
	ip := new(big.Int).Quo(r.Num(), r.Denom())
	frac := new(big.Rat).Sub(r, new(big.Rat).SetInt(ip))
	var sb strings.Builder
	if math.Signbit(f) {
		sb.WriteByte('-')
	}
	sb.WriteString(ip.Text(radix))
	sb.WriteByte('.')
	rad := new(big.Rat).SetInt64(int64(radix))
	// In an odd radix the fraction of a flonum never ends (its denominator
	// is a power of 2): there the digits stop once what they say reads back
	// as f, the truncated expansion having come within half an ulp of it.
	written, scale := new(big.Rat).SetInt(ip), big.NewRat(1, 1)
	for frac.Sign() != 0 {
		frac.Mul(frac, rad)
		d := new(big.Int).Quo(frac.Num(), frac.Denom())
		sb.WriteString(d.Text(radix))
		frac.Sub(frac, new(big.Rat).SetInt(d))
		if radix%2 == 1 {
			scale.Quo(scale, rad)
			written.Add(written, new(big.Rat).Mul(new(big.Rat).SetInt(d), scale))
			if back, _ := written.Float64(); back == math.Abs(f) {
				break
			}
		}
	}
	return sb.String()
}

// isExponentMarker reports whether c marks a decimal exponent: e, or the
// s f d l of R4RS/R5RS that readers still accept (1s2 is 100.0).
func isExponentMarker(c byte) bool {
	switch c | 0x20 {
	case 'e', 's', 'f', 'd', 'l':
		return true
	}
	return false
}
