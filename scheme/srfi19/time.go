// SRFI-19 time objects: time types, leap seconds, arithmetic and conversions
// between UTC, TAI and monotonic time.

// Package srfi19 is SRFI-19, (srfi 19) or srfi-19: time and date types,
// current time in several time systems, time arithmetic, dates in the
// Gregorian calendar, Julian days, and date->string / string->date. Its time
// objects are the core's [scheme.Time], so SRFI-18's time procedures accept
// them.
package srfi19

import (
	_ "embed"
	"sort"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi19.scm
var source string

const spec = "srfi-19"

// The time types.
var (
	timeUTC       = scheme.Intern("time-utc")
	timeTAI       = scheme.Intern("time-tai")
	timeMonotonic = scheme.Intern("time-monotonic")
	timeDuration  = scheme.Intern("time-duration")
	timeProcess   = scheme.Intern("time-process")
	timeThread    = scheme.Intern("time-thread")
)

var timeTypes = []*scheme.Symbol{timeUTC, timeTAI, timeMonotonic, timeDuration, timeProcess, timeThread}

// start is when the process started (cpuTime's stand-in origin).
var start = time.Now()

// typeOf returns the time type of t.
func typeOf(t *scheme.Time) *scheme.Symbol {
	if t.Type == nil {
		return timeUTC
	}
	return t.Type
}

// TypeTimeType is the parameter type of time types.
var TypeTimeType = &scheme.Type{Name: "time type", Accept: func(v scheme.Value) bool {
	for _, t := range timeTypes {
		if v == scheme.Value(t) {
			return true
		}
	}
	return false
}}

// TypeTime is the parameter type of time objects.
var TypeTime = &scheme.Type{Name: "time", Accept: func(v scheme.Value) bool { _, ok := v.(*scheme.Time); return ok }}

// leapSeconds lists, for each change of TAI-UTC, the UTC second from which
// it holds and its new value (the IERS table up to 2017-01-01).
var leapSeconds = []struct{ from, offset int64 }{
	{63072000, 10}, {78796800, 11}, {94694400, 12}, {126230400, 13}, {157766400, 14},
	{189302400, 15}, {220924800, 16}, {252460800, 17}, {283996800, 18}, {315532800, 19},
	{362793600, 20}, {394329600, 21}, {425865600, 22}, {489024000, 23}, {567993600, 24},
	{631152000, 25}, {662688000, 26}, {709948800, 27}, {741484800, 28}, {773020800, 29},
	{820454400, 30}, {867715200, 31}, {915148800, 32}, {1136073600, 33}, {1230768000, 34},
	{1341100800, 35}, {1435708800, 36}, {1483228800, 37},
}

// utcToTAI returns TAI-UTC at the UTC second sec.
func utcToTAI(sec int64) int64 {
	i := sort.Search(len(leapSeconds), func(i int) bool { return leapSeconds[i].from > sec })
	if i == 0 {
		return 0
	}
	return leapSeconds[i-1].offset
}

// taiToUTC returns TAI-UTC at the TAI second sec.
func taiToUTC(sec int64) int64 {
	for i := len(leapSeconds) - 1; i >= 0; i-- {
		if sec-leapSeconds[i].offset >= leapSeconds[i].from {
			return leapSeconds[i].offset
		}
	}
	return 0
}

// leapTAI reports whether the TAI second sec is an inserted leap second,
// 23:59:60 UTC before a change of leapSeconds.
func leapTAI(sec int64) bool {
	for i := 1; i < len(leapSeconds); i++ {
		if prev := leapSeconds[i-1].offset; leapSeconds[i].offset > prev && sec == leapSeconds[i].from+prev {
			return true
		}
	}
	return false
}

func newTime(typ *scheme.Symbol, sec, nsec int64) *scheme.Time {
	return &scheme.Time{T: time.Unix(sec, nsec), Type: typ}
}

// convert returns t (of type from) as a time of type to.
func convert(t *scheme.Time, from, to *scheme.Symbol) (*scheme.Time, error) {
	if typeOf(t) != from {
		return nil, scheme.TypeError("", 1, from.Name, t)
	}
	sec, ns := t.T.Unix(), int64(t.T.Nanosecond())
	utc := from == timeUTC
	if utc && to != timeUTC {
		sec += utcToTAI(sec)
	} else if !utc && to == timeUTC {
		sec -= taiToUTC(sec)
	}
	return newTime(to, sec, ns), nil
}

func currentTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	typ := timeUTC
	if !scheme.IsDefault(a[0]) {
		typ = a[0].(*scheme.Symbol)
	}
	now := time.Now()
	switch typ {
	case timeUTC:
		return &scheme.Time{T: now, Type: timeUTC}, nil
	case timeTAI, timeMonotonic:
		return convert(&scheme.Time{T: now}, timeUTC, typ)
	case timeProcess, timeThread: // goroutines are not OS threads: the process's CPU time
		return newTime(typ, 0, int64(cpuTime())), nil
	}
	return nil, scheme.RangeError("", 1, "not a time type for current-time", a[0])
}

