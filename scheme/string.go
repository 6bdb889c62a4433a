// Strings: the mutable *String with an ASCII byte form and a rune form.

package scheme

import (
	"unicode/utf8"
)

// String is a mutable Scheme string with O(1) string-ref. While every
// character is ASCII it keeps the bytes themselves (so converting to and
// from UTF-8, e.g. for 64 KiB network reads, is a copy); the first
// non-ASCII character switches it to a rune slice. A String is not safe for
// concurrent mutation.
type String struct {
	b         []byte // ASCII form, when !wide
	r         []rune // rune form, when wide
	wide      bool
	immutable bool // made by Sagittarius's string->istring: the mutators refuse it
}

// TypeName implements Value.
func (*String) TypeName() string { return "string" }

// NewString returns a new string holding the Go (UTF-8) string s.
func NewString(s string) *String {
	if isASCIIString(s) {
		return &String{b: []byte(s)}
	}
	return &String{r: []rune(s), wide: true}
}

// MakeStringFromBytes returns a new string decoding the UTF-8 bytes b
// (invalid sequences become U+FFFD). b is copied.
func MakeStringFromBytes(b []byte) *String {
	if isASCII(b) {
		return &String{b: append([]byte(nil), b...)}
	}
	return &String{r: []rune(string(b)), wide: true}
}

// stringFromASCII wraps b, which must be all ASCII and not shared.
func stringFromASCII(b []byte) *String { return &String{b: b} }

// NewStringRunes returns a new string holding a copy of r.
func NewStringRunes(r []rune) *String {
	for _, c := range r {
		if c >= utf8.RuneSelf {
			return &String{r: append([]rune(nil), r...), wide: true}
		}
	}
	b := make([]byte, len(r))
	for i, c := range r {
		b[i] = byte(c)
	}
	return &String{b: b}
}

func isASCII(b []byte) bool { return asciiPrefix(b) == len(b) }

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// String returns the contents as a Go UTF-8 string.
func (s *String) String() string {
	if s.wide {
		return string(s.r)
	}
	return string(s.b)
}

// Len returns the number of characters.
func (s *String) Len() int {
	if s.wide {
		return len(s.r)
	}
	return len(s.b)
}

// Ref returns the i-th character; i must be in range.
func (s *String) Ref(i int) rune {
	if s.wide {
		return s.r[i]
	}
	return rune(s.b[i])
}

// Immutable reports whether s is an immutable string (Sagittarius's
// istring?). String literals are not: CHICKEN's interpreter lets a program
// change them.
func (s *String) Immutable() bool { return s.immutable }

// NewImmutableString returns an immutable copy of the characters
// start..end of s (string->istring).
func NewImmutableString(s *String, start, end int) *String {
	c := s.Substring(start, end)
	c.immutable = true
	return c
}

// CheckMutable returns the error of a mutator given an immutable string
// (an (exn type) error, as R6RS's &assertion), nil for any other value.
func CheckMutable(v Value) error {
	if s, ok := v.(*String); ok && s.immutable {
		return ImmutableError("", v)
	}
	return nil
}

// Set stores c at index i, which must be in range.
func (s *String) Set(i int, c rune) {
	if !s.wide {
		if c < utf8.RuneSelf {
			s.b[i] = byte(c)
			return
		}
		s.widen()
	}
	s.r[i] = c
}

func (s *String) widen() {
	if s.wide {
		return
	}
	r := make([]rune, len(s.b))
	for i, c := range s.b {
		r[i] = rune(c)
	}
	s.r, s.b, s.wide = r, nil, true
}

// AppendUTF8 appends the UTF-8 encoding of s[start:end] to dst.
func (s *String) AppendUTF8(dst []byte, start, end int) []byte {
	if !s.wide {
		return append(dst, s.b[start:end]...)
	}
	for _, c := range s.r[start:end] {
		dst = utf8.AppendRune(dst, c)
	}
	return dst
}

// Substring returns a new string holding s[start:end].
func (s *String) Substring(start, end int) *String {
	if s.wide {
		return NewStringRunes(s.r[start:end])
	}
	return &String{b: append([]byte(nil), s.b[start:end]...)}
}

// Runes returns the characters as a new rune slice.
func (s *String) Runes() []rune {
	if s.wide {
		return append([]rune(nil), s.r...)
	}
	r := make([]rune, len(s.b))
	for i, c := range s.b {
		r[i] = rune(c)
	}
	return r
}

// StringBuilder accumulates characters into a new [String], staying ASCII
// (one byte per character) while it can. The zero value is empty.
type StringBuilder struct {
	b    []byte
	r    []rune
	wide bool
}

// Add appends the character c.
func (sb *StringBuilder) Add(c rune) {
	if !sb.wide {
		if c < utf8.RuneSelf {
			sb.b = append(sb.b, byte(c))
			return
		}
		sb.widen()
	}
	sb.r = append(sb.r, c)
}

func (sb *StringBuilder) widen() {
	sb.r = make([]rune, len(sb.b), len(sb.b)+16)
	for i, c := range sb.b {
		sb.r[i] = rune(c)
	}
	sb.b, sb.wide = nil, true
}

// AddString appends the characters start to end of s.
func (sb *StringBuilder) AddString(s *String, start, end int) {
	if !s.wide && !sb.wide {
		sb.b = append(sb.b, s.b[start:end]...)
		return
	}
	if !sb.wide {
		sb.widen()
	}
	if s.wide {
		sb.r = append(sb.r, s.r[start:end]...)
		return
	}
	for _, c := range s.b[start:end] {
		sb.r = append(sb.r, rune(c))
	}
}

// Len returns the number of characters added so far.
func (sb *StringBuilder) Len() int { return len(sb.b) + len(sb.r) }

// Result returns the string built; the builder must not be used afterwards.
func (sb *StringBuilder) Result() *String {
	if sb.wide {
		return &String{r: sb.r, wide: true}
	}
	if sb.b == nil {
		sb.b = []byte{}
	}
	return &String{b: sb.b}
}
