// Conn: the TLS connection engine, its lazy handshake and its buffered I/O (spec §0.4, §3.4).

package ports

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
)

// Options are the per-connection limits and buffer settings. The zero value
// means: handshakes bounded by [DefaultHandshakeTimeout], no read or write
// timeouts, unbuffered output, ragged EOFs reported as errors.
type Options struct {
	// HandshakeTimeout bounds each handshake (ssl-handshake-timeout):
	// 0 = DefaultHandshakeTimeout, a negative value (NoTimeout) = none.
	// A peer that accepts TCP and never speaks thus cannot hold a
	// connection forever unless the caller asks for it. It is set as the
	// raw connection's read and write deadlines for the handshake (the
	// earlier of it and SetDeadline's wins), so a connection on a fake
	// clock, such as net.Pipe in a testing/synctest bubble, times out on
	// that clock; a raw connection that cannot set deadlines gets a timer.
	HandshakeTimeout time.Duration
	// ReadTimeout bounds each blocking read (tcp-read-timeout); 0 = none.
	// A read timeout is retryable: the connection stays usable. A read or
	// write limited to d times out between d and d + d/16 (at most d + 1 s)
	// after it starts, so that consecutive operations share one deadline
	// on the socket instead of resetting its timer each time.
	ReadTimeout time.Duration
	// WriteTimeout bounds each blocking write or flush (tcp-write-timeout);
	// 0 = none. A write that times out returns how much it wrote; the
	// connection stays usable (see [Conn.WriteContext]).
	WriteTimeout time.Duration
	// ShutdownTimeout bounds sending close_notify on Close (capped at 5 s)
	// and waiting for the peer's close_notify in Unwrap (ssl-shutdown-timeout);
	// 0 = 5 s on Close, none in Unwrap.
	ShutdownTimeout time.Duration
	// BufferSize is the output buffer size in bytes (tcp-buffer-size);
	// 0 = every Write becomes a TLS record immediately.
	BufferSize int
	// SuppressRaggedEOFs (ssl-suppress-ragged-eofs; #t in Scheme by default)
	// makes an EOF without close_notify at a record boundary a plain EOF
	// (Truncated then reports true) instead of a syscall/eof condition.
	SuppressRaggedEOFs bool
	// Limit, when set, is asked at the start of each handshake (op
	// OpHandshake), read (OpRead), write (OpWrite) and flush (OpFlush) for
	// that operation's limit, overriding the fixed HandshakeTimeout,
	// ReadTimeout or WriteTimeout when ok is true (0 = none). It lets a
	// binding read its timeout parameters per operation (spec §1.1.1). It
	// runs on the calling goroutine with the operation's ctx; a background
	// (non-blocking) handshake passes a context without values.
	Limit func(ctx context.Context, op conditions.Op) (d time.Duration, ok bool)
	// OnEvent, when set, is told of the observable connection events (the
	// info callback of spec §1.3.1): handshake start, done and failure (on
	// the goroutine running the handshake, with its ctx), close_notify sent
	// on close or shutdown and received as EOF (ctx of the operation, or
	// context.Background on Close). It must not call back into the Conn.
	OnEvent func(ctx context.Context, ev Event)
	// OnRecord, when set, is told of every TLS record read or written
	// (trace.go), on the goroutine doing the I/O. It must not block or
	// call back into the Conn.
	OnRecord func(Record)
}

// DefaultHandshakeTimeout bounds a handshake whose Options leave
// HandshakeTimeout zero: 120 s, the CHICKEN egg's ssl-handshake-timeout.
const DefaultHandshakeTimeout = 120 * time.Second

// NoTimeout, as Options.HandshakeTimeout, disables the handshake limit.
const NoTimeout time.Duration = -1

// handshakeTimeout is the effective fixed handshake limit (0 = none).
func (o *Options) handshakeTimeout() time.Duration {
	switch {
	case o.HandshakeTimeout == 0:
		return DefaultHandshakeTimeout
	case o.HandshakeTimeout < 0:
		return 0
	}
	return o.HandshakeTimeout
}

