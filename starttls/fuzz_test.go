// Fuzz tests: the reply readers and the BER decoder never panic or hang on hostile input.

package starttls

import (
	"bytes"
	"io"
	"testing"
)

// bytesWire is a Wire over a byte slice (writes are discarded).
type bytesWire struct{ r *bytes.Reader }

func (w bytesWire) ReadLine() (string, error) {
	var b []byte
	for {
		c, err := w.r.ReadByte()
		if err != nil {
			if len(b) > 0 {
				return string(b), nil
			}
			return "", err
		}
		if c == '\n' {
			return string(bytes.TrimSuffix(b, []byte("\r"))), nil
		}
		b = append(b, c)
	}
}
func (w bytesWire) ReadByte() (byte, error) { return w.r.ReadByte() }
func (w bytesWire) ReadFull(p []byte) error { _, err := io.ReadFull(w.r, p); return err }
func (w bytesWire) Send(p []byte) error     { return nil }

func FuzzReaders(f *testing.F) {
	for _, seed := range []string{
		"250-a\r\n250 b\r\n", "* OK x\r\nT1 OK {3}\r\nabc\r\n", "+OK\r\n..x\r\n.\r\n",
		"<a b='>'><c/></a>", "<stream:stream>", "\x30\x03\x02\x01\x01", "R\x00\x00\x00\x08\x00\x00\x00\x03",
		"{99999999999}\r\n", "\x30\x84\xff\xff\xff\xff",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		w := func() Wire { return bytesWire{bytes.NewReader(b)} }
		ReadCodeReply(w())
		ReadIMAP(w(), "T1")
		ReadPOP3(w(), true)
		ReadElement(w())
		ReadBER(w())
		ReadPostgres(w())
		if e, _, err := ParseBER(b); err == nil {
			e.Encode()
			e.Int()
		}
	})
}
