package scheme

import (
	"context"
	"testing"
)

// A top-level form's value is all its values (the REPL shows them, eval
// returns them), while a call not in tail position takes the first (see
// firstValue), by direct return, through the trampoline or a nested run.
func TestValuesTopLevel(t *testing.T) {
	in := New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, "(define (two) (values 1 2)) (define (deep n) (if (= n 0) (two) (+ 0 (deep (- n 1)))))"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		src  string
		want string
	}{
		{"(values 1 2)", "1 2"},
		{"(two)", "1 2"},
		{"(begin (two) (two))", "1 2"},
		{"(if (two) (two) #f)", "1 2"},
		{"(eval '(two))", "1 2"},
		{"(list (two))", "(1)"},
		{"(deep 2000)", "1"},
		{"(vector-map (lambda (x) (list (two))) #(0))", "#((1))"},
		{"(let loop ((i 0)) (if (< i 100) (+ 0 (loop (+ i 1))) (two)))", "1"},
	} {
		v, err := in.EvalString(ctx, tc.src)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		got := WriteString(v)
		if mv, ok := v.(*MultipleValues); ok {
			got = ""
			for i, x := range mv.Vals {
				if i > 0 {
					got += " "
				}
				got += WriteString(x)
			}
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
	}
}
