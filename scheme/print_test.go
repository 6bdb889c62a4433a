package scheme

import (
	"context"
	"strings"
	"testing"
)

func TestPrinter(t *testing.T) {
	cyc := List(Fixnum(1), Fixnum(2))
	cyc.(*Pair).Cdr.(*Pair).Cdr = cyc
	shared := List(Fixnum(1))
	tests := []struct {
		v    Value
		mode PrintMode
		want string
	}{
		{NewString("a\"b\n"), ModeWrite, `"a\"b\n"`}, {NewString("a\"b"), ModeDisplay, `a"b`},
		{Char('a'), ModeWrite, `#\a`}, {Char(' '), ModeWrite, `#\space`}, {Char('λ'), ModeDisplay, "λ"},
		{Intern("a b"), ModeWrite, "|a b|"}, {Intern("+1"), ModeWrite, "|+1|"}, {Intern("foo:"), ModeWrite, "|foo:|"}, {Intern("x"), ModeWrite, "x"}, {Intern("1abc"), ModeWrite, "1abc"}, {Intern(".5a"), ModeWrite, ".5a"}, {Intern("1e5"), ModeWrite, "|1e5|"},
		{InternKeyword("verify?"), ModeWrite, "#:verify?"}, {InternKeyword("k"), ModeDisplay, "k:"}, {InternKeyword("a b"), ModeWrite, "#:|a b|"}, {InternKeyword("1"), ModeWrite, "#:|1|"}, {InternKeyword("a b"), ModeDisplay, "a b:"},
		{List(Intern("quote"), Intern("a")), ModeWrite, "(quote a)"}, {ListTail(Fixnum(3), Fixnum(1), Fixnum(2)), ModeWrite, "(1 2 . 3)"},
		{&Vector{Items: []Value{Fixnum(1), NewString("s")}}, ModeDisplay, "#(1 s)"}, {&Bytevector{B: []byte{1, 255}}, ModeWrite, "#u8(1 255)"},
		{cyc, ModeWrite, "#0=(1 2 . #0#)"}, {List(shared, shared), ModeWrite, "((1) (1))"}, {List(shared, shared), ModeWriteShared, "(#0=(1) #0#)"},
		{EOF, ModeWrite, "#!eof"}, {Default, ModeWrite, "#!default"}, {Unspecified, ModeWrite, "#<unspecified>"},
		{&Opaque{Name: "ssl-port"}, ModeWrite, "#<ssl-port>"}, {NewCondition("exn", "i/o", "net"), ModeWrite, "#<condition: (exn i/o net)>"},
		{True, ModeWrite, "#t"}, {Null, ModeWrite, "()"}, {Flonum(2), ModeWrite, "2.0"},
	}
	for _, tt := range tests {
		if got := string(AppendValue(nil, tt.v, tt.mode)); got != tt.want {
			t.Errorf("print(%v, mode %d) = %q, want %q", tt.v, tt.mode, got, tt.want)
		}
	}
}

// TestR6RSPrinting: an interpreter running an R6RS program prints as R6RS
// systems do: the fewest flonum digits that read back with a plain
// exponent, #vu8(…), symbols with \x<hex>; escapes, #\nul; and only the
// first form of a program, an import of an (rnrs …) library, makes it so.
func TestR6RSPrinting(t *testing.T) {
	in := New()
	v := List(Flonum(0.1), Flonum(1.0/3), Flonum(1e21), Flonum(1e-7), Flonum(2.5), &Bytevector{B: []byte{1, 255}},
		Intern("a b"), Intern("1x"), Char(0), Char('a'), NewString("\x00a\x1b1\t"), Intern("a\x7f"))
	got, err := in.WriteValue(context.Background(), v, ModeWrite)
	if err != nil {
		t.Fatal(err)
	}
	if want := `(0.1 0.333333333333333 1e+21 1e-07 2.5 #u8(1 255) |a b| 1x #\null #\a "\x00a\x1b1\t" |a\x7f|)`; got != want {
		t.Errorf("default: %s, want %s", got, want)
	}
	in.SetR6RSPrinting()
	got, err = in.WriteValue(context.Background(), v, ModeWrite)
	if err != nil {
		t.Fatal(err)
	}
	// strings and symbols escape characters as R6RS's \x<hex>; (upper case, as Chez Scheme)
	if want := `(0.1 0.3333333333333333 1e21 1e-7 2.5 #vu8(1 255) a\x20;b \x31;x #\nul #\a "\x0;a\x1B;1\t" a\x7F;)`; got != want {
		t.Errorf("R6RS: %s, want %s", got, want)
	}
	in.SetFlonumPrintPrecision(5)
	if got, _ := in.WriteValue(context.Background(), Flonum(1.0/3), ModeWrite); got != "0.33333" {
		t.Errorf("R6RS with flonum-print-precision 5: %s, want 0.33333", got)
	}
	for _, c := range []struct {
		form string
		want bool
	}{
		{"(import (rnrs))", true},
		{"(import (rnrs base (6)) (rnrs io simple))", true},
		{"(import (only (rnrs) car) (srfi 1))", true},
		{"(import (prefix (rnrs lists) l:))", true},
		{"(import (for (rnrs base) run expand))", true},
		{"(import (scheme base))", false},
		{"(import (chicken base))", false},
		{"(import rnrs)", false},
		{"(display 1)", false},
	} {
		d, err := ReadDatum(strings.NewReader(c.form), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := importsRNRS(d); got != c.want {
			t.Errorf("importsRNRS(%s) = %v, want %v", c.form, got, c.want)
		}
	}
}
