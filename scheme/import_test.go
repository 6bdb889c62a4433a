package scheme

import (
	"context"
	"strings"
	"testing"
)

func TestImportUnknownLibrary(t *testing.T) {
	in := New()
	for _, src := range []string{
		"(import (scheme base) (scheme write) (srfi 1) (srfi 18) srfi-18 (srfi :18 multithreading) (chicken io) chicken.sort scheme)",
		"(import (only (srfi 18) thread?) (prefix (srfi 13) s:))",
	} {
		evalT(t, in, src)
	}
	for _, tc := range []struct{ src, want string }{
		{"(import (chicken strng))", "unknown library (chicken strng)"},
		{"(import (chicken string))", "unknown library (chicken string)"}, // a scheme/<lib> library, not registered here
		{"(import (srfi 999))", "unknown library (srfi 999)"},
		{"(import srfi-999)", "unknown library srfi-999"},
		{"(import (rename (only (no such) x) (x y)))", "unknown library (no such)"},
	} {
		_, err := in.EvalString(context.Background(), tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.src, err, tc.want)
		}
	}
	if v := evalT(t, in, "(cond-expand ((library (srfi 999)) 'yes) ((library (srfi 1)) 'srfi-1) (else 'no))"); v != Value(Intern("srfi-1")) {
		t.Errorf("cond-expand library: %s", WriteString(v))
	}
}
