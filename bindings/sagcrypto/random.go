// Sagittarius's (sagittarius crypto random): PRNG descriptors and random generators over crypto/rand and keystream generators.

package sagcrypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rc4"
	"crypto/sha256"
	"sync"

	"golang.org/x/crypto/chacha20"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// seedSize is the entropy a keystream generator is keyed with (a ChaCha20
// key and nonce, as libtomcrypt's chacha20 PRNG).
const seedSize = 40

// rekeyAfter is how many bytes a keystream generator gives before it rekeys
// itself from its own output (well below ChaCha20's 2^32 blocks of 64
// bytes).
const rekeyAfter = 1 << 36

// PRNGDescriptor is a PRNG descriptor such as *prng:chacha20*.
type PRNGDescriptor struct {
	Name string
	// Keystream returns the keystream keyed by seedSize bytes of entropy;
	// nil for the system PRNG (crypto/rand) and for PRNGs tlsport has no
	// implementation of (Unsupported set).
	Keystream   func(seed []byte) cipher.Stream
	Unsupported bool
}

// TypeName implements scheme.Value.
func (*PRNGDescriptor) TypeName() string { return "prng-descriptor" }

// Repr implements scheme.Repr.
func (d *PRNGDescriptor) Repr() string { return "#<prng-descriptor " + d.Name + ">" }

func chacha20Stream(seed []byte) cipher.Stream {
	nonce := make([]byte, chacha20.NonceSize) // the 64-bit counter high word, then the 64-bit IV
	copy(nonce[4:], seed[32:40])
	s, _ := chacha20.NewUnauthenticatedCipher(seed[:32], nonce)
	return s
}

func rc4Stream(seed []byte) cipher.Stream {
	s, _ := rc4.NewCipher(seed)
	drop := make([]byte, 3072) // libtomcrypt's RC4 PRNG drops the first 3072 bytes
	s.XORKeyStream(drop, drop)
	return s
}

func aesCTRStream(seed []byte) cipher.Stream {
	key := sha256.Sum256(seed)
	b, _ := aes.NewCipher(key[:])
	return cipher.NewCTR(b, make([]byte, aes.BlockSize))
}

// The PRNG descriptors.
var (
	Yarrow   = &PRNGDescriptor{Name: "Yarrow", Keystream: aesCTRStream}
	Fortuna  = &PRNGDescriptor{Name: "Fortuna", Keystream: aesCTRStream}
	RC4      = &PRNGDescriptor{Name: "RC4", Keystream: rc4Stream}
	Sober128 = &PRNGDescriptor{Name: "Sober-128", Unsupported: true}
	ChaCha20 = &PRNGDescriptor{Name: "ChaCha20", Keystream: chacha20Stream}
	System   = &PRNGDescriptor{Name: "System"}
)

// RandomGenerator is a builtin random generator. It locks, so threads may
// share it.
type RandomGenerator struct {
	D      *PRNGDescriptor
	Secure bool // made by secure-random-generator
	mu     sync.Mutex
	stream cipher.Stream // nil for the system PRNG
	given  int64         // bytes given since the last keying
}

// TypeName implements scheme.Value.
func (*RandomGenerator) TypeName() string { return "random-generator" }

// Repr implements scheme.Repr.
func (g *RandomGenerator) Repr() string {
	if g.Secure {
		return "#<secure-random-generator " + g.D.Name + ">"
	}
	return "#<random-generator " + g.D.Name + ">"
}

// customClass is <custom-random-generator>, which tlsport has no way to
// subclass (it has no CLOS).
type customClass struct{}

// TypeName implements scheme.Value.
func (customClass) TypeName() string { return "class" }

// Repr implements scheme.Repr.
func (customClass) Repr() string { return "#<class <custom-random-generator>>" }

var (
	_ scheme.Repr = (*PRNGDescriptor)(nil)
	_ scheme.Repr = (*RandomGenerator)(nil)
	_ scheme.Repr = customClass{}
)

// Read fills p with random bytes; it never fails.
func (g *RandomGenerator) Read(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.read(p)
	return len(p), nil
}