// EventKind is the kind of an [Event].
type EventKind int

// Event kinds reported to Options.OnEvent.
const (
	EventHandshakeStart  EventKind = iota // the handshake begins
	EventHandshakeDone                    // the handshake succeeded
	EventHandshakeFailed                  // the handshake failed; Err is the condition about to be raised
	EventAlertSent                        // we sent an alert (Alert: "close_notify")
	EventAlertReceived                    // we received an alert (Alert: "close_notify")
)

// Event is one connection event reported to Options.OnEvent.
type Event struct {
	Kind  EventKind
	Err   *conditions.Error // EventHandshakeFailed
	Alert string            // alert description, e.g. "close_notify"
	Fatal bool              // the alert is fatal (else warning)
}

// event reports ev to Options.OnEvent if set.
func (c *Conn) event(ctx context.Context, ev Event) {
	if c.opts.OnEvent != nil {
		c.opts.OnEvent(ctx, ev)
	}
}

// limit returns the limit of one operation: Limit's answer, else the fixed option.
func (o *Options) limit(ctx context.Context, op conditions.Op) time.Duration {
	if o.Limit != nil {
		if d, ok := o.Limit(ctx, op); ok {
			return d
		}
	}
	switch op {
	case conditions.OpHandshake:
		return o.handshakeTimeout()
	case conditions.OpRead:
		return o.ReadTimeout
	case conditions.OpWrite, conditions.OpFlush:
		return o.WriteTimeout
	}
	return 0
}

// State is the handshake/connection state of a [Conn] (ssl-port-state).
type State int

// Connection states.
const (
	StateClientInit  State = iota // client created, handshake not started
	StateServerInit               // server created, handshake not started
	StateNegotiating              // handshake in progress
	StateOpen                     // handshake completed
	StateFailed                   // handshake failed (the error is sticky)
	StateClosed                   // closed (or unwrapped)
)

// String returns the ssl-port-state symbol name ("client-init" …).
func (s State) String() string {
	switch s {
	case StateClientInit:
		return "client-init"
	case StateServerInit:
		return "server-init"
	case StateNegotiating:
		return "negotiating"
	case StateOpen:
		return "open"
	case StateFailed:
		return "failed"
	case StateClosed:
		return "closed"
	}
	return "unknown"
}

// Conn is one TLS connection: a *tls.Conn over a framing reader over the
// raw net.Conn, with buffered plaintext input and output. The handshake is
// lazy: it runs on the first read, write, flush, Ready, peer query or
// explicit Handshake.
//
// One goroutine may read while another writes; reads are serialised among
// themselves, and so are writes. Close may be called from any goroutine and
// interrupts blocked operations.
type Conn struct {
	raw  net.Conn
	fr   framer // the net.Conn under tls
	tls  *tls.Conn
	cc   *tlsctx.ConnConfig
	opts Options
	role tlsctx.Role

	hsMu   sync.Mutex        // serialises blocking handshakes
	abort  aborter           // AbortHandshake (abort.go)
	hsDone atomic.Bool       // handshake finished (hsErr valid)
	hsErr  *conditions.Error // sticky handshake error

	rdl, wdl opDeadline // read and write deadlines of the raw connection
	rw, ww   watcher    // interrupt reads, writes when their ctx is done (paired)

	rmu  sync.Mutex // serialises readers; guards in, poll, runsSet and waited
	in   bufReader
	poll bool // next fill uses a ~1 ms deadline (Ready)
	// runsSet: the first read after the handshake has told the framer
	// whether the version lets it deliver runs of records (framer.runs).
	runsSet bool
	// waited: the last fillTLS was a wait that armed the read deadline;
	// the fill that follows it belongs to the same read and keeps it.
	waited bool

	wmu sync.Mutex // serialises writers; guards out
	out bufWriter

	mu sync.Mutex // guards the fields below
	// flags mirrors closed, closeNotifyRecv, closeNotifySent, wErr != nil
	// and nb != nil (written under mu with them, read without it): every
	// read and write checks them on its fast path without taking mu.
	flags           atomic.Uint32
	state           State
	closed          bool
	unwrapped       bool
	closeNotifyRecv bool
	closeNotifySent bool
	truncated       bool
	wErr            *conditions.Error // sticky write error
	nb              *nonblock         // non-nil in non-blocking mode
}

