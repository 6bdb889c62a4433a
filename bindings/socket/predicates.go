// Condition predicates and accessors of spec §1.5 / §1.6 (host-not-found-error?, socket-error-socket, …).

package socket

import "github.com/tlsport/tlsport/scheme"

func kindPred(kind string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		c, ok := a[0].(*scheme.Condition)
		return scheme.MakeBool(ok && c.Has(kind)), nil
	}
}

func propAccessor(who, kind, prop string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		c, ok := a[0].(*scheme.Condition)
		if !ok || !c.Has(kind) {
			return nil, scheme.TypeError(who, 1, "&"+kind+" condition", a[0])
		}
		v, ok := c.Get(kind, prop)
		if !ok {
			return scheme.False, nil
		}
		return v, nil
	}
}

var (
	hostNotFoundErrorP       = kindPred(KindHostNotFound)
	hostNotFoundErrorNode    = propAccessor("host-not-found-error-node", KindHostNotFound, "node")
	hostNotFoundErrorService = propAccessor("host-not-found-error-service", KindHostNotFound, "service")
	socketErrorP             = kindPred(KindSocket)
	socketErrorSocket        = propAccessor("socket-error-socket", KindSocket, "socket")
	socketConnectionErrorP   = kindPred(KindSocketConnection)
	socketClosedErrorP       = kindPred(KindSocketClosed)
	socketReadTimeoutErrorP  = kindPred(KindSocketReadTimeout)
	socketPortErrorP         = kindPred(KindSocketPort)
	socketErrorPort          = propAccessor("socket-error-port", KindSocketPort, "port")
	assertionViolationP      = func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(IsAssertion(a[0])), nil
	}
)
