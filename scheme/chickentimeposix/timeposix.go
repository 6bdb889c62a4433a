// CHICKEN's (chicken time posix): broken-down time vectors, strftime-style formatting and strptime-style parsing.

// Package chickentimeposix is the (chicken time posix) library: seconds
// since the epoch ↔ CHICKEN's ten-element time vectors #(seconds minutes
// hours mday month year wday yday dstflag timezone), formatted and parsed
// with the usual strftime/strptime conversions.
package chickentimeposix

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken time posix)"

// defaultFormat is string->time's default format, as the manual gives it.
const defaultFormat = "%a %b %e %H:%M:%S %Z %Y"

// asctimeFormat is time->string's default: asctime's form, as csi's and
// the manual's example ("Tue May 21 13:46:22 1991"; the manual also says
// the default has %Z, which csi does not print).
const asctimeFormat = "%a %b %e %H:%M:%S %Y"

var (
	timeVector = &scheme.Type{Name: "10-element time vector", Accept: func(v scheme.Value) bool {
		vec, ok := v.(*scheme.Vector)
		if !ok || len(vec.Items) != 10 {
			return false
		}
		for i, x := range vec.Items {
			if _, ok := x.(scheme.Fixnum); !ok && i != 8 {
				return false
			}
		}
		return true
	}}
	optSeconds = scheme.Opt("seconds", scheme.TypeNumber, nil)
)

var procs = []scheme.Proc{
	{Name: "seconds->local-time", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(optSeconds) },
		Doc: "The local time of seconds (default now) as a vector #(seconds minutes hours mday month year wday yday dstflag timezone): month from 0, year since 1900, timezone in seconds west of UTC.",
		Fn:  secondsToLocalTime},
	{Name: "seconds->utc-time", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(optSeconds) },
		Doc: "As seconds->local-time, in UTC.", Fn: secondsToUtcTime},
	{Name: "local-time->seconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("vector", timeVector)) },
		Doc: "The seconds since the epoch of the local time vector (a flonum; fields out of range are normalised, as mktime does).",
		Fn:  localTimeToSeconds},
	{Name: "utc-time->seconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("vector", timeVector)) },
		Doc: "The seconds since the epoch of the UTC time vector (a flonum).", Fn: utcTimeToSeconds},
	{Name: "local-timezone-abbreviation", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The abbreviation of the local time zone, e.g. \"CET\".", Fn: localTimezoneAbbreviation},
	{Name: "seconds->string", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(optSeconds) },
		Doc: "The local time of seconds (default now) as \"Tue May 21 13:46:22 1991\".", Fn: secondsToString},
	{Name: "time->string", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("vector", timeVector), scheme.Opt("format", scheme.TypeString, scheme.NewString(asctimeFormat)))
	},
		Doc: "The time vector formatted by format's strftime conversions (%a %A %b %B %c %C %d %D %e %F %g %G %H %I %j %k %l %m %M %n %p %R %s %S %t %T %u %U %V %w %W %y %Y %z %Z %%); default asctime's \"%a %b %e %H:%M:%S %Y\", as csi's.",
		Fn:  timeToString},
	{Name: "string->time", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("time", scheme.TypeString), scheme.Opt("format", scheme.TypeString, scheme.NewString(defaultFormat)))
	},
		Doc: "The time vector that the string gives by format's strptime conversions (%a %A %b %B %d %D %e %F %H %I %j %m %M %n %p %R %S %t %T %y %Y %z %Z %%; white space matches any white space), or #f when it does not match.",
		Fn:  stringToTime},
}

// Library is the (chicken time posix) binding table.
var Library = &scheme.Library{Name: "(chicken time posix)", Doc: "CHICKEN 5's (chicken time posix): time vectors, formatting and parsing.", Procs: procs}

func at(v scheme.Value) time.Time {
	if scheme.IsDefault(v) {
		return time.Now()
	}
	f := scheme.ToFloat(v)
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9))
}

// vectorOf breaks t down into a time vector.
func vectorOf(t time.Time) scheme.Value {
	_, off := t.Zone()
	f := func(n int) scheme.Value { return scheme.Fixnum(n) }
	return &scheme.Vector{Items: []scheme.Value{f(t.Second()), f(t.Minute()), f(t.Hour()), f(t.Day()), f(int(t.Month()) - 1),
		f(t.Year() - 1900), f(int(t.Weekday())), f(t.YearDay() - 1), scheme.MakeBool(t.IsDST()), f(-off)}}
}