// The bits of Conn.flags.
const (
	flagClosed          = 1 << iota // closed
	flagCloseNotifyRecv             // closeNotifyRecv
	flagCloseNotifySent             // closeNotifySent
	flagWErr                        // wErr != nil
	flagNonblock                    // nb != nil
)

// setFlag sets bits of flags, with the fields they mirror (caller holds mu).
func (c *Conn) setFlag(bits uint32) { c.flags.Or(bits) }

// pollInterval is the deadline of a non-blocking or Ready poll read.
const pollInterval = time.Millisecond

// Client returns a lazy client connection over raw configured by cc.
func Client(raw net.Conn, cc *tlsctx.ConnConfig, o Options) *Conn {
	return newConn(raw, nil, cc, false, o)
}

// Server returns a lazy server connection over raw configured by cc.
func Server(raw net.Conn, cc *tlsctx.ConnConfig, o Options) *Conn {
	return newConn(raw, nil, cc, true, o)
}

func newConn(raw net.Conn, carried []byte, cc *tlsctx.ConnConfig, server bool, o Options) *Conn {
	c := &Conn{raw: raw, cc: cc, opts: o}
	c.rdl.conn, c.wdl.conn, c.wdl.write = raw, raw, true
	c.rw.dl, c.ww.dl = &c.rdl, &c.wdl
	c.rw.hs = &c.abort
	pairWatchers(&c.rw, &c.ww)
	c.fr.init(raw, carried)
	cfg := cc.TLS
	if cfg == nil {
		cfg = &tls.Config{}
	}
	var wire net.Conn = &c.fr
	if o.OnRecord != nil {
		wire = newTracer(&c.fr, o.OnRecord)
	}
	if server {
		c.tls = tls.Server(wire, cfg)
		c.role, c.state = tlsctx.Server, StateServerInit
	} else {
		c.tls = tls.Client(wire, cfg)
		c.role, c.state = tlsctx.Client, StateClientInit
	}
	c.in.init(nil, c)
	c.out.init(o.BufferSize, c)
	return c
}

// fill is the input buffer's source: see fillTLS.
func (c *Conn) fill(ctx context.Context, p []byte) (int, error) { return c.fillTLS(ctx, p) }

// wait is the input buffer's wait: see fillTLS.
func (c *Conn) wait(ctx context.Context) { _, _ = c.fillTLS(ctx, nil) }

// flush is the output buffer's sink.
func (c *Conn) flush(ctx context.Context, p []byte) (int, error) {
	return c.writeTLS(ctx, conditions.OpFlush, p)
}

// condState is what Classify needs to know about the connection; limit
// is the operation's limit (-1: the fixed option of op).
func (c *Conn) condState(op conditions.Op, limit time.Duration) conditions.State {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := conditions.State{
		RawEOFSeen:          c.fr.RawEOF(),
		CloseNotifyReceived: c.closeNotifyRecv,
		SuppressRaggedEOFs:  c.opts.SuppressRaggedEOFs,
	}
	switch {
	case limit >= 0:
		st.TimeoutMS = conditions.Millis(limit)
	case op == conditions.OpHandshake:
		st.TimeoutMS = conditions.Millis(c.opts.handshakeTimeout())
	case op == conditions.OpRead:
		st.TimeoutMS = conditions.Millis(c.opts.ReadTimeout)
	case op == conditions.OpWrite, op == conditions.OpFlush:
		st.TimeoutMS = conditions.Millis(c.opts.WriteTimeout)
	case op == conditions.OpShutdown, op == conditions.OpClose:
		st.TimeoutMS = conditions.Millis(c.opts.ShutdownTimeout)
	}
	return st
}

