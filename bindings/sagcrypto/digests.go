// Sagittarius's (sagittarius crypto digests): digest descriptors and message digests over Go's hashes.

package sagcrypto

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"
	"sync"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/md4"
	"golang.org/x/crypto/ripemd160"
	xsha3 "golang.org/x/crypto/sha3"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// DigestDescriptor is a digest descriptor such as *digest:sha-256*.
type DigestDescriptor struct {
	Name      string // human-readable name, e.g. "SHA-256"
	Size      int    // digest size in bytes; 0 for the variable-length SHAKE and cSHAKE
	BlockSize int    // block (rate) size in bytes
	OID       string // dotted OID, "" when the algorithm has none
	// New returns the Go hash of a fixed-size digest, NewXOF that of
	// SHAKE and cSHAKE; both are nil when tlsport has no implementation.
	New    func() hash.Hash
	NewXOF func() *sha3.SHAKE
}

// TypeName implements scheme.Value.
func (*DigestDescriptor) TypeName() string { return "digest-descriptor" }

// Repr implements scheme.Repr.
func (d *DigestDescriptor) Repr() string { return "#<digest-descriptor " + d.Name + ">" }

// Hash returns a new Go hash of d, or an implementation-restriction error
// of who naming the algorithm when tlsport has none (or d is SHAKE or
// cSHAKE, which are no hash.Hash).
func (d *DigestDescriptor) Hash(who string) (hash.Hash, error) {
	if d.New == nil {
		return nil, d.unsupported(who)
	}
	return d.New(), nil
}

func (d *DigestDescriptor) unsupported(who string) error {
	if d.NewXOF != nil {
		return Unsupported(who, d.Name+" is not supported here: it has no fixed output size", d)
	}
	return Unsupported(who, d.Name+" is not supported: tlsport has no Go implementation of it", d)
}

// MessageDigest is a message digest: a descriptor and its running state.
// It locks, so threads may share it (the result of interleaved input is
// theirs to order).
type MessageDigest struct {
	D  *DigestDescriptor
	mu sync.Mutex
	h  hash.Hash   // fixed-size digests
	x  *sha3.SHAKE // SHAKE and cSHAKE
}

func (m *MessageDigest) locker() *sync.Mutex { return &m.mu }

func (m *MessageDigest) write(b []byte) {
	if m.x != nil {
		m.x.Write(b)
	} else {
		m.h.Write(b)
	}
}

func (m *MessageDigest) reset() {
	if m.x != nil {
		m.x.Reset()
	} else {
		m.h.Reset()
	}
}

// TypeName implements scheme.Value.
func (*MessageDigest) TypeName() string { return "message-digest" }

// Repr implements scheme.Repr.
func (m *MessageDigest) Repr() string { return "#<message-digest " + m.D.Name + ">" }

var (
	_ scheme.Repr = (*DigestDescriptor)(nil)
	_ scheme.Repr = (*MessageDigest)(nil)
	_ incremental = (*MessageDigest)(nil)
)

func blake2bOf(size int) func() hash.Hash {
	return func() hash.Hash { h, _ := blake2b.New(size, nil); return h }
}

