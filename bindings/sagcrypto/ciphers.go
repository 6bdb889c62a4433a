// Sagittarius's (sagittarius crypto ciphers): cipher descriptors, modes and parameters, and the block and stream cipher objects over crypto/aes, crypto/des, golang.org/x/crypto and crypto/cipher.

package sagcrypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/subtle"
	"slices"
	"sync"

	"golang.org/x/crypto/blowfish"
	"golang.org/x/crypto/cast5"
	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/twofish"
	"golang.org/x/crypto/xtea"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// CipherDescriptor is a symmetric cipher descriptor: a block cipher such
// as *scheme:aes* (Block > 0) or a stream cipher such as
// *scheme:chacha20*.
type CipherDescriptor struct {
	Name           string
	Block          int   // block length in bytes; 0 for stream ciphers
	MinKey, MaxKey int   // key lengths in bytes
	KeySizes       []int // the valid key lengths; nil: any from MinKey to MaxKey
	// New makes the block cipher of a key (nil: tlsport has no Go
	// implementation); stream ciphers have Stream instead.
	New    func(key []byte) (cipher.Block, error)
	Stream streamKind
	Rounds func(keyLen int) int // the standard number of rounds
}

// streamKind tells the stream ciphers apart.
type streamKind int

const (
	notStream streamKind = iota
	streamChaCha20
	streamChaCha20Poly1305
)

// TypeName implements scheme.Value.
func (*CipherDescriptor) TypeName() string { return "cipher-descriptor" }

// Repr implements scheme.Repr.
func (d *CipherDescriptor) Repr() string { return "#<cipher-descriptor " + d.Name + ">" }

// aead reports whether d is an AEAD stream cipher.
func (d *CipherDescriptor) aead() bool { return d.Stream == streamChaCha20Poly1305 }

func (d *CipherDescriptor) keyLengthOK(n int) bool {
	if d.KeySizes != nil {
		return slices.Contains(d.KeySizes, n)
	}
	return n >= d.MinKey && n <= d.MaxKey
}

func (d *CipherDescriptor) keyLengths() string {
	if d.KeySizes != nil {
		s := ""
		for i, n := range d.KeySizes {
			if i > 0 {
				s += ", "
			}
			s += itoa(n)
		}
		return s + " bytes"
	}
	return itoa(d.MinKey) + " to " + itoa(d.MaxKey) + " bytes"
}

// ModeDescriptor is a block cipher mode such as *mode:cbc*.
type ModeDescriptor struct {
	Name      string
	Supported bool
}

// TypeName implements scheme.Value.
func (*ModeDescriptor) TypeName() string { return "mode-descriptor" }

// Repr implements scheme.Repr.
func (m *ModeDescriptor) Repr() string { return "#<mode-descriptor " + m.Name + ">" }

// Padding is a block cipher padding (pkcs7-padding).
type Padding struct{ Name string }

// TypeName implements scheme.Value.
func (*Padding) TypeName() string { return "padding" }

// Repr implements scheme.Repr.
func (p *Padding) Repr() string { return "#<padding " + p.Name + ">" }

// PKCS7 is pkcs7-padding.
var PKCS7 = &Padding{"pkcs7-padding"}

// The Rounds of the descriptors: the descriptors are literals, laid out
// by the compiler (package initialisation runs at every start of tlsport).
func aesRounds(k int) int { return 6 + k/4 }
func rounds16(int) int    { return 16 }
func rounds32(int) int    { return 32 }

// The cipher descriptors.
var (
	AES     = &CipherDescriptor{Name: "AES", Block: 16, MinKey: 16, MaxKey: 32, KeySizes: []int{16, 24, 32}, New: aes.NewCipher, Rounds: aesRounds}
	AES128  = &CipherDescriptor{Name: "AES-128", Block: 16, MinKey: 16, MaxKey: 16, KeySizes: []int{16}, New: aes.NewCipher, Rounds: aesRounds}
	AES192  = &CipherDescriptor{Name: "AES-192", Block: 16, MinKey: 24, MaxKey: 24, KeySizes: []int{24}, New: aes.NewCipher, Rounds: aesRounds}
	AES256  = &CipherDescriptor{Name: "AES-256", Block: 16, MinKey: 32, MaxKey: 32, KeySizes: []int{32}, New: aes.NewCipher, Rounds: aesRounds}
	DES     = &CipherDescriptor{Name: "DES", Block: 8, MinKey: 8, MaxKey: 8, New: des.NewCipher, Rounds: rounds16}
	DES3    = &CipherDescriptor{Name: "3DES", Block: 8, MinKey: 16, MaxKey: 24, KeySizes: []int{16, 24}, New: newDES3, Rounds: rounds16}
	CAST5   = &CipherDescriptor{Name: "CAST5", Block: 8, MinKey: 16, MaxKey: 16, New: func(k []byte) (cipher.Block, error) { return cast5.NewCipher(k) }, Rounds: rounds16}
	Twofish = &CipherDescriptor{Name: "Twofish", Block: 16, MinKey: 16, MaxKey: 32, KeySizes: []int{16, 24, 32},
		New: func(k []byte) (cipher.Block, error) { return twofish.NewCipher(k) }, Rounds: rounds16}
	Blowfish = &CipherDescriptor{Name: "Blowfish", Block: 8, MinKey: 8, MaxKey: 56, New: func(k []byte) (cipher.Block, error) { return blowfish.NewCipher(k) }, Rounds: rounds16}
	// RC2 (RFC 2268) with as many effective key bits as the key has, as
	// libtomcrypt's rc2_setup (Sagittarius's) takes it.
	RC2  = &CipherDescriptor{Name: "RC2", Block: 8, MinKey: 8, MaxKey: 128, New: func(k []byte) (cipher.Block, error) { return newRC2(k, 8*len(k)), nil }, Rounds: rounds16}
	XTEA = &CipherDescriptor{Name: "XTEA", Block: 8, MinKey: 16, MaxKey: 16, New: func(k []byte) (cipher.Block, error) { return xtea.NewCipher(k) }, Rounds: rounds32}

	ChaCha20Cipher          = &CipherDescriptor{Name: "ChaCha20", MinKey: 32, MaxKey: 32, Stream: streamChaCha20}
	XChaCha20Cipher         = &CipherDescriptor{Name: "XChaCha20", MinKey: 32, MaxKey: 32, Stream: streamChaCha20}
	ChaCha20Poly1305Cipher  = &CipherDescriptor{Name: "ChaCha20-Poly1305", MinKey: 32, MaxKey: 32, Stream: streamChaCha20Poly1305}
	XChaCha20Poly1305Cipher = &CipherDescriptor{Name: "XChaCha20-Poly1305", MinKey: 32, MaxKey: 32, Stream: streamChaCha20Poly1305}
	blockDescriptorRow      = []struct {
		name string
		d    *CipherDescriptor
	}{
		{"*scheme:aes*", AES}, {"*scheme:aes-128*", AES128}, {"*scheme:aes-192*", AES192}, {"*scheme:aes-256*", AES256},
		{"*scheme:blowfish*", Blowfish}, {"*scheme:camellia*", Camellia},
		{"*scheme:cast-128*", CAST5}, {"*scheme:cast5*", CAST5}, {"*scheme:des*", DES}, {"*scheme:des3*", DES3}, {"*scheme:desede*", DES3},
		{"*scheme:kasumi*", &CipherDescriptor{Name: "KASUMI", Block: 8, MinKey: 16, MaxKey: 16}}, {"*scheme:khazad*", &CipherDescriptor{Name: "Khazad", Block: 8, MinKey: 16, MaxKey: 16}},
		{"*scheme:noekeon*", &CipherDescriptor{Name: "Noekeon", Block: 16, MinKey: 16, MaxKey: 16}}, {"*scheme:rc2*", RC2},
		{"*scheme:rc5*", &CipherDescriptor{Name: "RC5", Block: 8, MinKey: 8, MaxKey: 128}}, {"*scheme:rc6*", &CipherDescriptor{Name: "RC6", Block: 16, MinKey: 8, MaxKey: 128}},
		{"*scheme:safer+*", &CipherDescriptor{Name: "SAFER+", Block: 16, MinKey: 16, MaxKey: 32}}, {"*scheme:safer-k128*", &CipherDescriptor{Name: "SAFER-K128", Block: 8, MinKey: 16, MaxKey: 16}},
		{"*scheme:safer-k64*", &CipherDescriptor{Name: "SAFER-K64", Block: 8, MinKey: 8, MaxKey: 8}}, {"*scheme:safer-sk128*", &CipherDescriptor{Name: "SAFER-SK128", Block: 8, MinKey: 16, MaxKey: 16}},
		{"*scheme:safer-sk64*", &CipherDescriptor{Name: "SAFER-SK64", Block: 8, MinKey: 8, MaxKey: 8}}, {"*scheme:seed*", &CipherDescriptor{Name: "SEED", Block: 16, MinKey: 16, MaxKey: 16}},
		{"*scheme:skipjack*", &CipherDescriptor{Name: "Skipjack", Block: 8, MinKey: 10, MaxKey: 10}}, {"*scheme:twofish*", Twofish},
		{"*scheme:x-tea*", XTEA}, {"*scheme:multi2*", &CipherDescriptor{Name: "MULTI2", Block: 8, MinKey: 40, MaxKey: 40}}, {"*scheme:sm4*", &CipherDescriptor{Name: "SM4", Block: 16, MinKey: 16, MaxKey: 16}},
		{"*scheme:chacha20*", ChaCha20Cipher}, {"*scheme:xchacha20*", XChaCha20Cipher},
		{"*scheme:chacha20-poly1305*", ChaCha20Poly1305Cipher}, {"*scheme:xchacha20-poly1305*", XChaCha20Poly1305Cipher},
	}
)

