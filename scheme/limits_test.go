package scheme

// Tests of the limits that keep bad input from ending the process.

import (
	"context"
	"strings"
	"testing"
)

// TestArgSizeBound checks that sizes beyond SetMaxAllocation's bound are
// out-of-range errors naming the procedure and the size, that sizes
// within it work, and that 0 restores the default (the machine's memory).
func TestArgSizeBound(t *testing.T) {
	SetMaxAllocation(1 << 20)
	defer SetMaxAllocation(0)
	in := New()
	for _, tc := range []struct{ src, fail string }{
		{"(vector-length (make-vector 1000))", ""},
		{"(make-vector 1000000)", "(make-vector) out of range in argument 1 (more memory than allowed): 1000000"},
		{"(make-string 2000000)", "(make-string) out of range in argument 1 (more memory than allowed): 2000000"},
		{"(make-string 300000 #\\λ)", "(make-string) out of range in argument 1 (more memory than allowed): 300000"},
		{"(string-length (make-string 300000))", ""},
		{"(make-list 100000)", "(make-list) out of range in argument 1 (more memory than allowed): 100000"},
		{"(iota 100000)", "(iota) out of range in argument 1 (more memory than allowed): 100000"},
		{"(make-bytevector 2000000)", "(make-bytevector) out of range in argument 1 (more memory than allowed): 2000000"},
	} {
		_, err := in.EvalString(context.Background(), tc.src)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("%s: %v", tc.src, err)
		case tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)):
			t.Errorf("%s: got %v, want %q", tc.src, err, tc.fail)
		}
	}
	SetMaxAllocation(0)
	if MaxAllocation() < 1<<26 {
		t.Errorf("default bound %d bytes, want the machine's memory", MaxAllocation())
	}
	if _, err := in.EvalString(context.Background(), "(make-vector 1000000)"); err != nil {
		t.Errorf("after SetMaxAllocation(0): %v", err)
	}
}

// TestEqualDeep checks that equal? compares structures nested millions
// deep (through their cars) without overflowing the Go stack.
func TestEqualDeep(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	nest := func(n int) Value {
		var v Value = Null
		for range n {
			v = &Pair{v, Null}
		}
		return v
	}
	a, b := nest(5_000_000), nest(5_000_000)
	if !Equal(a, b) {
		t.Error("equal? of two equal deep structures is #f")
	}
	b.(*Pair).Car.(*Pair).Car = Fixnum(1)
	if Equal(a, b) {
		t.Error("equal? of two different deep structures is #t")
	}
}
