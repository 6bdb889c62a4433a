// ConnMeta: what a binding knew when it made a connection (context, snapshot, names, key-log secret), owned by the connection.

package tlsval

import (
	"bytes"
	"crypto/tls"
	"encoding/hex"
	"io"
	"sync"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// ConnMeta is what a binding knew when it made a connection, for the
// introspection of spec §1.3.3: the context, the connection's snapshot,
// the names sent and verified, the callback [Handle]. It belongs to the
// connection's Scheme value ([Conn.Meta], a TLS socket), so it lives and
// dies with the connection: nothing global refers to it. Safe for
// concurrent use.
type ConnMeta struct {
	Ctx        *tlsctx.Context    // the context the connection was made from
	CC         *tlsctx.ConnConfig // its snapshot (session cache, tickets); see SetConfig
	ServerName string             // SNI sent (clients)
	VerifyName string             // hostname verification name (clients)
	H          *Handle            // the handle its callbacks get, or nil

	mu        sync.Mutex
	start     time.Time // first time the handshake was seen complete
	masterKey []byte    // TLS 1.2 master secret from the key log

	own Handle // H when made by NewConnMetaHandle
}

// NewConnMeta returns the metadata of a connection made from ctx with
// snapshot cc (nil when the snapshot is made later: [ConnMeta.SetConfig]).
func NewConnMeta(ctx *tlsctx.Context, cc *tlsctx.ConnConfig, serverName, verifyName string, h *Handle) *ConnMeta {
	m := &ConnMeta{Ctx: ctx, ServerName: serverName, VerifyName: verifyName, H: h}
	if cc != nil {
		m.SetConfig(cc)
	}
	return m
}

// NewConnMetaHandle is NewConnMeta for a connection whose Handle is
// made with its metadata, in the same allocation: H is a fresh handle
// (Port #f until [Handle.SetPort]) to pass as the ConnParams.Handle of
// the snapshot, recorded afterwards with [ConnMeta.SetConfig].
func NewConnMetaHandle(ctx *tlsctx.Context, serverName, verifyName string) *ConnMeta {
	m := &ConnMeta{Ctx: ctx, ServerName: serverName, VerifyName: verifyName}
	m.own.port = scheme.False
	m.H = &m.own
	return m
}

// SetConfig records the connection's snapshot and hooks it before the
// handshake: the key log passes through m (the master secret is kept for
// ssl-connection-info). (The handshake state for peer queries made inside
// callbacks reaches the Handle through verification: it is the
// ConnParams.Handle, a tlsctx.StateObserver.)
func (m *ConnMeta) SetConfig(cc *tlsctx.ConnConfig) {
	m.CC = cc
	if cc == nil || cc.TLS == nil {
		return
	}
	if w := cc.TLS.KeyLogWriter; w != nil {
		cc.TLS.KeyLogWriter = keyLogTap{w: w, m: m}
	}
}

// StartTime returns when the handshake was first seen complete (the engine
// does not time-stamp it; introspection calls observe it).
func (m *ConnMeta) StartTime(done bool) time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	if done && m.start.IsZero() {
		m.start = time.Now()
	}
	return m.start
}

// MasterKey returns the TLS 1.2 master secret logged for the connection
// (the CLIENT_RANDOM line of its key log), or nil: no key logging on the
// context, TLS 1.3 (no master secret), or no handshake yet.
func (m *ConnMeta) MasterKey() []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.masterKey
}

// SessionCache returns the client session cache of the connection, or nil.
func (m *ConnMeta) SessionCache() tls.ClientSessionCache {
	if m.CC == nil || m.CC.TLS == nil {
		return nil
	}
	return m.CC.TLS.ClientSessionCache
}

// keyLogTap is the per-connection KeyLogWriter: it keeps the master secret
// of the NSS "CLIENT_RANDOM <random> <secret>" line and passes every line
// on to the context's key log.
type keyLogTap struct {
	w io.Writer
	m *ConnMeta
}

func (k keyLogTap) Write(p []byte) (int, error) {
	for line := range bytes.Lines(p) {
		f := bytes.Fields(line)
		if len(f) == 3 && string(f[0]) == "CLIENT_RANDOM" {
			if secret, err := hex.DecodeString(string(f[2])); err == nil {
				k.m.mu.Lock()
				k.m.masterKey = secret
				k.m.mu.Unlock()
			}
		}
	}
	return k.w.Write(p)
}