// newDES3 is 3DES of a 24-byte key, or of a 16-byte one as K1‖K2‖K1.
func newDES3(k []byte) (cipher.Block, error) {
	if len(k) == 16 {
		k = append(k[:16:16], k[:8]...)
	}
	return des.NewTripleDESCipher(k)
}

// The modes.
var (
	ModeECB    = &ModeDescriptor{"ECB", true}
	ModeCBC    = &ModeDescriptor{"CBC", true}
	ModeCFB    = &ModeDescriptor{"CFB", true}
	ModeOFB    = &ModeDescriptor{"OFB", true}
	ModeCTR    = &ModeDescriptor{"CTR", true}
	ModeGCM    = &ModeDescriptor{"GCM", true}
	modeValues = []struct {
		name string
		m    *ModeDescriptor
	}{
		{"*mode:ecb*", ModeECB}, {"*mode:cbc*", ModeCBC}, {"*mode:cfb*", ModeCFB}, {"*mode:ofb*", ModeOFB}, {"*mode:ctr*", ModeCTR},
		{"*mode:lrw*", &ModeDescriptor{Name: "LRW"}}, {"*mode:f8*", &ModeDescriptor{Name: "F8"}}, {"*mode:eax*", &ModeDescriptor{Name: "EAX"}},
		{"*mode:ocb*", &ModeDescriptor{Name: "OCB"}}, {"*mode:ocb3*", &ModeDescriptor{Name: "OCB3"}}, {"*mode:gcm*", ModeGCM},
		{"*mode:gcm-siv*", &ModeDescriptor{Name: "GCM-SIV"}}, {"*mode:ccm*", &ModeDescriptor{Name: "CCM"}},
	}
)

// The counter modes of make-counter-mode-parameter, libtomcrypt's values.
const (
	ctrBigEndian    = 0
	ctrLittleEndian = 0x1000
	ctrRFC3686      = 0x2000
)

// SymmetricCipher is a block cipher (make-block-cipher) or a stream
// cipher (make-stream-cipher) and its state. It locks, so threads may
// share one (the order of their input is theirs to arrange).
type SymmetricCipher struct {
	D       *CipherDescriptor
	Mode    *ModeDescriptor // nil for a stream cipher
	Padding *Padding        // nil: no padding
	mu      sync.Mutex
	dir     string // "", "encrypt" or "decrypt"
	key     []byte
	block   cipher.Block
	bm      cipher.BlockMode // ECB and CBC
	pend    []byte           // ECB and CBC: input not yet processed
	st      cipher.Stream    // the other modes and stream ciphers
	ae      cipher.AEAD      // GCM and ChaCha20-Poly1305: computes the tag
	nonce   []byte
	aad     []byte
	text    []byte // the plaintext so far, for the tag
	params  *CipherParameter
}

// TypeName implements scheme.Value.
func (c *SymmetricCipher) TypeName() string {
	if c.Mode == nil {
		return "stream-cipher"
	}
	return "block-cipher"
}

// Repr implements scheme.Repr.
func (c *SymmetricCipher) Repr() string {
	if c.Mode == nil {
		return "#<stream-cipher " + c.D.Name + ">"
	}
	return "#<block-cipher " + c.D.Name + "-" + c.Mode.Name + ">"
}

var (
	_ scheme.Repr = (*CipherDescriptor)(nil)
	_ scheme.Repr = (*ModeDescriptor)(nil)
	_ scheme.Repr = (*Padding)(nil)
	_ scheme.Repr = (*SymmetricCipher)(nil)
	_ scheme.Repr = (*CipherParameter)(nil)
)

// Parameter types.
var (
	TypeCipherDescriptor = &scheme.Type{Name: "cipher descriptor", Accept: func(v scheme.Value) bool { _, ok := v.(*CipherDescriptor); return ok }}
	TypeBlockDescriptor  = &scheme.Type{Name: "block cipher descriptor", Accept: func(v scheme.Value) bool { d, ok := v.(*CipherDescriptor); return ok && d.Block > 0 }}
	TypeStreamDescriptor = &scheme.Type{Name: "stream cipher descriptor", Accept: func(v scheme.Value) bool { d, ok := v.(*CipherDescriptor); return ok && d.Block == 0 }}
	TypeModeDescriptor   = &scheme.Type{Name: "mode descriptor", Accept: func(v scheme.Value) bool { _, ok := v.(*ModeDescriptor); return ok }}
	TypeSymmetricCipher  = &scheme.Type{Name: "block or stream cipher", Accept: func(v scheme.Value) bool { _, ok := v.(*SymmetricCipher); return ok }}
)

// ecb is the ECB mode (crypto/cipher has none).
type ecb struct {
	b   cipher.Block
	enc bool
}

func (e ecb) BlockSize() int { return e.b.BlockSize() }

func (e ecb) CryptBlocks(dst, src []byte) {
	n := e.b.BlockSize()
	for i := 0; i < len(src); i += n {
		if e.enc {
			e.b.Encrypt(dst[i:i+n], src[i:i+n])
		} else {
			e.b.Decrypt(dst[i:i+n], src[i:i+n])
		}
	}
}

// ctr is the CTR mode with libtomcrypt's counters: the low width bytes of
// the block, big- or little-endian.
type ctr struct {
	b      cipher.Block
	ctr    []byte
	little bool
	width  int
	ks     []byte
	used   int
}

func newCTR(b cipher.Block, iv []byte, little bool, width int) *ctr {
	n := b.BlockSize()
	return &ctr{b: b, ctr: append([]byte(nil), iv...), little: little, width: width, ks: make([]byte, n), used: n}
}

