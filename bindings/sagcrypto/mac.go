// Sagittarius's (sagittarius crypto mac): HMAC over crypto/hmac and KMAC (NIST SP 800-185) over crypto/sha3's cSHAKE.

package sagcrypto

import (
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha3"
	"crypto/subtle"
	"encoding/binary"
	"hash"
	"sync"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// MACAlgorithm is a MAC algorithm such as *mac:hmac*.
type MACAlgorithm struct {
	Name string
	// KMACRate is the cSHAKE rate of KMAC128 (168) and KMAC256 (136); 0
	// for the others.
	KMACRate int
}

// TypeName implements scheme.Value.
func (*MACAlgorithm) TypeName() string { return "mac-algorithm" }

// Repr implements scheme.Repr.
func (m *MACAlgorithm) Repr() string { return "#<mac-algorithm " + m.Name + ">" }

// The MAC algorithms.
var (
	HMAC    = &MACAlgorithm{Name: "HMAC"}
	CMAC    = &MACAlgorithm{Name: "CMAC"}
	GMAC    = &MACAlgorithm{Name: "GMAC"}
	KMAC    = &MACAlgorithm{Name: "KMAC", KMACRate: 168}
	KMAC128 = &MACAlgorithm{Name: "KMAC128", KMACRate: 168}
	KMAC256 = &MACAlgorithm{Name: "KMAC256", KMACRate: 136}
)

// macState is the running state of a MAC.
type macState interface {
	Write(b []byte) (int, error)
	// sum returns the MAC of the input so far, n bytes long (KMAC's output
	// length L; the others' own size, which n does not change).
	sum(n int) []byte
	reset()
}

type hmacState struct{ hash.Hash }

func (h hmacState) sum(int) []byte { return h.Sum(nil) }
func (h hmacState) reset()         { h.Reset() }

// kmacState is KMAC (NIST SP 800-185 §4): cSHAKE with function name
// "KMAC" over bytepad(encode_string(K), rate) ‖ X ‖ right_encode(L).
type kmacState struct {
	rate      int
	key, cust []byte
	x         *sha3.SHAKE
}

func newKMAC(rate int, key, custom []byte) *kmacState {
	k := &kmacState{rate: rate, key: key, cust: custom}
	k.reset()
	return k
}

func (k *kmacState) reset() {
	if k.rate == 136 {
		k.x = sha3.NewCSHAKE256([]byte("KMAC"), k.cust)
	} else {
		k.x = sha3.NewCSHAKE128([]byte("KMAC"), k.cust)
	}
	enc := append(leftEncode(uint64(len(k.key))*8), k.key...)
	pad := append(leftEncode(uint64(k.rate)), enc...)
	if r := len(pad) % k.rate; r != 0 {
		pad = append(pad, make([]byte, k.rate-r)...)
	}
	k.x.Write(pad)
}

func (k *kmacState) Write(b []byte) (int, error) { return k.x.Write(b) }

func (k *kmacState) sum(n int) []byte {
	k.x.Write(rightEncode(uint64(n) * 8))
	out := make([]byte, n)
	k.x.Read(out)
	return out
}

// leftEncode and rightEncode are NIST SP 800-185 §2.3.1's.
func leftEncode(x uint64) []byte {
	b := binary.BigEndian.AppendUint64(nil, x)
	i := 0
	for i < 7 && b[i] == 0 {
		i++
	}
	return append([]byte{byte(8 - i)}, b[i:]...)
}

func rightEncode(x uint64) []byte {
	l := leftEncode(x)
	return append(l[1:], l[0])
}

// MAC is a MAC object: its algorithm, key and running state. It locks, so
// threads may share it.
type MAC struct {
	Type   *MACAlgorithm
	Digest *DigestDescriptor // HMAC's digest; nil for the others
	Cipher *CipherDescriptor // CMAC's and GMAC's block cipher; nil for the others
	mu     sync.Mutex
	state  macState
	key    int // the key length (GMAC's OID depends on it)
}

// TypeName implements scheme.Value.
func (*MAC) TypeName() string { return "mac" }

// Repr implements scheme.Repr.
func (m *MAC) Repr() string {
	switch {
	case m.Digest != nil:
		return "#<mac " + m.Type.Name + "-" + m.Digest.Name + ">"
	case m.Cipher != nil:
		return "#<mac " + m.Type.Name + "-" + m.Cipher.Name + ">"
	}
	return "#<mac " + m.Type.Name + ">"
}

var (
	_ scheme.Repr = (*MACAlgorithm)(nil)
	_ scheme.Repr = (*MAC)(nil)
	_ incremental = (*MAC)(nil)
)

// size is the MAC size, 0 for KMAC (variable).
func (m *MAC) size() int {
	switch {
	case m.Digest != nil:
		return m.Digest.Size
	case m.Type == GMAC:
		return 16
	case m.Cipher != nil:
		return m.Cipher.Block
	}
	return 0
}

// defaultLength is the length of a MAC when none is given: the MAC size,
// or for KMAC twice the security strength (32 bytes for KMAC128, 64 for
// KMAC256).
func (m *MAC) defaultLength() int {
	if n := m.size(); n > 0 {
		return n
	}
	if m.Type.KMACRate == 136 {
		return 64
	}
	return 32
}

func (m *MAC) locker() *sync.Mutex { return &m.mu }
func (m *MAC) reset()              { m.state.reset() }
func (m *MAC) write(b []byte)      { m.state.Write(b) }

// finish writes the MAC of the input so far into out (KMAC: len(out)
// bytes; the others truncated, or their excess filled with 0) and
// initialises the state.
func (m *MAC) finish(out []byte) {
	n := len(out)
	if m.size() > 0 {
		n = m.size()
	}
	copy(out, m.state.sum(n))
	if n < len(out) {
		clear(out[n:])
	}
	m.state.reset()
}

// hmacOIDs are the OIDs of HMAC by digest (RFC 8018 Appendix B.1, NIST CSOR).
var hmacOIDs = map[*DigestDescriptor]string{
	SHA1: "1.2.840.113549.2.7", SHA224: "1.2.840.113549.2.8", SHA256: "1.2.840.113549.2.9",
	SHA384: "1.2.840.113549.2.10", SHA512: "1.2.840.113549.2.11", SHA512_224: "1.2.840.113549.2.12",
	SHA512_256: "1.2.840.113549.2.13", SHA3_224: "2.16.840.1.101.3.4.2.13", SHA3_256: "2.16.840.1.101.3.4.2.14",
	SHA3_384: "2.16.840.1.101.3.4.2.15", SHA3_512: "2.16.840.1.101.3.4.2.16",
}

// TypeMAC is the parameter type of a MAC object.
var TypeMAC = &scheme.Type{Name: "mac", Accept: func(v scheme.Value) bool { _, ok := v.(*MAC); return ok }}

// newMAC makes a MAC of type t keyed by key with the options opts (a rest
// list of keyword/value pairs).
func newMAC(who string, t *MACAlgorithm, key []byte, opts scheme.Value) (*MAC, error) {
	key = append([]byte(nil), key...)
	switch {
	case t == HMAC:
		o, err := keywordOptions(who, opts, "digest")
		if err != nil {
			return nil, err
		}
		d := SHA256
		if !scheme.IsDefault(o[0]) {
			if d, _ = o[0].(*DigestDescriptor); d == nil {
				return nil, scheme.NewError(who, ":digest must be a digest descriptor", []scheme.Value{o[0]}, "type")
			}
		}
		if _, err := d.Hash(who); err != nil {
			return nil, err
		}
		return &MAC{Type: t, Digest: d, state: hmacState{hmac.New(d.New, key)}}, nil
	case t.KMACRate > 0:
		o, err := keywordOptions(who, opts, "custom")
		if err != nil {
			return nil, err
		}
		var custom []byte
		if !scheme.IsDefault(o[0]) {
			bv, ok := o[0].(*scheme.Bytevector)
			if !ok {
				return nil, scheme.NewError(who, ":custom must be a bytevector", []scheme.Value{o[0]}, "type")
			}
			custom = append(custom, bv.B...)
		}
		return &MAC{Type: t, state: newKMAC(t.KMACRate, key, custom)}, nil
	}
	return newCipherMAC(who, t, key, opts)
}

// newCipherMAC makes a CMAC or GMAC over make-mac's :cipher (default
// *scheme:aes*), GMAC with its :iv.
func newCipherMAC(who string, t *MACAlgorithm, key []byte, opts scheme.Value) (*MAC, error) {
	o, err := keywordOptions(who, opts, "cipher", "iv")
	if err != nil {
		return nil, err
	}
	d := AES
	if !scheme.IsDefault(o[0]) {
		if d, _ = o[0].(*CipherDescriptor); d == nil || d.Block == 0 {
			return nil, scheme.NewError(who, ":cipher must be a block cipher descriptor", []scheme.Value{o[0]}, "type")
		}
	}
	if d.New == nil {
		return nil, Unsupported(who, d.Name+" is not supported: tlsport has no Go implementation of it", d)
	}
	if !d.keyLengthOK(len(key)) {
		return nil, scheme.RangeError(who, 2, "wrong key length for "+d.Name+": "+d.keyLengths(), scheme.Fixnum(len(key)))
	}
	b, err := d.New(key)
	if err != nil {
		return nil, scheme.NewError(who, d.Name+": "+err.Error(), nil)
	}
	m := &MAC{Type: t, Cipher: d, key: len(key)}
	if t == CMAC {
		if d.Block != 16 && d.Block != 8 {
			return nil, scheme.NewError(who, "CMAC needs a cipher of 64- or 128-bit blocks", []scheme.Value{d}, "type")
		}
		m.state = newCMAC(b)
		return m, nil
	}
	if d.Block != 16 {
		return nil, scheme.NewError(who, "GMAC needs a cipher of 128-bit blocks", []scheme.Value{d}, "type")
	}
	iv, ok := o[1].(*scheme.Bytevector)
	if !ok || len(iv.B) == 0 {
		return nil, scheme.NewError(who, "GMAC needs a non-empty :iv bytevector", []scheme.Value{o[1]}, "type")
	}
	ae, err := cipher.NewGCMWithNonceSize(b, len(iv.B))
	if err != nil {
		return nil, scheme.NewError(who, "GMAC: "+err.Error(), nil)
	}
	m.state = &gmacState{ae: ae, iv: append([]byte(nil), iv.B...)}
	return m, nil
}

// cmacState is CMAC (NIST SP 800-38B, RFC 4493): CBC-MAC with the last
// block masked by the subkey K1 (whole) or K2 (padded).
type cmacState struct {
	b      cipher.Block
	k1, k2 []byte
	x      []byte // the chaining value
	buf    []byte // input not yet chained: at most one block, so the last block waits
}

func newCMAC(b cipher.Block) *cmacState {
	n := b.BlockSize()
	dbl := func(in []byte) []byte {
		out := make([]byte, n)
		for i := range n - 1 {
			out[i] = in[i]<<1 | in[i+1]>>7
		}
		out[n-1] = in[n-1] << 1
		if in[0]&0x80 != 0 {
			out[n-1] ^= map[int]byte{16: 0x87, 8: 0x1b}[n]
		}
		return out
	}
	l := make([]byte, n)
	b.Encrypt(l, l)
	c := &cmacState{b: b, k1: dbl(l)}
	c.k2 = dbl(c.k1)
	c.reset()
	return c
}

func (c *cmacState) reset() { c.x, c.buf = make([]byte, c.b.BlockSize()), nil }

func (c *cmacState) Write(p []byte) (int, error) {
	n := len(c.x)
	c.buf = append(c.buf, p...)
	for len(c.buf) > n {
		subtle.XORBytes(c.x, c.x, c.buf[:n])
		c.b.Encrypt(c.x, c.x)
		c.buf = c.buf[n:]
	}
	return len(p), nil
}

func (c *cmacState) sum(int) []byte {
	n := len(c.x)
	last := make([]byte, n)
	copy(last, c.buf)
	if len(c.buf) == n {
		subtle.XORBytes(last, last, c.k1)
	} else {
		last[len(c.buf)] = 0x80
		subtle.XORBytes(last, last, c.k2)
	}
	out := make([]byte, n)
	subtle.XORBytes(out, c.x, last)
	c.b.Encrypt(out, out)
	return out
}

// gmacState is GMAC: GCM's tag of the message as additional data and no
// text (crypto/cipher's GCM, which takes the message at once).
type gmacState struct {
	ae  cipher.AEAD
	iv  []byte
	msg []byte
}

func (g *gmacState) Write(p []byte) (int, error) { g.msg = append(g.msg, p...); return len(p), nil }
func (g *gmacState) sum(int) []byte              { return g.ae.Seal(nil, g.iv, nil, g.msg) }
func (g *gmacState) reset()                      { g.msg = nil }

// macP implements mac?.
func macP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*MAC](a[0]), nil
}

