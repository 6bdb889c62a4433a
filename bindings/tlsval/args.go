// Argument helpers shared by the TLS binding tables: type checks, ms → Duration, string lists.

package tlsval

import (
	"crypto/x509"
	"fmt"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// FromGo converts a Go value carried in a condition (arguments, causes) to
// a Scheme value: strings, ints, bools, []byte, certificates, Scheme
// values; anything else as its printed text.
func FromGo(v any) scheme.Value {
	switch x := v.(type) {
	case nil:
		return scheme.False
	case scheme.Value:
		return x
	case string:
		return scheme.NewString(x)
	case int:
		return scheme.Fixnum(x)
	case int64:
		return scheme.Fixnum(x)
	case bool:
		return scheme.MakeBool(x)
	case []byte:
		return &scheme.Bytevector{B: append([]byte(nil), x...)}
	case *x509.Certificate:
		return CertificateValue(x)
	}
	return scheme.NewString(fmt.Sprint(v))
}

// Absent reports whether an optional or keyword argument was not given.
func Absent(v scheme.Value) bool { return v == scheme.Default }

// Given reports whether v was given and is not #f.
func Given(v scheme.Value) bool { return v != scheme.Default && v != scheme.Value(scheme.False) }

// Bool returns the truth of v, or def when v is absent.
func Bool(v scheme.Value, def bool) bool {
	if v == scheme.Default {
		return def
	}
	return scheme.Truthy(v)
}

// Str returns the Go string of an argument declared [TypeName] (a string
// or a symbol), or "" for #f and absent arguments (scheme.OrFalse).
func Str(v scheme.Value) string {
	switch x := v.(type) {
	case *scheme.String:
		return x.String()
	case *scheme.Symbol:
		return x.Name
	}
	return ""
}

// Num returns the int of an argument declared [TypeFixnum], or def for #f
// and absent arguments (scheme.OrFalse).
func Num(v scheme.Value, def int) int {
	if n, ok := v.(scheme.Fixnum); ok {
		return int(n)
	}
	return def
}

// MS converts a spec "ms" value (exact milliseconds or #f = no limit) to a
// Duration (0 = no limit).
func MS(who string, pos int, v scheme.Value) (time.Duration, error) {
	switch x := v.(type) {
	case scheme.Fixnum:
		if x < 0 {
			return 0, scheme.RangeError(who, pos, "timeout must not be negative", v)
		}
		return time.Duration(x) * time.Millisecond, nil
	case scheme.Flonum:
		if x < 0 {
			return 0, scheme.RangeError(who, pos, "timeout must not be negative", v)
		}
		return time.Duration(float64(x) * float64(time.Millisecond)), nil
	}
	if v == scheme.Value(scheme.False) || v == scheme.Default {
		return 0, nil
	}
	return 0, scheme.TypeError(who, pos, "milliseconds or #f", v)
}

// StringsOf converts an argument declared [TypeStrings] (ALPN names,
// curves) to Go strings.
func StringsOf(v scheme.Value) []string {
	out, _, _ := StringItems(v, true)
	return out
}

// StringItems converts the elements of a proper list of strings or
// bytevectors (and symbols when symbols is true) to Go strings. isList is
// false when v is not a proper list; ok is false when it is not, or when an
// element is of another type.
func StringItems(v scheme.Value, symbols bool) (out []string, isList, ok bool) {
	items, isList := scheme.ListToSlice(v)
	if !isList {
		return nil, false, false
	}
	out = make([]string, 0, len(items))
	for _, it := range items {
		switch x := it.(type) {
		case *scheme.String:
			out = append(out, x.String())
		case *scheme.Bytevector:
			out = append(out, string(x.B))
		case *scheme.Symbol:
			if !symbols {
				return nil, true, false
			}
			out = append(out, x.Name)
		default:
			return nil, true, false
		}
	}
	return out, true, true
}

// StringList returns strs as a Scheme list of strings.
func StringList(strs []string) scheme.Value {
	vals := make([]scheme.Value, len(strs))
	for i, s := range strs {
		vals[i] = scheme.NewString(s)
	}
	return scheme.List(vals...)
}
