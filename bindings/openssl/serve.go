// (openssl ext) ssl-serve: a callback-style server, a handler thread per connection (tcltls tls::socket -server, twapi tls_socket -server).

package openssl

import (
	"errors"
	"sync"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// serveProcs are the (openssl ext) rows of this file.
var serveProcs = []scheme.Proc{
	{Name: "ssl-serve", Spec: "§1.3.2", Sig: "(ssl-serve listener handler #!key error-handler)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("listener", nil), scheme.Req("handler", nil), scheme.Key("error-handler", typeCallback, nil))
		},
		Doc: "Serve listener on a thread of its own: each accepted connection runs (handler in out) on a new thread, and its ports are closed when handler returns or raises. " +
			"A raise is reported to error-handler (condition in out), else to (ssl-callback-error-handler) (condition in), else written to the handler thread's current error port; the server goes on. Returns an ssl-server for ssl-server-stop! and ssl-server-info.",
		Fn: sslServe},
	{Name: "ssl-server-stop!", Spec: "§1.3.2", Sig: "(ssl-server-stop! server #!optional timeout)",
		Args: scheme.Params{Required: []string{"server"}, Optional: []string{"timeout"}},
		Doc:  "Stop accepting (the listener stays open, ssl-close it yourself) and wait up to timeout seconds (#f or absent: until they end) for running handlers; #t if none is left running.",
		Fn:   sslServerStopBang},
	{Name: "ssl-server-info", Spec: "§1.3.2", Sig: "(ssl-server-info server)", LazyArgs: func() scheme.Params { return req("server") },
		Doc: "Alist: running? (accepting; #f after ssl-server-stop! or once the listener is closed), served (connections handed to handlers), active (handlers running), failed (handlers that raised), last-error (the last such condition or #f).",
		Fn:  sslServerInfo},
}

// sslServer is the ssl-server value of ssl-serve.
type sslServer struct {
	loop scheme.Value // the accepting thread

	mu      sync.Mutex
	stopped bool
	active  map[scheme.Value]struct{} // running handler threads
	served  int
	failed  int
	lastErr scheme.Value
}

func (*sslServer) TypeName() string { return "ssl-server" }
func (*sslServer) Repr() string     { return "#<ssl-server>" }

var _ scheme.Repr = (*sslServer)(nil)

// srfi18 returns the procedure of the SRFI-18 row name.
func srfi18(in *scheme.Interp, name string) (scheme.Value, error) {
	if lib := in.Library("(srfi 18)"); lib != nil {
		if p := lib.Lookup(name); p != nil {
			return scheme.NewPrimitive(lib, p), nil
		}
	}
	return nil, conditions.Config("ssl-serve: "+name+" is not available", nil)
}

// spawn makes and starts a thread named name running f.
func spawn(th *scheme.Thread, name string, f scheme.PrimFn) (scheme.Value, error) {
	mk, err := srfi18(th.Interp(), "make-thread")
	if err != nil {
		return nil, err
	}
	start, err := srfi18(th.Interp(), "thread-start!")
	if err != nil {
		return nil, err
	}
	thunk := scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Fn: f})
	t, err := th.Call(mk, thunk, scheme.Intern(name))
	if err != nil {
		return nil, err
	}
	if _, err := th.Call(start, t); err != nil {
		return nil, err
	}
	return t, nil
}

// conditionOf returns the Scheme condition carried by err.
func conditionOf(err error) scheme.Value {
	var se *scheme.Error
	if errors.As(err, &se) && se.Condition != nil {
		return se.Condition
	}
	if c, ok := tlsval.Convert(err); ok {
		return c
	}
	return scheme.NewString(err.Error())
}

