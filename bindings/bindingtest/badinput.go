// Calling procedures with wrong arguments: errors, never internal ones.

package bindingtest

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// ValuePool evaluates setup in in, each source in turn, then values, an
// expression whose value is a list: the pool of arguments [BadCalls]
// draws from. An error fails t.
func ValuePool(t *testing.T, in *scheme.Interp, values string, setup ...string) []scheme.Value {
	t.Helper()
	ctx := context.Background()
	for _, src := range setup {
		if _, err := in.EvalString(ctx, src); err != nil {
			t.Fatal(err)
		}
	}
	v, err := in.EvalString(ctx, values)
	if err != nil {
		t.Fatal(err)
	}
	pool, _ := scheme.ListToSlice(v)
	return pool
}

// BadCalls calls proc, the value of the row p, calls times with arguments
// drawn from pool (as many as p takes, and a few more for optional, keyword
// and rest parameters), each call limited to limit. A call may fail or
// time out; one failing with an internal error (a Go panic the
// interpreter caught, or a Go runtime error) is reported with t.Errorf,
// the call written out. A panic escaping the interpreter ends the test
// binary, which fails the test too.
func BadCalls(t *testing.T, in *scheme.Interp, p *scheme.Proc, proc scheme.Value, pool []scheme.Value, rng *rand.Rand, calls int, limit time.Duration) {
	t.Helper()
	params := p.Params()
	most := len(params.Required) + len(params.Optional) + 2*len(params.Keys)
	if params.Rest != "" {
		most += 2
	}
	for range calls {
		args := make([]scheme.Value, len(params.Required)+rng.IntN(most-len(params.Required)+1))
		for j := range args {
			args[j] = pool[rng.IntN(len(pool))]
		}
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		_, err := in.Apply(ctx, proc, args...)
		cancel()
		if err == nil {
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "internal error") || strings.Contains(msg, "runtime error") {
			t.Errorf("(%s %s): %v", p.Name, scheme.WriteString(scheme.List(args...)), strings.SplitN(msg, "\n", 2)[0])
		}
	}
}