func (c *ctr) inc() {
	n := len(c.ctr)
	for i := range c.width {
		j := n - 1 - i
		if c.little {
			j = i
		}
		c.ctr[j]++
		if c.ctr[j] != 0 {
			return
		}
	}
}

func (c *ctr) XORKeyStream(dst, src []byte) {
	for i := range src {
		if c.used == len(c.ks) {
			c.b.Encrypt(c.ks, c.ctr)
			c.inc()
			c.used = 0
		}
		dst[i] = src[i] ^ c.ks[c.used]
		c.used++
	}
}

// state errors
func notInitialised(who string, c *SymmetricCipher) error {
	return scheme.NewError(who, "the cipher is not initialised (block-cipher-init!)", []scheme.Value{c})
}

// init initialises c for direction dir with key and the parameter p
// (nil: none). The lock is held.
func (c *SymmetricCipher) init(who string, dir string, key []byte, p *CipherParameter) error {
	d := c.D
	if !d.keyLengthOK(len(key)) {
		return scheme.RangeError(who, 3, "wrong key length for "+d.Name+": "+d.keyLengths(), scheme.Fixnum(len(key)))
	}
	if r, ok := p.get("rounds"); ok && d.Rounds != nil {
		if n, _ := r.(scheme.Fixnum); n != 0 && int(n) != d.Rounds(len(key)) {
			return Unsupported(who, d.Name+" with "+itoa(int(n))+" rounds is not supported: Go implements the standard "+itoa(d.Rounds(len(key))), r)
		}
	}
	c.reset()
	c.dir, c.key, c.params = dir, append([]byte(nil), key...), p
	if aad, ok := p.get("aad"); ok {
		c.aad = append([]byte(nil), bytesOf(aad)...)
	}
	iv, hasIV := p.get("iv")
	if !hasIV {
		iv, hasIV = p.get("nonce")
	}
	var ivb []byte
	if hasIV {
		ivb = bytesOf(iv)
	}
	if c.Mode == nil {
		return c.initStream(who, ivb, hasIV)
	}
	b, err := d.New(c.key)
	if err != nil {
		return scheme.NewError(who, d.Name+": "+err.Error(), nil)
	}
	c.block = b
	n := b.BlockSize()
	needIV := func() error {
		if !hasIV {
			return scheme.NewError(who, c.Mode.Name+" needs an IV: give (make-iv-parameter iv)", nil, "type")
		}
		if len(ivb) != n && c.Mode != ModeGCM {
			return scheme.RangeError(who, 4, "the IV of "+d.Name+" is "+itoa(n)+" bytes", iv)
		}
		return nil
	}
	enc := dir == "encrypt"
	switch c.Mode {
	case ModeECB:
		c.bm = ecb{b, enc}
	case ModeCBC:
		if err := needIV(); err != nil {
			return err
		}
		if enc {
			c.bm = cipher.NewCBCEncrypter(b, ivb)
		} else {
			c.bm = cipher.NewCBCDecrypter(b, ivb)
		}
	case ModeCFB:
		if err := needIV(); err != nil {
			return err
		}
		if enc {
			c.st = cipher.NewCFBEncrypter(b, ivb) //nolint:staticcheck // the document's CFB mode
		} else {
			c.st = cipher.NewCFBDecrypter(b, ivb) //nolint:staticcheck // the document's CFB mode
		}
	case ModeOFB:
		if err := needIV(); err != nil {
			return err
		}
		c.st = cipher.NewOFB(b, ivb) //nolint:staticcheck // the document's OFB mode
	case ModeCTR:
		if err := needIV(); err != nil {
			return err
		}
		mode := ctrBigEndian
		if m, ok := p.get("counter-mode"); ok {
			f, _ := m.(scheme.Fixnum)
			mode = int(f)
		}
		switch mode {
		case ctrBigEndian:
			c.st = newCTR(b, ivb, false, n)
		case ctrLittleEndian:
			c.st = newCTR(b, ivb, true, n)
		case ctrRFC3686:
			k := newCTR(b, ivb, false, 4)
			k.inc()
			c.st = k
		default:
			return scheme.RangeError(who, 4, "unknown counter mode", scheme.Fixnum(mode))
		}
	case ModeGCM:
		if !hasIV || len(ivb) == 0 {
			return scheme.NewError(who, "GCM needs an IV: give (make-iv-parameter iv)", nil, "type")
		}
		if n != 16 {
			return scheme.NewError(who, "GCM needs a 16-byte block cipher, not "+d.Name, nil, "type")
		}
		return c.initGCM(ivb)
	}
	return nil
}

// initGCM sets up GCM with nonce: crypto/cipher's GCM makes the tag; the
// text is encrypted as it comes with the same counter stream (inc32 from
// J0+1, found by decrypting the first key stream block GCM gives).
func (c *SymmetricCipher) initGCM(nonce []byte) error {
	ae, err := cipher.NewGCMWithNonceSize(c.block, len(nonce))
	if len(nonce) == 12 {
		ae, err = cipher.NewGCM(c.block)
	}
	if err != nil {
		return scheme.NewError("", "GCM: "+err.Error(), nil)
	}
	ks := ae.Seal(nil, nonce, make([]byte, 16), nil)[:16]
	j1 := make([]byte, 16)
	c.block.Decrypt(j1, ks)
	c.ae, c.nonce, c.st = ae, append([]byte(nil), nonce...), newCTR(c.block, j1, false, 4)
	return nil
}

// initStream sets up a stream cipher with nonce.
func (c *SymmetricCipher) initStream(who string, nonce []byte, has bool) error {
	want := chacha20.NonceSize
	if c.D == XChaCha20Cipher || c.D == XChaCha20Poly1305Cipher {
		want = chacha20.NonceSizeX
	}
	if !has || len(nonce) != want {
		return scheme.NewError(who, c.D.Name+" needs a "+itoa(want)+"-byte nonce: give (make-iv-parameter nonce)", nil, "type")
	}
	s, err := chacha20.NewUnauthenticatedCipher(c.key, nonce)
	if err != nil {
		return scheme.NewError(who, c.D.Name+": "+err.Error(), nil)
	}
	c.st = s
	if c.D.aead() {
		s.SetCounter(1)
		if want == chacha20.NonceSizeX {
			c.ae, _ = chacha20poly1305.NewX(c.key)
		} else {
			c.ae, _ = chacha20poly1305.New(c.key)
		}
		c.nonce = append([]byte(nil), nonce...)
	}
	return nil
}

// reset makes c neutral. The lock is held.
func (c *SymmetricCipher) reset() {
	clear(c.key)
	c.dir, c.key, c.block, c.bm, c.pend, c.st, c.ae, c.nonce, c.aad, c.text, c.params = "", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil
}

// blockMode reports whether c processes whole blocks (ECB, CBC).
func (c *SymmetricCipher) blockMode() bool { return c.bm != nil }