// read fills p; g.mu is held.
func (g *RandomGenerator) read(p []byte) {
	if g.stream == nil {
		_, _ = rand.Read(p)
		return
	}
	for len(p) > 0 {
		if g.given >= rekeyAfter {
			g.rekey(nil)
		}
		n := min(len(p), rekeyAfter-int(g.given))
		clear(p[:n])
		g.stream.XORKeyStream(p[:n], p[:n])
		g.given += int64(n)
		p = p[n:]
	}
}

// rekey keys g's keystream anew from seedSize bytes of its own output with
// seed XORed in, as libtomcrypt's PRNGs add entropy once ready; g.mu is held.
func (g *RandomGenerator) rekey(seed []byte) {
	buf := make([]byte, seedSize)
	g.stream.XORKeyStream(buf, buf)
	for i, b := range seed {
		buf[i%seedSize] ^= b
	}
	g.stream, g.given = g.D.Keystream(buf), 0
}

// newGenerator makes a builtin generator of d, keyed from crypto/rand.
func newGenerator(who string, d *PRNGDescriptor, secure bool) (*RandomGenerator, error) {
	switch {
	case d.Unsupported:
		return nil, Unsupported(who, d.Name+" is not supported: tlsport has no Go implementation of it", d)
	case d.Keystream == nil && !secure:
		return nil, scheme.NewError(who, "the system PRNG cannot be a pseudo random generator: use secure-random-generator", []scheme.Value{d}, "assertion")
	}
	g := &RandomGenerator{D: d, Secure: secure}
	if d.Keystream != nil {
		seed := make([]byte, seedSize)
		_, _ = rand.Read(seed)
		g.stream = d.Keystream(seed)
	}
	return g, nil
}

// TypeRandomGenerator is the parameter type of a random generator.
var TypeRandomGenerator = &scheme.Type{Name: "random generator", Accept: func(v scheme.Value) bool { _, ok := v.(*RandomGenerator); return ok }}

// prngDescriptorP implements prng-descriptor?.
func prngDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*PRNGDescriptor](a[0]), nil
}

// prngDescriptorName implements prng-descriptor-name.
func prngDescriptorName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, ok := a[0].(*PRNGDescriptor)
	if !ok {
		return nil, scheme.TypeError("prng-descriptor-name", 1, "PRNG descriptor", a[0])
	}
	return scheme.NewString(d.Name), nil
}

// randomGeneratorP implements random-generator?.
func randomGeneratorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*RandomGenerator](a[0]), nil
}

// builtinRandomGeneratorP implements builtin-random-generator? (every
// generator tlsport makes is builtin).
func builtinRandomGeneratorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return randomGeneratorP(th, a)
}

// secureRandomGeneratorP implements secure-random-generator?.
func secureRandomGeneratorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	g, ok := a[0].(*RandomGenerator)
	return scheme.MakeBool(ok && g.Secure), nil
}

// customRandomGeneratorP implements custom-random-generator?: #f, as no
// custom generator can be made.
func customRandomGeneratorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.False, nil
}

// randomGeneratorReadRandomBytes implements random-generator-read-random-bytes.
func randomGeneratorReadRandomBytes(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := scheme.ArgSize(2, a[1], 1)
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	_, _ = a[0].(*RandomGenerator).Read(out)
	return &scheme.Bytevector{B: out}, nil
}

// randomGeneratorReadRandomBytesBang implements random-generator-read-random-bytes!.
func randomGeneratorReadRandomBytesBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	out, err := span(a[1].(*scheme.Bytevector).B, a, 2, -1)
	if err != nil {
		return nil, err
	}
	_, _ = a[0].(*RandomGenerator).Read(out)
	return a[1], nil
}

// randomGeneratorRandomizeBang implements random-generator-randomize!.
func randomGeneratorRandomizeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	g := a[0].(*RandomGenerator)
	seed, err := span(a[1].(*scheme.Bytevector).B, a, 2, -1)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stream != nil {
		g.rekey(seed)
	}
	return g, nil
}

// randomGeneratorRandomInteger implements random-generator-random-integer.
func randomGeneratorRandomInteger(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bound := scheme.BigOf(a[1])
	if bound.Sign() <= 0 {
		return nil, scheme.RangeError("random-generator-random-integer", 2, "bound must be positive", a[1])
	}
	n, err := rand.Int(a[0].(*RandomGenerator), bound)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(n), nil
}

