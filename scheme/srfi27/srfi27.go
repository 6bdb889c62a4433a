// SRFI-27, sources of random bits: random sources with an external state, over Go's ChaCha8.

// Package srfi27 is SRFI-27, (srfi 27) or (srfi :27 random-bits): random
// integers and reals from random sources whose state can be saved,
// restored, randomized or set to one of many independent streams. Each
// source is Go's ChaCha8 generator; a new source, and the default one at
// start, begin in the same fixed state, as the SRFI recommends, so a
// program gets a different sequence each run only after
// (random-source-randomize! default-random-source).
package srfi27

import (
	"encoding/binary"
	"math/big"
	mrand "math/rand/v2"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-27"

// Source is a random source (random-source?): a ChaCha8 generator behind
// a lock, so threads may share it.
type Source struct {
	mu sync.Mutex
	g  *mrand.ChaCha8
	r  *mrand.Rand
}

// TypeName implements scheme.Value.
func (*Source) TypeName() string { return "random-source" }

// Repr implements scheme.Repr.
func (*Source) Repr() string { return "#<random-source>" }

// initialSeed is the state every new source begins in.
var initialSeed = [32]byte{'t', 'l', 's', 'p', 'o', 'r', 't', ' ', 's', 'r', 'f', 'i', '-', '2', '7'}

func newSource() *Source {
	s := &Source{}
	s.seed(initialSeed)
	return s
}

func (s *Source) seed(seed [32]byte) {
	s.g = mrand.NewChaCha8(seed)
	s.r = mrand.New(s.g)
}

// defaultSource is default-random-source, shared by the interpreters of
// the process (random-integer and random-real draw from it).
var defaultSource = newSource()

var (
	typeSource = &scheme.Type{Name: "random source", Accept: func(v scheme.Value) bool { _, ok := v.(*Source); return ok }}
	typeRange  = &scheme.Type{Name: "positive exact integer", Accept: func(v scheme.Value) bool {
		return scheme.IsExactInteger(v) && scheme.Sign(v) > 0
	}}
	typeNatural = &scheme.Type{Name: "exact non-negative integer", Accept: func(v scheme.Value) bool {
		return scheme.IsExactInteger(v) && scheme.Sign(v) >= 0
	}}
	typeUnit = &scheme.Type{Name: "real strictly between 0 and 1", Accept: func(v scheme.Value) bool {
		if !scheme.IsReal(v) {
			return false
		}
		f := scheme.ToFloat(v)
		return f > 0 && f < 1
	}}
)

// Library is the (srfi 27) binding table.
var Library = &scheme.Library{Name: "(srfi 27)", Doc: "SRFI-27: sources of random bits (Go's ChaCha8 generator; states are bytevectors).",
	Values: []scheme.Binding{{Name: "default-random-source", Spec: spec, Value: defaultSource,
		Doc: "The random source random-integer and random-real draw from; it starts in the fixed state of a new source."}},
	Procs: []scheme.Proc{
		{Name: "random-integer", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n", typeRange)) },
			Doc: "An exact integer drawn uniformly from 0 to n-1 (n may be a bignum), from default-random-source.", Fn: randomInteger},
		{Name: "random-real", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
			Doc: "A flonum drawn uniformly from the open interval between 0 and 1, from default-random-source.", Fn: randomReal},
		{Name: "make-random-source", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
			Doc: "A new random source, in the same fixed state as every new source.", Fn: makeRandomSource},
		{Name: "random-source?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
			Doc: "Is obj a random source?", Fn: randomSourceP},
		{Name: "random-source-state-ref", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("s", typeSource)) },
			Doc: "The state of s as a bytevector (it has an external representation: write it, read it back, give it to random-source-state-set!).", Fn: randomSourceStateRef},
		{Name: "random-source-state-set!", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("s", typeSource), scheme.Req("state", scheme.TypeBytevector))
		},
			Doc: "Puts s back in a state random-source-state-ref gave; any other bytevector is an error.", Fn: randomSourceStateSetBang},
		{Name: "random-source-randomize!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("s", typeSource)) },
			Doc: "Puts s in a state drawn from the operating system's entropy: a different sequence every run.", Fn: randomSourceRandomizeBang},
		{Name: "random-source-pseudo-randomize!", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("s", typeSource), scheme.Req("i", typeNatural), scheme.Req("j", typeNatural))
		},
			Doc: "Puts s in the initial state of the (i, j)-th of many independent sources (exact non-negative integers): the same i and j give the same state in every run.", Fn: randomSourcePseudoRandomizeBang},
		{Name: "random-source-make-integers", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("s", typeSource)) },
			Doc: "A procedure (lambda (n) …) drawing integers from 0 to n-1 from s, as random-integer does from the default source.", Fn: randomSourceMakeIntegers},
		{Name: "random-source-make-reals", Spec: spec, LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("s", typeSource), scheme.Opt("unit", typeUnit, nil))
		},
			Doc: "A procedure (lambda () …) drawing flonums from the open interval between 0 and 1 from s; unit (0 < unit < 1) bounds the spacing of the values, which a flonum's 53 bits already meet for any unit down to 2^-53.", Fn: randomSourceMakeReals},
	},
}