// The digest descriptors, in the document's order. OIDs: NIST CSOR
// (2.16.840.1.101.3.4.2.*), RSADSI (1.2.840.113549.2.*), TeleTrusT
// (RIPEMD, 1.3.36.3.2.*), RFC 7693 (BLAKE2, 1.3.6.1.4.1.1722.12.2.*).
var (
	Whirlpool  = &DigestDescriptor{Name: "Whirlpool", Size: 64, BlockSize: 64, OID: "1.0.10118.3.0.55"}
	RIPEMD128  = &DigestDescriptor{Name: "RIPEMD-128", Size: 16, BlockSize: 64, OID: "1.3.36.3.2.2"}
	RIPEMD160  = &DigestDescriptor{Name: "RIPEMD-160", Size: 20, BlockSize: 64, OID: "1.3.36.3.2.1", New: ripemd160.New}
	RIPEMD256  = &DigestDescriptor{Name: "RIPEMD-256", Size: 32, BlockSize: 64, OID: "1.3.36.3.2.3"}
	RIPEMD320  = &DigestDescriptor{Name: "RIPEMD-320", Size: 40, BlockSize: 64}
	SHA1       = &DigestDescriptor{Name: "SHA-1", Size: 20, BlockSize: 64, OID: "1.3.14.3.2.26", New: sha1.New}
	SHA224     = &DigestDescriptor{Name: "SHA-224", Size: 28, BlockSize: 64, OID: "2.16.840.1.101.3.4.2.4", New: sha256.New224}
	SHA256     = &DigestDescriptor{Name: "SHA-256", Size: 32, BlockSize: 64, OID: "2.16.840.1.101.3.4.2.1", New: sha256.New}
	SHA384     = &DigestDescriptor{Name: "SHA-384", Size: 48, BlockSize: 128, OID: "2.16.840.1.101.3.4.2.2", New: sha512.New384}
	SHA512     = &DigestDescriptor{Name: "SHA-512", Size: 64, BlockSize: 128, OID: "2.16.840.1.101.3.4.2.3", New: sha512.New}
	SHA512_224 = &DigestDescriptor{Name: "SHA-512/224", Size: 28, BlockSize: 128, OID: "2.16.840.1.101.3.4.2.5", New: sha512.New512_224}
	SHA512_256 = &DigestDescriptor{Name: "SHA-512/256", Size: 32, BlockSize: 128, OID: "2.16.840.1.101.3.4.2.6", New: sha512.New512_256}
	SHA3_224   = &DigestDescriptor{Name: "SHA3-224", Size: 28, BlockSize: 144, OID: "2.16.840.1.101.3.4.2.7", New: func() hash.Hash { return sha3.New224() }}
	SHA3_256   = &DigestDescriptor{Name: "SHA3-256", Size: 32, BlockSize: 136, OID: "2.16.840.1.101.3.4.2.8", New: func() hash.Hash { return sha3.New256() }}
	SHA3_384   = &DigestDescriptor{Name: "SHA3-384", Size: 48, BlockSize: 104, OID: "2.16.840.1.101.3.4.2.9", New: func() hash.Hash { return sha3.New384() }}
	SHA3_512   = &DigestDescriptor{Name: "SHA3-512", Size: 64, BlockSize: 72, OID: "2.16.840.1.101.3.4.2.10", New: func() hash.Hash { return sha3.New512() }}
	Keccak224  = &DigestDescriptor{Name: "Keccak-224", Size: 28, BlockSize: 144}
	Keccak256  = &DigestDescriptor{Name: "Keccak-256", Size: 32, BlockSize: 136, New: xsha3.NewLegacyKeccak256}
	Keccak384  = &DigestDescriptor{Name: "Keccak-384", Size: 48, BlockSize: 104}
	Keccak512  = &DigestDescriptor{Name: "Keccak-512", Size: 64, BlockSize: 72, New: xsha3.NewLegacyKeccak512}
	Tiger192   = &DigestDescriptor{Name: "Tiger-192", Size: 24, BlockSize: 64, OID: "1.3.6.1.4.1.11591.12.2"}
	MD5        = &DigestDescriptor{Name: "MD5", Size: 16, BlockSize: 64, OID: "1.2.840.113549.2.5", New: md5.New}
	MD4        = &DigestDescriptor{Name: "MD4", Size: 16, BlockSize: 64, OID: "1.2.840.113549.2.4", New: md4.New}
	MD2        = &DigestDescriptor{Name: "MD2", Size: 16, BlockSize: 16, OID: "1.2.840.113549.2.2"}
	BLAKE2s128 = &DigestDescriptor{Name: "BLAKE2s-128", Size: 16, BlockSize: 64, OID: "1.3.6.1.4.1.1722.12.2.2.4"}
	BLAKE2s160 = &DigestDescriptor{Name: "BLAKE2s-160", Size: 20, BlockSize: 64, OID: "1.3.6.1.4.1.1722.12.2.2.5"}
	BLAKE2s224 = &DigestDescriptor{Name: "BLAKE2s-224", Size: 28, BlockSize: 64, OID: "1.3.6.1.4.1.1722.12.2.2.7"}
	BLAKE2s256 = &DigestDescriptor{Name: "BLAKE2s-256", Size: 32, BlockSize: 64, OID: "1.3.6.1.4.1.1722.12.2.2.8", New: func() hash.Hash { h, _ := blake2s.New256(nil); return h }}
	BLAKE2b160 = &DigestDescriptor{Name: "BLAKE2b-160", Size: 20, BlockSize: 128, OID: "1.3.6.1.4.1.1722.12.2.1.5", New: blake2bOf(20)}
	BLAKE2b256 = &DigestDescriptor{Name: "BLAKE2b-256", Size: 32, BlockSize: 128, OID: "1.3.6.1.4.1.1722.12.2.1.8", New: blake2bOf(32)}
	BLAKE2b384 = &DigestDescriptor{Name: "BLAKE2b-384", Size: 48, BlockSize: 128, OID: "1.3.6.1.4.1.1722.12.2.1.12", New: blake2bOf(48)}
	BLAKE2b512 = &DigestDescriptor{Name: "BLAKE2b-512", Size: 64, BlockSize: 128, OID: "1.3.6.1.4.1.1722.12.2.1.16", New: blake2bOf(64)}
	SHAKE128   = &DigestDescriptor{Name: "SHAKE128", BlockSize: 168, OID: "2.16.840.1.101.3.4.2.11", NewXOF: func() *sha3.SHAKE { return sha3.NewSHAKE128() }}
	SHAKE256   = &DigestDescriptor{Name: "SHAKE256", BlockSize: 136, OID: "2.16.840.1.101.3.4.2.12", NewXOF: func() *sha3.SHAKE { return sha3.NewSHAKE256() }}
	CSHAKE128  = &DigestDescriptor{Name: "cSHAKE128", BlockSize: 168, NewXOF: func() *sha3.SHAKE { return sha3.NewCSHAKE128(nil, nil) }}
	CSHAKE256  = &DigestDescriptor{Name: "cSHAKE256", BlockSize: 136, NewXOF: func() *sha3.SHAKE { return sha3.NewCSHAKE256(nil, nil) }}
)

