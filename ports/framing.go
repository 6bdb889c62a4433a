// The framing reader: the net.Conn handed to tls.Client/tls.Server (spec §3.5).

package ports

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

const (
	recordHeaderLen = 5
	maxRecordLen    = recordHeaderLen + 16384 + 2048 // crypto/tls's largest record
	// waitReadLen is how much an idle wait reads: a record header, or a
	// small record whole (an alert, a record of up to ~35 bytes of data,
	// or both) without a second read. With it a Conn (888 bytes, plus
	// the allocator's 8-byte header) stays in the 896-byte size class
	// (TestConnSizeClass); at 120 bytes it took the 1024-byte class.
	waitReadLen = 64
)

// framer wraps the raw connection. Its write side keeps the ciphertext
// of a record write cut short (keptwrite.go). It reads ahead into its own buffer but
// never returns bytes beyond the end of the TLS record currently being
// delivered, so after a close_notify nothing that follows it has been
// consumed by tls.Conn. Bytes carried over from a plaintext read-ahead
// buffer (STARTTLS) are served first. A first header that does not look
// like TLS switches to pass-through, so Go reports its RecordHeaderError.
//
// With nothing held, Read reads the raw connection straight into
// tls.Conn's buffer (as a bare tls.Conn reads) and keeps only what lies
// beyond the current record, in a pooled buffer returned when drained.
//
// Read is called only by tls.Conn (under its input lock) and held only
// when no read is in progress; mu makes the pair safe anyway.
//
// Over TLS 1.2 (runs), a read also delivers the application-data records
// that follow the current one in what it read, as crypto/tls reads from a
// bare connection: a bulk transfer then costs one read system call per
// ~2 records instead of one per record. It stops before any other record:
// TLS 1.2's close_notify is an alert record, so what follows it is never
// delivered. (TLS 1.3 encrypts its close_notify inside an application-data
// record: there every read stops at the end of the current record.)
// Over TLS 1.3 a record held in part (the start of the next one, read
// along with the current one) is completed by a read behind it into the
// pooled buffer, which takes all that has arrived up to 64 KiB: in a bulk
// transfer the reads then go on ahead of the records delivered, one read
// system call per ~3 records instead of one per record, for a copy of
// each record into tls.Conn's buffer, while with nothing held a read
// still goes straight into tls.Conn's buffer (an idle connection holds no
// buffer, a request and its answer cost no copy) (bench/HISTORY.md, "Bulk
// and echo (session 12)").
// During the handshake a read delivers the handshake and ChangeCipherSpec
// records that follow a record of those types (a flight), whatever the
// version (see goesAlong).
type framer struct {
	net.Conn // the raw connection: Write, Close, addresses, deadlines

	mu          sync.Mutex
	buf         []byte // unread bytes buf[r:w]: pooled, carried, or hdr; nil when none
	r, w        int
	hdr         [waitReadLen]byte // what wait read while idle
	err         error             // a raw read error met by wait, for the next Read
	left        int               // bytes of the current record still to deliver; 0 = at a boundary
	last        int               // length of the last record started (header included); 0 = none yet
	passthrough bool              // the peer is not speaking TLS: deliver everything
	runs        bool              // deliver application-data records along with the current one (TLS 1.2)
	hsRuns      bool              // the handshake: deliver handshake and ChangeCipherSpec records along with one of those
	// ahead: the last Read delivered whole records after the current one,
	// which tls.Conn holds until it has read them (it calls Read again
	// only when it holds no whole record): wait must not block meanwhile.
	ahead  bool
	rawEOF atomic.Bool

	out keptOut // the write side (keptwrite.go)
}

// setRuns ends the handshake's runs of records and enables runs of
// application-data records when the negotiated version v is TLS 1.2 or
// older.
func (f *framer) setRuns(v uint16) {
	f.mu.Lock()
	f.runs = v != 0 && v <= tls.VersionTLS12
	f.hsRuns = false
	f.mu.Unlock()
}

// init makes f a framer over raw that serves carried first (a framer
// lives inside its Conn).
func (f *framer) init(raw net.Conn, carried []byte) {
	f.Conn = raw
	f.hsRuns = true
	if len(carried) > 0 {
		f.buf = append([]byte(nil), carried...)
		f.w = len(carried)
	}
}

// RawEOF reports whether the raw connection has returned io.EOF.
func (f *framer) RawEOF() bool { return f.rawEOF.Load() }

// held returns a copy of the bytes read from the raw connection but not yet
// delivered to tls.Conn.
func (f *framer) held() []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]byte(nil), f.buf[f.r:f.w]...)
}

// release gives the buffer back to bufPool once every byte has been
// delivered (an idle connection holds none: crypto/tls keeps only its own
// record buffer, as for a bare connection).
func (f *framer) release() {
	if f.r == f.w {
		putBuf(f.buf)
		f.buf, f.r, f.w = nil, 0, 0
	}
}