// makeMAC implements make-mac.
func makeMAC(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, ok := a[0].(*MACAlgorithm)
	if !ok {
		return nil, scheme.TypeError("make-mac", 1, "MAC algorithm (*mac:hmac*, *mac:kmac* …)", a[0])
	}
	return newMAC("make-mac", t, a[1].(*scheme.Bytevector).B, a[2])
}

// macType implements mac-type.
func macType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*MAC).Type, nil
}

// macMACSize implements mac-mac-size.
func macMACSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return sizeOrFalse(a[0].(*MAC).size()), nil
}

// macOID implements mac-oid.
func macOID(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MAC)
	switch m.Type {
	case HMAC:
		return oidValue(hmacOIDs[m.Digest]), nil
	case KMAC, KMAC128:
		return scheme.NewString("2.16.840.1.101.3.4.2.19"), nil
	case KMAC256:
		return scheme.NewString("2.16.840.1.101.3.4.2.20"), nil
	case GMAC: // aes128-GMAC, aes192-GMAC, aes256-GMAC (RFC 9044)
		if m.Cipher == AES || m.Cipher == AES128 || m.Cipher == AES192 || m.Cipher == AES256 {
			return scheme.NewString(map[int]string{16: "2.16.840.1.101.3.4.1.9", 24: "2.16.840.1.101.3.4.1.29", 32: "2.16.840.1.101.3.4.1.49"}[m.key]), nil
		}
	}
	return scheme.False, nil
}

