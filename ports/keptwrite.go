// The framer's write side: the ciphertext of a record write cut short, kept to go first.

package ports

import (
	"sync"
	"sync/atomic"
)

// maxPlaintextWrite is the most plaintext writeTLS hands to tls.Conn in
// one call: one full record (crypto/tls's maxPlaintext). What tls.Conn
// encrypted from it but the raw connection did not take when the write
// was cut short is kept (at most this much, plus the records' overhead).
const maxPlaintextWrite = 16 << 10

// keptOut is the write side of a framer. crypto/tls makes every error of
// the connection under it permanent (its write half records it, and a
// record half written cannot be finished), so a raw write that a
// deadline ends — a write timeout, or an interruption (ctx done: the
// watcher moves the deadline to the past) — while writeTLS runs (keep) is
// not reported to tls.Conn: the ciphertext the raw connection did not
// take is kept, the write reports success, and writeTLS, which feeds
// tls.Conn at most maxPlaintextWrite bytes per call, sees the cut and
// returns it as its own failure with exactly the plaintext not yet
// handed to tls.Conn unwritten. The kept ciphertext goes out first, before
// any other record: at the next write or flush (writeTLS), at Close, or
// before a record tls.Conn writes by itself (a TLS 1.3 KeyUpdate).
// Outside writeTLS (the handshake, close_notify, the non-blocking writer)
// a raw write error is returned as it is.
type keptOut struct {
	mu   sync.Mutex
	kept []byte // ciphertext tls.Conn handed over that the raw connection did not take; nil when none
	cut  error  // the raw write error that began kept, until writeTLS takes it
	// keep: writeTLS is running (written under Conn.wmu).
	keep atomic.Bool
	// dirty: kept is not empty or cut is set (written under mu), so a
	// write must take mu; clear, a write goes straight to the raw
	// connection.
	dirty atomic.Bool
}

// Write is tls.Conn's write of one record (or a handshake flight): after
// the kept ciphertext, straight to the raw connection. Cut short by a
// deadline while writeTLS runs, it keeps the rest (see keptOut).
func (f *framer) Write(p []byte) (int, error) {
	o := &f.out
	if !o.dirty.Load() {
		n, err := f.Conn.Write(p)
		if err != nil && o.keep.Load() && isTimeout(err) {
			o.mu.Lock()
			o.hold(err, p[n:])
			o.mu.Unlock()
			return len(p), nil
		}
		return n, err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.cut != nil && o.keep.Load() {
		// The write cut short was one of this tls.Conn.Write's records:
		// the deadline is past, so keep the others it makes too.
		o.kept = append(o.kept, p...)
		return len(p), nil
	}
	rest := p
	err := f.sendKeptLocked()
	if err == nil {
		var n int
		n, err = f.Conn.Write(p)
		if err == nil {
			return n, nil
		}
		rest = p[n:]
	}
	if !o.keep.Load() || !isTimeout(err) {
		return len(p) - len(rest), err
	}
	o.hold(err, rest)
	return len(p), nil
}

// hold keeps rest, the part of a record the raw connection did not take
// before err, a deadline, ended its write (mu held).
func (o *keptOut) hold(err error, rest []byte) {
	if o.cut == nil {
		o.cut = err
	}
	o.kept = append(o.kept, rest...)
	o.dirty.Store(true)
}

// sendKeptLocked writes the kept ciphertext to the raw connection (mu
// held); on an error the part not written stays kept. Sent, it forgets
// the cut and gives the buffer back, so an idle connection holds none.
func (f *framer) sendKeptLocked() error {
	o := &f.out
	if len(o.kept) > 0 {
		n, err := f.Conn.Write(o.kept)
		if err != nil {
			o.kept = o.kept[:copy(o.kept, o.kept[n:])]
			return err
		}
	}
	o.kept, o.cut = nil, nil
	o.dirty.Store(false)
	return nil
}

// beginWrite starts writeTLS's run: writes cut short are kept from now
// on, and the ciphertext kept by an earlier one is sent first. Its error
// is the raw connection's.
func (f *framer) beginWrite() error {
	f.out.keep.Store(true)
	return f.sendKept()
}

// cutShort returns the raw write error that cut short a record since the
// last call (beginWrite or cutShort), nil if none; its rest is kept.
func (f *framer) cutShort() error {
	o := &f.out
	if !o.dirty.Load() {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	err := o.cut
	o.cut = nil
	return err
}

// endWrite ends writeTLS's run: a write cut short fails again.
func (f *framer) endWrite() { f.out.keep.Store(false) }

// sendKept writes the kept ciphertext, if any: an error is the raw
// connection's, the rest staying kept.
func (f *framer) sendKept() error {
	o := &f.out
	if !o.dirty.Load() {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return f.sendKeptLocked()
}
