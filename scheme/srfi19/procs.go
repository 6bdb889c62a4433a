// The (srfi 19) binding table.

package srfi19

import "github.com/tlsport/tlsport/scheme"

var (
	req  = scheme.Req
	opt  = scheme.Opt
	tm   = TypeTime
	dt   = TypeDate
	ttyp = TypeTimeType
	ix   = scheme.TypeFixnum
	str  = scheme.TypeString
)

func lambda1(name string, t *scheme.Type) scheme.Params { return scheme.Lambda(req(name, t)) }

func tzOpt() scheme.Param { return opt("tz-offset", ix, nil) }

// Library is the (srfi 19) binding table. The Julian Day conversions are
// written in Scheme in srfi19.scm (rows without Fn).
var Library = &scheme.Library{Name: "(srfi 19)", Doc: "SRFI-19: time data types and procedures.", Source: scheme.LibrarySource("srfi19.scm", source),
	Values: []scheme.Binding{
		{Name: "time-duration", Spec: spec, Doc: "The time type of durations.", Value: timeDuration},
		{Name: "time-monotonic", Spec: spec, Doc: "The time type of monotonic time (TAI here).", Value: timeMonotonic},
		{Name: "time-process", Spec: spec, Doc: "The time type of the CPU time the process has used.", Value: timeProcess},
		{Name: "time-tai", Spec: spec, Doc: "The time type of International Atomic Time.", Value: timeTAI},
		{Name: "time-thread", Spec: spec, Doc: "The time type of the CPU time of the thread (the process's: Scheme threads are goroutines).", Value: timeThread},
		{Name: "time-utc", Spec: spec, Doc: "The time type of Universal Coordinated Time.", Value: timeUTC},
	},
	Procs: []scheme.Proc{
		{Name: "current-date", Spec: spec, Doc: "The current date, in the zone tz-offset seconds east of UTC (default the local zone).", LazyArgs: func() scheme.Params { return scheme.Lambda(tzOpt()) }, Fn: currentDate},
		{Name: "current-julian-day", Spec: spec, Sig: "(current-julian-day)", Doc: "The current Julian Day."},
		{Name: "current-modified-julian-day", Spec: spec, Sig: "(current-modified-julian-day)", Doc: "The current Modified Julian Day."},
		{Name: "current-time", Spec: spec, Doc: "The current time of time-type (default time-utc; SRFI-18's current-time is this with no argument).", LazyArgs: func() scheme.Params { return scheme.Lambda(opt("time-type", ttyp, nil)) }, Fn: currentTime},
		{Name: "time-resolution", Spec: spec, Doc: "The resolution, in nanoseconds, of the clock of time-type (default time-utc).", LazyArgs: func() scheme.Params { return scheme.Lambda(opt("time-type", ttyp, nil)) }, Fn: timeResolution},
		{Name: "make-time", Spec: spec, Doc: "A time of type with the given nanosecond and second.", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("type", ttyp), req("nanosecond", ix), req("second", ix))
		}, Fn: makeTime},
		{Name: "time-type", Spec: spec, Doc: "The time type of time.", LazyArgs: func() scheme.Params { return lambda1("time", tm) }, Fn: timeType},
		{Name: "time-nanosecond", Spec: spec, Doc: "The nanosecond part of time.", LazyArgs: func() scheme.Params { return lambda1("time", tm) }, Fn: timeNanosecond},
		{Name: "time-second", Spec: spec, Doc: "The whole seconds of time since the epoch.", LazyArgs: func() scheme.Params { return lambda1("time", tm) }, Fn: timeSecond},
		{Name: "set-time-type!", Spec: spec, Doc: "Changes the time type of time (not a conversion).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time", tm), req("time-type", ttyp)) }, Fn: setTimeTypeBang},
		{Name: "set-time-nanosecond!", Spec: spec, Doc: "Changes the nanosecond part of time.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time", tm), req("integer", ix)) }, Fn: setTimeNanosecondBang},
		{Name: "set-time-second!", Spec: spec, Doc: "Changes the seconds of time.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time", tm), req("integer", ix)) }, Fn: setTimeSecondBang},
		{Name: "copy-time", Spec: spec, Doc: "A new time with the type, nanosecond and second of time1.", LazyArgs: func() scheme.Params { return lambda1("time1", tm) }, Fn: copyTime},
		{Name: "time<=?", Spec: spec, Doc: "Is time1 before or at time2 (of the same type)?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeLeP},
		{Name: "time<?", Spec: spec, Doc: "Is time1 before time2?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeLtP},
		{Name: "time=?", Spec: spec, Doc: "Is time1 at time2?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeEqP},
		{Name: "time>=?", Spec: spec, Doc: "Is time1 at or after time2?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeGeP},
		{Name: "time>?", Spec: spec, Doc: "Is time1 after time2?", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeGtP},
		{Name: "time-difference", Spec: spec, Doc: "The time-duration time1 - time2 (of the same type), a new time.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeDifference},
		{Name: "time-difference!", Spec: spec, Doc: "time-difference, stored in time1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time2", tm)) }, Fn: timeDifferenceBang},
		{Name: "add-duration", Spec: spec, Doc: "time1 plus time-duration, a new time of time1's type.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time-duration", tm)) }, Fn: addDuration},
		{Name: "add-duration!", Spec: spec, Doc: "add-duration, stored in time1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time-duration", tm)) }, Fn: addDurationBang},
		{Name: "subtract-duration", Spec: spec, Doc: "time1 minus time-duration, a new time of time1's type.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time-duration", tm)) }, Fn: subtractDuration},
		{Name: "subtract-duration!", Spec: spec, Doc: "subtract-duration, stored in time1.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time1", tm), req("time-duration", tm)) }, Fn: subtractDurationBang},
		{Name: "make-date", Spec: spec, Doc: "A date; zone-offset is in seconds east of UTC.", LazyArgs: func() scheme.Params {
			return scheme.Lambda(req("nanosecond", ix), req("second", ix), req("minute", ix), req("hour", ix), req("day", ix), req("month", ix), req("year", ix), req("zone-offset", ix))
		}, Fn: makeDate},
		{Name: "date?", Spec: spec, Doc: "Is obj a date?", LazyArgs: func() scheme.Params { return lambda1("obj", nil) }, Fn: dateP},
		{Name: "date-nanosecond", Spec: spec, Doc: "The nanosecond of date.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateNanosecond},
		{Name: "date-second", Spec: spec, Doc: "The second of date (0-60).", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateSecond},
		{Name: "date-minute", Spec: spec, Doc: "The minute of date.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateMinute},
		{Name: "date-hour", Spec: spec, Doc: "The hour of date.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateHour},
		{Name: "date-day", Spec: spec, Doc: "The day of the month of date.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateDay},
		{Name: "date-month", Spec: spec, Doc: "The month of date (1 is January).", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateMonth},
		{Name: "date-year", Spec: spec, Doc: "The year of date.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateYear},
		{Name: "date-zone-offset", Spec: spec, Doc: "The time-zone offset of date, seconds east of UTC.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateZoneOffset},
		{Name: "date-year-day", Spec: spec, Doc: "The ordinal day of the year of date (January 1 is 1).", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateYearDay},
		{Name: "date-week-day", Spec: spec, Doc: "The day of the week of date (Sunday is 0).", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateWeekDay},
		{Name: "date-week-number", Spec: spec, Doc: "The ordinal week of the year of date, ignoring a first partial week, weeks starting on day-of-week-starting-week (Sunday 0).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("date", dt), req("day-of-week-starting-week", ix)) }, Fn: dateWeekNumber},
		{Name: "date->julian-day", Spec: spec, Sig: "(date->julian-day date)", Doc: "The Julian Day of date."},
		{Name: "date->modified-julian-day", Spec: spec, Sig: "(date->modified-julian-day date)", Doc: "The Modified Julian Day of date."},
		{Name: "date->time-monotonic", Spec: spec, Doc: "date as monotonic time.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateToTimeMonotonic},
		{Name: "date->time-tai", Spec: spec, Doc: "date as TAI time.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateToTimeTai},
		{Name: "date->time-utc", Spec: spec, Doc: "date as UTC time.", LazyArgs: func() scheme.Params { return lambda1("date", dt) }, Fn: dateToTimeUtc},
		{Name: "julian-day->date", Spec: spec, Sig: "(julian-day->date jd [tz-offset])", Doc: "The date of Julian Day jd in zone tz-offset (default local)."},
		{Name: "julian-day->time-monotonic", Spec: spec, Sig: "(julian-day->time-monotonic jd)", Doc: "Julian Day jd as monotonic time."},
		{Name: "julian-day->time-tai", Spec: spec, Sig: "(julian-day->time-tai jd)", Doc: "Julian Day jd as TAI time."},
		{Name: "julian-day->time-utc", Spec: spec, Sig: "(julian-day->time-utc jd)", Doc: "Julian Day jd as UTC time."},
		{Name: "modified-julian-day->date", Spec: spec, Sig: "(modified-julian-day->date mjd [tz-offset])", Doc: "The date of Modified Julian Day mjd in zone tz-offset (default local)."},
		{Name: "modified-julian-day->time-monotonic", Spec: spec, Sig: "(modified-julian-day->time-monotonic mjd)", Doc: "Modified Julian Day mjd as monotonic time."},
		{Name: "modified-julian-day->time-tai", Spec: spec, Sig: "(modified-julian-day->time-tai mjd)", Doc: "Modified Julian Day mjd as TAI time."},
		{Name: "modified-julian-day->time-utc", Spec: spec, Sig: "(modified-julian-day->time-utc mjd)", Doc: "Modified Julian Day mjd as UTC time."},
		{Name: "time-monotonic->date", Spec: spec, Doc: "The date of a monotonic time in zone tz-offset (default local).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time-monotonic", tm), tzOpt()) }, Fn: timeMonotonicToDate},
		{Name: "time-monotonic->julian-day", Spec: spec, Sig: "(time-monotonic->julian-day time-monotonic)", Doc: "The Julian Day of a monotonic time."},
		{Name: "time-monotonic->modified-julian-day", Spec: spec, Sig: "(time-monotonic->modified-julian-day time-monotonic)", Doc: "The Modified Julian Day of a monotonic time."},
		{Name: "time-monotonic->time-tai", Spec: spec, Doc: "A monotonic time as TAI time.", LazyArgs: func() scheme.Params { return lambda1("time-monotonic", tm) }, Fn: timeMonotonicToTimeTai},
		{Name: "time-monotonic->time-tai!", Spec: spec, Doc: "time-monotonic->time-tai, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-monotonic", tm) }, Fn: timeMonotonicToTimeTaiBang},
		{Name: "time-monotonic->time-utc", Spec: spec, Doc: "A monotonic time as UTC time.", LazyArgs: func() scheme.Params { return lambda1("time-monotonic", tm) }, Fn: timeMonotonicToTimeUtc},
		{Name: "time-monotonic->time-utc!", Spec: spec, Doc: "time-monotonic->time-utc, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-monotonic", tm) }, Fn: timeMonotonicToTimeUtcBang},
		{Name: "time-tai->date", Spec: spec, Doc: "The date of a TAI time in zone tz-offset (default local).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time-tai", tm), tzOpt()) }, Fn: timeTaiToDate},
		{Name: "time-tai->julian-day", Spec: spec, Sig: "(time-tai->julian-day time-tai)", Doc: "The Julian Day of a TAI time."},
		{Name: "time-tai->modified-julian-day", Spec: spec, Sig: "(time-tai->modified-julian-day time-tai)", Doc: "The Modified Julian Day of a TAI time."},
		{Name: "time-tai->time-monotonic", Spec: spec, Doc: "A TAI time as monotonic time.", LazyArgs: func() scheme.Params { return lambda1("time-tai", tm) }, Fn: timeTaiToTimeMonotonic},
		{Name: "time-tai->time-monotonic!", Spec: spec, Doc: "time-tai->time-monotonic, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-tai", tm) }, Fn: timeTaiToTimeMonotonicBang},
		{Name: "time-tai->time-utc", Spec: spec, Doc: "A TAI time as UTC time (by the leap-second table).", LazyArgs: func() scheme.Params { return lambda1("time-tai", tm) }, Fn: timeTaiToTimeUtc},
		{Name: "time-tai->time-utc!", Spec: spec, Doc: "time-tai->time-utc, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-tai", tm) }, Fn: timeTaiToTimeUtcBang},
		{Name: "time-utc->date", Spec: spec, Doc: "The date of a UTC time in zone tz-offset (default local).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("time-utc", tm), tzOpt()) }, Fn: timeUtcToDate},
		{Name: "time-utc->julian-day", Spec: spec, Sig: "(time-utc->julian-day time-utc)", Doc: "The Julian Day of a UTC time."},
		{Name: "time-utc->modified-julian-day", Spec: spec, Sig: "(time-utc->modified-julian-day time-utc)", Doc: "The Modified Julian Day of a UTC time."},
		{Name: "time-utc->time-monotonic", Spec: spec, Doc: "A UTC time as monotonic time.", LazyArgs: func() scheme.Params { return lambda1("time-utc", tm) }, Fn: timeUtcToTimeMonotonic},
		{Name: "time-utc->time-monotonic!", Spec: spec, Doc: "time-utc->time-monotonic, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-utc", tm) }, Fn: timeUtcToTimeMonotonicBang},
		{Name: "time-utc->time-tai", Spec: spec, Doc: "A UTC time as TAI time (by the leap-second table).", LazyArgs: func() scheme.Params { return lambda1("time-utc", tm) }, Fn: timeUtcToTimeTai},
		{Name: "time-utc->time-tai!", Spec: spec, Doc: "time-utc->time-tai, reusing the time.", LazyArgs: func() scheme.Params { return lambda1("time-utc", tm) }, Fn: timeUtcToTimeTaiBang},
		{Name: "date->string", Spec: spec, Doc: "date formatted by format-string (default \"~c\"): ~ directives as SRFI-19's Table 1 (~a ~A ~b ~B ~c ~d ~D ~e ~f ~h ~H ~I ~j ~k ~l ~m ~M ~n ~N ~p ~r ~s ~S ~t ~T ~U ~V ~w ~W ~x ~X ~y ~Y ~z ~1-~5, ~~).", LazyArgs: func() scheme.Params { return scheme.Lambda(req("date", dt), opt("format-string", str, nil)) }, Fn: dateToString},
		{Name: "string->date", Spec: spec, Doc: "The date read from input-string by template-string: ~ directives as SRFI-19's Table 2 (~a ~A ~b ~B ~d ~e ~h ~H ~k ~m ~M ~S ~y ~Y ~z, ~~); it must read day, month and year.", LazyArgs: func() scheme.Params { return scheme.Lambda(req("input-string", str), req("template-string", str)) }, Fn: stringToDate},
	}}
