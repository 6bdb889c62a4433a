// Port backend seam: the Go interfaces a port's data source or sink implements.

package scheme

import "context"

// ByteReader is the minimal input backend of a Scheme port. ReadContext
// blocks until at least one byte is available, EOF (io.EOF) or ctx is done.
type ByteReader interface {
	ReadContext(ctx context.Context, p []byte) (int, error)
}

// ByteWriter is the output backend of a Scheme port.
type ByteWriter interface {
	WriteContext(ctx context.Context, p []byte) (int, error)
	FlushContext(ctx context.Context) error
}

// DirectWriter is implemented by output backends that apply their own
// buffering policy, as the TLS engine and the TCP pair follow
// tcp-buffer-size (#f: every write is sent). The port then keeps no output
// between operations: the bytes of each output operation (one write-string,
// display, write-line … call) go to WriteContext in a single call when the
// operation returns, and FlushContext runs only on flush-output and close.
type DirectWriter interface {
	ByteWriter
	DirectWrite()
}

// OutputHolder is implemented by a [DirectWriter] backend that can tell
// whether output it was given may still be held in it after a write
// returns (a tcp-buffer-size buffer, a non-blocking send queue). A port
// over such a backend holding none has nothing for
// [Interp.FlushAllOutput] to flush and is not registered with it (a
// weak reference and a cleanup per port) until it may hold some.
type OutputHolder interface {
	HoldsOutput() bool
}

// ReadyReader is implemented by input backends that can tell, without
// blocking, whether a read would return at once (char-ready?).
type ReadyReader interface {
	Ready(ctx context.Context) (bool, error)
}

// ByteReadByter is implemented by input backends that buffer themselves; the
// port then reads byte-wise through it instead of keeping its own buffer.
type ByteReadByter interface {
	ReadByteContext(ctx context.Context) (byte, error)
}

// BytePeeker is implemented by self-buffering backends that can peek.
type BytePeeker interface {
	PeekByteContext(ctx context.Context) (byte, error)
}

// LineReader is implemented by self-buffering backends that can read a line
// (without its terminator; io.EOF at end of input) faster than byte-wise.
type LineReader interface {
	ReadLineContext(ctx context.Context) ([]byte, error)
}

// CloseWriter is implemented by output backends that can half-close.
type CloseWriter interface {
	CloseWrite(ctx context.Context) error
}

// ContextCloser is implemented by backends whose close needs the context of
// the closing thread (e.g. one made of Scheme procedures, which finds the
// thread with [ThreadFromContext]); the port calls CloseContext instead of
// io.Closer's Close.
type ContextCloser interface {
	CloseContext(ctx context.Context) error
}

// Seeker is implemented by backends with a position: a seekable file, a
// transcoding backend over a port with positions, a custom port with
// position procedures. A port over one has
// port-position and set-port-position! (see [Port.HasPosition]); an
// input/output port over one shares one position between reading and
// writing ([NewInputOutputPort]). The port calls these methods under its
// lock, with its output handed to the backend first.
type Seeker interface {
	// Seekable reports whether the positions work (a transcoding backend
	// over a port without them has none).
	Seekable() bool
	// PositionContext returns the position of the next byte the port
	// delivers or writes, ahead being the number of bytes the port has
	// read from the backend but not delivered.
	PositionContext(ctx context.Context, ahead int) (int64, error)
	// SetPositionContext moves the backend to pos: the next read and the
	// next write start there.
	SetPositionContext(ctx context.Context, pos int64) error
}