// generateMAC implements generate-mac.
func generateMAC(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MAC)
	n := m.defaultLength()
	if !scheme.IsDefault(a[2]) {
		var err error
		if n, err = scheme.ArgSize(3, a[2], 1); err != nil {
			return nil, err
		}
	}
	out := make([]byte, n)
	oneShot(m, bytesOf(a[1]), out)
	return &scheme.Bytevector{B: out}, nil
}

// outSpan is out[start, start+length) of the optional arguments a[at],
// a[at+1]: by default the MAC size, to the end of out for KMAC.
func (m *MAC) outSpan(out []byte, a []scheme.Value, at int) ([]byte, error) {
	def := m.size()
	if def == 0 {
		def = -1
	}
	return span(out, a, at, def)
}

// generateMACBang implements generate-mac!.
func generateMACBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MAC)
	out, err := m.outSpan(bytesOf(a[2]), a, 3)
	if err != nil {
		return nil, err
	}
	oneShot(m, bytesOf(a[1]), out)
	return a[2], nil
}

// verifyMAC implements verify-mac.
func verifyMAC(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MAC)
	auth := bytesOf(a[2])
	ok := len(auth) > 0 && (m.size() == 0 || len(auth) <= m.size())
	if ok {
		out := make([]byte, len(auth))
		oneShot(m, bytesOf(a[1]), out)
		ok = subtle.ConstantTimeCompare(out, auth) == 1
	}
	if !ok {
		return nil, scheme.NewError("verify-mac", "MAC not verified", []scheme.Value{m, a[2]})
	}
	return scheme.True, nil
}