// classify turns a Go error into the condition the caller sees.
func (c *Conn) classify(op conditions.Op, err error) *conditions.Error {
	return c.classifyLimit(op, err, -1)
}

// classifyLimit is classify for an operation that ran with limit (-1 = the
// fixed option of op).
func (c *Conn) classifyLimit(op conditions.Op, err error, limit time.Duration) *conditions.Error {
	if c.isClosed() {
		var ce *conditions.Error
		if !errors.As(err, &ce) {
			return conditions.Closed()
		}
	}
	return conditions.Classify(op, err, c.condState(op, limit))
}

func (c *Conn) isClosed() bool { return c.flags.Load()&flagClosed != 0 }

func (c *Conn) setState(s State) {
	c.mu.Lock()
	if !c.closed {
		c.state = s
	}
	c.mu.Unlock()
}

// deadline returns now+d, or the zero time (no deadline) when d <= 0.
func deadline(d time.Duration) time.Time {
	if d <= 0 {
		return time.Time{}
	}
	return time.Now().Add(d)
}

// isTimeout reports whether err is a deadline expiry.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// Handshake runs the handshake if it has not run yet, blocking until it
// completes, fails, exceeds Options.HandshakeTimeout or ctx is done. A
// handshake error is sticky: every later call (and every later operation)
// returns the same condition. In non-blocking mode it waits for the
// background handshake.
func (c *Conn) Handshake(ctx context.Context) error {
	if e := c.handshake(ctx); e != nil {
		return e
	}
	return nil
}

// HandshakeComplete reports whether a handshake has finished (successfully
// or not).
func (c *Conn) HandshakeComplete() bool { return c.hsDone.Load() }

func (c *Conn) handshake(ctx context.Context) *conditions.Error {
	if c.hsDone.Load() {
		return c.hsErr
	}
	if nb := c.nonblock(); nb != nil {
		return nb.waitHandshake(ctx, c)
	}
	return c.runHandshake(ctx)
}

// handshakeContexter is a context whose end must not end a handshake
// started under it: a Scheme thread's wait context, which a wake-up
// (thread-signal!) ends so that the thread runs its handler and then
// makes the wait again. A handshake cannot be made again, so it runs
// under HandshakeContext (the thread's own context: Ctrl-C, termination
// and the handshake timeout still end it), and the wake-up is seen by the
// wait that follows it. The handshake is watched through the wait
// context's registration, which the read that ran it keeps (see
// interruptible).
type handshakeContexter interface {
	HandshakeContext() context.Context
}

// handshakeContext returns the context a handshake started under ctx
// honours (see handshakeContexter).
func handshakeContext(ctx context.Context) context.Context {
	if h, ok := ctx.(handshakeContexter); ok {
		return h.HandshakeContext()
	}
	return ctx
}

// runHandshake performs the handshake once under hsMu, started by an
// operation under ctx.
func (c *Conn) runHandshake(ctx context.Context) *conditions.Error {
	c.hsMu.Lock()
	defer c.hsMu.Unlock()
	if c.hsDone.Load() {
		return c.hsErr
	}
	if c.isClosed() {
		return conditions.Closed()
	}
	c.setState(StateNegotiating)
	wctx := ctx
	ctx = handshakeContext(ctx)
	hto := c.opts.limit(ctx, conditions.OpHandshake)
	hw := c.interruptible(wctx, ctx, hto)
	c.event(ctx, Event{Kind: EventHandshakeStart})
	err := c.tls.HandshakeContext(context.Background())
	cause, timedOut := hw.stop(&c.abort, err)
	if cause != nil {
		err = cause
	}
	if err != nil {
		var e *conditions.Error
		if timedOut {
			e = conditions.Timeout(conditions.OpHandshake, conditions.Millis(hto), err)
		} else {
			e = c.classifyLimit(conditions.OpHandshake, err, hto)
		}
		c.event(ctx, Event{Kind: EventHandshakeFailed, Err: e})
		c.hsErr = e
		c.setState(StateFailed)
	} else {
		c.event(ctx, Event{Kind: EventHandshakeDone})
		c.setState(StateOpen)
	}
	c.hsDone.Store(true)
	return c.hsErr
}