// process runs in through c (the lock held): whole blocks for ECB and CBC
// (last: all of it, with the padding), everything for the others.
func (c *SymmetricCipher) process(who string, in []byte, last bool) ([]byte, error) {
	if c.dir == "" {
		return nil, notInitialised(who, c)
	}
	if !c.blockMode() {
		out := make([]byte, len(in))
		if c.ae != nil && c.dir == "encrypt" {
			c.text = append(c.text, in...)
		}
		c.st.XORKeyStream(out, in)
		if c.ae != nil && c.dir == "decrypt" {
			c.text = append(c.text, out...)
		}
		return out, nil
	}
	n := c.bm.BlockSize()
	data := append(c.pend, in...)
	c.pend = nil
	if last {
		if c.dir == "encrypt" && c.Padding != nil {
			p := n - len(data)%n
			for range p {
				data = append(data, byte(p))
			}
		}
		if len(data)%n != 0 {
			return nil, scheme.NewError(who, "the input is not a multiple of the block size, "+itoa(n)+" bytes (no padding)", []scheme.Value{scheme.Fixnum(len(data))})
		}
		out := make([]byte, len(data))
		c.bm.CryptBlocks(out, data)
		if c.dir == "decrypt" && c.Padding != nil {
			p := 0
			if len(out) > 0 {
				p = int(out[len(out)-1])
			}
			if p == 0 || p > n || p > len(out) {
				return nil, scheme.NewError(who, "bad PKCS #7 padding", nil)
			}
			for _, b := range out[len(out)-p:] {
				if int(b) != p {
					return nil, scheme.NewError(who, "bad PKCS #7 padding", nil)
				}
			}
			out = out[:len(out)-p]
		}
		return out, nil
	}
	whole := len(data) / n * n
	if c.dir == "decrypt" && c.Padding != nil && whole == len(data) && whole > 0 {
		whole -= n // the last block may be padding: keep it for the last-block call
	}
	out := make([]byte, whole)
	c.bm.CryptBlocks(out, data[:whole])
	c.pend = append([]byte(nil), data[whole:]...)
	return out, nil
}

// lastBlockSize is the output the last block of n more bytes needs.
func (c *SymmetricCipher) lastBlockSize(n int) int {
	if !c.blockMode() {
		return n
	}
	t := len(c.pend) + n
	if c.dir == "encrypt" && c.Padding != nil {
		b := c.bm.BlockSize()
		return (t/b + 1) * b
	}
	return t
}

// tag is the authentication tag of the text so far (16 bytes).
func (c *SymmetricCipher) tag() []byte {
	out := c.ae.Seal(nil, c.nonce, c.text, c.aad)
	return out[len(c.text):]
}

// CipherParameter is a cipher parameter: simple, or a composite of
// several (make-cipher-parameter), holding each field at most once.
type CipherParameter struct {
	fields map[string]scheme.Value
}

// TypeName implements scheme.Value.
func (*CipherParameter) TypeName() string { return "cipher-parameter" }

// Repr implements scheme.Repr.
func (p *CipherParameter) Repr() string {
	s := "#<cipher-parameter"
	for _, f := range parameterFields {
		if _, ok := p.fields[f.name]; ok {
			s += " " + f.name
		}
	}
	return s + ">"
}

// get returns field name of p (p may be nil).
func (p *CipherParameter) get(name string) (scheme.Value, bool) {
	if p == nil {
		return nil, false
	}
	v, ok := p.fields[name]
	return v, ok
}

// parameterFields are the simple parameters: field name and value type.
var parameterFields = []struct {
	name  string
	bytes bool // a bytevector (copied), else an exact integer
	doc   string
	kind  string // the name in make-…-parameter and …-parameter?, when not name
}{
	{"rounds", false, "The number of rounds: only the cipher's standard number (or 0) is supported.", "round"},
	{"iv", true, "The IV of CBC, CFB, OFB, CTR and GCM, and the nonce of the stream ciphers.", ""},
	{"counter-mode", false, "CTR's counter: *ctr-mode:big-endian* (default), *ctr-mode:little-endian* or *ctr-mode:rfc3686*.", ""},
	{"tweak", true, "LRW's tweak (LRW is not supported).", ""},
	{"salt", true, "F8's salt (F8 is not supported).", ""},
	{"nonce", true, "The nonce of EAX and OCB (not supported); taken as the IV when there is none.", ""},
	{"aad", true, "The additional authenticated data of GCM and ChaCha20-Poly1305.", ""},
	{"tag-length", false, "OCB3's tag length (OCB3 is not supported).", ""},
	{"tag", true, "The tag of CCM and GCM-SIV (not supported).", ""},
}

// TypeCipherParameter is the parameter type of a cipher parameter.
var TypeCipherParameter = &scheme.Type{Name: "cipher parameter", Accept: func(v scheme.Value) bool { _, ok := v.(*CipherParameter); return ok }}

// parameterRows makes the constructor, predicate and accessor of each
// simple parameter.
func parameterRows() []scheme.Proc {
	var out []scheme.Proc
	for _, f := range parameterFields {
		name, isBytes, kind := f.name, f.bytes, f.name
		if f.kind != "" {
			kind = f.kind
		}
		t, what := scheme.TypeExactInteger, "integer"
		if isBytes {
			t, what = scheme.TypeBytevector, "bytevector"
		}
		out = append(out,
			scheme.Proc{Name: kind + "-parameter?", Spec: cipherSpec, Sig: "(" + kind + "-parameter? obj)", Args: scheme.Params{Required: []string{"obj"}},
				Doc: "Is obj a cipher parameter with " + name + "? " + f.doc,
				Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
					p, ok := a[0].(*CipherParameter)
					_, has := p.get(name)
					return scheme.MakeBool(ok && has), nil
				}},
			scheme.Proc{Name: "make-" + kind + "-parameter", Spec: cipherSpec, Sig: "(make-" + kind + "-parameter " + kind + ")",
				LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req(kind, t)) },
				Doc:      "A cipher parameter of the " + what + " " + name + ". " + f.doc,
				Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
					v := a[0]
					if isBytes {
						v = &scheme.Bytevector{B: append([]byte(nil), bytesOf(v)...)}
					} else if _, ok := v.(scheme.Fixnum); !ok {
						return nil, scheme.RangeError("", 1, name+" out of range", v)
					}
					return &CipherParameter{fields: map[string]scheme.Value{name: v}}, nil
				}},
			scheme.Proc{Name: "cipher-parameter-" + name, Spec: cipherSpec, Sig: "(cipher-parameter-" + name + " parameter :optional default)",
				LazyArgs: func() scheme.Params {
					return scheme.Lambda(scheme.Req("parameter", TypeCipherParameter), scheme.Opt("default", nil, nil))
				},
				Doc: "The " + name + " of parameter; when it has none, default, or an (exn type assertion) error without one.",
				Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
					if v, ok := a[0].(*CipherParameter).get(name); ok {
						if bv, ok := v.(*scheme.Bytevector); ok {
							return &scheme.Bytevector{B: append([]byte(nil), bv.B...)}, nil
						}
						return v, nil
					}
					if !scheme.IsDefault(a[1]) {
						return a[1], nil
					}
					return nil, scheme.NewError("cipher-parameter-"+name, "the parameter has no "+name, []scheme.Value{a[0]}, "type")
				}})
	}
	return out
}

// cipherParameterP implements cipher-parameter?.
func cipherParameterP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*CipherParameter](a[0]), nil
}

// makeCipherParameter implements make-cipher-parameter.
func makeCipherParameter(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	out := &CipherParameter{fields: map[string]scheme.Value{}}
	for i, v := range l {
		p, ok := v.(*CipherParameter)
		if !ok {
			return nil, scheme.TypeError("make-cipher-parameter", i+1, "cipher parameter", v)
		}
		for k, x := range p.fields {
			out.fields[k] = x
		}
	}
	return out, nil
}

// cipherDescriptorP implements cipher-descriptor? (RSA's *scheme:rsa* is
// one).
func cipherDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0] == RSA || scheme.IsA[*CipherDescriptor](a[0]) == scheme.True), nil
}

// cipherDescriptorName implements cipher-descriptor-name.
func cipherDescriptorName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch d := a[0].(type) {
	case *CipherDescriptor:
		return scheme.NewString(d.Name), nil
	case *KeyScheme:
		if d == RSA {
			return scheme.NewString("RSA"), nil
		}
	}
	return nil, scheme.TypeError("cipher-descriptor-name", 1, "cipher descriptor", a[0])
}

// symmetricCipherDescriptorP implements symmetric-cipher-descriptor?.
func symmetricCipherDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*CipherDescriptor](a[0]), nil
}