// timeOf builds the time of a vector in loc (fields normalised).
func timeOf(v scheme.Value, loc *time.Location) time.Time {
	it := v.(*scheme.Vector).Items
	n := func(i int) int { return int(it[i].(scheme.Fixnum)) }
	return time.Date(n(5)+1900, time.Month(n(4)+1), n(3), n(2), n(1), n(0), 0, loc)
}

// secondsToLocalTime implements seconds->local-time.
func secondsToLocalTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return vectorOf(at(a[0]).Local()), nil
}

// secondsToUtcTime implements seconds->utc-time.
func secondsToUtcTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return vectorOf(at(a[0]).UTC()), nil
}

// seconds is t in seconds since the epoch, an exact integer as CHICKEN 5 returns it.
func seconds(t time.Time) scheme.Value { return scheme.Fixnum(t.Unix()) }

// localTimeToSeconds implements local-time->seconds.
func localTimeToSeconds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return seconds(timeOf(a[0], time.Local)), nil
}

// utcTimeToSeconds implements utc-time->seconds.
func utcTimeToSeconds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return seconds(timeOf(a[0], time.UTC)), nil
}

// localTimezoneAbbreviation implements local-timezone-abbreviation.
func localTimezoneAbbreviation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	name, _ := time.Now().Zone()
	return scheme.NewString(name), nil
}

// secondsToString implements seconds->string.
func secondsToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(strftime(at(a[0]).Local(), "%a %b %e %H:%M:%S %Y")), nil
}

// zoned returns the time of a vector in a fixed zone of its timezone field.
func zoned(v scheme.Value) time.Time {
	it := v.(*scheme.Vector).Items
	west := int(it[9].(scheme.Fixnum))
	t := timeOf(v, time.Local)
	if _, off := t.Zone(); off == -west {
		return t
	}
	if west == 0 {
		return timeOf(v, time.UTC)
	}
	return timeOf(v, time.FixedZone("", -west))
}

// timeToString implements time->string.
func timeToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(strftime(zoned(a[0]), a[1].(*scheme.String).String())), nil
}

// strftime formats t by the conversions of format.
func strftime(t time.Time, format string) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 >= len(format) {
			b.WriteByte(format[i])
			continue
		}
		i++
		switch format[i] {
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Format("Monday"))
		case 'b', 'h':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Format("January"))
		case 'c':
			b.WriteString(strftime(t, "%a %b %e %H:%M:%S %Y"))
		case 'C':
			fmt.Fprintf(&b, "%02d", t.Year()/100)
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'D':
			b.WriteString(strftime(t, "%m/%d/%y"))
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'F':
			b.WriteString(strftime(t, "%Y-%m-%d"))
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.Hour()+11)%12+1)
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'k':
			fmt.Fprintf(&b, "%2d", t.Hour())
		case 'l':
			fmt.Fprintf(&b, "%2d", (t.Hour()+11)%12+1)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'n':
			b.WriteByte('\n')
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'R':
			b.WriteString(strftime(t, "%H:%M"))
		case 's':
			b.WriteString(strconv.FormatInt(t.Unix(), 10))
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 't':
			b.WriteByte('\t')
		case 'T':
			b.WriteString(strftime(t, "%H:%M:%S"))
		case 'u':
			fmt.Fprintf(&b, "%d", (int(t.Weekday())+6)%7+1)
		case 'w':
			fmt.Fprintf(&b, "%d", int(t.Weekday()))
		case 'U': // week of the year, from the first Sunday
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-int(t.Weekday()))/7)
		case 'W': // week of the year, from the first Monday
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-(int(t.Weekday())+6)%7)/7)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", w)
		case 'G':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%d", y)
		case 'g':
			y, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", y%100)
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'Y':
			fmt.Fprintf(&b, "%d", t.Year())
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'Z':
			name, _ := t.Zone()
			if name == "" {
				name = t.Format("-0700")
			}
			b.WriteString(name)
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

// stringToTime implements string->time.
func stringToTime(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p := &parser{s: a[0].(*scheme.String).String(), year: 1900, mday: 1}
	if !p.parse(a[1].(*scheme.String).String()) {
		return scheme.False, nil
	}
	if p.pm && p.hour < 12 {
		p.hour += 12
	}
	loc := time.UTC
	if p.zoned {
		loc = time.FixedZone("", p.off)
	}
	t := time.Date(p.year, time.Month(p.mon+1), p.mday, p.hour, p.min, p.sec, 0, loc)
	if p.yday >= 0 && !p.hasDate {
		t = time.Date(p.year, 1, 1+p.yday, p.hour, p.min, p.sec, 0, loc)
	}
	v := vectorOf(t).(*scheme.Vector)
	if !p.zoned {
		v.Items[9] = scheme.Fixnum(0)
	}
	return v, nil
}