// digestDescriptors are the exported descriptors by Scheme name, in the document's order.
var digestDescriptors = []struct {
	name string
	d    *DigestDescriptor
}{
	{"*digest:whirlpool*", Whirlpool}, {"*digest:ripemd-128*", RIPEMD128}, {"*digest:ripemd-160*", RIPEMD160},
	{"*digest:ripemd-256*", RIPEMD256}, {"*digest:ripemd-320*", RIPEMD320},
	{"*digest:sha-1*", SHA1}, {"*digest:sha-224*", SHA224}, {"*digest:sha-256*", SHA256}, {"*digest:sha-384*", SHA384},
	{"*digest:sha-512*", SHA512}, {"*digest:sha-512/224*", SHA512_224}, {"*digest:sha-512/256*", SHA512_256},
	{"*digest:sha3-224*", SHA3_224}, {"*digest:sha3-256*", SHA3_256}, {"*digest:sha3-384*", SHA3_384}, {"*digest:sha3-512*", SHA3_512},
	{"*digest:keccak-224*", Keccak224}, {"*digest:keccak-256*", Keccak256}, {"*digest:keccak-384*", Keccak384}, {"*digest:keccak-512*", Keccak512},
	{"*digest:tiger-192*", Tiger192}, {"*digest:md5*", MD5}, {"*digest:md4*", MD4}, {"*digest:md2*", MD2},
	{"*digest:blake2s-128*", BLAKE2s128}, {"*digest:blake2s-160*", BLAKE2s160}, {"*digest:blake2s-224*", BLAKE2s224}, {"*digest:blake2s-256*", BLAKE2s256},
	{"*digest:blake2b-160*", BLAKE2b160}, {"*digest:blake2b-256*", BLAKE2b256}, {"*digest:blake2b-384*", BLAKE2b384}, {"*digest:blake2b-512*", BLAKE2b512},
	{"*digest:shake-128*", SHAKE128}, {"*digest:shake-256*", SHAKE256}, {"*digest:cshake-128*", CSHAKE128}, {"*digest:cshake-256*", CSHAKE256},
}

