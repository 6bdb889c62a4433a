// Package loopback provides connected loopback TCP pairs for tests, and
// the process CPU clock for benchmarks.
package loopback

import (
	"net"
	"testing"
	"time"
)

// Pair returns the two ends of a loopback TCP connection on 127.0.0.1 (an
// OS-chosen port); both are closed when the test ends.
func Pair(t testing.TB) (client, server *net.TCPConn) {
	t.Helper()
	client, server = PairNoCleanup(t)
	t.Cleanup(func() { client.Close(); server.Close() })
	return client, server
}

// PairNoCleanup is Pair without the cleanup: the caller closes both ends
// (for tests that count leaked descriptors or goroutines).
func PairNoCleanup(t testing.TB) (client, server *net.TCPConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ch := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			ch <- nil
			return
		}
		ch <- c
	}()
	c, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s := <-ch
	if s == nil {
		c.Close()
		t.Fatal("loopback: accept failed")
	}
	return c.(*net.TCPConn), s.(*net.TCPConn)
}
