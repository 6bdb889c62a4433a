package scheme

import "testing"

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
