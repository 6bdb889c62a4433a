// fdsets and socket-select / socket-select! of (sagittarius socket).

package socket

import (
	"context"
	"slices"
	"sync"

	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// FDSet is an fdset object (fdset?): a set of sockets, kept in the order
// they were added. Safe for concurrent use.
type FDSet struct {
	mu    sync.Mutex
	socks []Endpoint
}

// TypeName implements scheme.Value.
func (*FDSet) TypeName() string { return "fdset" }

// Sockets returns the members.
func (s *FDSet) Sockets() []Endpoint {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.socks)
}

// Set adds ep (on) or removes it.
func (s *FDSet) Set(ep Endpoint, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.Index(s.socks, ep)
	switch {
	case on && i < 0:
		s.socks = append(s.socks, ep)
	case !on && i >= 0:
		s.socks = slices.Delete(s.socks, i, i+1)
	}
}

// replace makes the members socks.
func (s *FDSet) replace(socks []Endpoint) {
	s.mu.Lock()
	s.socks = socks
	s.mu.Unlock()
}

func makeFdset(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return &FDSet{}, nil }

func fdsetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*FDSet)
	return scheme.MakeBool(ok), nil
}

// socketsToFdset implements sockets->fdset.
func socketsToFdset(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "sockets->fdset"
	vs, ok := scheme.ListToSlice(a[0])
	if !ok {
		return nil, scheme.TypeError(who, 1, "list of sockets", a[0])
	}
	s := &FDSet{}
	for _, v := range vs {
		ep, err := EndpointArg(who, 1, v)
		if err != nil {
			return nil, err
		}
		s.Set(ep, true)
	}
	return s, nil
}

// fdsetArg checks an fdset argument.
func fdsetArg(who string, pos int, v scheme.Value) (*FDSet, error) {
	if s, ok := v.(*FDSet); ok {
		return s, nil
	}
	return nil, scheme.TypeError(who, pos, "fdset", v)
}

// fdsetAndSocket reads the (fdset socket …) arguments of who.
func fdsetAndSocket(who string, a []scheme.Value) (*FDSet, Endpoint, error) {
	s, err := fdsetArg(who, 1, a[0])
	if err != nil {
		return nil, nil, err
	}
	ep, err := EndpointArg(who, 2, a[1])
	return s, ep, err
}

func fdsetRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ep, err := fdsetAndSocket("fdset-ref", a)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(slices.Contains(s.Sockets(), ep)), nil
}

func fdsetSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ep, err := fdsetAndSocket("fdset-set!", a)
	if err != nil {
		return nil, err
	}
	s.Set(ep, a[2] != scheme.Value(scheme.False))
	return scheme.Unspecified, nil
}

func collectSockets(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, err := fdsetArg("collect-sockets", 1, a[0])
	if err != nil {
		return nil, err
	}
	socks := s.Sockets()
	out := make([]scheme.Value, len(socks))
	for i, ep := range socks {
		out[i] = ep
	}
	return scheme.List(out...), nil
}

// selectSets implements socket-select (fresh fdsets of the ready
// sockets) and socket-select! (the given fdsets keep only their ready
// sockets): each of rfds, wfds and efds is an fdset or #f; a socket is
// ready in rfds when it has data or a pending connection, in wfds when it
// is open, in efds when it is closed. It waits up to the timeout (#f:
// forever) until one is ready, or until thread-interrupt! (none ready
// then). Returns (values n rfds wfds efds), n the count of ready sockets.
func selectSets(who string, inPlace bool) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		var sets [3]*FDSet
		var members [3][]Endpoint
		var funcs []ports.ReadyFunc
		var owner []int // the set of each func
		var eps []Endpoint
		for i := range sets {
			if a[i] == scheme.Value(scheme.False) {
				continue
			}
			s, err := fdsetArg(who, i+1, a[i])
			if err != nil {
				return nil, scheme.TypeError(who, i+1, "fdset or #f", a[i])
			}
			sets[i], members[i] = s, s.Sockets()
			for _, ep := range members[i] {
				var f ports.ReadyFunc
				switch i {
				case 0:
					f = func(ctx context.Context) (bool, error) { return ep.Ready(ctx), nil }
				case 1:
					f = func(context.Context) (bool, error) { return !ep.Closed(), nil }
				default:
					f = func(context.Context) (bool, error) { return ep.Closed(), nil }
				}
				funcs, owner, eps = append(funcs, f), append(owner, i), append(eps, ep)
			}
		}
		d, err := TimeoutArg(who, 4, a[3])
		if err != nil {
			return nil, err
		}
		idx, err := ports.Select(th.WaitContext(), d, a[3] == scheme.Value(scheme.False), funcs)
		if err != nil && !th.Interrupted(err) {
			return nil, err
		}
		var ready [3][]Endpoint
		for _, k := range idx {
			ready[owner[k]] = append(ready[owner[k]], eps[k])
		}
		out := []scheme.Value{scheme.Fixnum(len(idx))}
		for i, s := range sets {
			switch {
			case s == nil:
				out = append(out, scheme.False)
			case inPlace:
				s.replace(ready[i])
				out = append(out, s)
			default:
				out = append(out, &FDSet{socks: ready[i]})
			}
		}
		return scheme.Values(out...), nil
	}
}

var (
	socketSelect     = selectSets("socket-select", false)
	socketSelectBang = selectSets("socket-select!", true)
)
