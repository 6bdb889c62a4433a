//go:build !unix

package ports

import (
	"net"
	"time"
)

// pending cannot poll the socket here: the caller tries an accept.
func pending(ln *net.TCPListener, d time.Duration) (ready, ok bool) { return false, false }
