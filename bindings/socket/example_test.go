// Runnable examples of (sagittarius socket).

package socket_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/scheme"
)

// A plain socket echo over loopback, written as a Sagittarius user would.
func Example() {
	in := scheme.New()
	if err := in.Register(socket.Library); err != nil {
		panic(err)
	}
	in.Import(socket.Library.Name)
	v, err := in.EvalString(context.Background(), `
	  (let* ((server (make-server-socket "0" AF_INET SOCK_STREAM 0 "127.0.0.1"))
	         (port (number->string (socket-info-port (socket-info server))))
	         (c (make-client-socket "127.0.0.1" port))
	         (s (socket-accept server)))
	    (socket-send c (string->utf8 "ping"))
	    (let ((got (utf8->string (socket-recv s 10))))
	      (for-each socket-close (list c s server))
	      got))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: "ping"
}