// pseudoRandomGenerator implements pseudo-random-generator.
func pseudoRandomGenerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeGenerator(th, "pseudo-random-generator", a, false)
}

// secureRandomGenerator implements secure-random-generator.
func secureRandomGenerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return makeGenerator(th, "secure-random-generator", a, true)
}

// makeGenerator is pseudo-random-generator and secure-random-generator.
func makeGenerator(th *scheme.Thread, who string, a []scheme.Value, secure bool) (scheme.Value, error) {
	d, ok := a[0].(*PRNGDescriptor)
	if !ok {
		return makeCustomRandomGenerator(th, a)
	}
	return newGenerator(who, d, secure)
}

// randomGeneratorState implements random-generator-state: #f, not supported.
func randomGeneratorState(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.False, nil
}

// makeCustomRandomGenerator implements make-custom-random-generator.
func makeCustomRandomGenerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, Unsupported("make-custom-random-generator", "custom random generators are not supported: tlsport has no CLOS generic functions; use a PRNG descriptor", a[0])
}

const randomSpec = "sagittarius (sagittarius crypto random) §4"

func prngValue(name string, d *PRNGDescriptor, doc string) scheme.Binding {
	return scheme.Binding{Name: name, Spec: randomSpec, Doc: doc, Value: d}
}

// RandomLibrary is (sagittarius crypto random).
var RandomLibrary = &scheme.Library{Name: "(sagittarius crypto random)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's random generators. Every generator is keyed from crypto/rand when made; random-generator-randomize! rekeys it from its own output with the seed mixed in, " +
		"as libtomcrypt's PRNGs add entropy, so two generators given the same seed still differ (the output is not byte-compatible with Sagittarius's). " +
		"A secure generator differs from a pseudo one only in secure-random-generator?. Generators lock: threads may share one. " +
		"Sober-128 (no Go implementation) raises an (exn unsupported) implementation-restriction violation; so do custom generators, as tlsport has no CLOS.",
	Build: func(l *scheme.Library) { fillFrom(l, randomTable()) }}

