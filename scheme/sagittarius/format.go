// Sagittarius's format ((sagittarius)): Gauche's directives with parameters and the @ and : flags.

package sagittarius

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

// maxParam bounds a directive's integer parameters (widths, counts), so
// that no format string makes format build an enormous string.
const maxParam = 1 << 16

// directive is one parsed format directive: its parameters (nil where
// omitted), its flags and its character.
type directive struct {
	params      []scheme.Value // scheme.Fixnum, scheme.Char or nil
	at, colon   bool
	char        byte // lower case
	upper       bool // written in upper case (~X)
	start, next int  // its offsets in the format string: the ~ and after the character
}

// param returns parameter i as an integer (def when omitted or a character).
func (d *directive) intParam(i, def int) int {
	if i < len(d.params) {
		if n, ok := d.params[i].(scheme.Fixnum); ok {
			return int(n)
		}
	}
	return def
}

// charParam returns parameter i as a character (def when omitted or an integer).
func (d *directive) charParam(i int, def rune) rune {
	if i < len(d.params) {
		if c, ok := d.params[i].(scheme.Char); ok {
			return rune(c)
		}
	}
	return def
}

// parseDirective reads the directive whose ~ is at f[i]; v parameters take
// their values from args (via next).
func parseDirective(f string, i int, next func() (scheme.Value, error)) (*directive, error) {
	d := &directive{start: i}
	i++
	// The parameters: comma-separated, each omitted, an integer, 'c (a
	// character) or v (the next argument).
	for i < len(f) {
		var p scheme.Value
		got := true
		switch c := f[i]; {
		case c == '\'' && i+1 < len(f):
			r, size := utf8.DecodeRuneInString(f[i+1:])
			p = scheme.Char(r)
			i += 1 + size
		case c == '-' || c == '+' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(f) && f[j] >= '0' && f[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(f[i:j])
			if err != nil || n > maxParam || n < -maxParam {
				return nil, scheme.NewError("format", "bad format parameter (beyond ±65536)", []scheme.Value{scheme.NewString(f[i:j])})
			}
			p, i = scheme.Fixnum(n), j
		case c == 'v' || c == 'V':
			v, err := next()
			if err != nil {
				return nil, err
			}
			switch x := v.(type) {
			case scheme.Fixnum:
				if x > maxParam || x < -maxParam {
					return nil, scheme.NewError("format", "bad format parameter (beyond ±65536)", []scheme.Value{v})
				}
				p = v
			case scheme.Char:
				p = v
			default:
				if v != scheme.Value(scheme.False) {
					return nil, scheme.NewError("format", "a v parameter must be an integer, a character or #f", []scheme.Value{v})
				}
			}
			i++
		default:
			got = false
		}
		if i < len(f) && f[i] == ',' {
			d.params = append(d.params, p)
			i++
			continue
		}
		if got {
			d.params = append(d.params, p)
		}
		break
	}
	for i < len(f) && (f[i] == '@' || f[i] == ':') {
		if f[i] == '@' {
			d.at = true
		} else {
			d.colon = true
		}
		i++
	}
	if i >= len(f) {
		return nil, scheme.NewError("format", "incomplete format directive", []scheme.Value{scheme.NewString(f[d.start:])})
	}
	c := f[i]
	d.upper = c >= 'A' && c <= 'Z'
	d.char = c | 0x20
	if c < 'A' || (c > 'Z' && c < 'a') || c > 'z' {
		d.char = c
	}
	d.next = i + 1
	return d, nil
}

// pad lays s out as the ~A directive's mincol, colinc, minpad, padchar and
// maxcol parameters and @ and : flags say.
func (d *directive) pad(s string) string {
	mincol, colinc, minpad := d.intParam(0, 0), max(d.intParam(1, 1), 1), max(d.intParam(2, 0), 0)
	padchar := string(d.charParam(3, ' '))
	if maxcol := d.intParam(4, -1); maxcol >= 0 && utf8.RuneCountInString(s) > maxcol {
		r := []rune(s)
		if d.colon {
			return string(r[:max(maxcol-4, 0)]) + " ..."
		}
		return string(r[:maxcol])
	}
	n := utf8.RuneCountInString(s)
	padding := minpad
	for n+padding < mincol {
		padding += colinc
	}
	if padding == 0 {
		return s
	}
	if d.at {
		return strings.Repeat(padchar, padding) + s
	}
	return s + strings.Repeat(padchar, padding)
}

// integer lays out the integer v in radix as the ~D directive's mincol,
// padchar, commachar and interval parameters and @ and : flags say.
func (d *directive) integer(th *scheme.Thread, v scheme.Value, radix int) string {
	digits := th.FormatNumber(v, radix)
	if d.upper {
		digits = strings.ToUpper(digits)
	}
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	} else if d.at {
		sign = "+"
	}
	if d.colon {
		comma, interval := string(d.charParam(2, ',')), max(d.intParam(3, 3), 1)
		var b strings.Builder
		for i := range len(digits) {
			if i > 0 && (len(digits)-i)%interval == 0 {
				b.WriteString(comma)
			}
			b.WriteByte(digits[i])
		}
		digits = b.String()
	}
	s := sign + digits
	if n, mincol := utf8.RuneCountInString(s), d.intParam(0, 0); n < mincol {
		s = strings.Repeat(string(d.charParam(1, ' ')), mincol-n) + s
	}
	return s
}