// TypeDigestDescriptor and TypeMessageDigest are parameter types.
var (
	TypeDigestDescriptor = &scheme.Type{Name: "digest descriptor", Accept: func(v scheme.Value) bool { _, ok := v.(*DigestDescriptor); return ok }}
	TypeMessageDigest    = &scheme.Type{Name: "message digest", Accept: func(v scheme.Value) bool { _, ok := v.(*MessageDigest); return ok }}
)

// sizeOrFalse is a size, or #f for 0 (variable).
func sizeOrFalse(n int) scheme.Value {
	if n == 0 {
		return scheme.False
	}
	return scheme.Fixnum(n)
}

// digestDescriptorP implements digest-descriptor?.
func digestDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*DigestDescriptor](a[0]), nil
}

// digestDescriptorName implements digest-descriptor-name.
func digestDescriptorName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(a[0].(*DigestDescriptor).Name), nil
}

// digestDescriptorDigestSize implements digest-descriptor-digest-size.
func digestDescriptorDigestSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sizeOrFalse(a[0].(*DigestDescriptor).Size), nil
}

// digestDescriptorBlockSize implements digest-descriptor-block-size.
func digestDescriptorBlockSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*DigestDescriptor).BlockSize), nil
}

// oidValue is an OID string, or #f for "".
func oidValue(oid string) scheme.Value {
	if oid == "" {
		return scheme.False
	}
	return scheme.NewString(oid)
}

// digestDescriptorOID implements digest-descriptor-oid.
func digestDescriptorOID(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return oidValue(a[0].(*DigestDescriptor).OID), nil
}

// messageDigestP implements message-digest?.
func messageDigestP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*MessageDigest](a[0]), nil
}

// makeMessageDigest implements make-message-digest.
func makeMessageDigest(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := a[0].(*DigestDescriptor)
	if d.NewXOF != nil {
		return &MessageDigest{D: d, x: d.NewXOF()}, nil
	}
	h, err := d.Hash("make-message-digest")
	if err != nil {
		return nil, err
	}
	return &MessageDigest{D: d, h: h}, nil
}

// messageDigestDescriptor implements message-digest-descriptor.
func messageDigestDescriptor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*MessageDigest).D, nil
}

// messageDigestDigestSize implements message-digest-digest-size.
func messageDigestDigestSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sizeOrFalse(a[0].(*MessageDigest).D.Size), nil
}

// defaultLength is span's default output length: the digest size, or -1
// (to the end of the output) for SHAKE and cSHAKE.
func (d *DigestDescriptor) defaultLength() int {
	if d.Size == 0 {
		return -1
	}
	return d.Size
}

// checkOut checks that a fixed-size digest is not asked for more than its
// size: out's length, from the argument at pos (given).
func (m *MessageDigest) checkOut(out []byte, pos int, given scheme.Value) error {
	if m.x == nil && len(out) > m.D.Size {
		return scheme.RangeError("", pos, m.D.Name+" digests are "+itoa(m.D.Size)+" bytes", given)
	}
	return nil
}

func (m *MessageDigest) finish(out []byte) {
	if m.x != nil {
		_, _ = m.x.Read(out)
	} else {
		copy(out, m.h.Sum(nil))
	}
	m.reset()
}

func itoa(n int) string { return scheme.WriteString(scheme.Fixnum(n)) }

// outLength is the length of a freshly allocated result: the digest size,
// or for SHAKE and cSHAKE the length argument a[i], which must be given.
func (m *MessageDigest) outLength(who string, a []scheme.Value, i int) (int, error) {
	if m.D.Size > 0 {
		return m.D.Size, nil
	}
	if i >= len(a) || scheme.IsDefault(a[i]) {
		return 0, scheme.NewError(who, m.D.Name+" has no fixed digest size: give the length", []scheme.Value{m}, "type")
	}
	return scheme.ArgSize(i+1, a[i], 1)
}

