// SRFI-19 dates: the Date type, conversions between dates and times, and
// date->string / string->date with their format directives.

package srfi19

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/tlsport/tlsport/scheme"
)

// Date is an immutable SRFI-19 date: a point in the Gregorian calendar with
// a time-zone offset in seconds east of UTC.
type Date struct {
	Nanosecond, Second, Minute, Hour, Day, Month, Year, ZoneOffset int
}

// TypeName implements Value.
func (*Date) TypeName() string { return "date" }

// Repr implements Repr.
func (d *Date) Repr() string { return "#<date " + d.format("~4") + ">" }

// TypeDate is the parameter type of dates.
var TypeDate = &scheme.Type{Name: "date", Accept: func(v scheme.Value) bool { _, ok := v.(*Date); return ok }}

// goTime returns the date as a Go time in its zone.
func (d *Date) goTime() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond,
		time.FixedZone("", d.ZoneOffset))
}

// dateOf returns the date of the Go time t at zone offset tz.
func dateOf(t time.Time, tz int) *Date {
	t = t.In(time.FixedZone("", tz))
	return &Date{Nanosecond: t.Nanosecond(), Second: t.Second(), Minute: t.Minute(), Hour: t.Hour(),
		Day: t.Day(), Month: int(t.Month()), Year: t.Year(), ZoneOffset: tz}
}

// localOffset is the local zone's offset at t.
func localOffset(t time.Time) int {
	_, off := t.Zone()
	return off
}

// tzArg returns the optional tz-offset argument, the local offset at t by
// default.
func tzArg(v scheme.Value, t time.Time) int {
	if n, ok := v.(scheme.Fixnum); ok {
		return int(n)
	}
	return localOffset(t)
}

func ints(a []scheme.Value) []int {
	out := make([]int, len(a))
	for i, v := range a {
		out[i] = int(v.(scheme.Fixnum))
	}
	return out
}

func makeDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n := ints(a)
	d := &Date{Nanosecond: n[0], Second: n[1], Minute: n[2], Hour: n[3], Day: n[4], Month: n[5], Year: n[6], ZoneOffset: n[7]}
	if i := d.invalid(); i >= 0 {
		return nil, scheme.RangeError("", i+1, "date component out of range", a[i])
	}
	return d, nil
}

// limits are the ranges SRFI-19 gives the components of a date, in
// make-date's argument order (the year is free; the zone within a day).
var limits = [][2]int{{0, 999999999}, {0, 60}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {math.MinInt, math.MaxInt}, {-86400, 86400}}

// invalid returns the index (in make-date's order) of a component out of
// its range, or -1.
func (d *Date) invalid() int {
	for i, v := range []int{d.Nanosecond, d.Second, d.Minute, d.Hour, d.Day, d.Month, d.Year, d.ZoneOffset} {
		if v < limits[i][0] || v > limits[i][1] {
			return i
		}
	}
	return -1
}

func dateP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*Date](a[0]), nil
}

func field(a []scheme.Value, f func(d *Date) int) (scheme.Value, error) {
	return scheme.Fixnum(f(a[0].(*Date))), nil
}

func dateNanosecond(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Nanosecond })
}

func dateSecond(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Second })
}

func dateMinute(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Minute })
}

func dateHour(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Hour })
}

func dateDay(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Day })
}

func dateMonth(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Month })
}

func dateYear(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.Year })
}

func dateZoneOffset(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.ZoneOffset })
}

func dateYearDay(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return d.goTime().YearDay() })
}

func dateWeekDay(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return field(a, func(d *Date) int { return int(d.goTime().Weekday()) })
}

// weekNumber is date-week-number: the week of the year, ignoring a first
// partial week, weeks starting on weekday first (Sunday 0).
func (d *Date) weekNumber(first int) int {
	jan1 := time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	before := ((first-int(jan1.Weekday()))%7 + 7) % 7
	return (d.goTime().YearDay() - before) / 7
}

func dateWeekNumber(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*Date).weekNumber(int(a[1].(scheme.Fixnum)))), nil
}

func currentDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	now := time.Now()
	return dateOf(now, tzArg(a[0], now)), nil
}

func dateToTimeUtc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &scheme.Time{T: a[0].(*Date).goTime(), Type: timeUTC}, nil
}

func dateToTimeTai(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return dateToAtomic(a[0].(*Date), timeTAI)
}

func dateToTimeMonotonic(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return dateToAtomic(a[0].(*Date), timeMonotonic)
}

// dateToAtomic returns d as a time of type to (TAI or monotonic). Second 60
// is the leap second: one second after second 59, where UTC has no second
// of its own for it.
func dateToAtomic(d *Date, to *scheme.Symbol) (*scheme.Time, error) {
	if d.Second != 60 {
		return convert(&scheme.Time{T: d.goTime()}, timeUTC, to)
	}
	before := *d
	before.Second = 59
	t, err := convert(&scheme.Time{T: before.goTime()}, timeUTC, to)
	if err == nil {
		t.T = t.T.Add(time.Second)
	}
	return t, err
}

