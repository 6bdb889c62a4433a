// Sagittarius's semaphores ((sagittarius threads)): counting semaphores between the program's threads.

package sagittarius

import (
	"sync"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// Semaphore is a Sagittarius semaphore: a count that semaphore-wait!
// takes one from, waiting while it is 0, and semaphore-post! adds one to.
// Named semaphores are found by name within the process (Sagittarius's
// are POSIX named semaphores, shared between processes).
type Semaphore struct {
	name   scheme.Value
	mu     sync.Mutex
	count  int
	posted chan struct{} // closed (and replaced) by each post
	closed bool
}

// TypeName implements scheme.Value.
func (*Semaphore) TypeName() string { return "semaphore" }

// Repr implements scheme.Repr.
func (s *Semaphore) Repr() string { return "#<semaphore " + scheme.DisplayString(s.name) + ">" }

var typeSemaphore = &scheme.Type{Name: "semaphore", Accept: func(v scheme.Value) bool { _, ok := v.(*Semaphore); return ok }}

// semaphores are the named semaphores of the process.
var semaphores struct {
	sync.Mutex
	byName map[string]*Semaphore
}

// makeSemaphore implements make-semaphore.
func makeSemaphore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := &Semaphore{name: a[0], count: int(a[1].(scheme.Fixnum)), posted: make(chan struct{})}
	name, ok := a[0].(*scheme.String)
	if !ok {
		return s, nil // memory based
	}
	semaphores.Lock()
	defer semaphores.Unlock()
	if old, ok := semaphores.byName[name.String()]; ok {
		return old, nil
	}
	if semaphores.byName == nil {
		semaphores.byName = map[string]*Semaphore{}
	}
	semaphores.byName[name.String()] = s
	return s, nil
}

// openSemaphore implements open-semaphore.
func openSemaphore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	semaphores.Lock()
	defer semaphores.Unlock()
	if s, ok := semaphores.byName[a[0].(*scheme.String).String()]; ok {
		return s, nil
	}
	c := scheme.MakeError("open-semaphore", "no semaphore of that name", []scheme.Value{a[0]}, "i/o", "file", "file-does-not-exist")
	c.Set("file", "filename", a[0])
	return nil, scheme.Raise(c)
}

// semaphoreP implements semaphore?.
func semaphoreP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(typeSemaphore.Accept(a[0])), nil
}

// semaphoreName implements semaphore-name.
func semaphoreName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*Semaphore).name, nil
}

// semaphoreWaitBang implements semaphore-wait!: #t once it took one from
// the count, #f when the timeout passed first.
func semaphoreWaitBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Semaphore)
	deadline, has := scheme.Deadline(scheme.OrDefault(a[1], scheme.False))
	return th.ResumableWait("semaphore-wait!", func(th *scheme.Thread) (scheme.Value, error) {
		return semaphoreWait(th, s, deadline, has)
	})
}

// semaphoreWait is semaphore-wait!'s wait, until deadline when has.
func semaphoreWait(th *scheme.Thread, s *Semaphore, deadline time.Time, has bool) (scheme.Value, error) {
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return nil, scheme.NewError("semaphore-wait!", "semaphore closed", []scheme.Value{s})
		}
		if s.count > 0 {
			s.count--
			s.mu.Unlock()
			return scheme.True, nil
		}
		posted := s.posted
		s.mu.Unlock()
		ok, err := scheme.Wait(th.WaitContext(), posted, deadline, has)
		if err != nil {
			return nil, err
		}
		if !ok {
			return scheme.False, nil
		}
	}
}

// semaphorePostBang implements semaphore-post!.
func semaphorePostBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Semaphore)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, scheme.NewError("semaphore-post!", "semaphore closed", []scheme.Value{s})
	}
	s.count++
	close(s.posted)
	s.posted = make(chan struct{})
	return scheme.Unspecified, nil
}

// semaphoreCloseBang implements semaphore-close!: waiters and later uses
// get an error.
func semaphoreCloseBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Semaphore)
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.posted)
	}
	s.mu.Unlock()
	return scheme.Unspecified, nil
}

// semaphoreDestroyBang implements semaphore-destroy!: closes it and
// removes its name.
func semaphoreDestroyBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*Semaphore)
	if name, ok := s.name.(*scheme.String); ok {
		semaphores.Lock()
		if semaphores.byName[name.String()] == s {
			delete(semaphores.byName, name.String())
		}
		semaphores.Unlock()
	}
	return semaphoreCloseBang(th, a)
}

func semaphoreRows() []scheme.Proc {
	sem := req("semaphore", typeSemaphore)
	return []scheme.Proc{
		r("make-semaphore", "A semaphore with count initial; name a string (the process's semaphore of that name if there is one) or #f (memory based).", lam(req("name", nil), req("initial", scheme.TypeIndex)), makeSemaphore),
		r("open-semaphore", "The semaphore named name; &i/o-file-does-not-exist when there is none.", lam(req("name", str)), openSemaphore),
		r("semaphore?", "Is obj a semaphore?", lam(req("obj", nil)), semaphoreP),
		r("semaphore-name", "The semaphore's name (#f for a memory based one).", lam(sem), semaphoreName),
		r("semaphore-wait!", "Takes one from the count, waiting while it is 0 up to timeout (#f: no limit; seconds or a time object): #t, or #f when the timeout passed.", lam(sem, opt("timeout", nil, nil)), semaphoreWaitBang),
		r("semaphore-post!", "Adds one to the count, waking a waiter.", lam(sem), semaphorePostBang),
		r("semaphore-close!", "Closes the semaphore: waiting on or posting it is an error from now on.", lam(sem), semaphoreCloseBang),
		r("semaphore-destroy!", "Closes the semaphore and removes its name.", lam(sem), semaphoreDestroyBang),
	}
}