// fillTLS is the bufReader's source: one tls.Conn.Read with the read
// deadline (or a poll deadline), interrupted by ctx. With p nil it is the
// bufReader's wait: it blocks the same way until the next record starts
// to arrive (framer.wait), leaving any error to the read that follows.
// tls.Conn then holds no plaintext: every read asks for at least a full
// record (minFill).
func (c *Conn) fillTLS(ctx context.Context, p []byte) (int, error) {
	waited := c.waited
	c.waited = false
	if e := c.handshake(ctx); e != nil {
		return 0, e
	}
	f := c.flags.Load()
	closed, nb, cnr := f&flagClosed != 0, f&flagNonblock != 0, f&flagCloseNotifyRecv != 0
	if closed {
		return 0, conditions.Closed()
	}
	if cnr {
		return 0, io.EOF
	}
	if !c.runsSet {
		c.runsSet = true
		c.fr.setRuns(c.tls.ConnectionState().Version)
	}
	poll := nb || c.poll
	var rto time.Duration
	if poll {
		c.rdl.arm(pollInterval)
	} else {
		rto = c.opts.limit(ctx, conditions.OpRead)
		if !waited {
			c.rdl.arm(rto)
		}
	}
	reg := c.rw.start(ctx)
	if p == nil {
		c.fr.wait()
		reg.stop()
		// The fill that follows (bufReader.more) completes this read
		// under the deadline armed for it: arming again would count it
		// as a second read sharing the deadline (opDeadline.arm).
		c.waited = !poll
		return 0, nil
	}
	n, err := c.tls.Read(p)
	interrupted := reg.stop()
	if n > 0 || err == nil {
		return n, nil
	}
	if errors.Is(err, io.EOF) {
		c.mu.Lock()
		notify, clean := false, false
		if c.fr.RawEOF() {
			c.truncated = true
		} else {
			notify = !c.closeNotifyRecv
			clean = true
			c.closeNotifyRecv = true
			c.setFlag(flagCloseNotifyRecv)
		}
		c.mu.Unlock()
		if notify {
			c.event(ctx, Event{Kind: EventAlertReceived, Alert: "close_notify"})
		}
		if clean && err == io.EOF && !c.isClosed() {
			return 0, io.EOF // the peer's close_notify: what classify makes of it, without its look-ups
		}
		if e := c.classify(conditions.OpRead, err); e != nil {
			return 0, e
		}
		return 0, io.EOF
	}
	if interrupted {
		return 0, c.classify(conditions.OpRead, ctx.Err())
	}
	if poll && isTimeout(err) {
		return 0, conditions.Want(conditions.WantRead, conditions.OpRead)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		c.mu.Lock()
		c.truncated = true
		c.mu.Unlock()
	}
	return 0, c.classifyLimit(conditions.OpRead, err, rto)
}

