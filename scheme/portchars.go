// String ports' positions in characters: charMark converts between a byte offset in a string port's UTF-8 text and a character index.

package scheme

import "unicode/utf8"

// charMark remembers the last position of a string port converted between
// bytes and characters: the first b bytes of the port's text hold c
// characters. Positions are converted when asked (port-position,
// set-port-position!), not kept by every read and write; the mark makes
// the next conversion count only the characters between the two
// positions. A character is what utf8.DecodeRune decodes (a byte of
// invalid UTF-8, which write-u8 may put in a string port, is one), and
// b is always a byte where decoding starts afresh (not a continuation
// byte) or the end of the text, so counts on either side of it add up.
// The zero mark is valid for any text.
type charMark struct{ b, c int }

// runeBoundary reports whether counting characters may stop and restart at byte
// off of text: at either end or at a byte that is not a continuation
// byte, which no character before it takes.
func runeBoundary(text []byte, off int) bool {
	return off <= 0 || off >= len(text) || utf8.RuneStart(text[off])
}

// valid resets the mark when text no longer holds it (the output was taken
// or the port closed).
func (m *charMark) valid(text []byte) {
	if m.b > len(text) || !runeBoundary(text, m.b) {
		*m = charMark{}
	}
}

// chars returns the number of characters in text[:off]; an offset beyond
// the end counts one character (a NUL a write fills in) per byte beyond it.
func (m *charMark) chars(text []byte, off int) int {
	m.valid(text)
	end := min(off, len(text))
	s := end // the safe byte at or before end
	for !runeBoundary(text, s) {
		s--
	}
	if s >= m.b {
		m.c += utf8.RuneCount(text[m.b:s])
	} else {
		m.c -= utf8.RuneCount(text[s:m.b])
	}
	m.b = s
	return m.c + utf8.RuneCount(text[s:end]) + off - end
}

// offset returns the byte offset of character k of text: the inverse of
// chars, beyond the end one byte per character.
func (m *charMark) offset(text []byte, k int) int {
	m.valid(text)
	for m.c > k { // back to a safe byte at or before character k
		s := m.b - 1
		for !runeBoundary(text, s) {
			s--
		}
		m.c -= utf8.RuneCount(text[s:m.b])
		m.b = s
	}
	b, c := m.b, m.c
	for c < k && b < len(text) {
		_, size := utf8.DecodeRune(text[b:])
		b += size
		c++
		if runeBoundary(text, b) {
			m.b, m.c = b, c
		}
	}
	return b + k - c
}

// moved forgets the mark when the bytes before it changed: a write at
// byte off of a string output port away from its end.
func (m *charMark) moved(off int) {
	if m.b > off {
		*m = charMark{}
	}
}