// symmetricCipherDescriptorMinKeyLength implements symmetric-cipher-descriptor-min-key-length.
func symmetricCipherDescriptorMinKeyLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*CipherDescriptor).MinKey), nil
}

// symmetricCipherDescriptorMaxKeyLength implements symmetric-cipher-descriptor-max-key-length.
func symmetricCipherDescriptorMaxKeyLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*CipherDescriptor).MaxKey), nil
}

// blockCipherDescriptorP implements block-cipher-descriptor?.
func blockCipherDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(TypeBlockDescriptor.Accept(a[0])), nil
}

// blockCipherDescriptorBlockLength implements block-cipher-descriptor-block-length.
func blockCipherDescriptorBlockLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*CipherDescriptor).Block), nil
}

// blockCipherDescriptorSuggestedKeyLength implements
// block-cipher-descriptor-suggested-key-length: the maximum key length,
// or the largest valid one not above size.
func blockCipherDescriptorSuggestedKeyLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := a[0].(*CipherDescriptor)
	if scheme.IsDefault(a[1]) {
		return scheme.Fixnum(d.MaxKey), nil
	}
	n, err := scheme.ArgIndex(2, a[1])
	if err != nil {
		return nil, err
	}
	for k := min(n, d.MaxKey); k >= d.MinKey; k-- {
		if d.keyLengthOK(k) {
			return scheme.Fixnum(k), nil
		}
	}
	return nil, scheme.RangeError("block-cipher-descriptor-suggested-key-length", 2, "no valid key length of "+d.Name+" ("+d.keyLengths()+") up to this size", a[1])
}

// modeDescriptorP implements mode-descriptor?.
func modeDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*ModeDescriptor](a[0]), nil
}

// modeDescriptorName implements mode-descriptor-name.
func modeDescriptorName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(a[0].(*ModeDescriptor).Name), nil
}

// cipherP implements cipher?.
func cipherP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *SymmetricCipher, *AsymmetricCipher:
		return scheme.True, nil
	}
	return scheme.False, nil
}

// symmetricCipherP implements symmetric-cipher?.
func symmetricCipherP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*SymmetricCipher](a[0]), nil
}

// blockCipherP implements block-cipher?.
func blockCipherP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*SymmetricCipher)
	return scheme.MakeBool(ok && c.Mode != nil), nil
}

// streamCipherP implements stream-cipher?.
func streamCipherP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*SymmetricCipher)
	return scheme.MakeBool(ok && c.Mode == nil), nil
}

// streamCipherDescriptorP implements stream-cipher-descriptor?.
func streamCipherDescriptorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(TypeStreamDescriptor.Accept(a[0])), nil
}

// streamCipherDescriptorAeadP implements stream-cipher-descriptor-aead?.
func streamCipherDescriptorAeadP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(*CipherDescriptor).aead()), nil
}

// makeBlockCipher implements make-block-cipher.
func makeBlockCipher(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-block-cipher"
	d, m := a[0].(*CipherDescriptor), a[1].(*ModeDescriptor)
	if d.New == nil {
		return nil, Unsupported(who, d.Name+" is not supported: tlsport has no Go implementation of it", d)
	}
	if !m.Supported {
		return nil, Unsupported(who, "the "+m.Name+" mode is not supported: Go's crypto/cipher has no "+m.Name, m)
	}
	c := &SymmetricCipher{D: d, Mode: m, Padding: PKCS7}
	switch p := a[2].(type) {
	case *Padding:
	default:
		if p == scheme.False {
			c.Padding = nil
		} else if !scheme.IsDefault(p) {
			return nil, scheme.TypeError(who, 3, "padding (pkcs7-padding or #f for none)", p)
		}
	}
	return c, nil
}

// makeStreamCipher implements make-stream-cipher.
func makeStreamCipher(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &SymmetricCipher{D: a[0].(*CipherDescriptor)}, nil
}

func cipherOf(a []scheme.Value) *SymmetricCipher { return a[0].(*SymmetricCipher) }

// blockCipherBlockLength implements block-cipher-block-length (1 for a
// stream cipher).
func blockCipherBlockLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := cipherOf(a)
	return scheme.Fixnum(max(c.D.Block, 1)), nil
}

// directionArg is the direction argument: the symbol encrypt or decrypt.
func directionArg(who string, v scheme.Value) (string, error) {
	if s, ok := v.(*scheme.Symbol); ok && (s.Name == "encrypt" || s.Name == "decrypt") {
		return s.Name, nil
	}
	return "", scheme.TypeError(who, 2, "direction (encrypt or decrypt)", v)
}

// initArgs reads block-cipher-init!'s direction, key and parameter.
func initArgs(who string, a []scheme.Value) (string, []byte, *CipherParameter, error) {
	dir, err := directionArg(who, a[1])
	if err != nil {
		return "", nil, nil, err
	}
	k, ok := a[2].(*SymmetricKey)
	if !ok {
		return "", nil, nil, scheme.TypeError(who, 3, "symmetric key (make-symmetric-key)", a[2])
	}
	var p *CipherParameter
	if !scheme.IsDefault(a[3]) {
		if p, ok = a[3].(*CipherParameter); !ok {
			return "", nil, nil, scheme.TypeError(who, 4, "cipher parameter", a[3])
		}
	}
	return dir, k.B, p, nil
}

// blockCipherInitBang implements block-cipher-init!.
func blockCipherInitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "block-cipher-init!"
	dir, key, p, err := initArgs(who, a)
	if err != nil {
		return nil, err
	}
	c := cipherOf(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.init(who, dir, key, p); err != nil {
		return nil, err
	}
	return c, nil
}

// blockCipherInit implements block-cipher-init: an initialised copy.
func blockCipherInit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "block-cipher-init"
	dir, key, p, err := initArgs(who, a)
	if err != nil {
		return nil, err
	}
	o := cipherOf(a)
	c := &SymmetricCipher{D: o.D, Mode: o.Mode, Padding: o.Padding}
	if err := c.init(who, dir, key, p); err != nil {
		return nil, err
	}
	return c, nil
}

// run processes in[start:] with c in the direction want.
func run(who string, c *SymmetricCipher, want string, in []byte, start scheme.Value, pos int, last bool) ([]byte, error) {
	s := 0
	if !scheme.IsDefault(start) {
		var err error
		if s, err = scheme.ArgIndex(pos, start); err != nil {
			return nil, err
		}
		if s > len(in) {
			return nil, scheme.RangeError(who, pos, "start beyond the bytevector's end", start)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir != "" && c.dir != want {
		return nil, scheme.NewError(who, "the cipher is initialised to "+c.dir, []scheme.Value{c})
	}
	return c.process(who, in[s:], last)
}

// runInto is the ! form: processes in[ps:] into out[cs:], returning the
// number of bytes written.
func runInto(who string, a []scheme.Value, want string, last bool) (scheme.Value, error) {
	c := cipherOf(a)
	in, out := bytesOf(a[1]), bytesOf(a[3])
	cs, err := scheme.ArgIndex(5, a[4])
	if err != nil {
		return nil, err
	}
	if cs > len(out) {
		return nil, scheme.RangeError(who, 5, "start beyond the bytevector's end", a[4])
	}
	ps := 0
	if p, err := scheme.ArgIndex(3, a[2]); err != nil {
		return nil, err
	} else if p > len(in) {
		return nil, scheme.RangeError(who, 3, "start beyond the bytevector's end", a[2])
	} else {
		ps = p
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir != "" && c.dir != want {
		return nil, scheme.NewError(who, "the cipher is initialised to "+c.dir, []scheme.Value{c})
	}
	need := len(in) - ps
	if last {
		need = c.lastBlockSize(need)
	}
	if c.dir != "" && need > len(out)-cs {
		return nil, scheme.RangeError(who, 4, "the output needs "+itoa(need)+" bytes from its start", a[3])
	}
	r, err := c.process(who, in[ps:], last)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(copy(out[cs:], r)), nil
}

func bv(b []byte, err error) (scheme.Value, error) {
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: b}, nil
}

// blockCipherEncrypt implements block-cipher-encrypt.
func blockCipherEncrypt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bv(run("block-cipher-encrypt", cipherOf(a), "encrypt", bytesOf(a[1]), a[2], 3, false))
}

// blockCipherEncryptBang implements block-cipher-encrypt!.
func blockCipherEncryptBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return runInto("block-cipher-encrypt!", a, "encrypt", false)
}

