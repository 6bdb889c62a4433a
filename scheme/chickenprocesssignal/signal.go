// CHICKEN's (chicken process signal): signal codes, Scheme signal handlers, alarms and an emulated signal mask.

// Package chickenprocesssignal is the (chicken process signal) library.
// A handler set with set-signal-handler! runs on a fresh Scheme thread of
// its interpreter when the signal arrives (CHICKEN leaves the thread
// unspecified); #f ignores the signal. Go programs cannot block signals per
// thread, so the signal mask is emulated: a masked signal is held and
// handled when unmasked. set-alarm! raises signal/alrm for the handler
// in-process, without a real SIGALRM.
package chickenprocesssignal

import (
	"context"
	"os"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken process signal)"

// signals are the bindings of the signal codes, in the manual's order
// (signal/break is Windows only: 0): a literal, laid out by the compiler,
// where building the docs cost every start.
var signals = []scheme.Binding{
	{Name: "signal/term", Spec: spec, Doc: "The code of term (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGTERM)},
	{Name: "signal/kill", Spec: spec, Doc: "The code of kill (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGKILL)},
	{Name: "signal/int", Spec: spec, Doc: "The code of int (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGINT)},
	{Name: "signal/hup", Spec: spec, Doc: "The code of hup (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGHUP)},
	{Name: "signal/fpe", Spec: spec, Doc: "The code of fpe (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGFPE)},
	{Name: "signal/ill", Spec: spec, Doc: "The code of ill (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGILL)},
	{Name: "signal/segv", Spec: spec, Doc: "The code of segv (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGSEGV)},
	{Name: "signal/abrt", Spec: spec, Doc: "The code of abrt (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGABRT)},
	{Name: "signal/trap", Spec: spec, Doc: "The code of trap (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGTRAP)},
	{Name: "signal/quit", Spec: spec, Doc: "The code of quit (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGQUIT)},
	{Name: "signal/alrm", Spec: spec, Doc: "The code of alrm (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGALRM)},
	{Name: "signal/vtalrm", Spec: spec, Doc: "The code of vtalrm (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGVTALRM)},
	{Name: "signal/prof", Spec: spec, Doc: "The code of prof (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGPROF)},
	{Name: "signal/io", Spec: spec, Doc: "The code of io (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGIO)},
	{Name: "signal/urg", Spec: spec, Doc: "The code of urg (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGURG)},
	{Name: "signal/chld", Spec: spec, Doc: "The code of chld (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGCHLD)},
	{Name: "signal/cont", Spec: spec, Doc: "The code of cont (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGCONT)},
	{Name: "signal/stop", Spec: spec, Doc: "The code of stop (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGSTOP)},
	{Name: "signal/tstp", Spec: spec, Doc: "The code of tstp (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGTSTP)},
	{Name: "signal/pipe", Spec: spec, Doc: "The code of pipe (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGPIPE)},
	{Name: "signal/xcpu", Spec: spec, Doc: "The code of xcpu (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGXCPU)},
	{Name: "signal/xfsz", Spec: spec, Doc: "The code of xfsz (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGXFSZ)},
	{Name: "signal/usr1", Spec: spec, Doc: "The code of usr1 (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGUSR1)},
	{Name: "signal/usr2", Spec: spec, Doc: "The code of usr2 (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGUSR2)},
	{Name: "signal/bus", Spec: spec, Doc: "The code of bus (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGBUS)},
	{Name: "signal/winch", Spec: spec, Doc: "The code of winch (0 when the platform lacks it).", Value: scheme.Fixnum(syscall.SIGWINCH)},
	{Name: "signal/break", Spec: spec, Doc: "The code of break (0 when the platform lacks it).", Value: scheme.Fixnum(0)},
}

// values are the library's values: the signal codes and signals-list.
func values() []scheme.Binding {
	var all []scheme.Value
	for _, b := range signals {
		if b.Value != scheme.Fixnum(0) {
			all = append(all, b.Value)
		}
	}
	return append(signals[:len(signals):len(signals)], scheme.Binding{Name: "signals-list", Spec: spec, Doc: "The codes of the signals the platform has.", Value: scheme.List(all...)})
}

var (
	signum  = &scheme.Type{Name: "signal code", Accept: func(v scheme.Value) bool { n, ok := v.(scheme.Fixnum); return ok && n > 0 && n < 65 }}
	handler = scheme.OrFalse(scheme.TypeProcedure)
)

var procs = []scheme.Proc{
	{Name: "set-signal-handler!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("signum", signum), scheme.Req("proc", handler)) },
		Doc: "Makes proc, a procedure of the signal code, the handler of the signal (run on a fresh thread when it arrives); #f removes the handler and ignores the signal.",
		Fn:  setSignalHandlerBang},
	{Name: "signal-handler", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("signum", signum)) },
		Doc: "The handler of the signal, or #f.", Fn: signalHandler},
	{Name: "set-alarm!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("seconds", scheme.TypeNumber)) },
		Doc: "Raises signal/alrm for its handler after seconds (0 cancels the alarm); returns the seconds that were left of the previous alarm.",
		Fn:  setAlarmBang},
	{Name: "set-signal-mask!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("siglist", scheme.TypeList)) },
		Doc: "Masks exactly the signals of siglist: their handlers wait until they are unmasked.", Fn: setSignalMaskBang},
	{Name: "signal-mask", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The list of the masked signals.", Fn: signalMask},
	{Name: "signal-masked?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("signum", signum)) },
		Doc: "Is the signal masked?", Fn: signalMaskedP},
	{Name: "signal-mask!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("signum", signum)) },
		Doc: "Masks the signal: its handler waits until it is unmasked.", Fn: signalMaskBang},
	{Name: "signal-unmask!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("signum", signum)) },
		Doc: "Unmasks the signal, running its handler for the deliveries held meanwhile.", Fn: signalUnmaskBang},
}

// Library is the (chicken process signal) binding table.
var Library = &scheme.Library{Name: "(chicken process signal)", Doc: "CHICKEN 5's (chicken process signal): signal handlers, alarms and masks.", Procs: procs, Values: values()}

// dispatcher is an interpreter's signal state: handlers, mask, held
// signals, alarm, and the goroutine delivering os/signal notifications.
type dispatcher struct {
	in       *scheme.Interp
	mu       sync.Mutex
	handlers map[syscall.Signal]scheme.Value
	masked   map[syscall.Signal]bool
	held     []syscall.Signal
	ch       chan os.Signal
	alarm    *time.Timer
	alarmAt  time.Time
}

type dispatcherKey struct{}

func dispatch(th *scheme.Thread) *dispatcher {
	in := th.Interp()
	return in.HostData(dispatcherKey{}, func() any {
		return &dispatcher{in: in, handlers: map[syscall.Signal]scheme.Value{}, masked: map[syscall.Signal]bool{}}
	}).(*dispatcher)
}

// start begins delivering notifications (caller holds d.mu); the goroutine
// ends when the interpreter is closed.
func (d *dispatcher) start() {
	if d.ch != nil {
		return
	}
	d.ch = make(chan os.Signal, 16)
	ch := d.ch
	go func() {
		for {
			select {
			case s := <-ch:
				d.deliver(s.(syscall.Signal))
			case <-d.in.Done():
				signal.Stop(ch)
				return
			}
		}
	}()
}

// deliver runs the handler of sig, or holds sig while it is masked.
func (d *dispatcher) deliver(sig syscall.Signal) {
	d.mu.Lock()
	if d.masked[sig] {
		d.held = append(d.held, sig)
		d.mu.Unlock()
		return
	}
	h := d.handlers[sig]
	d.mu.Unlock()
	if h != nil {
		_, _ = d.in.Apply(context.Background(), h, scheme.Fixnum(sig))
	}
}

// setSignalHandlerBang implements set-signal-handler!.
func setSignalHandlerBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	sig := syscall.Signal(a[0].(scheme.Fixnum))
	d := dispatch(th)
	d.mu.Lock()
	defer d.mu.Unlock()
	if a[1] == scheme.Value(scheme.False) {
		delete(d.handlers, sig)
		if sig != syscall.SIGALRM {
			signal.Ignore(sig)
		}
		return scheme.Unspecified, nil
	}
	d.handlers[sig] = a[1]
	d.start()
	if sig != syscall.SIGKILL && sig != syscall.SIGSTOP {
		signal.Notify(d.ch, sig)
	}
	return scheme.Unspecified, nil
}

// signalHandler implements signal-handler.
func signalHandler(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := dispatch(th)
	d.mu.Lock()
	defer d.mu.Unlock()
	if h, ok := d.handlers[syscall.Signal(a[0].(scheme.Fixnum))]; ok {
		return h, nil
	}
	return scheme.False, nil
}

// setAlarmBang implements set-alarm!.
func setAlarmBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := dispatch(th)
	secs := scheme.ToFloat(a[0])
	d.mu.Lock()
	defer d.mu.Unlock()
	left := 0
	if d.alarm != nil && d.alarm.Stop() {
		left = int(time.Until(d.alarmAt).Seconds() + 0.5)
	}
	d.alarm = nil
	if secs > 0 {
		dur := time.Duration(secs * float64(time.Second))
		d.alarmAt = time.Now().Add(dur)
		d.alarm = time.AfterFunc(dur, func() {
			select {
			case <-d.in.Done():
			default:
				d.deliver(syscall.SIGALRM)
			}
		})
	}
	return scheme.Fixnum(left), nil
}

func (d *dispatcher) setMasked(sigs []syscall.Signal, only bool) []syscall.Signal {
	d.mu.Lock()
	if only {
		clear(d.masked)
	}
	for _, s := range sigs {
		d.masked[s] = true
	}
	var release []syscall.Signal
	kept := d.held[:0]
	for _, s := range d.held {
		if d.masked[s] {
			kept = append(kept, s)
		} else {
			release = append(release, s)
		}
	}
	d.held = kept
	d.mu.Unlock()
	return release
}

func (d *dispatcher) release(sigs []syscall.Signal) {
	for _, s := range sigs {
		d.deliver(s)
	}
}

// setSignalMaskBang implements set-signal-mask!.
func setSignalMaskBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, _ := scheme.ListToSlice(a[0])
	var sigs []syscall.Signal
	for _, it := range items {
		if !signum.Accept(it) {
			return nil, scheme.TypeError("set-signal-mask!", 1, "list of signal codes", a[0])
		}
		sigs = append(sigs, syscall.Signal(it.(scheme.Fixnum)))
	}
	d := dispatch(th)
	d.release(d.setMasked(sigs, true))
	return scheme.Unspecified, nil
}

// signalMask implements signal-mask.
func signalMask(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := dispatch(th)
	d.mu.Lock()
	var out []int
	for s, on := range d.masked {
		if on {
			out = append(out, int(s))
		}
	}
	d.mu.Unlock()
	slices.Sort(out)
	vals := make([]scheme.Value, len(out))
	for i, s := range out {
		vals[i] = scheme.Fixnum(s)
	}
	return scheme.List(vals...), nil
}

// signalMaskedP implements signal-masked?.
func signalMaskedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := dispatch(th)
	d.mu.Lock()
	defer d.mu.Unlock()
	return scheme.MakeBool(d.masked[syscall.Signal(a[0].(scheme.Fixnum))]), nil
}

// signalMaskBang implements signal-mask!.
func signalMaskBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	dispatch(th).setMasked([]syscall.Signal{syscall.Signal(a[0].(scheme.Fixnum))}, false)
	return scheme.Unspecified, nil
}

// signalUnmaskBang implements signal-unmask!.
func signalUnmaskBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d := dispatch(th)
	d.mu.Lock()
	delete(d.masked, syscall.Signal(a[0].(scheme.Fixnum)))
	d.mu.Unlock()
	d.release(d.setMasked(nil, false))
	return scheme.Unspecified, nil
}
