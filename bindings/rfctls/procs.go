// The tls-socket-* procedures: data transfer, information, modes, ports, conditions (spec §1.2.2–§1.2.5, §1.6).

package rfctls

import (
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// with unpacks the tls-socket argument of who and calls f. The
// procedures are functions calling it with a function literal (no
// closure is made, at start-up or per call).
func with(th *scheme.Thread, a []scheme.Value, who string, f func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error)) (scheme.Value, error) {
	s, err := tlsArg(who, a[0])
	if err != nil {
		return nil, err
	}
	return f(th, s, a)
}

func tlsSocketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*TLSSocket)
	return scheme.MakeBool(ok), nil
}

func tlsSocketSend(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-send", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Send(th, "tls-socket-send", s, a[1], a[2])
	})
}

func tlsSocketSendRange(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-send/range", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.SendRangeArgs(th, "tls-socket-send/range", s, a)
	})
}

func tlsSocketRecv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-recv", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Recv(th, "tls-socket-recv", s, a[1], a[2])
	})
}

func tlsSocketRecvBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-recv!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.RecvInto(th, "tls-socket-recv!", s, a)
	})
}

func tlsSocketPendingP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-pending?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Pending()), nil
	})
}

func tlsSocketShutdown(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-shutdown", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Shutdown(th, "tls-socket-shutdown", s, a[1])
	})
}

func tlsSocketClose(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-close", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		_ = s.Close()
		return scheme.Unspecified, nil
	})
}

func tlsSocketClosedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-closed?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Closed()), nil
	})
}

func callWithTLSSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "call-with-tls-socket", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.CallWith(th, s, a[1])
	})
}

func tlsSocketPeer(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-peer", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Peer(s), nil
	})
}

func tlsSocketName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-name", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Name(s), nil
	})
}

func tlsSocketInfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-info", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.Name(s), nil
	})
}

func tlsSocketNode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-node", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.Node), nil
	})
}

func tlsSocketService(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-service", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.Service), nil
	})
}

func tlsSocketInfoValues(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-info-values", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.InfoValues("tls-socket-info-values", s, a[1])
	})
}

func tlsSocketPeerCertificate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-peer-certificate", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		c, err := s.PeerCertificate(th.Context())
		if err != nil {
			return nil, socket.Error("tls-socket-peer-certificate", s, err)
		}
		return tlsval.CertificateValue(c), nil
	})
}

func tlsSocketSelectedALPN(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-selected-alpn", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.StringOrFalse(s.SelectedALPN()), nil
	})
}

func tlsSocketRawSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-raw-socket", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return s.Raw, nil
	})
}

func tlsSocketError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-error", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		err := s.Error()
		if err == nil {
			return scheme.False, nil
		}
		if c := socket.Condition("tls-server-handshake", s, err); c != nil {
			return c, nil
		}
		return scheme.NewString(err.Error()), nil
	})
}

func tlsSocketNonblockingBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-nonblocking!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.Unspecified, socket.Error("tls-socket-nonblocking!", s, s.SetNonblocking(th.Context(), true))
	})
}

func tlsSocketBlockingBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-blocking!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.Unspecified, socket.Error("tls-socket-blocking!", s, s.SetNonblocking(th.Context(), false))
	})
}

func nonblockingTLSSocketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "nonblocking-tls-socket?", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(s.Nonblocking()), nil
	})
}

func tlsSocketSetReadTimeoutBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-set-read-timeout!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		d, err := socket.TimeoutArg("tls-socket-set-read-timeout!", 2, a[1])
		if err != nil {
			return nil, err
		}
		s.SetReadTimeout(d)
		return scheme.Unspecified, nil
	})
}

func tlsSocketGetReadTimeout(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-get-read-timeout", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.TimeoutValue(s.ReadTimeout()), nil
	})
}

func tlsSocketClientCertificateCallbackSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-client-certificate-callback-set!", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		if a[1] != scheme.Value(scheme.False) && !scheme.IsProcedure(a[1]) {
			return nil, scheme.TypeError("tls-socket-client-certificate-callback-set!", 2, "procedure or #f", a[1])
		}
		s.mu.Lock()
		s.certCB = a[1]
		s.mu.Unlock()
		return scheme.Unspecified, nil
	})
}

func tlsSocketPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		return socket.NewPort(s, tlsval.Bool(a[1], true)), nil
	})
}

func tlsSocketInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-input-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		in, _ := s.Ports(false)
		return in, nil
	})
}

func tlsSocketOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return with(th, a, "tls-socket-output-port", func(th *scheme.Thread, s *TLSSocket, a []scheme.Value) (scheme.Value, error) {
		_, out := s.Ports(false)
		return out, nil
	})
}

func tlsErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	return scheme.MakeBool(ok && c.Has(conditions.KindOpenSSL)), nil
}

func tlsErrorStatus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok || !c.Has(conditions.KindOpenSSL) {
		return nil, scheme.TypeError("tls-error-status", 1, "TLS condition", a[0])
	}
	v, _ := c.Get(conditions.KindOpenSSL, "status")
	if v == nil {
		return scheme.False, nil
	}
	return v, nil
}