// macInitBang implements mac-init!.
func macInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return initBang(th, a) }

// macProcessBang implements mac-process!.
func macProcessBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return processBang(th, a)
}

// macDoneBang implements mac-done!.
func macDoneBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m := a[0].(*MAC)
	out, err := m.outSpan(bytesOf(a[1]), a, 2)
	if err != nil {
		return nil, err
	}
	doneState(m, out)
	return a[1], nil
}

const macSpec = "sagittarius (sagittarius crypto mac) §4"

func macLambda(ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("mac", TypeMAC)}, ps...)...)
	}
}

func macValue(name string, t *MACAlgorithm, doc string) scheme.Binding {
	return scheme.Binding{Name: name, Spec: macSpec, Doc: doc, Value: t}
}

// MACLibrary is (sagittarius crypto mac).
var MACLibrary = &scheme.Library{Name: "(sagittarius crypto mac)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's MACs: HMAC (crypto/hmac; make-mac's :digest, default *digest:sha-256*), KMAC (NIST SP 800-185 over crypto/sha3's cSHAKE; make-mac's :custom, " +
		"the customization bytevector, default empty), CMAC (NIST SP 800-38B) and GMAC (crypto/cipher's GCM) over make-mac's :cipher, a block cipher descriptor of (sagittarius crypto ciphers) " +
		"(default *scheme:aes*; GMAC also takes the :iv). GMAC keeps the message until the MAC is made. A MAC locks, so threads may share it; generate-mac, verify-mac and mac-done! leave it initialised.",
	Build: func(l *scheme.Library) { fillFrom(l, macTable()) }}

