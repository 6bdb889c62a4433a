// The (exn i/o net starttls) condition of a refused upgrade, and dialogue errors as conditions.

package starttls

import (
	"errors"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
)

// KindStartTLS is the condition kind of a refused upgrade; its properties
// are protocol (a symbol) and reply (the server's reply, a string).
const KindStartTLS = "starttls"

// convert turns a *starttls.RefusedError anywhere in err's chain into its
// (exn i/o net starttls) condition.
func convert(err error) (scheme.Value, bool) {
	var re *starttls.RefusedError
	if !errors.As(err, &re) {
		return nil, false
	}
	return refusal(string(re.Protocol)+"-starttls", re), true
}

// refusal is the condition of re raised by who.
func refusal(who string, re *starttls.RefusedError) *scheme.Condition {
	c := scheme.MakeError(who, string(re.Protocol)+" server refused TLS ("+re.Reason+")",
		[]scheme.Value{scheme.NewString(re.Reply)}, conditions.KindIO, conditions.KindNet, KindStartTLS)
	c.Set(KindStartTLS, "protocol", scheme.Intern(string(re.Protocol)))
	c.Set(KindStartTLS, "reply", scheme.NewString(re.Reply))
	c.Cause = re
	return c
}

// dialogueError returns the Scheme error of a failed dialogue step: a
// refusal condition, a TLS/port condition with its location, or an
// (exn i/o net) condition for a network or protocol failure
// ((exn i/o net timeout) when a step outlived timeout).
func dialogueError(who string, err error, timeout time.Duration) error {
	var re *starttls.RefusedError
	if errors.As(err, &re) {
		return scheme.Raise(refusal(who, re))
	}
	var ce *conditions.Error
	var se *scheme.Error
	if errors.As(err, &ce) || errors.As(err, &se) {
		return tlsval.Located(who, err)
	}
	e := tlsval.NetError(conditions.OpRead, "", conditions.Millis(timeout), err)
	if !e.HasKind(conditions.KindTimeout) {
		e.Message = "starttls dialogue failed: " + err.Error()
	}
	return e.WithLocation(who)
}
