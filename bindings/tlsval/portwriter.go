// PortWriter: an io.Writer onto a Scheme output port (key-log lines).

package tlsval

import (
	"context"

	"github.com/tlsport/tlsport/scheme"
)

// PortWriter is an io.Writer onto the Scheme output port P; every write is
// flushed so the lines (e.g. key-log lines) are visible at once.
type PortWriter struct{ P *scheme.Port }

// Write writes b to the port and flushes it.
func (w PortWriter) Write(b []byte) (int, error) {
	ctx := context.Background()
	if err := w.P.Write(ctx, b); err != nil {
		return 0, err
	}
	return len(b), w.P.Flush(ctx)
}
