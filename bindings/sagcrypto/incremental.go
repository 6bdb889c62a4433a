// The locked init/process/done state shared by message digests and MACs, and the byte-range arguments of their procedures.

package sagcrypto

import (
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

// incremental is a message digest or MAC: a running state behind a lock.
type incremental interface {
	locker() *sync.Mutex
	reset()            // initialise; the lock is held
	write(b []byte)    // feed b; the lock is held
	finish(out []byte) // write the result into all of out, then initialise; the lock is held
}

// initState initialises s.
func initState(s incremental) {
	mu := s.locker()
	mu.Lock()
	defer mu.Unlock()
	s.reset()
}

// processState feeds b into s.
func processState(s incremental, b []byte) {
	mu := s.locker()
	mu.Lock()
	defer mu.Unlock()
	s.write(b)
}

// doneState writes the result of the input so far into out.
func doneState(s incremental, out []byte) {
	mu := s.locker()
	mu.Lock()
	defer mu.Unlock()
	s.finish(out)
}

// oneShot writes the result of msg alone into out.
func oneShot(s incremental, msg, out []byte) {
	mu := s.locker()
	mu.Lock()
	defer mu.Unlock()
	s.reset()
	s.write(msg)
	s.finish(out)
}

// span returns bv[start:start+length] from the optional arguments a[at]
// and a[at+1] (absent length: def, or to the end when def < 0), checking
// the range; positions are 1-based for the errors.
func span(bv []byte, a []scheme.Value, at, def int) ([]byte, error) {
	start := 0
	if at < len(a) && !scheme.IsDefault(a[at]) {
		s, err := scheme.ArgIndex(at+1, a[at])
		if err != nil {
			return nil, err
		}
		if s > len(bv) {
			return nil, scheme.RangeError("", at+1, "start beyond the bytevector's end", a[at])
		}
		start = s
	}
	n := len(bv) - start
	if def >= 0 {
		n = def
	}
	if at+1 < len(a) && !scheme.IsDefault(a[at+1]) {
		k, err := scheme.ArgIndex(at+2, a[at+1])
		if err != nil {
			return nil, err
		}
		n = k
	}
	if n > len(bv)-start {
		return nil, scheme.RangeError("", at+2, "start + length beyond the bytevector's end", scheme.Fixnum(n))
	}
	return bv[start : start+n], nil
}

// processBang is message-digest-process! and mac-process!: (proc s msg
// :optional start length) feeds msg[start, start+length) and returns s.
func processBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in, err := span(bytesOf(a[1]), a, 2, -1)
	if err != nil {
		return nil, err
	}
	processState(a[0].(incremental), in)
	return a[0], nil
}

// initBang is message-digest-init! and mac-init!: returns the state.
func initBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	initState(a[0].(incremental))
	return a[0], nil
}
