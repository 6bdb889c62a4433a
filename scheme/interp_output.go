// Interp.FlushAllOutput: the output ports an interpreter wrote to, flushed when the program ends.

package scheme

import (
	"context"
	"sync"
)

// outputPorts holds the output ports written by an Interp's threads,
// weakly (a port nobody references any more leaves the set when it is
// collected), the sinks of the file output ports (see
// [Interp.NewFileOutputPort]) and the ports held open by HoldOpen.
type outputPorts struct {
	written weakMap[Port, struct{}]
	mu      sync.Mutex
	// sinks: those of the file output ports not collected yet.
	sinks map[*fileSink]struct{}
	// open holds the HoldOpen ports not yet closed; closed ones are swept
	// when the set has doubled since the last sweep.
	open    map[*Port]struct{}
	sweepAt int
}

// HoldOpen keeps the output port p reachable until it is closed, so that a
// program dropping it without flushing or closing it does not lose what it
// buffered: [Interp.FlushAllOutput] writes it at the end of the program.
// It is for file ports that buffer outside a file sink (an R6RS
// transcoded or input/output file port); [Interp.NewFileOutputPort] makes
// ports that need no holding.
func (in *Interp) HoldOpen(p *Port) {
	o := &in.outputs
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.open == nil {
		o.open = map[*Port]struct{}{}
	}
	if len(o.open) >= o.sweepAt {
		for q := range o.open {
			if q.isClosed() {
				delete(o.open, q)
			}
		}
		o.sweepAt = max(16, 2*len(o.open))
	}
	o.open[p] = struct{}{}
}

// trackOutput registers p (called once per port, by its first output
// operation on a thread of in).
func (in *Interp) trackOutput(p *Port) { in.outputs.written.put(p, struct{}{}) }

// FlushAllOutput flushes every open output port that the interpreter's
// threads have written to (TLS, TCP, socket and file ports, including output
// held back by tcp-buffer-size; a port whose backend holds no output, an
// [OutputHolder] such as an unbuffered TLS port, is not kept for it until
// it may), then the initial current output and error
// ports ([Interp.FlushOutput]). The embedder calls it when the program ends
// — end of script, exit, an uncaught error, the REPL's ,quit — so that
// nothing written is lost. A port whose output side is busy (a write
// blocked on another thread) is skipped rather than waited for; ctx bounds
// each flush. The first error is returned after every port was tried.
func (in *Interp) FlushAllOutput(ctx context.Context) error {
	ps := in.outputs.written.keys()
	var first error
	for _, p := range ps {
		if err := p.tryFlush(ctx); err != nil && first == nil {
			first = err
		}
	}
	if err := in.outputs.flushSinks(ctx); err != nil && first == nil {
		first = err
	}
	if err := in.FlushOutput(ctx); err != nil && first == nil {
		first = err
	}
	return first
}
