// Tests of incomplete-input detection.

package repl

import (
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

func TestParseInput(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		n          int
		incomplete bool
		err        bool
	}{
		{"atom", "42\n", 1, false, false},
		{"two datums", "(+ 1 2) (car x)\n", 2, false, false},
		{"open list", "(define (f x)\n", 0, true, false},
		{"open nested", "(let ((a 1)\n  (b 2))\n", 0, true, false},
		{"open string", "\"abc\n", 0, true, false},
		{"block comment", "#| comment\n", 0, true, false},
		{"quote at end", "'\n", 0, true, false},
		{"datum comment at end", "#;\n", 0, true, false},
		{"complete after lines", "(define (f x)\n  x)\n", 1, false, false},
		{"only a comment", "; nothing\n", 0, false, false},
		{"empty", "\n", 0, false, false},
		{"stray close", ")\n", 0, false, true},
		{"datum then stray close", "(+ 1 2))\n", 1, false, true},
		{"bad hash syntax", "#<foo>\n", 0, false, true},
	}
	in := scheme.New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, inc, err := parseInput(in, tc.src, nil)
			if inc != tc.incomplete || (err != nil) != tc.err || len(ds) != tc.n {
				t.Errorf("parseInput(%q) = %d datums, incomplete %v, err %v; want %d, %v, err %v",
					tc.src, len(ds), inc, err, tc.n, tc.incomplete, tc.err)
			}
		})
	}
}