// macTable returns the rows of (sagittarius crypto mac), made when a program first
// imports the library rather than at every start.
func macTable() *scheme.Library {
	return &scheme.Library{
		Values: []scheme.Binding{
			macValue("*mac:hmac*", HMAC, "HMAC (RFC 2104) over make-mac's :digest descriptor (default *digest:sha-256*; any fixed-size digest tlsport implements)."),
			macValue("*mac:cmac*", CMAC, "CMAC (NIST SP 800-38B, RFC 4493) over make-mac's :cipher (default *scheme:aes*; any implemented cipher of 64- or 128-bit blocks); the MAC is a block long."),
			macValue("*mac:gmac*", GMAC, "GMAC (NIST SP 800-38D) over make-mac's :cipher (default *scheme:aes*) with the :iv bytevector; 16 bytes."),
			macValue("*mac:kmac*", KMAC, "KMAC: the same as *mac:kmac-128*."),
			macValue("*mac:kmac-128*", KMAC128, "KMAC128 (NIST SP 800-185); variable length, 32 bytes by default."),
			macValue("*mac:kmac-256*", KMAC256, "KMAC256 (NIST SP 800-185); variable length, 64 bytes by default."),
		},
		Procs: []scheme.Proc{
			{Name: "mac?", Spec: macSpec, Sig: "(mac? obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: "Is obj a MAC object?", Fn: macP},
			{Name: "make-mac", Spec: macSpec, Sig: "(make-mac type key . opts)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("type", nil), scheme.Req("key", scheme.TypeBytevector), scheme.Rest("opts", nil))
				},
				Doc: "A MAC of algorithm type keyed by the bytevector key; opts: :digest for HMAC, :custom for KMAC, :cipher for CMAC and GMAC, :iv for GMAC (another keyword is an error).", Fn: makeMAC},
			{Name: "mac-type", Spec: macSpec, Sig: "(mac-type mac)", LazyArgs: macLambda(), Doc: "The algorithm of mac (*mac:hmac* …).", Fn: macType},
			{Name: "mac-mac-size", Spec: macSpec, Sig: "(mac-mac-size mac)", LazyArgs: macLambda(), Doc: "The MAC size in bytes (HMAC: the digest's; CMAC: the cipher's block; GMAC: 16); #f for KMAC, whose length is variable.", Fn: macMACSize},
			{Name: "mac-oid", Spec: macSpec, Sig: "(mac-oid mac)", LazyArgs: macLambda(),
				Doc: "The OID as a dotted string (hmacWithSHA256 is \"1.2.840.113549.2.9\", KMAC128 \"2.16.840.1.101.3.4.2.19\", AES-128 GMAC \"2.16.840.1.101.3.4.1.9\"), or #f (CMAC).", Fn: macOID},
			{Name: "generate-mac", Spec: macSpec, Sig: "(generate-mac mac message :optional length)",
				LazyArgs: macLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Opt("length", nil, nil)),
				Doc:      "The MAC of message as a fresh bytevector of length bytes (default the MAC size; KMAC's default 32 or 64). KMAC computes length bytes; the others are truncated, or filled with 0 past their size.", Fn: generateMAC},
			{Name: "generate-mac!", Spec: macSpec, Sig: "(generate-mac! mac message out :optional start length)",
				LazyArgs: macLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Req("out", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
				Doc:      "Write the MAC of message into out[start, start+length) (start 0, length the MAC size; KMAC: to the end of out), as generate-mac does; returns out.", Fn: generateMACBang},
			{Name: "verify-mac", Spec: macSpec, Sig: "(verify-mac mac message auth-mac)",
				LazyArgs: macLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Req("auth-mac", scheme.TypeBytevector)),
				Doc:      "#t when auth-mac is the MAC of message (a truncated HMAC verifies; KMAC is computed at auth-mac's length); else an error \"MAC not verified\". Compared in constant time.", Fn: verifyMAC},
			{Name: "mac-init!", Spec: macSpec, Sig: "(mac-init! mac)", LazyArgs: macLambda(), Doc: "Initialise mac, dropping the input processed so far; returns mac.", Fn: macInitBang},
			{Name: "mac-process!", Spec: macSpec, Sig: "(mac-process! mac message :optional start length)",
				LazyArgs: macLambda(scheme.Req("message", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
				Doc:      "Feed message[start, start+length) (default all of it) into mac; returns mac.", Fn: macProcessBang},
			{Name: "mac-done!", Spec: macSpec, Sig: "(mac-done! mac out :optional start length)",
				LazyArgs: macLambda(scheme.Req("out", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
				Doc:      "Write the MAC of the input so far into out[start, start+length) as generate-mac! does, and initialise mac; returns out.", Fn: macDoneBang},
		},
	}
}
