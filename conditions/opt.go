// Opt: an optional int whose zero value means none.

package conditions

import (
	"strconv"
	"time"
)

// Opt is an optional non-negative number of an [Error] or [State] field
// (an alert, a verify code, a chain depth, a limit in milliseconds). Its
// zero value means none, so 0 stays a real value (close_notify, X509_V_OK,
// the leaf). Build one with [Some] or [Millis]; read it with [Opt.Get].
// Opt values compare with ==.
type Opt struct {
	n  int
	ok bool
}

// Some returns the Opt holding n.
func Some(n int) Opt { return Opt{n: n, ok: true} }

// Millis returns the limit d in whole milliseconds, none when d <= 0 (no
// limit).
func Millis(d time.Duration) Opt {
	if d <= 0 {
		return Opt{}
	}
	return Some(int(d / time.Millisecond))
}

// index returns Some(i) for an index i >= 0, none for i < 0.
func index(i int) Opt {
	if i < 0 {
		return Opt{}
	}
	return Some(i)
}

// Get returns the number and true, or 0 and false when o is none.
func (o Opt) Get() (int, bool) { return o.n, o.ok }

// String returns the number in decimal, or "none".
func (o Opt) String() string {
	if !o.ok {
		return "none"
	}
	return strconv.Itoa(o.n)
}
