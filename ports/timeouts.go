// Handshake timeouts: one runtime timer for all the handshakes in progress.

package ports

import (
	"sync"
	"time"
)

// hsTimeouts ends the handshakes that exceed their limit
// (Options.HandshakeTimeout).
var hsTimeouts timeoutSet

// timeoutSet ends each of its entries' handshakes at the entry's time,
// unless the entry left the set first, with one runtime timer armed for
// the earliest time instead of one timer per handshake.
//
// A timer of each connection's own costs more than its allocation: adding
// a timer earlier than any other wakes a thread blocked in the network
// poller so that it sleeps less (the runtime's wakeNetPoller), and a
// process making connections one after the other often has no timer
// between two of them, so each handshake's timer was such a wake-up (in
// such a process: 181–278 per 320 connections, 58 with the set; bare
// crypto/tls 44). The set's timer moves only when an entry is due before
// it (a handshake with a shorter limit than those in progress), and a
// handshake that ends leaves nothing behind (a stopped runtime timer
// stays in the timer heap, with what its function refers to, until the
// time it was set for).
type timeoutSet struct {
	mu      sync.Mutex
	entries map[*hsTimeout]struct{}
	t       *time.Timer // fires at when; nil until first needed
	when    time.Time   // when t fires; zero when it is not armed
}

// hsTimeout is one handshake's entry in a timeoutSet.
type hsTimeout struct {
	a  *aborter
	at time.Time
}

// add ends a's handshake after d unless remove is called first.
func (s *timeoutSet) add(a *aborter, d time.Duration) *hsTimeout {
	e := &hsTimeout{a: a, at: time.Now().Add(d)}
	s.mu.Lock()
	if s.entries == nil {
		s.entries = make(map[*hsTimeout]struct{})
	}
	s.entries[e] = struct{}{}
	if s.when.IsZero() || e.at.Before(s.when) {
		s.arm(e.at)
	}
	s.mu.Unlock()
	return e
}

// remove takes e out of the set: its handshake ended.
func (s *timeoutSet) remove(e *hsTimeout) {
	s.mu.Lock()
	delete(s.entries, e)
	s.mu.Unlock()
}

// arm makes the timer fire at t (s.mu held).
func (s *timeoutSet) arm(t time.Time) {
	s.when = t
	if s.t == nil {
		s.t = time.AfterFunc(time.Until(t), s.fire)
		return
	}
	s.t.Reset(time.Until(t))
}

// fire ends the handshakes that are due and arms the timer for the
// earliest of the others, if any.
func (s *timeoutSet) fire() {
	now := time.Now()
	var due []*aborter
	s.mu.Lock()
	var next time.Time
	for e := range s.entries {
		if !e.at.After(now) {
			due = append(due, e.a)
			delete(s.entries, e)
		} else if next.IsZero() || e.at.Before(next) {
			next = e.at
		}
	}
	s.when = time.Time{}
	if !next.IsZero() {
		s.arm(next)
	}
	s.mu.Unlock()
	for _, a := range due {
		a.timedOut()
	}
}
