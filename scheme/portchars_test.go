// Tests of charMark, the conversion of string port positions between bytes and characters.

package scheme

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestCharMark checks charMark's conversions against counting from the
// start, in any order of positions, over valid and invalid UTF-8 (which
// write-u8 and read-u8 may leave in a string port).
func TestCharMark(t *testing.T) {
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"ascii", "hello, world"},
		{"mixed", "aλb\U00010000cé\n€"},
		{"lone continuation bytes", "a\xa9\xa9b\xa9"},
		{"truncated sequences", "\xc3a\xe2\x82b\xf0\x9f\x98"},
		{"run of continuation bytes", "é\x80\x80\x80\x80\x80λ"},
		{"overlong and surrogate encodings", "\xc0\xaf\xed\xa0\x80x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := []byte(tc.text)
			// bounds[k] is the byte offset of character k (one per utf8.DecodeRune step)
			bounds := []int{0}
			for b := 0; b < len(text); {
				_, size := utf8.DecodeRune(text[b:])
				b += size
				bounds = append(bounds, b)
			}
			n := len(bounds) - 1
			rng := rand.New(rand.NewPCG(1, uint64(len(text))))
			var m charMark
			for range 500 {
				off := rng.IntN(len(text) + 4)
				want := utf8.RuneCount(text[:min(off, len(text))]) + max(0, off-len(text))
				if got := m.chars(text, off); got != want {
					t.Fatalf("chars(%d) = %d, want %d (mark %+v)", off, got, want, m)
				}
				k := rng.IntN(n + 4)
				wantOff := len(text) + k - n
				if k <= n {
					wantOff = bounds[k]
				}
				if got := m.offset(text, k); got != wantOff {
					t.Fatalf("offset(%d) = %d, want %d (mark %+v)", k, got, wantOff, m)
				}
			}
		})
	}
}

// TestCharMarkText checks that a mark left by a longer text is dropped
// when the text is taken or rewritten before it.
func TestCharMarkText(t *testing.T) {
	var m charMark
	text := []byte("λλλλ")
	if got := m.chars(text, 6); got != 3 {
		t.Fatalf("chars = %d, want 3", got)
	}
	if got := m.chars([]byte("ab"), 1); got != 1 { // the output was taken: a shorter text
		t.Fatalf("chars after a shorter text = %d, want 1", got)
	}
	m = charMark{}
	m.chars(text, 6)
	m.moved(2) // a write at byte 2 changed what follows
	copy(text[2:], "abcd")
	if got := m.chars(text, 4); got != 3 {
		t.Fatalf("chars after a write before the mark = %d, want 3", got)
	}
}
