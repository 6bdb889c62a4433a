// Codecs and transcoders (r6rs-lib §8.2.4): values, encoding and decoding, and the transcoding port backend.

package rnrsio

import (
	"context"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

// Codec is an R6RS codec: utf-8, latin-1 or utf-16.
type Codec struct{ name string }

// TypeName implements scheme.Value.
func (*Codec) TypeName() string { return "codec" }

// Repr implements scheme.Repr.
func (c *Codec) Repr() string { return "#<codec " + c.name + ">" }

var (
	codecUTF8   = &Codec{"utf-8"}
	codecLatin1 = &Codec{"latin-1"}
	codecUTF16  = &Codec{"utf-16"}
)

// Transcoder is an R6RS transcoder: a codec, an end-of-line style and an
// error-handling mode.
type Transcoder struct {
	codec  *Codec
	custom *scheme.ProcCodec // when set, the codec (Sagittarius's make-codec), codec nil
	eol    string            // none lf cr crlf nel crnel ls
	mode   string            // ignore raise replace
}

// codecName returns the name of the transcoder's codec.
func (t *Transcoder) codecName() string {
	if t.custom != nil {
		return t.custom.Name.Name
	}
	return t.codec.name
}

// TypeName implements scheme.Value.
func (*Transcoder) TypeName() string { return "transcoder" }

// Repr implements scheme.Repr.
func (t *Transcoder) Repr() string {
	return "#<transcoder " + t.codecName() + " " + t.eol + " " + t.mode + ">"
}

var (
	typeCodec      = &scheme.Type{Name: "codec", Accept: isCodec}
	typeTranscoder = &scheme.Type{Name: "transcoder", Accept: func(v scheme.Value) bool { _, ok := v.(*Transcoder); return ok }}
	eolStyles      = []string{"lf", "cr", "crlf", "nel", "crnel", "ls", "none"}
	handlingModes  = []string{"ignore", "raise", "replace"}
)

// nativeEOL is (native-eol-style): tlsport runs on Unix-like systems.
const nativeEOL = "lf"

var nativeTc = &Transcoder{codec: codecUTF8, eol: nativeEOL, mode: "replace"}

// isCodec reports whether v is a codec: R6RS's, or one made of procedures.
func isCodec(v scheme.Value) bool {
	switch v.(type) {
	case *Codec, *scheme.ProcCodec:
		return true
	}
	return false
}

func symbolIn(v scheme.Value, names []string) (string, bool) {
	s, ok := v.(*scheme.Symbol)
	if !ok {
		return "", false
	}
	for _, n := range names {
		if s.Name == n {
			return n, true
		}
	}
	return "", false
}

// eolBytes returns the encoding-independent characters of an eol style.
func eolRunes(style string) []rune {
	switch style {
	case "cr":
		return []rune{'\r'}
	case "crlf":
		return []rune{'\r', '\n'}
	case "nel":
		return []rune{0x85}
	case "crnel":
		return []rune{'\r', 0x85}
	case "ls":
		return []rune{0x2028}
	}
	return []rune{'\n'}
}

// decoder turns bytes in a codec into UTF-8, converting line ends to
// linefeeds unless the eol style is none.
type decoder struct {
	tc      *Transcoder
	cr      bool // the last character was a CR turned into LF: drop a following LF or NEL
	ordered bool // utf-16: byte order known
	le      bool // utf-16 little-endian
}

// errDecoding is wrapped into the i/o decoding condition by the caller.
type codingError struct {
	what string
	c    rune
}

func (e *codingError) Error() string { return "rnrsio: " + e.what + " error" }

// decode appends the decoding of src to dst and returns the number of
// bytes of src consumed; at the end of input (final) an incomplete
// sequence is an error.
func (d *decoder) decode(dst, src []byte, final bool) ([]byte, int, error) {
	i := 0
	for i < len(src) {
		var r rune
		size := 1
		bad := false
		switch d.tc.codec {
		case codecLatin1:
			r = rune(src[i])
		case codecUTF16:
			if !d.ordered && len(src)-i >= 2 {
				d.ordered = true
				if src[i] == 0xFF && src[i+1] == 0xFE {
					d.le = true
					i += 2
					continue
				}
				if src[i] == 0xFE && src[i+1] == 0xFF {
					i += 2
					continue
				}
			}
			if len(src)-i < 2 {
				if !final {
					return dst, i, nil
				}
				bad, size = true, len(src)-i
				break
			}
			u := d.unit(src[i:])
			size = 2
			if u >= 0xD800 && u < 0xDC00 {
				if len(src)-i < 4 {
					if !final {
						return dst, i, nil
					}
					bad, size = true, len(src)-i
					break
				}
				v := d.unit(src[i+2:])
				if v >= 0xDC00 && v < 0xE000 {
					r, size = 0x10000+(rune(u)-0xD800)<<10+(rune(v)-0xDC00), 4
				} else {
					bad = true
				}
			} else if u >= 0xDC00 && u < 0xE000 {
				bad = true
			} else {
				r = rune(u)
			}
		default:
			if src[i] < utf8.RuneSelf {
				r = rune(src[i])
				break
			}
			if !utf8.FullRune(src[i:]) && !final {
				return dst, i, nil
			}
			r, size = utf8.DecodeRune(src[i:])
			bad = r == utf8.RuneError && size <= 1
		}
		i += size
		if bad {
			switch d.tc.mode {
			case "raise":
				return dst, i, &codingError{what: "decoding"}
			case "ignore":
				continue
			}
			r = utf8.RuneError
		}
		if r, skip := d.newline(r); !skip {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, i, nil
}

// newline converts a line end to a linefeed unless the eol style is none:
// CR, NEL, LS, and CR followed by LF or NEL, whose second character is
// skipped (skip true).
func (d *decoder) newline(r rune) (_ rune, skip bool) {
	if d.tc.eol == "none" {
		return r, false
	}
	if d.cr {
		d.cr = false
		if r == '\n' || r == 0x85 {
			return r, true
		}
	}
	switch r {
	case '\r':
		d.cr = true
		return '\n', false
	case 0x85, 0x2028:
		return '\n', false
	}
	return r, false
}

// rawLen returns how many bytes of raw, decoded from state d, make the
// first want bytes of their decoding; a linefeed's line end is taken
// whole (the LF of a CR LF too).
func rawLen(d decoder, raw []byte, want int, final bool) int {
	var buf [2 * utf8.UTFMax]byte
	i, out := 0, 0
	for i < len(raw) && (out < want || d.cr) {
		n := 0
		for k := 1; n == 0; k++ { // one character: the shortest prefix decoded
			if i+k > len(raw) {
				return i
			}
			next := d
			dst, m, err := next.decode(buf[:0], raw[i:i+k], final && i+k == len(raw))
			if m == 0 && err == nil {
				continue
			}
			if out+len(dst) > want {
				return i
			}
			d, n, out = next, m, out+len(dst)
		}
		i += n
	}
	return i
}

func (d *decoder) unit(b []byte) uint16 {
	if d.le {
		return uint16(b[0]) | uint16(b[1])<<8
	}
	return uint16(b[0])<<8 | uint16(b[1])
}

// encode appends the encoding of the UTF-8 text src to dst, linefeeds
// written as the eol style; n is the number of bytes of src consumed (an
// incomplete character at its end is left unless final).
func encode(tc *Transcoder, dst, src []byte, final bool) ([]byte, int, error) {
	i := 0
	for i < len(src) {
		if !utf8.FullRune(src[i:]) && !final {
			break
		}
		r, size := utf8.DecodeRune(src[i:])
		i += size
		if r == '\n' && tc.eol != "none" && tc.eol != "lf" {
			for _, e := range eolRunes(tc.eol) {
				var err error
				if dst, err = encodeRune(tc, dst, e); err != nil {
					return dst, i, err
				}
			}
			continue
		}
		var err error
		if dst, err = encodeRune(tc, dst, r); err != nil {
			return dst, i, err
		}
	}
	return dst, i, nil
}

func encodeRune(tc *Transcoder, dst []byte, r rune) ([]byte, error) {
	switch tc.codec {
	case codecLatin1:
		if r > 0xFF {
			switch tc.mode {
			case "raise":
				return dst, &codingError{what: "encoding", c: r}
			case "ignore":
				return dst, nil
			}
			r = '?'
		}
		return append(dst, byte(r)), nil
	case codecUTF16:
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			return append(dst, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo)), nil
		}
		return append(dst, byte(r>>8), byte(r)), nil
	}
	return utf8.AppendRune(dst, r), nil
}

// codingCondition turns a codec error into the R6RS condition
// &i/o-decoding or &i/o-encoding (CHICKEN view: (exn i/o decoding|encoding)).
func codingCondition(who string, err error, port scheme.Value) error {
	var ce *codingError
	if !errors.As(err, &ce) {
		return err
	}
	irritants := []scheme.Value{}
	if port != nil {
		irritants = append(irritants, port)
	}
	c := scheme.MakeError(who, ce.what+" error", irritants, "i/o", ce.what)
	if port != nil {
		c.Set("i/o", "port", port)
	}
	if ce.what == "encoding" {
		c.Set("encoding", "char", scheme.Char(ce.c))
	}
	c.Cause = err
	return scheme.Raise(c)
}

// Transcoded is the Host of a port made by transcoded-port: the binary
// port beneath and the transcoder. It reads its binary port in chunks,
// and keeps the raw bytes of the last one decoded and the decoder's state
// before it, from which the position of a character is found again (see
// PositionContext).
type Transcoded struct {
	Port       *scheme.Port // the binary port beneath
	Transcoder *Transcoder
	orig       *scheme.Port // transcoded-port's port, closed (see Port.Detach): kept from the collector
	dec        decoder
	raw        []byte  // raw[:rawOff]: the chunk decoded last; raw[rawOff:]: undecoded input
	rawOff     int     // see raw
	chunk      decoder // the decoder's state before the last chunk
	chunkLen   int     // the length of the last chunk's decoding
	out        []byte  // decoded input not yet delivered (the end of the last chunk's decoding)
	eof        bool
	bomRead    bool   // a codec made of procedures: getc was called (check-bom? #f from then on)
	rerr       error  // a codec made of procedures: the failure of a getc after characters were delivered
	wpend      []byte // output: incomplete UTF-8 character
	wbuf       []byte
	self       *scheme.Port
}

// rawChunk is how many bytes a transcoded port asks its binary port for.
const rawChunk = 16 << 10

// ReadContext implements scheme.ByteReader.
func (t *Transcoded) ReadContext(ctx context.Context, p []byte) (int, error) {
	if t.Transcoder.custom != nil {
		return t.readProc(ctx, p)
	}
	for len(t.out) == 0 {
		if t.eof {
			return 0, io.EOF
		}
		t.raw = append(t.raw[:0], t.raw[t.rawOff:]...)
		t.rawOff, t.chunkLen = 0, 0
		var err error
		t.raw, err = t.Port.ReadBytesContext(ctx, t.raw, rawChunk, true)
		final := false
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return 0, err
			}
			t.eof, final = true, true
		}
		t.chunk = t.dec
		t.out, t.rawOff, err = t.dec.decode(t.out[:0], t.raw, final)
		t.chunkLen = len(t.out)
		if err != nil {
			return 0, codingCondition("", err, t.self)
		}
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// WriteContext implements scheme.ByteWriter.
func (t *Transcoded) WriteContext(ctx context.Context, p []byte) (int, error) {
	src := p
	if len(t.wpend) > 0 {
		src = append(t.wpend, p...)
	}
	if t.Transcoder.custom != nil {
		cut := wholeRunes(src)
		if err := t.writeProc(ctx, src[:cut]); err != nil {
			return 0, err
		}
		t.wpend = append(t.wpend[:0], src[cut:]...)
		return len(p), nil
	}
	var n int
	var err error
	t.wbuf, n, err = encode(t.Transcoder, t.wbuf[:0], src, false)
	t.wpend = append(t.wpend[:0], src[n:]...)
	if err != nil {
		return 0, codingCondition("", err, t.self)
	}
	if err := t.Port.Write(ctx, t.wbuf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// FlushContext implements scheme.ByteWriter.
func (t *Transcoded) FlushContext(ctx context.Context) error { return t.Port.Flush(ctx) }

// Close closes the binary port beneath.
func (t *Transcoded) Close() error { return t.Port.Close() }

// Seekable implements scheme.Seeker: a transcoded port has the positions
// of its binary port (in its bytes), unless its codec is made of
// procedures.
func (t *Transcoded) Seekable() bool {
	return t.Transcoder.custom == nil && t.Port.HasPosition()
}

// PositionContext implements scheme.Seeker: the position, in the binary
// port, of the first character not delivered (ahead being what the
// textual port holds of the decoding) is found by decoding the last chunk
// again up to it.
func (t *Transcoded) PositionContext(ctx context.Context, ahead int) (int64, error) {
	end, err := t.Port.PositionContext(ctx) // where raw ends
	if err != nil {
		return 0, err
	}
	used := t.chunkLen - len(t.out) - ahead
	if used < 0 {
		return 0, scheme.Errorf("the position is lost: what was read ahead goes back beyond the last piece decoded")
	}
	n := rawLen(t.chunk, t.raw[:t.rawOff], used, t.eof)
	return end - int64(len(t.raw)) + int64(n), nil
}

// SetPositionContext implements scheme.Seeker: the binary port moves, and
// what was read and decoded ahead is dropped.
func (t *Transcoded) SetPositionContext(ctx context.Context, pos int64) error {
	if err := t.Port.SetPosition(ctx, pos); err != nil {
		return err
	}
	t.raw, t.rawOff, t.chunkLen, t.out, t.eof = t.raw[:0], 0, 0, nil, false
	t.dec.cr = false
	if pos == 0 { // a byte order mark is read again
		t.dec.ordered, t.dec.le = false, false
	}
	return nil
}

// readProc decodes with a codec made of procedures: getc, called on the
// thread reading, gives one character; it is called again while the
// binary port has input ready and p has room, but not on an input/output
// port, over which output lands after what getc has read.
func (t *Transcoded) readProc(ctx context.Context, p []byte) (int, error) {
	if err := t.rerr; err != nil {
		t.rerr = nil
		return 0, err
	}
	th, err := callerThread(ctx, "transcoded port "+t.self.Name())
	if err != nil {
		return 0, err
	}
	c := t.Transcoder.custom
	n := 0
	for n+utf8.UTFMax <= len(p) {
		if n > 0 {
			if ready, err := t.Port.ReadyContext(ctx); err != nil || !ready || t.Port.IsOutput() {
				break
			}
		}
		v, err := th.Call(c.Getc, t.Port, scheme.Intern(t.Transcoder.mode), scheme.MakeBool(!t.bomRead), c.Data)
		t.bomRead = true
		if err == nil && v == scheme.EOF {
			err = io.EOF
		}
		var r rune
		if err == nil {
			r, err = codePoint(v)
		}
		if err != nil {
			if n > 0 && !errors.Is(err, io.EOF) {
				t.rerr = err // after the characters before it
			}
			if n > 0 {
				break
			}
			return 0, err
		}
		if r, skip := t.dec.newline(r); !skip {
			n += utf8.EncodeRune(p[n:], r)
		}
	}
	return n, nil
}

// codePoint returns the character of what a codec's getc returned.
func codePoint(v scheme.Value) (rune, error) {
	if n, ok := v.(scheme.Fixnum); ok && n >= 0 && n <= utf8.MaxRune && (n < 0xD800 || n > 0xDFFF) {
		return rune(n), nil
	}
	return 0, scheme.Errorf("codec getc returned %s, not a code point or the eof object", scheme.WriteString(v))
}

// writeProc encodes the UTF-8 text b with a codec made of procedures:
// putc, called on the thread writing, writes each character (a linefeed as
// the eol style's characters).
func (t *Transcoded) writeProc(ctx context.Context, b []byte) error {
	th, err := callerThread(ctx, "transcoded port "+t.self.Name())
	if err != nil {
		return err
	}
	c, mode := t.Transcoder.custom, scheme.Intern(t.Transcoder.mode)
	for _, r := range string(b) {
		rs := []rune{r}
		if r == '\n' && t.Transcoder.eol != "none" {
			rs = eolRunes(t.Transcoder.eol)
		}
		for _, r := range rs {
			if _, err := th.Call(c.Putc, t.Port, scheme.Char(r), mode, c.Data); err != nil {
				return err
			}
		}
	}
	return nil
}

// transcode returns a textual port reading and/or writing p through tc.
func transcode(p *scheme.Port, tc *Transcoder) *scheme.Port {
	t := &Transcoded{Port: p, Transcoder: tc, dec: decoder{tc: tc}}
	var np *scheme.Port
	switch {
	case p.IsInput() && p.IsOutput():
		np = scheme.NewInputOutputPort(p.Name(), t, t, t)
	case p.IsInput():
		np = scheme.NewInputPort(p.Name(), t, t)
	default:
		np = scheme.NewOutputPort(p.Name(), t, t)
	}
	np.SetKind(true)
	t.self = np
	return np
}

// decodeAll decodes a whole bytevector.
func decodeAll(b []byte, tc *Transcoder) ([]byte, error) {
	d := decoder{tc: tc}
	out, _, err := d.decode(make([]byte, 0, len(b)), b, true)
	return out, err
}
