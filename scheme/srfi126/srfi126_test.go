package srfi126_test

import (
	"context"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestScripts runs testdata/*.scm.
func TestScripts(t *testing.T) { schemetest.RunDir(t, "testdata", nil) }

// TestHashSaltSeed checks that SRFI_126_HASH_SEED makes hash-salt the
// same at every run (a hash of the string, 96354 for "abc"), and that
// without it two interpreters' salts differ.
func TestHashSaltSeed(t *testing.T) {
	salt := func() scheme.Value {
		v, err := stdlib.New().EvalString(context.Background(), "(import (srfi 126)) (hash-salt)")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	t.Setenv("SRFI_126_HASH_SEED", "abc")
	if got := salt(); got != scheme.Value(scheme.Fixnum(96354)) {
		t.Errorf("hash-salt with SRFI_126_HASH_SEED=abc: %v, want 96354", got)
	}
	t.Setenv("SRFI_126_HASH_SEED", "")
	if a, b := salt(), salt(); a == b {
		t.Errorf("hash-salt without SRFI_126_HASH_SEED: %v twice", a)
	}
}
