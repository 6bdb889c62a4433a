// Per-connection facts the engine does not keep (context, SNI, snapshot), for the introspection of spec §1.3.3.

package openssl

import (
	"crypto/tls"
	"runtime"
	"sync"
	"time"
	"weak"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// connMeta is what a binding knew when it created a connection.
type connMeta struct {
	ctx        *tlsctx.Context    // the context the connection was made from
	cc         *tlsctx.ConnConfig // its snapshot (session cache, tickets, renegotiation)
	serverName string             // SNI sent (clients)
	verifyName string             // hostname verification name (clients)

	mu    sync.Mutex
	start time.Time // first time the handshake was seen complete
}

// startTime returns when the handshake was first seen complete (the engine
// does not time-stamp it; introspection calls observe it).
func (m *connMeta) startTime(done bool) time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	if done && m.start.IsZero() {
		m.start = time.Now()
	}
	return m.start
}

// metaTable maps live engines to their metadata; entries vanish with the engine.
type metaTable struct {
	mu sync.Mutex
	m  map[weak.Pointer[ports.Conn]]*connMeta
}

type metaKey struct{}

func metas(in *scheme.Interp) *metaTable {
	return in.HostData(metaKey{}, func() any {
		return &metaTable{m: make(map[weak.Pointer[ports.Conn]]*connMeta)}
	}).(*metaTable)
}

func (t *metaTable) put(e *ports.Conn, m *connMeta) {
	k := weak.Make(e)
	t.mu.Lock()
	t.m[k] = m
	t.mu.Unlock()
	runtime.AddCleanup(e, func(k weak.Pointer[ports.Conn]) {
		t.mu.Lock()
		delete(t.m, k)
		t.mu.Unlock()
	}, k)
}

// metaOf returns the metadata of e (an empty one for unknown engines).
func metaOf(th *scheme.Thread, e *ports.Conn) *connMeta {
	t := metas(th.Interp())
	t.mu.Lock()
	m := t.m[weak.Make(e)]
	t.mu.Unlock()
	if m == nil {
		m = &connMeta{}
	}
	return m
}

// sessionCache returns the client session cache of the connection, or nil.
func (m *connMeta) sessionCache() tls.ClientSessionCache {
	if m.cc == nil || m.cc.TLS == nil {
		return nil
	}
	return m.cc.TLS.ClientSessionCache
}
