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
// rationals n/d, decimals with exponents (radix 10) and ±inf.0, ±nan.0.
// ok is false when text is not a number. Complex numbers are not supported.
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
	v, ok := parseReal(text, radix, exactness)
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
			return nil, false
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
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
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

// FormatNumber returns the external representation of the number v in
// radix 2, 8, 10 or 16. Flonums print in the shortest form that reads back
// to the same value, with ".0" when integral; they are always radix 10.
func FormatNumber(v Value, radix int) string {
	switch x := v.(type) {
	case Fixnum:
		return strconv.FormatInt(int64(x), radix)
	case *Bignum:
		return x.I.Text(radix)
	case *Ratnum:
		return x.R.Num().Text(radix) + "/" + x.R.Denom().Text(radix)
	case Flonum:
		return formatFlonum(float64(x))
	}
	return ""
}

func formatFlonum(f float64) string {
	switch {
	case math.IsNaN(f):
		return "+nan.0"
	case math.IsInf(f, 1):
		return "+inf.0"
	case math.IsInf(f, -1):
		return "-inf.0"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		return s + ".0"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