// digestMessage implements digest-message.
func digestMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MessageDigest)
	n, err := m.outLength("digest-message", a, 2)
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	oneShot(m, bytesOf(a[1]), out)
	return &scheme.Bytevector{B: out}, nil
}

// digestMessageBang implements digest-message!.
func digestMessageBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MessageDigest)
	out, err := span(bytesOf(a[2]), a, 3, m.D.defaultLength())
	if err == nil {
		err = m.checkOut(out, 5, a[4])
	}
	if err != nil {
		return nil, err
	}
	oneShot(m, bytesOf(a[1]), out)
	return a[2], nil
}

// messageDigestInitBang implements message-digest-init!.
func messageDigestInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return initBang(th, a)
}

// messageDigestProcessBang implements message-digest-process!.
func messageDigestProcessBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return processBang(th, a)
}

// messageDigestDoneBang implements message-digest-done!.
func messageDigestDoneBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MessageDigest)
	out, err := span(bytesOf(a[1]), a, 2, m.D.defaultLength())
	if err == nil {
		err = m.checkOut(out, 4, a[3])
	}
	if err != nil {
		return nil, err
	}
	doneState(m, out)
	return a[1], nil
}

// messageDigestDone implements message-digest-done.
func messageDigestDone(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MessageDigest)
	n, err := m.outLength("message-digest-done", a, 1)
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	doneState(m, out)
	return &scheme.Bytevector{B: out}, nil
}

// descriptorParams and mdParams are the parameters of the one-argument
// procedures on descriptors and message digests.
func descriptorParams() scheme.Params {
	return scheme.Lambda(scheme.Req("descriptor", TypeDigestDescriptor))
}
func mdParams() scheme.Params { return scheme.Lambda(scheme.Req("md", TypeMessageDigest)) }

const digestSpec = "sagittarius (sagittarius crypto digests) §4"

func digestValues() []scheme.Binding {
	out := make([]scheme.Binding, 0, len(digestDescriptors))
	for _, e := range digestDescriptors {
		d := e.d
		doc := "The " + d.Name + " digest descriptor"
		if d.New == nil && d.NewXOF == nil {
			doc += "; make-message-digest raises an (exn unsupported) implementation-restriction violation: tlsport has no Go implementation of " + d.Name
		}
		if d.Size == 0 {
			doc += "; variable digest size (give the length when digesting)"
		}
		out = append(out, scheme.Binding{Name: e.name, Spec: digestSpec, Doc: doc + ".", Value: d})
	}
	return out
}

// DigestsLibrary is (sagittarius crypto digests).
var DigestsLibrary = &scheme.Library{Name: "(sagittarius crypto digests)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's digests over Go's crypto and golang.org/x/crypto. Whirlpool, Tiger-192, MD2, RIPEMD-128/256/320, Keccak-224/384 and BLAKE2s-128/160/224 " +
		"(no well-kept Go implementation) have descriptors, but make-message-digest raises an (exn unsupported) implementation-restriction violation naming the algorithm. " +
		"cSHAKE has an empty function name and customization (make-message-digest takes no options), so it equals SHAKE. " +
		"message-digest-done and message-digest-done! leave the digest initialised again. Message digests lock: threads may share one.",
	Build: func(l *scheme.Library) { fillFrom(l, digestsTable()) }}

