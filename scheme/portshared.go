// Input/output ports with one position for reading and writing (r6rs-lib §8.2.13), over a seekable file or a transcoding backend.

package scheme

import (
	"context"
	"io"
	"os"
)

// fileRW is the backend of an input/output port over a seekable file: it
// reads and writes at the file's offset, which is the port's position.
type fileRW struct{ f *os.File }

// ReadContext implements ByteReader.
func (b fileRW) ReadContext(ctx context.Context, p []byte) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return b.f.Read(p)
}

// WriteContext implements ByteWriter.
func (b fileRW) WriteContext(ctx context.Context, p []byte) (int, error) {
	return writeCtx(ctx, b.f, p)
}

// FlushContext implements ByteWriter: the file has no buffer.
func (fileRW) FlushContext(ctx context.Context) error { return nil }

// Close closes the file.
func (b fileRW) Close() error { return b.f.Close() }

// Seekable implements Seeker.
func (fileRW) Seekable() bool { return true }

// PositionContext implements Seeker.
func (b fileRW) PositionContext(ctx context.Context, ahead int) (int64, error) {
	off, err := b.f.Seek(0, io.SeekCurrent)
	return off - int64(ahead), err
}

// SetPositionContext implements Seeker: a position beyond the end of the
// file is where the next write extends it.
func (b fileRW) SetPositionContext(ctx context.Context, pos int64) error {
	_, err := b.f.Seek(pos, io.SeekStart)
	return err
}

// NewFileInputOutputPort returns an input/output port over the file f
// (open-file-input/output-port), named name, with f as its Host. Over a
// seekable file reading and writing share one position
// ([NewInputOutputPort]); over another (a FIFO) the two sides go their own
// ways, as a socket's.
func NewFileInputOutputPort(name string, f *os.File) *Port {
	if _, err := f.Seek(0, io.SeekCurrent); err != nil {
		return NewInputOutputPort(name, ReaderBackend(f), WriterBackend(f), f)
	}
	b := fileRW{f}
	return NewInputOutputPort(name, b, b, f)
}

// ahead returns the number of bytes read from the backend and not yet
// delivered (a linefeed owed to a \r line end counts as delivered).
func (p *Port) ahead() int {
	if p.skipLF && len(p.unread) > 0 && p.unread[0] == '\n' {
		return len(p.unread) - 1
	}
	return len(p.unread)
}

// syncWrite prepares output on a shared port (the caller holds p.mu):
// after input, what was read ahead is dropped and the backend moved back
// to where reading stands, so that the output lands there.
func (p *Port) syncWrite(ctx context.Context) error {
	if !p.reading && len(p.unread) == 0 && !p.skipLF {
		return nil
	}
	pos, err := p.seek.PositionContext(ctx, p.ahead())
	if err == nil {
		err = p.seek.SetPositionContext(ctx, pos)
	}
	if err != nil {
		return err
	}
	p.unread, p.skipLF, p.reading = nil, false, false
	return nil
}

// syncRead prepares input on a shared port (the caller holds p.mu): the
// output buffered is handed to the backend first, so that the input read
// is what follows it.
func (p *Port) syncRead(ctx context.Context) error {
	if len(p.wbuf) > 0 {
		if err := p.flushBuf(ctx); err != nil {
			return err
		}
	}
	p.reading = true
	return nil
}
