// The framing reader: reads sized by the last record, never delivering past a record's end.

package ports

import (
	"bytes"
	"io"
	"net"
	"slices"
	"testing"
)

// chunkConn is a raw connection whose data arrives in chunks: a Read
// returns bytes of the current chunk only (as a socket returns what has
// arrived), and records the size each Read asked for.
type chunkConn struct {
	net.Conn
	chunks [][]byte
	asked  []int
}

func (c *chunkConn) Read(p []byte) (int, error) {
	c.asked = append(c.asked, len(p))
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	if c.chunks[0] = c.chunks[0][n:]; len(c.chunks[0]) == 0 {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}

// record returns a TLS application-data record header plus n payload bytes of b.
func record(n int, b byte) []byte {
	return append([]byte{23, 3, 3, byte(n >> 8), byte(n)}, bytes.Repeat([]byte{b}, n)...)
}

func TestFramerReadsSizedByLastRecord(t *testing.T) {
	a, b, c, d := record(100, 'a'), record(50, 'b'), record(100, 'c'), record(200, 'd')
	e := record(200, 'e')
	raw := &chunkConn{chunks: [][]byte{a, b, append(append([]byte(nil), c...), d...), e}}
	f := &framer{}
	f.init(raw, nil)
	var got []byte
	var reads [][]byte
	p := make([]byte, 32<<10) // tls.Conn's buffer: larger than any record
	for {
		n, err := f.Read(p)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		reads = append(reads, append([]byte(nil), p[:n]...))
		got = append(got, p[:n]...)
	}
	want := bytes.Join([][]byte{a, b, c, d, e}, nil)
	if !bytes.Equal(got, want) {
		t.Fatalf("delivered %q, want %q", got, want)
	}
	// No read delivers bytes of two records.
	bounds := []int{len(a), len(b), len(c), len(d), len(e)}
	off, rec := 0, 0
	for _, r := range reads {
		end := off + len(r)
		for rec < len(bounds) && off >= bounds[rec] {
			off -= bounds[rec]
			end -= bounds[rec]
			rec++
		}
		if rec == len(bounds) || end > bounds[rec] {
			t.Fatalf("a read of %d bytes crossed the end of record %d", len(r), rec)
		}
		off = end
	}
	// Reads asked: a maximal record first, then at each boundary as much
	// as the last record took (b arrives alone, shorter than a; c takes
	// two reads as b was shorter; d, longer than c, is completed by a
	// read of exactly its rest; e is read whole with d's length), and
	// within a record exactly its rest. EOF ends the last one.
	wantAsked := []int{maxRecordLen, len(a), len(b), len(c) - len(b), len(c), len(d) - len(c), len(d), len(e)}
	if !slices.Equal(raw.asked, wantAsked) {
		t.Fatalf("reads asked %v, want %v", raw.asked, wantAsked)
	}
}

// TestFramerWaitReadsSmallRecord: an idle wait reads a small record whole
// (one raw read; before, a header and then the rest), holds what lies
// beyond it, and Read still delivers one record at a time; a record
// longer than the wait's read is completed by the next read; the bytes
// after a close_notify stay held (Unwrap returns them).
func TestFramerWaitReadsSmallRecord(t *testing.T) {
	alert := []byte{21, 3, 3, 0, 26}
	alert = append(alert, bytes.Repeat([]byte{'n'}, 26)...)
	a, b, long := record(25, 'a'), record(10, 'b'), record(2*waitReadLen, 'l')
	plain := []byte("plaintext after close_notify")
	raw := &chunkConn{chunks: [][]byte{a, bytes.Join([][]byte{b, long}, nil), bytes.Join([][]byte{alert, plain}, nil)}}
	f := &framer{}
	f.init(raw, nil)
	p := make([]byte, 32<<10)
	read := func(want []byte) {
		t.Helper()
		f.wait()
		var got []byte
		for len(got) < len(want) {
			n, err := f.Read(p)
			if err != nil {
				t.Fatalf("read: %v after %q", err, got)
			}
			got = append(got, p[:n]...)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("delivered %q, want %q", got, want)
		}
	}
	read(a)
	if want := []int{waitReadLen}; !slices.Equal(raw.asked, want) {
		t.Fatalf("a small record took reads %v, want %v", raw.asked, want)
	}
	read(b)
	read(long)
	read(alert)
	if got := f.held(); !bytes.Equal(got, plain) {
		t.Fatalf("held after the close_notify: %q, want %q", got, plain)
	}
}