// writeTLS writes p as TLS records with the write deadline, interrupted by
// ctx. A write that a deadline cuts short (the write timeout, or ctx done)
// returns the plaintext handed to tls.Conn and the condition; the part of
// a record the raw connection did not take is kept by the framer, first in
// line for the next write, flush or Close (keptwrite.go), so the
// connection stays usable. Every other failure is sticky.
func (c *Conn) writeTLS(ctx context.Context, op conditions.Op, p []byte) (int, error) {
	if e := c.handshake(ctx); e != nil {
		return 0, e
	}
	if f := c.flags.Load(); f&(flagClosed|flagWErr) != 0 {
		c.mu.Lock()
		closed, werr := c.closed, c.wErr
		c.mu.Unlock()
		if closed {
			return 0, conditions.Closed()
		}
		if werr != nil {
			return 0, werr
		}
	}
	wto := c.opts.limit(ctx, op)
	c.wdl.arm(wto)
	reg := c.ww.start(ctx)
	n, cut, err := c.sendTLS(p)
	interrupted := reg.stop()
	if err == nil && cut == nil {
		return n, nil
	}
	var e *conditions.Error
	switch {
	case interrupted:
		e = c.classifyLimit(op, ctx.Err(), wto)
	case cut != nil:
		e = c.classifyLimit(op, cut, wto)
	default:
		e = c.classifyLimit(op, err, wto)
	}
	if err != nil {
		c.mu.Lock()
		if c.wErr == nil {
			c.wErr = e
			c.setFlag(flagWErr)
		}
		c.mu.Unlock()
	}
	return n, e
}

// sendTLS hands p to tls.Conn a record's worth at a time, after the
// ciphertext kept from a write cut short. It returns the plaintext
// handed over and either cut, the deadline error that cut a raw write
// short (its rest kept), or err, tls.Conn's (sticky) error.
func (c *Conn) sendTLS(p []byte) (n int, cut, err error) {
	if err := c.fr.beginWrite(); err != nil {
		c.fr.endWrite()
		if isTimeout(err) {
			return 0, err, nil
		}
		return 0, nil, err
	}
	for n < len(p) {
		m, err := c.tls.Write(p[n:min(len(p), n+maxPlaintextWrite)])
		n += m
		if err != nil {
			c.fr.endWrite()
			return n, nil, err
		}
		if cut := c.fr.cutShort(); cut != nil {
			c.fr.endWrite()
			return n, cut, nil
		}
	}
	c.fr.endWrite()
	return n, nil, nil
}

// ReadContext reads up to len(p) bytes of plaintext, interrupted when ctx
// is done. It returns io.EOF after the peer's close_notify (or a
// suppressed ragged EOF); every other error is a *conditions.Error. A read
// timeout (Options.ReadTimeout or the read deadline) is retryable.
func (c *Conn) ReadContext(ctx context.Context, p []byte) (int, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, e
	}
	return c.in.Read(ctx, p)
}

// ReadFull reads exactly len(p) bytes (io.ErrUnexpectedEOF if the stream
// ends first).
func (c *Conn) ReadFull(ctx context.Context, p []byte) (int, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, e
	}
	return c.in.ReadFull(ctx, p)
}

// ReadU8 reads one byte.
func (c *Conn) ReadU8(ctx context.Context) (byte, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, e
	}
	return c.in.ReadU8(ctx)
}

// PeekU8 returns the next byte without consuming it.
func (c *Conn) PeekU8(ctx context.Context) (byte, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, e
	}
	return c.in.PeekU8(ctx)
}

// ReadChar reads one UTF-8 encoded character (utf8.RuneError, size 1 for
// an invalid byte).
func (c *Conn) ReadChar(ctx context.Context) (rune, int, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, 0, e
	}
	return c.in.ReadChar(ctx)
}

// PeekChar returns the next UTF-8 character without consuming it.
func (c *Conn) PeekChar(ctx context.Context) (rune, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return 0, e
	}
	return c.in.PeekChar(ctx)
}

// ReadLine reads a line ended by "\n", "\r\n" or "\r" and returns it
// without the terminator (CHICKEN read-line). io.EOF when nothing is left.
func (c *Conn) ReadLine(ctx context.Context) (string, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return "", e
	}
	return c.in.ReadLine(ctx)
}

// ReadString reads n bytes (fewer only at EOF; n < 0 reads to EOF).
func (c *Conn) ReadString(ctx context.Context, n int) (string, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if e := c.preRead(ctx); e != nil {
		return "", e
	}
	return c.in.ReadString(ctx, n)
}

