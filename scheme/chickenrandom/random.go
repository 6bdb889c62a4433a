// CHICKEN's (chicken random): a seedable pseudo-random generator and entropy from the operating system.

// Package chickenrandom is the (chicken random) library: a pseudo-random
// number generator (per interpreter, seedable; Go's ChaCha8 rather than
// CHICKEN's WELL) and random bytes from the operating system.
package chickenrandom

import (
	"hash/fnv"
	"math/rand/v2"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken random)"

var (
	seedType = &scheme.Type{Name: "string, blob or bytevector", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case *scheme.String, *scheme.Bytevector, *scheme.Blob:
			return true
		}
		return false
	}}
	rangeType = &scheme.Type{Name: "positive exact integer", Accept: func(v scheme.Value) bool {
		return scheme.IsExactInteger(v) && scheme.Sign(v) > 0
	}}
)

var procs = []scheme.Proc{
	{Name: "set-pseudo-random-seed!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("seed", seedType), scheme.Opt("size", scheme.TypeIndex, nil))
	},
		Doc: "Seeds the pseudo-random generator from the first size bytes (default all) of seed, a string or bytevector; the same seed gives the same sequence.",
		Fn:  setPseudoRandomSeedBang},
	{Name: "pseudo-random-integer", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("range", rangeType)) },
		Doc: "A uniformly distributed pseudo-random integer from 0 to range-1; range may be a bignum.",
		Fn:  pseudoRandomInteger},
	{Name: "pseudo-random-real", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "A uniformly distributed pseudo-random flonum between 0 and 1.",
		Fn:  pseudoRandomReal},
	{Name: "random-bytes", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("buf", scheme.OrFalse(seedType), nil), scheme.Opt("size", scheme.TypeIndex, nil))
	},
		Doc: "Random bytes from the operating system: without buf (or with #f) a fresh blob of size bytes (default 32, a seed for set-pseudo-random-seed!); else buf (a string, blob or bytevector) filled with size (default its size) random bytes, and returned.",
		Fn:  randomBytes},
}

// Library is the (chicken random) binding table.
var Library = &scheme.Library{Name: "(chicken random)", Doc: "CHICKEN 5's (chicken random): pseudo-random numbers and entropy.", Procs: procs}

// generator is an interpreter's pseudo-random generator.
type generator struct {
	mu sync.Mutex
	r  *rand.Rand
}

type genKey struct{}

// seedOf expands seed bytes into a generator seed (FNV-128a of the bytes
// and of the bytes with a suffix).
func seedOf(b []byte) (out [32]byte) {
	h := fnv.New128a()
	_, _ = h.Write(b)
	copy(out[:16], h.Sum(nil))
	_, _ = h.Write([]byte{0x5c})
	copy(out[16:], h.Sum(nil))
	return out
}

func gen(th *scheme.Thread) *generator {
	return th.Interp().HostData(genKey{}, func() any {
		var seed [32]byte
		scheme.Entropy(seed[:])
		return &generator{r: rand.New(rand.NewChaCha8(seed))}
	}).(*generator)
}

func seedBytes(v scheme.Value) []byte {
	switch x := v.(type) {
	case *scheme.String:
		return []byte(x.String())
	}
	b, _ := scheme.BytesOf(v)
	return b
}

// setPseudoRandomSeedBang implements set-pseudo-random-seed!.
func setPseudoRandomSeedBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b := seedBytes(a[0])
	if n, ok := a[1].(scheme.Fixnum); ok && int(n) < len(b) {
		b = b[:n]
	}
	g := gen(th)
	g.mu.Lock()
	g.r = rand.New(rand.NewChaCha8(seedOf(b)))
	g.mu.Unlock()
	return scheme.Unspecified, nil
}

// pseudoRandomInteger implements pseudo-random-integer.
func pseudoRandomInteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	g := gen(th)
	g.mu.Lock()
	defer g.mu.Unlock()
	return scheme.RandomBelow(g.r, a[0]), nil
}

// pseudoRandomReal implements pseudo-random-real.
func pseudoRandomReal(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	g := gen(th)
	g.mu.Lock()
	defer g.mu.Unlock()
	return scheme.Flonum(g.r.Float64()), nil
}

// randomBytes implements random-bytes.
func randomBytes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[0]) || a[0] == scheme.Value(scheme.False) {
		b := make([]byte, 32)
		if k, ok := a[1].(scheme.Fixnum); ok {
			b = make([]byte, k)
		}
		scheme.Entropy(b)
		return &scheme.Blob{B: b}, nil
	}
	if err := scheme.CheckMutable(a[0]); err != nil {
		return nil, err
	}
	n := len(seedBytes(a[0]))
	if s, ok := a[0].(*scheme.String); ok {
		n = s.Len()
	}
	if k, ok := a[1].(scheme.Fixnum); ok {
		if int(k) > n {
			return nil, scheme.RangeError("random-bytes", 2, "size larger than the buffer", a[1])
		}
		n = int(k)
	}
	b := make([]byte, n)
	scheme.Entropy(b)
	switch x := a[0].(type) {
	case *scheme.Bytevector:
		copy(x.B, b)
	case *scheme.Blob:
		copy(x.B, b)
	case *scheme.String:
		for i, c := range b {
			x.Set(i, rune(c))
		}
	}
	return a[0], nil
}