// sagFormat expands the format string f with args as Sagittarius's format:
// ~A ~S (with mincol, colinc, minpad, padchar, maxcol), ~D ~B ~O ~X (with
// mincol, padchar, commachar, interval; a non-integer as ~A), ~C, ~% newline,
// ~& a newline unless the text so far ends with one, ~~, ~* (skips an
// argument; with : goes back one), ~? (a format string and its argument list).
func sagFormat(th *scheme.Thread, dst []byte, fs *scheme.String, args []scheme.Value) ([]byte, error) {
	f := fs.String()
	pos := 0
	next := func() (scheme.Value, error) {
		if pos >= len(args) {
			return nil, scheme.NewError("format", "too few arguments for format string", []scheme.Value{fs})
		}
		pos++
		return args[pos-1], nil
	}
	for i := 0; i < len(f); {
		if f[i] != '~' {
			j := strings.IndexByte(f[i:], '~')
			if j < 0 {
				j = len(f) - i
			}
			dst = append(dst, f[i:i+j]...)
			i += j
			continue
		}
		d, err := parseDirective(f, i, next)
		if err != nil {
			return nil, err
		}
		i = d.next
		switch d.char {
		case '%':
			for range max(d.intParam(0, 1), 0) {
				dst = append(dst, '\n')
			}
		case '&':
			if len(dst) > 0 && dst[len(dst)-1] != '\n' {
				dst = append(dst, '\n')
			}
		case '~':
			dst = append(dst, strings.Repeat("~", max(d.intParam(0, 1), 0))...)
		case '*':
			n := d.intParam(0, 1)
			if d.colon {
				pos = max(pos-n, 0)
			} else {
				pos = min(pos+n, len(args))
			}
		case 'a', 's', 'c', 'd', 'b', 'o', 'x', '?':
			v, err := next()
			if err != nil {
				return nil, err
			}
			if dst, err = d.format(th, dst, v, next); err != nil {
				return nil, err
			}
		default:
			return nil, scheme.NewError("format", "unknown format directive "+f[d.start:d.next], []scheme.Value{fs})
		}
	}
	return dst, nil
}

// format appends the argument v as the directive (one taking an argument) says.
func (d *directive) format(th *scheme.Thread, dst []byte, v scheme.Value, next func() (scheme.Value, error)) ([]byte, error) {
	mode := scheme.ModeDisplay
	switch d.char {
	case 'c':
		ch, ok := v.(scheme.Char)
		if !ok {
			return nil, scheme.NewError("format", "~c expects a character", []scheme.Value{v})
		}
		return utf8.AppendRune(dst, rune(ch)), nil
	case '?':
		sub, ok := v.(*scheme.String)
		if !ok {
			return nil, scheme.NewError("format", "~? expects a format string", []scheme.Value{v})
		}
		l, err := next()
		if err != nil {
			return nil, err
		}
		items, ok := scheme.ListToSlice(l)
		if !ok {
			return nil, scheme.NewError("format", "~? expects a list of arguments", []scheme.Value{l})
		}
		return sagFormat(th, dst, sub, items)
	case 'd', 'b', 'o', 'x':
		if scheme.IsExactInteger(v) {
			radix := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'd': 10}[d.char]
			return append(dst, d.integer(th, v, radix)...), nil
		}
		return th.AppendValue(dst, v, scheme.ModeDisplay) // not an integer: as ~A without the parameters
	case 's':
		mode = scheme.ModeWrite
	}
	s, err := th.AppendValue(nil, v, mode)
	if err != nil {
		return nil, err
	}
	return append(dst, d.pad(string(s))...), nil
}

// format implements (sagittarius)'s format: (format port string arg ...)
// or (format string arg ...); port #f (or none) returns the text, #t
// writes it to the current output port.
func format(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var port *scheme.Port
	switch d := a[0].(type) {
	case *scheme.String:
		b, err := sagFormat(th, nil, d, a[1:])
		if err != nil {
			return nil, err
		}
		return scheme.MakeStringFromBytes(b), nil
	case *scheme.Port:
		if !d.IsOutput() {
			return nil, scheme.TypeError("format", 1, "output port", d)
		}
		port = d
	case *scheme.Boolean:
		if d == scheme.True {
			port = th.Param(scheme.CurrentOutputPort).(*scheme.Port)
		}
	default:
		return nil, scheme.TypeError("format", 1, "#f, #t, an output port or a format string", a[0])
	}
	if len(a) < 2 {
		return nil, scheme.NewError("format", "missing format string", nil)
	}
	fs, ok := a[1].(*scheme.String)
	if !ok {
		return nil, scheme.TypeError("format", 2, "format string", a[1])
	}
	b, err := sagFormat(th, nil, fs, a[2:])
	if err != nil {
		return nil, err
	}
	if port == nil {
		return scheme.MakeStringFromBytes(b), nil
	}
	return scheme.Unspecified, port.Write(th.Context(), b)
}