// randomTable returns the rows of (sagittarius crypto random), made when a program first
// imports the library rather than at every start.
func randomTable() *scheme.Library {
	return &scheme.Library{
		Values: []scheme.Binding{
			prngValue("*prng:yarrow*", Yarrow, "Yarrow's generator: AES-256 in counter mode keyed by SHA-256 of the entropy (the entropy pools are not emulated)."),
			prngValue("*prng:fortuna*", Fortuna, "Fortuna's generator: AES-256 in counter mode keyed by SHA-256 of the entropy (the entropy pools are not emulated)."),
			prngValue("*prng:rc4*", RC4, "RC4's keystream (crypto/rc4) keyed by the entropy, the first 3072 bytes dropped."),
			prngValue("*prng:sober-128*", Sober128, "Sober-128: not supported (no Go implementation); making a generator of it raises an (exn unsupported) implementation-restriction violation."),
			prngValue("*prng:chacha20*", ChaCha20, "ChaCha20's keystream (golang.org/x/crypto/chacha20) keyed by the entropy: 32 bytes of key, 8 of IV."),
			prngValue("*prng:system*", System, "The system PRNG (Go's crypto/rand: getrandom(2) on Linux); secure generators only, randomize! has no effect."),
			{Name: "<custom-random-generator>", Spec: randomSpec + " Custom random generator", Doc: "The class of custom random generators; tlsport has no CLOS, so it cannot be subclassed.", Value: customClass{}},
		},
		Procs: []scheme.Proc{
			{Name: "prng-descriptor?", Spec: randomSpec, Sig: "(prng-descriptor? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a PRNG descriptor?", Fn: prngDescriptorP},
			{Name: "prng-descriptor-name", Spec: randomSpec, Sig: "(prng-descriptor-name descriptor)", Args: scheme.Params{Required: []string{"descriptor"}},
				Doc: "The name: \"Yarrow\", \"Fortuna\", \"RC4\", \"Sober-128\", \"ChaCha20\" or \"System\".", Fn: prngDescriptorName},
			{Name: "random-generator?", Spec: randomSpec, Sig: "(random-generator? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a random generator?", Fn: randomGeneratorP},
			{Name: "builtin-random-generator?", Spec: randomSpec, Sig: "(builtin-random-generator? obj)", Args: scheme.Params{Required: []string{"obj"}},
				Doc: "Is obj a builtin random generator (every generator tlsport makes)?", Fn: builtinRandomGeneratorP},
			{Name: "secure-random-generator?", Spec: randomSpec, Sig: "(secure-random-generator? obj)", Args: scheme.Params{Required: []string{"obj"}},
				Doc: "Is obj a generator made by secure-random-generator?", Fn: secureRandomGeneratorP},
			{Name: "custom-random-generator?", Spec: randomSpec, Sig: "(custom-random-generator? obj)", Args: scheme.Params{Required: []string{"obj"}},
				Doc: "Is obj a custom random generator? Always #f: tlsport cannot make them.", Fn: customRandomGeneratorP},
			{Name: "random-generator-read-random-bytes", Spec: randomSpec, Sig: "(random-generator-read-random-bytes random-generator size)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("random-generator", TypeRandomGenerator), scheme.Req("size", nil))
				},
				Doc: "A fresh bytevector of size random bytes.", Fn: randomGeneratorReadRandomBytes},
			{Name: "random-generator-read-random-bytes!", Spec: randomSpec, Sig: "(random-generator-read-random-bytes! random-generator out :optional start length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("random-generator", TypeRandomGenerator), scheme.Req("out", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil))
				},
				Doc: "Fill out[start, start+length) (default all of out) with random bytes; returns out.", Fn: randomGeneratorReadRandomBytesBang},
			{Name: "random-generator-randomize!", Spec: randomSpec, Sig: "(random-generator-randomize! random-generator seed :optional start length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("random-generator", TypeRandomGenerator), scheme.Req("seed", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil))
				},
				Doc: "Add seed[start, start+length) as entropy: the generator is rekeyed from its output with the seed mixed in (no effect on *prng:system*); returns the generator.", Fn: randomGeneratorRandomizeBang},
			{Name: "random-generator-random-integer", Spec: randomSpec, Sig: "(random-generator-random-integer random-generator bound)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("random-generator", TypeRandomGenerator), scheme.Req("bound", scheme.TypeExactInteger))
				},
				Doc: "A uniformly distributed random integer n, 0 <= n < bound (within the documented 0 <= n <= bound, as Sagittarius computes it); bound must be positive.", Fn: randomGeneratorRandomInteger},
			{Name: "pseudo-random-generator", Spec: randomSpec, Sig: "(pseudo-random-generator descriptor . opts)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("descriptor", nil), scheme.Rest("opts", nil)) },
				Doc:      "A builtin generator of the PRNG descriptor (opts ignored); *prng:system* is an &assertion violation (it cannot be a pseudo random generator); another descriptor calls make-custom-random-generator.", Fn: pseudoRandomGenerator},
			{Name: "secure-random-generator", Spec: randomSpec, Sig: "(secure-random-generator descriptor . opts)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("descriptor", nil), scheme.Rest("opts", nil)) },
				Doc:      "A builtin secure generator of the PRNG descriptor (opts ignored); another descriptor calls make-custom-random-generator.", Fn: secureRandomGenerator},
			{Name: "random-generator-state", Spec: randomSpec, Sig: "(random-generator-state random-generator :optional state)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("random-generator", TypeRandomGenerator), scheme.Opt("state", nil, nil))
				},
				Doc: "Get or set the state: not supported by the builtin generators, so #f (the documented default) and setting does nothing.", Fn: randomGeneratorState},
			{Name: "make-custom-random-generator", Spec: randomSpec + " Custom random generator", Sig: "(make-custom-random-generator descriptor . opts)",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("descriptor", nil), scheme.Rest("opts", nil)) },
				Doc:      "Sagittarius's generic for custom generators; tlsport has no CLOS, so it raises an (exn unsupported) implementation-restriction violation.", Fn: makeCustomRandomGenerator},
		},
	}
}
