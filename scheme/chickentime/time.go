// CHICKEN's (chicken time): cpu-time, current-process-milliseconds, current-seconds and the time macro.

// Package chickentime is the (chicken time) library: process and wall-clock
// time, and the time macro (Scheme, time.scm) reporting on the current
// error port.
package chickentime

import (
	_ "embed"
	"fmt"
	"runtime"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken time)"

//go:embed time.scm
var source string

var procs = []scheme.Proc{
	{Name: "cpu-time", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The CPU time used by the process in milliseconds, as two values: user time and system time.",
		Fn:  cpuTime},
	{Name: "current-process-milliseconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The number of milliseconds since the process started.",
		Fn:  currentProcessMilliseconds},
	{Name: "current-milliseconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Same as current-process-milliseconds (the name of CHICKEN 5.0 to 5.2, deprecated since).",
		Fn:  currentProcessMilliseconds},
	{Name: "current-seconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The number of whole seconds since midnight, January 1, 1970 UTC (an exact integer, as csi's).",
		Fn:  currentSeconds},
	{Name: "%time-report", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("thunk", scheme.TypeProcedure)) },
		Doc: "The procedure behind the time macro: calls thunk, writes the elapsed real and CPU time and the garbage collections to the current error port and returns thunk's values.",
		Fn:  internalTimeReport},
	{Name: "time", Spec: spec, Sig: "syntax (time exp1 ...)", Args: scheme.Params{Rest: "exp"},
		Doc: "Evaluates the exps, writes the elapsed real and CPU time and the number of garbage collections to the current error port, and returns the values of the last exp."},
}

// Library is the (chicken time) binding table.
var Library = &scheme.Library{Name: "(chicken time)", Doc: "CHICKEN 5's (chicken time): process and wall-clock time, and the time macro.", Procs: procs,
	Source: scheme.LibrarySource("time.scm", source)}

func cpuMillis() (user, sys int64) {
	u, s, _ := scheme.ProcessCPUTime()
	return u.Milliseconds(), s.Milliseconds()
}

// cpuTime implements cpu-time.
func cpuTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	u, s := cpuMillis()
	return scheme.Values(scheme.Fixnum(u), scheme.Fixnum(s)), nil
}

// currentProcessMilliseconds implements current-process-milliseconds.
func currentProcessMilliseconds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(time.Since(scheme.ProcessStart).Milliseconds()), nil
}

// currentSeconds implements current-seconds.
func currentSeconds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(time.Now().Unix()), nil
}

// internalTimeReport implements %time-report.
func internalTimeReport(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	u0, s0 := cpuMillis()
	t0 := time.Now()
	v, err := th.Call(a[0])
	if err != nil {
		return nil, err
	}
	real := time.Since(t0)
	u1, s1 := cpuMillis()
	runtime.ReadMemStats(&after)
	msg := fmt.Sprintf("%.3fs CPU time (%.3fs user, %.3fs system), %.3fs real time, %d GCs, %d bytes allocated\n",
		float64(u1-u0+s1-s0)/1e3, float64(u1-u0)/1e3, float64(s1-s0)/1e3, real.Seconds(),
		after.NumGC-before.NumGC, after.TotalAlloc-before.TotalAlloc)
	if p, ok := th.Param(scheme.CurrentErrorPort).(*scheme.Port); ok {
		if err := p.Write(th.Context(), []byte(msg)); err != nil {
			return nil, err
		}
		if err := p.Flush(th.Context()); err != nil {
			return nil, err
		}
	}
	return v, nil
}