func (s *Source) integer(n scheme.Value) scheme.Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	return scheme.RandomBelow(s.r, n)
}

func (s *Source) real() scheme.Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		if f := s.r.Float64(); f > 0 { // the interval is open
			return scheme.Flonum(f)
		}
	}
}

// randomInteger implements random-integer.
func randomInteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return defaultSource.integer(a[0]), nil
}

// randomReal implements random-real.
func randomReal(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return defaultSource.real(), nil
}

// makeRandomSource implements make-random-source.
func makeRandomSource(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newSource(), nil
}

// randomSourceP implements random-source?.
func randomSourceP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Source)
	return scheme.MakeBool(ok), nil
}

// randomSourceStateRef implements random-source-state-ref.
func randomSourceStateRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Source)
	s.mu.Lock()
	b, err := s.g.MarshalBinary()
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: b}, nil
}

// randomSourceStateSetBang implements random-source-state-set!.
func randomSourceStateSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Source)
	g := new(mrand.ChaCha8)
	if err := g.UnmarshalBinary(a[1].(*scheme.Bytevector).B); err != nil {
		return nil, scheme.RangeError("random-source-state-set!", 2, "not a state of random-source-state-ref", a[1])
	}
	s.mu.Lock()
	s.g, s.r = g, mrand.New(g)
	s.mu.Unlock()
	return scheme.Unspecified, nil
}

// randomSourceRandomizeBang implements random-source-randomize!.
func randomSourceRandomizeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var seed [32]byte
	scheme.Entropy(seed[:])
	s := a[0].(*Source)
	s.mu.Lock()
	s.seed(seed)
	s.mu.Unlock()
	return scheme.Unspecified, nil
}

// randomSourcePseudoRandomizeBang implements random-source-pseudo-randomize!:
// the seed is the initial one with i and j's bytes (length-prefixed) mixed
// in by a ChaCha8 stream keyed with them, so every (i, j) has its own.
func randomSourcePseudoRandomizeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var key []byte
	for _, v := range a[1:3] {
		var b []byte
		if n, ok := v.(scheme.Fixnum); ok {
			b = big.NewInt(int64(n)).Bytes()
		} else {
			b = v.(*scheme.Bignum).I.Bytes()
		}
		key = binary.AppendUvarint(key, uint64(len(b)))
		key = append(key, b...)
	}
	seed := initialSeed
	for len(key) > 0 { // fold the key into the seed 32 bytes at a time through the generator
		var block [32]byte
		n := copy(block[:], key)
		key = key[n:]
		for k := range seed {
			seed[k] ^= block[k]
		}
		g := mrand.NewChaCha8(seed)
		_, _ = g.Read(seed[:])
	}
	s := a[0].(*Source)
	s.mu.Lock()
	s.seed(seed)
	s.mu.Unlock()
	return scheme.Unspecified, nil
}

// randomSourceMakeIntegers implements random-source-make-integers.
func randomSourceMakeIntegers(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Source)
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "random-integer", Spec: spec, Doc: "An integer from 0 to n-1 drawn from a random source.",
		Args: scheme.Lambda(scheme.Req("n", typeRange)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return s.integer(a[0]), nil
		}}), nil
}

// randomSourceMakeReals implements random-source-make-reals.
func randomSourceMakeReals(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Source)
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "random-real", Spec: spec, Doc: "A flonum between 0 and 1 drawn from a random source.",
		Args: scheme.Lambda(),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return s.real(), nil
		}}), nil
}
