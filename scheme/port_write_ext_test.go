package scheme_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// directSink is a DirectWriter (like the TLS engine with tcp-buffer-size
// #f) recording each WriteContext call.
type directSink struct{ writes []string }

func (d *directSink) WriteContext(ctx context.Context, p []byte) (int, error) {
	d.writes = append(d.writes, string(p))
	return len(p), nil
}
func (d *directSink) FlushContext(ctx context.Context) error { return nil }
func (d *directSink) DirectWrite()                           {}

// TestDirectWriterOneWritePerOperation: on a DirectWriter port every output
// procedure call reaches the backend when it returns, in one write (never
// one per character, never held back).
func TestDirectWriterOneWritePerOperation(t *testing.T) {
	wide := strings.Repeat("λx", 3000) // encoded piecewise, across buffer steps
	tests := []struct {
		expr string
		want string
	}{
		{`(write-line "NICK x" o)`, "NICK x\n"},
		{`(write-string "PRIVMSG #c :hi\r\n" o)`, "PRIVMSG #c :hi\r\n"},
		{`(display '(a "b" #\c 1.5) o)`, `(a b c 1.5)`},
		{`(write '(a "b" #\c) o)`, `(a "b" #\c)`},
		{`(write-char #\λ o)`, "λ"},
		{`(newline o)`, "\n"},
		{`(write-u8 65 o)`, "A"},
		{`(write-bytevector (bytevector 1 2 3) o)`, "\x01\x02\x03"},
		{`(fprintf o "~a=~s~%" 'k "v")`, "k=\"v\"\n"},
		{`(display (make-string 5 #\λ) o)`, "λλλλλ"},
		{`(write-string wide o)`, wide},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			d := &directSink{}
			in := stdlib.New()
			in.Define("o", scheme.NewOutputPort("direct", d, nil))
			in.Define("wide", scheme.NewString(wide))
			if _, err := in.EvalString(context.Background(), tc.expr); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(d.writes, ""); got != tc.want {
				t.Errorf("backend got %q, want %q", got, tc.want)
			}
			if len(d.writes) != 1 && len(tc.want) < 64<<10 /* the port buffer */ {
				t.Errorf("%d backend writes %q, want 1", len(d.writes), d.writes)
			}
		})
	}
}
