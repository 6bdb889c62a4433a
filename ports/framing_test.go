// The framing reader: reads sized by the last record, never delivering past a record's end.

package ports

import (
	"bytes"
	"crypto/tls"
	"io"
	"net"
	"slices"
	"testing"
	"unsafe"
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
	reads := framerReads(t, f, nil)
	got := cat(reads...)
	want := cat(a, b, c, d, e)
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
		readWhole(t, f, p, want)
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

// TestFramerRunsTLS12: over TLS 1.2 a read delivers, with the current
// record, the application-data records that follow it in what was read
// (the last one possibly in part), and stops before any other record: an
// alert (TLS 1.2's close_notify) is delivered alone and nothing after it
// goes with it. While tls.Conn holds whole records so delivered, wait
// returns at once. Over TLS 1.3 every read ends with the current record
// (see also TestFramerReadAhead).
func TestFramerRunsTLS12(t *testing.T) {
	a, b, c, d := record(100, 'a'), record(50, 'b'), record(100, 'c'), record(80, 'd')
	alert := []byte{21, 3, 3, 0, 2, 1, 0}
	for _, tc := range []struct {
		version uint16
		want    [][]byte // what each read delivers
	}{
		{tls.VersionTLS12, [][]byte{cat(a, b, c[:60]), c[60:], alert, d}},
		{tls.VersionTLS13, [][]byte{a, b, c, alert, d}},
	} {
		raw := &chunkConn{chunks: [][]byte{cat(a, b, c[:60]), cat(c[60:], alert, d)}}
		f := &framer{}
		f.init(raw, nil)
		f.setRuns(tc.version)
		got := framerReads(t, f, func(i int) {
			if i == 0 && tc.version == tls.VersionTLS12 {
				if !f.ahead {
					t.Fatal("whole records delivered ahead, but ahead is not set")
				}
				f.wait() // must not read: tls.Conn holds whole records
				if len(raw.asked) != 1 {
					t.Fatalf("wait read the connection with whole records delivered ahead")
				}
			}
		})
		if !slices.EqualFunc(got, tc.want, bytes.Equal) {
			t.Fatalf("%x: reads delivered %q, want %q", tc.version, got, tc.want)
		}
	}
}

// TestFramerReadAhead: after the handshake (TLS 1.3 here) a read with
// nothing held takes all that tls.Conn's buffer takes, straight into it
// (an idle connection holds no buffer; a request and its answer cost no
// copy); a record held in part, the start of the next one read along
// with the current one, is completed by a read into the framer's buffer
// behind it, which takes all that has arrived (a bulk transfer reads
// ahead; never a read for the rest of a record alone). Each read still
// delivers one record, never a byte past it: what follows the alert (a
// close_notify) stays held, for Unwrap.
func TestFramerReadAhead(t *testing.T) {
	a, b, c, d, e := record(100, 'a'), record(16384, 'b'), record(16384, 'c'), record(16384, 'd'), record(16384, 'e')
	alert := []byte{21, 3, 3, 0, 2, 1, 0}
	plain := []byte("plaintext after close_notify")
	raw := &chunkConn{chunks: [][]byte{cat(a, b, c[:60]), c[60:], d, e, cat(alert, plain)}}
	f := &framer{}
	f.init(raw, nil)
	f.setRuns(tls.VersionTLS13)
	p := make([]byte, 32<<10)
	for _, want := range [][]byte{a, b, c, d, e, alert} {
		n, err := f.Read(p)
		if err != nil || !bytes.Equal(p[:n], want) {
			t.Fatalf("a read delivered %d bytes (%v), want the record of %d", n, err, len(want))
		}
	}
	wantAsked := []int{
		len(p),                    // a, b and the start of c, straight into p: a is delivered, the rest held
		poolBufSize - len(b) - 60, // the rest of c, behind the bytes held
		len(p),                    // d, nothing held: straight into p
		len(p),                    // e, the same
		len(p),                    // the alert, and plain held
	}
	if !slices.Equal(raw.asked, wantAsked) {
		t.Fatalf("raw reads asked %v, want %v", raw.asked, wantAsked)
	}
	if got := f.held(); !bytes.Equal(got, plain) {
		t.Fatalf("held after the close_notify: %q, want %q", got, plain)
	}
}

// framerReads reads f until EOF as tls.Conn would, into a buffer larger
// than any record, and returns what each read delivered; after, when set,
// runs after read i.
func framerReads(t *testing.T, f *framer, after func(i int)) [][]byte {
	t.Helper()
	p := make([]byte, 32<<10)
	var reads [][]byte
	for {
		n, err := f.Read(p)
		if err == io.EOF {
			return reads
		}
		if err != nil {
			t.Fatal(err)
		}
		reads = append(reads, append([]byte(nil), p[:n]...))
		if after != nil {
			after(len(reads) - 1)
		}
	}
}

// cat concatenates byte slices into a new one.
func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

// TestFramerHandshakeFlight: during the handshake a read delivers a whole
// flight of handshake and ChangeCipherSpec records read together (one
// raw read, as crypto/tls reads from a bare connection), but never an
// alert or application data with them, nor anything after an alert;
// after the handshake (setRuns) handshake records go one per read again.
func TestFramerHandshakeFlight(t *testing.T) {
	rec := func(typ byte, n int, b byte) []byte {
		r := record(n, b)
		r[0] = typ
		return r
	}
	hello, ccs, fin := rec(RecordHandshake, 89, 'h'), rec(RecordChangeCipherSpec, 1, 1), rec(RecordHandshake, 40, 'f')
	data, alert, after := rec(RecordApplicationData, 25, 'd'), rec(RecordAlert, 26, 'a'), rec(RecordHandshake, 4, 'x')
	flight := cat(hello, ccs, fin, data)
	raw := &chunkConn{chunks: [][]byte{flight, cat(alert, after)}}
	f := &framer{}
	f.init(raw, nil)
	p := make([]byte, 32<<10)
	read := func(want []byte) {
		t.Helper()
		readWhole(t, f, p, want)
	}
	if n, err := f.Read(p); err != nil || !bytes.Equal(p[:n], cat(hello, ccs, fin)) {
		t.Fatalf("first read %q, %v; want the flight", p[:n], err)
	}
	read(data)
	read(alert)
	read(after)

	raw = &chunkConn{chunks: [][]byte{cat(hello, fin)}}
	f = &framer{}
	f.init(raw, nil)
	f.setRuns(tls.VersionTLS12)
	read(hello)
	read(fin)
}

// readWhole reads from f into p until len(want) bytes came, and fails
// unless they are want.
func readWhole(t *testing.T, f *framer, p, want []byte) {
	t.Helper()
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

// TestConnSizeClass checks that a Conn, one allocation per connection,
// fits the allocator's 896-byte size class with the 8-byte header the
// allocator adds to objects over 512 bytes that hold pointers: a field
// added past it costs every connection the 1024-byte class (as the
// framer's write side did, until waitReadLen was cut to 64).
func TestConnSizeClass(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the sizes are those of 64-bit platforms")
	}
	if n := unsafe.Sizeof(Conn{}); n+8 > 896 {
		t.Errorf("Conn is %d bytes: %d with the allocator's header, over the 896-byte size class", n, n+8)
	}
}