func sslServe(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-serve"
	l, err := listenerArg(who, args[0])
	if err != nil {
		return nil, err
	}
	handler := args[1]
	if !scheme.IsProcedure(handler) {
		return nil, scheme.TypeError(who, 2, "procedure", handler)
	}
	onError := scheme.Value(scheme.False)
	if tlsval.Given(args[2]) {
		onError = args[2]
	}
	fallback := th.Param(sslCallbackErrorHandler)
	s := &sslServer{active: map[scheme.Value]struct{}{}, lastErr: scheme.False}
	report := func(hth *scheme.Thread, err error, in, out scheme.Value) {
		cond := conditionOf(err)
		s.mu.Lock()
		s.failed++
		s.lastErr = cond
		s.mu.Unlock()
		switch {
		case scheme.IsProcedure(onError):
			_, _ = tlsval.GuardedCall(hth, onError, cond, in, out)
		case scheme.IsProcedure(fallback):
			_, _ = tlsval.GuardedCall(hth, fallback, cond, in)
		default:
			msg := scheme.DisplayString(cond)
			if c, ok := cond.(*scheme.Condition); ok {
				msg = c.Message()
			}
			if p, ok := hth.Param(scheme.CurrentErrorPort).(*scheme.Port); ok {
				_ = p.Write(hth.Context(), []byte("ssl-serve: handler raised: "+msg+"\n"))
				_ = p.Flush(hth.Context())
			}
		}
	}
	loop, err := spawn(th, "ssl-serve", func(lth *scheme.Thread, _ []scheme.Value) (scheme.Value, error) {
		for {
			v, err := sslAccept(lth, []scheme.Value{l})
			if err != nil {
				if lth.Context().Err() != nil || l.L.Closed() {
					s.mu.Lock()
					s.stopped = true // stopped, or the listener was closed
					s.mu.Unlock()
					return scheme.Unspecified, nil
				}
				report(lth, err, scheme.False, scheme.False)
				continue
			}
			mv, ok := v.(*scheme.MultipleValues)
			if !ok || len(mv.Vals) != 2 {
				continue
			}
			in, out := mv.Vals[0], mv.Vals[1]
			var self scheme.Value
			ready := make(chan struct{})
			t, err := spawn(lth, "ssl-serve-handler", func(hth *scheme.Thread, _ []scheme.Value) (scheme.Value, error) {
				<-ready
				if _, err := tlsval.GuardedCall(hth, handler, in, out); err != nil {
					report(hth, err, in, out)
				}
				for _, p := range []scheme.Value{in, out} {
					if port, ok := p.(*scheme.Port); ok {
						_ = port.Close()
					}
				}
				s.mu.Lock()
				delete(s.active, self)
				s.mu.Unlock()
				return scheme.Unspecified, nil
			})
			if err != nil {
				report(lth, err, in, out)
				continue
			}
			s.mu.Lock()
			self = t
			s.active[t] = struct{}{}
			s.served++
			s.mu.Unlock()
			close(ready)
		}
	})
	if err != nil {
		return nil, located(who, err)
	}
	s.loop = loop
	return s, nil
}

func serverArg(who string, v scheme.Value) (*sslServer, error) {
	if s, ok := v.(*sslServer); ok {
		return s, nil
	}
	return nil, scheme.TypeError(who, 1, "ssl-server", v)
}

func sslServerStopBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-server-stop!"
	s, err := serverArg(who, args[0])
	if err != nil {
		return nil, err
	}
	timeout := args[1]
	if tlsval.Absent(timeout) {
		timeout = scheme.False
	}
	if timeout != scheme.Value(scheme.False) && !scheme.IsNumber(timeout) {
		return nil, scheme.TypeError(who, 2, "seconds or #f", timeout)
	}
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	terminate, err := srfi18(th.Interp(), "thread-terminate!")
	if err != nil {
		return nil, err
	}
	join, err := srfi18(th.Interp(), "thread-join!")
	if err != nil {
		return nil, err
	}
	if _, err := th.Call(terminate, s.loop); err != nil {
		return nil, err
	}
	_, _ = tlsval.GuardedCall(th, join, s.loop, scheme.False, scheme.False)
	s.mu.Lock()
	running := make([]scheme.Value, 0, len(s.active))
	for t := range s.active {
		running = append(running, t)
	}
	s.mu.Unlock()
	timedOut := scheme.Intern("ssl-server-stop!-timeout")
	all := true
	for _, t := range running {
		r, _ := tlsval.GuardedCall(th, join, t, timeout, timedOut)
		if r == scheme.Value(timedOut) {
			all = false
		}
	}
	return scheme.MakeBool(all), nil
}

func sslServerInfo(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	s, err := serverArg("ssl-server-info", args[0])
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var a alist
	a.add("running?", scheme.MakeBool(!s.stopped))
	a.add("served", scheme.Fixnum(s.served))
	a.add("active", scheme.Fixnum(len(s.active)))
	a.add("failed", scheme.Fixnum(s.failed))
	a.add("last-error", s.lastErr)
	return a.list(), nil
}
