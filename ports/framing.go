// The framing reader: the net.Conn handed to tls.Client/tls.Server (spec §3.5).

package ports

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

const (
	recordHeaderLen = 5
	framerBufSize   = 64 << 10
)

// framer wraps the raw connection. It reads ahead into its own buffer but
// never returns bytes beyond the end of the TLS record currently being
// delivered, so after a close_notify nothing that follows it has been
// consumed by tls.Conn. Bytes carried over from a plaintext read-ahead
// buffer (STARTTLS) are served first. A first header that does not look
// like TLS switches to pass-through, so Go reports its RecordHeaderError.
//
// Read is called only by tls.Conn (under its input lock) and held only
// when no read is in progress; mu makes the pair safe anyway.
type framer struct {
	net.Conn // the raw connection: Write, Close, addresses, deadlines

	mu          sync.Mutex
	buf         []byte
	r, w        int
	left        int  // bytes of the current record still to deliver; 0 = at a boundary
	passthrough bool // the peer is not speaking TLS: deliver everything
	rawEOF      atomic.Bool
}

func newFramer(raw net.Conn, carried []byte) *framer {
	f := &framer{Conn: raw}
	if len(carried) > 0 {
		f.buf = make([]byte, max(framerBufSize, len(carried)))
		f.w = copy(f.buf, carried)
	}
	return f
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

// fill reads once from the raw connection into the buffer.
func (f *framer) fill() error {
	if f.buf == nil {
		f.buf = make([]byte, framerBufSize) // allocated lazily: cheap handshakes
	}
	if f.r == f.w {
		f.r, f.w = 0, 0
	} else if f.w == len(f.buf) {
		f.w = copy(f.buf, f.buf[f.r:f.w])
		f.r = 0
	}
	n, err := f.Conn.Read(f.buf[f.w:])
	f.w += n
	if errors.Is(err, io.EOF) {
		f.rawEOF.Store(true)
	}
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// Read delivers bytes of the current record only.
func (f *framer) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
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
		h := f.buf[f.r : f.r+recordHeaderLen]
		if h[0] >= 20 && h[0] <= 24 && h[1] == 3 {
			f.left = recordHeaderLen + (int(h[3])<<8 | int(h[4]))
		} else {
			f.passthrough = true
		}
	}
	if f.r == f.w {
		if err := f.fill(); err != nil {
			return 0, err
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

// past returns a deadline already expired, used to interrupt blocked I/O.
func past() time.Time { return time.Unix(1, 0) }