// Buffered returns the number of decrypted bytes held by the engine
// (tls-socket-pending?); it performs no I/O.
func (c *Conn) Buffered() int {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	return c.in.Buffered()
}

// HoldsOutput reports whether output written may stay in the connection
// after Write returns: with an output buffer (Options.BufferSize), in
// non-blocking mode (the send queue), or after a write cut short (the
// part of a record not sent). Otherwise every Write has sent its bytes,
// or failed, when it returns.
func (c *Conn) HoldsOutput() bool {
	return c.out.size > 0 || c.flags.Load()&flagNonblock != 0 || c.fr.out.dirty.Load()
}

// Ready reports whether a read would not block (char-ready?): true if
// plaintext is buffered; otherwise it completes the handshake and tries one
// read with a ~1 ms deadline, true if that produced data or EOF.
func (c *Conn) Ready(ctx context.Context) (bool, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	if c.in.Buffered() > 0 {
		return true, nil
	}
	if e := c.preRead(ctx); e != nil {
		return false, e
	}
	c.poll = true
	err := c.in.more(ctx)
	c.poll = false
	var ce *conditions.Error
	switch {
	case err == nil, err == io.EOF:
		return true, nil
	case errors.As(err, &ce) && ce.Status == conditions.WantRead:
		return false, nil
	}
	return false, err
}

// preRead checks the closed state and, in non-blocking mode, the
// background handshake.
func (c *Conn) preRead(ctx context.Context) *conditions.Error {
	if c.isClosed() {
		return conditions.Closed()
	}
	if nb := c.nonblock(); nb != nil && !c.hsDone.Load() {
		return nb.pollHandshake(c, conditions.WantRead, conditions.OpRead)
	}
	return nil
}

// WriteContext writes p (buffered when Options.BufferSize > 0),
// interrupted when ctx is done. It returns len(p) or a *conditions.Error.
// A write cut short by the write timeout (or deadline) or by ctx returns
// how much of p it handed to TLS with a timeout or interruption
// condition: p's rest is not written, and the connection stays usable —
// the part of a record it had begun to send goes out first with the next
// write, flush or Close, so writing p's rest next sends the stream on
// exactly where it stopped. Other write errors are sticky. In
// non-blocking mode the bytes are queued for the writer goroutine, or
// want-write is returned.
func (c *Conn) WriteContext(ctx context.Context, p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if nb := c.nonblock(); nb != nil {
		return nb.write(c, p, false)
	}
	if e := c.preWrite(ctx); e != nil {
		return 0, e
	}
	return c.out.Write(ctx, p)
}

// WriteSome is Write for Sagittarius tls-socket-send: in non-blocking mode
// it queues as many bytes as fit and returns their count (0 with a
// want-write condition when the queue is full). In blocking mode it is Write.
func (c *Conn) WriteSome(ctx context.Context, p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if nb := c.nonblock(); nb != nil {
		return nb.write(c, p, true)
	}
	if e := c.preWrite(ctx); e != nil {
		return 0, e
	}
	return c.out.Write(ctx, p)
}

// WriteString writes s.
func (c *Conn) WriteString(ctx context.Context, s string) (int, error) {
	return c.WriteContext(ctx, []byte(s))
}

// WriteU8 writes one byte.
func (c *Conn) WriteU8(ctx context.Context, b byte) error {
	_, err := c.WriteContext(ctx, []byte{b})
	return err
}

// Flush writes the buffered output, after what a write cut short left
// (see [Conn.WriteContext]). In non-blocking mode it returns
// want-write while the send queue is not empty.
func (c *Conn) Flush(ctx context.Context) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if nb := c.nonblock(); nb != nil {
		return nb.flush(c)
	}
	if e := c.preWrite(ctx); e != nil {
		return e
	}
	if err := c.out.Flush(ctx); err != nil {
		return err
	}
	if c.fr.out.dirty.Load() {
		// The ciphertext kept from a write cut short (writeTLS sends it
		// first).
		_, err := c.writeTLS(ctx, conditions.OpFlush, nil)
		return err
	}
	return nil
}

