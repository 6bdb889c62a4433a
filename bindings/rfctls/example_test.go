// Runnable examples of (rfc tls).

package rfctls_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/rfctls"
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/x509"
	"github.com/tlsport/tlsport/scheme"
)

// A TLS server with the ephemeral self-signed certificate and a client on
// the same loopback connection; the client trusts only that certificate.
func Example() {
	in := scheme.New()
	for _, l := range []*scheme.Library{socket.Library, x509.Library, rfctls.Library} {
		if err := in.Register(l); err != nil {
			panic(err)
		}
		in.Import(l.Name)
	}
	v, err := in.EvalString(context.Background(), `
	  (let* ((server (make-server-tls-socket "0" '() :host "127.0.0.1"))
	         (port (number->string (socket-info-port (tls-socket-info server))))
	         (c (make-client-tls-socket "localhost" port :handshake #f))
	         (s (tls-socket-accept server :handshake #f)))
	    (let ((t (make-thread (lambda () (tls-server-handshake s)))))
	      (thread-start! t)
	      (tls-client-handshake c)
	      (thread-join! t))
	    (tls-socket-send c (string->utf8 "hello over TLS"))
	    (let ((got (utf8->string (tls-socket-recv s 100))))
	      (for-each tls-socket-close (list c s server))
	      got))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.DisplayString(v))
	// Output: hello over TLS
}