func timeResolution(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(1), nil
}

func makeTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newTime(a[0].(*scheme.Symbol), int64(a[2].(scheme.Fixnum)), int64(a[1].(scheme.Fixnum))), nil
}

func timeType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return typeOf(a[0].(*scheme.Time)), nil
}

func timeNanosecond(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*scheme.Time).T.Nanosecond()), nil
}

func timeSecond(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*scheme.Time).T.Unix()), nil
}

func setTimeTypeBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*scheme.Time).Type = a[1].(*scheme.Symbol)
	return scheme.Unspecified, nil
}

func setTimeNanosecondBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*scheme.Time)
	t.T = time.Unix(t.T.Unix(), int64(a[1].(scheme.Fixnum)))
	return scheme.Unspecified, nil
}

func setTimeSecondBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*scheme.Time)
	t.T = time.Unix(int64(a[1].(scheme.Fixnum)), int64(t.T.Nanosecond()))
	return scheme.Unspecified, nil
}

func copyTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := *a[0].(*scheme.Time)
	return &t, nil
}

// sameType returns the two time arguments, which must be of one type.
func sameType(a []scheme.Value) (t1, t2 *scheme.Time, err error) {
	t1, t2 = a[0].(*scheme.Time), a[1].(*scheme.Time)
	if typeOf(t1) != typeOf(t2) {
		return nil, nil, scheme.TypeError("", 2, typeOf(t1).Name, t2)
	}
	return t1, t2, nil
}

func compareTimes(a []scheme.Value, ok func(c int) bool) (scheme.Value, error) {
	t1, t2, err := sameType(a)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(ok(t1.T.Compare(t2.T))), nil
}

func timeLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compareTimes(a, func(c int) bool { return c <= 0 })
}

func timeLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compareTimes(a, func(c int) bool { return c < 0 })
}

func timeEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compareTimes(a, func(c int) bool { return c == 0 })
}

func timeGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compareTimes(a, func(c int) bool { return c >= 0 })
}

func timeGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compareTimes(a, func(c int) bool { return c > 0 })
}

// nanos returns t as nanoseconds from the epoch, as seconds and nanoseconds.
func parts(t *scheme.Time) (int64, int64) { return t.T.Unix(), int64(t.T.Nanosecond()) }

func difference(a []scheme.Value, into *scheme.Time) (scheme.Value, error) {
	t1, t2, err := sameType(a)
	if err != nil {
		return nil, err
	}
	s1, n1 := parts(t1)
	s2, n2 := parts(t2)
	d := newTime(timeDuration, s1-s2, n1-n2)
	if into == nil {
		return d, nil
	}
	*into = *d
	return into, nil
}

func timeDifference(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return difference(a, nil)
}

func timeDifferenceBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return difference(a, a[0].(*scheme.Time))
}

func addDur(a []scheme.Value, sign int64, into bool) (scheme.Value, error) {
	t, d := a[0].(*scheme.Time), a[1].(*scheme.Time)
	if typeOf(d) != timeDuration {
		return nil, scheme.TypeError("", 2, "time-duration", d)
	}
	s1, n1 := parts(t)
	s2, n2 := parts(d)
	r := newTime(typeOf(t), s1+sign*s2, n1+sign*n2)
	if into {
		*t = *r
		return t, nil
	}
	return r, nil
}

func addDuration(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addDur(a, 1, false)
}

func addDurationBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addDur(a, 1, true)
}

func subtractDuration(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addDur(a, -1, false)
}

func subtractDurationBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addDur(a, -1, true)
}

// converter makes the time-X->time-Y procedures; bang reuses the argument.
func converter(from, to *scheme.Symbol, bang bool) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		t := a[0].(*scheme.Time)
		r, err := convert(t, from, to)
		if err != nil || !bang {
			return r, err
		}
		*t = *r
		return t, nil
	}
}

func timeMonotonicToTimeTai(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeMonotonic, timeTAI, false)(th, a)
}

func timeMonotonicToTimeTaiBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeMonotonic, timeTAI, true)(th, a)
}

func timeMonotonicToTimeUtc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeMonotonic, timeUTC, false)(th, a)
}

func timeMonotonicToTimeUtcBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeMonotonic, timeUTC, true)(th, a)
}

func timeTaiToTimeMonotonic(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeTAI, timeMonotonic, false)(th, a)
}

func timeTaiToTimeMonotonicBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeTAI, timeMonotonic, true)(th, a)
}

func timeTaiToTimeUtc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeTAI, timeUTC, false)(th, a)
}

func timeTaiToTimeUtcBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeTAI, timeUTC, true)(th, a)
}

func timeUtcToTimeMonotonic(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeUTC, timeMonotonic, false)(th, a)
}

func timeUtcToTimeMonotonicBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeUTC, timeMonotonic, true)(th, a)
}

func timeUtcToTimeTai(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeUTC, timeTAI, false)(th, a)
}

func timeUtcToTimeTaiBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return converter(timeUTC, timeTAI, true)(th, a)
}