// preWrite runs the lazy handshake and checks the sticky states.
func (c *Conn) preWrite(ctx context.Context) *conditions.Error {
	if c.isClosed() {
		return conditions.Closed()
	}
	if e := c.handshake(ctx); e != nil {
		return e
	}
	if c.flags.Load()&(flagWErr|flagCloseNotifySent) == 0 {
		return nil
	}
	c.mu.Lock()
	werr, sent := c.wErr, c.closeNotifySent
	c.mu.Unlock()
	if werr != nil {
		return werr
	}
	if sent {
		// tls.Conn reports "tls: protocol is shutdown".
		_, err := c.tls.Write(nil)
		if err == nil {
			err = errors.New("tls: protocol is shutdown")
		}
		return c.classify(conditions.OpWrite, err)
	}
	return nil
}

// Introspection.

// NetConn returns the raw connection (ssl-port->tcp-port). Reading or
// writing it corrupts the TLS stream.
func (c *Conn) NetConn() net.Conn { return c.raw }

// TCPView returns a plain TCP pair over the raw connection with the
// connection's options (ssl-port->tcp-port). It shares the connection's
// read and write deadlines, so the deadline one of them armed is never
// mistaken by the other for its own. Reading or writing it corrupts the
// TLS stream; its Close closes the socket.
func (c *Conn) TCPView() *TCP { return newTCP(c.raw, nil, c.opts, &c.rdl, &c.wdl) }

// TLSConn returns the underlying *tls.Conn, for introspection only
// (ExportKeyingMaterial, ConnectionState); its Read/Write bypass the engine.
func (c *Conn) TLSConn() *tls.Conn { return c.tls }

// PeerCertificates forces the handshake and returns the peer's chain as
// sent (leaf first), nil if the peer sent none.
func (c *Conn) PeerCertificates(ctx context.Context) ([]*x509.Certificate, error) {
	if e := c.handshake(ctx); e != nil {
		return nil, e
	}
	return c.tls.ConnectionState().PeerCertificates, nil
}

// VerifyResult returns the verification outcome filled during the
// handshake (nil if the ConnConfig had none).
func (c *Conn) VerifyResult() *tlsctx.VerifyResult { return c.cc.Result }

// Version returns the negotiated TLS version (0 before the handshake).
func (c *Conn) Version() uint16 { return c.tls.ConnectionState().Version }

// CipherSuite returns the negotiated cipher suite (0 before the handshake).
func (c *Conn) CipherSuite() uint16 { return c.tls.ConnectionState().CipherSuite }

// ALPN returns the negotiated application protocol ("" if none).
func (c *Conn) ALPN() string { return c.tls.ConnectionState().NegotiatedProtocol }

// Role returns the side of the connection.
func (c *Conn) Role() tlsctx.Role { return c.role }

// Options returns the options the connection was created with.
func (c *Conn) Options() Options { return c.opts }

// State returns the connection state (ssl-port-state).
func (c *Conn) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

// Truncated reports whether EOF arrived without close_notify
// (ssl-port-truncated?).
func (c *Conn) Truncated() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.truncated
}

// CloseNotifyReceived reports whether the peer's close_notify was read.
func (c *Conn) CloseNotifyReceived() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closeNotifyRecv
}

// CloseNotifySent reports whether our close_notify was sent.
func (c *Conn) CloseNotifySent() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closeNotifySent
}

// RawEOFSeen reports whether the raw connection returned EOF.
func (c *Conn) RawEOFSeen() bool { return c.fr.RawEOF() }

// Closed reports whether the connection was closed or unwrapped.
func (c *Conn) Closed() bool { return c.isClosed() }