// blockCipherEncryptLastBlock implements block-cipher-encrypt-last-block.
func blockCipherEncryptLastBlock(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bv(run("block-cipher-encrypt-last-block", cipherOf(a), "encrypt", bytesOf(a[1]), a[2], 3, true))
}

// blockCipherEncryptLastBlockBang implements block-cipher-encrypt-last-block!.
func blockCipherEncryptLastBlockBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return runInto("block-cipher-encrypt-last-block!", a, "encrypt", true)
}

// blockCipherDecrypt implements block-cipher-decrypt.
func blockCipherDecrypt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bv(run("block-cipher-decrypt", cipherOf(a), "decrypt", bytesOf(a[1]), a[2], 3, false))
}

// blockCipherDecryptBang implements block-cipher-decrypt!.
func blockCipherDecryptBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return runInto("block-cipher-decrypt!", a, "decrypt", false)
}

// blockCipherDecryptLastBlock implements block-cipher-decrypt-last-block.
func blockCipherDecryptLastBlock(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bv(run("block-cipher-decrypt-last-block", cipherOf(a), "decrypt", bytesOf(a[1]), a[2], 3, true))
}

// blockCipherDecryptLastBlockBang implements block-cipher-decrypt-last-block!.
func blockCipherDecryptLastBlockBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return runInto("block-cipher-decrypt-last-block!", a, "decrypt", true)
}

// blockCipherLastBlockSize implements block-cipher-last-block-size.
func blockCipherLastBlockSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := cipherOf(a)
	var n int
	switch b := a[1].(type) {
	case *scheme.Bytevector:
		n = len(b.B)
	default:
		var err error
		if n, err = scheme.ArgIndex(2, b); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return scheme.Fixnum(c.lastBlockSize(n)), nil
}

// blockCipherDoneBang implements block-cipher-done!.
func blockCipherDoneBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := cipherOf(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset()
	return c, nil
}

// blockCipherUpdateAADBang implements block-cipher-update-aad!.
func blockCipherUpdateAADBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in, err := span(bytesOf(a[1]), a, 2, -1)
	if err != nil {
		return nil, err
	}
	c := cipherOf(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ae != nil {
		c.aad = append(c.aad, in...)
	}
	return c, nil
}

// blockCipherUpdateIVBang implements block-cipher-update-iv!: a new GCM
// IV, starting a new message.
func blockCipherUpdateIVBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in, err := span(bytesOf(a[1]), a, 2, -1)
	if err != nil {
		return nil, err
	}
	c := cipherOf(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Mode == ModeGCM && c.dir != "" {
		if len(in) == 0 {
			return nil, scheme.RangeError("block-cipher-update-iv!", 2, "the IV is empty", a[1])
		}
		c.text, c.aad = nil, nil
		if err := c.initGCM(append([]byte(nil), in...)); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// blockCipherMaxTagLength implements block-cipher-max-tag-length.
func blockCipherMaxTagLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := cipherOf(a)
	if c.Mode == ModeGCM || (c.Mode == nil && c.D.aead()) {
		return scheme.Fixnum(16), nil
	}
	return scheme.Fixnum(0), nil
}

// doneTag writes (encrypting) or checks (decrypting) the tag in t and
// makes c neutral; it returns the tag length.
func doneTag(who string, c *SymmetricCipher, t []byte, tagArg scheme.Value) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir == "" {
		return 0, notInitialised(who, c)
	}
	if c.ae == nil {
		return 0, scheme.NewError(who, "the cipher has no authentication tag ("+c.Repr()+")", []scheme.Value{c})
	}
	if len(t) > 16 || len(t) == 0 {
		return 0, scheme.RangeError(who, 2, "the tag is 1 to 16 bytes", tagArg)
	}
	tag := c.tag()
	dir := c.dir
	if dir == "encrypt" {
		copy(t, tag)
	}
	ok := dir == "encrypt" || subtle.ConstantTimeCompare(tag[:len(t)], t) == 1
	c.reset()
	if !ok {
		return 0, scheme.NewError(who, "authentication tag not verified", nil)
	}
	return len(t), nil
}

// blockCipherDoneTagBang implements block-cipher-done/tag!.
func blockCipherDoneTagBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := span(bytesOf(a[1]), a, 2, -1)
	if err != nil {
		return nil, err
	}
	n, err := doneTag("block-cipher-done/tag!", cipherOf(a), t, a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(n), nil
}

// blockCipherDoneTag implements block-cipher-done/tag.
func blockCipherDoneTag(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "block-cipher-done/tag"
	n, err := scheme.ArgIndex(2, a[1])
	if err != nil {
		return nil, err
	}
	c := cipherOf(a)
	c.mu.Lock()
	dir := c.dir
	c.mu.Unlock()
	if dir == "decrypt" {
		return nil, scheme.NewError(who, "only for encryption: check a tag with block-cipher-done/tag!", []scheme.Value{c})
	}
	t := make([]byte, min(n, 17))
	if _, err := doneTag(who, c, t, a[1]); err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: t}, nil
}

const cipherSpec = "sagittarius (sagittarius crypto ciphers) §4"

func cipherLambda(ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("cipher", TypeSymmetricCipher)}, ps...)...)
	}
}

func descLambda(t *scheme.Type, ps ...scheme.Param) func() scheme.Params {
	return func() scheme.Params {
		return scheme.Lambda(append([]scheme.Param{scheme.Req("descriptor", t)}, ps...)...)
	}
}

func cipherValues() []scheme.Binding {
	var out []scheme.Binding
	for _, r := range blockDescriptorRow {
		d := r.d
		doc := "The " + d.Name + " block cipher descriptor (keys of " + d.keyLengths() + ")"
		switch {
		case d.Stream != notStream:
			doc = "The " + d.Name + " stream cipher descriptor (golang.org/x/crypto; 32-byte key, the nonce as the IV parameter)"
		case d.New == nil:
			doc += "; not supported: make-block-cipher raises an (exn unsupported) implementation-restriction violation (tlsport has no Go implementation)"
		}
		out = append(out, scheme.Binding{Name: r.name, Spec: cipherSpec, Doc: doc + ".", Value: d})
	}
	for _, r := range modeValues {
		doc := "The " + r.m.Name + " mode descriptor"
		if !r.m.Supported {
			doc += "; not supported (make-block-cipher raises an (exn unsupported) implementation-restriction violation)"
		}
		out = append(out, scheme.Binding{Name: r.name, Spec: cipherSpec, Doc: doc + ".", Value: r.m})
	}
	return append(out,
		scheme.Binding{Name: "*ctr-mode:big-endian*", Spec: cipherSpec, Doc: "CTR with a big-endian counter over the whole block (the default).", Value: scheme.Fixnum(ctrBigEndian)},
		scheme.Binding{Name: "*ctr-mode:little-endian*", Spec: cipherSpec, Doc: "CTR with a little-endian counter over the whole block.", Value: scheme.Fixnum(ctrLittleEndian)},
		scheme.Binding{Name: "*ctr-mode:rfc3686*", Spec: cipherSpec, Doc: "CTR as RFC 3686: a 32-bit big-endian counter in the last 4 bytes, incremented once before the first block. (The document spells it *ctr-mode:rfc3686, without the closing star.)", Value: scheme.Fixnum(ctrRFC3686)},
		scheme.Binding{Name: "pkcs7-padding", Spec: cipherSpec, Doc: "PKCS #7 padding, make-block-cipher's default (a value; #f is no padding). Used by ECB and CBC.", Value: PKCS7},
		scheme.Binding{Name: "*scheme:rsa*", Spec: cipherSpec, Doc: "The RSA asymmetric cipher descriptor (the key scheme *key:rsa* of (sagittarius crypto keys)).", Value: RSA},
		scheme.Binding{Name: "oaep-encoding", Spec: cipherSpec, Doc: "OAEP, make-asymmetric-cipher's default :encoding (a value; its options are make-asymmetric-cipher's keywords).", Value: OAEPEncoding},
		scheme.Binding{Name: "pkcs1-v1.5-encoding", Spec: cipherSpec, Doc: "PKCS #1 v1.5 encryption padding, for make-asymmetric-cipher's :encoding (a value).", Value: PKCS1Encoding},
		scheme.Binding{Name: "mgf-1", Spec: cipherSpec, Doc: "MGF1: (mgf-1 seed length digest) is length bytes of mask (RFC 8017 B.2.1).", Value: mgf1},
	)
}

