// The tls-socket-* procedures: data transfer, information, modes, ports, conditions (spec §1.2.2–§1.2.5, §1.6).

package rfctls

import (
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// with unpacks the tls-socket argument.
func with(who string, f func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error)) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		s, err := tlsArg(who, a[0])
		if err != nil {
			return nil, err
		}
		return f(th, s, a)
	}
}

func tlsSocketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*TLSSocket)
	return scheme.MakeBool(ok), nil
}

var (
	tlsSocketSend = with("tls-socket-send", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Send(th, "tls-socket-send", s, a[1], a[2])
	})
	tlsSocketSendRange = with("tls-socket-send/range", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.SendRangeArgs(th, "tls-socket-send/range", s, a)
	})
	tlsSocketRecv = with("tls-socket-recv", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Recv(th, "tls-socket-recv", s, a[1], a[2])
	})
	tlsSocketRecvBang = with("tls-socket-recv!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.RecvInto(th, "tls-socket-recv!", s, a)
	})
	tlsSocketPendingP = with("tls-socket-pending?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Pending()), nil
	})
	tlsSocketShutdown = with("tls-socket-shutdown", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Shutdown(th, "tls-socket-shutdown", s, a[1])
	})
	tlsSocketClose = with("tls-socket-close", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		_ = s.Close()
		return scheme.Unspecified, nil
	})
	tlsSocketClosedP = with("tls-socket-closed?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Closed()), nil
	})
	callWithTLSSocket = with("call-with-tls-socket", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.CallWith(th, s, a[1])
	})
	tlsSocketPeer = with("tls-socket-peer", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Peer(s), nil
	})
	tlsSocketName = with("tls-socket-name", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Name(s), nil
	})
	tlsSocketInfo = with("tls-socket-info", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Name(s), nil
	})
	tlsSocketNode = with("tls-socket-node", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.Node), nil
	})
	tlsSocketService = with("tls-socket-service", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.Service), nil
	})
	tlsSocketInfoValues = with("tls-socket-info-values", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.InfoValues("tls-socket-info-values", s, a[1])
	})
	tlsSocketPeerCertificate = with("tls-socket-peer-certificate", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		c, err := s.PeerCertificate(th.Context())
		if err != nil {
			return nil, socket.Error("tls-socket-peer-certificate", s, err)
		}
		return tlsval.CertificateValue(c), nil
	})
	tlsSocketSelectedALPN = with("tls-socket-selected-alpn", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.SelectedALPN()), nil
	})
	tlsSocketRawSocket = with("tls-socket-raw-socket", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return s.Raw, nil
	})
	tlsSocketError = with("tls-socket-error", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		err := s.Error()
		if err == nil {
			return scheme.False, nil
		}
		if c := socket.Condition("tls-server-handshake", s, err); c != nil {
			return c, nil
		}
		return scheme.NewString(err.Error()), nil
	})
	tlsSocketNonblockingBang = with("tls-socket-nonblocking!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.Unspecified, socket.Error("tls-socket-nonblocking!", s, s.SetNonblocking(th.Context(), true))
	})
	tlsSocketBlockingBang = with("tls-socket-blocking!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.Unspecified, socket.Error("tls-socket-blocking!", s, s.SetNonblocking(th.Context(), false))
	})
	nonblockingTLSSocketP = with("nonblocking-tls-socket?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Nonblocking()), nil
	})
	tlsSocketSetReadTimeoutBang = with("tls-socket-set-read-timeout!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		d, err := socket.TimeoutArg("tls-socket-set-read-timeout!", 2, a[1])
		if err != nil {
			return nil, err
		}
		s.SetReadTimeout(d)
		return scheme.Unspecified, nil
	})
	tlsSocketGetReadTimeout = with("tls-socket-get-read-timeout", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.TimeoutValue(s.ReadTimeout()), nil
	})
	tlsSocketClientCertificateCallbackSetBang = with("tls-socket-client-certificate-callback-set!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		if a[1] != scheme.Value(scheme.False) && !scheme.IsProcedure(a[1]) {
			return nil, socket.TypeError("tls-socket-client-certificate-callback-set!", 2, "procedure or #f", a[1])
		}
		s.mu.Lock()
		s.certCB = a[1]
		s.mu.Unlock()
		return scheme.Unspecified, nil
	})
	tlsSocketPort = with("tls-socket-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.NewPort(s, tlsval.Bool(a[1], true)), nil
	})
	tlsSocketInputPort = with("tls-socket-input-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		in, _ := s.Ports(false)
		return in, nil
	})
	tlsSocketOutputPort = with("tls-socket-output-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		_, out := s.Ports(false)
		return out, nil
	})
)

func tlsErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	return scheme.MakeBool(ok && c.Has(conditions.KindOpenSSL)), nil
}

func tlsErrorStatus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok || !c.Has(conditions.KindOpenSSL) {
		return nil, socket.TypeError("tls-error-status", 1, "TLS condition", a[0])
	}
	v, _ := c.Get(conditions.KindOpenSSL, "status")
	if v == nil {
		return scheme.False, nil
	}
	return v, nil
}
