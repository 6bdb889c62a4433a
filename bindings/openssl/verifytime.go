// verify-time: and ssl-set-verify-time!: checking certificates as of another moment [ext].

package openssl

import (
	"math"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// verifyTimeDoc describes the accepted values, shared by the keyword and
// the setter.
const verifyTimeDoc = "a SRFI-18 time object, a real number of seconds since the epoch (as time->seconds gives), or #f for the current time"

// setVerifyTime is the verify-time: keyword and ssl-set-verify-time!: the
// context checks certificate validity periods as of the given moment.
func setVerifyTime(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	var t time.Time
	switch x := v.(type) {
	case *scheme.Time:
		t = x.T
	case scheme.Fixnum:
		t = time.Unix(int64(x), 0)
	case scheme.Flonum:
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return scheme.RangeError(who, 2, "verify time must be finite", v)
		}
		sec, frac := math.Modf(f)
		t = time.Unix(int64(sec), int64(frac*1e9))
	default:
		if v != scheme.Value(scheme.False) {
			return scheme.TypeError(who, 2, "time object, seconds or #f", v)
		}
	}
	return wrap(who, ctx.SetVerifyTime(t))
}
