// Condition types made in Go with NewType.

package rnrsconditions_test

import (
	"context"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/rnrsconditions"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

func TestNewType(t *testing.T) {
	parent := rnrsconditions.NewType("&demo-error", nil)
	child := rnrsconditions.NewType("&demo-child", parent)
	in := stdlib.New()
	in.Define("&demo-error", parent)
	in.Define("&demo-child", child)
	in.Define("raised-child", scheme.MakeError("demo", "failed", nil, "demo-error", "demo-child"))
	in.Define("raised-parent", scheme.MakeError("demo", "failed", nil, "demo-error"))
	for _, tc := range []struct{ expr, want string }{
		{"(list ((condition-predicate &demo-error) raised-child) ((condition-predicate &demo-child) raised-child))", "(#t #t)"},
		{"(list ((condition-predicate &demo-error) raised-parent) ((condition-predicate &demo-child) raised-parent))", "(#t #f)"},
		{"((condition-predicate &demo-child) (make-error))", "#f"},
		{"(list (error? raised-child) (condition-who raised-child) (condition-message raised-child))", `(#t demo "failed")`},
		// a define-condition-type child of a Go type
		{`(begin (define-condition-type &demo-grandchild &demo-child make-demo-grandchild demo-grandchild?)
		        (let ((c (make-demo-grandchild)))
		          (list (demo-grandchild? c) ((condition-predicate &demo-child) c) ((condition-predicate &demo-error) c) (error? c))))`, "(#t #t #t #t)"},
		{"&demo-child", "#<condition-type &demo-child>"},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			v, err := in.EvalString(context.Background(), "(import (rnrs conditions)) "+tc.expr)
			if err != nil {
				t.Fatal(err)
			}
			if got := scheme.WriteString(v); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