// toDate makes the time-X->date procedures. A TAI or monotonic time within
// an inserted leap second has a date with second 60 (SRFI-19: "60
// represents a leap second"), as UTC maps it and the next second alike.
func toDate(a []scheme.Value, from *scheme.Symbol) (scheme.Value, error) {
	t, err := convert(a[0].(*scheme.Time), from, timeUTC)
	if err != nil {
		return nil, err
	}
	if from != timeUTC && leapTAI(a[0].(*scheme.Time).T.Unix()) {
		before := t.T.Add(-time.Second)
		d := dateOf(before, tzArg(a[1], before))
		d.Second++
		return d, nil
	}
	return dateOf(t.T, tzArg(a[1], t.T)), nil
}

func timeUtcToDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toDate(a, timeUTC)
}

func timeTaiToDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toDate(a, timeTAI)
}

func timeMonotonicToDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return toDate(a, timeMonotonic)
}

var (
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
)

// formats are the directives that stand for other format strings.
var formats = map[byte]string{
	'c': "~a ~b ~d ~H:~M:~S~z ~Y", 'D': "~m/~d/~y", 'r': "~I:~M:~S ~p", 'T': "~H:~M:~S",
	'x': "~m/~d/~y", 'X': "~H:~M:~S", '1': "~Y-~m-~d", '2': "~H:~M:~S~z", '3': "~H:~M:~S",
	'4': "~Y-~m-~dT~H:~M:~S~z", '5': "~Y-~m-~dT~H:~M:~S",
}

// format is date->string.
func (d *Date) format(f string) string {
	var b strings.Builder
	t := d.goTime()
	hour12 := (d.Hour+11)%12 + 1
	for i := 0; i < len(f); i++ {
		if f[i] != '~' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		c := f[i]
		if sub, ok := formats[c]; ok {
			b.WriteString(d.format(sub))
			continue
		}
		switch c {
		case '~':
			b.WriteByte('~')
		case 'a':
			b.WriteString(weekdays[t.Weekday()][:3])
		case 'A':
			b.WriteString(weekdays[t.Weekday()])
		case 'b', 'h':
			b.WriteString(months[d.Month-1][:3])
		case 'B':
			b.WriteString(months[d.Month-1])
		case 'd':
			fmt.Fprintf(&b, "%02d", d.Day)
		case 'e':
			fmt.Fprintf(&b, "%2d", d.Day)
		case 'f':
			fmt.Fprintf(&b, "%02d", d.Second)
			if d.Nanosecond != 0 {
				b.WriteString("." + strings.TrimRight(fmt.Sprintf("%09d", d.Nanosecond), "0"))
			}
		case 'H':
			fmt.Fprintf(&b, "%02d", d.Hour)
		case 'I':
			fmt.Fprintf(&b, "%02d", hour12)
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'k':
			fmt.Fprintf(&b, "%2d", d.Hour)
		case 'l':
			fmt.Fprintf(&b, "%2d", hour12)
		case 'm':
			fmt.Fprintf(&b, "%02d", d.Month)
		case 'M':
			fmt.Fprintf(&b, "%02d", d.Minute)
		case 'n':
			b.WriteByte('\n')
		case 'N':
			fmt.Fprintf(&b, "%09d", d.Nanosecond)
		case 'p':
			b.WriteString(map[bool]string{true: "AM", false: "PM"}[d.Hour < 12])
		case 's':
			b.WriteString(strconv.FormatInt(t.Unix(), 10))
		case 'S':
			fmt.Fprintf(&b, "%02d", d.Second)
		case 't':
			b.WriteByte('\t')
		case 'U':
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-int(t.Weekday()))/7)
		case 'V':
			_, w := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", w)
		case 'w':
			b.WriteString(strconv.Itoa(int(t.Weekday())))
		case 'W':
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-(int(t.Weekday())+6)%7)/7)
		case 'y':
			fmt.Fprintf(&b, "%02d", (d.Year%100+100)%100)
		case 'Y':
			b.WriteString(strconv.Itoa(d.Year))
		case 'z':
			b.WriteString(zoneString(d.ZoneOffset))
		case 'Z':
			// symbol time zone: not implemented, as in the reference
		default:
			b.WriteByte('~')
			b.WriteByte(c)
		}
	}
	return b.String()
}

// zoneString is ~z: Z for UTC, else the RFC-822 ±hhmm.
func zoneString(off int) string {
	if off == 0 {
		return "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d%02d", sign, off/3600, off%3600/60)
}

func dateToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := "~c"
	if s, ok := a[1].(*scheme.String); ok {
		f = s.String()
	}
	return scheme.NewString(a[0].(*Date).format(f)), nil
}

// parser reads an input string for string->date.
type parser struct {
	in  []rune
	pos int
}

