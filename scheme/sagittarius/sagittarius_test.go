// The Scheme test scripts of (sagittarius), (sagittarius threads) and (rfc base64).

package sagittarius_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestScripts runs every testdata/*.scm file as a subtest.
func TestScripts(t *testing.T) {
	schemetest.RunDir(t, "testdata", nil)
}

// TestWeakReferencesCollected checks that a weak box, a weak vector and a
// weak hashtable do not keep their objects alive: once nothing else
// refers to them, a collection empties the box, clears the vector's
// element and drops the association.
func TestWeakReferencesCollected(t *testing.T) {
	in := stdlib.New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(import (sagittarius))
(define wb (make-weak-box (make-string 100 #\a)))
(define wv (make-weak-vector 1))
(weak-vector-set! wv 0 (list 1 2 3))
(define wh (make-weak-eq-hashtable))
(weak-hashtable-set! wh (vector 1) 'value)
(define kept (list 'kept))
(weak-hashtable-set! wh kept 'stays)`); err != nil {
		t.Fatal(err)
	}
	const probe = `(list (weak-box-empty? wb) (weak-vector-ref wv 0 'gone) (length (weak-hashtable-keys-list wh)) (weak-hashtable-ref wh kept))`
	var got string
	for range 20 {
		runtime.GC()
		v, err := in.EvalString(ctx, probe)
		if err != nil {
			t.Fatal(err)
		}
		if got = scheme.WriteString(v); got == "(#t gone 1 stays)" {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("after collections: %s, want (#t gone 1 stays)", got)
}

// TestWeakHashtableDefault checks make-weak-eq-hashtable's default: once
// the value of a key is collected, weak-hashtable-ref gives the table's
// default rather than its own.
func TestWeakHashtableDefault(t *testing.T) {
	in := stdlib.New()
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(import (sagittarius))
(define wh (make-weak-eq-hashtable :weakness 'value :default 'gone))
(weak-hashtable-set! wh 'k (make-string 100 #\a))`); err != nil {
		t.Fatal(err)
	}
	var got string
	for range 20 {
		runtime.GC()
		v, err := in.EvalString(ctx, `(weak-hashtable-ref wh 'k 'absent)`)
		if err != nil {
			t.Fatal(err)
		}
		if got = scheme.WriteString(v); got == "gone" {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("after collections: %s, want gone", got)
}