func pred(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: cipherSpec, Sig: "(" + name + " obj)", Args: scheme.Params{Required: []string{"obj"}}, Doc: doc, Fn: fn}
}

func cipherProcs() []scheme.Proc {
	inOut := func(in, ps, out, cs string) func() scheme.Params {
		return cipherLambda(scheme.Req(in, scheme.TypeBytevector), scheme.Req(ps, nil), scheme.Req(out, scheme.TypeBytevector), scheme.Req(cs, nil))
	}
	procs := []scheme.Proc{
		pred("cipher-parameter?", "Is obj a cipher parameter (simple or composite)?", cipherParameterP),
		{Name: "make-cipher-parameter", Spec: cipherSpec, Sig: "(make-cipher-parameter parameter ...)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Rest("parameter", nil)) },
			Doc: "A composite cipher parameter holding the fields of the parameters (a later one's field wins).", Fn: makeCipherParameter},
		pred("cipher-descriptor?", "Is obj a cipher descriptor (symmetric, or *scheme:rsa*)?", cipherDescriptorP),
		{Name: "cipher-descriptor-name", Spec: cipherSpec, Sig: "(cipher-descriptor-name descriptor)", Args: scheme.Params{Required: []string{"descriptor"}},
			Doc: "The name of the descriptor, e.g. \"AES\".", Fn: cipherDescriptorName},
		pred("cipher?", "Is obj a cipher object (block, stream or asymmetric)?", cipherP),
		{Name: "cipher-direction", Spec: cipherSpec, Sig: "syntax (cipher-direction direction)", Doc: "The symbol direction: encrypt or decrypt.",
			Syntax: "(syntax-rules (encrypt decrypt) ((_ encrypt) 'encrypt) ((_ decrypt) 'decrypt))"},
		pred("symmetric-cipher-descriptor?", "Is obj a block or stream cipher descriptor?", symmetricCipherDescriptorP),
		{Name: "symmetric-cipher-descriptor-min-key-length", Spec: cipherSpec, Sig: "(symmetric-cipher-descriptor-min-key-length descriptor)", LazyArgs: descLambda(TypeCipherDescriptor),
			Doc: "The minimum key length in bytes.", Fn: symmetricCipherDescriptorMinKeyLength},
		{Name: "symmetric-cipher-descriptor-max-key-length", Spec: cipherSpec, Sig: "(symmetric-cipher-descriptor-max-key-length descriptor)", LazyArgs: descLambda(TypeCipherDescriptor),
			Doc: "The maximum key length in bytes.", Fn: symmetricCipherDescriptorMaxKeyLength},
		pred("symmetric-cipher?", "Is obj a block or stream cipher?", symmetricCipherP),
		pred("block-cipher-descriptor?", "Is obj a block cipher descriptor?", blockCipherDescriptorP),
		{Name: "block-cipher-descriptor-block-length", Spec: cipherSpec, Sig: "(block-cipher-descriptor-block-length descriptor)", LazyArgs: descLambda(TypeBlockDescriptor),
			Doc: "The block length in bytes.", Fn: blockCipherDescriptorBlockLength},
		{Name: "block-cipher-descriptor-suggested-key-length", Spec: cipherSpec, Sig: "(block-cipher-descriptor-suggested-key-length descriptor :optional size)",
			LazyArgs: descLambda(TypeBlockDescriptor, scheme.Opt("size", nil, nil)),
			Doc:      "The maximum key length; with size, the largest valid key length not above size (an error when there is none).", Fn: blockCipherDescriptorSuggestedKeyLength},
		pred("mode-descriptor?", "Is obj a mode descriptor?", modeDescriptorP),
		{Name: "mode-descriptor-name", Spec: cipherSpec, Sig: "(mode-descriptor-name descriptor)", LazyArgs: descLambda(TypeModeDescriptor),
			Doc: "The name of the mode, e.g. \"CBC\".", Fn: modeDescriptorName},
		pred("block-cipher?", "Is obj a block cipher?", blockCipherP),
		{Name: "make-block-cipher", Spec: cipherSpec, Sig: "(make-block-cipher scheme mode :optional padding)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("scheme", TypeBlockDescriptor), scheme.Req("mode", TypeModeDescriptor), scheme.Opt("padding", nil, nil))
			},
			Doc: "A block cipher of scheme in mode, padding the last block of ECB and CBC with padding (pkcs7-padding by default; #f: none). An unsupported cipher or mode raises an (exn unsupported) implementation-restriction violation.",
			Fn:  makeBlockCipher},
		{Name: "block-cipher-block-length", Spec: cipherSpec, Sig: "(block-cipher-block-length cipher)", LazyArgs: cipherLambda(), Doc: "The block length of cipher (1 for a stream cipher).", Fn: blockCipherBlockLength},
		{Name: "block-cipher-init!", Spec: cipherSpec, Sig: "(block-cipher-init! cipher direction key :optional parameter)",
			LazyArgs: cipherLambda(scheme.Req("direction", nil), scheme.Req("key", nil), scheme.Opt("parameter", nil, nil)),
			Doc:      "Initialise cipher (a block or stream cipher) for direction (encrypt or decrypt) with the symmetric key and parameter (the IV …); returns cipher.", Fn: blockCipherInitBang},
		{Name: "block-cipher-init", Spec: cipherSpec, Sig: "(block-cipher-init cipher direction key :optional parameter)",
			LazyArgs: cipherLambda(scheme.Req("direction", nil), scheme.Req("key", nil), scheme.Opt("parameter", nil, nil)),
			Doc:      "An initialised copy of cipher, as block-cipher-init! would make it.", Fn: blockCipherInit},
		{Name: "block-cipher-encrypt!", Spec: cipherSpec, Sig: "(block-cipher-encrypt! cipher pt ps ct cs)", LazyArgs: inOut("pt", "ps", "ct", "cs"),
			Doc: "Encrypt pt[ps…] into ct from cs; returns the bytes written (ECB and CBC: whole blocks, keeping the rest for later).", Fn: blockCipherEncryptBang},
		{Name: "block-cipher-encrypt", Spec: cipherSpec, Sig: "(block-cipher-encrypt cipher pt :optional ps)", LazyArgs: cipherLambda(scheme.Req("pt", scheme.TypeBytevector), scheme.Opt("ps", nil, nil)),
			Doc: "The encryption of pt[ps…] (ECB and CBC: of the whole blocks so far).", Fn: blockCipherEncrypt},
		{Name: "block-cipher-last-block-size", Spec: cipherSpec, Sig: "(block-cipher-last-block-size cipher block)", LazyArgs: cipherLambda(scheme.Req("block", nil)),
			Doc: "The output space the last block (a bytevector or its length) needs, with the padding.", Fn: blockCipherLastBlockSize},
		{Name: "block-cipher-encrypt-last-block!", Spec: cipherSpec, Sig: "(block-cipher-encrypt-last-block! cipher pt ps ct cs)", LazyArgs: inOut("pt", "ps", "ct", "cs"),
			Doc: "Encrypt the rest, pt[ps…], with the padding into ct from cs; returns the bytes written.", Fn: blockCipherEncryptLastBlockBang},
		{Name: "block-cipher-encrypt-last-block", Spec: cipherSpec, Sig: "(block-cipher-encrypt-last-block cipher pt :optional ps)", LazyArgs: cipherLambda(scheme.Req("pt", scheme.TypeBytevector), scheme.Opt("ps", nil, nil)),
			Doc: "The encryption of the rest, pt[ps…], with the padding.", Fn: blockCipherEncryptLastBlock},
		{Name: "block-cipher-decrypt!", Spec: cipherSpec, Sig: "(block-cipher-decrypt! cipher ct cs pt ps)", LazyArgs: inOut("ct", "cs", "pt", "ps"),
			Doc: "Decrypt ct[cs…] into pt from ps; returns the bytes written (ECB and CBC with padding keep the last block for the last-block call).", Fn: blockCipherDecryptBang},
		{Name: "block-cipher-decrypt", Spec: cipherSpec, Sig: "(block-cipher-decrypt cipher ct :optional cs)", LazyArgs: cipherLambda(scheme.Req("ct", scheme.TypeBytevector), scheme.Opt("cs", nil, nil)),
			Doc: "The decryption of ct[cs…].", Fn: blockCipherDecrypt},
		{Name: "block-cipher-decrypt-last-block!", Spec: cipherSpec, Sig: "(block-cipher-decrypt-last-block! cipher ct cs pt ps)", LazyArgs: inOut("ct", "cs", "pt", "ps"),
			Doc: "Decrypt the rest, ct[cs…], removing the padding, into pt from ps; returns the bytes written. Bad padding is an error.", Fn: blockCipherDecryptLastBlockBang},
		{Name: "block-cipher-decrypt-last-block", Spec: cipherSpec, Sig: "(block-cipher-decrypt-last-block cipher ct :optional cs)", LazyArgs: cipherLambda(scheme.Req("ct", scheme.TypeBytevector), scheme.Opt("cs", nil, nil)),
			Doc: "The decryption of the rest, ct[cs…], without the padding.", Fn: blockCipherDecryptLastBlock},
		{Name: "block-cipher-done!", Spec: cipherSpec, Sig: "(block-cipher-done! cipher)", LazyArgs: cipherLambda(), Doc: "Make cipher neutral (uninitialised), forgetting its key; returns cipher.", Fn: blockCipherDoneBang},
		{Name: "block-cipher-update-aad!", Spec: cipherSpec, Sig: "(block-cipher-update-aad! cipher aad :optional start length)",
			LazyArgs: cipherLambda(scheme.Req("aad", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
			Doc:      "Add aad[start, start+length) to the additional authenticated data (GCM and ChaCha20-Poly1305; ignored otherwise); returns cipher.", Fn: blockCipherUpdateAADBang},
		{Name: "block-cipher-update-iv!", Spec: cipherSpec, Sig: "(block-cipher-update-iv! cipher iv :optional start length)",
			LazyArgs: cipherLambda(scheme.Req("iv", scheme.TypeBytevector), scheme.Opt("start", nil, nil), scheme.Opt("length", nil, nil)),
			Doc:      "Start a new GCM message with the IV iv[start, start+length) (ignored in the other modes); returns cipher.", Fn: blockCipherUpdateIVBang},
		{Name: "block-cipher-max-tag-length", Spec: cipherSpec, Sig: "(block-cipher-max-tag-length cipher)", LazyArgs: cipherLambda(),
			Doc: "16 for GCM and ChaCha20-Poly1305, else 0.", Fn: blockCipherMaxTagLength},
		{Name: "block-cipher-done/tag!", Spec: cipherSpec, Sig: "(block-cipher-done/tag! cipher tag :optional start)", LazyArgs: cipherLambda(scheme.Req("tag", scheme.TypeBytevector), scheme.Opt("start", nil, nil)),
			Doc: "Encrypting: write the tag into tag[start…] (at most 16 bytes); decrypting: check tag[start…] against the computed tag (an error when it differs). Returns the tag length and makes cipher neutral. " +
				"The tag is computed with crypto/cipher's GCM or ChaCha20-Poly1305 over the whole message, which the cipher keeps until then.", Fn: blockCipherDoneTagBang},
		{Name: "block-cipher-done/tag", Spec: cipherSpec, Sig: "(block-cipher-done/tag cipher tag-len)", LazyArgs: cipherLambda(scheme.Req("tag-len", nil)),
			Doc: "Encrypting only: the tag, tag-len bytes (1 to 16); makes cipher neutral.", Fn: blockCipherDoneTag},
		pred("stream-cipher-descriptor?", "Is obj a stream cipher descriptor?", streamCipherDescriptorP),
		{Name: "stream-cipher-descriptor-aead?", Spec: cipherSpec, Sig: "(stream-cipher-descriptor-aead? descriptor)", LazyArgs: descLambda(TypeStreamDescriptor),
			Doc: "Is the stream cipher an AEAD (ChaCha20-Poly1305, XChaCha20-Poly1305)?", Fn: streamCipherDescriptorAeadP},
		pred("stream-cipher?", "Is obj a stream cipher?", streamCipherP),
		{Name: "make-stream-cipher", Spec: cipherSpec, Sig: "(make-stream-cipher scheme)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("scheme", TypeStreamDescriptor)) },
			Doc: "A stream cipher of scheme. The document gives no procedures of its own for it: the block-cipher-init!, -encrypt, -decrypt and -done/tag procedures take it (the nonce is the IV parameter).", Fn: makeStreamCipher},
	}
	procs = append(procs, parameterRows()...)
	return append(procs, asymmetricRows...)
}

// CiphersLibrary is (sagittarius crypto ciphers).
var CiphersLibrary = &scheme.Library{Name: "(sagittarius crypto ciphers)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's ciphers. Block ciphers AES, DES, 3DES, Blowfish, CAST5 (16-byte keys), Twofish, XTEA (crypto/aes, crypto/des, golang.org/x/crypto) and RC2 (RFC 2268, effective key bits = the key's) in ECB, CBC, CFB, OFB, CTR and GCM; " +
		"stream ciphers ChaCha20, XChaCha20 and their Poly1305 AEADs (golang.org/x/crypto); RSA encryption with OAEP or PKCS #1 v1.5 (crypto/rsa). " +
		"The other ciphers and modes of the document have descriptors, and make-block-cipher raises an (exn unsupported) implementation-restriction violation naming them. " +
		"GCM and ChaCha20-Poly1305 return their output as it comes but keep the message to compute the tag with crypto/cipher at block-cipher-done/tag!. A cipher locks, so threads may share it.",
	Build: func(l *scheme.Library) { fillFrom(l, ciphersTable()) }}

// ciphersTable returns the rows of (sagittarius crypto ciphers), made when a program first
// imports the library rather than at every start.
func ciphersTable() *scheme.Library {
	return &scheme.Library{
		Values: cipherValues(),
		Procs:  cipherProcs(),
	}
}