// digestsTable returns the rows of (sagittarius crypto digests), made when a program first
// imports the library rather than at every start.
func digestsTable() *scheme.Library {
	return &scheme.Library{
		Values: digestValues(),
		Procs: []scheme.Proc{
			{Name: "digest-descriptor?", Spec: digestSpec, Sig: "(digest-descriptor? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a digest descriptor?", Fn: digestDescriptorP},
			{Name: "digest-descriptor-name", Spec: digestSpec, Sig: "(digest-descriptor-name descriptor)",
				LazyArgs: descriptorParams,
				Doc:      "The human-readable name, e.g. \"SHA-256\", \"SHA3-512\", \"BLAKE2b-512\", \"SHAKE128\".", Fn: digestDescriptorName},
			{Name: "digest-descriptor-digest-size", Spec: digestSpec, Sig: "(digest-descriptor-digest-size descriptor)",
				LazyArgs: descriptorParams,
				Doc:      "The digest size in bytes; #f for SHAKE and cSHAKE, whose size is variable.", Fn: digestDescriptorDigestSize},
			{Name: "digest-descriptor-block-size", Spec: digestSpec, Sig: "(digest-descriptor-block-size descriptor)",
				LazyArgs: descriptorParams,
				Doc:      "The block size in bytes (the rate for SHA-3, Keccak and SHAKE).", Fn: digestDescriptorBlockSize},
			{Name: "digest-descriptor-oid", Spec: digestSpec, Sig: "(digest-descriptor-oid descriptor)",
				LazyArgs: descriptorParams,
				Doc:      "The OID as a dotted string, e.g. \"2.16.840.1.101.3.4.2.1\"; #f when the digest has none (Keccak, RIPEMD-320, cSHAKE).", Fn: digestDescriptorOID},
			{Name: "message-digest?", Spec: digestSpec, Sig: "(message-digest? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a message digest?", Fn: messageDigestP},
			{Name: "make-message-digest", Spec: digestSpec, Sig: "(make-message-digest descriptor)",
				LazyArgs: descriptorParams,
				Doc:      "A new message digest of the descriptor's algorithm; an (exn unsupported) implementation-restriction violation for an algorithm tlsport has no implementation of.", Fn: makeMessageDigest},
			{Name: "message-digest-descriptor", Spec: digestSpec, Sig: "(message-digest-descriptor md)",
				LazyArgs: mdParams,
				Doc:      "The digest descriptor of md.", Fn: messageDigestDescriptor},
			{Name: "message-digest-digest-size", Spec: digestSpec, Sig: "(message-digest-digest-size md)",
				LazyArgs: mdParams,
				Doc:      "The digest size of md in bytes; #f for SHAKE and cSHAKE.", Fn: messageDigestDigestSize},
			{Name: "digest-message", Spec: digestSpec, Sig: "(digest-message md msg :optional length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("md", TypeMessageDigest), scheme.Req("msg", scheme.TypeBytevector), scheme.Opt("length", nil, nil))
				},
				Doc: "A fresh bytevector holding the digest of msg (md is initialised first and after). length is required for SHAKE and cSHAKE and ignored otherwise.", Fn: digestMessage},
			{Name: "digest-message!", Spec: digestSpec, Sig: "(digest-message! md msg out :optional start length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("md", TypeMessageDigest), scheme.Req("msg", scheme.TypeBytevector), scheme.Req("out", scheme.TypeBytevector),
						scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil))
				},
				Doc: "Digest msg into out[start, start+length) (start 0; length the digest size, to the end of out for SHAKE; a fixed-size digest may be truncated but not extended); returns out.", Fn: digestMessageBang},
			{Name: "message-digest-init!", Spec: digestSpec, Sig: "(message-digest-init! md)",
				LazyArgs: mdParams,
				Doc:      "Initialise md, dropping the input processed so far; returns md.", Fn: messageDigestInitBang},
			{Name: "message-digest-process!", Spec: digestSpec, Sig: "(message-digest-process! md msg :optional start length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("md", TypeMessageDigest), scheme.Req("msg", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil))
				},
				Doc: "Feed msg[start, start+length) (default all of msg) into md; returns md.", Fn: messageDigestProcessBang},
			{Name: "message-digest-done!", Spec: digestSpec, Sig: "(message-digest-done! md out :optional start length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("md", TypeMessageDigest), scheme.Req("out", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil))
				},
				Doc: "Write the digest of the input so far into out[start, start+length) as digest-message! does, and initialise md; returns out.", Fn: messageDigestDoneBang},
			{Name: "message-digest-done", Spec: digestSpec, Sig: "(message-digest-done md :optional length)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("md", TypeMessageDigest), scheme.Opt("length", nil, nil))
				},
				Doc: "A fresh bytevector holding the digest of the input so far (length: required for SHAKE and cSHAKE, ignored otherwise); initialises md.", Fn: messageDigestDone},
		},
	}
}
