// BER: the subset of ASN.1 Basic Encoding Rules LDAP uses (definite lengths, tags below 31).

package starttls

import (
	"errors"
	"fmt"
)

// BER classes.
const (
	ClassUniversal   = 0
	ClassApplication = 1
	ClassContext     = 2
	ClassPrivate     = 3
)

// Universal tags used by LDAP.
const (
	TagBoolean     = 1
	TagInteger     = 2
	TagOctetString = 4
	TagNull        = 5
	TagEnumerated  = 10
	TagSequence    = 16
	TagSet         = 17
)

// BER is one BER element: primitive (Value) or constructed (Children).
type BER struct {
	Class       int
	Constructed bool
	Tag         int
	Value       []byte // primitive contents
	Children    []*BER // constructed contents
}

// Encode returns the element's definite-length encoding.
func (e *BER) Encode() []byte {
	content := e.Value
	if e.Constructed {
		content = nil
		for _, c := range e.Children {
			content = append(content, c.Encode()...)
		}
	}
	id := byte(e.Class<<6) | byte(e.Tag&0x1f)
	if e.Constructed {
		id |= 0x20
	}
	out := []byte{id}
	n := len(content)
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	default:
		var lb []byte
		for m := n; m > 0; m >>= 8 {
			lb = append([]byte{byte(m)}, lb...)
		}
		out = append(out, 0x80|byte(len(lb)))
		out = append(out, lb...)
	}
	return append(out, content...)
}

// Int returns the value of a primitive INTEGER or ENUMERATED element.
func (e *BER) Int() (int64, error) {
	if e.Constructed || len(e.Value) == 0 || len(e.Value) > 8 {
		return 0, errors.New("starttls: BER: not an integer")
	}
	v := int64(int8(e.Value[0]))
	for _, b := range e.Value[1:] {
		v = v<<8 | int64(b)
	}
	return v, nil
}

// IntBER returns an element of class/tag holding the integer v.
func IntBER(class, tag int, v int64) *BER {
	var b []byte
	for {
		b = append([]byte{byte(v)}, b...)
		if (v >= -128 && v < 128) || len(b) == 8 {
			break
		}
		v >>= 8
	}
	return &BER{Class: class, Tag: tag, Value: b}
}

// ParseBER decodes one element from the front of b and returns the rest.
func ParseBER(b []byte) (*BER, []byte, error) {
	return parseBER(b, 0)
}

func parseBER(b []byte, depth int) (*BER, []byte, error) {
	if depth > 64 {
		return nil, nil, errors.New("starttls: BER nested too deeply")
	}
	if len(b) < 2 {
		return nil, nil, errors.New("starttls: BER element truncated")
	}
	e := &BER{Class: int(b[0] >> 6), Constructed: b[0]&0x20 != 0, Tag: int(b[0] & 0x1f)}
	if e.Tag == 0x1f {
		return nil, nil, errors.New("starttls: BER high tag numbers are not supported")
	}
	n, hl, err := berLength(b[1:])
	if err != nil {
		return nil, nil, err
	}
	body := b[1+hl:]
	if n > len(body) {
		return nil, nil, fmt.Errorf("starttls: BER element of %d bytes truncated at %d", n, len(body))
	}
	content, rest := body[:n], body[n:]
	if !e.Constructed {
		e.Value = append([]byte(nil), content...)
		return e, rest, nil
	}
	for len(content) > 0 {
		c, r, err := parseBER(content, depth+1)
		if err != nil {
			return nil, nil, err
		}
		e.Children = append(e.Children, c)
		content = r
	}
	return e, rest, nil
}

// berLength decodes a definite length; hl is the number of length bytes.
func berLength(b []byte) (n, hl int, err error) {
	if len(b) == 0 {
		return 0, 0, errors.New("starttls: BER length truncated")
	}
	if b[0] < 0x80 {
		return int(b[0]), 1, nil
	}
	k := int(b[0] & 0x7f)
	if k == 0 || k > 4 || len(b) < 1+k {
		return 0, 0, errors.New("starttls: BER length unsupported or truncated")
	}
	for _, c := range b[1 : 1+k] {
		n = n<<8 | int(c)
	}
	if n > maxMessage {
		return 0, 0, fmt.Errorf("starttls: BER element of %d bytes too long", n)
	}
	return n, 1 + k, nil
}

// ReadBER reads one whole element from w and decodes it.
func ReadBER(w Wire) (*BER, error) {
	hdr := make([]byte, 2, 6)
	if err := w.ReadFull(hdr); err != nil {
		return nil, err
	}
	if hdr[1] >= 0x80 {
		k := int(hdr[1] & 0x7f)
		if k == 0 || k > 4 {
			return nil, errors.New("starttls: BER length unsupported")
		}
		hdr = hdr[:2+k]
		if err := w.ReadFull(hdr[2:]); err != nil {
			return nil, err
		}
	}
	n, _, err := berLength(hdr[1:])
	if err != nil {
		return nil, err
	}
	msg := make([]byte, len(hdr)+n)
	copy(msg, hdr)
	if err := w.ReadFull(msg[len(hdr):]); err != nil {
		return nil, err
	}
	e, _, err := ParseBER(msg)
	return e, err
}