// readRaw is one read of the raw connection, noting its EOF.
func (f *framer) readRaw(p []byte) (int, error) {
	n, err := f.Conn.Read(p)
	if errors.Is(err, io.EOF) {
		f.rawEOF.Store(true)
	}
	if n > 0 {
		return n, nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return 0, err
}

// fill reads once from the raw connection into the buffer, taking a pooled
// one when the bytes held are not in one.
func (f *framer) fill() error {
	if err := f.err; err != nil {
		f.err = nil
		return err
	}
	switch {
	case len(f.buf) < poolBufSize:
		nb := getBuf()
		f.w = copy(nb, f.buf[f.r:f.w])
		f.buf, f.r = nb, 0
	case f.r == f.w:
		f.r, f.w = 0, 0
	case f.w == len(f.buf):
		f.w = copy(f.buf, f.buf[f.r:f.w])
		f.r = 0
	}
	n, err := f.readRaw(f.buf[f.w:])
	f.w += n
	return err
}

// wait blocks until the raw connection has bytes of the next record,
// reading at most waitReadLen bytes into hdr, so that an idle reader
// waits without a buffer and a small record needs no second read. A read
// error is kept for the next Read. It returns at once when bytes are held
// or a record is in progress.
func (f *framer) wait() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.r < f.w || f.left > 0 || f.passthrough || f.err != nil || f.ahead {
		return
	}
	n, err := f.readRaw(f.hdr[:])
	if n > 0 {
		f.buf, f.r, f.w = f.hdr[:], 0, n
		return
	}
	f.err = err
}

// Read delivers bytes of the current record only.
func (f *framer) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.release()
	f.ahead = false // tls.Conn has read the whole records it held
	if f.r == f.w && f.err == nil && !f.passthrough && (f.left > 0 || len(p) >= recordHeaderLen) {
		// Nothing held: read straight into tls.Conn's buffer. During the
		// handshake, at most the rest of the current record, so little
		// or nothing lies beyond it; at a boundary, as much as the last
		// record took (a longer record is completed by the next read, a
		// shorter one leaves the start of the next held). After it, all
		// that tls.Conn's buffer takes, as a bare tls.Conn reads: what
		// lies beyond the current record is held (or goes along, see
		// direct).
		want := f.left
		if want == 0 {
			want = f.last
			if want == 0 {
				want = maxRecordLen
			}
		}
		if !f.hsRuns {
			want = len(p)
		}
		n, err := f.readRaw(p[:min(len(p), want)])
		if n == 0 {
			return 0, err
		}
		if f.left > 0 || n >= recordHeaderLen {
			return f.direct(p, n), nil
		}
		f.buf, f.r, f.w = append(f.hdr[:0], p[:n]...), 0, n
	}
	if f.left == 0 && !f.passthrough {
		// At a record boundary: parse the next header.
		for f.w-f.r < recordHeaderLen {
			if err := f.fill(); err != nil {
				if f.w > f.r {
					// A short header before EOF/error: hand it over so
					// tls.Conn reports the truncation itself.
					n := copy(p, f.buf[f.r:f.w])
					f.r += n
					return n, nil
				}
				return 0, err
			}
		}
		f.header(f.buf[f.r:])
	}
	if f.r == f.w {
		if err := f.fill(); err != nil {
			return 0, err
		}
	}
	if f.w-f.r < f.left && !f.passthrough && !f.runs && !f.hsRuns {
		// Over TLS 1.3, the rest of the record is not held: read it, and
		// whatever follows, behind the held bytes (moved to the front
		// when the room left is too small for it) rather than hand
		// tls.Conn a part and read the rest on its next call (see
		// framer); an error is kept for the read after the held bytes
		// are delivered.
		if len(f.buf)-f.w < f.left-(f.w-f.r) {
			f.w = copy(f.buf, f.buf[f.r:f.w])
			f.r = 0
		}
		if err := f.fill(); err != nil {
			f.err = err
		}
	}
	avail := f.w - f.r
	if !f.passthrough {
		avail = min(avail, f.left)
	}
	n := copy(p, f.buf[f.r:f.r+avail])
	f.r += n
	if !f.passthrough {
		f.left -= n
	}
	return n, nil
}

// header starts the record whose header h begins with, or switches to
// pass-through when h is not a TLS record header.
func (f *framer) header(h []byte) {
	if h[0] >= 20 && h[0] <= 24 && h[1] == 3 {
		f.left = recordHeaderLen + (int(h[3])<<8 | int(h[4]))
		f.last = f.left
	} else {
		f.passthrough = true
	}
}

// direct handles n bytes read straight into p (starting with a header at
// a record boundary): it delivers those of the current record and keeps
// the rest.
func (f *framer) direct(p []byte, n int) int {
	var ct byte // the current record's type, 0 when it began in an earlier read
	if f.left == 0 {
		f.header(p)
		if f.passthrough {
			return n
		}
		ct = p[0]
	}
	k := min(n, f.left)
	f.left -= k
	for f.left == 0 && n-k >= recordHeaderLen && p[k+1] == 3 && f.goesAlong(ct, p[k]) {
		// A record that goes along with the current one follows: deliver
		// it (or its start) too.
		ct = p[k]
		f.header(p[k:])
		m := min(n-k, f.left)
		f.left -= m
		k += m
		f.ahead = true
	}
	if k < n {
		nb := getBuf()
		f.buf, f.r, f.w = nb, 0, copy(nb, p[k:n])
	}
	return k
}

// goesAlong reports whether a record of type next that follows one of type
// cur (0: unknown) is delivered with it: application data in runs (TLS
// 1.2), and during the handshake a handshake or ChangeCipherSpec record
// after one of those, as crypto/tls reads a flight from a bare connection
// (a read per flight instead of per record). Never an alert, nor anything
// after one: what follows a close_notify stays unread.
func (f *framer) goesAlong(cur, next byte) bool {
	if f.runs && next == RecordApplicationData && cur != RecordAlert {
		return true
	}
	isHS := func(t byte) bool { return t == RecordHandshake || t == RecordChangeCipherSpec }
	return f.hsRuns && isHS(cur) && isHS(next)
}

// past returns a deadline already expired, used to interrupt blocked I/O.
func past() time.Time { return time.Unix(1, 0) }
