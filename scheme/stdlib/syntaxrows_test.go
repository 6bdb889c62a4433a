package stdlib_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestSyntaxRowsSaySyntax: a row without Fn whose name a full interpreter
// binds as syntax (a macro of the library's Scheme source) is documented as
// syntax ("syntax (…)" Sig), so ,doc and the manual do not call it a
// procedure.
func TestSyntaxRowsSaySyntax(t *testing.T) {
	in := stdlib.New()
	for _, l := range in.Libraries() {
		for i := range l.Procs {
			p := &l.Procs[i]
			if p.Fn != nil || p.IsSyntax() || strings.HasPrefix(p.Sig, "syntax ") {
				continue
			}
			_, err := in.EvalString(context.Background(), p.Name)
			if err != nil && strings.Contains(err.Error(), "syntax keyword") {
				t.Errorf("%s %s is syntax but its row reads as a procedure (write Sig as \"syntax (…)\")", l.Name, p.Name)
			}
		}
	}
}