func (p *parser) skip(ok func(rune) bool) {
	for p.pos < len(p.in) && !ok(p.in[p.pos]) {
		p.pos++
	}
}

// number reads up to max decimal digits (at least one), after blanks when
// blank is set.
func (p *parser) number(max int, blank bool) (int, bool) {
	for blank && p.pos < len(p.in) && p.in[p.pos] == ' ' {
		p.pos++
	}
	n, digits := 0, 0
	for p.pos < len(p.in) && digits < max && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
		n = n*10 + int(p.in[p.pos]-'0')
		p.pos++
		digits++
	}
	return n, digits > 0
}

// name reads a run of letters and returns its index in names (by the full
// name, or its first three letters when abbr), or -1.
func (p *parser) name(names []string, abbr bool) int {
	start := p.pos
	for p.pos < len(p.in) && unicode.IsLetter(p.in[p.pos]) {
		p.pos++
	}
	word := strings.ToLower(string(p.in[start:p.pos]))
	for i, n := range names {
		if abbr {
			n = n[:3]
		}
		if strings.ToLower(n) == word {
			return i
		}
	}
	return -1
}

// zone reads ~z: Z, or ±hhmm (±hh:mm).
func (p *parser) zone() (int, bool) {
	if p.pos < len(p.in) && (p.in[p.pos] == 'Z' || p.in[p.pos] == 'z') {
		p.pos++
		return 0, true
	}
	if p.pos >= len(p.in) || (p.in[p.pos] != '+' && p.in[p.pos] != '-') {
		return 0, false
	}
	sign := 1
	if p.in[p.pos] == '-' {
		sign = -1
	}
	p.pos++
	h, ok := p.number(2, false)
	if p.pos < len(p.in) && p.in[p.pos] == ':' {
		p.pos++
	}
	m, ok2 := p.number(2, false)
	return sign * (h*3600 + m*60), ok && ok2
}

// parseDate is string->date.
func parseDate(input, tmpl string) (*Date, error) {
	p := &parser{in: []rune(input)}
	now := time.Now()
	d := &Date{ZoneOffset: localOffset(now)}
	var haveDay, haveMonth, haveYear bool
	fail := func(what string) error {
		return scheme.Errorf("string->date: input %q does not match template %q at %s", input, tmpl, what)
	}
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	t := []rune(tmpl)
	for i := 0; i < len(t); i++ {
		if t[i] != '~' || i+1 == len(t) {
			if p.pos >= len(p.in) || p.in[p.pos] != t[i] {
				return nil, fail(fmt.Sprintf("literal %q", t[i]))
			}
			p.pos++
			continue
		}
		i++
		c := t[i]
		var ok bool
		switch c {
		case '~':
			ok = p.pos < len(p.in) && p.in[p.pos] == '~'
			p.pos++
		case 'a', 'A':
			p.skip(unicode.IsLetter)
			ok = p.name(weekdays, c == 'a') >= 0
		case 'b', 'h', 'B':
			p.skip(unicode.IsLetter)
			var m int
			m = p.name(months, c != 'B')
			ok, d.Month, haveMonth = m >= 0, m+1, m >= 0
		case 'd':
			p.skip(isDigit)
			d.Day, ok = p.number(2, false)
			haveDay = ok
		case 'e':
			d.Day, ok = p.number(2, true)
			haveDay = ok
		case 'H':
			p.skip(isDigit)
			d.Hour, ok = p.number(2, false)
		case 'k':
			d.Hour, ok = p.number(2, true)
		case 'm':
			p.skip(isDigit)
			d.Month, ok = p.number(2, false)
			haveMonth = ok
		case 'M':
			p.skip(isDigit)
			d.Minute, ok = p.number(2, false)
		case 'S':
			p.skip(isDigit)
			d.Second, ok = p.number(2, false)
		case 'y':
			var y int
			y, ok = p.number(2, true)
			// the year within 50 years of the current year ending in y
			cur := now.Year()
			d.Year = cur - (cur%100+100)%100 + y
			if d.Year > cur+50 {
				d.Year -= 100
			} else if d.Year <= cur-50 {
				d.Year += 100
			}
			haveYear = ok
		case 'Y':
			p.skip(isDigit)
			d.Year, ok = p.number(9, false)
			haveYear = ok
		case 'z':
			d.ZoneOffset, ok = p.zone()
		default:
			return nil, scheme.Errorf("string->date: unknown directive ~%c in template %q", c, tmpl)
		}
		if !ok {
			return nil, fail("~" + string(c))
		}
	}
	if !haveDay || !haveMonth || !haveYear {
		return nil, scheme.Errorf("string->date: template %q does not read a whole date (day, month and year)", tmpl)
	}
	if d.invalid() >= 0 {
		return nil, scheme.Errorf("string->date: input %q is not a valid date", input)
	}
	return d, nil
}

func stringToDate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return parseDate(a[0].(*scheme.String).String(), a[1].(*scheme.String).String())
}
