// Socket conditions of spec §1.5 (&host-not-found, &socket, …) with their CHICKEN kinds, and the R6RS &assertion view.

package socket

import (
	"errors"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/rnrsconditions"
)

// Condition kinds of the Sagittarius socket conditions (spec §1.5). Each
// condition also has the CHICKEN kinds exn, i/o and net.
const (
	KindSocket            = "socket"              // &socket; property socket
	KindHostNotFound      = "host-not-found"      // &host-not-found; properties node, service
	KindSocketConnection  = "socket-connection"   // &socket-connection
	KindSocketClosed      = "socket-closed"       // &socket-closed
	KindSocketReadTimeout = "socket-read-timeout" // &socket-read-timeout
	KindSocketPort        = "socket-port"         // &socket-port; property port
	KindAssertion         = "assertion"           // R6RS &assertion (wrong argument types and counts)
)

// The socket condition types, R6RS condition types over the kinds above,
// in sagittarius-socket.md's hierarchy: &i/o > &host-not-found, &socket >
// &socket-connection, &socket-closed, &socket-read-timeout, &socket-port.
// condition-predicate and define-condition-type take them; their fields
// are read with the accessors (socket-error-socket …).
var (
	ioType                = rnrsconditions.NewType("&i/o", nil) // R6RS's &i/o: the kinds exn and i/o
	HostNotFoundType      = rnrsconditions.NewType("&"+KindHostNotFound, ioType)
	SocketType            = rnrsconditions.NewType("&"+KindSocket, ioType)
	SocketConnectionType  = rnrsconditions.NewType("&"+KindSocketConnection, SocketType)
	SocketClosedType      = rnrsconditions.NewType("&"+KindSocketClosed, SocketType)
	SocketReadTimeoutType = rnrsconditions.NewType("&"+KindSocketReadTimeout, SocketType)
	SocketPortType        = rnrsconditions.NewType("&"+KindSocketPort, SocketType)
)

// conditionTypes are the bindings of the condition types.
var conditionTypes = []scheme.Binding{
	{Name: "&host-not-found", Spec: spec, Doc: "The condition type of a node and service that do not resolve (parent &i/o; fields node and service).", Value: HostNotFoundType},
	{Name: "&socket", Spec: spec, Doc: "The condition type of a failed socket operation (parent &i/o; field socket).", Value: SocketType},
	{Name: "&socket-connection", Spec: spec, Doc: "A connection refused, unreachable or timed out (parent &socket).", Value: SocketConnectionType},
	{Name: "&socket-closed", Spec: spec, Doc: "The socket was closed (parent &socket).", Value: SocketClosedType},
	{Name: "&socket-read-timeout", Spec: spec, Doc: "A read timed out (parent &socket).", Value: SocketReadTimeoutType},
	{Name: "&socket-port", Spec: spec, Doc: "I/O through a socket port failed (parent &socket; field port).", Value: SocketPortType},
}

// addKind adds kind (without properties) to c unless present.
func addKind(c *scheme.Condition, kinds ...string) {
	for _, k := range kinds {
		if !c.Has(k) {
			c.Kinds = append(c.Kinds, scheme.CondKind{Kind: scheme.Intern(k)})
		}
	}
}

// Error converts err, raised by the operation who on sock (nil: no socket
// yet), into the Scheme condition to raise: a *conditions.Error becomes its
// §0.5 condition located at who, plus kind socket carrying sock, plus
// socket-read-timeout for a read timeout and the extra kinds given.
// Scheme errors (wrong types …) pass through. nil stays nil.
func Error(who string, sock scheme.Value, err error, extra ...string) error {
	if err == nil {
		return nil
	}
	if c := Condition(who, sock, err, extra...); c != nil {
		return scheme.Raise(c)
	}
	return err
}

// Condition is the condition [Error] raises, or nil when err is not a
// *conditions.Error.
func Condition(who string, sock scheme.Value, err error, extra ...string) *scheme.Condition {
	var ce *conditions.Error
	if !errors.As(err, &ce) {
		return nil
	}
	if ce.Location == "" {
		ce = ce.WithLocation(who)
	}
	c := tlsval.Condition(ce)
	c.Cause = err
	if sock != nil {
		c.Set(KindSocket, "socket", sock)
	}
	if ce.HasKind(conditions.KindTimeout) && (ce.Function == string(conditions.OpRead) || strings.Contains(ce.Message, "read")) {
		addKind(c, KindSocket, KindSocketReadTimeout)
	}
	if ce.Status == conditions.ZeroReturn {
		extra = append(extra, KindSocketClosed)
	}
	for _, k := range extra {
		if k == KindSocketConnection || k == KindSocketClosed || k == KindSocketReadTimeout || k == KindSocketPort {
			addKind(c, KindSocket)
		}
		addKind(c, k)
	}
	return c
}

// HostNotFound is the &host-not-found condition for node and service
// (kinds exn i/o net host-not-found).
func HostNotFound(who, node, service string, cause error) error {
	msg := "host not found: " + node
	if service != "" {
		msg += ":" + service
	}
	c := scheme.MakeError(who, msg, []scheme.Value{scheme.NewString(node), scheme.NewString(service)},
		conditions.KindIO, conditions.KindNet, KindHostNotFound)
	c.Set(KindHostNotFound, "node", scheme.NewString(node))
	c.Set(KindHostNotFound, "service", scheme.NewString(service))
	c.Cause = cause
	return scheme.Raise(c)
}

// Closed is the &socket-closed condition for I/O on a closed socket
// (kinds exn i/o net socket socket-closed).
func Closed(who string, sock scheme.Value) error {
	c := scheme.MakeError(who, "socket already closed", []scheme.Value{sock},
		conditions.KindIO, conditions.KindNet, KindSocket, KindSocketClosed)
	c.Set(KindSocket, "socket", sock)
	return scheme.Raise(c)
}

// IsAssertion is the assertion-violation? view: kind assertion, or the
// interpreter's own wrong-type (type), out-of-range (bounds) and
// wrong-argument-count (arity) errors.
func IsAssertion(v scheme.Value) bool {
	c, ok := v.(*scheme.Condition)
	if !ok {
		return false
	}
	return c.Has(KindAssertion) || c.Has(conditions.KindType) || c.Has("bounds") || c.Has("arity")
}
