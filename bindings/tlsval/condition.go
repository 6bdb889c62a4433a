// Go → Scheme errors: *conditions.Error becomes a composite condition (spec §0.5).

package tlsval

import (
	"errors"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// Install registers [Convert] as an error converter of in. Call it once
// per Interp (the binding libraries do it from their Init).
func Install(in *scheme.Interp) {
	in.AddErrorConverter(Convert)
}

// Convert is the error converter: a *conditions.Error anywhere in err's
// chain becomes its Scheme condition ([Condition]); ok is false otherwise.
func Convert(err error) (scheme.Value, bool) {
	var e *conditions.Error
	if !errors.As(err, &e) {
		return nil, false
	}
	c := Condition(e)
	c.Cause = err
	return c, true
}

// Located returns err with exn.location set to who when err is a
// *conditions.Error without a location; other errors are returned as they are.
func Located(who string, err error) error {
	if err == nil {
		return nil // before e, whose address escapes: no allocation on success
	}
	var e *conditions.Error
	if !errors.As(err, &e) || e.Location != "" {
		return err
	}
	return e.WithLocation(who)
}

// WithLimit makes a timeout condition err report limit, the configured
// timeout, as its timeout.ms, where the wait that failed was given only
// what was left of it (a wait made again after a thread-signal! handler,
// [scheme.Thread.ResumableWaitFor]). Other errors pass through.
func WithLimit(err error, limit time.Duration) error {
	var e *conditions.Error
	if limit > 0 && errors.As(err, &e) && e.Timeout() {
		e.TimeoutMS = conditions.Millis(limit)
	}
	return err
}

// Condition builds the Scheme condition of e: its kinds in order, the exn
// properties, every openssl property of §0.5 when e is an openssl
// condition, and timeout.ms for timeouts. Cause is e.
func Condition(e *conditions.Error) *scheme.Condition {
	var args []scheme.Value
	for _, a := range e.Arguments {
		args = append(args, FromGo(a))
	}
	kinds := e.Kinds
	if len(kinds) == 0 || kinds[0] != conditions.KindExn {
		kinds = append([]string{conditions.KindExn}, kinds...)
	}
	c := scheme.MakeError(e.Location, e.Message, args, kinds[1:]...)
	c.Cause = e
	if e.HasKind(conditions.KindOpenSSL) {
		setOpenSSL(c, e)
	}
	if e.HasKind(conditions.KindTimeout) {
		c.Set(conditions.KindTimeout, "ms", optOrFalse(e.TimeoutMS))
	}
	return c
}

func setOpenSSL(c *scheme.Condition, e *conditions.Error) {
	set := func(prop string, v scheme.Value) { c.Set(conditions.KindOpenSSL, prop, v) }
	if s, ok := e.Status.Symbol(); ok {
		set("status", scheme.Intern(s))
	} else {
		set("status", scheme.False)
	}
	set("reason", scheme.NewString(e.Reason))
	set("library", scheme.NewString(e.Library))
	set("function", scheme.NewString(e.Function))
	set("alert", optOrFalse(e.Alert))
	set("alert-description", symOrFalse(e.AlertDescription))
	set("alert-origin", symOrFalse(e.AlertOrigin))
	set("verify-code", optOrFalse(e.VerifyCode))
	set("verify-error", symOrFalse(e.VerifyError))
	set("verify-message", strOrFalse(e.VerifyMessage))
	set("depth", optOrFalse(e.Depth))
	set("certificate", CertificateValue(e.Certificate))
	if e.Errno != 0 {
		set("errno", scheme.Fixnum(e.Errno))
	} else {
		set("errno", scheme.False)
	}
	set("errno-name", symOrFalse(e.ErrnoName))
	set("eof", scheme.MakeBool(e.EOF))
	set("retry", scheme.MakeBool(e.Retry))
	set("ech-retry-configs", bytesOrFalse(e.ECHRetryConfigs))
	set("record-header", bytesOrFalse(e.RecordHeader))
	set("cause", causeValue(e.CallbackCause))
	set("go-type", strOrFalse(e.GoType))
}

func causeValue(v any) scheme.Value {
	switch x := v.(type) {
	case nil:
		return scheme.False
	case scheme.Value:
		return x
	case error:
		if cv, ok := Convert(x); ok {
			return cv
		}
		var se *scheme.Error
		if errors.As(x, &se) {
			return se.Condition
		}
		return scheme.NewString(x.Error())
	}
	return FromGo(v)
}

func optOrFalse(o conditions.Opt) scheme.Value {
	if n, ok := o.Get(); ok {
		return scheme.Fixnum(n)
	}
	return scheme.False
}

func symOrFalse(s string) scheme.Value {
	if s == "" {
		return scheme.False
	}
	return scheme.Intern(s)
}

func strOrFalse(s string) scheme.Value {
	if s == "" {
		return scheme.False
	}
	return scheme.NewString(s)
}

func bytesOrFalse(b []byte) scheme.Value {
	if b == nil {
		return scheme.False
	}
	return &scheme.Bytevector{B: append([]byte(nil), b...)}
}