// parser reads a string by strptime conversions.
type parser struct {
	s                         string
	sec, min, hour, mday, mon int
	year, off                 int
	yday                      int
	pm, zoned, hasDate        bool
}

func (p *parser) num(max int) (int, bool) {
	i := 0
	for i < len(p.s) && i < max && p.s[i] >= '0' && p.s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, _ := strconv.Atoi(p.s[:i])
	p.s = p.s[i:]
	return n, true
}

func (p *parser) name(names []string) (int, bool) {
	for i, n := range names {
		if len(p.s) >= len(n) && strings.EqualFold(p.s[:len(n)], n) {
			p.s = p.s[len(n):]
			return i, true
		}
	}
	return 0, false
}

var (
	longDays    = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	shortDays   = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	longMonths  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	shortMonths = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func (p *parser) skipSpace() { p.s = strings.TrimLeftFunc(p.s, unicode.IsSpace) }

func (p *parser) parse(format string) bool {
	p.yday = -1
	for i := 0; i < len(format); i++ {
		c := format[i]
		if unicode.IsSpace(rune(c)) {
			p.skipSpace()
			continue
		}
		if c != '%' || i+1 >= len(format) {
			if p.s == "" || p.s[0] != c {
				return false
			}
			p.s = p.s[1:]
			continue
		}
		i++
		ok := true
		switch format[i] {
		case 'a', 'A':
			p.skipSpace()
			if _, ok = p.name(longDays); !ok {
				_, ok = p.name(shortDays)
			}
		case 'b', 'B', 'h':
			p.skipSpace()
			var m int
			if m, ok = p.name(longMonths); !ok {
				m, ok = p.name(shortMonths)
			}
			p.mon, p.hasDate = m, true
		case 'd', 'e':
			p.skipSpace()
			p.mday, ok = p.num(2)
			p.hasDate = true
		case 'H', 'I':
			p.skipSpace()
			p.hour, ok = p.num(2)
		case 'M':
			p.min, ok = p.num(2)
		case 'S':
			p.sec, ok = p.num(2)
		case 'm':
			p.skipSpace()
			var m int
			m, ok = p.num(2)
			p.mon, p.hasDate = m-1, true
		case 'j':
			var d int
			d, ok = p.num(3)
			p.yday = d - 1
		case 'y':
			var y int
			y, ok = p.num(2)
			p.year = 1900 + y
			if y < 69 {
				p.year = 2000 + y
			}
		case 'Y':
			p.skipSpace()
			p.year, ok = p.num(4)
		case 'p':
			p.skipSpace()
			var k int
			k, ok = p.name([]string{"AM", "PM"})
			p.pm = k == 1
		case 'T':
			ok = p.parse("%H:%M:%S")
		case 'R':
			ok = p.parse("%H:%M")
		case 'D':
			ok = p.parse("%m/%d/%y")
		case 'F':
			ok = p.parse("%Y-%m-%d")
		case 'z':
			p.skipSpace()
			ok = len(p.s) >= 5 && (p.s[0] == '+' || p.s[0] == '-')
			if ok {
				sign := p.s[0]
				p.s = p.s[1:]
				var hm int
				hm, ok = p.num(4)
				p.off, p.zoned = (hm/100*3600 + hm%100*60), true
				if sign == '-' {
					p.off = -p.off
				}
			}
		case 'Z':
			p.skipSpace()
			j := 0
			for j < len(p.s) && (unicode.IsLetter(rune(p.s[j])) || p.s[j] == '+' || p.s[j] == '-' || unicode.IsDigit(rune(p.s[j]))) {
				j++
			}
			zone := p.s[:j]
			p.s = p.s[j:]
			if zone == "UTC" || zone == "GMT" || zone == "Z" {
				p.zoned, p.off = true, 0
			}
		case 'n', 't':
			p.skipSpace()
		case '%':
			ok = p.s != "" && p.s[0] == '%'
			if ok {
				p.s = p.s[1:]
			}
		default:
			return false
		}
		if !ok {
			return false
		}
	}
	return true
}
